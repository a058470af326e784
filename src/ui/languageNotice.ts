/**
 * When the reader picks a language the scenario has no texts in (an imported flight is written in
 * English and German), a notice says its steps and captions stay in English; it goes when the
 * language or the flight changes.
 */
import type { AppState, Change, Store } from '../app/store';
import { message } from '../i18n/catalogue';
import { isAppLanguage, LANGUAGE_NAMES } from '../i18n/languages';

export function watchScenarioLanguage(store: Store): (state: AppState, change: Readonly<Change>) => void {
  let shown: number | null = null;
  return (state, change) => {
    if (!(change.lang || change.scenario)) return;
    if (shown !== null) store.dismissNotice(shown);
    shown = null;
    const lang = state.lang;
    if (!isAppLanguage(lang) || state.scenario.languages.includes(lang)) return;
    const language = LANGUAGE_NAMES[lang];
    shown = store.notify('info', (l) => message(l, 'notices', 'textsInEnglish', { language })).id;
  };
}
