/**
 * Composition only: load the scenario, build the store, the globe and the panels, wire them.
 */
import './app/installSecurityPolicy'; // first: the policy is in force before anything else runs
import { policyAllows } from './app/securityPolicy';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './ui/app.css';
import { Store } from './app/store';
import { LAYER_IDS } from './app/types';
import { opensOnTitle, readUrl } from './app/urlState';
import { syncUrl } from './app/urlSync';
import { startClock } from './app/clock';
import { createApi, type FlightreconApi } from './app/api';
import { loadDefaultScenario } from './app/scenarioSource';
import { GlobeView } from './globe/GlobeView';
import { CaptionPanel } from './ui/captionPanel';
import { ProfileChart } from './ui/profileChart';
import { ClockPanel } from './ui/clockPanel';
import { ControlPanel } from './ui/controlPanel';
import { Legend } from './ui/legend';
import { SystemsPanel } from './ui/systemsPanel';
import { NoticeBar } from './ui/noticeBar';
import { bindKeyboard } from './ui/keyboard';
import { bindAccessibility } from './ui/screenReader';
import { showFatal } from './ui/fatal';
import { aircraftLabel } from './ui/aircraftLabel';
import { composeMedia } from './composeMedia';
import { composeFiles } from './composeFiles';
import { FlatMap } from './ui/flatMap';
import { installForOffline } from './app/offlineInstall';
import { StageMeter } from './ui/stageMeter';
import { ScreenWatch } from './ui/screen';
import { keepBottomRoom } from './ui/bottomRoom';
import { SourcesView } from './ui/sourcesView';
import { renderPageTitle } from './ui/pageTitle';
import { watchScenarioLanguage } from './ui/languageNotice';
import { TitleCard } from './ui/story/titleCard';
import { MethodPage } from './ui/story/methodPage';
// Last: the HUD layout and its breakpoints override the panels' own styles.
import './ui/hud.css';
import { say, type Say } from './i18n/catalogue';
import { isUiLanguage, preferredLanguage } from './i18n/languages';

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

/** The language to start in: a valid `lang=` of the address, else the browser's preferred language the app has, else English. */
function startLanguage(search: string): string {
  const asked = new URLSearchParams(search).get('lang');
  return asked !== null && isUiLanguage(asked) ? asked : preferredLanguage(navigator.languages);
}

