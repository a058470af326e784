import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/validate';
import type { Scenario } from '../../src/scenario/model';
import { titleCardText } from '../../src/story/titleCardText';
import { LIBRARIES, methodText } from '../../src/story/methodText';
import { APP_LANGUAGES } from '../../src/i18n/languages';

function azal(): Scenario {
  const r = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

/** Every string shown in a structure (not its ids). */
function strings(o: unknown): string[] {
  if (typeof o === 'string') return [o];
  if (Array.isArray(o)) return o.flatMap(strings);
  if (o && typeof o === 'object')
    return Object.entries(o)
      .filter(([k]) => k !== 'id')
      .flatMap(([, v]) => strings(v));
  return [];
}

describe('title card text', () => {
  const scenario = azal();

  it('gives the title, the whole summary, the figures with their publishers, the date and route, the chapters', () => {
    const c = titleCardText(scenario, 'en');
    expect(c.title).toBe('Azerbaijan Airlines J2-8243, 25 December 2024');
    expect(c.summary).toBe(scenario.summary.en);
    expect(c.figures.map((f) => [f.id, f.value, f.label])).toEqual([
      ['aboard', '67', 'aboard'],
      ['killed', '38', 'killed'],
      ['survived', '29', 'survived'],
    ]);
    // Publishers from the figures' source ids, each once, in the file's order.
    expect(c.figures[0]!.sources).toBe(`Sources: ${scenario.people!.aboard.sources.map((id) => scenario.sources.get(id)!.publisher).join(', ')}`);
    expect(c.facts).toEqual([
      { label: 'Date', text: '25 December 2024' },
      { label: 'Route', text: 'Baku → Grozny (scheduled) · crashed near Aktau' },
    ]);
    expect(c.factsSources).toMatch(/^Sources: /);
    expect(c.chapters.map((ch) => ch.id)).toEqual(scenario.chapters.map((ch) => ch.id));
    expect(c.chapters[0]).toMatchObject({ number: 1, title: 'Departure from Baku', steps: 'steps 1–2' });
    expect(c.goOn).toContain('PageDown');
    expect(c.start).toBe('Start');
  });

  it('speaks every language, with the places and date in it', () => {
    const ru = titleCardText(scenario, 'ru');
    expect(ru.facts[1]!.text).toBe('Баку → Грозный (по плану) · катастрофа у Актау');
    expect(ru.facts[0]!.text).toBe('25 декабря 2024 г.');
    expect(titleCardText(scenario, 'de').facts[1]!.text).toContain('Grosny');
    expect(titleCardText(scenario, 'az').chapters[0]!.steps).toBe('addımlar 1–2');
    for (const lang of APP_LANGUAGES) for (const s of strings(titleCardText(scenario, lang))) expect(s, lang).not.toMatch(/\{\w+\}/);
  });

  it('wraps every word in the pseudo-locale', () => {
    const q = titleCardText(scenario, 'qps');
    for (const s of [q.title, q.summary, q.goOn, q.start, q.method, q.chaptersHeading, ...q.figures.map((f) => f.label), ...q.chapters.map((c) => c.title)])
      expect(s).toMatch(/^⟦.*⟧$/s);
  });

  it('leaves out what a scenario does not have (an imported track: no people, no chapters)', () => {
    const bare = { ...scenario, people: undefined, chapters: [] } as Scenario;
    const c = titleCardText(bare, 'en');
    expect(c.figures).toEqual([]);
    expect(c.chapters).toEqual([]);
  });
});

describe('method page text', () => {
  const scenario = azal();
  const byId = (lang: string) => Object.fromEntries(methodText(scenario, lang).sections.map((s) => [s.id, s]));

  it('has the sections in order: recorded, inferred, damage, disagreement, checked, licences', () => {
    expect(methodText(scenario, 'en').sections.map((s) => s.id)).toEqual(['recorded', 'inferred', 'damage', 'disagree', 'checked', 'licences']);
    expect(methodText(scenario, 'en').title).toBe('How this reconstruction was made');
  });

  it('says what is recorded from the data: fixes by provenance, the periods without positions', () => {
    const text = strings(byId('en').recorded).join('\n');
    const anchors = scenario.anchors!;
    const count = (k: string) => anchors.filter((a) => a.provenance === k).length;
    expect(text).toContain(`through ${anchors.length} known points`);
    expect(text).toContain(`${count('reported')} reported`);
    expect(text).toContain(`${count('inferred')} inferred`);
    expect(text).toContain('No positions were received from 04:25 to 06:07 UTC');
    expect(text).toContain('05:13–06:07 UTC: Altitude and speed were received, but no positions.');
  });

  it('explains the path and the corridor with the file’s radii and limits', () => {
    const text = strings(byId('en').inferred).join('\n');
    expect(text).toContain('here 1.5 to 30 km');
    expect(text).toContain('ground speed up to 940 km/h'); // 260 m/s
    expect(text).toContain('turns up to 4° per second');
    expect(text).toContain('corridor');
    expect(text).toContain('jammed');
  });

  it('marks the hit marks and the bursts as illustrative and the ten metres as a claim', () => {
    const text = strings(byId('en').damage).join('\n');
    expect(text).toContain('Illustrative: the hit marks');
    expect(text).toContain('about 10 metres');
    expect(text).toContain('a claim, not a finding');
  });

  it('lists every claim with its alternatives, from the data, in the reader’s language', () => {
    for (const lang of ['en', 'ru']) {
      const items = byId(lang).disagree!.blocks[0]!.items!;
      expect(items.map((i) => i.lead)).toEqual(scenario.claims.map((c) => c.topic[lang] ?? c.topic.en));
      expect(items[0]!.items).toEqual(scenario.claims[0]!.alternatives.map((a) => a.label[lang] ?? a.label.en));
    }
  });

  it('gives the date the sources were checked, as the language writes it', () => {
    expect(strings(byId('en').checked)).toContain('The sources were last checked on 2 December 2026.');
    expect(strings(byId('de').checked)).toContain('Die Quellen wurden zuletzt am 2. Dezember 2026 geprüft.');
    const unchecked = methodText({ ...scenario, checked: undefined } as Scenario, 'en');
    expect(strings(unchecked).join('\n')).toContain('does not say when');
  });

  it('names the map data and the libraries with their licences', () => {
    const text = strings(byId('en').licences).join('\n');
    expect(text).toContain('CesiumJS: Apache-2.0');
    expect(text).toContain('three.js: MIT');
    expect(text).toContain('GeoNames (CC BY 4.0)');
    expect(text).toContain('GSHHG');
    expect(text).toContain('OurAirports (public domain)');
    expect(LIBRARIES.length).toBeGreaterThanOrEqual(10);
  });

  it('leaves no slot unfilled in any language and wraps everything in the pseudo-locale', () => {
    for (const lang of APP_LANGUAGES) for (const s of strings(methodText(scenario, lang))) expect(s, lang).not.toMatch(/\{\w+\}/);
    const q = methodText(scenario, 'qps');
    for (const s of strings(q).filter((x) => x !== '')) expect(s).toMatch(/⟦/);
  });

  it('needs no damage section, anchors or claims when the scenario has none', () => {
    const bare = { ...scenario, anchors: undefined, claims: [], steps: scenario.steps.filter((s) => s.id !== 'first-impact') } as Scenario;
    const m = methodText(bare, 'en');
    expect(m.sections.map((s) => s.id)).toEqual(['recorded', 'inferred', 'disagree', 'checked', 'licences']);
    expect(strings(m).join('\n')).toContain('The path has');
    expect(strings(m).join('\n')).toContain('No disagreement');
  });
});
