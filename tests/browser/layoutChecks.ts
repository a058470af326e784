/**
 * Layout checks shared by browser tests: text that the layout cuts off, and the HUD panels' boxes.
 * They read the page as a user sees it (text nodes' rendered boxes, computed overflow), so they
 * fail on a caption cut mid-sentence, a label running out of its box, an ellipsis, or text pushed
 * off the screen.
 */
import type { Page } from '@playwright/test';

export interface ClippedText {
  /** The start of the text that is cut. */
  readonly text: string;
  /** A short CSS path of the element holding it. */
  readonly where: string;
  /** How: cut by an ancestor with overflow hidden/clip/auto/scroll, off the viewport, or ellipsized / line-clamped. */
  readonly how: 'overflow' | 'viewport' | 'ellipsis';
  readonly box: { x: number; y: number; width: number; height: number };
}

export interface ClippedTextOptions {
  /** Only text inside elements matching this selector (default: the whole page). */
  readonly within?: string;
  /** Skip text inside elements matching this selector (e.g. globe labels placed by another module). */
  readonly exclude?: string;
}

/**
 * Visible text that is clipped: a text node whose rendered box reaches more than 1 px beyond the
 * padding box of an ancestor that clips (overflow other than visible), or beyond the viewport; or an
 * element whose text ellipsizes or is line-clamped. Text inside an element marked `data-scrolls`
 * (a box the user scrolls on purpose: an expanded caption, an open control panel) may scroll out of
 * that box; the box itself must still be whole.
 */
export function clippedText(page: Page, options: ClippedTextOptions = {}): Promise<ClippedText[]> {
  return page.evaluate(({ within, exclude }) => {
    const TOL = 1;
    const out: {
      text: string;
      where: string;
      how: 'overflow' | 'viewport' | 'ellipsis';
      box: { x: number; y: number; width: number; height: number };
    }[] = [];
    const path = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3 && e !== document.body; e = e.parentElement) {
        const cls = typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
      }
      return parts.join(' > ');
    };
    const clips = (style: CSSStyleDeclaration): { x: boolean; y: boolean } => ({
      x: style.overflowX !== 'visible',
      y: style.overflowY !== 'visible',
    });
    /** The padding box of an element in viewport coordinates. */
    const innerBox = (el: Element): { left: number; top: number; right: number; bottom: number } => {
      const r = el.getBoundingClientRect();
      const left = r.left + el.clientLeft;
      const top = r.top + el.clientTop;
      return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
    };
    const roots = within ? Array.from(document.querySelectorAll(within)) : [document.body];
    const seenEllipsis = new Set<Element>();
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (!text.trim()) continue;
        const parent = node.parentElement;
        if (!parent || (exclude && parent.closest(exclude))) continue;
        if (parent.closest('script, style, noscript, template, title')) continue;
        const style = getComputedStyle(parent);
        if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (r.width < 0.5 || r.height < 0.5) continue; // not rendered (display: none, collapsed)
        const box = { x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) };
        const report = (how: 'overflow' | 'viewport' | 'ellipsis', at: Element) => out.push({ text: text.trim().slice(0, 80), where: path(at), how, box });
        // Ellipsis and line clamps on the element that holds the text.
        for (let e: Element | null = parent; e && e !== document.documentElement; e = e.parentElement) {
          const s = getComputedStyle(e);
          const clamp = s.getPropertyValue('-webkit-line-clamp');
          const ellipsis = s.textOverflow === 'ellipsis' && s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + TOL;
          const clamped = clamp !== '' && clamp !== 'none' && e.scrollHeight > e.clientHeight + TOL;
          if ((ellipsis || clamped) && !seenEllipsis.has(e)) {
            seenEllipsis.add(e);
            report('ellipsis', e);
          }
          if (s.display !== 'inline' && s.display !== 'contents') break;
        }
        // Ancestors that clip; a box scrolled on purpose limits what must be visible to its own box.
        let left = r.left;
        let top = r.top;
        let right = r.right;
        let bottom = r.bottom;
        let cut: Element | null = null;
        for (let a: Element | null = parent; a && a !== document.documentElement && a !== document.body; a = a.parentElement) {
          const s = getComputedStyle(a);
          const c = clips(s);
          if (!c.x && !c.y) continue;
          const b = innerBox(a);
          if ((a as HTMLElement).dataset?.scrolls !== undefined) {
            // Scrolled out of view on purpose: fine. What shows must not be cut further up.
            left = Math.max(left, b.left);
            top = Math.max(top, b.top);
            right = Math.min(right, b.right);
            bottom = Math.min(bottom, b.bottom);
            if (right - left < 0.5 || bottom - top < 0.5) break;
            continue;
          }
          const outX = c.x && (left < b.left - TOL || right > b.right + TOL);
          const outY = c.y && (top < b.top - TOL || bottom > b.bottom + TOL);
          if (outX || outY) {
            cut = a;
            break;
          }
        }
        if (cut) {
          report('overflow', cut);
          continue;
        }
        if (right - left < 0.5 || bottom - top < 0.5) continue;
        if (left < -TOL || top < -TOL || right > innerWidth + TOL || bottom > innerHeight + TOL) report('viewport', parent);
      }
    }
    return out;
  }, options);
}

export interface PanelBox {
  /** The panel's class list, for messages. */
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The boxes (CSS px, viewport coordinates) of every visible HUD panel (class `hud-panel`), as the stage meter sees them. */
export function panelBoxes(page: Page): Promise<PanelBox[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.hud-panel'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        const shown = r.width >= 1 && r.height >= 1 && s.display !== 'none' && s.visibility !== 'hidden';
        return shown ? { name: String(el.className), x: r.x, y: r.y, width: r.width, height: r.height } : null;
      })
      .filter((b): b is { name: string; x: number; y: number; width: number; height: number } => b !== null),
  );
}

/** Pairs of panels whose boxes overlap by more than `tolerancePx` in both directions (a panel covering another). */
export function overlappingPanels(boxes: readonly PanelBox[], tolerancePx = 1): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > tolerancePx && h > tolerancePx) pairs.push([a.name, b.name]);
    }
  }
  return pairs;
}

/** The stage's share of the viewport (0..1), from state().stage. */
export async function stageShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const s = window.flightrecon.state().stage;
    return s ? (s.width * s.height) / (innerWidth * innerHeight) : 0;
  });
}
