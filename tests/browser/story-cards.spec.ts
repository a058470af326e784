/**
 * The title card (slide 0) and "How this reconstruction was made" (the method page): the card at a
 * plain start and not with ?step=; Start, →, Enter and prevStep; the chapters; the method page from
 * the title card, the legend and ?about=1, closed with Esc; presenter mode's first and last slides;
 * no panel over another, no text cut off, the whole route on the stage; axe on both.
 * One page for the desktop checks (a reload only where the address is the thing tested), one for the phone.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { expectCleanRun, openApp, state, type AppWatch } from './support';
import { arrived, sharedPage } from './sharedPage';
import { clippedText, overlappingPanels, panelBoxes } from './layoutChecks';

test.setTimeout(240_000);
test.describe.configure({ mode: 'serial' });

interface PlaceJson {
  id: string;
  lat: number;
  lon: number;
}
const DATA = JSON.parse(readFileSync('data/azal-8243.json', 'utf8')) as { places: PlaceJson[]; anchors: { lat: number; lon: number }[] };
/** Baku, Grozny, Aktau and the path's extreme fixes: what "the whole route" must show. */
const ROUTE_POINTS = [
  ...DATA.places.filter((p) => ['gyd', 'grv', 'sco'].includes(p.id)).map((p) => ({ name: p.id, lon: p.lon, lat: p.lat })),
  ...(['lat', 'lon'] as const).flatMap((k) => {
    const sorted = [...DATA.anchors].sort((a, b) => a[k] - b[k]);
    return [sorted[0]!, sorted[sorted.length - 1]!].map((a, i) => ({ name: `${i ? 'max' : 'min'} ${k}`, lon: a.lon, lat: a.lat }));
  }),
];

/** Route points that are off the stage (or off screen), as messages. */
async function routeOffStage(page: Page): Promise<string[]> {
  return page.evaluate((points) => {
    const fr = window.flightrecon;
    const st = fr.state().stage;
    const out: string[] = [];
    for (const p of points) {
      const xy = fr.debug!.project(p.lon, p.lat);
      if (!xy) out.push(`${p.name} is not on screen`);
      else if (!st || xy.x < st.x || xy.y < st.y || xy.x > st.x + st.width || xy.y > st.y + st.height)
        out.push(`${p.name} at ${Math.round(xy.x)},${Math.round(xy.y)} is off the stage ${JSON.stringify(st)}`);
    }
    return out;
  }, ROUTE_POINTS);
}

/** Axe on one part of the page: no violation at all. */
async function axeClean(page: Page, selector: string, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const lines = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  console.log(`axe [${label}]: ${results.violations.length} violation(s), ${results.passes.length} rules passed`);
  expect(lines, `axe violations [${label}]`).toEqual([]);
}

async function layoutProblems(page: Page, within: string): Promise<{ overlaps: [string, string][]; clipped: string[] }> {
  const overlaps = overlappingPanels(await panelBoxes(page));
  const clipped = (await clippedText(page, { within })).map((c) => `${c.how}: "${c.text}" in ${c.where}`);
  return { overlaps, clipped };
}

