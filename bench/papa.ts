/** The import benchmark's baseline: papaparse alone, in the same browser (bench/importSpeed.mjs). */
import Papa from 'papaparse';

(window as unknown as { Papa: typeof Papa }).Papa = Papa;
document.body.dataset.ready = 'true';
