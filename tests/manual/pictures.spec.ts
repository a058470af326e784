/**
 * Not part of `npm test` (about 10 minutes on a software renderer): `npm run pictures` takes the key
 * steps at the four screens the layout is built for, exploring and presenting, and the aircraft
 * cameras at the first impact, at full quality, into test-results/screenshots/pictures/ with a
 * contact sheet (index.html) that names each picture's stage share, aircraft position and labels.
 * It is for a person to look at, as a film editor would: is the subject on the stage, can the back
 * row read it, does anything collide? The automatic checks of the same things are in
 * tests/browser/composition.spec.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, expectCleanRun, openApp } from '../browser/support';
import { aircraftOnStage, labelProblems, LAYOUT_SCREENS as SCREENS, screenContext, type ScreenSize as Screen } from '../browser/compositionChecks';

test.setTimeout(1_800_000);

const OUT = `${ARTIFACTS}/pictures`;

/** The moments a class sees first: the damage, the crossing, the crash, the acknowledgement. */
const KEY_STEPS = ['take-off', 'first-impact', 'second-impact', 'turn-east', 'drift-north', 'mayday', 'impact', 'putin-dushanbe'];
const CAMERAS = ['follow', 'damage', 'cockpit'] as const;

interface Picture {
  file: string;
  screen: string;
  mode: string;
  step: string;
  stageShare: number;
  aircraft: string;
  labels: number;
  problems: string[];
}

async function take(page: Page, screen: Screen, mode: string, step: string): Promise<Picture> {
  await page.evaluate(() => window.flightrecon.settled());
  // Every tile of the view loaded (a tile still loading shows its parent, magnified and blurred).
  await page.evaluate(() => window.flightrecon.debug!.imageryLoaded());
  await page.waitForTimeout(400); // the sharp still after the last move
  const name = `${screen.width}x${screen.height}-${mode}-${step}`;
  await page.screenshot({ path: `${OUT}/${name}.png` });
  const figures = await page.evaluate(() => {
    const fr = window.flightrecon;
    const st = fr.state().stage;
    const p = fr.overlay?.probe().cesium ?? null;
    return {
      share: st ? (st.width * st.height) / (innerWidth * innerHeight) : 0,
      aircraft: p ? `${Math.round(p.x)},${Math.round(p.y)}` : 'not on screen',
      labels: fr.labels().length,
    };
  });
  // The cockpit camera sits in the aircraft: there is no aircraft to see.
  const problems = [...(mode === 'cockpit' ? [] : (await aircraftOnStage(page)).problems), ...(await labelProblems(page)).problems];
  return {
    file: `${name}.png`,
    screen: `${screen.width}x${screen.height}`,
    mode,
    step,
    stageShare: figures.share,
    aircraft: figures.aircraft,
    labels: figures.labels,
    problems,
  };
}

function contactSheet(pictures: readonly Picture[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cells = pictures
    .map(
      (p) => `<figure><a href="${p.file}"><img src="${p.file}" loading="lazy" alt="${esc(p.file)}"></a>
<figcaption><b>${esc(p.step)}</b> · ${p.screen} · ${p.mode} · stage ${(p.stageShare * 100).toFixed(0)} % · aircraft ${p.aircraft} · ${p.labels} labels${
        p.problems.length ? `<br><span class="bad">${p.problems.map(esc).join('<br>')}</span>` : ''
      }</figcaption></figure>`,
    )
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>flightrecon pictures</title>
<style>body{font:14px system-ui;margin:1em;background:#222;color:#ddd}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:1em}
img{width:100%;border:1px solid #555}figure{margin:0}.bad{color:#f88}</style>
<h1>flightrecon: the key steps at every screen</h1><main>${cells}</main>`;
}

test('the key steps and the aircraft cameras at every screen, for a person to look at', async ({ browser }) => {
  mkdirSync(OUT, { recursive: true });
  const pictures: Picture[] = [];
  for (const screen of SCREENS) {
    const context = await browser.newContext(screenContext(screen));
    const page = await context.newPage();
    const watch = await openApp(page, '?quality=high');
    for (const mode of ['explore', 'present']) {
      if (mode === 'present') await page.evaluate(() => window.flightrecon.present(true));
      for (const step of KEY_STEPS) {
        await page.evaluate((id) => window.flightrecon.goToStep(id), step);
        pictures.push(await take(page, screen, mode, step));
      }
      if (mode === 'present') await page.evaluate(() => window.flightrecon.present(false));
    }
    await page.evaluate(() => window.flightrecon.goToStep('first-impact'));
    for (const camera of CAMERAS) {
      await page.evaluate((c) => window.flightrecon.setCamera(c), camera);
      pictures.push(await take(page, screen, camera, 'first-impact'));
    }
    await page.evaluate(() => window.flightrecon.setCamera('overview'));
    expectCleanRun(watch);
    await context.close();
    writeFileSync(`${OUT}/index.html`, contactSheet(pictures));
  }
  writeFileSync(`${OUT}/pictures.json`, JSON.stringify(pictures, null, 2));
  expect(pictures.length).toBe(SCREENS.length * (2 * KEY_STEPS.length + CAMERAS.length));
});
