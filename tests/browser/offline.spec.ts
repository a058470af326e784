import { expect, test } from '@playwright/test';
import { expectCleanRun, openApp, saveScreenshot, state } from './support';

test.use({ serviceWorkers: 'allow' });

test('after one visit the app opens and steps with the network off', async ({ page, context }, info) => {
  test.setTimeout(180_000);
  const watch = await openApp(page);
  // Wait until the service worker has precached everything and controls the page.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
    return registration.active?.state;
  });
  await context.setOffline(true);
  const offlineRequests: string[] = [];
  page.on('requestfailed', (r) => offlineRequests.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.reload();
  await page.waitForFunction(() => window.flightrecon?.ready !== undefined);
  await page.evaluate(() => window.flightrecon.ready);
  const s = await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
  expect(s.step?.id).toBe('first-impact');
  await expect(page.getByTestId('caption')).toContainText('First impact');
  expect((await state(page)).scenario.id).toBe('azal-8243');
  expect(offlineRequests).toEqual([]);
  await saveScreenshot(page, 'offline-reload', info);
  await context.setOffline(false);
  expectCleanRun(watch);
});
