/**
 * Every event step is a clear picture at the four screen sizes, in explore and presenter mode: the
 * aircraft is on the stage (inside the view, and the globe — not a panel — under it and around
 * it), no text is clipped, and no two labels on the globe overlap or sit under a panel.
 * One loaded page per size and mode; camera moves are cuts (prefers-reduced-motion) and the globe
 * draws at quality=low, which changes neither the layout nor the composition, only the cost.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectCleanRun, openApp, saveScreenshot } from './support';
import { clippedText, labelProblems, type StepCheck } from './compositionChecks';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;
const MODES = ['explore', 'present'] as const;
/** Margin inside the view, and the ring around the aircraft that must show the globe. */
const MARGIN_PX = 16;

async function aircraftCheck(page: Page): Promise<StepCheck> {
  return page.evaluate((r) => {
    const fr = window.flightrecon;
    const s = fr.state();
    const p = fr.overlay?.probe().cesium ?? null;
    const problems: string[] = [];
    if (!p) return { step: s.step?.id ?? '', problems: ['the aircraft is not on screen'] };
    const w = innerWidth;
    const h = innerHeight;
    if (p.x < r || p.y < r || p.x > w - r || p.y > h - r)
      problems.push(`the aircraft at ${Math.round(p.x)},${Math.round(p.y)} is outside the view less ${r} px`);
    const st = s.stage;
    if (!st || p.x < st.x || p.y < st.y || p.x > st.x + st.width || p.y > st.y + st.height)
      problems.push(`the aircraft at ${Math.round(p.x)},${Math.round(p.y)} is off the stage ${JSON.stringify(st)}`);
    for (let k = -1; k < 8; k++) {
      const x = k < 0 ? p.x : p.x + r * Math.cos((k * Math.PI) / 4);
      const y = k < 0 ? p.y : p.y + r * Math.sin((k * Math.PI) / 4);
      const el = document.elementFromPoint(x, y);
      if (!el || !el.closest('#globe') || el.closest('.hud-panel')) {
        problems.push(
          `at ${Math.round(x)},${Math.round(y)} near the aircraft: ${el ? `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}` : 'nothing'}, not the globe`,
        );
        break;
      }
    }
    return { step: s.step?.id ?? '', problems };
  }, MARGIN_PX);
}

for (const size of SIZES) {
  for (const mode of MODES) {
    test(`${mode} at ${size.width}x${size.height}: every event step has the aircraft on the stage, no clipped text, no colliding labels`, async ({
      browser,
    }, info) => {
      test.setTimeout(300_000);
      const phone = size.width < 600;
      const context = await browser.newContext({ viewport: size, reducedMotion: 'reduce', hasTouch: phone, isMobile: phone, deviceScaleFactor: phone ? 2 : 1 });
      const page = await context.newPage();
      const watch = await openApp(page, '?quality=low');
      if (mode === 'present') await page.evaluate(() => window.flightrecon.present(true));
      const steps = (await page.evaluate(() => window.flightrecon.steps())).filter((s) => s.kind === 'event');
      expect(steps.length).toBeGreaterThan(20);
      const failures: string[] = [];
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i]!;
        await page.evaluate((id) => window.flightrecon.goToStep(id).then(() => window.flightrecon.settled()), step.id);
        const checks: StepCheck[] = [await aircraftCheck(page), await clippedText(page), await labelProblems(page)];
        // Presenter mode runs the clock through the step: the aircraft stays on the stage to its end.
        const next = steps[i + 1];
        if (mode === 'present' && next) {
          const hold = new Date(Date.parse(next.time) - 1000).toISOString().replace('.000', '');
          await page.evaluate((t) => window.flightrecon.pause().then(() => window.flightrecon.seek(t)), hold);
          const late = await aircraftCheck(page);
          checks.push({ step: `${step.id} (end of its span)`, problems: late.problems });
        }
        for (const c of checks) for (const p of c.problems) failures.push(`${step.id}: ${p}`);
        if (['first-impact', 'turn-east', 'mayday', 'impact'].includes(step.id))
          await saveScreenshot(page, `composition-${mode}-${size.width}x${size.height}-${step.id}`, info);
      }
      expect(failures, failures.join('\n')).toEqual([]);
      expectCleanRun(watch);
      await context.close();
    });
  }
}
