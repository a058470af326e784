/**
 * Keys that a presentation clicker and a keyboard send: steps, chapters (Shift+PageDown/PageUp,
 * Shift+→/←; a scenario without chapters steps instead), play/pause, start/end, presenter mode (P, Esc).
 */
import type { Store } from '../app/store';

const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

export function bindKeyboard(target: Window, store: Store): () => void {
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
    // A panel that keeps its own keys (the sources view: PageDown scrolls its list) handles them itself.
    if (el?.closest?.('[data-own-keys]')) return;
    // A focused slider (the control panel's time scrubber) moves itself with arrows, pages, Home and End.
    if (el?.getAttribute?.('role') === 'slider' && SLIDER_KEYS.has(e.key)) return;
    // A focused button handles Space and Enter itself; paging keys still belong to the app.
    if (el && el.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const s = store.get();
    if (e.shiftKey && s.scenario.chapters.length > 0 && (e.key === 'PageDown' || e.key === 'ArrowRight')) {
      store.nextChapter();
      return e.preventDefault();
    }
    if (e.shiftKey && s.scenario.chapters.length > 0 && (e.key === 'PageUp' || e.key === 'ArrowLeft')) {
      store.prevChapter();
      return e.preventDefault();
    }
    switch (e.key) {
      case 'PageDown':
      case 'ArrowRight':
        store.nextStep();
        break;
      case 'PageUp':
      case 'ArrowLeft':
        // Presenting: one step back per press (slides); exploring: first back to the step's start.
        store.prevStep();
        break;
      case ' ':
        if (s.playing) store.pause();
        else store.play();
        break;
      case 'Home':
        store.goToStepRef(0);
        break;
      case 'End':
        store.seek(s.scenario.endMs);
        break;
      case 'p':
      case 'P':
        // Presenter mode: in it, the same keys step with a camera flight and a running clock.
        store.setPresenting(!s.presenting);
        break;
      case 'Escape':
        if (!s.presenting) return;
        store.setPresenting(false);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  // Capture phase: lil-gui stops keydown from bubbling out of its controllers, and a clicker's
  // PageDown must work even when a GUI button still has the focus.
  target.addEventListener('keydown', onKey, true);
  return () => target.removeEventListener('keydown', onKey, true);
}
