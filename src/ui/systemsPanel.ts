/**
 * The aircraft's systems around the damage event: autopilot, flight controls, hydraulics 1/2/3,
 * pitch trim and cabin pressure, switching at the recorded seconds, each change with its sources;
 * below, the key that tells established from claimed elements of the overlay, with sources.
 * Redrawn only when a status, the visibility or the language changes.
 */
import type { AppState, Change } from '../app/store';
import { createDamageState, damageStateAt, damageTimeline, SYSTEMS, type DamageState, type DamageTimeline } from '../scenario/damageEvent';
import { localize, type Scenario } from '../scenario/model';
import { formatUtcClock } from '../geo/time';
import { CLAIMED_CSS, ESTABLISHED_CSS } from '../theme/damage';
import { el, sourceLink } from './dom';
import { citationText } from './format';
import { systemsWords } from './systemsText';
import './systemsPanel.css';

export class SystemsPanel {
  readonly element = el('section', 'systems-panel hud-panel');
  private timeline: DamageTimeline | null = null;
  private scenario: Scenario | null = null;
  private damage: DamageState;
  private signature = '';

  constructor(parent: HTMLElement, scenario: Scenario) {
    this.element.dataset.testid = 'systems-panel';
    this.element.hidden = true;
    parent.append(this.element);
    this.setScenario(scenario);
    this.damage = createDamageState(this.timeline);
  }

  private setScenario(scenario: Scenario): void {
    this.scenario = scenario;
    this.timeline = damageTimeline(scenario);
    this.signature = '';
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.scenario && state.scenario !== this.scenario) {
      this.setScenario(state.scenario);
      this.damage = createDamageState(this.timeline);
    }
    if (!(change.time || change.step || change.lang || change.scenario || change.ui)) return;
    const d = damageStateAt(this.timeline, state.timeMs, this.damage);
    let sig = `${state.lang}|${d.panelVisible && state.uiVisible ? 1 : 0}`;
    for (const id of SYSTEMS) sig += `|${d.systems[id].status}`;
    if (sig === this.signature) return;
    this.signature = sig;
    this.element.hidden = !(d.panelVisible && state.uiVisible);
    if (!this.element.hidden) this.draw(state);
  };

  private draw(state: AppState): void {
    const w = systemsWords(state.lang);
    const root = this.element;
    root.replaceChildren();
    const head = el('div', 'systems-head');
    head.append(el('strong', 'systems-title', w.title), el('span', 'systems-subtitle', ` · ${w.subtitle}`));
    const table = el('table', 'systems-table');
    for (const id of SYSTEMS) {
      const reading = this.damage.systems[id];
      const row = el('tr', `systems-row status-${reading.status}`);
      row.dataset.system = id;
      row.dataset.status = reading.status;
      const c = reading.change;
      const status = el('td', 'systems-status');
      const badge = el('span', 'systems-badge', w.status[reading.status]);
      // The detail (e.g. "0 psi, 0 % fluid") on hover keeps each row to one line.
      if (c?.detail) badge.title = localize(c.detail, state.lang);
      status.append(badge);
      const when = el('td', 'systems-when', c ? formatUtcClock(c.timeMs).slice(0, 8) : '');
      if (c) {
        c.sources.forEach((src, i) => {
          const cite = citationText(state.scenario, src);
          const link = sourceLink(cite.url, String(i + 1));
          link.title = cite.title;
          link.classList.add('systems-cite');
          when.append(link);
        });
      }
      row.append(el('th', 'systems-name', w.systems[id]), status, when);
      table.append(row);
    }
    root.append(head, table);
    if (this.timeline)
      root.append(
        this.keyLine(state, 'established', w.established, this.timeline.damageSources),
        this.keyLine(state, 'claimed', w.claimed, this.timeline.claimSources),
      );
  }

  private keyLine(state: AppState, basis: 'established' | 'claimed', text: string, sources: readonly string[]): HTMLElement {
    const line = el('div', `systems-key systems-key-${basis}`);
    const swatch = el('span', 'systems-swatch');
    swatch.style.borderColor = basis === 'established' ? ESTABLISHED_CSS : CLAIMED_CSS;
    line.append(swatch, el('span', '', text));
    sources.forEach((src, i) => {
      const cite = citationText(state.scenario, src);
      const link = sourceLink(cite.url, `[${i + 1}]`);
      link.title = cite.title;
      line.append(' ', link);
    });
    return line;
  }
}
