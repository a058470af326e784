import { expect, test } from '@playwright/test';
import { CAMERA_MODES } from '../../src/app/types';
import { expectCleanRun, openApp, saveScreenshot } from './support';

/**
 * The build copies only part of Cesium's static files (build/cesiumStatic.ts APP_FILES). Touring the app —
 * every camera, steps up to the crash, presenter mode — must not ask for a file that was left out:
 * no failed request, no answer >= 400 (or the page in its place), no page error. The files it does use must have been seen,
 * so the watch is known to cover worker scripts too.
 */
test('a tour of the app finds every Cesium file it asks for', async ({ page }, info) => {
  test.setTimeout(120_000);
  const broken: string[] = [];
  const cesium = new Set<string>();
  page.on('requestfailed', (r) => broken.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/cesium/')) cesium.add(path);
    if (r.status() >= 400) broken.push(`${r.url()} ${r.status()}`);
    // vite preview answers a missing file with the page itself (200, text/html).
    else if (path.startsWith('/cesium/') && (r.headers()['content-type'] ?? '').includes('text/html')) broken.push(`${r.url()} served the page`);
  });
  const watch = await openApp(page);
  for (const mode of CAMERA_MODES) await page.evaluate((m) => window.flightrecon.setCamera(m), mode);
  for (const step of ['take-off', 'first-impact', 'impact']) await page.evaluate((id) => window.flightrecon.goToStep(id), step);
  await page.evaluate(() => window.flightrecon.present(true));
  await page.evaluate(() => window.flightrecon.nextStep());
  await page.evaluate(() => window.flightrecon.present(false));
  await page.evaluate(() => window.flightrecon.setCamera('overview'));
  await saveScreenshot(page, 'cesium-assets-tour', info);

  expect(broken, 'failed requests or answers >= 400').toEqual([]);
  for (const used of [
    '/cesium/Workers/createGeometry.js',
    '/cesium/Workers/createVerticesFromHeightmap.js',
    '/cesium/Assets/approximateTerrainHeights.json',
    '/cesium/Assets/Textures/NaturalEarthII/tilemapresource.xml',
  ]) {
    expect([...cesium], `requests seen under /cesium/`).toContain(used);
  }
  expectCleanRun(watch);
});
