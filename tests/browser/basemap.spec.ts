/**
 * The offline map at four views (whole region, Grozny area, mid-Caspian, Aktau approach): the map is
 * drawn where the data says (land/sea changes colour at known shore points, runways at their
 * thresholds), its labels appear in the right distance bands, and no request leaves the origin.
 * Screenshots: test-results/screenshots/basemap-*.png.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { PNG } from 'pngjs';
import { decodeGeometry, type EncodedGeometry } from '../../src/globe/basemap/basemapData';
import { colourVariety, decode, expectCleanRun, openApp, pixel, saveScreenshot, type AppWatch, type Rgb } from './support';
import { sharedPage } from './sharedPage';

/** The map without the scenario's layers over it (controls, corridor, claims, interference, profile hidden). */
const MAP_ONLY = '?ui=0&layers=-corridor,-claims,-jamming,-profile';

const geometry = decodeGeometry(JSON.parse(readFileSync('assets/basemap/geometry.json', 'utf8')) as EncodedGeometry);

/** Where the Caspian shoreline (the largest lake ring) crosses a parallel, the crossing nearest `nearLon`. */
function caspianShore(lat: number, nearLon: number): number {
  const caspian = geometry.lake.reduce((a, b) => (a.coords.length > b.coords.length ? a : b));
  const c = caspian.coords;
  let best = NaN;
  for (let i = 2; i < c.length; i += 2) {
    const [x0, y0, x1, y1] = [c[i - 2]!, c[i - 1]!, c[i]!, c[i + 1]!];
    if (y0 < lat === y1 < lat) continue;
    const x = x0 + ((lat - y0) / (y1 - y0)) * (x1 - x0);
    if (Number.isNaN(best) || Math.abs(x - nearLon) < Math.abs(best - nearLon)) best = x;
  }
  return best;
}

// The map's land and sea colours (src/globe/basemap/basemapStyle.ts: land #5f6152, sea #285578).
const isSea = (p: Rgb): boolean => p.b - p.r > 40 && p.b > 80;
const isLand = (p: Rgb): boolean => p.r - p.b > 3 && p.b - p.r < 10 && p.r > 60 && p.r < 150;

function average(img: PNG, x: number, y: number): Rgb {
  let r = 0;
  let g = 0;
  let b = 0;
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) {
      const p = pixel(img, x + dx, y + dy);
      r += p.r;
      g += p.g;
      b += p.b;
    }
  return { r: r / 9, g: g / 9, b: b / 9 };
}

async function project(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([x, y]) => window.flightrecon.debug!.project(x, y), [lon, lat] as const);
  expect(p, `${lon}, ${lat} on screen`).not.toBeNull();
  return p!;
}

/**
 * Walks the screenshot along a parallel across a shore point from the land side to the sea side:
 * the land colour must turn into the sea colour within a few pixels of where the data puts the shore.
 */
async function expectShore(page: Page, img: PNG, lat: number, nearLon: number, seaToEast: boolean, reach = 0.25): Promise<void> {
  const lon = caspianShore(lat, nearLon);
  const shore = await project(page, lon, lat);
  const land = await project(page, lon + (seaToEast ? -reach : reach), lat);
  const sea = await project(page, lon + (seaToEast ? reach : -reach), lat);
  const where = `shore ${lon.toFixed(3)} E ${lat} N at (${shore.x.toFixed(0)}, ${shore.y.toFixed(0)})`;
  expect(isLand(average(img, land.x, land.y)), `${where}: land side ${JSON.stringify(average(img, land.x, land.y))}`).toBe(true);
  expect(isSea(average(img, sea.x, sea.y)), `${where}: sea side ${JSON.stringify(average(img, sea.x, sea.y))}`).toBe(true);
  const steps = Math.ceil(Math.hypot(sea.x - land.x, sea.y - land.y));
  let lastLand = -1;
  let firstSea = -1;
  const at = (i: number): Rgb => pixel(img, land.x + ((sea.x - land.x) * i) / steps, land.y + ((sea.y - land.y) * i) / steps);
  // The last land pixel (rivers and labels inland are skipped), then the first sea pixel after it.
  for (let i = 0; i <= steps; i++) if (isLand(at(i))) lastLand = i;
  for (let i = lastLand + 1; i <= steps && firstSea < 0; i++) if (isSea(at(i))) firstSea = i;
  const atShore = Math.hypot(shore.x - land.x, shore.y - land.y);
  // Between the last land pixel and the first sea pixel lies the drawn coastline (a light line).
  expect(lastLand, where).toBeGreaterThan(atShore - 6);
  expect(firstSea, where).toBeLessThan(atShore + 6);
}

