/**
 * Embedding: the scripting API over postMessage, for an iframe in slides or an article.
 *
 *   request  { flightrecon: 1, id, method, args }      e.g. { flightrecon: 1, id: 7, method: 'seek', args: ['2024-12-25T05:13:31Z'] }
 *   reply    { flightrecon: 1, id, ok: true, result, state } | { flightrecon: 1, id, ok: false, error, state }
 *   events   { flightrecon: 1, type: 'ready' | 'step', state }   (to the parent, when a step changes)
 *
 * Origin checks: only the app's own origin and the origins named with `origin=` may send commands;
 * replies go only to the sender's (checked) origin, events only to named origins. The embedding page
 * chooses the iframe URL and thus `origin=`; the check keeps other frames and windows (ads, an opener)
 * from steering an embed they do not own. Nothing here is secret (state is what the page shows), so
 * `origin=*` is allowed for pages that want any host to control it.
 */
import type { FlightreconApi, StateView } from './api';
import type { Store } from './store';
import { originAllowed } from './modeParams';

/** What may be called: the API minus the figures for tests. */
export const EMBED_METHODS = [
  'state',
  'steps',
  'seek',
  'play',
  'pause',
  'setSpeed',
  'goToStep',
  'nextStep',
  'prevStep',
  'setCamera',
  'setLanguage',
  'present',
  'snapshot',
  'showSources',
  'sources',
] as const;
type EmbedMethod = (typeof EMBED_METHODS)[number];

interface Request {
  flightrecon: 1;
  id?: unknown;
  method: string;
  args?: unknown;
}

function isRequest(data: unknown): data is Request {
  return typeof data === 'object' && data !== null && (data as Request).flightrecon === 1 && typeof (data as Request).method === 'string';
}

export function startEmbedBridge(win: Window, api: FlightreconApi, store: Store, allowed: readonly string[]): () => void {
  const own = win.location.origin;
  const onMessage = (e: MessageEvent) => {
    if (!isRequest(e.data) || !originAllowed(e.origin, own, allowed) || !e.source) return;
    const { id, method } = e.data;
    const args = Array.isArray(e.data.args) ? (e.data.args as unknown[]) : [];
    const target = e.source as Window;
    const reply = (body: { ok: boolean; result?: unknown; error?: string }) => {
      let state: StateView | null = null;
      try {
        state = api.state();
      } catch {
        /* not ready yet */
      }
      // A sandboxed sender has the opaque origin "null", which postMessage cannot target (only reachable with origin=*).
      target.postMessage({ flightrecon: 1, id, ...body, state }, e.origin === 'null' ? '*' : e.origin);
    };
    if (!(EMBED_METHODS as readonly string[]).includes(method)) {
      reply({ ok: false, error: `unknown method ${JSON.stringify(method)}; one of ${EMBED_METHODS.join(', ')}` });
      return;
    }
    const fn = api[method as EmbedMethod] as (...a: unknown[]) => unknown;
    api.ready
      .then(() => fn(...args))
      .then(
        (result) => reply({ ok: true, result }),
        (err: unknown) => reply({ ok: false, error: String((err as Error)?.message ?? err) }),
      );
  };
  win.addEventListener('message', onMessage);

  // Events go to the parent only when its origin is known to be allowed.
  const parentTargets = win.parent === win ? [] : allowed.length > 0 ? allowed : [own];
  const announce = (type: 'ready' | 'step') => {
    for (const origin of parentTargets) win.parent.postMessage({ flightrecon: 1, type, state: api.state() }, origin);
  };
  api.ready.then(() => announce('ready')).catch(() => undefined);
  const unsubscribe = store.subscribe((_s, c) => {
    if (c.step || c.scenario) announce('step');
  });
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
  };
}
