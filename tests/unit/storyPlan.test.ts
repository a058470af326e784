import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/validate';
import { localize, type Scenario } from '../../src/scenario/model';
import { stepRun } from '../../src/app/presentation';
import { MIN_STEP_SECONDS, NOTICE_SECONDS, readingSeconds, wordCount, WORDS_PER_MINUTE } from '../../src/export/readingTime';
import {
  cardLines,
  clockAt,
  formatLength,
  MIN_CHAPTER_SECONDS,
  planStory,
  segmentIndexAt,
  stepLead,
  storyFrameCount,
  storyRange,
  titleCard,
  type StoryRange,
} from '../../src/export/storyPlan';
import { isStoryExport, MAX_STORY_FRAMES, planStoryExport } from '../../src/export/exportPlan';

const loaded = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
if (!loaded.ok) throw new Error('scenario does not load');
const scenario = loaded.scenario;
const idx = (id: string) => scenario.steps.findIndex((s) => s.id === id);
const whole = storyRange(scenario, true) as StoryRange;

describe('reading time: max(minimum, 1.5 s + words at 150 wpm)', () => {
  it('counts words, not punctuation', () => {
    expect(wordCount('Take-off from Baku')).toBe(3);
    expect(wordCount('  67 aboard · 38 killed — 29 survived → ')).toBe(6);
    expect(wordCount('')).toBe(0);
    expect(wordCount('Вылет из Баку')).toBe(3);
  });
  it('is 0.4 s a word plus 1.5 s, never below the minimum', () => {
    expect(WORDS_PER_MINUTE).toBe(150);
    expect(readingSeconds('Mayday')).toBe(MIN_STEP_SECONDS);
    const thirty = Array.from({ length: 30 }, () => 'word').join(' ');
    expect(readingSeconds(thirty)).toBeCloseTo(NOTICE_SECONDS + 12, 6);
    expect(readingSeconds([thirty, thirty])).toBeCloseTo(NOTICE_SECONDS + 24, 6);
    expect(readingSeconds('one two', 0)).toBeCloseTo(NOTICE_SECONDS + 0.8, 6);
  });
});

