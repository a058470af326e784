/** The page's title follows the scenario and the language ("Azerbaijan Airlines J2-8243, 25 декабря 2024 г. — flightrecon"). */
import type { AppState, Change } from '../app/store';
import { localize } from '../scenario/model';

export function renderPageTitle(state: AppState, change: Readonly<Change>, doc: Document = document): void {
  if (!(change.lang || change.scenario)) return;
  doc.title = `${localize(state.scenario.title, state.lang)} — flightrecon`;
}
