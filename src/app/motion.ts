/**
 * The reader's motion preference (`prefers-reduced-motion: reduce`), read once and then followed:
 * the media query is asked when first needed and a `change` listener keeps the answer current, so
 * the camera (cuts instead of flights), the overlay (no flashing bursts) and presenter mode (no
 * auto-advance) read a plain boolean, per frame if they like, without asking the browser again.
 */

const QUERY = '(prefers-reduced-motion: reduce)';

let query: MediaQueryList | null | undefined;
let reduced = false;
const listeners = new Set<(reduce: boolean) => void>();

function watch(): void {
  if (query !== undefined) return;
  query = typeof matchMedia === 'function' ? matchMedia(QUERY) : null;
  reduced = query?.matches ?? false;
  query?.addEventListener('change', (e) => {
    reduced = e.matches;
    for (const l of listeners) l(reduced);
  });
}

/** True while the reader asks for less motion. */
export function prefersReducedMotion(): boolean {
  watch();
  return reduced;
}

/** `listener` hears every change of the preference (not the current value); returns the unsubscribe. */
export function onReducedMotionChange(listener: (reduce: boolean) => void): () => void {
  watch();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
