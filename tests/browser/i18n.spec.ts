/**
 * Every visible word of the UI comes from the catalogue (src/i18n): the app is rendered in the
 * pseudo-locale `qps`, which wraps every catalogue string and scenario text in ⟦…⟧, and any visible
 * text node (or title / aria-label) without the marks is a string the catalogue does not hold —
 * apart from data: numbers, times, symbols, source publishers/titles/URLs/notes, credits.
 * Then each real language at the first impact: no English catalogue sentence left on the screen,
 * the page's title and language follow, and a screenshot of each to look at.
 * One page, loaded once and moved through its states with the API (no reload per check).
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { APP_ORIGIN, openApp, openControls, openProfileChart, saveScreenshot } from './support';
import { clippedText, overlappingPanels, panelBoxes, stageShare } from './layoutChecks';
import { labelProblems, screenContext } from './compositionChecks';
import { closeControls } from './sharedPage';

/** Visible text and labels without the pseudo-locale's marks, minus what `allowed` says is data. */
async function unmarked(page: Page, allowed: readonly string[]): Promise<string[]> {
  return page.evaluate((allow) => {
    const data = new Set(allow);
    const out = new Set<string>();
    const isData = (t: string) =>
      data.has(t) ||
      !/\p{L}/u.test(t) || // numbers, times, symbols
      /^[\d\s:.,·–—()+\-−]*\b(UTC|Z|km|m|ft|kt|s|MB|kB|fps)\b[\d\s:.,·–—()+\-−]*$/.test(t) ||
      /^\(?UTC[+−-]\d+\)?$/.test(t) ||
      /^https?:\/\//.test(t) ||
      /^\d+x\d+$/.test(t);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const host = n.parentElement;
      if (!text || !host || /[⟦⟧]/.test(text) || isData(text)) continue;
      if (host.closest('.cesium-credit-wrapper, .cesium-credit-lightbox, .cesium-widget-credits')) continue; // map data credits
      if (host.closest('.source-language')) continue; // a source's language in its own name (русский, Nederlands), by design
      if (!host.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.add(`${host.tagName.toLowerCase()}.${host.className}: ${text.slice(0, 90)}`);
    }
    for (const node of document.querySelectorAll<HTMLElement>('[title], [aria-label], [placeholder]')) {
      if (node.closest('.cesium-credit-wrapper, .cesium-viewer-bottom')) continue;
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = (node.getAttribute(name) ?? '').trim();
        if (!value || /[⟦⟧]/.test(value) || isData(value)) continue;
        // A source link's title is "Publisher: Title" — data.
        if ([...data].some((d) => d.length > 3 && value.includes(d))) continue;
        out.add(`@${name} ${node.tagName.toLowerCase()}.${node.className}: ${value.slice(0, 90)}`);
      }
    }
    return [...out];
  }, allowed);
}

/** The words of the sources themselves (publisher, title, URL, note, original): data, in the source's language. */
async function sourceWords(page: Page): Promise<string[]> {
  return page.evaluate(() => window.flightrecon.sources().flatMap((s) => [s.publisher, s.title, s.url ?? '', s.note ?? '', s.original ?? ''].filter(Boolean)));
}

test('pseudo-locale: every visible UI string comes from the catalogue; then each language at the first impact', async ({ page }) => {
  test.setTimeout(300_000);
  // A bad parameter as well, so a notice shows.
  await openApp(page, '?lang=qps&step=first-impact&camera=drone');
  const allowed = [...(await sourceWords(page)), 'qps', 'CesiumJS', 'English', 'Deutsch', 'Русский', 'Azərbaycanca'];
  const found: Record<string, string[]> = {};
  const check = async (where: string) => {
    const leaks = await unmarked(page, allowed);
    if (leaks.length) found[where] = leaks;
  };
  await expect(page.getByTestId('notices')).toContainText('⟦');
  await check('explore, first impact, notice');

  await page.getByTestId('caption').getByRole('button', { name: /More/ }).click();
  await check('caption expanded');

  await openControls(page);
  for (const title of await page.locator('#controls .lil-title').all()) {
    if ((await title.getAttribute('aria-expanded')) === 'false') await title.click();
  }
  await check('control panel, every folder open');

  await openProfileChart(page);
  await page.locator('.systems-toggle').first().click();
  await check('profile chart and systems panel open');

  await page.evaluate(() => window.flightrecon.showSources(true));
  await check('sources view');
  await page.evaluate(() => window.flightrecon.showSources(false));

  await page.evaluate(() => window.flightrecon.goToStep('putin-dushanbe'));
  await check('epilogue step');

  await page.evaluate(() => window.flightrecon.present(true));
  await check('presenter mode');
  await page.evaluate(() => window.flightrecon.present(false));

  console.log('pseudo-locale leaks:', JSON.stringify(found, null, 1));
  expect(found).toEqual({});

  // The same page, in each real language at the first impact.
  await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
  // Back to the picture a load shows: the caption folded, the profile chart and the control panel closed.
  // The control panel first: open with every folder, it reaches down over the chart's toggle.
  await closeControls(page);
  const more = page.getByTestId('caption').locator('.caption-more');
  await page.getByTestId('profile-chart').locator('.profile-toggle').click();
  if ((await more.getAttribute('aria-expanded')) === 'true') await more.click();
  await eachLanguage(page, test.info());
});

