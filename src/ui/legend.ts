/** Explains the track styles with the same patterns the globe draws (globe/styles.ts). */
import type { AppState, Change } from '../app/store';
import type { ProvenanceKind } from '../scenario/model';
import { PROVENANCE_STYLES, TRAIL_CSS } from '../theme/styles';
import { el } from './dom';
import { t } from './i18n';

const SVG_NS = 'http://www.w3.org/2000/svg';

function swatch(css: string, width: number, dash: string | null): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '48');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG_NS, 'line');
  line.setAttribute('x1', '2');
  line.setAttribute('x2', '46');
  line.setAttribute('y1', '7');
  line.setAttribute('y2', '7');
  line.setAttribute('stroke', css);
  line.setAttribute('stroke-width', String(width));
  if (dash) line.setAttribute('stroke-dasharray', dash);
  svg.append(line);
  return svg;
}

export class Legend {
  readonly element = el('aside', 'legend hud-panel');

  constructor(parent: HTMLElement) {
    parent.append(this.element);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.lang || change.scenario) this.draw(state);
  };

  draw(state: AppState): void {
    const { lang, scenario } = state;
    const present = new Set<ProvenanceKind>(scenario.track.map((s) => s.provenance));
    this.element.replaceChildren(el('div', 'legend-title', t(lang, 'legend')));
    for (const kind of ['measured', 'reported', 'inferred'] as const) {
      const style = PROVENANCE_STYLES[kind];
      const dash = style.dash ? (kind === 'reported' ? '10 4' : '4 4') : null;
      const row = el('div', `legend-row legend-${kind}`);
      row.append(swatch(style.css, style.widthPx, dash), el('span', '', t(lang, kind) + (present.has(kind) ? '' : ` — ${t(lang, 'noneInCase')}`)));
      this.element.append(row);
    }
    const trail = el('div', 'legend-row');
    trail.append(swatch(TRAIL_CSS, 6, null), el('span', '', t(lang, 'trail')));
    this.element.append(trail);
  }
}
