/**
 * Source tiers (docs/SCENARIO.md, "Source tiers"): which kind of publisher a source is, the rules a
 * revision-2 file keeps (every source rated; nothing "high" on "other" alone), and the migration of
 * revision-1 files, whose sources carry no tier. Pure: no DOM.
 */
import { SOURCE_TIERS, type ConfidenceLevel, type ScenarioFileData, type SourceTierName } from './schema';
import type { ScenarioProblem } from './problem';

export type { SourceTierName };
export { SOURCE_TIERS };

/** 0 for "official" … 5 for "other": lower is better. */
export function tierRank(tier: SourceTierName): number {
  return SOURCE_TIERS.indexOf(tier);
}

/** The best tier among the cited sources (unknown ids are ignored); undefined when none is known. */
export function bestTier(ids: readonly string[], tierOf: (id: string) => SourceTierName | undefined): SourceTierName | undefined {
  let best: SourceTierName | undefined;
  for (const id of ids) {
    const t = tierOf(id);
    if (t !== undefined && (best === undefined || tierRank(t) < tierRank(best))) best = t;
  }
  return best;
}

/** True when `tier` is `national` or better: the bar every step of a curated case clears. */
export function atLeastNational(tier: SourceTierName | undefined): boolean {
  return tier !== undefined && tierRank(tier) <= tierRank('national');
}

interface Cited {
  readonly sources: readonly string[];
  readonly confidence: ConfidenceLevel;
}

/** Everything in a file that carries a confidence and sources, with its path. */
function citedItems(d: ScenarioFileData): { path: string; item: Cited }[] {
  const out: { path: string; item: Cited }[] = [];
  d.steps.forEach((s, i) => out.push({ path: `steps[${i}]`, item: s }));
  d.claims.forEach((c, i) => c.alternatives.forEach((a, j) => out.push({ path: `claims[${i}].alternatives[${j}]`, item: a })));
  d.places.forEach((p, i) => out.push({ path: `places[${i}]`, item: p }));
  return out;
}

/** Revision-2 rules: every source has a tier (and a language when it has a URL); no "high" on "other" alone. */
export function tierProblems(d: ScenarioFileData): ScenarioProblem[] {
  if ((d.revision ?? 1) < 2) return [];
  const problems: ScenarioProblem[] = [];
  d.sources.forEach((s, i) => {
    if (!s.tier) problems.push({ path: `sources[${i}].tier`, message: `is missing (revision 2 rates every source: ${SOURCE_TIERS.join(', ')})` });
    if (s.url && !s.language) problems.push({ path: `sources[${i}].language`, message: 'is missing (revision 2 gives the language of every page, e.g. "en")' });
  });
  const tiers = new Map(d.sources.map((s) => [s.id, s.tier]));
  for (const { path, item } of citedItems(d)) {
    if (item.confidence !== 'high') continue;
    const best = bestTier(item.sources, (id) => tiers.get(id));
    if (best === 'other') problems.push({ path: `${path}.confidence`, message: 'cannot be "high" when its best source is of tier "other"' });
  }
  return problems;
}

/**
 * A revision-1 file's sources with a tier each: the ones without one become "other" (unrated), flagged
 * so the app can say so. Returns how many were unrated.
 */
export function migrateTiers<S extends { tier?: SourceTierName }>(
  sources: readonly S[],
): { sources: (S & { tier: SourceTierName; tierAssumed?: true })[]; unrated: number } {
  let unrated = 0;
  const out = sources.map((s) => {
    if (s.tier) return s as S & { tier: SourceTierName };
    unrated++;
    return { ...s, tier: 'other' as const, tierAssumed: true as const };
  });
  return { sources: out, unrated };
}
