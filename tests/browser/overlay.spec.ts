import { expect, test, type Page } from '@playwright/test';
import { decode, expectCleanRun, openApp, openControls, saveScreenshot, state, type AppWatch, type Rgb } from './support';
import { arrived, closeControls, sharedPage } from './sharedPage';
import type { PNG } from 'pngjs';

/** How many pixels in a rectangle are close to a colour (the overlay's red, violet, flash). */
function countNear(img: PNG, test: (p: Rgb) => boolean, x0 = 0, y0 = 0, w = img.width, h = img.height): number {
  let n = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * img.width + x) * 4;
      if (test({ r: img.data[i]!, g: img.data[i + 1]!, b: img.data[i + 2]! })) n++;
    }
  }
  return n;
}
/** The damaged parts' solid red (lit), not the orange track or the yellow symbol. */
const isDamageRed = (p: Rgb) => p.r > 150 && p.g < 110 && p.b < 110 && p.r - p.g > 80;
/** The claimed bursts' violet. */
const isClaimViolet = (p: Rgb) => p.r > 150 && p.b > 170 && p.g < 170 && p.b - p.g > 50;

/** The overlay canvas alone (three.js keeps its drawing buffer), so other layers cannot blur the count. */
async function overlayPixels(page: Page): Promise<PNG> {
  const url = await page.evaluate(() => (document.querySelector('[data-testid="overlay-canvas"]') as HTMLCanvasElement).toDataURL('image/png'));
  return decode(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

/**
 * Puts the page where a deep link `?t=<time>&camera=<camera>` opens: that moment, then that camera,
 * arrived at its shot, the view's imagery drawn. The close-up's shot follows the clock; the overview's
 * is composed for the moment when the camera switches to it (as at a load), so it is switched to anew.
 */
async function at(page: Page, time: string, camera: 'overview' | 'damage'): Promise<void> {
  await page.evaluate(
    async ([t, c]) => {
      const fr = window.flightrecon;
      await fr.seek(t);
      if (c === 'overview' && fr.state().camera === 'overview') await fr.setCamera('free');
      await fr.setCamera(c);
    },
    [time, camera] as const,
  );
  await arrived(page);
}

async function overlayShot(page: Page, name: string, info: Parameters<typeof saveScreenshot>[2]): Promise<PNG> {
  return decode(await saveScreenshot(page, `overlay-${name}`, info));
}

test.describe('three.js damage overlay', () => {
  // Software WebGL on a shared 2-core machine draws a frame per second or slower: allow for it.
  test.setTimeout(300_000);
  // One page for the whole block, loaded once with the first test's deep link (the camera from the
  // URL); the others set up their moment and camera with the API, as their deep links would open them.
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  let watch: AppWatch;
  test.beforeAll(async ({ browser }) => {
    // A load: the time a test has here (a hook's own limit is otherwise the config's).
    test.setTimeout(300_000);
    page = await sharedPage(browser);
    watch = await openApp(page, '?step=second-impact&camera=cockpit');
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test('each camera mode at the event, from the GUI list, the URL and the API', async () => {
    const info = test.info();
    // The page's first test: the URL, as loaded with ?step=second-impact&camera=cockpit.
    expect((await state(page)).camera).toBe('cockpit');
    await overlayShot(page, 'camera-cockpit-url', info);
    const stats = await page.evaluate(() => window.flightrecon.overlay!.stats());
    expect(stats.overlayFrames).toBeGreaterThan(0);
    console.log(`overlay: ${stats.overlayFrames} frames, ${stats.overlayMsPerFrame.toFixed(2)} ms per frame`);
    // The GUI list, at the event.
    await at(page, '2024-12-25T05:13:32Z', 'overview');
    await openControls(page);
    const select = page.locator('.lil-controller select').filter({ hasText: 'Damage close-up' });
    await expect(select.locator('option')).toHaveCount(5);
    const labels = { overview: 'Overview', follow: 'Follow aircraft', cockpit: 'Cockpit (pilot’s view)', damage: 'Damage close-up', free: 'Free (mouse)' };
    for (const mode of ['overview', 'follow', 'cockpit', 'damage', 'free'] as const) {
      await select.selectOption({ label: labels[mode] });
      await page.evaluate(() => window.flightrecon.settled()); // the smooth transition
      const s = await page.evaluate(() => window.flightrecon.seek('2024-12-25T05:13:32Z'));
      expect(s.camera).toBe(mode);
      await expect(page).toHaveURL(new RegExp(`camera=${mode}`));
      await overlayShot(page, `camera-${mode}`, info);
      const shown = await page.evaluate(() => window.flightrecon.overlay!.shown());
      if (mode === 'damage' || mode === 'follow') expect(shown.visible).toBe(true);
      if (mode === 'damage') expect(shown.scale).toBe(1);
      if (mode === 'overview') expect(shown.scale).toBeGreaterThan(10);
    }
    // The API: a mode persists across steps.
    const s = await page.evaluate(() => window.flightrecon.setCamera('damage').then(() => window.flightrecon.goToStep('second-impact')));
    expect(s.camera).toBe('damage');
    await closeControls(page);
    expectCleanRun(watch);
  });

  test('the damage event as a function of time: nothing at 05:13:20, first burst and hit parts at 05:13:32', async () => {
    const info = test.info();
    await at(page, '2024-12-25T05:13:20Z', 'damage');
    let s = await state(page);
    expect(s.damage.partsHit).toBe(false);
    expect(s.damage.bursts.every((b) => !b.visible)).toBe(true);
    expect(s.damage.systems['hydraulics-3']).toBe('normal');
    // Before the first impact the systems panel is one line; it opens at the impact.
    await expect(page.getByTestId('systems-panel')).toHaveAttribute('data-open', 'false');
    await expect(page.getByTestId('systems-panel')).toContainText('no fault reported');
    await expect(page.getByTestId('damage-label')).toBeHidden();
    await overlayShot(page, 'damage-0513-20', info);
    let png = await overlayPixels(page);
    expect(countNear(png, isDamageRed), 'no red damage before the impact').toBeLessThan(30);
    expect(countNear(png, isClaimViolet), 'no claimed burst before the impact').toBeLessThan(30);

    s = await page.evaluate(() => window.flightrecon.seek('2024-12-25T05:13:32Z'));
    expect(s.damage.partsHit).toBe(true);
    expect(s.damage.parts).toEqual(expect.arrayContaining(['fin', 'rudder', 'left-engine', 'left-wing', 'tail-fuselage']));
    expect(s.damage.bursts.map((b) => b.visible)).toEqual([true, false]);
    expect(s.damage.systems.autopilot).toBe('disconnected');
    expect(s.damage.systems['flight-controls']).toBe('failed');
    await expect(page.getByTestId('damage-label')).toBeVisible();
    await expect(page.getByTestId('damage-label')).toContainText('Established');
    await expect(page.getByTestId('burst-label-first-impact')).toContainText('Claimed');
    await expect(page.getByTestId('systems-panel')).toHaveAttribute('data-open', 'true');
    await expect(page.locator('[data-system="autopilot"]')).toBeVisible();
    await expect(page.locator('[data-system="autopilot"]')).toHaveAttribute('data-status', 'disconnected');
    await overlayShot(page, 'damage-0513-32', info);
    png = await overlayPixels(page);
    expect(countNear(png, isDamageRed), 'damaged parts drawn red').toBeGreaterThan(200);
    expect(countNear(png, isClaimViolet), 'claimed burst drawn violet').toBeGreaterThan(40);
    expectCleanRun(watch);
  });

  test('three.js and Cesium project the same point within 1 px, far and close', async () => {
    await at(page, '2024-12-25T05:13:32Z', 'overview');
    for (const camera of ['overview', 'follow', 'damage', 'cockpit'] as const) {
      await page.evaluate((c) => window.flightrecon.setCamera(c), camera);
      // Let the camera's move to the new shot finish (and that frame be drawn), then draw once more.
      await page.evaluate(() => window.flightrecon.settled());
      await page.evaluate(() => window.flightrecon.seek('2024-12-25T05:13:32Z'));
      const probe = await page.evaluate(() => window.flightrecon.overlay!.probe());
      if (camera === 'cockpit') continue; // the probe (fin tip) is behind the pilot's eye
      expect(probe.cesium, camera).not.toBeNull();
      const dx = probe.three.x - probe.cesium!.x;
      const dy = probe.three.y - probe.cesium!.y;
      expect(Math.hypot(dx, dy), `${camera} at ${Math.round(probe.cameraDistanceM)} m: ${JSON.stringify(probe)}`).toBeLessThan(1);
      if (camera === 'overview') expect(probe.cameraDistanceM).toBeGreaterThan(100_000);
      if (camera === 'damage') expect(probe.cameraDistanceM).toBeLessThan(300);
    }
    expectCleanRun(watch);
  });

  test('the damage event later: second burst at 05:13:57, damage stays and bursts are gone at 06:00', async () => {
    const info = test.info();
    await at(page, '2024-12-25T05:13:57Z', 'damage');
    let s = await state(page);
    let png: PNG;

    expect(s.damage.bursts.map((b) => b.visible)).toEqual([false, true]);
    expect(Object.values(s.damage.systems).every((v) => v !== 'normal')).toBe(true);
    await expect(page.getByTestId('burst-label-second-impact')).toBeVisible();
    await expect(page.getByTestId('burst-label-first-impact')).toBeHidden();
    await overlayShot(page, 'damage-0513-57', info);
    png = await overlayPixels(page);
    expect(countNear(png, isDamageRed)).toBeGreaterThan(200);
    expect(countNear(png, isClaimViolet), 'second burst drawn').toBeGreaterThan(40);

    // A jump of 46 minutes: the close-up camera eases to the aircraft's new place; read the picture once it is there.
    s = await page.evaluate(() => window.flightrecon.seek('2024-12-25T06:00:00Z'));
    await page.evaluate(() => window.flightrecon.settled().then(() => window.flightrecon.pause()));
    expect(s.damage.partsHit).toBe(true);
    expect(s.damage.bursts.every((b) => !b.visible)).toBe(true);
    // After the landing decision the panel folds to one line naming the faults.
    await expect(page.getByTestId('systems-panel')).toHaveAttribute('data-open', 'false');
    await expect(page.locator('[data-system="autopilot"]')).toBeHidden();
    await expect(page.getByTestId('systems-panel')).toContainText('3 hydraulic systems failed');
    await overlayShot(page, 'damage-0600', info);
    png = await overlayPixels(page);
    expect(countNear(png, isDamageRed), 'damage persists').toBeGreaterThan(200);
    expect(countNear(png, isClaimViolet), 'bursts gone').toBeLessThan(30);

    // Scrubbing back removes it again: no one-shot animation.
    s = await page.evaluate(() => window.flightrecon.seek('2024-12-25T05:13:20Z'));
    await page.evaluate(() => window.flightrecon.settled().then(() => window.flightrecon.pause()));
    expect(s.damage.partsHit).toBe(false);
    png = await overlayPixels(page);
    expect(countNear(png, isDamageRed)).toBeLessThan(30);
    expectCleanRun(watch);
  });

  test('source labels: hover shows the sources, a click lists them as links', async () => {
    await at(page, '2024-12-25T05:13:33Z', 'damage');
    // The callouts are drawn on the label canvas; a target over each gives hover, focus and click.
    const label = page.getByTestId('burst-label-first-impact');
    const card = page.getByTestId('label-card');
    await label.hover();
    await expect(card).toBeVisible();
    await expect(card).toContainText(/TASS|Putin/);
    await label.click();
    await expect(card.locator('a').first()).toBeVisible();
    await expect(card.locator('a').first()).toHaveAttribute('href', /^https:\/\//);
    // Pinned, the card is a HUD panel: labels keep out from under it.
    await expect(card).toHaveClass(/hud-panel/);
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await page.getByTestId('damage-label').hover();
    await expect(card).toContainText(/preliminary report/i);
    expectCleanRun(watch);
  });
});
