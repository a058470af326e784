import { expect, test, type Browser, type Page } from '@playwright/test';
import { clippedText, overlappingPanels, panelBoxes, stageShare } from './layoutChecks';
import { aircraftOnStage, labelProblems, screenContext, type ScreenSize } from './compositionChecks';
import { APP_ORIGIN, expectCleanRun, openApp, saveScreenshot, type AppWatch } from './support';
import { arrived } from './sharedPage';

/**
 * Every step is a clear picture at the four screens it is laid out for, in explore and presenter
 * mode: the aircraft is on the stage (inside the view, the globe under it and around it, at the
 * step's moment and, presenting, at the end of the step's run), no text is clipped, no panel covers
 * another, no two labels on the globe overlap or sit under a panel, and the stage (what the panels
 * leave free) keeps its share of the screen. One page for the three desktop screens, loaded once and
 * resized to each in turn (the layout follows the window), and one for the phone (a touch screen at
 * twice the pixels, a browser of its own); the steps are walked with the API. Camera moves are cuts
 * (prefers-reduced-motion) and the globe draws at quality=low: neither changes the layout or the
 * composition, only the cost.
 */

interface Screen extends ScreenSize {
  /** Smallest stage share at any step, and the median over the steps, in explore and presenter mode. */
  readonly explore: { readonly min: number; readonly median: number };
  readonly present: { readonly min: number; readonly median: number };
  /** Walk the steps in German as well (the longer texts). */
  readonly german: boolean;
}

/**
 * On the phone the densest steps (a two-line title, a long lead, two disputes) leave about 30 % of
 * the screen; the typical step leaves more than 35 %.
 */
const SCREENS: readonly Screen[] = [
  { width: 1280, height: 720, phone: false, explore: { min: 0.45, median: 0.45 }, present: { min: 0.55, median: 0.55 }, german: true },
  { width: 1366, height: 768, phone: false, explore: { min: 0.45, median: 0.45 }, present: { min: 0.55, median: 0.55 }, german: false },
  { width: 1920, height: 1080, phone: false, explore: { min: 0.5, median: 0.5 }, present: { min: 0.55, median: 0.55 }, german: false },
  { width: 390, height: 844, phone: true, explore: { min: 0.28, median: 0.35 }, present: { min: 0.35, median: 0.35 }, german: true },
];

/**
 * The label layer's transparent targets (src/globe/labels/labelHits.ts): their text is for hover,
 * focus and screen readers; the labels themselves are drawn on the globe and checked by labelProblems.
 */
const NOT_HUD = '.globe-label-hits';

/** Waits until the camera has arrived at the step's shot and that frame is drawn (the stage is measured in the same task as the step). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => window.flightrecon.settled());
}

/** Walks every step; returns one line per problem (clipped text, overlapping panels, a small stage). */
async function walkSteps(page: Page, bounds: { min: number; median: number }, label: string): Promise<{ problems: string[]; shares: number[] }> {
  const steps = await page.evaluate(() => window.flightrecon.steps());
  const count = steps.length;
  const problems: string[] = [];
  const shares: number[] = [];
  for (let i = 0; i < count; i++) {
    // Presenting, a step runs its clock; the HUD depends on the step only, so stop it (less to draw).
    // Then wait until the camera has arrived at the step's shot and that frame is drawn: asked in the
    // same task as the step, so one frame answers all three calls (awaited one after the other, each
    // waited for a frame of its own; the picture and every figure measured below are the same).
    const s = await page.evaluate(
      async ([i, presenting]) => {
        const fr = window.flightrecon;
        const going = fr.goToStep(i);
        const paused = presenting ? fr.pause() : going;
        const arrived = fr.settled();
        await Promise.all([going, paused]);
        return arrived;
      },
      [i, label === 'present'] as const,
    );
    const id = `${label} ${s.step?.id ?? i}`;
    for (const c of await clippedText(page, { exclude: NOT_HUD })) problems.push(`${id}: text ${c.how} at ${c.where}: "${c.text}"`);
    for (const [a, b] of overlappingPanels(await panelBoxes(page))) problems.push(`${id}: panels overlap: ${a} / ${b}`);
    const share = await stageShare(page);
    shares.push(share);
    if (share < bounds.min) problems.push(`${id}: stage ${(share * 100).toFixed(1)} % < ${bounds.min * 100} %`);
    for (const p of (await labelProblems(page)).problems) problems.push(`${id}: ${p}`);
    if (s.step?.kind !== 'event') continue;
    for (const p of (await aircraftOnStage(page)).problems) problems.push(`${id}: ${p}`);
    // Presenting, the clock runs through the step: the aircraft stays on the stage to the end of its run.
    const next = steps[i + 1];
    if (label === 'present' && next?.kind === 'event') {
      const hold = new Date(Date.parse(next.time) - 1000).toISOString().replace('.000Z', 'Z');
      await page.evaluate((t) => window.flightrecon.seek(t), hold);
      for (const p of (await aircraftOnStage(page)).problems) problems.push(`${id} (end of its run): ${p}`);
    }
    if (['first-impact', 'turn-east', 'mayday', 'impact'].includes(s.step.id) && label !== 'de')
      await saveScreenshot(page, `composition-${size(page)}-${label}-${s.step.id}`, test.info());
  }
  const median = [...shares].sort((a, b) => a - b)[Math.floor(shares.length / 2)]!;
  if (median < bounds.median) problems.push(`${label}: median stage ${(median * 100).toFixed(1)} % < ${bounds.median * 100} %`);
  return { problems, shares };
}

