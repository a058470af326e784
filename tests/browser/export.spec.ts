import { expect, test, type Page } from '@playwright/test';
import { colourVariety, decode, expectCleanRun, openApp, state, type AppWatch } from './support';
import { arrived, sharedPage } from './sharedPage';
import { demux, exportInPage, framesAsPng, save } from './exportSupport';

test.setTimeout(600_000);

test.describe('video export and snapshot', () => {
  // One page, loaded once at the first test's step; the second sets up its step with the API.
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  let watch: AppWatch;
  test.beforeAll(async ({ browser }) => {
    // A load: the time a test has here (a hook's own limit is otherwise the config's).
    test.setTimeout(600_000);
    page = await sharedPage(browser);
    watch = await openApp(page, '?step=first-impact');
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test('a 2 s 1280x720 30 fps export demuxes to 60 frames of the right size and duration, not blank', async () => {
    const before = await state(page);
    const { type, bytes } = await exportInPage(page, { from: '2024-12-25T05:13:30Z', to: '2024-12-25T05:13:32Z', width: 1280, height: 720, fps: 30 });
    expect(['video/mp4', 'video/webm']).toContain(type);
    const d = await demux(bytes);
    expect(d.packets).toHaveLength(60);
    expect([d.width, d.height]).toEqual([1280, 720]);
    expect(d.duration).toBeCloseTo(2, 2);
    expect(d.packets[0]!.key).toBe(true);
    d.packets.forEach((p, i) => expect(p.timestamp).toBeCloseTo(i / 30, 3));
    const frames = await framesAsPng(page, d, [0, 30, 59]);
    expect(frames).toHaveLength(3);
    frames.forEach((png, i) => {
      save(`export-2s-frame-${i}`, png);
      const img = decode(png);
      expect(img.width).toBe(1280);
      // Globe area and lower-third caption both carry detail.
      expect(colourVariety(img, 300, 120, 680, 260)).toBeGreaterThan(20);
      expect(colourVariety(img, 40, 520, 1200, 180)).toBeGreaterThan(8);
    });
    // The app is back where it was.
    const after = await state(page);
    expect(after.time).toBe(before.time);
    expect(after.camera).toBe(before.camera);
    await expect(page.getByTestId('export-progress')).toBeHidden();
    expectCleanRun(watch);
  });

  test('cancel stops an export cleanly; a snapshot still works after it', async () => {
    // As ?step=take-off opens: the step, the camera arrived at its shot, the view's imagery drawn.
    await page.evaluate(() => window.flightrecon.goToStep('take-off'));
    await arrived(page);
    const before = await state(page);
    await page.evaluate(() => {
      (window as unknown as { running: Promise<string> }).running = window.flightrecon
        .exportVideo({ from: 'take-off', to: '2024-12-25T03:56:00Z', fps: 30 })
        .then(
          () => 'finished',
          (e: Error) => `${e.name}: ${e.message}`,
        );
    });
    const box = page.getByTestId('export-progress');
    await expect(box).toBeVisible();
    await expect(box).toContainText(/[1-9]\d* of 1800 frames/, { timeout: 120_000 });
    await box.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.evaluate(() => (window as unknown as { running: Promise<string> }).running)).toBe('AbortError: Export canceled');
    await expect(box).toBeHidden();
    const after = await state(page);
    expect(after.time).toBe(before.time);
    expect(after.step?.id).toBe('take-off');
    const canvasWidth = await page
      .locator('#globe canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => c.width);
    expect(canvasWidth).toBe(1280);

    const png = await page.evaluate(async () => {
      const blob = await window.flightrecon.snapshot();
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { type: blob.type, b64: btoa(bin) };
    });
    expect(png.type).toBe('image/png');
    const buf = Buffer.from(png.b64, 'base64');
    save('export-snapshot-take-off', buf);
    const img = decode(buf);
    expect([img.width, img.height]).toEqual([1280, 720]);
    expect(colourVariety(img, 300, 120, 680, 260)).toBeGreaterThan(20);
    // A new export can start after a canceled one.
    const again = await page.evaluate(() =>
      window.flightrecon.exportVideo({ from: '2024-12-25T03:55:00Z', to: '2024-12-25T03:55:00.200Z', fps: 30 }).then((b) => b.size),
    );
    expect(again).toBeGreaterThan(1000);
    expectCleanRun(watch);
  });
});
