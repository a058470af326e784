import { expect, test } from '@playwright/test';
import { expectCleanRun, openApp, saveScreenshot } from './support';

test.describe('a hardened app', () => {
  test('runs under a Content-Security-Policy that blocks off-origin requests', async ({ page }) => {
    const watch = await openApp(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      let fetched: string;
      try {
        await fetch('https://tile.openstreetmap.org/0/0/0.png');
        fetched = 'loaded';
      } catch {
        fetched = 'blocked';
      }
      const img = new Image();
      const imgResult = await new Promise<string>((resolve) => {
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
        img.src = 'https://example.org/pixel.png';
      });
      await new Promise((r) => setTimeout(r, 100));
      return { fetched, imgResult, violations };
    });
    expect(outcome.fetched).toBe('blocked');
    expect(outcome.imgResult).toBe('blocked');
    expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
    // The app itself still works under the policy.
    const s = await page.evaluate(() => window.flightrecon.goToStep('impact'));
    expect(s.step?.id).toBe('impact');
    expect(watch.pageErrors).toEqual([]);
  });

  test('survives the loss of the WebGL context with a clear message and a reload button', async ({ page }, info) => {
    const watch = await openApp(page);
    await page.evaluate(() => {
      const canvas = document.querySelector('#globe canvas') as HTMLCanvasElement;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      gl.getExtension('WEBGL_lose_context')!.loseContext();
    });
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText('stopped drawing');
    await expect(notices.getByRole('button', { name: 'Reload' })).toBeVisible();
    // A plain start: from the title card the next slide is step 1, and the app goes on working.
    const s = await page.evaluate(() => window.flightrecon.nextStep());
    expect(s.card).toBeNull();
    expect(s.step?.id).toBe('off-block');
    const t = await page.evaluate(() => window.flightrecon.nextStep());
    expect(t.step?.id).toBe('take-off');
    await expect(page.getByTestId('caption')).toContainText('Take-off');
    await saveScreenshot(page, 'hardening-context-lost', info);
    expectCleanRun(watch);
  });
});
