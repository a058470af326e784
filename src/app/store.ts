/**
 * The one store and clock of the app. The UI writes intentions (seek, play, step, camera, language);
 * adapters read the state and never write to each other. Derived values (current step, aircraft
 * position) are recomputed here, once per change, into reused objects.
 */
import type { ReportedEvent, Scenario, TrackSample } from '../scenario/model';
import { clockTimeForStep, eventStepIndexAt, findStep } from '../scenario/steps';
import { createAircraftPosition, positionAt, type AircraftPosition } from '../geo/trackPosition';
import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED, type CameraMode, type Notice, LAYER_IDS, type LayerId } from './types';
import { stepRun } from './presentation';
import { DEFAULT_QUALITY, type QualitySetting } from './quality';
import { sameRect, type Rect } from '../compose/stage';
import type { SourceTierName } from '../scenario/sourceTiers';
import { isUiLanguage } from '../i18n/languages';
import { chapterIndexOf, findChapter } from '../scenario/chapters';

/** A full card over the globe: the title card before step 1, or the method page ("How this reconstruction was made"). */
export type StoryCard = 'title' | 'method';

export interface AppState {
  readonly scenario: Scenario;
  readonly timeMs: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly camera: CameraMode;
  readonly lang: string;
  /** Index of the epilogue step being shown (the clock holds at the end meanwhile), else null. */
  readonly epilogueIndex: number | null;
  /** Current step index (-1 before the first step). */
  readonly stepIndex: number;
  readonly aircraft: Readonly<AircraftPosition>;
  readonly uiVisible: boolean;
  /** Visible layers (LAYER_IDS); all by default. */
  readonly layers: ReadonlySet<LayerId>;
  readonly notices: readonly Notice[];
  /** Presenter mode: steps run through their span, then hold (src/app/presentation.ts). Reported as a `ui` change. */
  readonly presenting: boolean;
  /** While playing, the clock stops here (a presented step's hold), else null. */
  readonly holdAtMs: number | null;
  /** Map imagery: 'offline' (default), 'osm' or an XYZ tile URL (src/app/imagery.ts). */
  readonly imagery: string;
  /** Drawing quality: auto (adapts to the frame rate), high or low (src/app/quality.ts). */
  readonly quality: QualitySetting;
  /**
   * The stage: the part of the viewport (CSS px) that the HUD leaves free, measured by the UI on
   * every layout change (src/ui/stageMeter.ts); cameras frame their subject inside it. Null until
   * measured (then the whole canvas is the stage).
   */
  readonly stage: Rect | null;
  /**
   * Counts the reader's requests to see a step (goToStep, next, previous): a composed camera frames
   * the step's subject again on each, while seeks and playback leave the framing alone.
   */
  readonly shotRequest: number;
  /**
   * A part of the flight the overview frames instead of the current step (a video export's range,
   * so the whole recording needs no cut); null: the step decides.
   */
  readonly shotSpan: { readonly fromMs: number; readonly toMs: number } | null;
  /** The HUD panels' boxes (CSS px) the stage was measured from: labels keep out from under them. */
  readonly panels: readonly Rect[];
  /** Where the scenario came from: the built-in file, or a file the reader opened (format, legs). */
  readonly origin: ScenarioOrigin;
  /** Tracks opened "to compare" on top of the scenario, time-aligned (same UTC clock). */
  readonly comparisons: readonly ComparisonTrack[];
  /** The sources view (src/ui/sourcesView.ts): open or not, and the tier it lists (null: all). */
  readonly sourcesView: SourcesViewState;
  /**
   * The card shown over the globe: 'title' before step 1 (slide 0 of presenter mode), 'method' for
   * "How this reconstruction was made" (the last slide, or opened from the legend), else null.
   */
  readonly card: StoryCard | null;
}

export interface SourcesViewState {
  readonly open: boolean;
  /** Only sources of this tier are listed; null lists all. */
  readonly tier: SourceTierName | null;
}

