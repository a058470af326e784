/**
 * The citations of the bundled case and the rules of source tiers (issue 13; docs/SCENARIO.md,
 * "Source tiers"): every step and claim rests on a source of tier "national" or better or says why not,
 * every source has a date or says it is unknown, no URL twice, no source the audit told us to drop.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, loadScenario, loadScenarioText } from '../../src/scenario/validate';
import { atLeastNational, bestTier, SOURCE_TIERS, tierRank } from '../../src/scenario/sourceTiers';
import { citationLine } from '../../src/scenario/citation';
import type { Scenario } from '../../src/scenario/model';
import { fileTier } from '../../src/import/toScenario';
import { minimalScenario } from '../fixtures/minimalScenario';

function azal(): Scenario {
  const r = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
  if (!r.ok) throw new Error(formatProblems(r.problems).join('\n'));
  return r.scenario;
}

/** Hosts the source audit (../shared/research/azal8243-sources.md §9 and the issue) says not to cite. */
const DROPPED = [
  'eturbonews.com',
  'mediakhabar.in',
  'world-today-news.com',
  'aerospaceglobalnews.com',
  'maritimeprofessional.com',
  'teropongmedia',
  'newsx.com',
  'ggtyler.dev',
  'reddit.com',
  'group-telegram.com',
  'algodoo.com',
  'askwikinow.com',
  'fooshya.com',
];

describe('the AZAL 8243 citations', () => {
  const s = azal();
  const tierOf = (id: string) => s.sources.get(id)?.tier;

  it('is a revision-2 file: every source rated, with a language, nothing assumed', () => {
    expect(s.revision).toBe(2);
    expect(s.unratedSources).toBe(0);
    for (const c of s.sources.values()) {
      expect(SOURCE_TIERS, c.id).toContain(c.tier);
      expect(c.tierAssumed, c.id).toBeUndefined();
      expect(c.language, c.id).toMatch(/^[a-z]{2}$/);
    }
  });

  it('every step cites a source of tier national or better, or its note says why not', () => {
    const bare: string[] = [];
    for (const step of s.steps) {
      if (atLeastNational(bestTier(step.sources, tierOf))) continue;
      if (step.note?.en && step.note.en.length > 40) continue;
      bare.push(step.id);
    }
    expect(bare).toEqual([]);
  });

  it('every claim cites a source of tier national or better, or its note says why not', () => {
    const bare: string[] = [];
    for (const claim of s.claims) {
      const ids = claim.alternatives.flatMap((a) => a.sources);
      if (atLeastNational(bestTier(ids, tierOf))) continue;
      if (claim.note?.en && claim.note.en.length > 40) continue;
      bare.push(claim.id);
    }
    expect(bare).toEqual([]);
  });

  it('nothing is "high" when its best source is of tier other', () => {
    const items = [
      ...s.steps.map((x) => ({ id: x.id, sources: x.sources, confidence: x.confidence })),
      ...s.claims.flatMap((c) => c.alternatives.map((a, i) => ({ id: `${c.id}[${i}]`, sources: a.sources, confidence: a.confidence }))),
    ];
    expect(items.filter((x) => x.confidence === 'high' && bestTier(x.sources, tierOf) === 'other').map((x) => x.id)).toEqual([]);
  });

  it('every source has a date, or its note says the date is unknown', () => {
    const undated = [...s.sources.values()].filter((c) => !c.date && !/\b(date|day) unknown\b/i.test(c.note ?? '')).map((c) => c.id);
    expect(undated).toEqual([]);
  });

  it('no URL twice, every URL http(s), none from a dropped or copied source', () => {
    const urls = [...s.sources.values()].map((c) => c.url ?? '');
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) {
      expect(u).toMatch(/^https?:\/\/[^\s]+$/);
      for (const host of DROPPED) expect(u, u).not.toContain(host);
    }
  });

  it('a page that reproduces another publisher names it, and every source is cited somewhere', () => {
    const byId = s.sources;
    expect(byId.get('arabnews-reuters')?.original).toBe('Reuters');
    expect(byId.get('manhattan-ap')?.original).toBe('AP');
    expect(byId.get('veritastech')?.original).toBe('Simple Flying');
    const cited = new Set<string>();
    const add = (ids: readonly string[]) => ids.forEach((id) => cited.add(id));
    s.steps.forEach((x) => add(x.sources));
    s.claims.forEach((c) => c.alternatives.forEach((a) => add(a.sources)));
    s.places.forEach((p) => add(p.sources));
    s.gaps.forEach((g) => add(g.sources));
    s.zones.forEach((z) => add(z.sources));
    s.anchors?.forEach((a) => add(a.sources));
    s.rejected.forEach((r) => add(r.sources));
    add(s.flight.sources);
    if (s.people) Object.values(s.people).forEach((f) => add(f.sources));
    expect([...byId.keys()].filter((id) => !cited.has(id))).toEqual([]);
  });

  it('shows both sides where good sources disagree', () => {
    const claim = (id: string) => s.claims.find((c) => c.id === id);
    const wanted = [
      'death-toll',
      'gps-problems-time',
      'who-chose-aktau',
      'number-of-bangs',
      'investigation-status',
      'cause-of-damage',
      'mayday-time',
      'hydraulic-sequence',
      'legal-assessment',
    ];
    for (const id of wanted) {
      const c = claim(id);
      expect(c, id).toBeDefined();
      expect(c!.alternatives.length, id).toBeGreaterThanOrEqual(2);
      // The sides rest on different sources, and every claim is tied to a step that exists.
      const [a, b] = c!.alternatives;
      expect(
        a!.sources.some((x) => !b!.sources.includes(x)),
        id,
      ).toBe(true);
      expect(
        s.steps.some((st) => st.id === c!.step),
        id,
      ).toBe(true);
    }
    expect(claim('death-toll')!.alternatives.map((a) => a.label.en)).toEqual([expect.stringMatching(/^38\b/), expect.stringMatching(/^39\b/)]);
    expect(claim('gps-problems-time')!.alternatives.map((a) => (a.label.en ?? '').slice(0, 8))).toEqual(['04:26 UT', '04:36:57']);
    expect(claim('investigation-status')!.alternatives[1]!.label.en).toMatch(/Abgeschlossen/);
  });

  it('the Putin step quotes the transcript: air defence, compensation and the legal assessment of all officials', () => {
    const step = s.steps.find((x) => x.id === 'putin-dushanbe')!;
    expect(step.confidence).toBe('high');
    expect(step.caption.en).toMatch(/for the first time places the cause with Russian air defence/);
    expect(step.caption.en).toContain('по компенсациям');
    expect(step.caption.en).toContain('правовая оценка действий всех должностных лиц');
    expect(step.caption.en).toMatch(/everything necessary .* regarding compensation/);
    expect(step.caption.en).toMatch(/legal assessment/);
    expect(step.caption.de).toContain('alles Notwendige in Bezug auf Entschädigungen tun');
    const tiers = step.sources.map((id) => tierOf(id));
    expect(tiers).toContain('wire');
  });
});