describe('story plan', () => {
  const plan = planStory(scenario, 'en', whole);
  const segs = plan.segments;

  it('opens with the title card, ends with the method note, a chapter card at each chapter start', () => {
    expect(segs[0]!.kind).toBe('title');
    expect(segs.at(-1)!.kind).toBe('method');
    const chapters = segs.filter((s) => s.kind === 'chapter');
    expect(chapters).toHaveLength(scenario.chapters.length);
    expect(scenario.chapters.length).toBeGreaterThan(0);
    chapters.forEach((c, k) => {
      expect(c.chapterIndex).toBe(k);
      expect(c.stepIndex).toBe(scenario.chapters[k]!.firstStep);
      // The chapter card comes right before its first step.
      const next = segs[segs.indexOf(c) + 1]!;
      expect(next.kind).toBe('step');
      expect(next.stepIndex).toBe(c.stepIndex);
      expect(c.endMs - c.startMs).toBeGreaterThanOrEqual(MIN_CHAPTER_SECONDS * 1000);
      expect(c.card?.kicker).toBe(`Chapter ${k + 1} of ${scenario.chapters.length}`);
    });
    expect(segs.filter((s) => s.kind === 'step').map((s) => s.stepIndex)).toEqual(scenario.steps.map((s) => s.index));
  });

  it('is contiguous, in whole tenths of a second, and lasts several minutes', () => {
    let at = 0;
    for (const s of segs) {
      expect(s.startMs).toBe(at);
      expect(s.endMs).toBeGreaterThan(s.startMs);
      expect((s.endMs - s.startMs) % 100).toBe(0);
      at = s.endMs;
    }
    expect(plan.durationMs).toBe(at);
    expect(plan.durationMs).toBeGreaterThan(5 * 60_000);
    expect(storyFrameCount(plan, 30)).toBe(Math.round((plan.durationMs / 1000) * 30));
    expect(storyFrameCount(plan, 60)).toBeLessThan(MAX_STORY_FRAMES);
  });

  it('a step lasts max(presenter run, reading time of title and lead); the clock runs as presenting, then holds', () => {
    for (const s of segs.filter((x) => x.kind === 'step')) {
      const step = scenario.steps[s.stepIndex]!;
      const read = readingSeconds([localize(step.title, 'en'), stepLead(step, 'en')]) * 1000;
      const length = s.endMs - s.startMs;
      expect(length).toBeGreaterThanOrEqual(read - 1e-6);
      expect(length).toBeGreaterThanOrEqual(s.runMs);
      expect(length).toBeLessThan(Math.max(read, s.runMs) + 100);
      if (step.kind === 'epilogue') {
        expect(s.epilogue).toBe(true);
        expect(s.runMs).toBe(0);
        expect(clockAt(s, s.startMs)).toBe(scenario.endMs);
        continue;
      }
      const run = stepRun(scenario, step);
      expect(clockAt(s, s.startMs)).toBe(s.clockFromMs);
      if (run) {
        expect(s.clockToMs).toBe(run.holdMs);
        expect(s.runMs).toBeCloseTo((run.holdMs - s.clockFromMs) / run.speed, -1);
        expect(clockAt(s, s.startMs + s.runMs / 2)).toBeCloseTo((s.clockFromMs + run.holdMs) / 2, -1);
        expect(clockAt(s, s.endMs)).toBe(run.holdMs);
      }
    }
  });

  it('the title card has the case, summary, figures from scenario.people, date and route', () => {
    const card = titleCard(scenario, 'en');
    expect(card.heading).toBe(localize(scenario.title, 'en'));
    expect(card.body[0]).toBe(localize(scenario.summary, 'en'));
    expect(card.figures.map((f) => `${f.value} ${f.label}`)).toEqual([
      `${scenario.people!.aboard.value} aboard`,
      `${scenario.people!.killed.value} killed`,
      `${scenario.people!.survived.value} survived`,
    ]);
    expect(card.body[1]).toContain('25 December 2024');
    expect(card.body[1]).toMatch(/Route: Baku → Grozny/);
    expect(card.footer).toMatch(/^Figures: /);
    expect(cardLines(card).join(' ')).toContain('67 aboard');
    // Its subtitle is what the card says.
    expect(segs[0]!.subtitle).toContain(localize(scenario.summary, 'en'));
    expect(segs[0]!.span).toEqual({ fromMs: scenario.startMs, toMs: scenario.endMs });
  });

  it('is worded in the language asked for', () => {
    const de = planStory(scenario, 'de', whole);
    expect(de.segments.find((s) => s.kind === 'chapter')!.card!.kicker).toBe(`Kapitel 1 von ${scenario.chapters.length}`);
    expect(de.segments.at(-1)!.card!.heading).toBe('Wie diese Rekonstruktion entstand');
  });

  it('the method note says recorded vs inferred, the gap, disagreement, and where to read more', () => {
    const method = segs.at(-1)!;
    expect(method.span).not.toBeNull();
    expect(method.clockFromMs).toBe(scenario.endMs);
    const text = cardLines(method.card!).join(' ');
    for (const part of ['recorded', 'inferred', 'gap', 'disagree', '?about=1']) expect(text).toContain(part);
  });

  it('a part from..to has chapter cards only where a chapter starts inside it', () => {
    const range = storyRange(scenario, false, 'second-approach', 'first-impact') as StoryRange;
    expect(range).toEqual({ firstStep: idx('second-approach'), lastStep: idx('first-impact'), titleCard: false, methodCard: false });
    const part = planStory(scenario, 'en', range);
    expect(part.segments.map((s) => `${s.kind}:${s.stepIndex}`)).toEqual([
      `step:${idx('second-approach')}`,
      `step:${idx('following-to-baku')}`,
      `chapter:${idx('first-impact')}`,
      `step:${idx('first-impact')}`,
    ]);
    // Starting at a chapter's first step: its card opens the part.
    const atStart = planStory(scenario, 'en', storyRange(scenario, false, 'first-impact', 'flight-controls-lost') as StoryRange);
    expect(atStart.segments[0]!.kind).toBe('chapter');
    expect(storyRange(scenario, false, 'nope', 'impact')).toMatch(/^from: no step/);
    // The story narrowed to some steps keeps its title card and method note.
    const narrowed = planStory(scenario, 'en', storyRange(scenario, true, 'interim-statement') as StoryRange);
    expect(narrowed.segments.map((s) => s.kind)).toEqual(['title', 'step', 'method']);
    expect(storyRange(scenario, false, 'impact', 'take-off')).toMatch(/before/);
  });

  it('a scenario without chapters has no chapter cards', () => {
    const plain: Scenario = { ...scenario, chapters: [] };
    const p = planStory(plain, 'en', whole);
    expect(p.segments.some((s) => s.kind === 'chapter')).toBe(false);
    expect(p.segments.every((s) => s.chapterIndex === -1)).toBe(true);
  });

  it('finds the segment at a video time, forwards and backwards', () => {
    let hint = 0;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]!;
      hint = segmentIndexAt(plan, s.startMs, hint);
      expect(hint).toBe(i);
      expect(segmentIndexAt(plan, s.endMs - 1, 0)).toBe(i);
    }
    expect(segmentIndexAt(plan, 0, segs.length - 1)).toBe(0);
    expect(segmentIndexAt(plan, plan.durationMs + 5000)).toBe(segs.length - 1);
  });

  it('export options: story or presenter shots, validated', () => {
    expect(isStoryExport({ story: true })).toBe(true);
    expect(isStoryExport({ shots: 'presenter' })).toBe(true);
    expect(isStoryExport({ from: 'take-off' })).toBe(false);
    const p = planStoryExport(scenario, 'en', { from: 'second-approach', to: 'first-impact', shots: 'presenter', width: 640, height: 360, fps: 10 });
    if (typeof p === 'string') throw new Error(p);
    expect([p.width, p.height, p.fps]).toEqual([640, 360, 10]);
    expect(p.frameCount).toBe(storyFrameCount(p.story, 10));
    expect(planStoryExport(scenario, 'en', { story: true, width: 641 })).toMatch(/width/);
    expect(planStoryExport(scenario, 'en', { shots: 'cockpit' as 'presenter' })).toMatch(/shots/);
  });

  it('formats video lengths', () => {
    expect(formatLength(0)).toBe('0:00');
    expect(formatLength(272.4)).toBe('4:32');
    expect(formatLength(3723)).toBe('1:02:03');
  });
});

