/**
 * Composition of files in and out (kept out of main.ts): the drop target and progress box, the
 * hidden file inputs behind "Open flight file…" and "Add track to compare…", the opener that runs the
 * import worker, and the data exports (CZML, KML tour, GeoJSON, scenario) as downloads.
 */
import type { Store } from './app/store';
import type { FileApi } from './app/api';
import type { DataFormat } from './export/data';
import { FileOpener, createFileInput, type OpenOptions } from './ui/fileOpener';
import { ImportView } from './ui/importView';
import { importWord } from './ui/importWords';

export const DATA_FORMATS: readonly DataFormat[] = ['czml', 'kml', 'geojson', 'scenario'];

export interface FilesComposition {
  readonly api: FileApi;
  openPicker(): void;
  comparePicker(): void;
  download(format: DataFormat): Promise<void>;
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

export function composeFiles(store: Store, win: Window): FilesComposition {
  const view = new ImportView(
    win,
    document.body,
    () => store.get().lang,
    (file, compare) => void quietly(file, { compare }),
  );
  const opener = new FileOpener(store, view);
  // Errors are already in the page as notices; the promise is for scripts.
  const quietly = (file: File, options: OpenOptions) => opener.open(file, options).catch(() => undefined);
  const openInput = createFileInput(document.body, 'scenario-file', (file) => void quietly(file, {}));
  const compareInput = createFileInput(document.body, 'compare-file-input', (file) => void quietly(file, { compare: true }));

  // The writers load on first use (their own chunk).
  const exported = async (format: string): Promise<{ blob: Blob; extension: string }> => {
    if (!DATA_FORMATS.includes(format as DataFormat)) throw new Error(`exportData: expected one of ${DATA_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
    const { exportScenarioData } = await import('./export/data');
    const s = store.get();
    const out = exportScenarioData(s.scenario, format as DataFormat, s.lang);
    return { blob: new Blob([out.text], { type: out.mimeType }), extension: out.extension };
  };
  return {
    api: {
      // Scripts are not asked which leg: all of them unless they say.
      open: (file, options) => opener.open(file, { ...options, leg: options.leg ?? 'all' }),
      exportData: async (format) => (await exported(format)).blob,
    },
    openPicker: () => openInput.click(),
    comparePicker: () => compareInput.click(),
    download: async (format) => {
      const s = store.get();
      try {
        const { blob, extension } = await exported(format);
        const name = `flightrecon-${s.scenario.id}.${extension}`;
        save(blob, name);
        store.notify('info', importWord(s.lang, 'exported', { name }));
      } catch (err) {
        store.notify('error', String((err as Error).message ?? err));
      }
    },
  };
}
