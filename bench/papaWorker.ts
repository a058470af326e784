/** papaparse in a worker of its own: the import's baseline in the same kind of thread (bench/importSpeed.mjs). */
import Papa from 'papaparse';

self.onmessage = (event: MessageEvent<string>) => {
  const t0 = performance.now();
  const r = Papa.parse(event.data, { header: true, skipEmptyLines: true });
  self.postMessage({ ms: performance.now() - t0, rows: r.data.length });
};