describe('card layout (burned-in title card, chapter card, method note)', () => {
  // A fake font: every character half as wide as the type size.
  const measure = (text: string, font: string) => text.length * Number(/([\d.]+)px/.exec(font)![1]) * 0.5;
  const words = (lines: readonly { text: string; role: string }[], role: string) =>
    lines
      .filter((l) => l.role === role)
      .map((l) => l.text)
      .join(' ');

  it('wraps every text into the box, shrinking type to fit, dropping nothing', async () => {
    const { layoutCard } = await import('../../src/export/captionFit');
    const card = titleCard(scenario, 'en');
    const box = { frameHeight: 720, width: 600, maxHeight: 560 };
    const layout = layoutCard(card, box, measure, 'sans');
    expect(layout.overflow).toBe(false);
    expect(layout.height).toBeLessThanOrEqual(box.maxHeight);
    expect(words(layout.lines, 'heading')).toBe(card.heading);
    expect(words(layout.lines, 'body')).toBe(card.body.join(' '));
    expect(layout.lines.filter((l) => l.role === 'figure').map((l) => l.text)).toEqual(['67', '38', '29']);
    for (const l of layout.lines) expect(l.x + measure(l.text, l.font)).toBeLessThanOrEqual(box.width + 1e-6);
    // A smaller box: smaller type, still all there.
    const tight = layoutCard(card, { ...box, maxHeight: 420 }, measure, 'sans');
    expect(tight.scale).toBeLessThan(layout.scale);
    expect(words(tight.lines, 'body')).toBe(card.body.join(' '));
  });

  it('centres a chapter card', async () => {
    const { layoutCard } = await import('../../src/export/captionFit');
    const plan = planStory(scenario, 'en', whole);
    const card = plan.segments.find((s) => s.kind === 'chapter')!.card!;
    const layout = layoutCard(card, { frameHeight: 720, width: 1000, maxHeight: 300 }, measure, 'sans', true);
    for (const l of layout.lines) expect(Math.abs(l.x + measure(l.text, l.font) / 2 - 500)).toBeLessThan(1);
  });
});
