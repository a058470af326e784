/** Messages between the page and the import worker (src/app/importWorker.ts). */
import type { BuiltImport, LegSummary } from '../import/importFile';
import type { LegChoice } from '../import/toScenario';

export type ToWorker = { type: 'open'; file: File } | { type: 'leg'; leg: LegChoice };

export type FromWorker =
  | { type: 'progress'; phase: 'reading' | 'parsing' | 'building'; fraction: number }
  | { type: 'legs'; legs: LegSummary[]; formatName: string }
  | { type: 'done'; built: BuiltImport; parseMs: number }
  | { type: 'error'; message: string };
