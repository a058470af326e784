import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioText, formatProblems } from '../../src/scenario/validate';
import { chapterIndexOf, chapterProblems, findChapter } from '../../src/scenario/chapters';
import type { Scenario } from '../../src/scenario/model';
import { chapterSpans, fitBandLabels, type LabelBand } from '../../src/ui/profileData';
import { chapterCardText, chapterProgress } from '../../src/ui/presenter/chapterCard';
import { minimalScenario } from '../fixtures/minimalScenario';

const steps = ['start', 'middle', 'end', 'report'].map((id) => ({ id }));
const title = { en: 'T' };

function problems(chapters: { id: string; title: { en: string }; steps: string[] }[]): string[] {
  return chapterProblems({ steps, chapters } as unknown as Parameters<typeof chapterProblems>[0]).map((p) => `${p.path}: ${p.message}`);
}

function withChapters(chapters: unknown): unknown {
  return { ...minimalScenario(), chapters };
}

function azal(): Scenario {
  const r = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
  if (!r.ok) throw new Error(formatProblems(r.problems).join('\n'));
  return r.scenario;
}

describe('chapter validation (chapterProblems)', () => {
  it('accepts chapters that hold every step once, in order', () => {
    expect(
      problems([
        { id: 'one', title, steps: ['start', 'middle'] },
        { id: 'two', title, steps: ['end', 'report'] },
      ]),
    ).toEqual([]);
  });

  it('has nothing to say about a file without chapters (v1 files)', () => {
    expect(chapterProblems({ steps, chapters: undefined } as unknown as Parameters<typeof chapterProblems>[0])).toEqual([]);
    const r = loadScenario(minimalScenario());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.chapters).toEqual([]);
  });

  it('names a step the file does not define', () => {
    const out = problems([{ id: 'one', title, steps: ['start', 'middle', 'end', 'report', 'nowhere'] }]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^chapters\[0\]\.steps\[4\]: names step "nowhere"/);
  });

  it('refuses a step in two chapters', () => {
    const out = problems([
      { id: 'one', title, steps: ['start', 'middle'] },
      { id: 'two', title, steps: ['middle', 'end', 'report'] },
    ]);
    expect(out.some((p) => p.startsWith('chapters[1].steps[0]') && p.includes('already in chapter "one"'))).toBe(true);
  });

  it('refuses a duplicate chapter id', () => {
    const out = problems([
      { id: 'one', title, steps: ['start', 'middle'] },
      { id: 'one', title, steps: ['end', 'report'] },
    ]);
    expect(out).toEqual(['chapters[1].id: duplicate id "one"']);
  });

  it('refuses a gap: a step left out between chapters', () => {
    const out = problems([
      { id: 'one', title, steps: ['start'] },
      { id: 'two', title, steps: ['end', 'report'] },
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^chapters\[1\]\.steps\[0\]: expected step "middle" here/);
  });

  it('refuses steps out of order', () => {
    const out = problems([
      { id: 'one', title, steps: ['middle', 'start'] },
      { id: 'two', title, steps: ['end', 'report'] },
    ]);
    expect(out[0]).toMatch(/^chapters\[0\]\.steps\[0\]: expected step "start" here/);
  });

  it('refuses chapters that leave the last steps out', () => {
    expect(problems([{ id: 'one', title, steps: ['start', 'middle'] }])).toEqual(['chapters: every step must be in a chapter; not in any: end, report']);
  });

  it('rejects a bad file through loadScenario, naming the field', () => {
    const r = loadScenario(
      withChapters([
        { id: 'one', title, steps: ['start'] },
        { id: 'two', title, steps: ['end', 'report'] },
      ]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblems(r.problems).join('\n')).toMatch(/chapters\[1\]\.steps\[0\]/);
  });

  it('loads valid chapters as step ranges', () => {
    const r = loadScenario(
      withChapters([
        { id: 'one', title, steps: ['start', 'middle'] },
        { id: 'two', title, steps: ['end', 'report'] },
      ]),
    );
    if (!r.ok) throw new Error(formatProblems(r.problems).join('\n'));
    expect(r.scenario.chapters.map((c) => [c.id, c.firstStep, c.lastStep])).toEqual([
      ['one', 0, 1],
      ['two', 2, 3],
    ]);
    expect(chapterIndexOf(r.scenario, 2)).toBe(1);
    expect(chapterIndexOf(r.scenario, -1)).toBe(-1);
    expect(findChapter(r.scenario, 'two')?.firstStep).toBe(2);
    expect(findChapter(r.scenario, 'three')).toBeUndefined();
  });
});

describe('AZAL 8243 chapters', () => {
  const s = azal();

  it('has six chapters; "the damage" starts at the first impact', () => {
    expect(s.chapters.map((c) => c.id)).toEqual(['departure', 'grozny', 'damage', 'caspian', 'aktau', 'after']);
    expect(s.steps[findChapter(s, 'damage')!.firstStep]!.id).toBe('first-impact');
  });

  it('gives the chart five spans of flight time, end to end, up to the end of the flight', () => {
    const spans = chapterSpans(s);
    expect(spans.map((c) => c.id)).toEqual(['departure', 'grozny', 'damage', 'caspian', 'aktau']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.fromMs).toBe(spans[i - 1]!.toMs);
    expect(spans[0]!.fromMs).toBe(s.steps[0]!.timeMs);
    expect(spans[2]!.fromMs).toBe(Date.UTC(2024, 11, 25, 5, 13, 31));
    expect(spans[4]!.toMs).toBe(s.endMs);
    for (const c of spans) expect(c.toMs).toBeGreaterThan(c.fromMs);
  });

  it('writes the card and the progress line only at a chapter start, in each language', () => {
    expect(chapterCardText(s, 8, 'en')).toEqual({ kicker: 'Chapter 3 of 6', title: 'The damage' });
    expect(chapterCardText(s, 9, 'en')).toBeNull();
    expect(chapterCardText(s, 8, 'ru')).toEqual({ kicker: 'Глава 3 из 6', title: 'Повреждение' });
    expect(chapterProgress({ scenario: s, stepIndex: 9, card: null, lang: 'de' })).toBe('Kapitel 3/6 · ');
    expect(chapterProgress({ scenario: s, stepIndex: 0, card: 'title', lang: 'en' })).toBe('');
  });
});

describe('chapter spans without chapters', () => {
  it('is empty for a v1 file', () => {
    const r = loadScenario(minimalScenario());
    if (!r.ok) throw new Error('expected the minimal scenario to load');
    expect(chapterSpans(r.scenario)).toEqual([]);
  });
});

describe('chapter labels on the chart (fitBandLabels)', () => {
  /** 7 px a character, 8 in bold. */
  const measure = (text: string, bold: boolean) => Array.from(text).length * (bold ? 8 : 7);
  const band = (x0: number, x1: number, number: number, title: string, bold = false): LabelBand => ({ x0, x1, number, title, bold });

  function noOverlap(labels: { text: string; x: number; width: number }[], gap: number): void {
    const shown = labels.filter((l) => l.text !== '').sort((a, b) => a.x - b.x);
    for (let i = 1; i < shown.length; i++)
      expect(shown[i]!.x, `${shown[i - 1]!.text} / ${shown[i]!.text}`).toBeGreaterThanOrEqual(shown[i - 1]!.x + shown[i - 1]!.width + gap);
  }

  it('writes the whole title where the band is wide', () => {
    const out = fitBandLabels([band(0, 300, 1, 'Departure from Baku'), band(300, 600, 2, 'The damage')], measure, 0, 600);
    expect(out.map((l) => l.text)).toEqual(['1. Departure from Baku', '2. The damage']);
    expect(out.every((l) => !l.shortened)).toBe(true);
    noOverlap(out, 8);
  });

  it('shortens by whole words, then to the number, and never overlaps', () => {
    const bands = [
      band(0, 70, 1, 'Departure from Baku'),
      band(70, 160, 2, 'Approaches to Grozny and GPS trouble'),
      band(160, 180, 3, 'The damage', true),
      band(180, 250, 4, 'Across the Caspian'),
      band(250, 300, 5, 'Aktau: approach and crash'),
    ];
    const out = fitBandLabels(bands, measure, 0, 300);
    noOverlap(out, 8);
    // The current chapter is placed first and gets its title, spilling over its narrow band.
    expect(out[2]!.text).toBe('3. The damage');
    for (const l of out) if (l.text.includes('…')) expect(l.text).toMatch(/^\d\. \S.*[^\s:]…$/);
    out.forEach((l, i) => {
      if (!l.text) return;
      const b = bands[i]!;
      if (b.bold) {
        // Centred on its band where it can be.
        const mid = (b.x0 + b.x1) / 2;
        expect(l.x).toBeLessThanOrEqual(mid);
        expect(l.x + l.width).toBeGreaterThanOrEqual(mid);
      } else {
        // Within its own band.
        expect(l.x).toBeGreaterThanOrEqual(b.x0);
        expect(l.x + l.width).toBeLessThanOrEqual(b.x1);
      }
      expect(l.x).toBeGreaterThanOrEqual(0);
      expect(l.x + l.width).toBeLessThanOrEqual(300);
    });
    // The wide second band keeps a label beside the current one.
    expect(out[1]!.text).not.toBe('');
  });

  it('drops the colon before the ellipsis and leaves out a label with no room', () => {
    const out = fitBandLabels([band(0, 80, 5, 'Aktau: approach and crash'), band(80, 84, 6, 'X')], measure, 0, 84);
    expect(out[0]!.text).toBe('5. Aktau…');
    expect(out[1]!.text).toBe('');
  });
});
