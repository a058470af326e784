/**
 * The scenario file format, version 1 (docs/SCENARIO.md), as a valibot schema.
 * Field-level checks live here; cross-references (ids, ordering) are checked in validate.ts.
 */
import * as v from 'valibot';

export const SCENARIO_FORMAT = 'flightrecon-scenario';
export const SCENARIO_VERSION = 1;
/**
 * Revisions within version 1 (docs/SCENARIO.md, "Revisions"). Revision 2 (December 2026): every source
 * has a `tier` and, when it has a URL, a `language`; a step or claim version cannot be "high" when its
 * best source is "other". Files without `revision` are revision 1 and are migrated when loaded.
 */
export const SCENARIO_REVISION = 2;

/** Kinds of publisher, best first: whose words a source gives (docs/SCENARIO.md, "Source tiers"). */
export const SOURCE_TIERS = ['official', 'wire', 'broadcaster', 'national', 'specialist', 'other'] as const;
export const SourceTier = v.picklist(SOURCE_TIERS, `must be one of ${SOURCE_TIERS.join(', ')}`);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ISO_DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

const isRealTime = (s: string) => Number.isFinite(Date.parse(s));

/** A UTC instant such as 2024-12-25T05:13:31Z. */
export const UtcInstant = v.pipe(
  v.string(),
  v.regex(ISO_INSTANT, 'must be an ISO 8601 UTC instant like 2024-12-25T05:13:31Z'),
  v.check(isRealTime, 'is not a real date and time'),
);

/** A date (2025-02-04) or a UTC instant; used by epilogue steps. */
export const DateOrInstant = v.pipe(
  v.string(),
  v.regex(ISO_DATE_OR_INSTANT, 'must be a date like 2025-02-04 or a UTC instant like 2024-12-25T05:13:31Z'),
  v.check(isRealTime, 'is not a real date'),
);

export const Id = v.pipe(v.string(), v.regex(ID, 'must be lower-case letters, digits and dashes'), v.maxLength(64, 'must be at most 64 characters'));

/** Text in several languages; English is required, others fall back to it. */
export const LocalizedText = v.pipe(
  v.record(v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'language codes are two lower-case letters')), text(4000)),
  v.check((r) => typeof r.en === 'string', 'must have an English ("en") text'),
);

const Latitude = v.pipe(v.number('must be a number'), v.finite('must be finite'), v.minValue(-90, 'must be >= -90'), v.maxValue(90, 'must be <= 90'));
const Longitude = v.pipe(v.number('must be a number'), v.finite('must be finite'), v.minValue(-180, 'must be >= -180'), v.maxValue(180, 'must be <= 180'));
/** Metres above mean sea level; from below the Dead Sea to above any airliner. */
const AltitudeM = v.pipe(
  v.number('must be a number'),
  v.finite('must be finite'),
  v.minValue(-500, 'must be >= -500 m'),
  v.maxValue(20000, 'must be <= 20000 m'),
);

export const Confidence = v.picklist(['high', 'medium', 'low'], 'must be "high", "medium" or "low"');
export const Provenance = v.picklist(['measured', 'reported', 'inferred'], 'must be "measured", "reported" or "inferred"');
const SourceIds = v.pipe(v.array(Id), v.minLength(1, 'must cite at least one source'), v.maxLength(20, 'must cite at most 20 sources'));

/** A data file a scenario was made from (an imported track): what it was and its fingerprint. */
export const SourceFile = v.strictObject({
  name: text(300),
  /** The detected format, e.g. "Flightradar24 CSV". */
  format: text(100),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')),
  /** Callsign, registration, ICAO 24-bit address as found in the file. */
  callsign: v.optional(text(20)),
  registration: v.optional(text(20)),
  icao24: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{6}$/, 'must be six lower-case hex digits'))),
});

