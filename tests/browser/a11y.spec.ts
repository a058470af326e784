/**
 * Accessibility: axe-core scans (no serious or critical violation) in explore mode, with the control
 * panel open, in each language, in presenter mode, zoomed to 200 % and without WebGL; a keyboard-only
 * walk (skip link, caption, ten steps, the control panel in and out, presenter mode in and out, the
 * focus visible at every stop); reduced motion (a step is a camera cut; presenter mode waits for a
 * key); forced colours. Each scan prints its violations (id, impact, count) to the test output.
 * The scans cover the whole page, Cesium's widget markup included: nothing had to be excluded (its
 * credits and canvas raise no violation), so there is no `exclude` here — add one only for a
 * violation inside Cesium's own markup that cannot be fixed from outside, and say so beside it.
 */
import { mkdirSync } from 'node:fs';
import { chromium, expect, test, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { APP_ORIGIN, ARTIFACTS, expectCleanRun, openApp, state, type AppWatch } from './support';
import { arrived, sharedPage } from './sharedPage';
import { launchOptions } from './launch';

// Camera flights and presented steps take a while on a software renderer.
test.setTimeout(240_000);

const SHOTS = '.tmp';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const png = await page.screenshot({ path: `${SHOTS}/a11y-${name}.png` });
  await test.info().attach(`a11y-${name}`, { body: png, contentType: 'image/png' });
}

/** Runs axe on the page, prints every violation (id, impact, count) and fails on serious or critical ones. */
async function scan(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const lines = results.violations.map(
    (v) =>
      `  ${v.id} · ${v.impact ?? 'n/a'} · ${v.nodes.length} (${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 3 ? ', …' : ''})`,
  );
  console.log(
    `axe [${label}]: ${results.violations.length} violation(s), ${results.passes.length} rules passed, ${results.incomplete.length} to review (${results.incomplete.map((r) => `${r.id} ×${r.nodes.length}`).join(', ')})${lines.length ? `\n${lines.join('\n')}` : ''}`,
  );
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(bad, `serious or critical axe violations [${label}]`).toEqual([]);
}

/**
 * Text over the globe at its worst: each visible text's colour against its panels' backgrounds
 * composited over pure white and over pure black (the map under a translucent panel can be either),
 * the lower of the two contrasts. Returns the texts below 4.5:1. axe leaves these "to review": it
 * cannot see through a translucent panel to a canvas.
 */
function worstCaseContrast(page: Page): Promise<{ low: string[]; checked: number; min: string }> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const n = (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
      return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n.length > 3 ? n[3]! : 1];
    };
    const over = (top: Rgba, under: number[]): number[] => [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3]));
    const lum = (c: number[]) => {
      const l = c.map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * l[0]! + 0.7152 * l[1]! + 0.0722 * l[2]!;
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const out: string[] = [];
    const seen = new Set<Element>();
    let checked = 0;
    let min = { ratio: Infinity, what: '' };
    for (const root of document.querySelectorAll('#hud, #controls, .presenter, .skip-link')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || seen.has(el) || !(node.textContent ?? '').trim()) continue;
        seen.add(el);
        if (el.closest('.globe-label-hits, [hidden], button:disabled, .visually-hidden') || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility !== 'visible') continue;
        // Backgrounds from the text up to the first opaque one; below that, the map (white or black at worst).
        const layers: Rgba[] = [];
        for (let e: Element | null = el; e; e = e.parentElement) {
          const bg = parse(getComputedStyle(e).backgroundColor);
          if (bg[3] > 0) layers.push(bg);
          if (bg[3] >= 1) break;
        }
        const fg = parse(style.color);
        let worst = Infinity;
        for (const base of [
          [255, 255, 255],
          [0, 0, 0],
        ]) {
          let bg = base;
          for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i]!, bg);
          worst = Math.min(worst, ratio(over(fg, bg), bg));
        }
        checked++;
        if (worst < min.ratio) min = { ratio: worst, what: `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}` };
        if (worst < 4.5)
          out.push(
            `${worst.toFixed(2)}:1 ${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}: "${(node.textContent ?? '').trim().slice(0, 40)}"`,
          );
      }
    }
    return { low: out, checked, min: `${min.ratio.toFixed(2)}:1 at ${min.what}` };
  });
}

/** Prints the lowest worst-case contrast and fails on text below 4.5:1. */
async function expectReadableOverMap(page: Page, label: string): Promise<void> {
  const r = await worstCaseContrast(page);
  console.log(`contrast [${label}]: ${r.checked} texts, lowest ${r.min} (panels over a white or black map)`);
  expect(r.low, `text below 4.5:1 over a white or black map [${label}]`).toEqual([]);
}

