/**
 * The lil-gui panel: time scrubber, speed, step list, camera, language, sources, scenario file, imagery,
 * quality, layers, present & export. It starts closed and off the screen, opened by the "Controls"
 * button beside the step buttons under the caption (src/ui/stepNav.ts): the story needs only those
 * buttons, the profile chart as scrubber and the keys; the panel holds settings a reader opens once,
 * and a closed panel in a corner would take a strip off the top of the stage.
 * It writes intentions into the store and redraws from the state; it keeps no state of its own.
 * Keyboard: the time scrubber is a focusable slider (arrows, Page Up/Down, Home/End); opening the
 * panel from its button moves the focus to the panel's title, Esc closes it, and closing it gives the
 * focus back to that button, so the focus never stays behind on a hidden control.
 */
import GUI, { type Controller, type NumberController, type OptionController } from 'lil-gui';
import type { AppState, Change, Store } from '../app/store';
import { CAMERA_MODES, SPEED_CHOICES, type CameraMode } from '../app/types';
import { localize } from '../scenario/model';
import { chapterIndexOf } from '../scenario/chapters';
import { message } from '../i18n/catalogue';
import { formatUtcClock } from '../geo/time';
import { formatLongDate } from './format';
import { LANGUAGE_NAMES, t } from './i18n';
import { LayersFolder } from './layersFolder';
import { ImageryControl } from './imageryControl';
import { QualityChoice } from './qualityChoice';
import { importWord } from './importWords';
import { sourcesWord } from './sourcesWords';
import { a11y } from './viewDescription';
import type { DataFormat } from '../export/data';

export interface ControlActions {
  openFile?: () => void;
  compareFile?: () => void;
  exportData?: (format: DataFormat) => unknown;
}
import './controlPanel.css';
import { APP_LANGUAGES } from '../i18n/languages';

export class ControlPanel {
  readonly gui: GUI;
  private readonly model = {
    timeSec: 0,
    speed: 30 as number,
    step: '',
    chapter: '',
    camera: 'overview' as CameraMode,
    lang: 'en',
    sources: () => this.store.showSources(true),
    openFile: () => this.actions.openFile?.(),
    compareFile: () => this.actions.compareFile?.(),
    czml: () => this.actions.exportData?.('czml'),
    kml: () => this.actions.exportData?.('kml'),
    geojson: () => this.actions.exportData?.('geojson'),
    scenario: () => this.actions.exportData?.('scenario'),
  };
  private readonly time: Controller;
  private readonly speed: Controller;
  private stepList: Controller;
  /** "k. Title" for each chapter, above the step list; hidden when the scenario has none. */
  private chapterList: Controller;
  private camera: Controller;
  private readonly lang: Controller;
  private readonly sources: Controller;
  private readonly openFile: Controller;
  private readonly compareFile: Controller;
  private readonly dataFolder: GUI;
  private readonly dataExports: Controller[];
  private readonly layers: LayersFolder;
  private readonly imagery: ImageryControl;
  private readonly quality: QualityChoice;
  private readonly openListeners = new Set<(open: boolean) => void>();

