/**
 * The sources view, on one loaded page: `?sources=1` opens it; every source of the scenario is listed
 * once, by tier; the tier filter; a "supports" button goes to its step; "Copy citation" gives one line
 * with the URL; the caption's tier badges; Esc closes it and the focus goes back; on a phone it is a
 * full-screen sheet with a close button in reach.
 */
import { expect, test, type Page } from '@playwright/test';
import { APP_ORIGIN, expectCleanRun, openApp, saveScreenshot, state, type AppWatch } from './support';

test.describe.configure({ mode: 'serial' });

const TIERS = ['official', 'wire', 'broadcaster', 'national', 'specialist', 'other'];

let page: Page;
let watch: AppWatch;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    baseURL: `${APP_ORIGIN}/`,
    serviceWorkers: 'block',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  watch = await openApp(page, '?step=first-impact&sources=1&quality=low');
});

test.afterAll(async () => {
  await page.context().close();
});

const view = () => page.getByTestId('sources-view');
const entries = () => view().locator('.source-entry:visible');

test('?sources=1 opens the sources view: a dialog with a heading, the focus in it, the URL keeps it', async () => {
  const info = test.info();
  await expect(view()).toBeVisible();
  await expect(view()).toHaveAttribute('role', 'dialog');
  await expect(view().getByRole('heading', { name: 'Sources' })).toBeVisible();
  expect(await view().evaluate((v) => v.contains(document.activeElement))).toBe(true);
  await expect(page).toHaveURL(/[?&]sources=1/);
  expect((await state(page)).sourcesView).toEqual({ open: true, tier: 'all' });
  // On a desktop it ends above the caption, which stays readable.
  const panel = (await view().boundingBox())!;
  const caption = (await page.getByTestId('caption').boundingBox())!;
  expect(panel.y + panel.height).toBeLessThanOrEqual(caption.y);
  await saveScreenshot(page, 'sources-1280', info);
});

test('every source of the scenario is listed once, sorted by tier', async () => {
  const file = await page.evaluate(async () => JSON.parse(await (await window.flightrecon.exportData('scenario')).text()) as { sources: { id: string }[] });
  const listed = await view()
    .locator('.source-entry')
    .evaluateAll((items) => items.map((i) => ({ id: (i as HTMLElement).dataset.sourceId!, tier: (i as HTMLElement).dataset.tier! })));
  expect(listed.map((x) => x.id).sort()).toEqual(file.sources.map((s) => s.id).sort());
  expect(new Set(listed.map((x) => x.id)).size).toBe(listed.length);
  const ranks = listed.map((x) => TIERS.indexOf(x.tier));
  expect(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!))).toBe(true);
  // The API lists the same sources in the same order.
  const api = await page.evaluate(() => window.flightrecon.sources());
  expect(api.map((s) => s.id)).toEqual(listed.map((x) => x.id));
  await expect(entries()).toHaveCount(listed.length);
});