function size(page: Page): string {
  const v = page.viewportSize();
  return v ? `${v.width}x${v.height}` : '';
}

function summary(shares: readonly number[]): string {
  const sorted = [...shares].sort((a, b) => a - b);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return `min ${pct(sorted[0]!)}, median ${pct(sorted[Math.floor(sorted.length / 2)]!)}`;
}

async function newPage(browser: Browser, screen: Screen): Promise<Page> {
  const context = await browser.newContext({
    ...screenContext(screen),
    reducedMotion: 'reduce',
    baseURL: `${APP_ORIGIN}/`,
    serviceWorkers: 'block',
  });
  return context.newPage();
}

/** A loaded page and what it has seen (requests, errors). */
interface Session {
  page: Page;
  watch: AppWatch;
}

/**
 * Sizes the page to the screen unless it has that size: the window's new size, then the globe's canvas
 * resized to it (drawing buffer included), the stage measured anew and the view's imagery drawn. Each
 * test below goes to its step with the API, which composes the step's shot for the new size.
 */
async function sizeTo(page: Page, screen: Screen): Promise<void> {
  const v = page.viewportSize();
  if (v && v.width === screen.width && v.height === screen.height) return;
  const before = await page.evaluate(() => {
    const c = [...document.querySelectorAll<HTMLCanvasElement>('#globe canvas')].find((e) => !e.classList.contains('overlay-canvas'))!;
    return { ratio: c.width / c.clientWidth, stage: JSON.stringify(window.flightrecon.state().stage) };
  });
  await page.setViewportSize({ width: screen.width, height: screen.height });
  await page.waitForFunction(
    ([w, h, b]) => {
      const c = [...document.querySelectorAll<HTMLCanvasElement>('#globe canvas')].find((e) => !e.classList.contains('overlay-canvas'))!;
      const stage = window.flightrecon.state().stage;
      return (
        innerWidth === w &&
        innerHeight === h &&
        c.clientWidth === w &&
        c.clientHeight === h &&
        Math.abs(c.width - c.clientWidth * b.ratio) <= 1 &&
        stage !== null &&
        JSON.stringify(stage) !== b.stage &&
        stage.x + stage.width <= w &&
        stage.y + stage.height <= h
      );
    },
    [screen.width, screen.height, before] as const,
  );
  await arrived(page);
}

