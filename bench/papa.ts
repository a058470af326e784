/** The import benchmark's baseline: papaparse alone, in the same browser (bench/importSpeed.mjs). */
import Papa from 'papaparse';

/** Parses in a fresh worker, as the app's import does (a cold start each time); resolves with the time. */
function parseInWorker(text: string): Promise<{ ms: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./papaWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ ms: number; rows: number }>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(text);
  });
}

Object.assign(window, { Papa, parseInWorker });
document.body.dataset.ready = 'true';
