/** Checks of one composed moment, run in the page: clipped text, and labels that collide or sit under a panel. */
import type { BrowserContextOptions, Page } from '@playwright/test';
import { clippedText as clippedTextIn } from './layoutChecks';

export interface StepCheck {
  step: string;
  problems: string[];
}

/**
 * Visible text that is cut off (tests/browser/layoutChecks.ts), leaving out the label layer's
 * transparent targets: their text is for hover, focus and screen readers; the labels themselves are
 * drawn on the globe's canvas and checked by labelProblems.
 */
export async function clippedText(page: Page): Promise<StepCheck> {
  const clipped = await clippedTextIn(page, { exclude: '.globe-label-hits' });
  return { step: '', problems: clipped.map((c) => `text cut (${c.how}) in ${c.where}: "${c.text}"`) };
}

/** Margin inside the view, and the ring around the aircraft that must show the globe. */
const MARGIN_PX = 16;

/**
 * The aircraft is on the stage: its screen point (the overlay's projection probe) inside the view
 * less a margin and inside the stage, and the globe — not a panel — under it and 16 px around it.
 */
export function aircraftOnStage(page: Page): Promise<StepCheck> {
  return page.evaluate((r) => {
    const fr = window.flightrecon;
    const s = fr.state();
    const p = fr.overlay?.probe().cesium ?? null;
    const problems: string[] = [];
    if (!p) return { step: s.step?.id ?? '', problems: ['the aircraft is not on screen'] };
    const at = `${Math.round(p.x)},${Math.round(p.y)}`;
    if (p.x < r || p.y < r || p.x > innerWidth - r || p.y > innerHeight - r) problems.push(`the aircraft at ${at} is outside the view less ${r} px`);
    const st = s.stage;
    if (!st || p.x < st.x || p.y < st.y || p.x > st.x + st.width || p.y > st.y + st.height)
      problems.push(`the aircraft at ${at} is off the stage ${JSON.stringify(st)}`);
    for (let k = -1; k < 8; k++) {
      const x = k < 0 ? p.x : p.x + r * Math.cos((k * Math.PI) / 4);
      const y = k < 0 ? p.y : p.y + r * Math.sin((k * Math.PI) / 4);
      const el = document.elementFromPoint(x, y);
      if (!el || !el.closest('#globe') || el.closest('.hud-panel')) {
        const what = el ? `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}` : 'nothing';
        problems.push(`at ${Math.round(x)},${Math.round(y)} near the aircraft: ${what}, not the globe`);
        break;
      }
    }
    return { step: s.step?.id ?? '', problems };
  }, MARGIN_PX);
}

/** Labels on the globe (flightrecon.labels()) that overlap each other or a HUD panel. */
export function labelProblems(page: Page): Promise<StepCheck> {
  return page.evaluate(() => {
    type Box = { text: string; x: number; y: number; width: number; height: number };
    const fr = window.flightrecon as typeof window.flightrecon & { labels?: () => Box[] };
    const problems: string[] = [];
    if (typeof fr.labels !== 'function') return { step: '', problems: ['flightrecon.labels() is missing'] };
    const labels = fr.labels();
    const panels = [...document.querySelectorAll('.hud-panel')].map((p) => p.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
      a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
    for (let i = 0; i < labels.length; i++) {
      const a = labels[i]!;
      for (let j = i + 1; j < labels.length; j++) if (overlap(a, labels[j]!)) problems.push(`labels overlap: "${a.text}" and "${labels[j]!.text}"`);
      for (const p of panels) if (overlap(a, { x: p.left, y: p.top, width: p.width, height: p.height })) problems.push(`label "${a.text}" under a panel`);
    }
    return { step: fr.state().step?.id ?? '', problems };
  });
}

/** A screen the layout is built for. */
export interface ScreenSize {
  readonly width: number;
  readonly height: number;
  readonly phone: boolean;
}

/** The four screens of the layout checks and the pictures: projector, laptop, full HD, a phone held upright. */
export const LAYOUT_SCREENS: readonly ScreenSize[] = [
  { width: 1280, height: 720, phone: false },
  { width: 1366, height: 768, phone: false },
  { width: 1920, height: 1080, phone: false },
  { width: 390, height: 844, phone: true },
];

/** A browser context like that screen: its viewport, and touch with a 2x display on the phone. */
export function screenContext(screen: ScreenSize): BrowserContextOptions {
  return {
    viewport: { width: screen.width, height: screen.height },
    hasTouch: screen.phone,
    isMobile: screen.phone,
    deviceScaleFactor: screen.phone ? 2 : 1,
  };
}
