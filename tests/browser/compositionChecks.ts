/** Checks of one composed moment, run in the page: clipped text, and labels that collide or sit under a panel. */
import type { Page } from '@playwright/test';

export interface StepCheck {
  step: string;
  problems: string[];
}

/**
 * Visible text that is cut off: an element whose content overflows a box that hides or scrolls it
 * (unless marked `data-scrolls`, a list the reader scrolls on purpose), or text outside the view.
 */
export function clippedText(page: Page): Promise<StepCheck> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
    const reported: HTMLElement[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('[data-scrolls], svg, select, option, script, style')) continue;
      // One report per clipping box, not one per line inside it.
      if (reported.some((r) => r.contains(el))) continue;
      if (el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.opacity === '0') continue;
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const hides = (v: string) => v === 'hidden' || v === 'clip' || v === 'auto' || v === 'scroll';
      // Cesium's widget clips its canvas (and a credits box that is closed); its credit line is checked as text.
      const canvasBox = el.classList.contains('cesium-widget') || el.classList.contains('cesium-viewer');
      if (
        !canvasBox &&
        ((hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1) || (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1))
      ) {
        if ((el.textContent ?? '').trim() !== '') {
          problems.push(`text clipped in ${describe(el)}: "${(el.textContent ?? '').trim().slice(0, 60)}…"`);
          reported.push(el);
        }
        continue;
      }
      if (!text) continue;
      const r = el.getBoundingClientRect();
      if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1)
        problems.push(`text outside the view in ${describe(el)}: "${(el.textContent ?? '').trim().slice(0, 60)}"`);
    }
    return { step: window.flightrecon.state().step?.id ?? '', problems };
  });
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
