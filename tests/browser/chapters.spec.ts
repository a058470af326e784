import { expect, test, type Page } from '@playwright/test';
import { expectCleanRun, openApp, openControls, openProfileChart, saveScreenshot, state, type AppWatch } from './support';
import { closeControls, sharedPage } from './sharedPage';
import { clippedText, overlappingPanels, panelBoxes } from './layoutChecks';

// Camera flights on a software renderer take a while.
test.setTimeout(240_000);

/** The boxes of the given selectors' first visible elements overlap (by more than 1 px both ways). */
async function boxesMeet(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    ([sa, sb]) => {
      const ra = document.querySelector(sa)!.getBoundingClientRect();
      const rb = document.querySelector(sb)!.getBoundingClientRect();
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      return w > 1 && h > 1;
    },
    [a, b] as const,
  );
}

/** Keys go to the app, not to a control that kept the focus. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
}

test.describe('chapters', () => {
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  let watch: AppWatch;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    page = await sharedPage(browser);
    watch = await openApp(page, '?step=following-to-baku');
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test('API: chapters(), goToChapter(id), state().chapter; an unknown id rejects', async () => {
    const chapters = await page.evaluate(() => window.flightrecon.chapters());
    expect(chapters.map((c) => c.id)).toEqual(['departure', 'grozny', 'damage', 'caspian', 'aktau', 'after']);
    expect(chapters[2]).toMatchObject({ id: 'damage', title: 'The damage', firstStep: 8, lastStep: 18 });
    const s = await page.evaluate(() => window.flightrecon.goToChapter('damage'));
    expect(s.step?.id).toBe('first-impact');
    expect(s.chapter?.id).toBe('damage');
    const error = await page.evaluate(() =>
      window.flightrecon.goToChapter('nowhere').then(
        () => '',
        (e: unknown) => String(e),
      ),
    );
    expect(error).toMatch(/goToChapter: no chapter "nowhere"/);
    expect((await state(page)).step?.id).toBe('first-impact');
  });

  test('GUI: the chapter list in the controls goes to a chapter and follows the step; steps are grouped', async () => {
    await openControls(page);
    const list = page.getByTestId('chapter-list');
    await expect(list).toBeVisible();
    await expect(list.locator('.lil-display')).toHaveText('3. The damage');
    await list.locator('select').selectOption({ label: '4. Across the Caspian' });
    await expect.poll(async () => (await state(page)).step?.id).toBe('turn-east');
    expect((await state(page)).chapter?.id).toBe('caspian');
    await page.evaluate(() => window.flightrecon.goToStep('mayday'));
    await expect(list.locator('.lil-display')).toHaveText('5. Aktau: approach and crash');
    // The step list holds the steps under their chapters' titles, in order.
    const groups = await page.locator('.step-list select optgroup').evaluateAll((g) => g.map((e) => [(e as HTMLOptGroupElement).label, e.children.length]));
    expect(groups).toHaveLength(6);
    expect(groups[2]).toEqual(['3. The damage', 11]);
    expect(await clippedText(page, { within: '#controls' })).toEqual([]);
    await closeControls(page);
  });

  test('keys: Shift+PageDown / Shift+PageUp and Shift+→ / Shift+← move by chapter', async () => {
    await page.evaluate(() => window.flightrecon.goToStep('second-impact'));
    await blur(page);
    // Inside a chapter, "previous" goes to its start first (like a media player), then a chapter back.
    await page.keyboard.press('Shift+PageUp');
    await expect.poll(async () => (await state(page)).step?.id).toBe('first-impact');
    await page.keyboard.press('Shift+PageUp');
    await expect.poll(async () => (await state(page)).step?.id).toBe('last-valid-adsb');
    await page.keyboard.press('Shift+PageDown');
    await expect.poll(async () => (await state(page)).step?.id).toBe('first-impact');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await state(page)).step?.id).toBe('turn-east');
    // At a chapter's start, Shift+← goes to the previous chapter's start.
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await state(page)).step?.id).toBe('first-impact');
    expect((await state(page)).chapter?.id).toBe('damage');
    // Plain PageDown still steps.
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await state(page)).step?.id).toBe('flight-controls-lost');
  });

  test('profile chart: five chapter bands labelled without overlap, the current one emphasised', async () => {
    const info = test.info();
    await page.evaluate(() => window.flightrecon.goToChapter('damage'));
    await openProfileChart(page);
    const labels = page.locator('[data-testid="profile-chapters"] .profile-chapter');
    await expect(labels).toHaveCount(5);
    expect(await labels.evaluateAll((e) => e.map((x) => (x as HTMLElement).dataset.chapter))).toEqual(['departure', 'grozny', 'damage', 'caspian', 'aktau']);
    const current = page.locator('.profile-chapter[data-current="true"]');
    await expect(current).toHaveText('3. The damage');
    const boxes = await labels.evaluateAll((e) =>
      e
        .filter((x) => !(x as HTMLElement).hidden)
        .map((x) => {
          const r = x.getBoundingClientRect();
          return { text: x.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left, `${boxes[i - 1]!.text} | ${boxes[i]!.text}`).toBeGreaterThan(boxes[i - 1]!.right + 2);
    // Inside the chart's box, over its plot.
    const chart = await page.getByTestId('profile-chart').boundingBox();
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(chart!.x);
      expect(b.right).toBeLessThanOrEqual(chart!.x + chart!.width);
    }
    expect(await clippedText(page, { within: '[data-testid="profile-chart"]' })).toEqual([]);
    expect(overlappingPanels(await panelBoxes(page))).toEqual([]);
    // Another chapter: the emphasis moves.
    await page.evaluate(() => window.flightrecon.goToChapter('caspian'));
    await expect(page.locator('.profile-chapter[data-current="true"]')).toHaveAttribute('data-chapter', 'caspian');
    // A click on a label goes to its chapter.
    await page.locator('.profile-chapter[data-chapter="damage"]').click();
    await expect.poll(async () => (await state(page)).chapter?.id).toBe('damage');
    await saveScreenshot(page, 'chapters-profile-1280', info);
  });

  test('presenter: the chapter card shows on entering a chapter, clear of the other boxes, then goes', async () => {
    const info = test.info();
    await page.evaluate(() => window.flightrecon.present(true));
    await page.evaluate(() => window.flightrecon.goToChapter('caspian'));
    const card = page.getByTestId('chapter-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText('Chapter 4 of 6');
    await expect(card).toContainText('Across the Caspian');
    await expect(page.locator('.presenter-progress-text')).toContainText('Chapter 4/6 · Step 20 of 37');
    expect(await boxesMeet(page, '[data-testid="chapter-card"]', '[data-testid="presenter-progress"]')).toBe(false);
    expect(await boxesMeet(page, '[data-testid="chapter-card"]', '[data-testid="presenter-caption"]')).toBe(false);
    expect(await clippedText(page, { within: '[data-testid="chapter-card"]' })).toEqual([]);
    expect(overlappingPanels(await panelBoxes(page))).toEqual([]);
    await saveScreenshot(page, 'chapters-card-1280', info);
    // About 3.5 s, then a fade.
    await expect(card).toBeHidden({ timeout: 8_000 });
    // A step inside the chapter brings no card.
    await page.evaluate(() => window.flightrecon.nextStep());
    await page.waitForTimeout(500);
    await expect(card).toBeHidden();
    // The chapter key brings it for the next chapter.
    await blur(page);
    await page.keyboard.press('Shift+PageDown');
    await expect(card).toBeVisible();
    await expect(card).toContainText('Chapter 5 of 6');
    await page.evaluate(() => window.flightrecon.present(false));
    await expect(card).toBeHidden();
    expectCleanRun(watch);
  });
});
