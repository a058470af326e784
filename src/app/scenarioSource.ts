/** Where the built-in scenario comes from: a static file next to the app (same origin, offline). */
import { formatProblems, loadScenarioText } from '../scenario/validate';
import type { Scenario } from '../scenario/model';
import { say, type Say } from '../i18n/catalogue';

const DEFAULT_SCENARIO_URL = new URL('../../data/azal-8243.json', import.meta.url).href;

export type LoadedScenario =
  { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly message: Say; readonly details: readonly string[] };

export async function loadScenarioFromUrl(url: string): Promise<LoadedScenario> {
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) return { ok: false, message: say('notices', 'scenarioUnreadable'), details: [`HTTP ${response.status}`, url] };
    text = await response.text();
  } catch (err) {
    return { ok: false, message: say('notices', 'scenarioUnreadable'), details: [String((err as Error).message ?? err)] };
  }
  const result = loadScenarioText(text);
  if (!result.ok) return { ok: false, message: say('notices', 'scenarioBroken'), details: formatProblems(result.problems) };
  return result;
}

export function loadDefaultScenario(): Promise<LoadedScenario> {
  return loadScenarioFromUrl(DEFAULT_SCENARIO_URL);
}
