/** Keeps the address bar on the current moment (replaceState, throttled) so copying it shares the view. */
import type { AppState, Change, Store } from './store';
import { writeUrl } from './urlState';

const MIN_INTERVAL_MS = 400;

export function syncUrl(store: Store, win: Window): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = 0;
  const write = () => {
    timer = null;
    lastWrite = performance.now();
    const s = store.get();
    const search = writeUrl(win.location.search, {
      timeMs: s.timeMs,
      stepId: s.scenario.steps[s.stepIndex]?.id ?? null,
      camera: s.camera,
      lang: s.lang,
      speed: s.speed,
      uiVisible: s.uiVisible,
      presenting: s.presenting,
      layers: [...s.layers],
      quality: s.quality,
      sources: s.sourcesView,
      card: s.card,
    });
    if (search !== win.location.search) win.history.replaceState(win.history.state, '', search + win.location.hash);
  };
  const onChange = (state: AppState, change: Readonly<Change>) => {
    if (!(
      change.time ||
      change.step ||
      change.camera ||
      change.lang ||
      change.playback ||
      change.ui ||
      change.scenario ||
      change.layers ||
      change.quality ||
      change.sources ||
      change.card
    ))
      return;
    // While playing, write at most a few times a second; otherwise at once.
    if (!state.playing) {
      if (timer) clearTimeout(timer);
      write();
    } else if (!timer) {
      timer = setTimeout(write, Math.max(0, MIN_INTERVAL_MS - (performance.now() - lastWrite)));
    }
  };
  write();
  return store.subscribe(onChange);
}
