import { expect, test, type Page } from '@playwright/test';
import { APP_ORIGIN, expectCleanRun, openApp, openControls, saveScreenshot, state, type AppWatch } from './support';
import { arrived, sharedPage } from './sharedPage';

// Camera flights and running clocks take a while on a software renderer.
test.setTimeout(300_000);

/** Waits until a presented step's clock has run through its span and holds. */
async function holding(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.flightrecon.state().playing, undefined, { timeout: 150_000 });
}

test.describe('presenter mode', () => {
  // One page for the two tests below (loaded once, at 1920x1080 with present=1); the dwell test loads its own.
  test.describe('on one page', () => {
    test.describe.configure({ mode: 'serial' });
    let page: Page;
    let watch: AppWatch;
    test.beforeAll(async ({ browser }) => {
      // A load: the time a test has here (a hook's own limit is otherwise the config's).
      test.setTimeout(300_000);
      page = await sharedPage(browser, { viewport: { width: 1920, height: 1080 } });
      watch = await openApp(page, '?step=turn-east&present=1');
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    test('readable at 1920x1080; a long step runs at a readable speed, present=1 and present(false)', async () => {
      const info = test.info();
      // The page's first test: the load with present=1.
      await expect(page.locator('body')).toHaveClass(/presenting/);
      const s0 = await page.evaluate(() => window.flightrecon.goToStep('turn-east'));
      expect(s0.playing).toBe(true);
      expect(s0.speed).toBeGreaterThan(5); // ~2 min span compressed into ~8 s
      // While the clock runs, the presented picture keeps its full resolution (auto quality may drop
      // the relief or the frame rate, never the pixel count the room sees).
      const widths: Array<{ buffer: number; css: number; playing: boolean }> = [];
      for (let i = 0; i < 6; i++) {
        widths.push(
          await page.evaluate(() => {
            const c = [...document.querySelectorAll<HTMLCanvasElement>('#globe canvas')].find((e) => !e.classList.contains('overlay-canvas'))!;
            return { buffer: c.width, css: c.clientWidth * devicePixelRatio, playing: window.flightrecon.state().playing };
          }),
        );
        await page.waitForTimeout(700);
      }
      expect(widths.some((w) => w.playing)).toBe(true);
      for (const w of widths) expect(w.buffer).toBeGreaterThanOrEqual(Math.floor(w.css));
      await holding(page);
      const s1 = await state(page);
      expect(s1.step?.id).toBe('turn-east');
      expect(s1.time).toBe('2024-12-25T05:26:57Z'); // one second before the next event
      await page.waitForTimeout(500);
      await saveScreenshot(page, 'presenter-turn-east-1920', info);
      const title = page.locator('.presenter-title');
      const size = await title.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(size).toBeGreaterThanOrEqual(44);
      const s2 = await page.evaluate(() => window.flightrecon.present(false));
      expect(s2.playing).toBe(false);
      await expect(page.locator('body')).not.toHaveClass(/presenting/);
      expectCleanRun(watch);
    });

    test('P enters; PageDown/PageUp step with a running clock, caption and URL follow; Esc leaves', async () => {
      const info = test.info();
      // As ?step=following-to-baku opens at 1280x720: not presenting (the page was loaded with
      // present=1; leaving restores the speed from before), at that size, at that step.
      await page.evaluate(() => window.flightrecon.present(false));
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.evaluate(() => window.flightrecon.goToStep('following-to-baku'));
      await arrived(page);
      expect((await state(page)).speed).toBe(30); // the speed a load has, restored below
      // The controls (the step buttons and the control panel they open) go while presenting.
      await openControls(page);
      await expect(page.locator('.step-nav')).toBeVisible();
      await page.keyboard.press('p');
      await expect(page.locator('body')).toHaveClass(/presenting/);
      await expect(page.locator('#controls')).toBeHidden();
      await expect(page.locator('.step-nav')).toBeHidden();
      await expect(page).toHaveURL(/present=1/);
      const lower = page.getByTestId('presenter-caption');
      await expect(lower).toContainText('Following');
      await expect(page.getByTestId('presenter-progress')).toContainText('Step 8 of');

      await page.keyboard.press('PageDown');
      await expect(lower).toContainText('impact');
      let s = await state(page);
      expect(s.step?.id).toBe('first-impact');
      await expect(page).toHaveURL(/step=first-impact/);
      await holding(page);
      s = await state(page);
      // The clock ran through the step's span (05:13:31 -> 05:13:32) and holds inside it.
      expect(Date.parse(s.time)).toBeGreaterThan(Date.parse('2024-12-25T05:13:31Z'));
      expect(s.step?.id).toBe('first-impact');

      await page.keyboard.press('PageDown');
      await expect(lower).toContainText('control');
      await expect(page).toHaveURL(/step=flight-controls-lost/);
      await holding(page);
      // Like slides: one PageUp goes back one step (it used to restart this step first).
      expect(Date.parse((await state(page)).time)).toBeGreaterThan(Date.parse('2024-12-25T05:13:32Z'));
      await page.keyboard.press('PageUp');
      s = await state(page);
      expect(s.step?.id).toBe('first-impact');
      await holding(page);
      s = await state(page);
      expect(s.step?.id).toBe('first-impact');
      await expect(page).toHaveURL(/step=first-impact/);
      await page.evaluate(() => window.flightrecon.settled()); // the camera flight ends
      await saveScreenshot(page, 'presenter-first-impact-1280', info);

      await page.keyboard.press('Escape');
      await expect(page.locator('body')).not.toHaveClass(/presenting/);
      await expect(page.locator('.step-nav')).toBeVisible();
      await expect(page).not.toHaveURL(/present=1/);
      expect((await state(page)).speed).toBe(30); // the speed from before presenting
      expectCleanRun(watch);
    });
  });

  test('auto-advance goes on after the dwell time', async ({ page }) => {
    const watch = await openApp(page, '?step=hydraulics-1-lost&present=1&dwell=1');
    await page.evaluate(() => window.flightrecon.goToStep('hydraulics-1-lost'));
    await page.waitForFunction(() => window.flightrecon.state().step?.id === 'hydraulics-2-lost', undefined, { timeout: 150_000 });
    await expect(page.getByTestId('presenter-caption')).toContainText('hydraulic');
    expectCleanRun(watch);
  });
});

test.describe('embedding', () => {
  /** A host page on `hostOrigin` with the app in an iframe; the host collects replies in window.replies. */
  async function host(page: Page, hostOrigin: string, iframeQuery: string): Promise<void> {
    await page.route(`${hostOrigin}/embed-host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body style="margin:0"><iframe id="app" src="${APP_ORIGIN}/${iframeQuery}" width="960" height="540"></iframe>
<script>window.replies=[];window.events=[];addEventListener('message',(e)=>{if(e.data&&e.data.flightrecon===1){(e.data.type?window.events:window.replies).push({origin:e.origin,data:e.data});}});
window.send=(id,method,args)=>document.getElementById('app').contentWindow.postMessage({flightrecon:1,id,method,args},'${APP_ORIGIN}');</script></body>`,
      }),
    );
    await page.goto(`${hostOrigin}/embed-host.html`);
    const frame = page.frameLocator('#app');
    await expect(frame.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 240_000 });
  }

  test('ui=0&embed=1: postMessage seeks, steps and switches language, replying with state', async ({ page }, info) => {
    await host(page, APP_ORIGIN, '?ui=0&embed=1');
    await page.waitForFunction(() => (window as unknown as { events: unknown[] }).events.length > 0); // 'ready'
    await page.evaluate(() => (window as unknown as { send: (...a: unknown[]) => void }).send(1, 'seek', ['2024-12-25T05:13:40Z']));
    await page.waitForFunction(() => (window as unknown as { replies: unknown[] }).replies.length >= 1);
    const reply = await page.evaluate(
      () => (window as unknown as { replies: { data: { id: number; ok: boolean; state: { time: string; step: { id: string } } } }[] }).replies[0]!.data,
    );
    expect(reply.id).toBe(1);
    expect(reply.ok).toBe(true);
    expect(reply.state.time).toBe('2024-12-25T05:13:40Z');
    expect(reply.state.step.id).toBe('depressurisation');
    await page.evaluate(() => (window as unknown as { send: (...a: unknown[]) => void }).send(2, 'setLanguage', ['de']));
    await page.evaluate(() => (window as unknown as { send: (...a: unknown[]) => void }).send(3, 'seek', ['not a time']));
    await page.evaluate(() => (window as unknown as { send: (...a: unknown[]) => void }).send(4, 'exportVideo', [{}]));
    await page.waitForFunction(() => (window as unknown as { replies: unknown[] }).replies.length >= 4);
    const rest = await page.evaluate(() =>
      (window as unknown as { replies: { data: { id: number; ok: boolean; error?: string; state: { lang: string } } }[] }).replies.map((r) => r.data),
    );
    const byId = new Map(rest.map((r) => [r.id, r]));
    expect(byId.get(2)!.ok).toBe(true);
    expect(byId.get(2)!.state.lang).toBe('de');
    expect(byId.get(3)!.ok).toBe(false);
    expect(byId.get(3)!.error).toMatch(/UTC time/);
    expect(byId.get(4)!.error).toMatch(/unknown method/);
    const frame = page.frameLocator('#app');
    await expect(frame.getByTestId('caption')).toContainText('Druck');
    await expect(frame.locator('#controls')).toBeHidden();
    await expect(frame.locator('.step-nav')).toBeHidden();
    await saveScreenshot(page, 'presenter-embed-host', info);
  });

  test('messages from another origin are ignored unless origin= allows them', async ({ page }) => {
    // A sandboxed frame (opaque origin "null") next to the app plays the foreign page.
    const foreign = `<iframe id="foreign" sandbox="allow-scripts" srcdoc="<script>addEventListener('message',(e)=>{if(e.data&&e.data.flightrecon===1)parent.postMessage({relay:e.data},'*')});parent.frames[0].postMessage({flightrecon:1,id:9,method:'seek',args:['2024-12-25T05:13:40Z']},'*');</script>"></iframe>`;
    const run = async (query: string, expectRelayed: number): Promise<{ relayed: number; time: string }> => {
      await host(page, APP_ORIGIN, query);
      await page.evaluate((html) => {
        (window as unknown as { relayed: unknown[] }).relayed = [];
        addEventListener('message', (e) => e.data?.relay && (window as unknown as { relayed: unknown[] }).relayed.push(e.data.relay));
        document.body.insertAdjacentHTML('beforeend', html);
      }, foreign);
      const count = () => page.evaluate(() => (window as unknown as { relayed: unknown[] }).relayed.length);
      // An answer is awaited until it comes (a loaded machine is slow); that none comes can only be seen after a while.
      if (expectRelayed > 0) await expect.poll(count, { timeout: 30_000 }).toBe(expectRelayed);
      else await page.waitForTimeout(3000);
      const relayed = await count();
      const time = await page.frameLocator('#app').getByTestId('clock-utc').textContent();
      return { relayed, time: time ?? '' };
    };
    const denied = await run('?ui=0&embed=1', 0);
    expect(denied.relayed).toBe(0);
    expect(denied.time).not.toContain('05:13:40');
    const allowed = await run('?ui=0&embed=1&origin=*', 1);
    expect(allowed.relayed).toBe(1);
    expect(allowed.time).toContain('05:13:40');
  });
});
