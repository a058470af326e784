/**
 * Composition only: load the scenario, build the store, the globe and the panels, wire them.
 */
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './ui/app.css';
import { Store } from './app/store';
import { readUrl } from './app/urlState';
import { syncUrl } from './app/urlSync';
import { startClock } from './app/clock';
import { createApi, type FlightreconApi } from './app/api';
import { loadDefaultScenario } from './app/scenarioSource';
import { GlobeView } from './globe/GlobeView';
import { CaptionPanel } from './ui/captionPanel';
import { ClockPanel } from './ui/clockPanel';
import { ControlPanel } from './ui/controlPanel';
import { Legend } from './ui/legend';
import { NoticeBar } from './ui/noticeBar';
import { bindKeyboard } from './ui/keyboard';
import { showFatal } from './ui/fatal';
import { aircraftLabel } from './ui/aircraftLabel';
import { createScenarioFileInput } from './ui/scenarioFileInput';

declare global {
  interface Window {
    flightrecon: FlightreconApi;
  }
}

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html lacks #${id}`);
  return node;
}

let resolveReady!: () => void;
let rejectReady!: (err: unknown) => void;
const ready = new Promise<void>((res, rej) => {
  resolveReady = res;
  rejectReady = rej;
});
ready.catch(() => undefined); // reported in the page; avoid an unhandled rejection
window.flightrecon = { ready } as FlightreconApi;

async function main(): Promise<void> {
  const loaded = await loadDefaultScenario();
  if (!loaded.ok) {
    showFatal(byId('hud'), loaded.message, loaded.details);
    rejectReady(new Error(loaded.message));
    return;
  }
  const url = readUrl(window.location.search, loaded.scenario);
  const store = new Store(loaded.scenario, url.intent.lang ?? 'en');
  const { intent } = url;
  if (intent.speed !== undefined) store.setSpeed(intent.speed);
  if (intent.camera) store.setCamera(intent.camera);
  if (intent.stepId) store.goToStepRef(intent.stepId);
  if (intent.timeMs !== undefined && store.get().epilogueIndex === null) store.seek(intent.timeMs);
  if (intent.ui === false) store.setUiVisible(false);

  const clockPanel = new ClockPanel(byId('hud-left'));
  const legend = new Legend(byId('hud-left'));
  const notices = new NoticeBar(byId('hud-top'), (id) => store.dismissNotice(id));
  const caption = new CaptionPanel(byId('hud-bottom'));
  const fileInput = createScenarioFileInput(document.body, store);
  const controls = new ControlPanel(byId('controls'), store, { openFile: () => fileInput.click() });
  for (const line of url.problems) store.notify('warning', line);

  let globe: GlobeView | null = null;
  try {
    globe = new GlobeView(byId('globe'), aircraftLabel);
  } catch (err) {
    store.notify('error', 'The 3D globe cannot start in this browser (WebGL is not available). Steps and captions still work.', [
      String((err as Error).message ?? err),
    ]);
  }
  const full = { time: true, step: true, playback: true, camera: true, lang: true, scenario: true, notices: true, ui: true };
  for (const view of [clockPanel, caption, legend, notices, controls]) {
    store.subscribe(view.render);
    view.render(store.get(), full);
  }
  document.body.classList.toggle('ui-hidden', !store.get().uiVisible);
  store.subscribe((s, c) => {
    if (c.ui) document.body.classList.toggle('ui-hidden', !s.uiVisible);
  });
  if (globe) {
    globe.start(store.get());
    store.subscribe(globe.render);
  }
  const nextFrame = globe ? () => globe.nextFrame() : () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  bindKeyboard(window, store);
  startClock(store);
  syncUrl(store, window);
  Object.assign(
    window.flightrecon,
    createApi(store, nextFrame, () => globe?.frames ?? 0, ready),
  );
  if (intent.play) store.play();
  if (globe) await globe.whenImageryLoaded();
  performance.mark('flightrecon:ready');
  document.body.dataset.ready = 'true';
  resolveReady();
}

main().catch((err: unknown) => {
  showFatal(byId('hud'), 'flightrecon could not start.', [String(err instanceof Error ? err.message : err)]);
  rejectReady(err);
});