interface Focus {
  tag: string;
  id: string;
  cls: string;
  role: string | null;
  name: string;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  inControls: boolean;
  box: { x: number; y: number; width: number; height: number };
}

/** The focused element and how its focus shows (for lil-gui's transparent selects: their display box). */
function focused(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return null;
    const shown = a.tagName === 'SELECT' && a.nextElementSibling?.classList.contains('lil-display') ? (a.nextElementSibling as HTMLElement) : a;
    const s = getComputedStyle(shown);
    const r = shown.getBoundingClientRect();
    return {
      tag: a.tagName,
      id: a.id,
      cls: typeof a.className === 'string' ? a.className : '',
      role: a.getAttribute('role'),
      name: (a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 60),
      focusVisible: a.matches(':focus-visible'),
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth),
      inControls: !!a.closest('#controls'),
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
}

/** The focus is on something, shown by a ring of at least 2 px, on an element that is on the screen. */
async function expectVisibleFocus(page: Page, where: string): Promise<Focus> {
  const f = await focused(page);
  expect(f, `focus (${where})`).not.toBeNull();
  expect(f!.focusVisible, `:focus-visible (${where}: ${f!.tag}.${f!.cls})`).toBe(true);
  expect(f!.outlineStyle, `focus ring (${where}: ${f!.tag}.${f!.cls})`).not.toBe('none');
  expect(f!.outlineWidth, `focus ring width (${where})`).toBeGreaterThanOrEqual(2);
  expect(f!.box.width * f!.box.height, `focused element on screen (${where}: ${f!.tag}.${f!.cls})`).toBeGreaterThan(0);
  return f!;
}