async function view(page: Page, lon: number, lat: number, heightM: number, headingDeg: number, pitchDeg: number): Promise<void> {
  await page.evaluate((v) => window.flightrecon.debug!.setView(v[0], v[1], v[2], v[3], v[4]), [lon, lat, heightM, headingDeg, pitchDeg] as const);
}

/**
 * The map's labels: all, those in view (in their distance band and on screen: what the bands decide),
 * and those drawn now (the label layer hides what has no room: docs/BASEMAP.md).
 */
const labels = (page: Page): Promise<{ all: string[]; inView: string[]; shown: string[] }> => page.evaluate(() => window.flightrecon.debug!.basemapLabels());

test.describe('offline basemap', () => {
  // One page of the map alone for the views below: each test puts the camera at its exact view
  // (debug.setView resolves once that view's imagery is drawn), so the order does not matter.
  test.describe('the map alone, at exact views', () => {
    test.describe.configure({ mode: 'serial' });
    let page: Page;
    let watch: AppWatch;
    test.beforeAll(async ({ browser }) => {
      // A load: the time a test has here (a hook's own limit is otherwise the config's).
      test.setTimeout(90_000);
      page = await sharedPage(browser);
      watch = await openApp(page, MAP_ONLY);
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    test('whole region: both Caspian shores and the Black Sea coast, seas and countries named, no airport clutter', async () => {
      const info = test.info();
      await view(page, 47.5, 41.2, 2_300_000, 0, -90);
      const img = decode(await saveScreenshot(page, 'basemap-region', info));
      await expectShore(page, img, 42.0, 48.3, true, 0.4); // Dagestan coast near Derbent
      await expectShore(page, img, 38.5, 53.9, false, 0.4); // Turkmen coast
      const { all, inView, shown } = await labels(page);
      expect(all).toEqual(expect.arrayContaining(['Caspian Sea', 'Baku', 'Grozny', 'Aktau']));
      expect(inView).toEqual(expect.arrayContaining(['Caspian Sea', 'Black Sea', 'AZERBAIJAN', 'RUSSIA', 'KAZAKHSTAN', 'Baku', 'Grozny', 'Aktau']));
      // Drawn: the seas and the large countries away from the flight's own labels (near them, the
      // scenario's airports, the aircraft and the cities come first and a name may wait for a closer view).
      expect(shown).toEqual(expect.arrayContaining(['Caspian Sea', 'Black Sea', 'RUSSIA', 'KAZAKHSTAN']));
      expect(shown.filter((t) => all.includes(t)).length, 'drawn in full').toBe(shown.length);
      // The scenario labels its airports ("GYD · Baku"): the map's airport labels wait for close views.
      expect(inView.filter((t) => t.startsWith('✈'))).toEqual([]);
      expectCleanRun(watch);
    });

    test('Grozny area: city, airport and runway ends named, runway 08/26 drawn at its thresholds', async () => {
      const info = test.info();
      await view(page, 45.7, 43.36, 25_000, 0, -90);
      const img = decode(await saveScreenshot(page, 'basemap-grozny', info));
      // Runway 08/26 (OurAirports thresholds 45.6844/43.3875 and 45.7153/43.3888): a bright bar at this
      // scale. Checked near its ends: the scenario's own GRV marker covers its middle.
      for (const f of [0.12, 0.88]) {
        const p = await project(page, 45.6844 + f * (45.7153 - 45.6844), 43.3875 + f * (43.3888 - 43.3875));
        let brightest = 0;
        for (let dy = -2; dy <= 2; dy++) brightest = Math.max(brightest, Math.min(...Object.values(pixel(img, p.x, p.y + dy))));
        expect(brightest, `runway at ${f} of its length`).toBeGreaterThan(170);
      }
      const { inView, shown } = await labels(page);
      expect(inView).toEqual(expect.arrayContaining(['Grozny', '✈ GRV / URMG  Grozny Severny', '08', '26']));
      // Close up there is room: the airport in full and both runway numbers are drawn (the city lies under the caption in this view).
      expect(shown).toEqual(expect.arrayContaining(['✈ GRV / URMG  Grozny Severny', '08', '26']));
      expectCleanRun(watch);
    });

    test('close to Grozny the land is not one flat colour: the city area is drawn (hatched, from GeoNames population)', async () => {
      const info = test.info();
      await view(page, 45.694, 43.27, 30_000, 0, -90);
      const img = decode(await saveScreenshot(page, 'basemap-grozny-surface', info));
      // South-west of the city centre (its label sits above the centre), inside the city's estimated
      // area (radius about 6 km, see settlementAreas.ts): 1 to 3.6 km west and 1.7 to 5 km south of it.
      const a = await project(page, 45.694 - 0.045, 43.312 - 0.015);
      const b = await project(page, 45.694 - 0.012, 43.312 - 0.045);
      const variety = colourVariety(img, Math.round(a.x), Math.round(a.y), Math.round(b.x - a.x), Math.round(b.y - a.y));
      // The flat land colour of the map before its surface layers gave 1 here; the light tint and its
      // hatching give 3 (5 before they were toned down to sit behind the flight's own marks).
      expect(variety, `colours in ${JSON.stringify({ a, b })}`).toBeGreaterThanOrEqual(3);
      expectCleanRun(watch);
    });

    test('mid-Caspian: west and east shores where the data puts them', async () => {
      const info = test.info();
      await view(page, 50.0, 42.3, 700_000, 0, -90);
      const img = decode(await saveScreenshot(page, 'basemap-mid-caspian', info));
      await expectShore(page, img, 42.3, 48.0, true); // Dagestan
      await expectShore(page, img, 42.2, 52.8, false); // Turkmen coast north of Kara-Bogaz-Gol
      const { inView, shown } = await labels(page);
      expect(inView).toEqual(expect.arrayContaining(['Makhachkala', 'Derbent', 'Baku', 'Aktau']));
      // Drawn where the HUD leaves them visible (Baku lies under the caption in this view).
      expect(shown).toEqual(expect.arrayContaining(['Makhachkala', 'Derbent', 'Aktau']));
      expectCleanRun(watch);
    });

    test('Aktau approach: the shore, runway 11/29 to scale with its numbers, the airport named', async () => {
      const info = test.info();
      await view(page, 51.12, 43.76, 50_000, 0, -90);
      const img = decode(await saveScreenshot(page, 'basemap-aktau', info));
      await expectShore(page, img, 43.76, 51.0, false, 0.06);
      expect((await labels(page)).inView).toEqual(expect.arrayContaining(['Aktau', '✈ SCO / UATE  Aktau']));
      // The city lies under the caption in this view; the airport is drawn in full.
      expect((await labels(page)).shown).toEqual(expect.arrayContaining(['✈ SCO / UATE  Aktau']));
      // 3 km above the runway: drawn to scale (45 m wide, about 9 px), dark asphalt between the thresholds.
      await view(page, 51.092, 43.86, 3_000, 0, -90);
      const close = decode(await saveScreenshot(page, 'basemap-aktau-runway', info));
      for (const f of [0.3, 0.7]) {
        const p = await project(page, 51.078098 + f * (51.1059 - 51.078098), 43.866501 + f * (43.8536 - 43.866501));
        let darkest = 255;
        for (let dy = -3; dy <= 3; dy++) {
          const q = pixel(close, p.x, p.y + dy);
          darkest = Math.min(darkest, (q.r + q.g + q.b) / 3);
        }
        expect(darkest, `runway surface at ${f} of its length`).toBeLessThan(65);
      }
      expect((await labels(page)).inView).toEqual(expect.arrayContaining(['11', '29']));
      // From 6 km both runway numbers are on the free part of the screen, and drawn.
      await view(page, 51.092, 43.86, 6_000, 0, -90);
      expect((await labels(page)).shown).toEqual(expect.arrayContaining(['11', '29']));
      expectCleanRun(watch);
    });
  });

  test('opt-in online tiles that fail fall back to the offline map with a notice', async ({ page }) => {
    // Port 9 (discard) on loopback refuses at once: an "online" tile server that is down.
    const watch = await openApp(page, '?imagery=http://127.0.0.1:9/{z}/{x}/{y}.png');
    await expect(page.getByText('showing the offline map')).toBeVisible();
    expect(watch.offOrigin.length).toBeGreaterThan(0);
    expect(watch.offOrigin.every((url) => url.startsWith('http://127.0.0.1:9/'))).toBe(true);
    expect(watch.pageErrors).toEqual([]);
  });
});