export interface ScenarioOrigin {
  /** 'scenario' for the app's own JSON, else the detected track format (src/import/types.ts). */
  readonly format: string;
  readonly formatName: string;
  /** Legs in the file (readsb traces can hold several); 1 for most files. */
  readonly legs: number;
  /** The opened file's name; null for the built-in scenario. */
  readonly fileName: string | null;
}

/** A second track drawn over the scenario (e.g. a Flightradar24 file over the reconstructed path). */
export interface ComparisonTrack {
  readonly id: string;
  /** Legend and chart label, e.g. "FR24 CSV: AHY8243.csv". */
  readonly label: string;
  /** CSS colour, distinct from the scenario's own styles. */
  readonly color: string;
  readonly formatName: string;
  readonly fileName: string;
  readonly track: readonly TrackSample[];
  readonly startMs: number;
  readonly endMs: number;
}

/** Colours for compared tracks, in the order they are added (none is used by the scenario's own styles). */
export const COMPARISON_COLORS = ['#ff5cd6', '#4de8ff', '#ffe14d', '#9dff5c'] as const;
export const MAX_COMPARISONS = COMPARISON_COLORS.length;

/** What changed in one update, so listeners skip work that does not concern them. */
export interface Change {
  time: boolean;
  step: boolean;
  playback: boolean;
  camera: boolean;
  lang: boolean;
  scenario: boolean;
  notices: boolean;
  ui: boolean;
  /** Optional so that literal Change objects written before layers existed stay valid. */
  layers?: boolean;
  imagery?: boolean;
  quality?: boolean;
  stage?: boolean;
  /** shotRequest changed: frame the current step. */
  shot?: boolean;
  /** Compared tracks were added or removed. */
  comparisons?: boolean;
  /** The sources view opened, closed or changed its tier filter. */
  sources?: boolean;
  /** The title card or the method page was shown or hidden. */
  card?: boolean;
}

export type Listener = (state: AppState, change: Readonly<Change>) => void;

const NO_CHANGE: Change = {
  time: false,
  step: false,
  playback: false,
  camera: false,
  lang: false,
  scenario: false,
  notices: false,
  ui: false,
  layers: false,
  imagery: false,
  quality: false,
  stage: false,
  shot: false,
  comparisons: false,
  sources: false,
  card: false,
};

export class Store {
  private state: {
    -readonly [K in keyof AppState]: AppState[K];
  };
  private readonly listeners = new Set<Listener>();
  private readonly change: Change = { ...NO_CHANGE };
  /** What the listeners are being told now (a copy, so that changes made meanwhile gather in `change`). */
  private readonly telling: Change = { ...NO_CHANGE };
  private committing = false;
  private stageHeld = false;
  private nextNoticeId = 1;
  private nextComparisonId = 1;
  /** The speed before presenter mode changed it, restored on leaving. */
  private speedBeforePresenting: number | null = null;

  constructor(scenario: Scenario, lang = 'en') {
    this.state = {
      scenario,
      timeMs: scenario.startMs,
      playing: false,
      speed: DEFAULT_SPEED,
      camera: 'overview',
      lang: isUiLanguage(lang) ? lang : 'en',
      epilogueIndex: null,
      stepIndex: -1,
      aircraft: createAircraftPosition(),
      uiVisible: true,
      notices: [],
      layers: new Set(LAYER_IDS),
      presenting: false,
      holdAtMs: null,
      imagery: 'offline',
      quality: DEFAULT_QUALITY,
      stage: null,
      panels: [],
      shotRequest: 0,
      shotSpan: null,
      origin: { format: 'scenario', formatName: 'flightrecon scenario', legs: 1, fileName: null },
      comparisons: [],
      sourcesView: { open: false, tier: null },
      card: null,
    };
    this.derive();
    Object.assign(this.change, NO_CHANGE); // the first state is nobody's change
  }

