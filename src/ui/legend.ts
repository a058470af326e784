/**
 * Explains the track styles with the same patterns the globe draws (globe/styles.ts). Open: one row
 * per kind with its meaning; folded: a one-line key ("Track: ━ reported ┄ inferred ━ last 6 min ·
 * no measured positions ▸"). Open on roomy screens unless the systems panel is open beside it.
 * Tracks opened to compare are listed below it, open or folded, each with a button to remove it.
 */
import type { AppState, Change, ComparisonTrack } from '../app/store';
import type { ProvenanceKind } from '../scenario/model';
import { PROVENANCE_STYLES, TRAIL_CSS } from '../theme/styles';
import { el } from './dom';
import { t, type UiKey } from './i18n';
import { Fold } from './fold';
import type { ScreenClass } from './screen';
import { message } from '../i18n/catalogue';
import './legend.css';

const SVG_NS = 'http://www.w3.org/2000/svg';
const KINDS = ['measured', 'reported', 'inferred'] as const;
const KEY_WORD: Readonly<Record<ProvenanceKind, UiKey>> = { measured: 'keyMeasured', reported: 'keyReported', inferred: 'keyInferred' };
const NONE: Readonly<Record<ProvenanceKind, UiKey>> = { measured: 'noneMeasured', reported: 'noneReported', inferred: 'noneInferred' };

function swatch(css: string, width: number, dash: string | null, length = 48): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', String(length));
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG_NS, 'line');
  line.setAttribute('x1', '2');
  line.setAttribute('x2', String(length - 2));
  line.setAttribute('y1', '7');
  line.setAttribute('y2', '7');
  line.setAttribute('stroke', css);
  line.setAttribute('stroke-width', String(width));
  if (dash) line.setAttribute('stroke-dasharray', dash);
  svg.append(line);
  return svg;
}

/**
 * A compared track's line: dash-dot over a dark casing, as the globe draws it
 * (src/globe/comparisonLayer.ts COMPARISON_LINE) and the profile chart (COMPARISON_DASH there).
 */
function comparisonSwatch(css: string, length = 36): SVGSVGElement {
  const svg = swatch('rgba(0,0,0,0.45)', 3, null, length);
  const line = svg.firstElementChild!.cloneNode() as SVGLineElement;
  line.setAttribute('stroke', css);
  line.setAttribute('stroke-width', '2.5');
  line.setAttribute('stroke-dasharray', '7 3 3 3');
  svg.append(line);
  return svg;
}

export interface LegendOptions {
  /** The reader asked to remove a compared track (its `ComparisonTrack.id`). */
  onRemoveComparison?: (id: string) => void;
  /** The reader asked for "How this reconstruction was made" (the method page); without it the button is not shown. */
  onOpenMethod?: () => void;
}

function dashOf(kind: ProvenanceKind): string | null {
  return PROVENANCE_STYLES[kind].dash ? (kind === 'reported' ? '10 4' : '4 4') : null;
}

export class Legend {
  readonly element = el('aside', 'legend hud-panel');
  private readonly toggle = el('button', 'legend-toggle');
  private readonly rows = el('div', 'legend-rows');
  private readonly fold = new Fold(this.element, this.toggle);
  private roomy = false;
  private besideOpenPanel = false;
  /** Compared tracks: shown whether the legend is open or folded (their remove buttons stay reachable). */
  private readonly compared = el('div', 'legend-compare');
  private removeComparison: ((id: string) => void) | null;
  /** "How this was made": opens the method page (src/ui/story/methodPage.ts). */
  readonly methodButton = el('button', 'legend-method');

  constructor(parent: HTMLElement, options: LegendOptions = {}) {
    this.removeComparison = options.onRemoveComparison ?? null;
    this.compared.hidden = true;
    this.methodButton.type = 'button';
    this.methodButton.dataset.testid = 'legend-method';
    this.methodButton.hidden = !options.onOpenMethod;
    if (options.onOpenMethod) this.methodButton.addEventListener('click', options.onOpenMethod);
    this.element.append(this.toggle, this.rows, this.compared, this.methodButton);
    parent.append(this.element);
  }

