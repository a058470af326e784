/**
 * The aircraft's systems around the damage event: autopilot, flight controls, hydraulics 1/2/3,
 * pitch trim and cabin pressure, switching at the recorded seconds, each change with its sources;
 * below, the key that tells established from claimed elements of the overlay, with sources.
 * Open while the damage sequence matters (first impact to the landing decision, see
 * `panelFromMs`/`panelToMs` in src/scenario/damageEvent.ts), otherwise folded to one line that names
 * the main fault and opens the panel on click or Enter. On a phone it stays folded unless opened.
 * Redrawn only when a status, the fold, the screen class or the language changes.
 */
import type { AppState, Change } from '../app/store';
import {
  createDamageState,
  damageStateAt,
  damageTimeline,
  SYSTEMS,
  type DamageState,
  type DamageTimeline,
  type SystemId,
  type SystemStatus,
} from '../scenario/damageEvent';
import { localize, type Scenario } from '../scenario/model';
import { formatUtcClock } from '../geo/time';
import { CLAIMED_CSS, ESTABLISHED_CSS } from '../theme/damage';
import { el, sourceLink } from './dom';
import { citationText } from './format';
import { moreFaults, systemsSummary, systemsWords } from './systemsText';
import { Fold } from './fold';
import type { ScreenClass } from './screen';
import './systemsPanel.css';

export class SystemsPanel {
  readonly element = el('section', 'systems-panel hud-panel');
  private readonly toggle = el('button', 'systems-toggle');
  private readonly body = el('div', 'systems-body');
  private readonly fold: Fold;
  private timeline: DamageTimeline | null = null;
  private scenario: Scenario | null = null;
  private damage: DamageState;
  private signature = '';
  private phone = false;
  private state: AppState | null = null;

  /** `onFold` hears whether the panel is open (the legend folds to its key beside an open panel). */
  constructor(
    parent: HTMLElement,
    scenario: Scenario,
    private readonly onFold: (open: boolean) => void = () => undefined,
  ) {
    this.element.dataset.testid = 'systems-panel';
    this.element.hidden = true;
    this.element.append(this.toggle, this.body);
    parent.append(this.element);
    this.setScenario(scenario);
    this.damage = createDamageState(this.timeline);
    this.fold = new Fold(this.element, this.toggle, (open) => {
      if (this.state) this.drawToggle(this.state);
      this.onFold(open && !this.element.hidden);
    });
  }

  private setScenario(scenario: Scenario): void {
    this.scenario = scenario;
    this.timeline = damageTimeline(scenario);
    this.signature = '';
  }

  /** Screen class: on a phone the panel is proposed folded even during the damage sequence. */
  readonly setScreen = (screen: ScreenClass): void => {
    this.phone = screen.phone;
    this.signature = '';
    if (this.state)
      this.render(this.state, { time: true, step: false, playback: false, camera: false, lang: false, scenario: false, notices: false, ui: false });
  };

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    this.state = state;
    if (change.scenario && state.scenario !== this.scenario) {
      this.setScenario(state.scenario);
      this.damage = createDamageState(this.timeline);
    }
    if (!(change.time || change.step || change.lang || change.scenario || change.ui)) return;
    const d = damageStateAt(this.timeline, state.timeMs, this.damage);
    const shown = this.timeline !== null && state.uiVisible;
    let sig = `${state.lang}|${shown ? 1 : 0}|${d.panelVisible ? 1 : 0}|${this.phone ? 1 : 0}`;
    for (const id of SYSTEMS) sig += `|${d.systems[id].status}`;
    if (sig === this.signature) return;
    this.signature = sig;
    this.element.hidden = !shown;
    if (shown) {
      this.drawBody(state);
      this.fold.propose(d.panelVisible && !this.phone);
      this.drawToggle(state);
    }
    this.onFold(shown && this.fold.open);
  };

  /** Folded: "Aircraft systems: 3 hydraulic systems failed · 4 more ▸"; open: the title and "▾". */
  private drawToggle(state: AppState): void {
    const w = systemsWords(state.lang);
    // A named section is a landmark: the panel's whole content is inside one.
    this.element.setAttribute('aria-label', w.title);
    const status = Object.fromEntries(SYSTEMS.map((id) => [id, this.damage.systems[id].status])) as Record<SystemId, SystemStatus>;
    const summary = systemsSummary(status, state.lang);
    const open = this.fold.open;
    this.toggle.replaceChildren(el('strong', 'systems-title', w.title));
    if (open) this.toggle.append(el('span', 'systems-subtitle', ` · ${w.subtitle}`));
    else {
      this.toggle.append(el('span', 'systems-summary', `: ${summary.lead}`));
      if (summary.more) this.toggle.append(el('span', 'systems-more', ` ${moreFaults(state.lang, summary.more)}`));
    }
    this.toggle.append(el('span', 'fold-mark', open ? ' ▾' : ' ▸'));
    this.toggle.title = open ? w.foldHint : [w.openHint, ...summary.all].join('\n');
    this.toggle.classList.toggle('systems-faulty', summary.all.length > 0);
  }

  private drawBody(state: AppState): void {
    const w = systemsWords(state.lang);
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
      // "no fault reported" may use the empty time column: one line in German too.
      if (!c) status.colSpan = 2;
      if (c) {
        c.sources.forEach((src, i) => {
          const cite = citationText(state.scenario, src);
          const link = sourceLink(cite.url, String(i + 1));
          link.title = cite.title;
          link.classList.add('systems-cite');
          when.append(link);
        });
      }
      row.append(el('th', 'systems-name', w.systems[id]), status);
      if (c) row.append(when);
      table.append(row);
    }
    this.body.replaceChildren(table);
    if (this.timeline)
      this.body.append(
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
