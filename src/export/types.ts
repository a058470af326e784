/** Public options of flightrecon.exportVideo() and what the export needs from the rest of the app. */
import type { AppState, Store } from '../app/store';
import type { RenderSurface } from '../app/renderSurface';

export interface ExportVideoOptions {
  /** ISO UTC instant or step id; default: the current step's time (or the start of the flight). */
  from?: string;
  /** ISO UTC instant or step id (then: the end of that step's span); default: `from` + 10 s. */
  to?: string;
  /** 1280x720 (default) or 1920x1080; other even sizes from 160 to 3840 px are accepted. */
  width?: number;
  height?: number;
  /** 30 (default) or 60. */
  fps?: number;
  /** 'mp4' (H.264) or 'webm' (VP9/VP8); default: mp4 where the browser can encode H.264. */
  format?: 'mp4' | 'webm';
  /** Camera mode during the export; default: the current one. */
  camera?: string;
  /** Burn in caption, clock and attribution (default true; attribution is always drawn). */
  captions?: boolean;
  /** Flight seconds per video second (default 1: real time). */
  speed?: number;
  /**
   * The whole story as presented: title card, chapter cards, every step with the presenter's camera
   * and clock, captions held long enough to read, the method note (src/export/storyPlan.ts).
   * `camera` and `speed` are ignored; `from`/`to` (step ids) narrow it to those steps, cards kept.
   */
  story?: boolean;
  /** 'presenter': the steps from..to (step ids) as the story shows them, with chapter cards. */
  shots?: 'presenter';
}

/** Where the video's bytes go: a file on disk (File System Access) instead of a Blob built in memory. */
export interface VideoFileTarget {
  /** mediabunny's StreamTarget writes positioned chunks here (a FileSystemWritableFileStream takes them as they are). */
  readonly writable: WritableStream;
  /** The written file, after the stream was closed. */
  result(): Promise<Blob>;
}

/** Options after validation, times in epoch ms. */
export interface ExportPlan {
  readonly fromMs: number;
  readonly toMs: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly format: 'mp4' | 'webm' | 'auto';
  readonly camera: string | null;
  readonly captions: boolean;
  readonly speed: number;
  readonly frameCount: number;
}

export interface ExportProgress {
  readonly done: number;
  readonly total: number;
  /** Estimated seconds left, null until a few frames are done. */
  readonly etaSeconds: number | null;
}

/** The progress display (src/ui/exportProgress.ts). */
export interface ProgressDisplay {
  /** `seconds`: the video's length, shown before the first frame. */
  begin(total: number, cancel: () => void, seconds?: number): void;
  update(progress: ExportProgress): void;
  end(): void;
}

/** Texts burned into a frame; built by the UI from the state (src/ui/presenter/lowerThird.ts). */
export interface FrameText {
  readonly kicker: string;
  readonly title: string;
  readonly time: string;
  readonly caption: string;
  readonly sources: string;
  readonly clock: string;
  readonly provenance: string;
}

export interface ExportDeps {
  readonly store: Store;
  readonly surface: RenderSurface;
  readonly frameText: (state: AppState) => FrameText;
  /** Credits to burn in (imagery, data), e.g. read from the globe's credit line. */
  readonly attribution: () => string;
  readonly progress?: ProgressDisplay;
}
