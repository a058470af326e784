/**
 * The story rendering of a video export (issue 15): a part with the presenter's shots across a
 * chapter boundary has the chapter card and camera movement, its subtitles match the steps in the
 * span, and the GUI's "Story video" says how long the video will be and can be canceled.
 * One page for all checks; the exports are tiny (SwiftShader draws slowly).
 */
import { expect, test, type Page } from '@playwright/test';
import type { PNG } from 'pngjs';
import { decode, expectCleanRun, openApp, openControls, state, steps, type AppWatch } from './support';
import { sharedPage } from './sharedPage';
import { demux, exportInPage, framesAsPng, save } from './exportSupport';

test.setTimeout(600_000);

const OPTIONS = { from: 'following-to-baku', to: 'first-impact', shots: 'presenter', width: 640, height: 360, fps: 5 } as const;

interface VttCue {
  start: number;
  end: number;
  text: string;
}

function parseVtt(vtt: string): VttCue[] {
  const sec = (t: string) => {
    const [h, m, s] = t.split(':');
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  };
  return vtt
    .split('\n\n')
    .slice(1)
    .filter((b) => b.includes('-->'))
    .map((block) => {
      const lines = block.trim().split('\n');
      const [a, b] = lines[1]!.split(' --> ');
      return { start: sec(a!), end: sec(b!), text: lines.slice(2).join(' ') };
    });
}

/** Pixels like the cards' accent yellow (#ffd34d, or its anti-aliased edge on the dark band) in a rectangle. */
function accentPixels(img: PNG, x0: number, y0: number, w: number, h: number): number {
  let n = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
      if (r > 140 && g > 110 && r - b > 70 && g - b > 50) n++;
    }
  }
  return n;
}

/** Mean brightness (0–255) of a rectangle. */
function brightness(img: PNG, x0: number, y0: number, w: number, h: number): number {
  let sum = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * img.width + x) * 4;
      sum += (img.data[i]! + img.data[i + 1]! + img.data[i + 2]!) / 3;
    }
  }
  return sum / (w * h);
}

/** Mean absolute difference per channel (0–255) between two frames in a rectangle. */
function difference(a: PNG, b: PNG, x0: number, y0: number, w: number, h: number): number {
  let sum = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * a.width + x) * 4;
      sum += Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
    }
  }
  return sum / (w * h * 3);
}

test.describe('story export', () => {
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  let watch: AppWatch;
  const info: string[] = [];
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(600_000);
    page = await sharedPage(browser);
    page.on('console', (m) => void (m.type() === 'info' && info.push(m.text())));
    watch = await openApp(page, '?step=second-approach');
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test('presenter shots across a chapter boundary: chapter card, camera moves, subtitles match', async () => {
    const before = await state(page);
    const vtt = await page.evaluate(async (o) => (await window.flightrecon.exportSubtitles(o, 'vtt')).text(), OPTIONS);
    const cues = parseVtt(vtt);
    const all = await steps(page);
    const title = (id: string) => all.find((s) => s.id === id)!.title;
    // The steps of the span and the chapter card between them (following-to-baku ends "grozny", first-impact opens "damage").
    expect(cues.map((c) => c.text.slice(0, 60))).toEqual(
      [title('following-to-baku'), 'Chapter 3: The damage', title('first-impact')].map((t) => expect.stringContaining(t.slice(0, 30))),
    );
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBeCloseTo(cues[i - 1]!.end, 3);
    const srt = await page.evaluate(async (o) => (await window.flightrecon.exportSubtitles(o, 'srt')).text(), OPTIONS);
    expect(srt.startsWith('1\r\n00:00:00,000 --> ')).toBe(true);

    const { bytes } = await exportInPage(page, OPTIONS);
    const d = await demux(bytes);
    const duration = cues.at(-1)!.end;
    expect(d.packets).toHaveLength(Math.round(duration * OPTIONS.fps));
    expect([d.width, d.height]).toEqual([640, 360]);
    expect(info.some((line) => line.includes(`${d.packets.length} frames`))).toBe(true);

    const chapter = cues[1]!;
    const fps = OPTIONS.fps;
    const first = Math.round(chapter.start * fps);
    const last = Math.round(chapter.end * fps) - 1;
    // A step frame, the first frames of the chapter card (the move to the next step runs under it), its last frame, and the next step.
    const wanted = [first - 3, first, first + 1, first + 2, first + 3, last - 1, last, last + 4];
    const frames = (await framesAsPng(page, d, wanted)).map((png, i) => {
      save(`story-frame-${wanted[i]}`, png);
      return decode(png);
    });
    const [step, c0, c1, c2, c3, cEnd1, cEnd, next] = frames as [PNG, PNG, PNG, PNG, PNG, PNG, PNG, PNG];
    // The chapter card: its kicker in the accent colour, centred in the band over the lower part, and
    // no clock panel in the top left; a step frame has the clock panel (dark) and no centred kicker.
    for (const card of [c0, cEnd]) {
      expect(accentPixels(card, 250, 218, 140, 22)).toBeGreaterThan(10);
      expect(brightness(card, 12, 10, 200, 20)).toBeGreaterThan(85);
    }
    for (const plain of [step, next]) {
      expect(accentPixels(plain, 250, 218, 140, 22)).toBeLessThan(3);
      expect(brightness(plain, 12, 10, 200, 20)).toBeLessThan(85);
    }
    // The camera moves (eased, on the video's clock) under the card: consecutive frames differ in the
    // globe area above it, while the held end of the card does not change.
    const moving = Math.max(difference(c0, c1, 0, 0, 640, 200), difference(c1, c2, 0, 0, 640, 200), difference(c2, c3, 0, 0, 640, 200));
    const still = difference(cEnd1, cEnd, 0, 0, 640, 200);
    expect(moving).toBeGreaterThan(1);
    expect(moving).toBeGreaterThan(still * 4);

    const after = await state(page);
    expect(after.time).toBe(before.time);
    expect(after.step?.id).toBe('second-approach');
    expect(after.playing).toBe(false);
    expect(after.camera).toBe(before.camera);
    expect(after.card).toBeNull();
    expectCleanRun(watch);
  });

  test('the GUI story video says its length and frames before it starts, and cancels', async () => {
    await openControls(page);
    const menu = page.locator('.media-menu');
    if ((await menu.getAttribute('class'))?.includes('lil-closed')) await page.locator('.media-menu > .lil-title').click();
    // Headless: no file dialog; the video would be a download.
    await page.evaluate(() => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker);
    await page.getByTestId('export-story').locator('button').click();
    const box = page.getByTestId('export-progress');
    await expect(box).toBeVisible();
    await expect(page.getByTestId('export-estimate')).toHaveText(/^Video \d+:\d\d · \d+ frames$/);
    await box.getByRole('button', { name: 'Cancel' }).click();
    await expect(box).toBeHidden({ timeout: 60_000 });
    expect(info.some((line) => /story of \d+:\d\d/.test(line))).toBe(true);
    expectCleanRun(watch);
  });
});
