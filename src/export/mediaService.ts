/**
 * The always-loaded front of export: flightrecon.exportVideo / exportSubtitles / snapshot /
 * cancelExport. The heavy part (mediabunny, the encoder loop) is imported only when first used.
 */
import type { ExportDeps, ExportProgress, ExportVideoOptions, VideoFileTarget } from './types';
import type { SubtitleFormat } from './subtitles';

export interface MediaService {
  /** `target`: write the file there (a file the reader chose) instead of building a Blob in memory. */
  exportVideo(options: ExportVideoOptions, target?: VideoFileTarget | null): Promise<Blob>;
  /** WebVTT or SRT cues timed to the video these options export (src/export/subtitles.ts). */
  exportSubtitles(options: ExportVideoOptions, format: SubtitleFormat): Promise<Blob>;
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
    async exportVideo(options, target = null) {
      if (running) throw new Error('exportVideo: an export is already running');
      const abort = new AbortController();
      running = abort;
      const progress = deps.progress;
      try {
        const { exportVideo } = await load();
        // The progress box's Cancel aborts this export (methods bound: progress is a class instance).
        const display = progress && {
          begin: (total: number, _cancel: () => void, seconds?: number) => progress.begin(total, () => abort.abort(), seconds),
          update: (p: ExportProgress) => progress.update(p),
          end: () => progress.end(),
        };
        return await exportVideo({ ...deps, progress: display }, options ?? {}, abort.signal, target);
      } finally {
        running = null;
      }
    },
    async exportSubtitles(options, format) {
      if (format !== 'vtt' && format !== 'srt') throw new Error('exportSubtitles: expected "vtt" or "srt"');
      const { subtitlesFor } = await import('./subtitleExport');
      const s = deps.store.get();
      const text = subtitlesFor(s.scenario, s.lang, s.timeMs, options ?? {}, format);
      if (text.startsWith('error: ')) throw new Error(`exportSubtitles: ${text.slice(7)}`);
      return new Blob([text], { type: format === 'vtt' ? 'text/vtt;charset=utf-8' : 'application/x-subrip;charset=utf-8' });
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
