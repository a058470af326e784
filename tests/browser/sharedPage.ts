/**
 * One page shared by the tests of a describe block (opened in beforeAll, closed in afterAll): the app
 * loads once per block, not once per test. Each test sets up its own moment with the API and puts back
 * what it changed (the helpers below), so the tests do not depend on each other's order.
 *
 * The context gets the config's `use` options as a test's own page does (playwright.config.ts: the
 * desktop browser, 1280x720, the app's origin as base URL, service workers blocked): Playwright Test
 * applies them to every context made with `browser.newContext`, in hooks too; `options` override them.
 */
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

export async function sharedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/** Folds the control panel (support.ts's openControls opens it) with its button under the caption, as a load shows it. */
export async function closeControls(page: Page): Promise<void> {
  if (!(await page.locator('#controls').isVisible())) return;
  await page.getByTestId('caption').locator('.step-controls').click();
  await expect(page.locator('#controls')).toBeHidden();
}

/**
 * Waits for what a load waits for before the app is ready: the camera arrived at its shot, then a
 * frame drawn with every imagery tile of the view loaded. Tests that set up their moment with the API
 * on a shared page call it, so they start from the same picture a deep link would show.
 */
export async function arrived(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await window.flightrecon.settled();
    await window.flightrecon.debug!.imageryLoaded();
  });
}
