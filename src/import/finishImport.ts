/**
 * The page's half of an import: a checked import from the worker (src/import/importFile.ts
 * buildImport) becomes the Scenario. Kept apart from the readers so the page does not load them.
 */
import { loadScenarioColumns, loadScenarioText, formatProblems } from '../scenario/validate';
import type { Scenario } from '../scenario/model';
import type { TrackColumns } from '../scenario/columns';
import type { ScenarioFileData } from '../scenario/schema';
import type { LegChoice } from './toScenario';
import { ImportError, type TrackFormat } from './types';

/** What an import gives the app: the scenario and what the file was. */
export interface ImportResult {
  scenario: Scenario;
  format: TrackFormat | 'scenario';
  formatName: string;
  legs: number;
  /** The leg(s) shown. */
  leg: LegChoice;
  /** Fixes read from the file (in the legs shown); samples the importer added in gaps are not counted. */
  fixes: number;
  notes: string[];
}

/**
 * A checked import, in the form that crosses from the worker to the page cheaply: a scenario file's
 * text, or a track's scenario head plus its columns (typed arrays, transferred).
 */
export type BuiltImport =
  | { kind: 'scenario'; text: string }
  | {
      kind: 'track';
      head: ScenarioFileData;
      columns: TrackColumns;
      format: TrackFormat;
      formatName: string;
      legs: number;
      leg: LegChoice;
      fixes: number;
      notes: string[];
    };

const listed = (n: number) => (n === 1 ? 'the problem is listed below' : `${n} problems, listed below`);

/** A checked import → the Scenario (on the page: builds the samples from the columns). Throws ImportError. */
export function finishImport(b: BuiltImport): ImportResult {
  if (b.kind === 'scenario') {
    const result = loadScenarioText(b.text);
    if (!result.ok) throw new ImportError(`not a valid scenario file (${listed(result.problems.length)})\n${formatProblems(result.problems).join('\n')}`);
    return {
      scenario: result.scenario,
      format: 'scenario',
      formatName: 'flightrecon scenario',
      legs: 1,
      leg: 'all',
      fixes: result.scenario.track.length,
      notes: [],
    };
  }
  const result = loadScenarioColumns(b.head, b.columns);
  if (!result.ok)
    throw new ImportError(`the track does not make a valid flight (${listed(result.problems.length)})\n${formatProblems(result.problems).join('\n')}`);
  return { scenario: result.scenario, format: b.format, formatName: b.formatName, legs: b.legs, leg: b.leg, fixes: b.fixes, notes: b.notes };
}