  constructor(
    private readonly parent: HTMLElement,
    private readonly store: Store,
    private readonly actions: ControlActions = {},
  ) {
    const state = store.get();
    this.gui = new GUI({ container: parent, title: t(state.lang, 'controls'), width: 330 });
    this.gui.domElement.classList.add('control-panel', 'hud-panel');
    // Open on a small screen, the panel's list scrolls inside its box: on purpose.
    parent.dataset.scrolls = '';
    const span = (state.scenario.endMs - state.scenario.startMs) / 1000;
    this.time = this.gui.add(this.model, 'timeSec', 0, span, 1).onChange((sec: number) => this.store.seek(this.store.get().scenario.startMs + sec * 1000));
    this.time.domElement.classList.add('time-scrubber');
    this.bindScrubberKeys((this.time as NumberController).$slider);
    this.speed = this.gui.add(this.model, 'speed', [...SPEED_CHOICES]).onChange((x: number) => this.store.setSpeed(Number(x)));
    this.chapterList = this.gui.add(this.model, 'chapter', {});
    this.stepList = this.gui.add(this.model, 'step', {});
    this.camera = this.gui.add(this.model, 'camera', {});
    this.lang = this.gui
      .add(this.model, 'lang', Object.fromEntries(APP_LANGUAGES.map((l) => [LANGUAGE_NAMES[l], l])))
      .onChange((l: string) => this.store.setLanguage(l));
    this.sources = this.gui.add(this.model, 'sources');
    this.sources.domElement.dataset.testid = 'open-sources';
    this.openFile = this.gui.add(this.model, 'openFile');
    this.openFile.domElement.dataset.testid = 'open-file';
    this.compareFile = this.gui.add(this.model, 'compareFile');
    this.compareFile.domElement.dataset.testid = 'compare-file';
    this.dataFolder = this.gui.addFolder('');
    this.dataFolder.domElement.classList.add('data-export-menu');
    this.dataExports = (['czml', 'kml', 'geojson', 'scenario'] as const).map((f) => {
      const c = this.dataFolder.add(this.model, f);
      c.domElement.dataset.testid = `export-${f}`;
      return c;
    });
    this.dataFolder.close();
    this.imagery = new ImageryControl(this.gui, store);
    this.quality = new QualityChoice(this.gui, store);
    this.layers = new LayersFolder(this.gui, store);
    this.relabel(state);
    this.sync(state);
    this.gui.onOpenClose((changed) => {
      if (changed === this.gui) this.showOpen();
    });
    this.gui.close();
    this.showOpen();
    // Esc inside the panel closes it (the focus goes back to its button); capture: lil-gui stops keydown.
    parent.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape' || e.defaultPrevented || !this.open) return;
        e.preventDefault();
        this.setOpen(false);
      },
      true,
    );
  }

  /**
   * The scrubber's slider is a div in lil-gui (its number field is hidden: seconds since the start
   * say nothing): it becomes a keyboard slider. Arrows move 10 s (with Shift a minute), Page Up/Down
   * five minutes, Home/End to the start and end; the app's own keys leave it alone (src/ui/keyboard.ts).
   */
  private bindScrubberKeys(slider: HTMLElement): void {
    slider.tabIndex = 0;
    slider.setAttribute('role', 'slider');
    slider.setAttribute('aria-labelledby', this.time.$name.id);
    slider.setAttribute('aria-valuemin', '0');
    slider.addEventListener('keydown', (e) => {
      const s = this.store.get();
      const unit = e.shiftKey ? 60_000 : 10_000;
      const by: Record<string, number> = { ArrowRight: unit, ArrowUp: unit, ArrowLeft: -unit, ArrowDown: -unit, PageUp: 300_000, PageDown: -300_000 };
      let to: number;
      if (e.key in by) to = s.timeMs + by[e.key]!;
      else if (e.key === 'Home') to = s.scenario.startMs;
      else if (e.key === 'End') to = s.scenario.endMs;
      else return;
      e.preventDefault();
      this.store.seek(Math.min(s.scenario.endMs, Math.max(s.scenario.startMs, to)));
    });
  }

  get open(): boolean {
    return !this.gui._closed;
  }

  /** Opens or closes the panel; closed, it leaves the screen (its title bar closes it too). */
  setOpen(open: boolean): void {
    this.gui.open(open);
    this.showOpen();
  }

  /** `listener` hears whether the panel is open, now and on every change. */
  onOpenChange(listener: (open: boolean) => void): void {
    this.openListeners.add(listener);
    listener(this.open);
  }

  private showOpen(): void {
    const hadFocus = this.parent.contains(document.activeElement);
    this.parent.hidden = !this.open;
    for (const l of this.openListeners) l(this.open);
    // The button that opens the panel (under the caption) has aria-controls="controls".
    const opener = document.querySelector<HTMLElement>(`[aria-controls="${this.parent.id}"]`);
    if (!this.open && hadFocus) opener?.focus({ preventScroll: true });
    else if (this.open && opener && document.activeElement === opener) this.gui.$title.focus({ preventScroll: true });
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.lang || change.scenario) this.relabel(state);
    if (change.time || change.step || change.playback || change.camera || change.lang || change.scenario || change.card) this.sync(state);
    if (change.ui) this.gui.domElement.hidden = !state.uiVisible;
    // Presenter mode takes the screen, and the sources view takes this panel's place: the panel closes.
    if (change.ui && state.presenting && this.open) this.setOpen(false);
    if (change.sources && state.sourcesView.open && this.open) this.setOpen(false);
    this.layers.render(state, change);
    this.imagery.render(state, change);
    this.quality.render(state, change);
  };

  private relabel(state: AppState): void {
    const { lang, scenario } = state;
    this.gui.title(t(lang, 'controls'));
    // A landmark a screen reader can jump to (lil-gui's markup is plain divs).
    this.parent.setAttribute('role', 'region');
    this.parent.setAttribute('aria-label', t(lang, 'controls'));
    this.time.max((scenario.endMs - scenario.startMs) / 1000);
    (this.time as NumberController).$slider.title = a11y(lang, 'scrubberHint');
    this.speed.name(t(lang, 'speed'));
    this.lang.name(t(lang, 'language'));
    this.sources.name(sourcesWord(lang, 'controlEntry'));
    this.openFile.name(importWord(lang, 'openFile'));
    this.compareFile.name(importWord(lang, 'compareFile'));
    this.dataFolder.title(importWord(lang, 'exportData'));
    const names = ['exportCzml', 'exportKml', 'exportGeojson', 'exportScenario'] as const;
    this.dataExports.forEach((c, i) => c.name(importWord(lang, names[i]!)));
    const stepOptions: Record<string, string> = {};
    for (const s of scenario.steps) {
      const when = s.kind === 'epilogue' ? formatLongDate(s.timeMs, lang) : formatUtcClock(s.timeMs).slice(0, 8);
      stepOptions[`${s.index + 1}. ${when} — ${localize(s.title, lang)}`] = s.id;
    }
    this.chapterList.destroy();
    const chapterOptions: Record<string, string> = {};
    scenario.chapters.forEach((c, i) => (chapterOptions[`${i + 1}. ${localize(c.title, lang)}`] = c.id));
    this.chapterList = this.gui
      .add(this.model, 'chapter', chapterOptions)
      .name(message(lang, 'chapters', 'chapter'))
      .onChange((id: string) => this.store.goToChapter(id));
    this.chapterList.domElement.classList.add('chapter-list');
    this.chapterList.domElement.dataset.testid = 'chapter-list';
    this.chapterList.show(scenario.chapters.length > 0);
    (this.chapterList as OptionController).$select.title = message(lang, 'chapters', 'keys');
    this.stepList.destroy();
    this.stepList = this.gui
      .add(this.model, 'step', stepOptions)
      .name(t(lang, 'step'))
      .onChange((id: string) => this.store.goToStepRef(id));
    this.stepList.domElement.classList.add('step-list');
    groupByChapter((this.stepList as OptionController).$select, scenario.chapters, lang);
    this.camera.destroy();
    this.camera = this.gui
      .add(this.model, 'camera', Object.fromEntries(CAMERA_MODES.map((m) => [t(lang, m), m])))
      .name(t(lang, 'camera'))
      .onChange((m: CameraMode) => this.store.setCamera(m));
    // Keep the order: chapter list, step list and camera after the speed, language last.
    this.speed.domElement.after(this.chapterList.domElement);
    this.chapterList.domElement.after(this.stepList.domElement);
    this.stepList.domElement.after(this.camera.domElement);
  }

  private sync(state: AppState): void {
    const m = this.model;
    m.timeSec = Math.round((state.timeMs - state.scenario.startMs) / 1000);
    m.speed = state.speed;
    m.step = state.scenario.steps[state.stepIndex]?.id ?? '';
    const chapter = state.card === 'title' ? undefined : state.scenario.chapters[chapterIndexOf(state.scenario, state.stepIndex)];
    m.chapter = chapter?.id ?? '';
    m.camera = state.camera;
    m.lang = state.lang;
    this.time.name(`${t(state.lang, 'time')} ${formatUtcClock(state.timeMs).slice(0, 8)}`);
    this.time.updateDisplay();
    const slider = (this.time as NumberController).$slider;
    slider.setAttribute('aria-valuemax', String(Math.round((state.scenario.endMs - state.scenario.startMs) / 1000)));
    slider.setAttribute('aria-valuenow', String(m.timeSec));
    slider.setAttribute('aria-valuetext', formatUtcClock(state.timeMs));
    this.speed.updateDisplay();
    this.chapterList.updateDisplay();
    this.stepList.updateDisplay();
    this.camera.updateDisplay();
    this.lang.updateDisplay();
  }
}

/**
 * The step list's options under their chapters' titles (<optgroup>): the order of the options stays
 * as lil-gui made them, so its selectedIndex still names the same step.
 */
function groupByChapter(select: HTMLSelectElement, chapters: AppState['scenario']['chapters'], lang: string): void {
  if (chapters.length === 0) return;
  const options = Array.from(select.options);
  chapters.forEach((c, i) => {
    const group = document.createElement('optgroup');
    group.label = `${i + 1}. ${localize(c.title, lang)}`;
    group.append(...options.slice(c.firstStep, c.lastStep + 1));
    select.append(group);
  });
}
