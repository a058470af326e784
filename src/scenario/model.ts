/**
 * The scenario as the app uses it: plain data, times as epoch milliseconds (UTC),
 * produced by loadScenario() from a validated file. No DOM, no Cesium.
 */
import type {
  ConfidenceLevel,
  FlightConstraintsData,
  LocalizedTextData,
  ProvenanceKind,
  ScenarioFileData,
  SourceFileData,
  SourceTierName,
  StepSubjectData,
  StepViewData,
} from './schema';
import { pseudo } from '../i18n/catalogue';
import { PSEUDO_LANGUAGE } from '../i18n/languages';

export type { ConfidenceLevel, ProvenanceKind, SourceTierName };
export type LocalizedText = LocalizedTextData;

export interface Citation {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly date?: string;
  /** Kind of publisher (src/scenario/sourceTiers.ts); "other" with `tierAssumed` for an unrated source of an old file. */
  readonly tier: SourceTierName;
  readonly tierAssumed?: boolean;
  /** The publisher whose text the page reproduces, e.g. "Reuters". */
  readonly original?: string;
  /** Language of the page (two letters). */
  readonly language?: string;
  /** Absent for a data file the scenario was made from (then `file` says which). */
  readonly url?: string;
  readonly file?: SourceFileData;
  readonly note?: string;
}

export interface Place {
  readonly id: string;
  readonly kind: 'airport' | 'crash-site' | 'damage-area' | 'city' | 'waypoint';
  readonly name: LocalizedText;
  readonly shortName?: LocalizedText;
  readonly iata?: string;
  readonly icao?: string;
  readonly lat: number;
  readonly lon: number;
  readonly radiusM?: number;
  readonly utcOffsetMin?: number;
  readonly confidence: ConfidenceLevel;
  readonly sources: readonly string[];
  readonly note?: LocalizedText;
}

export interface TrackSample {
  readonly timeMs: number;
  readonly lat: number;
  readonly lon: number;
  readonly altitudeM: number;
  readonly provenance: ProvenanceKind;
  readonly altitudeProvenance: ProvenanceKind;
  readonly sources: readonly string[];
  readonly note?: LocalizedText;
  /** Half-width of the uncertainty corridor here (metres), when the track was reconstructed from anchors. */
  readonly halfWidthM?: number;
  /** Vertical uncertainty of the altitude (metres), when reconstructed. */
  readonly altitudeUncertaintyM?: number;
}

export interface AnchorFix {
  readonly timeMs: number;
  readonly lat: number;
  readonly lon: number;
  readonly radiusM: number;
  readonly altitudeM?: number;
  readonly provenance: ProvenanceKind;
  readonly sources: readonly string[];
  readonly note?: LocalizedText;
}

export interface RejectedFix {
  readonly id: string;
  readonly timeMs: number;
  readonly lat?: number;
  readonly lon?: number;
  readonly altitudeM?: number;
  readonly groundSpeedMps?: number;
  readonly verticalRateMps?: number;
  readonly label: LocalizedText;
  readonly reason: LocalizedText;
  readonly sources: readonly string[];
}

export interface Zone {
  readonly id: string;
  readonly kind: 'gnss-interference';
  readonly name: LocalizedText;
  readonly lat: number;
  readonly lon: number;
  readonly radiusM: number;
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly confidence: ConfidenceLevel;
  readonly sources: readonly string[];
  readonly note: LocalizedText;
}

export interface DataGap {
  readonly id: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly kind: 'no-data' | 'no-position' | 'corrupted';
  readonly description: LocalizedText;
  readonly sources: readonly string[];
}

export type StepKind = 'event' | 'epilogue';

export interface ReportedEvent {
  readonly index: number;
  readonly id: string;
  readonly kind: StepKind;
  /** The step's own time: the UTC instant of an event, the real date of an epilogue step. */
  readonly timeMs: number;
  /** The time as written in the file (a date for epilogue steps). */
  readonly timeText: string;
  readonly timePrecision: 'second' | 'minute' | 'approximate' | 'day';
  readonly title: LocalizedText;
  readonly caption: LocalizedText;
  readonly place?: string;
  readonly sources: readonly string[];
  readonly confidence: ConfidenceLevel;
  /** Why the step is cited as it is (e.g. why no better source carries it). */
  readonly note?: LocalizedText;
  /** Camera view for presenter mode, when the file gives one. */
  readonly view?: StepViewData;
  /** What the step's shot shows, when the file says (places, a part of the track). */
  readonly subject?: StepSubjectData;
}

export interface ClaimAlternative {
  readonly label: LocalizedText;
  readonly sources: readonly string[];
  readonly confidence: ConfidenceLevel;
  readonly place?: string;
  readonly altitudeM?: number;
}

export interface Claim {
  readonly id: string;
  readonly topic: LocalizedText;
  readonly step?: string;
  /** Why the accounts are cited as they are. */
  readonly note?: LocalizedText;
  readonly alternatives: readonly ClaimAlternative[];
}

export interface CitedFigure {
  readonly value: number;
  readonly sources: readonly string[];
}

/** A chapter: consecutive steps firstStep..lastStep (indices into `steps`) under one title. */
export interface Chapter {
  readonly id: string;
  readonly title: LocalizedText;
  readonly firstStep: number;
  readonly lastStep: number;
}

export interface Scenario {
  readonly id: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly languages: readonly string[];
  readonly flight: {
    readonly callsign?: string;
    readonly flightNumber?: string;
    readonly registration?: string;
    readonly aircraft?: string;
    readonly from: string;
    readonly to: string;
    readonly date: string;
    readonly sources: readonly string[];
  };
  /** Absent for an imported track. */
  readonly people?: Readonly<Record<'aboard' | 'passengers' | 'crew' | 'killed' | 'survived', CitedFigure>>;
  readonly sources: ReadonlyMap<string, Citation>;
  readonly places: ReadonlyMap<string, Place>;
  readonly track: readonly TrackSample[];
  readonly gaps: readonly DataGap[];
  /** Event steps in time order, then epilogue steps in date order. */
  readonly steps: readonly ReportedEvent[];
  /** The file's chapters in step order; empty when the file has none (src/scenario/chapters.ts). */
  readonly chapters: readonly Chapter[];
  readonly claims: readonly Claim[];
  /** Fixes the track was reconstructed from (src/scenario/reconstruction.ts), when the file has anchors. */
  readonly anchors?: readonly AnchorFix[];
  readonly constraints?: FlightConstraintsData;
  /** Received data judged wrong: shown, never used. */
  readonly rejected: readonly RejectedFix[];
  readonly zones: readonly Zone[];
  /** First and last track sample: the span the clock runs over. */
  readonly startMs: number;
  readonly endMs: number;
  /** Format revision of the file (1 = before source tiers; see SCENARIO_REVISION). */
  readonly revision: number;
  /** Sources of a revision-1 file that had no tier and are shown as "other" (unrated). */
  readonly unratedSources: number;
  /** When the sources were last checked (file's `checked`). */
  readonly checked?: string;
  /** The validated file this scenario was built from (exported again as is by "Export data → scenario"). */
  readonly file: ScenarioFileData;
}

/** Text in the wanted language, falling back to English. */
export function localize(text: LocalizedText, lang: string): string {
  if (lang === PSEUDO_LANGUAGE) return pseudo(text.en ?? '');
  return text[lang] ?? text.en ?? '';
}

/** The place's short label, else its name. */
export function placeLabel(place: Place, lang: string): string {
  return localize(place.shortName ?? place.name, lang);
}
