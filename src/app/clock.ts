/** Drives playback: one requestAnimationFrame loop that advances the store's clock while playing. */
import type { Store } from './store';

/** Longest wall-clock step taken at once, so a hidden tab does not jump the flight forward. */
const MAX_FRAME_MS = 250;

export function startClock(store: Store): () => void {
  let last = -1;
  let handle = 0;
  const frame = (now: number) => {
    if (last >= 0 && store.get().playing) store.tick(Math.min(MAX_FRAME_MS, now - last));
    last = now;
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(handle);
}
