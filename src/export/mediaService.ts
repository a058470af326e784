/**
 * The always-loaded front of export: flightrecon.exportVideo / snapshot / cancelExport. The heavy
 * part (mediabunny, the encoder loop) is imported only when first used.
 */
import type { ExportDeps, ExportProgress, ExportVideoOptions } from './types';

export interface MediaService {
  exportVideo(options: ExportVideoOptions): Promise<Blob>;
  snapshot(): Promise<Blob>;
  /** Stops a running export; its promise rejects with "Export canceled". */
  cancelExport(): boolean;
  readonly busy: boolean;
}

export function createMediaService(deps: ExportDeps): MediaService {
  let running: AbortController | null = null;
  const load = () => import('./videoExport');
  return {
    get busy() {
      return running !== null;
    },
    async exportVideo(options) {
      if (running) throw new Error('exportVideo: an export is already running');
      const abort = new AbortController();
      running = abort;
      const progress = deps.progress;
      try {
        const { exportVideo } = await load();
        // The progress box's Cancel aborts this export (methods bound: progress is a class instance).
        const display = progress && {
          begin: (total: number) => progress.begin(total, () => abort.abort()),
          update: (p: ExportProgress) => progress.update(p),
          end: () => progress.end(),
        };
        return await exportVideo({ ...deps, progress: display }, options ?? {}, abort.signal);
      } finally {
        running = null;
      }
    },
    async snapshot() {
      const { snapshot } = await load();
      return snapshot(deps);
    },
    cancelExport() {
      if (!running) return false;
      running.abort();
      return true;
    },
  };
}
