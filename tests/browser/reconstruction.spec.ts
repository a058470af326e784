import { expect, test, type Page } from '@playwright/test';
import { decode, expectCleanRun, openApp, openControls, openProfileChart, saveScreenshot, state, type AppWatch } from './support';
import { arrived, closeControls, sharedPage } from './sharedPage';

/** The chart's cursor position in CSS pixels from the plot's left edge. */
async function cursorX(page: Page): Promise<number> {
  return page.locator('.profile-cursor').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);
}

/** The chart is folded to a timeline below 1600x900: a reader unfolds it. */
async function waitForChart(page: Page): Promise<void> {
  await openProfileChart(page);
}

/**
 * The page as a link with `?t=<time>` opens it: that moment in the overview, its shot composed for
 * the moment (as at a load: the overview composes its shot when the camera switches to it), arrived,
 * the view's imagery drawn.
 */
async function openedAt(page: Page, time: string): Promise<void> {
  await page.evaluate(async (t) => {
    const fr = window.flightrecon;
    await fr.seek(t);
    await fr.setCamera('free');
    await fr.setCamera('overview');
  }, time);
  await arrived(page);
}

/** Summed colour difference of two screenshots inside a rectangle. */
function difference(a: Buffer, b: Buffer, x0: number, y0: number, w: number, h: number): number {
  const pa = decode(a);
  const pb = decode(b);
  let sum = 0;
  for (let y = y0; y < y0 + h; y += 2)
    for (let x = x0; x < x0 + w; x += 2) {
      const i = (y * pa.width + x) * 4;
      sum += Math.abs(pa.data[i]! - pb.data[i]!) + Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) + Math.abs(pa.data[i + 2]! - pb.data[i + 2]!);
    }
  return sum;
}

