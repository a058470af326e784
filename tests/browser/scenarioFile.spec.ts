import { expect, test } from '@playwright/test';
import { expectCleanRun, openApp, state } from './support';
import { minimalScenario } from '../fixtures/minimalScenario';

test.describe('opening a scenario file', () => {
  test('a broken file is explained in the page and the loaded scenario stays', async ({ page }) => {
    const watch = await openApp(page, '?step=first-impact');
    const broken = minimalScenario();
    broken.track[1].lat = 'north';
    broken.steps[0].title = { en: '<img src=x onerror="window.hacked=1">' };
    await page.getByTestId('scenario-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText('"broken.json" could not be opened: not a valid scenario file');
    await expect(notices).toContainText('track[1].lat');
    const s = await state(page);
    expect(s.scenario.id).toBe('azal-8243');
    expect(s.step?.id).toBe('first-impact');
    await page.getByTestId('scenario-file').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    await expect(notices).toContainText('not valid JSON');
    expect((await state(page)).scenario.id).toBe('azal-8243');
    expectCleanRun(watch);
  });

  test('a valid file replaces the scenario; its text is shown as text', async ({ page }) => {
    const watch = await openApp(page);
    const good = minimalScenario();
    good.steps[0].title = { en: '<b>Start</b> <img src=x onerror="window.hacked=1">' };
    await page.getByTestId('scenario-file').setInputFiles({ name: 'test.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await expect(page.getByTestId('notices')).toContainText('Opened "test.json"');
    const s = await state(page);
    expect(s.scenario.id).toBe('test-case');
    expect(s.stepCount).toBe(4);
    await expect(page.getByTestId('caption')).toContainText('<b>Start</b> <img src=x');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.locator('.caption-panel img, .caption-panel b').count()).toBe(0);
    const next = await page.evaluate(() => window.flightrecon.nextStep());
    expect(next.step?.id).toBe('middle');
    expectCleanRun(watch);
  });
});