  get(): AppState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves the clock; leaves any epilogue step. Times outside the flight are clamped. */
  seek(timeMs: number): void {
    const s = this.state;
    const t = Math.min(s.scenario.endMs, Math.max(s.scenario.startMs, timeMs));
    if (t !== s.timeMs) this.closeCard('title');
    if (s.epilogueIndex !== null) {
      s.epilogueIndex = null;
      this.change.step = true;
    }
    if (t !== s.timeMs) {
      s.timeMs = t;
      this.change.time = true;
    }
    this.commit();
  }

  /** Advances the clock by wall-clock milliseconds times the speed; stops at the end. */
  tick(wallMs: number): void {
    const s = this.state;
    if (!s.playing || wallMs <= 0) return;
    let t = s.timeMs + wallMs * s.speed;
    const stop = Math.min(s.scenario.endMs, s.holdAtMs ?? Infinity);
    if (t >= stop) {
      t = stop;
      s.playing = false;
      this.change.playback = true;
    }
    this.seek(t);
  }

  play(): void {
    const s = this.state;
    if (s.playing) return;
    if (s.epilogueIndex !== null || s.timeMs >= s.scenario.endMs) {
      // Playing from the end or from the epilogue starts the flight again.
      s.epilogueIndex = null;
      s.timeMs = s.scenario.startMs;
      this.change.time = this.change.step = true;
    }
    s.playing = true;
    s.holdAtMs = null;
    this.change.playback = true;
    this.closeCard(null);
    this.commit();
  }

