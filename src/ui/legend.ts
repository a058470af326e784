/**
 * Explains the track styles with the same patterns the globe draws (globe/styles.ts). Open: one row
 * per kind with its meaning; folded: a one-line key ("Track: ━ reported ┄ inferred ━ last 6 min ·
 * no measured positions ▸"). Open on roomy screens unless the systems panel is open beside it.
 */
import type { AppState, Change } from '../app/store';
import type { ProvenanceKind } from '../scenario/model';
import { PROVENANCE_STYLES, TRAIL_CSS } from '../theme/styles';
import { el } from './dom';
import { t, type UiKey } from './i18n';
import { Fold } from './fold';
import type { ScreenClass } from './screen';
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

  constructor(parent: HTMLElement) {
    this.element.append(this.toggle, this.rows);
    parent.append(this.element);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.lang || change.scenario) this.draw(state);
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
}
