/**
 * Runs an import in the import worker (src/app/importWorker.ts): the page stays responsive while a
 * large file is read, parsed and validated; a worker that finished a file is kept for the next.
 */
import { finishImport, type ImportResult } from '../import/finishImport';
import type { LegSummary } from '../import/importFile';
import type { LegChoice } from '../import/toScenario';
import type { FromWorker, ToWorker } from './importProtocol';

export interface ImportHooks {
  /** A leg given in advance (API); else `chooseLeg` is asked when the file has several. */
  leg?: LegChoice;
  /** Asks the reader which leg; null cancels the import. */
  chooseLeg?: (legs: LegSummary[], formatName: string) => Promise<LegChoice | null>;
  progress?: (phase: 'reading' | 'parsing' | 'building', fraction: number) => void;
  /** Aborting ends the worker; the promise rejects with ImportCanceled. */
  signal?: AbortSignal;
}

export class ImportCanceled extends Error {
  constructor() {
    super('Import canceled');
    this.name = 'AbortError';
  }
}

/**
 * The worker of the last import that ended normally, kept for the next one: its readers are loaded
 * and compiled once. A canceled or failed worker is ended instead (it may be mid-file).
 */
let idle: Worker | null = null;

export function importInWorker(file: File, hooks: ImportHooks = {}): Promise<{ result: ImportResult; parseMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = idle ?? new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'flightrecon-import' });
    idle = null;
    let ended = false;
    /** keep: the worker finished its file (a result or a reasoned error) and can take the next. */
    const finish = (keep: boolean) => {
      if (ended) return;
      ended = true;
      worker.onmessage = worker.onerror = null;
      if (keep && !idle) idle = worker;
      else worker.terminate();
    };
    const end = () => finish(false);
    hooks.signal?.addEventListener('abort', () => {
      if (ended) return;
      end();
      reject(new ImportCanceled());
    });
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || 'the import worker failed'));
    };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'progress') hooks.progress?.(m.phase, m.fraction);
      else if (m.type === 'legs') {
        const send = (leg: LegChoice) => worker.postMessage({ type: 'leg', leg } satisfies ToWorker);
        if (hooks.leg !== undefined) {
          if (hooks.leg !== 'all' && !m.legs[hooks.leg]) {
            end();
            reject(new Error(`the file has ${m.legs.length} legs; there is no leg ${hooks.leg}`));
          } else send(hooks.leg);
        } else if (hooks.chooseLeg) {
          hooks.chooseLeg(m.legs, m.formatName).then(
            (leg) => {
              if (leg === null) {
                end();
                reject(new ImportCanceled());
              } else send(leg);
            },
            (err: unknown) => (end(), reject(err)),
          );
        } else send('all');
      } else if (m.type === 'done') {
        finish(true);
        try {
          resolve({ result: finishImport(m.built), parseMs: m.parseMs });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      } else {
        finish(true);
        reject(new Error(m.message));
      }
    };
    worker.postMessage({ type: 'open', file } satisfies ToWorker);
  });
}