/** Every source has a URL, or is a data file (`file`) the scenario was made from; validate.ts checks one is there. */
export const Source = v.strictObject({
  id: Id,
  title: text(300),
  publisher: text(200),
  date: v.optional(DateOrInstant),
  /** Kind of publisher (required from revision 2). */
  tier: v.optional(SourceTier),
  /** The publisher whose text this page reproduces (a wire report on a newspaper's site, a copy of a magazine). */
  original: v.optional(text(200)),
  /** Language of the page, two lower-case letters (required from revision 2 for a source with a URL). */
  language: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'must be a two-letter language code such as "en"'))),
  url: v.optional(v.pipe(v.string(), v.url('must be a URL'), v.regex(/^https?:\/\//, 'must be an http(s) URL'))),
  file: v.optional(SourceFile),
  note: v.optional(text(1000)),
});

export const Place = v.strictObject({
  id: Id,
  kind: v.picklist(['airport', 'crash-site', 'damage-area', 'city', 'waypoint'], 'must be one of airport, crash-site, damage-area, city, waypoint'),
  name: LocalizedText,
  /** A short label for the map and the clock ("Baku"); the name is used when absent. */
  shortName: v.optional(LocalizedText),
  iata: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be three capital letters'))),
  icao: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{4}$/, 'must be four capital letters'))),
  lat: Latitude,
  lon: Longitude,
  /** Radius of the area or of the position's uncertainty, metres. */
  radiusM: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(500000))),
  /** Offset of local civil time from UTC on the scenario's date, minutes (for the clock readout). */
  utcOffsetMin: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-720), v.maxValue(840))),
  confidence: Confidence,
  sources: SourceIds,
  note: v.optional(LocalizedText),
});

export const TrackSample = v.strictObject({
  time: UtcInstant,
  lat: Latitude,
  lon: Longitude,
  altitudeM: AltitudeM,
  /** How the position is known. */
  provenance: Provenance,
  /** How the altitude is known, when it differs from the position's provenance. */
  altitudeProvenance: v.optional(Provenance),
  sources: SourceIds,
  note: v.optional(LocalizedText),
  /** Half-width of the uncertainty corridor here, metres: inferred samples bridging a gap in imported data. */
  halfWidthM: v.optional(v.pipe(v.number(), v.minValue(0, 'must be >= 0'), v.maxValue(500000, 'must be <= 500000'))),
});

export const DataGap = v.strictObject({
  id: Id,
  from: UtcInstant,
  to: UtcInstant,
  kind: v.picklist(['no-data', 'no-position', 'corrupted'], 'must be one of no-data, no-position, corrupted'),
  description: LocalizedText,
  sources: SourceIds,
});

/** Where the camera looks while a step is presented (presenter mode). Optional; a view of the step's track is the default. */
export const StepView = v.strictObject({
  lat: Latitude,
  lon: Longitude,
  /** Distance from the camera to the point, metres. */
  rangeM: v.pipe(v.number(), v.minValue(100, 'must be >= 100 m'), v.maxValue(5000000, 'must be <= 5000000 m')),
  headingDeg: v.optional(v.pipe(v.number(), v.minValue(-360), v.maxValue(360))),
  /** Negative looks down: -90 straight down. */
  pitchDeg: v.optional(v.pipe(v.number(), v.minValue(-90), v.maxValue(0))),
});

/**
 * What a step's shot should show (cameras frame it on the free part of the screen). Optional; by
 * default an event step shows the track it covers and its place, an epilogue step the whole flight.
 */
export const StepSubject = v.strictObject({
  /** Places to keep in the picture (ids from `places`). */
  places: v.optional(v.array(Id)),
  /** A part of the track to keep in the picture, instead of the step's own span. */
  from: v.optional(UtcInstant),
  to: v.optional(UtcInstant),
  /** Smallest half-width of the framed area, kilometres (default 25). */
  minRadiusKm: v.optional(v.pipe(v.number(), v.minValue(0.1, 'must be >= 0.1 km'), v.maxValue(5000, 'must be <= 5000 km'))),
});