/** The checks at one screen, on the session's page (sized to the screen first). */
function screenTests(screen: Screen, session: () => Session): void {
  const size = `${screen.width}x${screen.height}`;
  test.describe(`composition at ${size}`, () => {
    test.describe.configure({ mode: 'serial' });
    test.setTimeout(420_000);
    let page: Page;
    let watch: AppWatch;

    test.beforeAll(async () => {
      test.setTimeout(420_000); // resizing waits for the view's imagery at the new size
      ({ page, watch } = session());
      // As a load leaves it: explore mode, the clock stopped, English (the previous screen's last
      // test presented, and a step's clock may still run).
      await page.evaluate(async () => {
        await window.flightrecon.present(false);
        await window.flightrecon.pause();
        await window.flightrecon.setLanguage('en');
      });
      await sizeTo(page, screen);
    });

    test('explore: every step fits: the aircraft on the stage, nothing clipped, no panel over another, no label over another, the stage keeps its share', async () => {
      const info = test.info();
      const en = await walkSteps(page, screen.explore, 'en');
      info.annotations.push({ type: 'stage', description: `${size} explore: ${summary(en.shares)}` });
      console.log(`stage ${size} explore: ${summary(en.shares)}`);
      const problems = [...en.problems];
      if (screen.german) {
        await page.evaluate(() => window.flightrecon.setLanguage('de'));
        const de = await walkSteps(page, screen.explore, 'de');
        problems.push(...de.problems);
        info.annotations.push({ type: 'stage', description: `${size} explore (de): ${summary(de.shares)}` });
        console.log(`stage ${size} explore (de): ${summary(de.shares)}`);
        await page.evaluate(() => window.flightrecon.setLanguage('en'));
      }
      expect(problems, problems.join('\n')).toEqual([]);
      await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
      await saveScreenshot(page, `layout-${size}-explore-first-impact`, info);
    });

    test('the systems panel is open from the first impact to the landing decision, else one line that opens it', async () => {
      const panel = page.getByTestId('systems-panel');
      const toggle = panel.locator('.systems-toggle');
      const expectOpen = async (step: string, open: boolean) => {
        await page.evaluate((id) => window.flightrecon.goToStep(id), step);
        await expect(panel, step).toHaveAttribute('data-open', String(open));
        await expect(toggle, step).toHaveAttribute('aria-expanded', String(open));
        if (open) await expect(panel.locator('[data-system="hydraulics-3"]'), step).toBeVisible();
        else {
          await expect(panel.locator('.systems-table'), step).toBeHidden();
          await expect(toggle, step).toContainText('Aircraft systems:');
        }
      };
      // On a phone the panel stays one line during the sequence too: the stage is small.
      const during = !screen.phone;
      await expectOpen('following-to-baku', false);
      await expectOpen('first-impact', during);
      await expectOpen('decision-aktau', during);
      await expectOpen('oxygen-cylinder-message', false);
      await expect(toggle).toContainText('3 hydraulic systems failed');
      // The folded line opens the panel on a click (a tap on the phone) ...
      if (screen.phone) await toggle.tap();
      else await toggle.click();
      await expect(panel).toHaveAttribute('data-open', 'true');
      await expect(panel.locator('[data-system="hydraulics-3"]')).toHaveAttribute('data-status', 'failed');
      await expect(panel.locator('[data-system="hydraulics-3"]')).toBeVisible();
      // ... and on Enter from the keyboard; the next proposal (a new sequence) takes over again.
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(panel).toHaveAttribute('data-open', 'false');
    });

    test('"More" shows the rest of the caption and every account where sources disagree, and folds it again', async () => {
      await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
      const caption = page.getByTestId('caption');
      const more = caption.locator('.caption-more');
      const rest = caption.locator('.caption-rest');
      await expect(caption.locator('.caption-lead')).toContainText('autopilot and autothrottle disconnect');
      await expect(rest).toBeHidden();
      await expect(caption.locator('[data-claim="damage-altitude"] .claim-topic')).toBeVisible();
      await expect(caption.locator('[data-claim="damage-altitude"] li').first()).toBeHidden();
      await expect(more).toHaveAttribute('aria-expanded', 'false');
      if (screen.phone) await more.tap();
      else await more.click();
      await expect(rest).toBeVisible();
      await expect(rest).toContainText('Where it happened is known only from leaks');
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      for (const li of await caption.locator('[data-claim="damage-altitude"] li').all()) await expect(li).toBeVisible();
      await settled(page);
      // Expanded, the text may scroll inside its box, but nothing is cut or covered.
      const clipped = await clippedText(page, { exclude: NOT_HUD });
      expect(clipped, JSON.stringify(clipped, null, 1)).toEqual([]);
      expect(overlappingPanels(await panelBoxes(page))).toEqual([]);
      // The taller caption left a smaller stage: the step's shot was composed again for it. (On the
      // phone the expanded text is a reading view that leaves a strip of map, too low to frame in.)
      if (!screen.phone) await expect.poll(async () => (await aircraftOnStage(page)).problems, { timeout: 5000 }).toEqual([]);
      // A real button: reachable and operated from the keyboard.
      await more.focus();
      await page.keyboard.press('Enter');
      await expect(rest).toBeHidden();
      await expect(more).toHaveAttribute('aria-expanded', 'false');
      // A reader who moved the map keeps that view when a panel opens or folds.
      await page.evaluate(() => window.flightrecon.debug!.setView(46.5, 43.0, 600_000, 0, -70));
      const grozny = () => page.evaluate(() => window.flightrecon.debug!.project(45.69, 43.31));
      const before = await grozny();
      await more.focus();
      await page.keyboard.press('Enter');
      await expect(rest).toBeVisible();
      await settled(page);
      expect(await grozny()).toEqual(before);
      await page.keyboard.press('Enter');
      await expect(rest).toBeHidden();
    });

    test('step buttons and the control panel: finger-sized on the phone; the panel opens from its button', async () => {
      const caption = page.getByTestId('caption');
      const next = caption.getByRole('button', { name: 'Next step' });
      const prev = caption.getByRole('button', { name: 'Previous step' });
      const controlsButton = caption.locator('.step-controls');
      await expect(page.locator('#controls')).toBeHidden();
      await page.evaluate(() => window.flightrecon.goToStep('take-off'));
      // The scrubber: the timeline where the profile chart is folded (all but roomy screens), else the chart itself.
      const chartOpen = (await page.getByTestId('profile-chart').getAttribute('data-open')) === 'true';
      expect(chartOpen).toBe(screen.width >= 1600);
      const scrubber = page.locator(chartOpen ? '.profile-chart .u-over' : '.profile-timeline');
      const minTarget = screen.phone ? 44 : 24;
      for (const target of [next, prev, controlsButton, scrubber]) {
        const box = (await target.boundingBox())!;
        expect(box.height, await target.evaluate((e) => e.className)).toBeGreaterThanOrEqual(minTarget);
        expect(box.width).toBeGreaterThanOrEqual(minTarget);
      }
      if (screen.phone) await next.tap();
      else await next.click();
      await expect.poll(async () => (await page.evaluate(() => window.flightrecon.state())).step?.id).toBe('last-valid-adsb');
      if (screen.phone) await prev.tap();
      else await prev.click();
      await expect.poll(async () => (await page.evaluate(() => window.flightrecon.state())).step?.id).toBe('take-off');
      // The scrubber follows a finger (or a click).
      const timeline = (await scrubber.boundingBox())!;
      const before = (await page.evaluate(() => window.flightrecon.state())).time;
      if (screen.phone) await page.touchscreen.tap(timeline.x + timeline.width * 0.7, timeline.y + timeline.height / 2);
      else await page.mouse.click(timeline.x + timeline.width * 0.7, timeline.y + timeline.height / 2);
      await expect.poll(async () => (await page.evaluate(() => window.flightrecon.state())).time).not.toBe(before);
      // The control panel is a button until opened; opened, it shows the settings; the button closes it.
      if (screen.phone) await controlsButton.tap();
      else await controlsButton.click();
      await expect(page.locator('#controls')).toBeVisible();
      await expect(controlsButton).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('#controls .lil-controller').filter({ has: page.locator('.lil-name', { hasText: /^Camera$/ }) })).toBeVisible();
      await settled(page);
      const clipped = await clippedText(page, { exclude: NOT_HUD });
      expect(clipped, JSON.stringify(clipped, null, 1)).toEqual([]);
      if (screen.phone) await controlsButton.tap();
      else await controlsButton.click();
      await expect(page.locator('#controls')).toBeHidden();
    });

    test('presenter mode: every step fits the lower third, the aircraft on the stage to the end of its run, no label over another, the stage keeps its share; PageUp goes back one step while the clock runs', async () => {
      const info = test.info();
      await page.evaluate(() => window.flightrecon.present(true));
      const walk = await walkSteps(page, screen.present, 'present');
      info.annotations.push({ type: 'stage', description: `${size} presenter: ${summary(walk.shares)}` });
      console.log(`stage ${size} presenter: ${summary(walk.shares)}`);
      expect(walk.problems, walk.problems.join('\n')).toEqual([]);
      const s = await page.evaluate(() => window.flightrecon.goToStep('turn-east'));
      expect(s.playing).toBe(true); // the step's clock runs
      await page.keyboard.press('PageUp');
      const back = await page.evaluate(() => window.flightrecon.state());
      expect(back.step?.id).toBe('hydraulic-failure-reported');
      expect(back.playing).toBe(true); // and that step runs in turn
      await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
      await saveScreenshot(page, `layout-${size}-present-first-impact`, info);
      await page.evaluate(() => window.flightrecon.present(false));
      expectCleanRun(watch);
    });
  });
}

/** A page loaded once for the screens (the first one's size), closed after the last. */
function session(screens: readonly Screen[]): void {
  test.setTimeout(420_000);
  let current: Session;
  test.beforeAll(async ({ browser }) => {
    // A load: the time a test has here (a hook's own limit is otherwise the config's).
    test.setTimeout(420_000);
    const page = await newPage(browser, screens[0]!);
    current = { page, watch: await openApp(page, '?quality=low') };
  });
  test.afterAll(async () => {
    await current.page.context().close();
  });
  for (const screen of screens) screenTests(screen, () => current);
}

test.describe('composition on a desktop browser (one page, resized to each screen)', () => {
  session(SCREENS.filter((s) => !s.phone));
});

test.describe('composition on a phone', () => {
  session(SCREENS.filter((s) => s.phone));
});