test('the tier filter reduces the list to that tier; "All" brings every source back', async () => {
  const api = await page.evaluate(() => window.flightrecon.sources());
  const counts = new Map<string, number>();
  for (const s of api) counts.set(s.tier, (counts.get(s.tier) ?? 0) + 1);
  // The smallest tier that has sources (a real reduction).
  const [tier, n] = [...counts].sort((a, b) => a[1] - b[1])[0]!;
  await view().locator(`.sources-chip[data-tier="${tier}"]`).click();
  await expect(entries()).toHaveCount(n);
  expect(await entries().evaluateAll((items) => items.every((i) => (i as HTMLElement).dataset.tier === items[0]!.getAttribute('data-tier')))).toBe(true);
  expect(await entries().first().getAttribute('data-tier')).toBe(tier);
  await expect(view().locator(`.sources-chip[data-tier="${tier}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(new RegExp(`[?&]sources=${tier}`));
  expect((await state(page)).sourcesView.tier).toBe(tier);
  await view().locator('.sources-chip[data-tier="all"]').click();
  await expect(entries()).toHaveCount(api.length);
  await expect(page).toHaveURL(/[?&]sources=1/);
});

test('a "supports" button goes to its step and marks it; the desktop panel stays open', async () => {
  const before = (await state(page)).step!.index;
  const jump = view().locator(`.source-jump:not([data-step-index="${before}"])`).first();
  const target = Number(await jump.getAttribute('data-step-index'));
  await jump.click();
  await expect.poll(async () => (await state(page)).step?.index).toBe(target);
  await expect(view()).toBeVisible();
  await expect(view().locator(`.source-jump[data-step-index="${target}"]`).first()).toHaveAttribute('aria-current', 'step');
});

test('"Copy citation" gives one line of text with the URL, and says so', async () => {
  const entry = view().locator('.source-entry:has(a.source-url)').first();
  const url = await entry.locator('a.source-url').getAttribute('href');
  await entry.locator('.source-copy').click();
  await expect(entry.locator('.source-copied')).toHaveText(/Copied|Selected/);
  const copied = await page.evaluate(async () => {
    try {
      return await navigator.clipboard.readText();
    } catch {
      return '';
    }
  });
  const text = copied || (await entry.locator('.source-copy-field').inputValue());
  expect(text).toContain(url!);
  expect(text).not.toMatch(/[\n\r]/);
  expect(text).toContain(await entry.locator('.source-publisher').innerText());
});

test('the caption shows each source with its tier as a word badge, the full citation on hover', async () => {
  const s = await state(page);
  const badges = page.getByTestId('caption').locator('.caption-sources .tier-badge');
  await expect(badges).toHaveCount(s.step!.sources.length);
  const api = await page.evaluate(() => window.flightrecon.sources());
  const tierWords = await badges.allInnerTexts();
  for (const word of tierWords) expect(TIERS).toContain(word.trim());
  const firstUrl = s.step!.sources[0]!.url;
  if (firstUrl) expect(await badges.first().getAttribute('title')).toContain(firstUrl);
  expect(api.length).toBeGreaterThan(0);
});

test('Esc closes it and the focus goes back; the caption and the API open it again', async () => {
  await view().locator('.sources-chip[data-tier="all"]').focus();
  await page.keyboard.press('Escape');
  await expect(view()).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]sources=/);
  // Opened from the address, it gives the focus to the caption's "Sources ▸" button.
  const opener = page.getByTestId('caption').locator('.caption-all-sources');
  await expect(opener).toBeFocused();
  await opener.click();
  await expect(view()).toBeVisible();
  expect(await view().evaluate((v) => v.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(view()).toBeHidden();
  await expect(opener).toBeFocused();
  const filtered = await page.evaluate(() => window.flightrecon.showSources(true, { tier: 'official' }));
  expect(filtered.sourcesView).toEqual({ open: true, tier: 'official' });
  const bad = await page.evaluate(() =>
    window.flightrecon.showSources(true, { tier: 'blog' }).then(
      () => '',
      (e: Error) => e.message,
    ),
  );
  expect(bad).toContain('showSources: tier must be');
  await page.evaluate(() => window.flightrecon.showSources(true, { tier: 'all' }));
});

test('an old file (revision 1) says how many of its sources are not rated', async () => {
  const file = await page.evaluate(async () => JSON.parse(await (await window.flightrecon.exportData('scenario')).text()) as Record<string, unknown>);
  const sources = file.sources as Record<string, unknown>[];
  delete file.revision;
  for (const s of sources) delete s.tier;
  await page.evaluate(async (text) => {
    await window.flightrecon.openFile(new File([text], 'old-revision.json'));
  }, JSON.stringify(file));
  await expect(view().locator('.sources-unrated')).toHaveText(`${sources.length} sources of this file are not rated; they are shown as “other”.`);
  await expect(entries()).toHaveCount(sources.length);
  expect((await page.evaluate(() => window.flightrecon.sources())).every((s) => s.tier === 'other' && s.tierAssumed)).toBe(true);
});

test('on a phone it is a full-screen sheet with its own scroll and a close button in reach', async () => {
  const info = test.info();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(view()).toBeVisible();
  const box = (await view().boundingBox())!;
  expect(box.x).toBe(0);
  expect(box.y).toBe(0);
  expect(box.width).toBe(390);
  expect(box.height).toBe(844);
  const close = view().locator('.sources-close');
  const closeBox = (await close.boundingBox())!;
  expect(closeBox.height).toBeGreaterThanOrEqual(44);
  expect(closeBox.x + closeBox.width).toBeLessThanOrEqual(390);
  const scroll = await view()
    .locator('.sources-scroll')
    .evaluate((s) => ({ scrolls: s.scrollHeight > s.clientHeight, wide: s.scrollWidth - s.clientWidth }));
  expect(scroll.scrolls).toBe(true);
  expect(scroll.wide).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'sources-390', info);
  // A step chosen on the sheet is shown: the sheet closes.
  const before = (await state(page)).step!.index;
  const jump = view().locator(`.source-jump:not([data-step-index="${before}"])`).first();
  const target = Number(await jump.getAttribute('data-step-index'));
  await jump.click();
  await expect(view()).toBeHidden();
  expect((await state(page)).step!.index).toBe(target);
  await page.setViewportSize({ width: 1280, height: 720 });
  expectCleanRun(watch);
});
