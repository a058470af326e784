import { expect, test } from '@playwright/test';
import { BAD_FILES, hostileScenario } from '../fixtures/badInputs';
import { BAD_TRACKS } from '../fixtures/badTracks';
import { expectCleanRun, openApp, state } from './support';

const PARAMS = ['t', 'step', 'camera', 'lang', 'speed', 'play', 'ui', 'quality', 'about'];
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
    // The scenario corpus through the button's file input ("Open flight file…"), in one go: each file
    // is handed to the input as the file picker does (its files set, then input and change events);
    // its error notice must name it, and the notice's Dismiss button — visible, not covered — must
    // remove it. In the page, not with a Playwright click per notice: each click waited for the page
    // to draw (a notice changes the layout, the globe redraws), seconds a file on a software renderer.
    const scenarioResults = await page.evaluate(
      async (cases) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="scenario-file"]')!;
        const lastError = () => [...document.querySelectorAll<HTMLElement>('[data-testid="notices"] .notice-error')].pop();
        const until = async (done: () => boolean): Promise<boolean> => {
          for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (done()) return true;
          return done();
        };
        const out: { notice: string; scenario: string; step: string | undefined; dismiss: string; dismissed: boolean }[] = [];
        for (const c of cases) {
          const files = new DataTransfer();
          files.items.add(new File([typeof c.content === 'string' ? c.content : new Uint8Array(c.content)], c.name, { type: 'application/json' }));
          input.files = files.files;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
          const shown = await until(() => lastError()?.textContent?.includes(`"${c.name}"`) === true);
          const notice = shown ? lastError() : undefined;
          const text = notice?.innerText ?? '(no notice naming the file)';
          const s = window.flightrecon.state();
          // What a click on the button needs: the button named Dismiss, shown, and on top at its middle.
          const button = [...(notice?.querySelectorAll('button') ?? [])].find((b) => /dismiss/i.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
          const box = button?.getBoundingClientRect();
          const top = box ? document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) : null;
          const visible = !!box && box.width > 0 && box.height > 0 && button!.checkVisibility({ visibilityProperty: true });
          const dismiss = !button ? 'no Dismiss button' : !visible ? 'hidden' : !top || !button.contains(top) ? `covered by ${top?.className}` : 'ok';
          button?.click();
          const dismissed = !!button && (await until(() => notice?.isConnected !== true));
          out.push({ notice: text, scenario: s.scenario.id, step: s.step?.id, dismiss, dismissed });
          if (!dismissed) break; // the next file's notice could not be told from this one
        }
        return out;
      },
      BAD_FILES.map((b) => ({ name: b.name, content: typeof b.content === 'string' ? b.content : Array.from(b.content) })),
    );
    for (const [i, r] of scenarioResults.entries()) {
      const bad = BAD_FILES[i]!;
      expect(r.notice, bad.name).toContain(`"${bad.name}"`);
      expect(r.notice, bad.name).toMatch(bad.expect);
      expect(r.scenario, bad.name).toBe('azal-8243');
      expect(r.step, bad.name).toBe('first-impact');
      expect(r.dismiss, bad.name).toBe('ok');
      expect(r.dismissed, bad.name).toBe(true);
    }
    expect(scenarioResults).toHaveLength(BAD_FILES.length);
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
      // Nothing valid was asked for: a plain start, on the title card; the next slide is step 1.
      expect(s.card).toBe('title');
      const next = await page.evaluate(() => window.flightrecon.nextStep());
      expect(next.step?.id).toBe('off-block');
      expect(next.card).toBeNull();
      expectCleanRun(watch);
    });
  }
});
