import { expect, test } from '@playwright/test';
import { decode, expectCleanRun, openApp, pixel, saveScreenshot, state } from './support';
import { launchOptions } from './launch';

test.use({
  launchOptions: launchOptions(['--disable-webgl', '--disable-3d-apis', '--disable-gpu'], ['--use-angle=swiftshader', '--enable-unsafe-swiftshader']),
});

test.describe('without WebGL', () => {
  test('shows a clear message and a flat map with the track, steps and captions', async ({ page }, info) => {
    const watch = await openApp(page, '?step=first-impact');
    await expect(page.getByTestId('notices')).toContainText('WebGL is not available');
    const map = page.getByTestId('flat-map');
    await expect(map).toBeVisible();
    await expect(map.locator('path[data-provenance="inferred"]')).not.toHaveCount(0);
    await expect(map).toContainText('GRV');
    await expect(page.getByTestId('caption')).toContainText('First impact');
    const s = await page.evaluate(() => window.flightrecon.nextStep());
    expect(s.step?.id).toBe('flight-controls-lost');
    const png = decode(await saveScreenshot(page, 'hardening-no-webgl', info));
    const p = pixel(png, 640, 300);
    expect(p.r + p.g + p.b).toBeGreaterThan(40); // the map background is drawn, not a blank page
    expect((await state(page)).aircraft.provenance).toBeTruthy();
    // The notice follows the language: worded when shown, not when it was raised.
    await page.evaluate(() => window.flightrecon.setLanguage('ru'));
    await expect(page.getByTestId('notices')).toContainText('WebGL недоступен');
    await expect(page.getByTestId('caption')).toContainText('Отказ основного управления');
    await saveScreenshot(page, 'hardening-no-webgl-ru', info);
    expectCleanRun(watch);
  });
});
