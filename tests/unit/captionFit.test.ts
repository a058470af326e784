import { describe, expect, it } from 'vitest';
import { layoutAt, layoutLowerThird, MIN_SCALE, wrapText, type MeasureText } from '../../src/export/captionFit';
import type { FrameText } from '../../src/export/types';

/** A stand-in for Canvas measureText: every character 0.55 em wide, bold 0.6 em. */
const measure: MeasureText = (text, font) => {
  const px = Number(/([\d.]+)px/.exec(font)![1]);
  return text.length * px * (font.startsWith('700') ? 0.6 : 0.55);
};

const frame = (caption: string, extra: Partial<FrameText> = {}): FrameText => ({
  kicker: 'Step 9 of 36 · Confidence: high',
  title: 'First impact: autopilot disconnects',
  time: '05:13:31 UTC · 08:13:31 local (UTC+3) · Damage area (leaks)',
  caption,
  sources: 'Sources: Repost.uz · Volkovysk.eu · Turkish News World · Tengrinews',
  clock: '05:13:31 UTC',
  provenance: 'inferred',
  ...extra,
});

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const captionText = (lines: readonly { role: string; text: string }[]) =>
  lines
    .filter((l) => l.role === 'caption')
    .map((l) => l.text)
    .join(' ');

// A 1280x720 export: the lower third may take 36 % of the height minus its padding.
const BOX_720 = { frameHeight: 720, width: 1280 - 2 * 38 - 2 * 17 - 8, maxHeight: 0.36 * 720 - 2 * 17 };

describe('lower third of exports and snapshots: fitted, never cut', () => {
  it('wraps words to the width; a word longer than a line is broken, nothing is lost', () => {
    const font = '20px X';
    const lines = wrapText('a short line and https://example.org/a/very/long/address/that/does/not/fit/anywhere end', font, 200, measure);
    for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/\s/g, '')).toBe('ashortlineandhttps://example.org/a/very/long/address/that/does/not/fit/anywhereend');
  });

  it('a short caption keeps full-size type', () => {
    const layout = layoutLowerThird(frame('A second sound of impact is recorded.'), BOX_720, measure, 'X');
    expect(layout.scale).toBe(1);
    expect(layout.overflow).toBe(false);
    expect(layout.height).toBeLessThanOrEqual(BOX_720.maxHeight);
  });

  it('the longest caption of the case (468 characters) shrinks to fit, with every word, where 4 lines were cut before', () => {
    const caption =
      'Kazakhstan publishes a 53-page preliminary report. It describes many through and blind holes in the tail fuselage, fin, horizontal stabilisers, elevators and rudder, similar damage on the left engine and left wing, some of them regular and rectangular. All three hydraulic systems were damaged before impact, "likely by external objects"; the engines worked until impact. A NOTAM had warned of GNSS failures at Grozny, and the pilots were not told of the "Kover" plan.';
    const layout = layoutLowerThird(frame(caption), BOX_720, measure, 'X');
    expect(layout.scale).toBeLessThan(1);
    expect(layout.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(layout.overflow).toBe(false);
    expect(layout.height).toBeLessThanOrEqual(BOX_720.maxHeight);
    expect(words(captionText(layout.lines))).toEqual(words(caption));
    expect(layout.lines.filter((l) => l.role === 'caption').length).toBeGreaterThan(4);
    // The largest scale that fits: one step larger would not.
    expect(layoutAt(frame(caption), BOX_720, layout.scale + 0.05, measure, 'X').height).toBeGreaterThan(BOX_720.maxHeight);
    for (const l of layout.lines) expect(measure(l.text, l.font)).toBeLessThanOrEqual(BOX_720.width);
  });

  it('beyond the smallest readable type the box grows: nothing is dropped', () => {
    const caption = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const layout = layoutLowerThird(
      frame(caption, { title: 'A long German title: Bodenannäherungswarnung und Höhentrimmung fallen aus' }),
      BOX_720,
      measure,
      'X',
    );
    expect(layout.scale).toBe(MIN_SCALE);
    expect(layout.overflow).toBe(true);
    expect(layout.height).toBeGreaterThan(BOX_720.maxHeight);
    expect(words(captionText(layout.lines))).toEqual(words(caption));
    expect(
      layout.lines
        .filter((l) => l.role === 'title')
        .map((l) => l.text)
        .join(' '),
    ).toBe('A long German title: Bodenannäherungswarnung und Höhentrimmung fallen aus');
  });

  it('lines are in reading order, one below the other; sizes follow the frame height', () => {
    const layout = layoutLowerThird(frame('Short.'), { ...BOX_720, frameHeight: 1080, maxHeight: 1000 }, measure, 'X');
    const ys = layout.lines.map((l) => l.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(layout.lines.map((l) => l.role)).toEqual(['kicker', 'title', 'time', 'caption', 'sources']);
    expect(layout.lines.find((l) => l.role === 'caption')!.font).toBe('34px X');
    expect(layout.lines.find((l) => l.role === 'title')!.font).toBe('700 48px X');
    const small = layoutLowerThird(frame('Short.'), { ...BOX_720, maxHeight: 1000 }, measure, 'X');
    expect(small.lines.find((l) => l.role === 'caption')!.font).toBe('22.7px X');
  });
});