test.describe('reconstruction: corridor, profile chart, claims, layers', () => {
  // Several engineers share two cores; SwiftShader frames get slow under that load.
  test.setTimeout(240_000);
  // One page for the block, loaded once; each test sets up its moment and layers with the API and
  // leaves the panels as a load shows them; the last test reloads the page with a link of its own.
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  let watch: AppWatch;
  test.beforeAll(async ({ browser }) => {
    // A load: the time a test has here (a hook's own limit is otherwise the config's).
    test.setTimeout(240_000);
    page = await sharedPage(browser);
    watch = await openApp(page, '?t=2024-12-25T05:30:00Z');
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test('the chart follows the scrubber, and seeking on the chart moves the clock and the aircraft', async () => {
    const info = test.info();
    expect((await state(page)).time).toBe('2024-12-25T05:30:00Z');
    await waitForChart(page);
    const x1 = await cursorX(page);
    // The GUI scrubber moves the chart's cursor.
    await openControls(page);
    const slider = page.locator('.time-scrubber .lil-slider, .time-scrubber .slider').first();
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height / 2);
    await page.evaluate(() => window.flightrecon.pause());
    const afterSlider = await state(page);
    expect(Date.parse(afterSlider.time)).toBeGreaterThan(Date.parse('2024-12-25T05:50:00Z'));
    await expect.poll(() => cursorX(page)).toBeGreaterThan(x1 + 50);

    // A click on the chart seeks there: about a quarter into the flight is the approach to Grozny.
    const over = (await page.locator('.profile-chart .u-over').boundingBox())!;
    await page.mouse.click(over.x + over.width * 0.25, over.y + over.height / 2);
    await page.evaluate(() => window.flightrecon.pause());
    const clicked = await state(page);
    const start = Date.parse('2024-12-25T03:49:00Z');
    const span = Date.parse('2024-12-25T06:27:58Z') - start;
    expect(Math.abs(Date.parse(clicked.time) - (start + span * 0.25))).toBeLessThan(span * 0.02);
    expect(Math.abs(clicked.aircraft.lon - afterSlider.aircraft.lon)).toBeGreaterThan(1);
    await expect.poll(() => cursorX(page)).toBeLessThan(over.width * 0.27);

    // Dragging seeks continuously.
    await page.mouse.move(over.x + over.width * 0.5, over.y + over.height / 2);
    await page.mouse.down();
    await page.mouse.move(over.x + over.width * 0.7, over.y + over.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = await state(page);
    expect(Math.abs(Date.parse(dragged.time) - (start + span * 0.7))).toBeLessThan(span * 0.02);
    await expect(page.getByTestId('clock-utc')).toHaveText(dragged.time.slice(11, 19) + ' UTC');
    await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
    await saveScreenshot(page, 'reconstruction-chart', info);
    await page.locator('.profile-chart').screenshot({ path: 'test-results/screenshots/reconstruction-chart-strip.png' });
    // Folded again, as a load at this size shows it, and the control panel closed.
    await page.getByTestId('profile-chart').locator('.profile-toggle').click();
    await expect(page.getByTestId('profile-chart')).toHaveAttribute('data-open', 'false');
    await closeControls(page);
    expectCleanRun(watch);
  });

  test('the aircraft is inferred throughout the 05:13–06:07 gap without positions', async () => {
    for (const t of ['05:13:40', '05:20:00', '05:45:00', '06:06:50']) {
      const s = await page.evaluate((iso) => window.flightrecon.seek(iso), `2024-12-25T${t}Z`);
      expect(s.aircraft.provenance, t).toBe('inferred');
    }
    expectCleanRun(watch);
  });

  test('the corridor over the Caspian, toggled from the GUI, the URL and the API', async () => {
    const info = test.info();
    await openedAt(page, '2024-12-25T05:50:00Z');
    expect((await state(page)).layers).toEqual(['corridor', 'claims', 'jamming', 'profile']);
    // Open the panel first, so both pictures have the same layout (and the same stage).
    await openControls(page);
    await page.evaluate(() => window.flightrecon.pause());
    const on = await saveScreenshot(page, 'reconstruction-corridor-caspian', info);
    await page.locator('.layers-folder > .lil-title').click();
    await page.locator('.layers-folder [data-layer="corridor"] input').click();
    await expect.poll(async () => (await state(page)).layers).toEqual(['claims', 'jamming', 'profile']);
    await expect(page).toHaveURL(/layers=-corridor/);
    await page.evaluate(() => window.flightrecon.pause());
    const off = await saveScreenshot(page, 'reconstruction-corridor-off', info);
    // The band is drawn over the middle of the map; without it those pixels change.
    expect(difference(on, off, 380, 60, 480, 260)).toBeGreaterThan(20_000);
    const back = await page.evaluate(() => window.flightrecon.setLayer('corridor', true));
    expect(back.layers).toContain('corridor');
    await expect(page.locator('.layers-folder [data-layer="corridor"] input')).toBeChecked();
    await expect(page.evaluate(() => window.flightrecon.setLayer('weather', true))).rejects.toThrow(
      /setLayer: expected one of corridor, claims, jamming, profile/,
    );
    // The layers folder folded and the panel closed again, as a load shows them.
    await page.locator('.layers-folder > .lil-title').click();
    await expect(page.locator('.layers-folder [data-layer="corridor"] input')).toBeHidden();
    await closeControls(page);
    expectCleanRun(watch);
  });

  test('the claims layer shows the alternatives side by side and toggles', async () => {
    const info = test.info();
    // As ?step=first-impact&layers=-jamming,-profile opens: the layers first, then the step (its shot
    // composed for the stage those layers leave), arrived, the view's imagery drawn.
    await page.evaluate(async () => {
      const fr = window.flightrecon;
      await fr.setLayer('jamming', false);
      await fr.setLayer('profile', false);
      await fr.goToStep('first-impact');
    });
    await arrived(page);
    let s = await state(page);
    expect(s.layers).toEqual(['corridor', 'claims']);
    await expect(page.locator('.profile-chart')).toBeHidden();
    await expect(page.locator('[data-claim="damage-location"]')).toBeVisible();
    const shown = await saveScreenshot(page, 'reconstruction-claims', info);
    s = await page.evaluate(() => window.flightrecon.setLayer('claims', false));
    expect(s.layers).toEqual(['corridor']);
    const hidden = await saveScreenshot(page, 'reconstruction-claims-off', info);
    expect(difference(shown, hidden, 0, 0, 1280, 460)).toBeGreaterThan(5_000);
    await openControls(page);
    await page.locator('.layers-folder > .lil-title').click();
    await page.locator('.layers-folder [data-layer="claims"] input').click();
    await expect.poll(async () => (await state(page)).layers).toEqual(['corridor', 'claims']);
    await page.goto('/?layers=-claims');
    await page.evaluate(() => window.flightrecon.ready);
    expect((await state(page)).layers).toEqual(['corridor', 'jamming', 'profile']);
    expectCleanRun(watch);
  });
});