export const Step = v.strictObject({
  id: Id,
  kind: v.picklist(['event', 'epilogue'], 'must be "event" or "epilogue"'),
  time: DateOrInstant,
  /** Whether the time is to the second (recorder), to the minute, or approximate. */
  timePrecision: v.optional(v.picklist(['second', 'minute', 'approximate'])),
  title: LocalizedText,
  caption: LocalizedText,
  place: v.optional(Id),
  sources: SourceIds,
  confidence: Confidence,
  /** Why the step is cited as it is, e.g. why no better source carries it (shown with the sources). */
  note: v.optional(LocalizedText),
  view: v.optional(StepView),
  subject: v.optional(StepSubject),
});

export const ClaimAlternative = v.strictObject({
  label: LocalizedText,
  sources: SourceIds,
  confidence: Confidence,
  /** A place the alternative points at, when it has one. */
  place: v.optional(Id),
  /** The altitude this version gives (metres), drawn by the claims layer at its place or its step's place. */
  altitudeM: v.optional(AltitudeM),
});

/** A fix the reconstruction passes through (docs/SCENARIO.md, "Anchors"): a sample with an uncertainty radius. */
export const Anchor = v.strictObject({
  time: UtcInstant,
  lat: Latitude,
  lon: Longitude,
  /** How far the true position may be from this point, metres (0 for an exact fix). */
  radiusM: v.pipe(v.number('must be a number'), v.minValue(0, 'must be >= 0'), v.maxValue(500000, 'must be <= 500000')),
  altitudeM: v.optional(AltitudeM),
  altitudeUncertaintyM: v.optional(v.pipe(v.number(), v.minValue(0, 'must be >= 0'), v.maxValue(20000, 'must be <= 20000'))),
  headingDeg: v.optional(v.pipe(v.number(), v.minValue(0, 'must be >= 0'), v.maxValue(360, 'must be <= 360'))),
  speedMps: v.optional(v.pipe(v.number(), v.minValue(0, 'must be >= 0'), v.maxValue(1000, 'must be <= 1000'))),
  provenance: Provenance,
  altitudeProvenance: v.optional(Provenance),
  sources: SourceIds,
  note: v.optional(LocalizedText),
});

const Rate = v.pipe(v.number('must be a number'), v.minValue(0, 'must be >= 0'), v.maxValue(1000, 'must be <= 1000'));

/** What the aircraft can do; the reconstruction keeps the path within it. */
export const FlightConstraints = v.strictObject({
  minSpeedMps: Rate,
  maxSpeedMps: Rate,
  maxTurnRateDegPerS: Rate,
  maxClimbMps: Rate,
  maxDescentMps: Rate,
  spreadMPerSqrtS: v.optional(Rate),
  /** Where the figures come from, or that they are assumptions. */
  note: LocalizedText,
  sources: v.optional(SourceIds),
});

/** Data that was received but judged wrong: kept and shown, never used for the path. */
export const RejectedFix = v.strictObject({
  id: Id,
  time: UtcInstant,
  lat: v.optional(Latitude),
  lon: v.optional(Longitude),
  altitudeM: v.optional(AltitudeM),
  groundSpeedMps: v.optional(Rate),
  verticalRateMps: v.optional(v.pipe(v.number(), v.minValue(-500), v.maxValue(500))),
  /** The values as received, e.g. "FR24 04:37: 14,025 ft, −1,344 fpm, 52 kt". */
  label: LocalizedText,
  reason: LocalizedText,
  sources: SourceIds,
});

/** An area that matters to the story, e.g. GNSS interference, with the period it applies to. */
export const Zone = v.strictObject({
  id: Id,
  kind: v.picklist(['gnss-interference'], 'must be "gnss-interference"'),
  name: LocalizedText,
  lat: Latitude,
  lon: Longitude,
  radiusM: v.pipe(v.number(), v.minValue(0), v.maxValue(2000000)),
  from: v.optional(UtcInstant),
  to: v.optional(UtcInstant),
  confidence: Confidence,
  sources: SourceIds,
  note: LocalizedText,
});

