/**
 * Fits a box's text by type size: the CSS variable `--fit` (a factor the box's font sizes are
 * multiplied by, see presenter.css) shrinks from 1 towards MIN_FIT until the content no longer
 * overflows the box's max-height. If even the smallest type overflows, the box scrolls, on purpose
 * (`data-scrolls`), so text is never cut. A handful of layouts, on text or size changes only.
 */
export const MIN_FIT = 0.66;

function overflows(box: HTMLElement): boolean {
  return box.scrollHeight > box.clientHeight + 1;
}

export function fitToBox(box: HTMLElement): number {
  delete box.dataset.scrolls;
  box.style.setProperty('--fit', '1');
  if (!overflows(box)) return 1;
  let lo = MIN_FIT;
  let hi = 1;
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    box.style.setProperty('--fit', mid.toFixed(3));
    if (overflows(box)) hi = mid;
    else lo = mid;
  }
  box.style.setProperty('--fit', lo.toFixed(3));
  if (overflows(box)) box.dataset.scrolls = '';
  return lo;
}
