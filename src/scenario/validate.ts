/**
 * Turns unknown JSON into a Scenario, or into a list of problems that each name the field
 * (e.g. `track[3].lat`) and say what is wrong. Never throws for bad input.
 */
import * as v from 'valibot';
import { ScenarioFile, type ScenarioFileData } from './schema';
import type { Citation, Place, ReportedEvent, Scenario, TrackSample } from './model';
import type { ScenarioProblem } from './problem';
import { anchorsFromFile, reconstructionProblems, rejectedFromFile, trackFromFile, zonesFromFile } from './reconstruction';
import { migrateTiers, tierProblems } from './sourceTiers';
import { chapterProblems, chaptersFromFile } from './chapters';
import { columnProblems, columnsToSamples, samplesToFileTrack, type TrackColumns } from './columns';

export type { ScenarioProblem };

export type ScenarioResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

const MAX_PROBLEMS = 20;

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(file)';
}

function describeReceived(issue: v.BaseIssue<unknown>): string {
  const r = issue.received;
  if (typeof r !== 'string') return '';
  return r.length > 60 ? ` (got ${r.slice(0, 57)}...)` : ` (got ${r})`;
}

function schemaProblems(issues: readonly v.BaseIssue<unknown>[]): ScenarioProblem[] {
  return issues.slice(0, MAX_PROBLEMS).map((issue) => {
    if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input === undefined) return { path: pathOf(issue), message: 'is missing' };
    if (issue.kind === 'schema' && issue.type === 'strict_object') return { path: pathOf(issue), message: 'is not a field of this format' };
    const plain = issue.message.startsWith('Invalid ') ? `has the wrong type or value: ${issue.message}` : issue.message;
    return { path: pathOf(issue), message: plain + (issue.message.includes('Received') ? '' : describeReceived(issue)) };
  });
}

function checkUnique(items: readonly { id: string }[], field: string, problems: ScenarioProblem[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: `${field}[${i}].id`, message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

function checkRefs(ids: readonly string[], known: ReadonlySet<string>, path: string, what: string, problems: ScenarioProblem[]): void {
  ids.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `${path}[${i}]`, message: `names ${what} "${id}" that the file does not define` });
  });
}

/** Cross-field checks that a schema cannot express: ids, references, ordering. */
function crossChecks(d: ScenarioFileData): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  checkUnique(d.sources, 'sources', problems);
  checkUnique(d.places, 'places', problems);
  checkUnique(d.steps, 'steps', problems);
  checkUnique(d.gaps, 'gaps', problems);
  checkUnique(d.claims, 'claims', problems);
  const sourceIds = new Set(d.sources.map((s) => s.id));
  const placeIds = new Set(d.places.map((p) => p.id));
  const stepIds = new Set(d.steps.map((s) => s.id));
  const src = (ids: readonly string[], path: string) => checkRefs(ids, sourceIds, `${path}.sources`, 'source', problems);
  const place = (id: string | undefined, path: string) => {
    if (id !== undefined && !placeIds.has(id)) problems.push({ path, message: `names place "${id}" that the file does not define` });
  };

  src(d.flight.sources, 'flight');
  place(d.flight.from, 'flight.from');
  place(d.flight.to, 'flight.to');
  const people = d.people;
  if (people) for (const key of ['aboard', 'passengers', 'crew', 'killed', 'survived'] as const) src(people[key].sources, `people.${key}`);
  d.sources.forEach((s, i) => {
    if (!s.url && !s.file) problems.push({ path: `sources[${i}].url`, message: 'is missing (a source needs a URL, or "file" for a data file)' });
  });
  d.places.forEach((p, i) => src(p.sources, `places[${i}]`));
  d.gaps.forEach((g, i) => {
    src(g.sources, `gaps[${i}]`);
    if (Date.parse(g.to) <= Date.parse(g.from)) problems.push({ path: `gaps[${i}].to`, message: 'must be later than "from"' });
  });
  const track = d.track ?? [];
  track.forEach((s, i) => {
    src(s.sources, `track[${i}]`);
    if (i > 0 && Date.parse(s.time) <= Date.parse(track[i - 1]!.time)) {
      problems.push({
        path: `track[${i}].time`,
        message: `must be later than the previous sample (${track[i - 1]!.time}); samples must be in time order without duplicates`,
      });
    }
  });
  problems.push(...tierProblems(d));
  problems.push(...reconstructionProblems(d, sourceIds));
  let lastEvent = -Infinity;
  let lastEpilogue = -Infinity;
  d.steps.forEach((s, i) => {
    src(s.sources, `steps[${i}]`);
    place(s.place, `steps[${i}].place`);
    s.subject?.places?.forEach((id, j) => place(id, `steps[${i}].subject.places[${j}]`));
    if (s.subject?.from && s.subject.to && Date.parse(s.subject.to) <= Date.parse(s.subject.from))
      problems.push({ path: `steps[${i}].subject.to`, message: 'must be later than "from"' });
    const t = Date.parse(s.time);
    if (s.kind === 'event') {
      if (!s.time.includes('T')) problems.push({ path: `steps[${i}].time`, message: 'an event step needs a UTC instant, not only a date' });
      if (lastEpilogue > -Infinity) problems.push({ path: `steps[${i}].kind`, message: 'event steps must all come before the epilogue steps' });
      if (t < lastEvent) problems.push({ path: `steps[${i}].time`, message: 'event steps must be in time order' });
      lastEvent = t;
    } else {
      if (t < lastEpilogue) problems.push({ path: `steps[${i}].time`, message: 'epilogue steps must be in date order' });
      lastEpilogue = t;
    }
  });
  problems.push(...chapterProblems(d));
  d.claims.forEach((c, i) => {
    if (c.step !== undefined && !stepIds.has(c.step))
      problems.push({ path: `claims[${i}].step`, message: `names step "${c.step}" that the file does not define` });
    c.alternatives.forEach((a, j) => {
      src(a.sources, `claims[${i}].alternatives[${j}]`);
      place(a.place, `claims[${i}].alternatives[${j}].place`);
    });
  });
  return problems.slice(0, MAX_PROBLEMS);
}