export const Claim = v.strictObject({
  id: Id,
  topic: LocalizedText,
  /** The step whose caption mentions the conflict. */
  step: v.optional(Id),
  /** Why the accounts are cited as they are (shown with the claim). */
  note: v.optional(LocalizedText),
  alternatives: v.pipe(v.array(ClaimAlternative), v.minLength(2, 'a conflict needs at least two alternatives')),
});

export const Figure = v.strictObject({
  value: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sources: SourceIds,
});

/**
 * A chapter of the story: a run of consecutive steps under one title (docs/SCENARIO.md "Chapters").
 * Optional in the file; when present, every step belongs to exactly one chapter, in order.
 */
export const Chapter = v.strictObject({
  id: Id,
  title: LocalizedText,
  /** The ids of the steps the chapter holds, in the order of `steps`. */
  steps: v.pipe(v.array(Id), v.minLength(1, 'a chapter needs at least one step')),
});

export const ScenarioFile = v.strictObject({
  format: v.literal(SCENARIO_FORMAT, `must be "${SCENARIO_FORMAT}"`),
  version: v.literal(SCENARIO_VERSION, `must be ${SCENARIO_VERSION} (the only version this app reads)`),
  /** Revision within version 1; absent = 1 (migrated on load). */
  revision: v.optional(v.picklist([1, SCENARIO_REVISION], `must be 1 or ${SCENARIO_REVISION}`)),
  /** The date the sources were last checked (shown with each copied citation). */
  checked: v.optional(DateOrInstant),
  id: Id,
  title: LocalizedText,
  summary: LocalizedText,
  languages: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z]{2}$/))), v.minLength(1)),
  flight: v.strictObject({
    /** Optional: an imported track may not say (the app then shows what it has). */
    callsign: v.optional(text(20)),
    flightNumber: v.optional(text(20)),
    registration: v.optional(text(20)),
    aircraft: v.optional(text(200)),
    from: Id,
    to: Id,
    date: DateOrInstant,
    sources: SourceIds,
  }),
  /** Optional: an imported track knows nothing of the people aboard. */
  people: v.optional(
    v.strictObject({
      aboard: Figure,
      passengers: Figure,
      crew: Figure,
      killed: Figure,
      survived: Figure,
    }),
  ),
  sources: v.pipe(v.array(Source), v.minLength(1, 'must list at least one source')),
  places: v.array(Place),
  /** Optional when `anchors` draw the path (validate.ts requires one of the two). */
  track: v.optional(v.pipe(v.array(TrackSample), v.minLength(2, 'needs at least two samples'))),
  anchors: v.optional(v.pipe(v.array(Anchor), v.minLength(2, 'needs at least two anchors'))),
  constraints: v.optional(FlightConstraints),
  rejected: v.optional(v.array(RejectedFix)),
  zones: v.optional(v.array(Zone)),
  gaps: v.array(DataGap),
  steps: v.pipe(v.array(Step), v.minLength(1, 'needs at least one step')),
  /** Optional: the steps grouped into chapters (title card → chapters → method note). */
  chapters: v.optional(v.array(Chapter)),
  claims: v.array(Claim),
});

export type SourceFileData = v.InferOutput<typeof SourceFile>;
export type ScenarioFileData = v.InferOutput<typeof ScenarioFile>;
export type ProvenanceKind = v.InferOutput<typeof Provenance>;
export type SourceTierName = v.InferOutput<typeof SourceTier>;
export type ConfidenceLevel = v.InferOutput<typeof Confidence>;
export type LocalizedTextData = v.InferOutput<typeof LocalizedText>;
export type StepViewData = v.InferOutput<typeof StepView>;
export type StepSubjectData = v.InferOutput<typeof StepSubject>;
export type AnchorData = v.InferOutput<typeof Anchor>;
export type FlightConstraintsData = v.InferOutput<typeof FlightConstraints>;
export type RejectedFixData = v.InferOutput<typeof RejectedFix>;
export type ZoneData = v.InferOutput<typeof Zone>;
export type ChapterData = v.InferOutput<typeof Chapter>;