describe('source tiers in the format', () => {
  it('ranks tiers best first', () => {
    expect(tierRank('official')).toBe(0);
    expect(tierRank('other')).toBe(5);
    expect(bestTier(['a', 'b'], (id) => (id === 'a' ? 'other' : 'wire'))).toBe('wire');
    expect(bestTier([], () => 'wire')).toBeUndefined();
  });

  it('migrates a revision-1 file: unrated sources become "other", flagged and counted', () => {
    const r = loadScenario(minimalScenario());
    if (!r.ok) throw new Error(formatProblems(r.problems).join('\n'));
    expect(r.scenario.revision).toBe(1);
    expect(r.scenario.unratedSources).toBe(1);
    expect(r.scenario.sources.get('s1')).toMatchObject({ tier: 'other', tierAssumed: true });
  });

  it('a revision-2 file must rate every source and give its language', () => {
    const f = minimalScenario();
    f.revision = 2;
    const r = loadScenario(f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = formatProblems(r.problems).join('\n');
    expect(lines).toMatch(/sources\[0\]\.tier: is missing/);
    expect(lines).toMatch(/sources\[0\]\.language: is missing/);
  });

  it('a revision-2 file cannot call a fact "high" on a source of tier other', () => {
    const f = minimalScenario();
    f.revision = 2;
    f.sources[0].tier = 'other';
    f.sources[0].language = 'en';
    const highSteps = f.steps.map((st: { confidence: string }, i: number) => (st.confidence === 'high' ? i : -1)).filter((i: number) => i >= 0);
    expect(highSteps.length).toBeGreaterThan(0);
    const r = loadScenario(f);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblems(r.problems).join('\n')).toMatch(new RegExp(`steps\\[${highSteps[0]}\\]\\.confidence: cannot be "high"`));
    f.sources[0].tier = 'national';
    const ok = loadScenario(f);
    if (!ok.ok) throw new Error(formatProblems(ok.problems).join('\n'));
    expect(ok.scenario.sources.get('s1')?.tier).toBe('national');
  });

  it('rejects an unknown tier', () => {
    const f = minimalScenario();
    f.sources[0].tier = 'blog';
    const r = loadScenario(f);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblems(r.problems).join('\n')).toMatch(/sources\[0\]\.tier: must be one of official, wire/);
  });

  it('an imported file is rated by where it comes from', () => {
    expect(fileTier('fr24-csv')).toBe('specialist');
    expect(fileTier('gpx')).toBe('other');
  });
});

describe('copy citation', () => {
  it('is one plain line with publisher, original, title, date, language, tier, URL and the check date', () => {
    const s = azal();
    const line = citationLine(s.sources.get('arabnews-reuters')!, 'en', s.checked);
    expect(line).not.toMatch(/\n/);
    expect(line).toMatch(
      /^Arab News Pakistan \(text of Reuters\)\. ".+"\. 2025-10-09\. In English\. Tier: wire\. https:\/\/www\.arabnews\.pk\/node\/2618302 \(checked 2026-12-02\)$/,
    );
    const de = citationLine(s.sources.get('klamm-dpa')!, 'de', s.checked);
    expect(de).toMatch(/Auf Deutsch\. Stufe: Agentur\./);
    const undated = citationLine(s.sources.get('axar')!, 'en');
    expect(undated).toMatch(/date unknown/);
  });
});