function build(d: ScenarioFileData, track: readonly TrackSample[]): Scenario {
  const migrated = migrateTiers(d.sources);
  const sources = new Map<string, Citation>(migrated.sources.map((s) => [s.id, s]));
  const places = new Map<string, Place>(d.places.map((p) => [p.id, p]));
  const steps: ReportedEvent[] = d.steps.map((s, index) => ({
    index,
    id: s.id,
    kind: s.kind,
    timeMs: Date.parse(s.time),
    timeText: s.time,
    timePrecision: s.time.includes('T') ? (s.timePrecision ?? 'second') : 'day',
    title: s.title,
    caption: s.caption,
    place: s.place,
    sources: s.sources,
    confidence: s.confidence,
    note: s.note,
    view: s.view,
    subject: s.subject,
  }));
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    languages: d.languages,
    flight: d.flight,
    people: d.people,
    sources,
    places,
    track,
    gaps: d.gaps.map((g) => ({ id: g.id, fromMs: Date.parse(g.from), toMs: Date.parse(g.to), kind: g.kind, description: g.description, sources: g.sources })),
    steps,
    chapters: chaptersFromFile(
      d.chapters,
      d.steps.map((s) => s.id),
    ),
    claims: d.claims,
    anchors: anchorsFromFile(d),
    constraints: d.constraints,
    rejected: rejectedFromFile(d),
    zones: zonesFromFile(d),
    revision: d.revision ?? 1,
    unratedSources: migrated.unrated,
    checked: d.checked,
    startMs: track[0]!.timeMs,
    endMs: track[track.length - 1]!.timeMs,
    file: d,
  };
}

/** Validates parsed JSON and builds the Scenario. */
export function loadScenario(json: unknown): ScenarioResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const found = json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json;
    return { ok: false, problems: [{ path: '(file)', message: `must be a JSON object with the scenario's fields (found ${found})` }] };
  }
  const parsed = v.safeParse(ScenarioFile, json);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.issues) };
  const problems = crossChecks(parsed.output);
  if (problems.length > 0) return { ok: false, problems };
  const track = trackFromFile(parsed.output);
  if (!track.ok) return { ok: false, problems: track.problems };
  return { ok: true, scenario: build(parsed.output, track.track) };
}

/**
 * A scenario whose track comes as columns (an imported flight: src/import/toScenario.ts). `head` is
 * the scenario file with a stand-in `track` (the first and last sample); it is validated like any
 * file, the columns by the same rules as the schema's samples (columns.ts). The Scenario's `file`
 * gets the whole track written out only when something reads it (the scenario export).
 */
export function loadScenarioColumns(head: unknown, columns: TrackColumns): ScenarioResult {
  const checked = loadScenario(head);
  if (!checked.ok) return checked;
  const problems = columnProblems(columns);
  if (problems.length > 0) return { ok: false, problems };
  const d = checked.scenario.file;
  const sources = d.track?.[0]?.sources ?? [];
  const track = columnsToSamples(columns, sources);
  const scenario = build(d, track);
  let written: ScenarioFileData['track'] | undefined;
  const file = { ...d };
  Object.defineProperty(file, 'track', {
    enumerable: true,
    get: () => (written ??= samplesToFileTrack(track)),
  });
  return { ok: true, scenario: { ...scenario, file } };
}

/** Parses text (a file's contents) and validates it. */
export function loadScenarioText(text: string): ScenarioResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(err as Error).message}` }] };
  }
  return loadScenario(json);
}

/** One line per problem, for messages in the page. */
export function formatProblems(problems: readonly ScenarioProblem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}
