import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/validate';
import { localize } from '../../src/scenario/model';
import { rangeCues, storyCues, timestamp, toSrt, toVtt, wrapLines, LINE_CHARS } from '../../src/export/subtitles';
import { planStory, storyRange, type StoryRange } from '../../src/export/storyPlan';
import { subtitlesFor } from '../../src/export/subtitleExport';
import { planExport } from '../../src/export/exportPlan';

const loaded = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
if (!loaded.ok) throw new Error('scenario does not load');
const scenario = loaded.scenario;

describe('subtitle writers', () => {
  it('timestamps: VTT with a point, SRT with a comma, hours always', () => {
    expect(timestamp(1500, 'vtt')).toBe('00:00:01.500');
    expect(timestamp(1500, 'srt')).toBe('00:00:01,500');
    expect(timestamp(3_723_004, 'vtt')).toBe('01:02:03.004');
    expect(timestamp(59_999.6, 'srt')).toBe('00:01:00,000');
    expect(timestamp(-5, 'vtt')).toBe('00:00:00.000');
  });

  it('wraps lines at 42 characters, keeps given line breaks, loses no word', () => {
    const text = 'The crew reports a control failure and a bird strike to Grozny approach control at 05:15 UTC.';
    const lines = wrapLines(`Title\n${text}`);
    expect(lines[0]).toBe('Title');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(LINE_CHARS);
    expect(lines.slice(1).join(' ')).toBe(text);
    expect(wrapLines('a-very-long-unbreakable-token-that-is-longer-than-forty-two-chars x')).toEqual([
      'a-very-long-unbreakable-token-that-is-longer-than-forty-two-chars',
      'x',
    ]);
  });

  const cues = [
    { startMs: 0, endMs: 1500, text: 'First <b> & "quoted" --> arrow' },
    { startMs: 1500, endMs: 4000, text: 'Second\n\nline' },
    { startMs: 4000, endMs: 4000, text: 'empty span: dropped' },
  ];

  it('WebVTT: header, numbered cues, escapes < & and -->', () => {
    const vtt = toVtt(cues);
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt).toContain('1\n00:00:00.000 --> 00:00:01.500\nFirst &lt;b&gt; &amp; "quoted" --&gt; arrow\n');
    expect(vtt).toContain('2\n00:00:01.500 --> 00:00:04.000\nSecond\nline\n');
    expect(vtt).not.toContain('dropped');
    // Exactly one arrow per cue: the timing line's.
    expect(vtt.match(/-->/g)).toHaveLength(2);
  });

  it('SRT: numbered from 1, comma times, CRLF, no second arrow', () => {
    const srt = toSrt(cues);
    expect(srt.startsWith('1\r\n00:00:00,000 --> 00:00:01,500\r\nFirst <b> & "quoted" -> arrow\r\n\r\n2\r\n')).toBe(true);
    expect(srt.match(/-->/g)).toHaveLength(2);
    // No blank line inside a cue (it would end it).
    expect(srt).toContain('Second\r\nline\r\n');
  });
});

describe('cues timed to the video', () => {
  it("story: a cue per card and step, on the plan's times", () => {
    const plan = planStory(scenario, 'en', storyRange(scenario, true) as StoryRange);
    const c = storyCues(plan);
    expect(c).toHaveLength(plan.segments.length);
    c.forEach((cue, i) => {
      expect(cue.startMs).toBe(plan.segments[i]!.startMs);
      expect(cue.endMs).toBe(plan.segments[i]!.endMs);
    });
    const step = plan.segments.find((s) => s.kind === 'step')!;
    expect(c[plan.segments.indexOf(step)]!.text.split('\n')[0]).toBe(localize(scenario.steps[step.stepIndex]!.title, 'en'));
    const vtt = subtitlesFor(scenario, 'en', scenario.startMs, { story: true }, 'vtt');
    expect(vtt.match(/-->/g)).toHaveLength(plan.segments.length);
  });

  it('range: the steps overlapping the range, at (time - from) / speed, clipped to the video', () => {
    const from = Date.parse('2024-12-25T05:13:30Z');
    const to = Date.parse('2024-12-25T05:13:40Z');
    const c = rangeCues(scenario, 'en', from, to, 2);
    const ids = ['following-to-baku', 'first-impact', 'flight-controls-lost', 'hydraulics-3-lost', 'pitch-trim-failure', 'depressurisation'];
    expect(c.map((x) => x.text.split('\n')[0])).toEqual(ids.map((id) => localize(scenario.steps.find((s) => s.id === id)!.title, 'en')));
    expect(c[0]).toMatchObject({ startMs: 0, endMs: 500 }); // following-to-baku until first impact at :31
    expect(c[1]).toMatchObject({ startMs: 500, endMs: 1000 });
    expect(c.at(-1)).toMatchObject({ startMs: 4500, endMs: 5000 });
    const srt = subtitlesFor(scenario, 'en', from, { from: '2024-12-25T05:13:30Z', to: '2024-12-25T05:13:40Z', speed: 2, fps: 30 }, 'srt');
    const plan = planExport(scenario, from, { from: '2024-12-25T05:13:30Z', to: '2024-12-25T05:13:40Z', speed: 2, fps: 30 });
    if (typeof plan === 'string') throw new Error(plan);
    expect(srt).toContain('00:00:04,500 --> 00:00:05,000');
    expect(subtitlesFor(scenario, 'en', from, { from: 'nope' }, 'vtt')).toMatch(/^error: from/);
  });
});
