import { expect, test, type Page } from '@playwright/test';
import { colourVariety, decode, expectCleanRun, openApp, openControls, pixel, saveScreenshot, state, steps, type AppWatch } from './support';
import { arrived, closeControls, sharedPage } from './sharedPage';

/** Goes to a step as a deep link would open it: the step's moment, the camera arrived at its shot, the view's imagery drawn. */
async function atStep(page: Page, id: string): Promise<void> {
  await page.evaluate((step) => window.flightrecon.goToStep(step), id);
  await arrived(page);
}

test.describe('AZAL 8243 reconstruction', () => {
  // One page for the checks that need no URL of their own: loaded once (a load costs more than a
  // step), each test goes to its step with the API and puts back what it changed (panels folded,
  // English, paused at the default speed), as a load leaves them. Tests that start at the same step
  // sit next to each other, so the camera has less far to go and fewer tiles to draw; they do not
  // depend on that order.
  test.describe('on one page', () => {
    test.describe.configure({ mode: 'serial' });
    let page: Page;
    let watch: AppWatch;
    test.beforeAll(async ({ browser }) => {
      // A load: the time a test has here (a hook's own limit is otherwise the config's).
      test.setTimeout(90_000);
      page = await sharedPage(browser);
      watch = await openApp(page);
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    test('opens offline: the globe draws imagery, no request leaves the origin, no page errors', async () => {
      const info = test.info();
      // First on the page: what a fresh load shows.
      const png = decode(await saveScreenshot(page, 'overview-start', info));
      // The globe between the panels shows imagery: many colours, not a flat background.
      expect(colourVariety(png, 420, 200, 400, 180)).toBeGreaterThan(40);
      // A point of the globe near the middle that no label covers (a label's dark halo is not the background).
      const labels = await page.evaluate(() => window.flightrecon.labels());
      const free = [
        [640, 300],
        [640, 250],
        [600, 330],
        [700, 260],
      ].find(([x, y]) => !labels.some((l) => x! >= l.x - 2 && x! <= l.x + l.width + 2 && y! >= l.y - 2 && y! <= l.y + l.height + 2))!;
      const bg = pixel(png, free[0]!, free[1]!);
      expect(bg.r + bg.g + bg.b).toBeGreaterThan(90);
      const s = await state(page);
      expect(s.scenario.id).toBe('azal-8243');
      expect(s.stepCount).toBeGreaterThanOrEqual(24);
      expect(s.step?.id).toBe('off-block');
      expect(s.time).toBe('2024-12-25T03:49:00Z');
      await expect(page.getByTestId('caption')).toContainText('Off-block');
      await expect(page.locator('.legend')).toContainText('inferred');
      // The globe's credit names CesiumJS as text: no ion logo (an image the offline build does not ship).
      const credits = page.locator('.globe-credits');
      await expect(credits).toContainText('CesiumJS');
      expect(await credits.locator('img').count()).toBe(0);
      expectCleanRun(watch);
    });

    test('steps from take-off to impact, each with a caption and sources, then an epilogue', async () => {
      const all = await steps(page);
      const events = all.filter((s) => s.kind === 'event');
      expect(events.length).toBeGreaterThanOrEqual(20);
      for (const s of all) {
        expect(s.caption.length, s.id).toBeGreaterThan(20);
        expect(s.sources.length, s.id).toBeGreaterThan(0);
        for (const src of s.sources) expect(src.url, s.id).toMatch(/^https?:\/\//);
      }
      expect(events.find((s) => s.time === '2024-12-25T05:13:31Z')).toBeTruthy();
      expect(events.find((s) => s.time === '2024-12-25T05:13:56Z')).toBeTruthy();
      expect(events[events.length - 1]!.time).toBe('2024-12-25T06:27:58Z');
      const epilogue = all.filter((s) => s.kind === 'epilogue');
      expect(epilogue.map((s) => s.time)).toEqual(expect.arrayContaining(['2025-02-04', '2025-10-09', '2025-12-25']));
      expectCleanRun(watch);
    });

    test('next and previous step update the caption, the URL and state()', async () => {
      await atStep(page, 'off-block');
      await page.getByRole('button', { name: 'Next step' }).click();
      await expect(page.getByTestId('caption')).toContainText('Take-off');
      let s = await state(page);
      expect(s.step?.id).toBe('take-off');
      await expect(page).toHaveURL(/step=take-off/);
      await expect(page).toHaveURL(/t=2024-12-25T03:55:00Z/);
      await page.keyboard.press('PageDown');
      await expect(page.getByTestId('caption')).toContainText('ADS-B');
      await page.keyboard.press('PageUp');
      await page.getByRole('button', { name: 'Previous step' }).click();
      s = await state(page);
      expect(s.step?.id).toBe('off-block');
      await expect(page).toHaveURL(/step=off-block/);
      expectCleanRun(watch);
    });

    test('playing advances the clock and pausing stops it', async () => {
      await atStep(page, 'off-block');
      const speed = (await state(page)).speed;
      await page.evaluate(() => window.flightrecon.setSpeed(120));
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction(() => Date.parse(window.flightrecon.state().time) > Date.parse('2024-12-25T03:50:00Z'));
      await page.getByRole('button', { name: 'Pause' }).click();
      const t1 = (await state(page)).time;
      await page.waitForTimeout(300);
      expect((await state(page)).time).toBe(t1);
      expect((await state(page)).playing).toBe(false);
      // Back to the speed a load has, for the next test.
      await page.evaluate((x) => window.flightrecon.setSpeed(x), speed);
      expectCleanRun(watch);
    });

    test('scrubbing the time slider moves the aircraft', async () => {
      await atStep(page, 'off-block');
      const before = await state(page);
      expect(before.time).toBe('2024-12-25T03:49:00Z');
      await openControls(page);
      const slider = page.locator('.time-scrubber .lil-slider, .time-scrubber .slider').first();
      const box = (await slider.boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
      await page.evaluate(() => window.flightrecon.pause());
      const after = await state(page);
      expect(after.time).not.toBe(before.time);
      expect(Date.parse(after.time)).toBeGreaterThan(Date.parse('2024-12-25T05:00:00Z'));
      expect(Math.abs(after.aircraft.lat - before.aircraft.lat) + Math.abs(after.aircraft.lon - before.aircraft.lon)).toBeGreaterThan(0.5);
      await expect(page.getByTestId('clock-utc')).toHaveText(after.time.slice(11, 19) + ' UTC');
      await closeControls(page);
      expectCleanRun(watch);
    });

    test('switching to German changes the caption and the controls', async () => {
      await atStep(page, 'first-impact');
      const en = (await state(page)).step!.caption;
      await openControls(page);
      await page.locator('.lil-controller', { hasText: 'Language' }).locator('select').selectOption({ label: 'Deutsch' });
      await expect(page.getByTestId('caption')).not.toContainText(en.slice(0, 30));
      const de = await state(page);
      expect(de.lang).toBe('de');
      expect(de.step!.caption).not.toBe(en);
      await expect(page.getByRole('button', { name: 'Nächster Schritt' })).toBeVisible();
      await expect(page).toHaveURL(/lang=de/);
      // Back to English (and the panel folded) for the next test.
      await page.evaluate(() => window.flightrecon.setLanguage('en'));
      await closeControls(page);
      expectCleanRun(watch);
    });

    test('conflicting claims are shown side by side with their sources', async () => {
      const info = test.info();
      await atStep(page, 'first-impact');
      const claim = page.locator('[data-claim="damage-altitude"]');
      // The disagreement is flagged at once; "More" shows every account with its source.
      await expect(claim).toBeVisible();
      await expect(claim).toContainText('Altitude when the aircraft was damaged');
      await expect(page.locator('.claims')).toContainText('Sources disagree');
      await saveScreenshot(page, 'overview-first-impact', info);
      const more = page.getByTestId('caption').getByRole('button', { name: 'More' });
      await more.click();
      await expect(claim.locator('li')).toHaveCount(2);
      for (const li of await claim.locator('li').all()) await expect(li).toBeVisible();
      await expect(claim.locator('li').nth(0)).toContainText('2,400');
      await expect(claim.locator('li').nth(1)).toContainText('1,000');
      await expect(claim.locator('li a').first()).toHaveAttribute('href', /^https?:\/\//);
      await saveScreenshot(page, 'overview-first-impact-more', info);
      // Folded again for the next test.
      await page.getByTestId('caption').locator('.caption-more').click();
      await expect(page.getByTestId('caption').locator('.caption-more')).toHaveAttribute('aria-expanded', 'false');
      expectCleanRun(watch);
    });

    test('the epilogue holds the clock at the end of the flight', async () => {
      const info = test.info();
      const s = await page.evaluate(() => window.flightrecon.goToStep('putin-dushanbe'));
      expect(s.step?.kind).toBe('epilogue');
      expect(s.step?.time).toBe('2025-10-09');
      expect(s.time).toBe('2024-12-25T06:27:58Z');
      await expect(page.getByTestId('caption')).toContainText('9 October 2025');
      await page.evaluate(() => window.flightrecon.settled());
      await saveScreenshot(page, 'epilogue-putin', info);
      const back = await page.evaluate(() => window.flightrecon.prevStep());
      expect(back.step?.kind).toBe('epilogue');
      expectCleanRun(watch);
    });
  });

  test('a deep link opens at the right step and time, and follows the moment', async ({ page }, info) => {
    test.setTimeout(180_000); // two full page loads, one with the close follow camera (many tiles in SwiftShader)
    const watch = await openApp(page, '?step=second-impact&camera=follow');
    let s = await state(page);
    expect(s.step?.id).toBe('second-impact');
    expect(s.time).toBe('2024-12-25T05:13:56Z');
    expect(s.camera).toBe('follow');
    await expect(page.getByTestId('caption')).toContainText('Second impact');
    await saveScreenshot(page, 'follow-second-impact', info);
    await page.goto('/?t=2024-12-25T05:30:00Z&lang=de');
    await page.evaluate(() => window.flightrecon.ready);
    s = await state(page);
    expect(s.time).toBe('2024-12-25T05:30:00Z');
    expect(s.step?.id).toBe('contact-rostov');
    expect(s.lang).toBe('de');
    // Inside the gap without positions the aircraft's place is reconstructed, and says so.
    expect(s.aircraft.provenance).toBe('inferred');
    expectCleanRun(watch);
  });

  test('invalid URL parameters show a notice and the app still works', async ({ page }) => {
    const watch = await openApp(page, '?t=yesterday&camera=drone&speed=fast&step=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText('Ignored t="yesterday"');
    await expect(notices).toContainText('Ignored camera="drone"');
    await expect(notices).toContainText('Ignored speed="fast"');
    await expect(notices).toContainText('<img src=x onerror=alert(1)>'); // shown as text
    expect(await page.locator('#hud img').count()).toBe(0);
    // The ignored t= and step= leave a plain start: the title card, then step 1.
    expect((await state(page)).card).toBe('title');
    const s = await page.evaluate(() => window.flightrecon.nextStep());
    expect(s.step?.id).toBe('off-block');
    expect(s.card).toBeNull();
    expect(s.camera).toBe('overview');
    expectCleanRun(watch);
  });
});