  /** Sets (or replaces) what the compared tracks' remove buttons call; without one the buttons are not shown. */
  onRemoveComparison(fn: ((id: string) => void) | null): void {
    this.removeComparison = fn;
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.lang || change.scenario) this.draw(state);
    if (change.lang || change.scenario || change.comparisons) this.drawComparisons(state.comparisons, state.lang);
  };

  readonly setScreen = (screen: ScreenClass): void => {
    this.roomy = screen.roomy;
    this.propose();
  };

  /** The systems panel beside the legend opened or folded. */
  readonly setBesideOpenPanel = (open: boolean): void => {
    this.besideOpenPanel = open;
    this.propose();
  };

  private propose(): void {
    this.fold.propose(this.roomy && !this.besideOpenPanel);
  }

  draw(state: AppState): void {
    const { lang, scenario } = state;
    const present = new Set<ProvenanceKind>(scenario.track.map((s) => s.provenance));
    // The toggle shows the title and, folded, the one-line key (CSS hides the key while open).
    const key = el('span', 'legend-key');
    for (const kind of KINDS) {
      if (!present.has(kind)) continue;
      const style = PROVENANCE_STYLES[kind];
      key.append(swatch(style.css, style.widthPx, dashOf(kind), 26), el('span', 'legend-key-word', t(lang, KEY_WORD[kind])));
    }
    key.append(swatch(TRAIL_CSS, 6, null, 26), el('span', 'legend-key-word', t(lang, 'keyTrail')));
    const absent = KINDS.filter((k) => !present.has(k)).map((k) => t(lang, NONE[k]));
    if (absent.length) key.append(el('span', 'legend-key-none', `· ${absent.join(', ')}`));
    this.toggle.replaceChildren(el('span', 'legend-title', t(lang, 'legend')), key, el('span', 'fold-mark', ''));
    this.toggle.title = t(lang, 'legendHint');
    this.methodButton.textContent = `${message(lang, 'story', 'legendMethod')} ›`;
    this.rows.replaceChildren();
    for (const kind of KINDS) {
      const style = PROVENANCE_STYLES[kind];
      const row = el('div', `legend-row legend-${kind}`);
      row.append(swatch(style.css, style.widthPx, dashOf(kind)), el('span', '', t(lang, kind) + (present.has(kind) ? '' : ` — ${t(lang, 'noneInCase')}`)));
      this.rows.append(row);
    }
    const trail = el('div', 'legend-row');
    trail.append(swatch(TRAIL_CSS, 6, null), el('span', '', t(lang, 'trail')));
    this.rows.append(trail);
  }

  /** One row per compared track: its line, its label (text from the reader's file: textContent only) and a remove button. */
  private drawComparisons(comparisons: readonly ComparisonTrack[], lang: string): void {
    const hadFocus = this.compared.contains(document.activeElement);
    this.compared.hidden = comparisons.length === 0;
    if (comparisons.length === 0) {
      this.compared.replaceChildren();
      if (hadFocus) this.toggle.focus();
      return;
    }
    const list = el('ul', 'legend-compare-list');
    for (const c of comparisons) {
      const row = el('li', 'legend-row legend-compare-row');
      row.dataset.comparisonId = c.id;
      const name = el('span', 'legend-compare-label', c.label);
      name.title = c.label;
      row.append(comparisonSwatch(c.color), name);
      if (this.removeComparison) {
        const remove = el('button', 'legend-compare-remove', '×');
        remove.type = 'button';
        // Not t(…, vars): String.replace would read "$&" in a file's label as a pattern.
        const text = t(lang, 'removeCompared').split('{label}').join(c.label);
        remove.setAttribute('aria-label', text);
        remove.title = text;
        remove.addEventListener('click', () => this.remove(c.id));
        row.append(remove);
      }
      list.append(row);
    }
    this.compared.replaceChildren(el('div', 'legend-compare-title', t(lang, 'compared')), list);
  }

  /** Removes a compared track and keeps the keyboard focus in the legend (the next row's button, else the previous, else the toggle). */
  private remove(id: string): void {
    const buttons = () => [...this.compared.querySelectorAll<HTMLButtonElement>('.legend-compare-remove')];
    const index = buttons().findIndex((b) => b.closest<HTMLElement>('.legend-compare-row')?.dataset.comparisonId === id);
    this.removeComparison?.(id);
    if (document.activeElement && this.element.contains(document.activeElement)) return; // still there (not removed), or the toggle
    const rest = buttons();
    const next = rest[Math.min(Math.max(0, index), rest.length - 1)];
    (next ?? this.toggle).focus();
  }
}