test.describe('accessibility', () => {
  // One page for explore mode (plain load, 1280x720): the keyboard walk first, while the page is fresh.
  test.describe('explore, on one page', () => {
    test.describe.configure({ mode: 'serial' });
    let page: Page;
    let watch: AppWatch;
    test.beforeAll(async ({ browser }) => {
      test.setTimeout(120_000);
      page = await sharedPage(browser);
      watch = await openApp(page);
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    test('keyboard only: skip link, caption, ten steps, control panel in and out, presenter mode in and out', async () => {
      // The first Tab reaches the skip link, shown while focused.
      await page.keyboard.press('Tab');
      let f = await expectVisibleFocus(page, 'skip link');
      expect(f.cls).toContain('skip-link');
      expect(f.box.width).toBeGreaterThan(60);
      // A plain start opens on the title card: the link leads to its Start button.
      expect((await state(page)).card).toBe('title');
      await expect(page.getByTestId('skip-link')).toHaveText('Skip to Start');
      await shot(page, 'skip-link');
      // The next stops are the map's labels that have more to say (over the globe itself); then back.
      await page.keyboard.press('Tab');
      f = await expectVisibleFocus(page, 'after the skip link');
      if (f.cls.includes('globe-label-hit')) await shot(page, 'focus-globe-label');
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page))?.cls).toContain('skip-link');

      // It moves the focus to Start; Enter there shows step 1 and the focus goes on to the caption, a labelled region.
      await page.keyboard.press('Enter');
      f = await expectVisibleFocus(page, 'Start on the title card');
      expect(f.cls).toContain('title-card-start');
      await page.keyboard.press('Enter');
      expect((await state(page)).card).toBeNull();
      await expect(page.getByTestId('skip-link')).toHaveText('Skip to caption');
      f = await expectVisibleFocus(page, 'caption');
      expect(f.id).toBe('caption');
      await expect(page.getByTestId('caption')).toHaveAttribute('aria-label', /caption/i);
      const s0 = await state(page);
      expect(s0.step?.index).toBe(0);

      // Ten steps with the keys (PageDown and the right arrow); each is announced once, and the view described.
      const announcer = page.getByTestId('step-announcer');
      await expect(announcer).toHaveAttribute('aria-live', 'polite');
      const description = page.getByTestId('view-description');
      for (let k = 1; k < 10; k++) {
        await page.keyboard.press(k % 2 ? 'PageDown' : 'ArrowRight');
        const s = await state(page);
        expect(s.step?.index, `step after ${k} key presses`).toBe(k);
        await expect(announcer).toContainText(`Step ${k + 1} of ${s.stepCount}: ${s.step!.title}`);
        await expect(description).toContainText(`Step ${k + 1} of ${s.stepCount}: ${s.step!.title}.`);
        await expect(description).toContainText(/Position: (measured|reported|inferred)/);
        f = await expectVisibleFocus(page, `caption at step ${k + 1}`);
        expect(f.id).toBe('caption');
      }
      await page.keyboard.press('PageUp');
      await page.keyboard.press('Home');
      expect((await state(page)).step?.index).toBe(0);

      // Tab on to the step buttons; the "Controls" button opens the panel and the focus goes in.
      const stops: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        f = await expectVisibleFocus(page, `Tab ${i + 1} from the caption`);
        stops.push(f.cls || f.tag);
        if (f.cls.includes('step-controls')) break;
      }
      expect(stops.some((c) => c.includes('step-next'))).toBe(true);
      expect(stops.at(-1)).toContain('step-controls');
      await shot(page, 'focus-ring');
      await page.keyboard.press('Enter');
      await expect(page.locator('#controls')).toBeVisible();
      f = await expectVisibleFocus(page, 'control panel title');
      expect(f.inControls).toBe(true);

      // Through the panel: every stop shows its focus; the scrubber, step list, camera, language,
      // layers, export and file buttons are reached; Tab leaves the panel again (no trap).
      const panelStops: Focus[] = [];
      let left = false;
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const at = await focused(page);
        if (!at || !at.inControls) {
          left = true;
          break;
        }
        f = await expectVisibleFocus(page, `control panel stop ${i + 1}`);
        panelStops.push(f);
        if (f.role === 'slider' && panelStops.filter((p) => p.role === 'slider').length === 1) {
          // The time scrubber moves with the keys, and the app's arrow keys leave it alone.
          const before = Date.parse((await state(page)).time);
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('PageUp');
          expect(Date.parse((await state(page)).time) - before).toBe(310_000);
          expect((await state(page)).step?.index).toBe(0);
          await page.keyboard.press('Home');
          await expect(page.locator('#controls [role="slider"]')).toHaveAttribute('aria-valuetext', /UTC/);
          await shot(page, 'focus-scrubber');
        }
      }
      expect(left, 'Tab leaves the control panel').toBe(true);
      const names = panelStops.map((p) => `${p.tag}:${p.name}`).join(' | ');
      expect(
        panelStops.some((p) => p.role === 'slider'),
        names,
      ).toBe(true);
      expect(panelStops.filter((p) => p.tag === 'SELECT').length, names).toBeGreaterThanOrEqual(4); // speed, step, camera, language (+ imagery, quality)
      for (const word of ['Sources', 'Open flight file', 'Export data', 'Layers', 'Present']) expect(names, word).toContain(word);
      // Back into the panel with Shift+Tab; Esc closes it and the focus returns to its button.
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page))?.inControls).toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.locator('#controls')).toBeHidden();
      f = await expectVisibleFocus(page, 'after Esc in the panel');
      expect(f.cls).toContain('step-controls');

      // Presenter mode with P: the focus goes to its "next" button; PageDown steps; Esc leaves and gives the focus back.
      await page.keyboard.press('p');
      await expect(page.locator('body')).toHaveClass(/presenting/);
      f = await expectVisibleFocus(page, 'presenter mode');
      expect(f.cls).toContain('presenter-step');
      await shot(page, 'presenter-focus');
      await page.keyboard.press('PageDown');
      expect((await state(page)).step?.index).toBe(1);
      await expect(announcer).toContainText('Step 2 of');
      await page.keyboard.press('Escape');
      await expect(page.locator('body')).not.toHaveClass(/presenting/);
      f = await expectVisibleFocus(page, 'after leaving presenter mode');
      expect(f.cls).toContain('step-controls');
      expectCleanRun(watch);
    });

    test('axe: explore mode, the control panel open, each language, presenter mode', async () => {
      await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
      await arrived(page);
      // With the control panel open: the whole page is scanned, the panel's markup too.
      await page.getByTestId('caption').locator('.step-controls').click();
      await expect(page.locator('#controls')).toBeVisible();
      await scan(page, 'explore en, control panel open');
      await expectReadableOverMap(page, 'explore en, control panel open');
      for (const lang of ['de', 'ru', 'az'] as const) {
        await page.evaluate((l) => window.flightrecon.setLanguage(l), lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await scan(page, `explore ${lang}, control panel open`);
      }
      await page.evaluate(() => window.flightrecon.setLanguage('en'));
      await page.evaluate(() => window.flightrecon.present(true));
      await scan(page, 'presenter (API) en');
      await expectReadableOverMap(page, 'presenter en');
      await page.evaluate(() => window.flightrecon.present(false));
      await page.evaluate(() => window.flightrecon.pause());
      expectCleanRun(watch);
    });

    test('the globe is a described region; the step list, legend and chart say provenance in words and patterns', async () => {
      const globe = page.locator('#globe');
      await expect(globe).toHaveAttribute('role', 'region');
      await expect(globe).toHaveAttribute('aria-label', '3D view of the flight');
      const s = await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
      const description = page.getByTestId('view-description');
      await expect(description).toContainText(`Step ${s.step!.index + 1} of ${s.stepCount}: ${s.step!.title}.`);
      await expect(description).toContainText(/Time: 05:13:\d\d UTC\./);
      await expect(description).toContainText(/Altitude: about [\d,]+ m \((measured|reported|inferred)\)\./);
      await expect(description).toContainText(/Place: .+\./);
      // Not per frame: while the flight plays, the description keeps its words until the step changes.
      const before = await description.textContent();
      await page.evaluate(() => window.flightrecon.setSpeed(1));
      await page.evaluate(() => window.flightrecon.play());
      await page.waitForTimeout(1500);
      const during = await page.evaluate(() => ({ text: document.getElementById('view-description')!.textContent, step: window.flightrecon.state().step!.id }));
      await page.evaluate(() => window.flightrecon.pause());
      if (during.step === 'first-impact') expect(during.text).toBe(before);
      await page.evaluate(() => window.flightrecon.setSpeed(30));
      // The step list is a native list box (keyboard: arrows, type-ahead) with every step as an option.
      const options = page.locator('#controls .step-list select option');
      expect(await options.count()).toBe(s.stepCount);
      // Provenance in the legend: a pattern (dashes) and a word per kind, not colour alone.
      const legendText = await page.locator('.legend').textContent();
      for (const word of ['reported', 'inferred']) expect(legendText).toContain(word);
      const dashes = await page.locator('.legend svg line[stroke-dasharray]').count();
      expect(dashes).toBeGreaterThan(0);
    });

    test('zoomed to 200 % (640x360 CSS px): no panel covers another, every word and button can be reached', async () => {
      await page.setViewportSize({ width: 640, height: 360 });
      await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
      await arrived(page);
      await shot(page, 'zoom-200');
      // No two panels overlap (the caption scrolls within the room under the top row instead).
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.hud-panel')]
          .filter((e) => e.offsetParent !== null && !e.closest('#controls'))
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { cls: e.className, x: r.x, y: r.y, r: r.right, b: r.bottom };
          }),
      );
      for (const a of boxes)
        for (const b of boxes) {
          if (a === b) continue;
          const overlap = Math.min(a.r, b.r) - Math.max(a.x, b.x) > 1 && Math.min(a.b, b.b) - Math.max(a.y, b.y) > 1;
          expect(overlap, `${a.cls} overlaps ${b.cls}`).toBe(false);
        }
      // Every text and button of the caption, the top row and the timeline: scrolled into view (inside
      // its own box if it scrolls), it is inside the viewport and on top (not covered by another panel).
      const hidden = await page.evaluate(() => {
        const out: string[] = [];
        const items = document.querySelectorAll<HTMLElement>(
          '.caption-panel h2, .caption-panel p, .caption-panel button, .caption-panel a, .claims-head, .clock-utc, .systems-toggle, .legend-toggle, .profile-toggle, .profile-timeline',
        );
        for (const e of items) {
          if (e.offsetParent === null || e.closest('[hidden]')) continue;
          e.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          const r = e.getBoundingClientRect();
          const x = r.left + Math.min(r.width / 2, 8);
          const y = r.top + r.height / 2;
          const top = document.elementFromPoint(x, y);
          const inView = r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1;
          if (!inView || !top || !(e === top || e.contains(top) || top.contains(e)))
            out.push(`${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`);
        }
        document.querySelector('.caption-panel')?.scrollTo(0, 0);
        return out;
      });
      expect(hidden).toEqual([]);
      await page.getByTestId('caption').locator('.step-controls').focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('#controls')).toBeVisible();
      await shot(page, 'zoom-200-controls');
      await scan(page, 'zoom 200 %, control panel open');
      await page.keyboard.press('Escape');
      await expect(page.locator('#controls')).toBeHidden();
      await page.evaluate(() => window.flightrecon.present(true));
      await shot(page, 'zoom-200-presenter');
      await page.evaluate(() => window.flightrecon.present(false));
      await page.evaluate(() => window.flightrecon.pause());
      await page.setViewportSize({ width: 1280, height: 720 });
    });

    test('forced colours: panels, caption, focus and legend swatches stay visible', async () => {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
      await arrived(page);
      await page.getByTestId('caption').locator('.step-next').focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await expectVisibleFocus(page, 'forced colours');
      expect(ring.cls).toContain('step-next');
      const looks = await page.evaluate(() => {
        const cap = getComputedStyle(document.querySelector('.caption-panel')!);
        const swatch = document.querySelector('.legend svg line');
        return {
          captionBorder: cap.borderTopStyle,
          captionText: cap.color,
          captionBg: cap.backgroundColor,
          swatch: swatch ? getComputedStyle(swatch).stroke : '',
        };
      });
      expect(looks.captionBorder).toBe('solid');
      expect(looks.captionText).not.toBe(looks.captionBg);
      // The swatch keeps the globe's colour (forced-color-adjust: none), so the key still matches the map.
      expect(looks.swatch).not.toBe('');
      await shot(page, 'forced-colors');
      await page.emulateMedia({ forcedColors: 'none' });
    });

    test('reduced motion (switched on while the page is open): a step change is a camera cut', async () => {
      /** Goes to a step: whether the camera was moving right after the request, and in the first frame drawn. */
      const go = (id: string) =>
        page.evaluate((step) => {
          const drawn = window.flightrecon.goToStep(step);
          const atOnce = window.flightrecon.state().cameraMoving;
          return drawn.then((s) => ({ atOnce, firstFrame: s.cameraMoving }));
        }, id);
      // Without the preference the camera flies (eased, about 1.4 s): the check below is not empty.
      await page.evaluate(() => window.flightrecon.goToStep('off-block').then(() => window.flightrecon.settled()));
      expect((await go('impact')).atOnce).toBe(true);
      await page.evaluate(() => window.flightrecon.settled());
      await page.emulateMedia({ reducedMotion: 'reduce' });
      // The browser reports a media change at its next rendering step (before animation frame callbacks).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      for (const id of ['off-block', 'first-impact']) {
        const moved = await go(id);
        expect(moved, `camera after goToStep(${id})`).toEqual({ atOnce: false, firstFrame: false });
        // settled() has nothing to wait for: the frame drawn shows the shot.
        const settled = await page.evaluate(() => window.flightrecon.settled());
        expect(settled.cameraMoving).toBe(false);
      }
      await page.emulateMedia({ reducedMotion: 'no-preference' });
    });
  });

  test.describe('presenter mode (present=1&dwell=1) with reduced motion', () => {
    test('waits for a key instead of advancing; steps are cuts; axe', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const watch = await openApp(page, '?step=hydraulics-1-lost&present=1&dwell=1');
      await expect(page.locator('body')).toHaveClass(/presenting/);
      const s = await page.evaluate(() => window.flightrecon.goToStep('hydraulics-1-lost'));
      expect(s.cameraMoving).toBe(false);
      await scan(page, 'presenter (present=1) en, reduced motion');
      // The presented step runs its clock, then holds; with dwell=1 it would go on a second later.
      await page.waitForFunction(() => !window.flightrecon.state().playing, undefined, { timeout: 150_000 });
      await page.waitForTimeout(3000);
      expect((await state(page)).step?.id).toBe('hydraulics-1-lost');
      await expect(page.locator('.presenter-button[aria-pressed]')).toHaveAttribute('aria-pressed', 'false');
      // A key goes on, with a cut.
      await page.keyboard.press('PageDown');
      const next = await page.evaluate(() => window.flightrecon.state());
      expect(next.step?.id).toBe('hydraulics-2-lost');
      expect(next.cameraMoving).toBe(false);
      expectCleanRun(watch);
    });
  });

  test.describe('without WebGL', () => {
    // Its own browser without WebGL (as tests/browser/noWebgl.spec.ts; test.use of launch options would
    // need a file of its own).
    test('the flat map fallback: axe, a described region, the skip link', async () => {
      const browser = await chromium.launch(
        launchOptions(['--disable-webgl', '--disable-3d-apis', '--disable-gpu'], ['--use-angle=swiftshader', '--enable-unsafe-swiftshader']),
      );
      const context = await browser.newContext({ baseURL: `${APP_ORIGIN}/`, viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      try {
        await flatMapChecks(page);
      } finally {
        await browser.close();
      }
    });
  });
});

/** The flat map without WebGL: a labelled, described region; axe; the skip link to the caption. */
async function flatMapChecks(page: Page): Promise<void> {
  const watch = await openApp(page, '?step=first-impact');
  await expect(page.getByTestId('flat-map')).toBeVisible();
  await expect(page.locator('#globe')).toHaveAttribute('aria-label', 'Flat map of the flight');
  await expect(page.getByTestId('view-description')).toContainText('Step ');
  await scan(page, 'no WebGL (flat map) en');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page, 'skip link without WebGL');
  await page.keyboard.press('Enter');
  expect((await focused(page))?.id).toBe('caption');
  expectCleanRun(watch);
}
