/**
 * The title card's words (slide 0), put together from the scenario and the `story` catalogue
 * section: the case, its summary, the key figures with the publishers of their sources, the date
 * and route, the chapters, how to go on. Pure: no DOM; src/ui/story/titleCard.ts draws it.
 */
import { message } from '../i18n/catalogue';
import type { Values } from '../i18n/fill';
import type { StoryWords } from '../i18n/sections/story';
import { formatLongDate, formatNumber } from '../i18n/formats';
import { distanceM } from '../geo/greatCircle';
import { localize, placeLabel, type Scenario } from '../scenario/model';

export interface TitleFigure {
  /** 'aboard' | 'killed' | 'survived'. */
  readonly id: string;
  /** The number as the language writes it. */
  readonly value: string;
  readonly label: string;
  /** "Sources: TASS, The Moscow Times, …" (publishers, in the file's order, each once). */
  readonly sources: string;
}

export interface TitleFact {
  readonly label: string;
  readonly text: string;
}

export interface TitleChapter {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** "steps 3–8". */
  readonly steps: string;
  /** What the chapter's button says to a screen reader. */
  readonly action: string;
}

export interface TitleCardContent {
  readonly kicker: string;
  readonly title: string;
  readonly summary: string;
  readonly figures: readonly TitleFigure[];
  readonly facts: readonly TitleFact[];
  /** The sources of the date and route (the file's flight sources). */
  readonly factsSources: string;
  readonly chaptersHeading: string;
  readonly chapters: readonly TitleChapter[];
  readonly goOn: string;
  readonly goOnTouch: string;
  /** Presenter mode: Esc leaves the mode (keyboard.ts), not the card. */
  readonly goOnPresenting: string;
  readonly start: string;
  readonly startHint: string;
  readonly method: string;
}

export type StoryKey = keyof StoryWords & string;

const FIGURES = ['aboard', 'killed', 'survived'] as const;
/** How far from the end of the track an airport may be to name where the flight ended. */
const NEAR_END_M = 60_000;

/** The publishers of some source ids, each once, in order ("" for none). */
export function publishers(scenario: Scenario, ids: readonly string[]): string {
  const names: string[] = [];
  for (const id of ids) {
    const p = scenario.sources.get(id)?.publisher;
    if (p && !names.includes(p)) names.push(p);
  }
  return names.join(', ');
}

/** The airport nearest the end of the track (within 60 km) when it is not the destination: where the flight ended. */
function endedAt(scenario: Scenario): string | null {
  const last = scenario.track[scenario.track.length - 1];
  if (!last) return null;
  let best: { id: string; d: number } | null = null;
  for (const place of scenario.places.values()) {
    if (place.kind !== 'airport') continue;
    const d = distanceM(last.lat, last.lon, place.lat, place.lon);
    if (d <= NEAR_END_M && (!best || d < best.d)) best = { id: place.id, d };
  }
  return best && best.id !== scenario.flight.to ? best.id : null;
}

/** The story section's words in a language. */
export function words(lang: string): (key: StoryKey, values?: Values) => string {
  return (key, values) => message(lang, 'story', key, values);
}

export function titleCardText(scenario: Scenario, lang: string): TitleCardContent {
  const w = words(lang);
  const figures: TitleFigure[] = [];
  for (const id of FIGURES) {
    const f = scenario.people?.[id];
    if (!f) continue;
    const from = publishers(scenario, f.sources);
    figures.push({ id, value: formatNumber(f.value, lang), label: w(id), sources: from ? w('figureSources', { list: from }) : '' });
  }
  const flightSources = publishers(scenario, scenario.flight.sources);
  const facts: TitleFact[] = [];
  const day = Date.parse(`${scenario.flight.date}T12:00:00Z`);
  if (Number.isFinite(day)) facts.push({ label: w('dateLabel'), text: formatLongDate(day, lang) });
  const from = scenario.places.get(scenario.flight.from);
  const to = scenario.places.get(scenario.flight.to);
  if (from && to) {
    let route = w('routeScheduled', { from: placeLabel(from, lang), to: placeLabel(to, lang) });
    const end = endedAt(scenario);
    const endPlace = end ? scenario.places.get(end) : undefined;
    if (endPlace) route += ` · ${w((scenario.people?.killed.value ?? 0) > 0 ? 'crashedNear' : 'endedNear', { place: placeLabel(endPlace, lang) })}`;
    facts.push({ label: w('routeLabel'), text: route });
  }
  const chapters = scenario.chapters.map((c, i): TitleChapter => {
    const steps = c.firstStep === c.lastStep ? w('chapterStep', { n: c.firstStep + 1 }) : w('chapterSteps', { from: c.firstStep + 1, to: c.lastStep + 1 });
    const title = localize(c.title, lang);
    return { id: c.id, number: i + 1, title, steps, action: w('chapterGo', { title, steps }) };
  });
  return {
    kicker: w('kicker'),
    title: localize(scenario.title, lang),
    summary: localize(scenario.summary, lang),
    figures,
    facts,
    factsSources: flightSources ? w('figureSources', { list: flightSources }) : '',
    chaptersHeading: w('chaptersHeading'),
    chapters,
    goOn: w('goOn'),
    goOnTouch: w('goOnTouch'),
    goOnPresenting: w('goOnPresenting'),
    start: w('start'),
    startHint: w('startHint'),
    method: w('howMade'),
  };
}
