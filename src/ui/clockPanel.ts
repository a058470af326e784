/** Title, the UTC clock and local times at the flight's places, and what is known of the position now. */
import type { AppState, Change } from '../app/store';
import { localize, placeLabel, type Place } from '../scenario/model';
import { formatLocalClock, formatOffset, formatUtcClock } from '../geo/time';
import { el } from './dom';
import { t } from './i18n';

export class ClockPanel {
  readonly element = el('header', 'clock-panel hud-panel');
  private readonly title = el('h1', 'clock-title');
  private readonly utc = el('div', 'clock-utc');
  private readonly locals = el('div', 'clock-locals');
  private readonly people = el('div', 'clock-people');
  private localCells: { place: Place; cell: HTMLElement }[] = [];

  constructor(parent: HTMLElement) {
    this.utc.dataset.testid = 'clock-utc';
    this.element.append(this.title, this.utc, this.locals, this.people);
    parent.append(this.element);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.scenario || change.lang) this.build(state);
    if (change.time || change.scenario || change.lang) this.tick(state);
  };

  build(state: AppState): void {
    const { scenario, lang } = state;
    this.title.textContent = localize(scenario.title, lang);
    this.locals.replaceChildren();
    this.localCells = [];
    for (const place of scenario.places.values()) {
      if (place.kind !== 'airport' || place.utcOffsetMin === undefined) continue;
      const cell = el('span', 'clock-local');
      this.locals.append(cell);
      this.localCells.push({ place, cell });
    }
    const p = scenario.people;
    // An imported track says nothing of the people aboard: the line shows who flew, as far as the file says.
    this.people.textContent = p
      ? t(lang, 'people', { aboard: p.aboard.value, killed: p.killed.value, survived: p.survived.value })
      : [scenario.flight.callsign, scenario.flight.registration, scenario.flight.aircraft].filter(Boolean).join(' · ');
  }

  tick(state: AppState): void {
    this.utc.textContent = formatUtcClock(state.timeMs);
    for (const { place, cell } of this.localCells) {
      // The offset is its own span: a phone shows the place and time only.
      const offset = el('span', 'clock-offset', ` (${formatOffset(place.utcOffsetMin!)})`);
      cell.replaceChildren(`${placeLabel(place, state.lang)} ${formatLocalClock(state.timeMs, place.utcOffsetMin!)}`, offset);
    }
  }
}