  pause(): void {
    if (!this.state.playing) return;
    this.state.playing = false;
    this.state.holdAtMs = null;
    this.change.playback = true;
    this.commit();
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed)) return;
    const v = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
    if (v === this.state.speed) return;
    this.state.speed = v;
    this.change.playback = true;
    this.commit();
  }

  /** Shows a step: events move the clock to their time; epilogue steps hold it at the end. */
  goToStep(step: ReportedEvent): void {
    const s = this.state;
    this.closeCard(null);
    const t = clockTimeForStep(s.scenario, step);
    if (s.playing) {
      s.playing = false;
      this.change.playback = true;
    }
    const epi = step.kind === 'epilogue' ? step.index : null;
    if (epi !== s.epilogueIndex) {
      s.epilogueIndex = epi;
      this.change.step = true;
    }
    if (t !== s.timeMs) {
      s.timeMs = t;
      this.change.time = true;
    }
    s.holdAtMs = null;
    s.shotRequest++;
    this.change.shot = true;
    const run = s.presenting ? stepRun(s.scenario, step) : null;
    if (run) {
      // Presenting: run the clock through the step's span at a readable speed, then hold.
      s.speed = run.speed;
      s.holdAtMs = run.holdMs;
      s.playing = true;
      this.change.playback = true;
    }
    this.commit();
  }

  /** Enters or leaves presenter mode; leaving stops a running step and restores the speed. */
  setPresenting(on: boolean): void {
    const s = this.state;
    if (on === s.presenting) return;
    s.presenting = on;
    this.change.ui = true;
    if (on && s.sourcesView.open) {
      // Presenter mode takes the screen: the sources view closes (as the control panel does).
      s.sourcesView = { open: false, tier: s.sourcesView.tier };
      this.change.sources = true;
    }
    if (on) {
      this.speedBeforePresenting = s.speed;
      // Slide 0: presenting from before the first step starts on the title card.
      if (s.stepIndex < 0 && s.card === null) {
        s.card = 'title';
        this.change.card = true;
      }
    } else {
      if (s.holdAtMs !== null) s.playing = false;
      s.holdAtMs = null;
      if (this.speedBeforePresenting !== null) s.speed = this.speedBeforePresenting;
      this.speedBeforePresenting = null;
      this.change.playback = true;
    }
    this.commit();
  }

  goToStepRef(idOrIndex: string | number): ReportedEvent | null {
    const step = findStep(this.state.scenario, idOrIndex);
    if (step) this.goToStep(step);
    return step;
  }

  /**
   * The next slide: from the title card, step 1; presenting, after the last step, the method page
   * (the last slide); else the next step.
   */
  nextStep(): void {
    const { scenario, stepIndex, card, presenting } = this.state;
    if (card === 'title') {
      const first = scenario.steps[0];
      if (first) this.goToStep(first);
      return;
    }
    if (card === 'method') return;
    const next = scenario.steps[stepIndex + 1];
    if (next) this.goToStep(next);
    else if (presenting) this.showCard('method');
  }

  prevStep(): void {
    const s = this.state;
    if (s.card === 'title') return;
    if (s.card === 'method') {
      // Back from the last slide (or the page opened from the legend) to the step it covered.
      const at = s.scenario.steps[s.stepIndex];
      if (s.presenting && at) this.goToStep(at);
      else this.showCard(null);
      return;
    }
    const current = s.scenario.steps[s.stepIndex];
    // Exploring, "previous" first returns to the start of the current step (a media player);
    // presenting, it goes one step back in one press, as a slide deck does for a clicker.
    if (!s.presenting && current && current.kind === 'event' && s.timeMs > current.timeMs) {
      this.goToStep(current);
      return;
    }
    const prev = s.scenario.steps[s.stepIndex - 1];
    if (prev) this.goToStep(prev);
    else this.showTitle();
  }

  /** Slide 0: the clock at the start, the title card over the whole route. */
  showTitle(): void {
    const s = this.state;
    if (s.playing) {
      s.playing = false;
      this.change.playback = true;
    }
    s.holdAtMs = null;
    if (s.epilogueIndex !== null) {
      s.epilogueIndex = null;
      this.change.step = true;
    }
    if (s.timeMs !== s.scenario.startMs) {
      s.timeMs = s.scenario.startMs;
      this.change.time = true;
    }
    s.shotRequest++;
    this.change.shot = true;
    this.showCard('title');
  }

  /** Shows a card (the title card, the method page) or, with null, closes it. */
  showCard(card: StoryCard | null): void {
    if (card === this.state.card) return this.commit();
    this.state.card = card;
    this.change.card = true;
    if (card === 'method' && this.state.sourcesView.open) {
      this.state.sourcesView = { open: false, tier: this.state.sourcesView.tier };
      this.change.sources = true;
    }
    this.commit();
  }

  /** Closes the card if it is `only` (or any card with null); the caller commits. */
  private closeCard(only: StoryCard | null): void {
    const s = this.state;
    if (s.card === null || (only !== null && s.card !== only)) return;
    s.card = null;
    this.change.card = true;
  }

  /** Goes to the first step of a chapter; false when the scenario has no chapter with that id. */
  goToChapter(id: string): boolean {
    const s = this.state;
    const chapter = findChapter(s.scenario, id);
    const step = chapter ? s.scenario.steps[chapter.firstStep] : undefined;
    if (!step) return false;
    this.goToStep(step);
    return true;
  }

  /** The first step of the next chapter (from the title card: the first chapter). */
  nextChapter(): void {
    const s = this.state;
    const chapters = s.scenario.chapters;
    if (chapters.length === 0) return;
    const at = s.card === 'title' ? -1 : chapterIndexOf(s.scenario, s.stepIndex);
    const next = chapters[at + 1];
    if (next) this.goToChapter(next.id);
  }

  /**
   * The start of the current chapter, or, at its first step already, the previous chapter's start
   * (a media player's "previous"); from the first chapter's start, the title card.
   */
  prevChapter(): void {
    const s = this.state;
    const chapters = s.scenario.chapters;
    if (chapters.length === 0 || s.card === 'title') return;
    const at = chapterIndexOf(s.scenario, s.stepIndex);
    if (s.card === 'method') {
      const last = chapters[chapters.length - 1];
      if (last) this.goToChapter(last.id);
      return;
    }
    if (at < 0) return this.showTitle();
    const here = chapters[at]!;
    const first = s.scenario.steps[here.firstStep];
    const atStart = s.stepIndex === here.firstStep && (!first || first.kind !== 'event' || s.timeMs <= first.timeMs || s.presenting);
    if (!atStart) return void this.goToChapter(here.id);
    const prev = chapters[at - 1];
    if (prev) this.goToChapter(prev.id);
    else this.showTitle();
  }

  setCamera(mode: CameraMode): void {
    if (mode === this.state.camera) return;
    this.state.camera = mode;
    this.change.camera = true;
    this.commit();
  }

  setLanguage(lang: string): boolean {
    if (!isUiLanguage(lang)) return false;
    if (lang !== this.state.lang) {
      this.state.lang = lang;
      this.change.lang = true;
      this.commit();
    }
    return true;
  }

  /** Shows or hides one layer. */
  setLayer(id: LayerId, visible: boolean): void {
    if (this.state.layers.has(id) === visible) return;
    const next = new Set(this.state.layers);
    if (visible) next.add(id);
    else next.delete(id);
    this.state.layers = next;
    this.change.layers = true;
    this.commit();
  }

  setQuality(quality: QualitySetting): void {
    if (quality === this.state.quality) return;
    this.state.quality = quality;
    this.change.quality = true;
    this.commit();
  }

  /** Frames a part of the flight (or, with null, the current step again) in the overview. */
  frameSpan(span: { fromMs: number; toMs: number } | null): void {
    this.state.shotSpan = span ? { fromMs: span.fromMs, toMs: span.toMs } : null;
    this.state.shotRequest++;
    this.change.shot = true;
    this.commit();
  }

  /** The free part of the viewport and the panels around it, as the UI measured them; changes under half a pixel are no change. */
  setStage(stage: Rect, panels: readonly Rect[] = []): void {
    if (this.stageHeld) return;
    this.writeStage(stage, panels);
  }

  /**
   * Holds a stage that is not the window's (a video export: the frame and its burned-in texts), so
   * that the UI's measurements do not replace it; null lets go (the UI measures again).
   */
  holdStage(stage: Rect | null, panels: readonly Rect[] = []): void {
    this.stageHeld = stage !== null;
    if (stage) this.writeStage(stage, panels);
    else {
      // Let go: a stage change tells the UI to measure the window's stage again (same task).
      this.change.stage = true;
      this.commit();
    }
  }

  /** Whether a stage is held (an export or a snapshot composes for its own frame). */
  get stageIsHeld(): boolean {
    return this.stageHeld;
  }

  private writeStage(stage: Rect, panels: readonly Rect[]): void {
    const s = this.state;
    const samePanels = panels.length === s.panels.length && panels.every((p, i) => sameRect(p, s.panels[i]!));
    if (s.stage && sameRect(s.stage, stage) && samePanels) return;
    s.stage = { x: stage.x, y: stage.y, width: stage.width, height: stage.height };
    s.panels = panels.map((p) => ({ x: p.x, y: p.y, width: p.width, height: p.height }));
    this.change.stage = true;
    this.commit();
  }

  /** Map imagery; the caller validates it (src/app/imagery.ts readImagery). */
  setImagery(setting: string): void {
    if (setting === this.state.imagery) return;
    this.state.imagery = setting;
    this.change.imagery = true;
    this.commit();
  }

  /**
   * Opens or closes the sources view; `tier` filters it (null: all sources), undefined keeps the
   * filter it had. It stays closed while presenting (presenter mode takes the screen).
   */
  showSources(open: boolean, tier?: SourceTierName | null): void {
    const s = this.state;
    const next: SourcesViewState = { open: open && !s.presenting, tier: tier === undefined ? s.sourcesView.tier : tier };
    if (next.open === s.sourcesView.open && next.tier === s.sourcesView.tier) return;
    s.sourcesView = next;
    this.change.sources = true;
    this.commit();
  }

  setUiVisible(visible: boolean): void {
    if (visible === this.state.uiVisible) return;
    this.state.uiVisible = visible;
    this.change.ui = true;
    this.commit();
  }

  /** Replaces the scenario (e.g. a file the user opened); keeps camera, language and speed; drops compared tracks. */
  setScenario(scenario: Scenario, origin: ScenarioOrigin = { format: 'scenario', formatName: 'flightrecon scenario', legs: 1, fileName: null }): void {
    const s = this.state;
    s.scenario = scenario;
    s.origin = origin;
    if (s.comparisons.length > 0) {
      s.comparisons = [];
      this.change.comparisons = true;
    }
    s.timeMs = scenario.startMs;
    s.playing = false;
    s.epilogueIndex = null;
    this.closeCard(null);
    this.change.scenario = this.change.time = this.change.step = this.change.playback = this.change.lang = true;
    this.commit();
  }

  /** Adds a track to compare (false when MAX_COMPARISONS are shown already). */
  addComparison(track: Omit<ComparisonTrack, 'id' | 'color'>): ComparisonTrack | null {
    const s = this.state;
    if (s.comparisons.length >= MAX_COMPARISONS) return null;
    const used = new Set(s.comparisons.map((c) => c.color));
    const color = COMPARISON_COLORS.find((c) => !used.has(c)) ?? COMPARISON_COLORS[0];
    const added: ComparisonTrack = { ...track, id: `compare-${this.nextComparisonId++}`, color };
    s.comparisons = [...s.comparisons, added];
    this.change.comparisons = true;
    this.commit();
    return added;
  }

  removeComparison(id: string): void {
    const rest = this.state.comparisons.filter((c) => c.id !== id);
    if (rest.length === this.state.comparisons.length) return;
    this.state.comparisons = rest;
    this.change.comparisons = true;
    this.commit();
  }

  /** A notice; pass a function of the language for text that follows the language (catalogue words). */
  notify(level: Notice['level'], text: string | ((lang: string) => string), details?: readonly string[], action?: Notice['action']): Notice {
    const notice: Notice =
      typeof text === 'string'
        ? { id: this.nextNoticeId++, level, text, details, action }
        : { id: this.nextNoticeId++, level, text: text('en'), say: text, details, action };
    this.state.notices = [...this.state.notices, notice];
    this.change.notices = true;
    this.commit();
    return notice;
  }

  dismissNotice(id: number): void {
    const rest = this.state.notices.filter((n) => n.id !== id);
    if (rest.length === this.state.notices.length) return;
    this.state.notices = rest;
    this.change.notices = true;
    this.commit();
  }

  private derive(): void {
    const s = this.state;
    positionAt(s.scenario.track, s.timeMs, s.aircraft);
    const idx = s.epilogueIndex ?? eventStepIndexAt(s.scenario.steps, s.timeMs);
    if (idx !== s.stepIndex) {
      s.stepIndex = idx;
      this.change.step = true;
    }
  }

  /**
   * Tells the listeners what changed. A listener may change the store while being told (the stage
   * meter measures the panels a caption just resized): that change is told right after this round,
   * in the same task, to all listeners, so the globe composes its shot with the new stage before
   * any frame is drawn.
   */
  private commit(): void {
    if (this.committing) return;
    this.committing = true;
    try {
      const c = this.change;
      while (
        c.time ||
        c.step ||
        c.playback ||
        c.camera ||
        c.lang ||
        c.scenario ||
        c.notices ||
        c.ui ||
        c.layers ||
        c.imagery ||
        c.quality ||
        c.stage ||
        c.shot ||
        c.comparisons ||
        c.sources ||
        c.card
      ) {
        if (c.time || c.scenario || c.step) this.derive();
        Object.assign(this.telling, c);
        Object.assign(c, NO_CHANGE);
        for (const l of this.listeners) l(this.state, this.telling);
      }
    } finally {
      this.committing = false;
    }
  }
}
