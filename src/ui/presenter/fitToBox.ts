/**
 * Fits a box's text by type size, in two stages: first the body type (CSS variable `--fit`, which the
 * kicker, time, caption and sources are multiplied by, see presenter.css) shrinks from 1 towards
 * MIN_FIT, so the title keeps its back-row size; only if that is not enough the title's factor
 * (`--fit-title`) shrinks too. If even the smallest type overflows, the box scrolls, on purpose
 * (`data-scrolls`), so text is never cut. A handful of layouts, on text or size changes only.
 */
export const MIN_FIT = 0.66;

function overflows(box: HTMLElement): boolean {
  return box.scrollHeight > box.clientHeight + 1;
}

/** The largest factor in [MIN_FIT, 1] for `variable` at which the box does not overflow (or MIN_FIT). */
function bisect(box: HTMLElement, variable: string): number {
  let lo = MIN_FIT;
  let hi = 1;
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    box.style.setProperty(variable, mid.toFixed(3));
    if (overflows(box)) hi = mid;
    else lo = mid;
  }
  box.style.setProperty(variable, lo.toFixed(3));
  return lo;
}

/** Returns the factors used: body type and title. */
export function fitToBox(box: HTMLElement): { body: number; title: number } {
  delete box.dataset.scrolls;
  box.style.setProperty('--fit', '1');
  box.style.setProperty('--fit-title', '1');
  if (!overflows(box)) return { body: 1, title: 1 };
  const body = bisect(box, '--fit');
  if (!overflows(box)) return { body, title: 1 };
  const title = bisect(box, '--fit-title');
  if (overflows(box)) box.dataset.scrolls = '';
  return { body, title };
}