async function main(): Promise<void> {
  const scenarioLoading = loadDefaultScenario();
  // The globe starts, and draws its first frame, while the scenario file loads. Its problems are
  // reported as notices once the store exists.
  const early: [Say, 'reload' | undefined][] = [];
  let report = (message: Say, action?: 'reload'): void => void early.push([message, action]);
  let globe: GlobeView | null = null;
  let globeError: unknown = null;
  try {
    globe = new GlobeView(byId('globe'), aircraftLabel, (message, action) => report(message, action));
  } catch (err) {
    globeError = err;
  }
  const loaded = await scenarioLoading;
  if (!loaded.ok) {
    const lang = startLanguage(window.location.search);
    showFatal(byId('hud'), loaded.message(lang), loaded.details);
    rejectReady(new Error(loaded.message('en')));
    return;
  }
  const url = readUrl(window.location.search, loaded.scenario);
  const store = new Store(loaded.scenario, url.intent.lang ?? startLanguage(''));
  const { intent } = url;
  if (intent.speed !== undefined) store.setSpeed(intent.speed);
  if (intent.camera) store.setCamera(intent.camera);
  if (intent.stepId) store.goToStepRef(intent.stepId);
  if (intent.timeMs !== undefined && store.get().epilogueIndex === null) store.seek(intent.timeMs);
  if (intent.ui === false) store.setUiVisible(false);
  if (intent.layers) for (const id of LAYER_IDS) store.setLayer(id, intent.layers.includes(id));
  if (intent.imagery) store.setImagery(intent.imagery);
  if (intent.quality) store.setQuality(intent.quality);
  if (intent.sources) store.showSources(intent.sources.open, intent.sources.tier);
  // A plain start opens on the title card (slide 0); `?step=`/`?t=`/`play=1` skip it, `about=1` opens the method page.
  if (intent.about) store.showCard('method');
  else if (opensOnTitle(intent)) store.showTitle();
  // The page's security policy admits only the tile origin it was opened with: to switch to other
  // online tiles, reload with the choice in the address (the moment travels along in the URL).
  store.subscribe((s, c) => {
    if (!c.imagery || policyAllows(s.imagery)) return;
    const url = new URL(window.location.href);
    url.searchParams.set('imagery', s.imagery);
    window.location.assign(url.href);
  });

  store.subscribe(renderPageTitle);
  store.subscribe(watchScenarioLanguage(store));
  renderPageTitle(store.get(), { time: false, step: false, playback: false, camera: false, lang: true, scenario: true, notices: false, ui: false });
  const clockPanel = new ClockPanel(byId('hud-left'));
  const legend = new Legend(byId('hud-left'), { onRemoveComparison: (id) => store.removeComparison(id), onOpenMethod: () => store.showCard('method') });
  // The legend folds to its one-line key beside the open systems panel.
  const systems = new SystemsPanel(byId('hud-left'), loaded.scenario, legend.setBesideOpenPanel);
  const notices = new NoticeBar(byId('hud-top'), (id) => store.dismissNotice(id));
  const files = composeFiles(store, window);
  const controls = new ControlPanel(byId('controls'), store, {
    openFile: files.openPicker,
    compareFile: files.comparePicker,
    exportData: files.download,
  });
  const caption = new CaptionPanel(byId('hud-bottom'), store, () => controls.setOpen(!controls.open));
  controls.onOpenChange(caption.setControlsOpen);
  const profile = new ProfileChart(byId('hud-bottom'), store);
  const sources = new SourcesView(document.body, store, {
    fallbackFocus: () => caption.allSourcesButton,
    band: byId('hud-bottom'),
    top: byId('hud-top'),
  });
  // The title card (slide 0) and "How this reconstruction was made" (src/ui/story/).
  const titleCard = new TitleCard(document.body, store);
  const methodPage = new MethodPage(document.body, store, () => legend.methodButton);
  for (const line of url.problems) store.notify('warning', line);
  report = (message, action) => store.notify(action ? 'error' : 'warning', message, undefined, action);
  for (const [message, action] of early) report(message, action);

  let overlayStarted: Promise<void> = Promise.resolve();
  if (!globe) {
    store.notify('error', say('notices', 'noWebgl'), [String((globeError as Error)?.message ?? globeError)]);
    byId('globe').replaceChildren();
    const flat = new FlatMap(byId('globe'));
    store.subscribe(flat.render);
    flat.render(store.get(), { time: true, step: true, playback: true, camera: true, lang: true, scenario: true, notices: true, ui: true });
  }
  const full = { time: true, step: true, playback: true, camera: true, lang: true, scenario: true, notices: true, ui: true, layers: true, sources: true };
  for (const view of [clockPanel, caption, legend, systems, notices, controls, profile, sources, titleCard, methodPage]) {
    store.subscribe(view.render);
    view.render(store.get(), full);
  }
  const screen = new ScreenWatch(window);
  for (const view of [legend, systems, profile, caption, sources]) screen.subscribe(view.setScreen);
  keepBottomRoom(byId('hud-left'), byId('hud-bottom'));
  document.body.classList.toggle('ui-hidden', !store.get().uiVisible);
  store.subscribe((s, c) => {
    if (c.ui) document.body.classList.toggle('ui-hidden', !s.uiVisible);
  });
  const media = composeMedia(store, globe, controls.gui, window);
  // After every panel's listener and before the globe's: a step that resizes the caption is measured
  // and told to the globe in the same task, so the shot is composed with the stage it will have.
  const stage = new StageMeter(store, byId('globe'));
  store.subscribe(stage.render);
  if (globe) {
    globe.start(store.get());
    store.subscribe(globe.render);
    overlayStarted = startOverlay(globe, store);
    window.flightrecon.debug = globe.debug();
  }
  const nextFrame = globe ? () => globe.nextFrame() : () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  bindKeyboard(window, store);
  bindAccessibility(store, document);
  startClock(store);
  syncUrl(store, window);
  Object.assign(
    window.flightrecon,
    createApi(
      store,
      nextFrame,
      () => ({
        framesDrawn: globe?.frames ?? 0,
        drawnTimeMs: globe?.drawnTime ?? Number.NaN,
        qualityLevel: globe?.qualityLevel ?? null,
        fps: globe?.measuredFps ?? null,
        cameraMoving: globe?.cameraMoving ?? false,
      }),
      ready,
      media.service,
      globe ? () => globe.cameraSettled() : nextFrame,
      () => globe?.shownLabels() ?? [],
      files.api,
    ),
  );
  media.start(window.flightrecon, intent);
  if (intent.play) store.play();
  if (globe) await Promise.all([globe.whenImageryLoaded(), overlayStarted]);
  void installForOffline();
  performance.mark('flightrecon:ready');
  document.body.dataset.ready = 'true';
  resolveReady();
}

/**
 * The three.js overlay (aircraft model, damage marks) loads after the globe's first frame: the
 * globe and the Cesium aircraft marker show the flight at once; three.js follows as its own chunk.
 */
async function startOverlay(globe: GlobeView, store: Store): Promise<void> {
  await globe.nextFrame();
  try {
    const { OverlayView } = await import('./overlay/OverlayView');
    const overlay = new OverlayView(byId('globe'), globe.viewer.scene);
    overlay.start(store.get());
    store.subscribe(overlay.render);
    window.flightrecon.overlay = { probe: () => overlay.probe(), stats: () => overlay.stats(), shown: () => overlay.shown };
    globe.viewer.scene.requestRender();
  } catch (err) {
    store.notify('warning', say('notices', 'modelFailed'), [String((err as Error).message ?? err)]);
  }
}

main().catch((err: unknown) => {
  showFatal(byId('hud'), 'flightrecon could not start.', [String(err instanceof Error ? err.message : err)]);
  rejectReady(err);
});
