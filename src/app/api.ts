/**
 * window.flightrecon: the scripting API used by tests, explainers and (later) embedding.
 * A thin view of the store: every call writes an intention and resolves once it is drawn.
 */
import type { Store } from './store';
import { localize, type ReportedEvent, type Scenario } from '../scenario/model';
import { formatIsoUtc, parseUtcInstant } from '../geo/time';
import { isCameraMode, CAMERA_MODES, type CameraMode } from './types';

export interface StepView {
  index: number;
  id: string;
  kind: 'event' | 'epilogue';
  time: string;
  title: string;
  caption: string;
  sources: { title: string; url: string }[];
}

export interface StateView {
  time: string;
  playing: boolean;
  speed: number;
  camera: CameraMode;
  lang: string;
  scenario: { id: string; title: string };
  stepCount: number;
  step: StepView | null;
  aircraft: { lat: number; lon: number; altitudeM: number; headingDeg: number; provenance: string };
}

export interface FlightreconApi {
  ready: Promise<void>;
  state(): StateView;
  steps(): StepView[];
  seek(iso: string): Promise<StateView>;
  play(): Promise<StateView>;
  pause(): Promise<StateView>;
  setSpeed(x: number): Promise<StateView>;
  goToStep(idOrIndex: string | number): Promise<StateView>;
  nextStep(): Promise<StateView>;
  prevStep(): Promise<StateView>;
  setCamera(mode: string): Promise<StateView>;
  setLanguage(code: string): Promise<StateView>;
  /** Figures for the benchmark and tests. */
  stats(): { framesDrawn: number };
}

export function stepView(scenario: Scenario, step: ReportedEvent, lang: string): StepView {
  return {
    index: step.index,
    id: step.id,
    kind: step.kind,
    time: step.kind === 'epilogue' ? step.timeText : formatIsoUtc(step.timeMs),
    title: localize(step.title, lang),
    caption: localize(step.caption, lang),
    sources: step.sources.map((id) => {
      const c = scenario.sources.get(id);
      return c ? { title: `${c.publisher}: ${c.title}`, url: c.url } : { title: id, url: '' };
    }),
  };
}

export function createApi(store: Store, nextFrame: () => Promise<void>, framesDrawn: () => number, ready: Promise<void>): FlightreconApi {
  const state = (): StateView => {
    const s = store.get();
    const step = s.scenario.steps[s.stepIndex];
    const a = s.aircraft;
    return {
      time: formatIsoUtc(s.timeMs),
      playing: s.playing,
      speed: s.speed,
      camera: s.camera,
      lang: s.lang,
      scenario: { id: s.scenario.id, title: localize(s.scenario.title, s.lang) },
      stepCount: s.scenario.steps.length,
      step: step ? stepView(s.scenario, step, s.lang) : null,
      aircraft: { lat: a.lat, lon: a.lon, altitudeM: a.altitudeM, headingDeg: a.headingDeg, provenance: a.provenance },
    };
  };
  const drawn = async (): Promise<StateView> => {
    await nextFrame();
    return state();
  };
  const fail = (message: string): Promise<never> => Promise.reject(new Error(message));
  return {
    ready,
    state,
    steps: () => {
      const s = store.get();
      return s.scenario.steps.map((step) => stepView(s.scenario, step, s.lang));
    },
    seek: (iso) => {
      const ms = typeof iso === 'string' ? parseUtcInstant(iso) : null;
      if (ms === null) return fail(`seek: expected a UTC time like 2024-12-25T05:13:31Z, got ${String(iso)}`);
      store.seek(ms);
      return drawn();
    },
    play: () => (store.play(), drawn()),
    pause: () => (store.pause(), drawn()),
    setSpeed: (x) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) return fail(`setSpeed: expected a positive number, got ${String(x)}`);
      store.setSpeed(x);
      return drawn();
    },
    goToStep: (ref) => (store.goToStepRef(ref) ? drawn() : fail(`goToStep: no step ${JSON.stringify(ref)}`)),
    nextStep: () => (store.nextStep(), drawn()),
    prevStep: () => (store.prevStep(), drawn()),
    setCamera: (mode) => {
      if (typeof mode !== 'string' || !isCameraMode(mode)) return fail(`setCamera: expected one of ${CAMERA_MODES.join(', ')}`);
      store.setCamera(mode);
      return drawn();
    },
    stats: () => ({ framesDrawn: framesDrawn() }),
    setLanguage: (code) => (store.setLanguage(code) ? drawn() : fail(`setLanguage: no language ${JSON.stringify(code)} in this scenario`)),
  };
}
