/**
 * Drawing quality (issue 6): the setting from the URL, the GUI and the API; what each tier does to
 * the drawing buffer; the sharp still of `auto` when paused; exports at their exact size whatever
 * the setting. Behaviour only: how fast each tier draws is measured by `npm run bench`.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectCleanRun, openApp, openControls, saveScreenshot, state, type AppWatch } from './support';
import { arrived, closeControls, sharedPage } from './sharedPage';
import { demux, exportInPage } from './exportSupport';

/** The globe's drawing buffer against its CSS size, and the overlay canvas's buffer. */
function buffers(page: Page): Promise<{ globe: number; css: number; overlay: number | null }> {
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('#globe canvas')];
    const globe = canvases.find((c) => !c.classList.contains('overlay-canvas'))!;
    const overlay = canvases.find((c) => c.classList.contains('overlay-canvas'));
    return { globe: globe.width, css: globe.clientWidth, overlay: overlay ? overlay.width : null };
  });
}

// One page for the two tests at quality=low (loaded once with ?quality=low&step=first-impact);
// the test of bad values loads its own.
test.describe('at quality=low, on one page', () => {
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  let watch: AppWatch;
  test.beforeAll(async ({ browser }) => {
    // A load: the time a test has here (a hook's own limit is otherwise the config's).
    test.setTimeout(90_000);
    page = await sharedPage(browser);
    watch = await openApp(page, '?quality=low&step=first-impact');
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test('quality=low draws at half resolution without the relief; the GUI switches to high and the URL keeps it', async () => {
    const info = test.info();
    let s = await state(page);
    expect(s.quality).toBe('low');
    expect(s.qualityLevel).toBe('low');
    let b = await buffers(page);
    expect(b.globe).toBe(Math.round(b.css * 0.5));
    expect(b.overlay).toBe(b.globe);
    await saveScreenshot(page, 'quality-low-first-impact', info);

    await openControls(page);
    const choice = page.locator('#controls .quality-choice select');
    await expect(choice.locator('option:checked')).toHaveText('Low (weak computers)');
    await choice.selectOption({ label: 'High' });
    await page.evaluate(() => window.flightrecon.pause()); // resolves after the next frame
    s = await state(page);
    expect(s.quality).toBe('high');
    expect(s.qualityLevel).toBe('high');
    b = await buffers(page);
    expect(b.globe).toBe(b.css);
    expect(b.overlay).toBe(b.globe);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('quality'))).toBe('high');

    // Back to auto: the parameter leaves the URL (auto is the default).
    await page.evaluate(() => window.flightrecon.setQuality('auto'));
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('quality'))).toBeNull();
    await closeControls(page);
    expectCleanRun(watch);
  });

  test('a video exported at quality=low has its exact size and the setting is kept afterwards', async () => {
    // As ?quality=low&step=first-impact opens (the test above left the setting on auto).
    await page.evaluate(async () => {
      await window.flightrecon.setQuality('low');
      await window.flightrecon.goToStep('first-impact');
    });
    await arrived(page);
    expect([(await state(page)).quality, (await state(page)).qualityLevel]).toEqual(['low', 'low']);
    const { bytes } = await exportInPage(page, {
      from: '2024-12-25T05:13:30Z',
      to: '2024-12-25T05:13:30.2Z',
      width: 640,
      height: 360,
      fps: 10,
      camera: 'follow',
    });
    const video = await demux(bytes);
    expect([video.width, video.height]).toEqual([640, 360]);
    const s = await state(page);
    expect([s.quality, s.qualityLevel]).toEqual(['low', 'low']);
    const b = await buffers(page);
    expect(b.globe).toBe(Math.round(b.css * 0.5));
    expectCleanRun(watch);
  });
});

test('auto ends every motion on a sharp still at the best tier; bad values get a message', async ({ page }) => {
  const watch = await openApp(page, '?quality=ultra');
  await expect(page.getByTestId('notices')).toContainText('Ignored quality="ultra": expected one of auto, high, low.');
  expect((await state(page)).quality).toBe('auto');
  await expect(page.evaluate(() => window.flightrecon.setQuality('medium'))).rejects.toThrow(/setQuality: expected one of auto, high, low/);

  await page.evaluate(() => window.flightrecon.setSpeed(60).then(() => window.flightrecon.play()));
  // Let it draw a few windows of frames: on a slow renderer the governor steps down meanwhile.
  await page.waitForFunction(() => (window.flightrecon.stats().fps ?? 0) > 0, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.flightrecon.pause());
  await expect.poll(async () => (await state(page)).qualityLevel, { timeout: 10_000 }).toBe('high');
  const b = await buffers(page);
  expect(b.globe).toBe(b.css);
  expectCleanRun(watch);
});
