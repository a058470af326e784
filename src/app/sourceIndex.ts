/**
 * Every source of a scenario with what cites it (steps, disputed points, and the rest of the file),
 * in the order the sources view lists them: by tier (best first), then publisher, then title. Pure;
 * computed once per scenario (the view, the API and the caption share it).
 */
import type { Citation, Claim, ReportedEvent, Scenario } from '../scenario/model';
import { SOURCE_TIERS, tierRank, type SourceTierName } from '../scenario/sourceTiers';

/** Other parts of a scenario file that cite sources (not jump targets). */
export const OTHER_USES = ['flight', 'people', 'places', 'track', 'anchors', 'gaps', 'rejected', 'zones'] as const;
export type OtherUse = (typeof OTHER_USES)[number];

export interface SourceUse {
  readonly citation: Citation;
  /** Steps that cite it, in step order. */
  readonly steps: readonly ReportedEvent[];
  /** Disputed points with an account that cites it, in file order. */
  readonly claims: readonly Claim[];
  /** Other parts of the file that cite it, in OTHER_USES order. */
  readonly elsewhere: readonly OtherUse[];
}

const cache = new WeakMap<Scenario, readonly SourceUse[]>();

export function indexSources(scenario: Scenario): readonly SourceUse[] {
  const known = cache.get(scenario);
  if (known) return known;
  const other = new Map<string, Set<OtherUse>>();
  const mark = (ids: readonly string[] | undefined, use: OtherUse): void => {
    if (!ids) return;
    for (const id of ids) {
      let set = other.get(id);
      if (!set) other.set(id, (set = new Set()));
      set.add(use);
    }
  };
  mark(scenario.flight.sources, 'flight');
  if (scenario.people) for (const figure of Object.values(scenario.people)) mark(figure.sources, 'people');
  for (const place of scenario.places.values()) mark(place.sources, 'places');
  // A track has thousands of samples citing a handful of sources: mark each distinct list once.
  let lastTrackIds: readonly string[] | null = null;
  for (const sample of scenario.track) {
    if (sample.sources !== lastTrackIds) mark(sample.sources, 'track');
    lastTrackIds = sample.sources;
  }
  for (const anchor of scenario.anchors ?? []) mark(anchor.sources, 'anchors');
  for (const gap of scenario.gaps) mark(gap.sources, 'gaps');
  for (const fix of scenario.rejected) mark(fix.sources, 'rejected');
  for (const zone of scenario.zones) mark(zone.sources, 'zones');

  const list: SourceUse[] = [...scenario.sources.values()].map((citation) => {
    const uses = other.get(citation.id);
    return {
      citation,
      steps: scenario.steps.filter((s) => s.sources.includes(citation.id)),
      claims: scenario.claims.filter((c) => c.alternatives.some((a) => a.sources.includes(citation.id))),
      elsewhere: uses ? OTHER_USES.filter((u) => uses.has(u)) : [],
    };
  });
  list.sort(
    (a, b) =>
      tierRank(a.citation.tier) - tierRank(b.citation.tier) ||
      a.citation.publisher.localeCompare(b.citation.publisher, 'en', { sensitivity: 'base' }) ||
      a.citation.title.localeCompare(b.citation.title, 'en', { sensitivity: 'base' }),
  );
  cache.set(scenario, list);
  return list;
}

/** How many sources of each tier (every tier present, zero when none). */
export function tierCounts(list: readonly SourceUse[]): Record<SourceTierName, number> {
  const counts = Object.fromEntries(SOURCE_TIERS.map((t) => [t, 0])) as Record<SourceTierName, number>;
  for (const use of list) counts[use.citation.tier]++;
  return counts;
}

/** The API's view of a source (`flightrecon.sources()`): plain data, ids for what it supports. */
export interface SourceView {
  id: string;
  publisher: string;
  title: string;
  date: string | null;
  language: string | null;
  tier: SourceTierName;
  /** True for an unrated source of a revision-1 file, shown as "other". */
  tierAssumed: boolean;
  original: string | null;
  url: string | null;
  /** Why and how the source is cited (plain text from the scenario file, in its author's language). */
  note: string | null;
  supports: { steps: string[]; claims: string[] };
}

export function sourceViews(scenario: Scenario): SourceView[] {
  return indexSources(scenario).map(({ citation: c, steps, claims }) => ({
    id: c.id,
    publisher: c.publisher,
    title: c.title,
    date: c.date ?? null,
    language: c.language ?? null,
    tier: c.tier,
    tierAssumed: c.tierAssumed === true,
    original: c.original ?? null,
    url: c.url ?? null,
    note: c.note ?? null,
    supports: { steps: steps.map((s) => s.id), claims: claims.map((c) => c.id) },
  }));
}
