import { expect, test, type Page } from '@playwright/test';
import { expectCleanRun, openApp, openControls, state } from './support';

/**
 * Render on demand (issue 6): a paused app draws nothing, and a seek is shown by the next frame.
 * Behaviour, not speed: frames are counted, never timed.
 */

const SCRUBBER = '#controls .time-scrubber input';

/** Watches, inside the page, for the first frame that shows a new state time; `seekFrames` then holds the frames drawn meanwhile. */
function watchForDrawnTime(page: Page): Promise<void> {
  return page.evaluate(() => {
    const api = window.flightrecon;
    const frames0 = api.stats().framesDrawn;
    const time0 = api.state().time;
    const w = window as unknown as { seekFrames?: Promise<number | null> };
    w.seekFrames = new Promise((resolve) => {
      const t0 = performance.now();
      const check = (): void => {
        const s = api.stats();
        if (api.state().time !== time0 && s.drawnTime === api.state().time) resolve(s.framesDrawn - frames0);
        else if (performance.now() - t0 > 15_000) resolve(null);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
}

const seekFrames = (page: Page): Promise<number | null> => page.evaluate(() => (window as unknown as { seekFrames: Promise<number | null> }).seekFrames);

/** Sets the time slider as typing into it does: a value and an 'input' event. */
async function inputSlider(page: Page, seconds: number): Promise<void> {
  await page.evaluate(
    ([selector, value]) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [SCRUBBER, seconds] as const,
  );
}

test.describe('rendering on demand', () => {
  test('a paused app draws no frames once its imagery has loaded, nor once paused after playing', async ({ page }) => {
    const watch = await openApp(page); // resolves once a frame with all imagery tiles is drawn
    await page.evaluate(() => window.flightrecon.pause());
    expect((await state(page)).playing).toBe(false);
    const before = await page.evaluate(() => window.flightrecon.stats().framesDrawn);
    await page.waitForTimeout(1500);
    const after = await page.evaluate(() => window.flightrecon.stats().framesDrawn);
    expect(after - before, 'frames drawn while paused and idle').toBe(0);
    // Paused after playing: once the last frames are in (auto quality's sharp still), nothing more.
    await page.evaluate(() => window.flightrecon.setSpeed(60).then(() => window.flightrecon.play()));
    await page.waitForTimeout(2000);
    // Paused: a camera move under way ends, and the tiles of the new view come in (playing from the
    // title card re-frames the first step, closer); after that, nothing more is drawn.
    await page.evaluate(() =>
      window.flightrecon
        .pause()
        .then(() => window.flightrecon.settled())
        .then(() => window.flightrecon.debug!.imageryLoaded()),
    );
    await page.waitForTimeout(2500);
    const paused = await page.evaluate(() => window.flightrecon.stats().framesDrawn);
    await page.waitForTimeout(1500);
    expect((await page.evaluate(() => window.flightrecon.stats().framesDrawn)) - paused, 'frames drawn while paused after playing').toBe(0);
    expectCleanRun(watch);
  });

  test('the time slider is shown within 2 frames', async ({ page }) => {
    const watch = await openApp(page);
    await page.evaluate(() => window.flightrecon.pause());
    // The slider counts seconds from the flight's start, 03:49:00.
    for (const [seconds, expected] of [
      [3600, '2024-12-25T04:49:00Z'],
      [1200, '2024-12-25T04:09:00Z'],
      [8000, '2024-12-25T06:02:20Z'],
      [5070, '2024-12-25T05:13:30Z'],
    ] as const) {
      await watchForDrawnTime(page);
      await inputSlider(page, seconds);
      const frames = await seekFrames(page);
      expect((await state(page)).time).toBe(expected);
      expect(frames, `frames until ${expected} was drawn`).not.toBeNull();
      expect(frames!, `frames until ${expected} was drawn`).toBeLessThanOrEqual(2);
    }
    // A click on the slider track (the mouse path of a drag) as well.
    await openControls(page);
    const box = (await page.locator('.time-scrubber .lil-slider').first().boundingBox())!;
    await watchForDrawnTime(page);
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
    const frames = await seekFrames(page);
    expect((await state(page)).time).not.toBe('2024-12-25T05:13:30Z');
    expect(frames, 'frames until the clicked time was drawn').not.toBeNull();
    expect(frames!).toBeLessThanOrEqual(2);
    expectCleanRun(watch);
  });
});
