/**
 * "Open scenario file…": reads a local JSON file, validates it, and either shows it or explains, in
 * the page, what is wrong — keeping the scenario that was already loaded.
 */
import type { Store } from '../app/store';
import { formatProblems, loadScenarioText } from '../scenario/validate';
import { el } from './dom';

/** Larger files are refused before parsing (a scenario is a few hundred kB). */
const MAX_BYTES = 20 * 1024 * 1024;

export function createScenarioFileInput(parent: HTMLElement, store: Store): HTMLInputElement {
  const input = el('input', 'scenario-file-input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.hidden = true;
  input.dataset.testid = 'scenario-file';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void openScenarioFile(file, store);
  });
  parent.append(input);
  return input;
}

export async function openScenarioFile(file: File, store: Store): Promise<boolean> {
  if (file.size > MAX_BYTES) {
    store.notify('error', `"${file.name}" is too large for a scenario file (${Math.round(file.size / 1e6)} MB). Nothing was changed.`);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    store.notify('error', `"${file.name}" could not be read. Nothing was changed.`, [String((err as Error).message ?? err)]);
    return false;
  }
  const result = loadScenarioText(text);
  if (!result.ok) {
    store.notify('error', `"${file.name}" is not a valid scenario file; the current scenario stays loaded. Problems:`, formatProblems(result.problems));
    return false;
  }
  store.setScenario(result.scenario);
  store.notify('info', `Opened "${file.name}": ${result.scenario.steps.length} steps, ${result.scenario.track.length} track samples.`);
  return true;
}