test.describe('title card and method page (1280x720)', () => {
  let page: Page;
  let watch: AppWatch;

  test.beforeAll(async ({ browser }) => {
    page = await sharedPage(browser);
    watch = await openApp(page);
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test('a plain start shows the title card over the whole route, alone, readable, accessible', async () => {
    const card = page.getByTestId('title-card');
    await expect(card).toBeVisible();
    expect((await state(page)).card).toBe('title');
    await expect(card.getByRole('heading', { level: 1 })).toContainText('J2-8243');
    await expect(card).toContainText('38');
    await expect(card).toContainText('Sources:');
    await expect(card.locator('.title-chapter-button')).toHaveCount(6);
    await expect(page.getByTestId('caption')).toBeHidden();
    await expect(page.locator('.legend')).toBeHidden();
    await arrived(page);
    const { overlaps, clipped } = await layoutProblems(page, '[data-testid="title-card"]');
    expect(overlaps).toEqual([]);
    expect(clipped).toEqual([]);
    // The Start button is in view, within the window.
    const start = await page.getByTestId('title-card-start').boundingBox();
    expect(start && start.y + start.height <= 720 && start.x >= 0).toBe(true);
    expect(await routeOffStage(page)).toEqual([]);
    await axeClean(page, '[data-testid="title-card"]', 'title card');
  });

  test('Start, → and Enter go to step 1; prevStep from step 1 brings the card back', async () => {
    await page.getByTestId('title-card-start').click();
    await expect(page.getByTestId('title-card')).toBeHidden();
    let s = await state(page);
    expect(s.card).toBeNull();
    expect(s.step?.index).toBe(0);
    await expect(page.getByTestId('caption')).toBeVisible();
    s = await page.evaluate(() => window.flightrecon.prevStep());
    expect(s.card).toBe('title');
    await expect(page.getByTestId('title-card')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await state(page)).step?.index).toBe(0);
    await page.evaluate(() => window.flightrecon.prevStep());
    await page.locator('.title-card-summary').click();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).step?.index).toBe(0);
    await page.evaluate(() => window.flightrecon.showCard('title'));
    await expect(page.getByTestId('title-card')).toBeVisible();
  });

  test('a chapter of the card goes to its first step', async () => {
    const chapters = await page.evaluate(() => window.flightrecon.chapters());
    const third = chapters[2]!;
    await page.locator(`.title-chapter-button[data-chapter="${third.id}"]`).click();
    const s = await state(page);
    expect(s.card).toBeNull();
    expect(s.step?.index).toBe(third.firstStep);
    await page.evaluate(() => window.flightrecon.showCard('title'));
  });

  test('the method page opens from the title card and goes back to it with Esc', async () => {
    await page.getByTestId('title-card-method').click();
    const method = page.getByTestId('method-page');
    await expect(method).toBeVisible();
    expect((await state(page)).card).toBe('method');
    await expect(page.getByTestId('title-card')).toBeHidden();
    await expect(page.getByTestId('method-close')).toBeFocused();
    for (const heading of [
      'What is recorded',
      'How the path through the gap is made',
      'What in the damage view is illustrative',
      'Where sources disagree',
      'When the data was checked',
      'Map data and software',
    ])
      await expect(method.getByRole('heading', { name: heading })).toBeVisible();
    await expect(method).toContainText('CesiumJS: Apache-2.0');
    await expect(method).toContainText('2 December 2026');
    await page.keyboard.press('Escape');
    await expect(method).toBeHidden();
    expect((await state(page)).card).toBe('title');
    await expect(page.getByTestId('title-card-method')).toBeFocused();
  });

  test('the method page opens from the legend, reads whole, passes axe, and closes with Esc', async () => {
    await page.evaluate(() => window.flightrecon.goToStep('take-off'));
    await page.getByTestId('legend-method').click();
    const method = page.getByTestId('method-page');
    await expect(method).toBeVisible();
    await expect(page.getByTestId('caption')).toBeHidden();
    const { overlaps, clipped } = await layoutProblems(page, '[data-testid="method-page"]');
    expect(overlaps).toEqual([]);
    expect(clipped).toEqual([]);
    await axeClean(page, '[data-testid="method-page"]', 'method page');
    await page.keyboard.press('Escape');
    await expect(method).toBeHidden();
    const s = await state(page);
    expect(s.card).toBeNull();
    expect(s.step?.id).toBe('take-off');
    await expect(page.getByTestId('legend-method')).toBeFocused();
    await expect(page.getByTestId('caption')).toBeVisible();
  });

  test('presenter mode: slide 0 is the title card, the method page the last slide', async () => {
    await page.evaluate(() => window.flightrecon.showCard('title'));
    await page.evaluate(() => window.flightrecon.present(true));
    await expect(page.getByTestId('title-card')).toBeVisible();
    await expect(page.getByTestId('presenter-caption')).toBeHidden();
    let { overlaps } = await layoutProblems(page, '[data-testid="title-card"]');
    expect(overlaps).toEqual([]);
    let s = await page.evaluate(() => window.flightrecon.nextStep());
    expect(s.step?.index).toBe(0);
    await expect(page.getByTestId('title-card')).toBeHidden();
    await expect(page.getByTestId('presenter-caption')).toBeVisible();
    const n = (await page.evaluate(() => window.flightrecon.steps())).length;
    await page.evaluate((last) => window.flightrecon.goToStep(last), n - 1);
    s = await page.evaluate(() => window.flightrecon.nextStep());
    expect(s.card).toBe('method');
    await expect(page.getByTestId('method-page')).toBeVisible();
    await expect(page.getByTestId('presenter-caption')).toBeHidden();
    ({ overlaps } = await layoutProblems(page, '[data-testid="method-page"]'));
    expect(overlaps).toEqual([]);
    s = await page.evaluate(() => window.flightrecon.prevStep());
    expect(s.card).toBeNull();
    expect(s.step?.index).toBe(n - 1);
    await page.evaluate(() => window.flightrecon.present(false));
  });

  test('?step= skips the title card; ?about=1 opens the method page', async () => {
    expectCleanRun(watch);
    await openApp(page, '?step=take-off');
    expect((await state(page)).card).toBeNull();
    await expect(page.getByTestId('title-card')).toBeHidden();
    await openApp(page, '?about=1');
    expect((await state(page)).card).toBe('method');
    await expect(page.getByTestId('method-page')).toBeVisible();
    await page.getByTestId('method-close').click();
    expect((await state(page)).card).toBeNull();
  });
});

test.describe('title card on a phone (390x844)', () => {
  test('takes the lower part, keeps Start in view, and leaves the route above it', async ({ browser }) => {
    const page = await sharedPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    try {
      await openApp(page);
      const card = page.getByTestId('title-card');
      await expect(card).toBeVisible();
      const box = (await card.boundingBox())!;
      expect(box.y).toBeGreaterThan(844 * 0.35);
      const start = (await page.getByTestId('title-card-start').boundingBox())!;
      expect(start.y + start.height).toBeLessThanOrEqual(box.y + box.height);
      expect(start.y + start.height).toBeLessThanOrEqual(844);
      await arrived(page);
      const { overlaps, clipped } = await layoutProblems(page, '[data-testid="title-card"]');
      expect(overlaps).toEqual([]);
      expect(clipped).toEqual([]);
      expect(await routeOffStage(page)).toEqual([]);
      await page.evaluate(() => window.flightrecon.showCard('method'));
      const method = page.getByTestId('method-page');
      await expect(method).toBeVisible();
      expect(overlappingPanels(await panelBoxes(page))).toEqual([]);
      await page.getByTestId('method-close').click();
      await expect(card).toBeVisible();
    } finally {
      await page.context().close();
    }
  });
});
