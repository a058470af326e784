import { expect, test } from '@playwright/test';
import { BAD_FILES, hostileScenario } from '../fixtures/badInputs';
import { BAD_TRACKS } from '../fixtures/badTracks';
import { expectCleanRun, openApp, state } from './support';

const PARAMS = ['t', 'step', 'camera', 'lang', 'speed', 'play', 'ui', 'quality'];
const HOSTILE = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const VALUE_SETS: Record<string, string> = {
  wrong: 'definitely-wrong',
  empty: '',
  huge: 'x'.repeat(1_500),
  hostile: HOSTILE,
};

test.describe('bad input', () => {
  test('every broken scenario or track file gets a clear message and the loaded scenario stays', async ({ page }) => {
    test.setTimeout(300_000);
    const watch = await openApp(page, '?step=first-impact');
    const input = page.getByTestId('scenario-file');
    const notices = page.getByTestId('notices');
    for (const bad of BAD_FILES) {
      await input.setInputFiles({ name: bad.name, mimeType: 'application/json', buffer: Buffer.from(bad.content) });
      const notice = notices.locator('.notice-error').last();
      await expect(notice, bad.name).toContainText(`"${bad.name}"`);
      expect(await notice.innerText(), bad.name).toMatch(bad.expect);
      const s = await state(page);
      expect(s.scenario.id, bad.name).toBe('azal-8243');
      expect(s.step?.id, bad.name).toBe('first-impact');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
    }
    // The track corpus through flightrecon.openFile, in one go: each rejects, the page says why (the
    // file's name and the same message), and the flight shown stays.
    const results = await page.evaluate(
      async (cases) => {
        const out: { name: string; error: string; notice: string; scenario: string; step: string | undefined }[] = [];
        for (const c of cases) {
          const content = typeof c.content === 'string' ? c.content : new Uint8Array(c.content);
          let error = '';
          try {
            await window.flightrecon.openFile(new File([content], c.name));
          } catch (err) {
            error = (err as Error).message;
          }
          const notices = document.querySelectorAll<HTMLElement>('[data-testid="notices"] .notice-error');
          const s = window.flightrecon.state();
          out.push({ name: c.name, error, notice: notices[notices.length - 1]?.innerText ?? '', scenario: s.scenario.id, step: s.step?.id });
        }
        return out;
      },
      BAD_TRACKS.map((b) => ({ name: b.name, content: typeof b.content === 'string' ? b.content : Array.from(b.content) })),
    );
    for (const [i, r] of results.entries()) {
      const bad = BAD_TRACKS[i]!;
      expect(r.error, bad.name).toMatch(bad.expect);
      expect(r.notice, bad.name).toContain(`"${bad.name}" could not be opened`);
      expect(r.notice, bad.name).toMatch(bad.expect);
      expect(r.scenario, bad.name).toBe('azal-8243');
      expect(r.step, bad.name).toBe('first-impact');
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expectCleanRun(watch);
  });

  test('hostile text in a valid file is shown as text and nothing runs', async ({ page }) => {
    const watch = await openApp(page);
    await page.getByTestId('scenario-file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostileScenario()) });
    await expect(page.getByTestId('caption')).toContainText('<script>window.__pwned=2</script>');
    await expect(page.locator('.clock-title')).toContainText('<img src=x');
    await expect(page.getByTestId('caption')).toContainText('<b onmouseover');
    await page.locator('.caption-panel').hover();
    expect(await page.locator('#hud img, #hud script, #hud b, #hud svg[onload], #hud a[href^="javascript"]').count()).toBe(0);
    for (const a of await page.locator('#hud a').all()) expect(await a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expectCleanRun(watch);
  });

  for (const [kind, value] of Object.entries(VALUE_SETS)) {
    test(`${kind} values in every URL parameter are ignored with a notice`, async ({ page }) => {
      const query = '?' + PARAMS.map((p) => `${p}=${encodeURIComponent(value)}`).join('&');
      const watch = await openApp(page, query);
      const text = await page.getByTestId('notices').innerText();
      for (const p of PARAMS) expect(text, `${kind} ${p}`).toContain(`Ignored ${p}=`);
      expect(text.length).toBeLessThan(4000); // huge values are shortened
      const s = await state(page);
      expect(s.time).toBe('2024-12-25T03:49:00Z');
      expect(s.camera).toBe('overview');
      expect(await page.locator('#hud img, #hud script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      const next = await page.evaluate(() => window.flightrecon.nextStep());
      expect(next.step?.id).toBe('take-off');
      expectCleanRun(watch);
    });
  }
});