const ENGLISH_SENTENCES = (() => {
  const out = new Set<string>();
  const walk = (o: unknown): void => {
    if (typeof o === 'string') {
      const plain = o.replace(/\{\w+\}/g, '').trim();
      if (!o.includes('{') && plain.split(' ').length >= 2) out.add(plain);
    } else if (o && typeof o === 'object') Object.values(o).forEach(walk);
  };
  walk(en);
  return out;
})();

/** Each language at the first impact: no English UI sentence left, the page's title and lang follow; a screenshot of each. */
async function eachLanguage(page: Page, info: TestInfo): Promise<void> {
  for (const lang of ['en', 'de', 'ru', 'az']) {
    await page.evaluate((l) => window.flightrecon.setLanguage(l), lang);
    await page.evaluate(() => window.flightrecon.settled());
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const title = await page.title();
    expect(title).toMatch(/ — flightrecon$/);
    if (lang === 'ru') expect(title).toContain('декабря 2024');
    if (lang === 'az') expect(title).toContain('dekabr 2024');
    await saveScreenshot(page, `i18n-first-impact-${lang}`, info);
    if (lang === 'en') continue;
    const leftInEnglish = await page.evaluate(
      (sentences) => {
        const set = new Set(sentences);
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim();
          if (set.has(text) && n.parentElement?.checkVisibility({ checkVisibilityCSS: true })) out.push(text);
        }
        return out;
      },
      [...ENGLISH_SENTENCES],
    );
    expect(leftInEnglish, lang).toEqual([]);
  }
  await page.evaluate(() => window.flightrecon.setLanguage('en'));
}

/**
 * Russian and Azerbaijani run longer than English: every step in both, on the projector's screen and
 * on a phone — nothing clipped, no panel over another, no label over another, the stage keeps its
 * share (the composition spec walks English and German at every screen with the same checks).
 */
for (const screen of [
  { width: 1280, height: 720, phone: false, minStage: 0.45 },
  { width: 390, height: 844, phone: true, minStage: 0.28 },
] as const) {
  test(`ru and az at ${screen.width}x${screen.height}: every step fits`, async ({ browser }) => {
    test.setTimeout(600_000);
    const context = await browser.newContext({ ...screenContext(screen), reducedMotion: 'reduce', baseURL: `${APP_ORIGIN}/`, serviceWorkers: 'block' });
    const page = await context.newPage();
    await openApp(page, '?quality=low&lang=ru');
    const problems: string[] = [];
    for (const lang of ['ru', 'az']) {
      await page.evaluate((l) => window.flightrecon.setLanguage(l), lang);
      const count = (await page.evaluate(() => window.flightrecon.steps())).length;
      for (let i = 0; i < count; i++) {
        const s = await page.evaluate(async (k) => {
          const fr = window.flightrecon;
          const going = fr.goToStep(k);
          const arrived = fr.settled();
          await going;
          return arrived;
        }, i);
        const id = `${lang} ${s.step?.id ?? i}`;
        for (const c of await clippedText(page, { exclude: '.globe-label-hits' })) problems.push(`${id}: text ${c.how} at ${c.where}: "${c.text}"`);
        for (const [a, b] of overlappingPanels(await panelBoxes(page))) problems.push(`${id}: panels overlap: ${a} / ${b}`);
        const share = await stageShare(page);
        if (share < screen.minStage) problems.push(`${id}: stage ${(share * 100).toFixed(1)} % < ${screen.minStage * 100} %`);
        for (const p of (await labelProblems(page)).problems) problems.push(`${id}: ${p}`);
      }
    }
    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
