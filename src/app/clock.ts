/**
 * Drives playback: a requestAnimationFrame loop that advances the store's clock, running only while
 * playing (a paused app schedules no animation frames).
 */
import type { Store } from './store';

/** Longest wall-clock step taken at once, so a hidden tab does not jump the flight forward. */
const MAX_FRAME_MS = 250;

export function startClock(store: Store): () => void {
  let last = -1;
  let handle = 0;
  const frame = (now: number) => {
    handle = 0;
    if (!store.get().playing) return;
    if (last >= 0) store.tick(Math.min(MAX_FRAME_MS, now - last));
    last = now;
    if (store.get().playing) handle = requestAnimationFrame(frame);
  };
  const start = () => {
    if (handle !== 0 || !store.get().playing) return;
    last = -1;
    handle = requestAnimationFrame(frame);
  };
  const unsubscribe = store.subscribe((_state, change) => {
    if (change.playback) start();
  });
  start();
  return () => {
    unsubscribe();
    if (handle !== 0) cancelAnimationFrame(handle);
    handle = 0;
  };
}
