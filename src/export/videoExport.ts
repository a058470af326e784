/**
 * Frame-exact video export. The store is paused and its clock stepped once per output frame; after
 * the globe has drawn that moment, the frame is composed (canvases + burned-in texts), handed to a
 * WebCodecs VideoEncoder with an explicit timestamp, and each encoded chunk goes straight to the
 * mediabunny muxer. Nothing holds more than a few frames, so memory stays flat for long exports;
 * the file goes to disk when the GUI got one (File System Access), else into a Blob sealed in parts.
 *
 * Two kinds: a range of flight time (one camera mode, framed once for the whole range, cuts), and
 * the story (src/export/storyPlan.ts): cards, the presenter's shots with eased moves on the video's
 * clock, the flight clock as presenter mode runs it, captions held long enough to read.
 * Loaded on demand (dynamic import), so it costs nothing at start.
 */
import { EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output, StreamTarget, WebMOutputFormat } from 'mediabunny';
import { isCameraMode } from '../app/types';
import { localize } from '../scenario/model';
import { BlobSink } from './blobSink';
import { chooseCodec, type CodecChoice } from './codecChoice';
import { FrameCompositor, type FrameCard } from './compositor';
import { isStoryExport, planExport, planStoryExport, type StoryExportPlan } from './exportPlan';
import { clockAt, formatLength, segmentIndexAt, type StorySegment } from './storyPlan';
import type { ExportDeps, ExportVideoOptions, FrameText, VideoFileTarget } from './types';

/** Encoder queue length at which the loop waits: enough to keep the encoder busy, little memory. */
const MAX_QUEUE = 3;

export class ExportCanceled extends Error {
  constructor() {
    super('Export canceled');
    this.name = 'AbortError';
  }
}

/** Encoder and muxer of one export: frames in, a file out. */
class Recorder {
  private failure: unknown = null;
  private muxing: Promise<void> = Promise.resolve();
  private readonly sink: BlobSink | null;
  private readonly output: Output;
  private readonly source: EncodedVideoPacketSource;
  private readonly encoder: VideoEncoder;
  private readonly frameUs: number;

  constructor(
    private readonly choice: CodecChoice,
    private readonly fps: number,
    private readonly target: VideoFileTarget | null,
  ) {
    const type = choice.container === 'mp4' ? 'video/mp4' : 'video/webm';
    this.sink = target ? null : new BlobSink(type);
    this.output = new Output({
      format: choice.container === 'mp4' ? new Mp4OutputFormat({ fastStart: false }) : new WebMOutputFormat(),
      target: new StreamTarget((target?.writable ?? this.sink!.writable) as WritableStream, target ? { chunked: true } : undefined),
    });
    this.source = new EncodedVideoPacketSource(choice.codec);
    this.output.addVideoTrack(this.source, { frameRate: fps });
    this.encoder = new VideoEncoder({
      output: (chunk, meta) => {
        const packet = EncodedPacket.fromEncodedChunk(chunk);
        this.muxing = this.muxing.then(() => this.source.add(packet, meta)).catch((err: unknown) => void (this.failure ??= err));
      },
      error: (err) => void (this.failure ??= err),
    });
    this.frameUs = 1e6 / fps;
  }

  async start(): Promise<void> {
    this.encoder.configure(this.choice.config);
    await this.output.start();
  }

  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Encodes frame i from the canvas (same task as the globe's draw) and waits while the encoder is busy. */
  async add(canvas: HTMLCanvasElement, i: number): Promise<void> {
    const frame = new VideoFrame(canvas, { timestamp: Math.round(i * this.frameUs), duration: Math.round(this.frameUs) });
    this.encoder.encode(frame, { keyFrame: i % (this.fps * 2) === 0 });
    frame.close();
    while (this.encoder.encodeQueueSize > MAX_QUEUE) await new Promise((r) => this.encoder.addEventListener('dequeue', r, { once: true }));
    await this.muxing;
  }

  async finish(): Promise<Blob> {
    await this.encoder.flush();
    await this.muxing;
    this.check();
    this.source.close();
    await this.output.finalize();
    return this.target ? this.target.result() : this.sink!.toBlob();
  }

  async abort(): Promise<void> {
    if (this.encoder.state !== 'closed') this.encoder.close();
    if (this.output.state !== 'finalized' && this.output.state !== 'canceled') await this.output.cancel().catch(() => undefined);
  }

  close(): void {
    if (this.encoder.state !== 'closed') this.encoder.close();
  }
}

export async function exportVideo(deps: ExportDeps, options: ExportVideoOptions, signal: AbortSignal, target: VideoFileTarget | null = null): Promise<Blob> {
  if (isStoryExport(options)) return exportStory(deps, options, signal, target);
  const { store, surface } = deps;
  const before = store.get();
  const plan = planExport(before.scenario, before.timeMs, options);
  if (typeof plan === 'string') throw new Error(`exportVideo: ${plan}`);
  if (plan.camera !== null && !isCameraMode(plan.camera)) throw new Error(`exportVideo: no camera mode ${JSON.stringify(plan.camera)}`);
  const choice = await chooseCodec(plan.width, plan.height, plan.fps, plan.format);
  if (typeof choice === 'string') throw new Error(`exportVideo: ${choice}`);

  const saved = {
    timeMs: before.timeMs,
    epilogue: before.epilogueIndex,
    camera: before.camera,
    presenting: before.presenting,
    playing: before.playing,
    card: before.card,
  };
  const recorder = new Recorder(choice, plan.fps, target);
  const compositor = new FrameCompositor(plan.width, plan.height);
  const seconds = plan.frameCount / plan.fps;
  console.info(`exportVideo: ${formatLength(seconds)} of video, ${plan.frameCount} frames at ${plan.fps} fps, ${plan.width}x${plan.height}`);
  const started = performance.now();
  let canceled = false;
  deps.progress?.begin(plan.frameCount, () => (canceled = true), seconds);

  try {
    await recorder.start();
    store.setPresenting(false);
    store.showCard(null);
    store.pause();
    if (plan.camera !== null && isCameraMode(plan.camera)) store.setCamera(plan.camera);
    await surface.setOutputSize({ width: plan.width, height: plan.height });
    // The camera frames what the recording shows: the whole range, on the part of the frame the
    // burned-in texts leave free (exports compose by cuts, never by moves on the wall clock).
    store.seek(plan.fromMs);
    holdFrameStage(store, compositor, plan.captions ? deps.frameText(store.get()) : null, deps.attribution(), null);
    store.frameSpan({ fromMs: plan.fromMs, toMs: plan.toMs });
    const stepMs = (1000 / plan.fps) * plan.speed;
    for (let i = 0; i < plan.frameCount; i++) {
      if (signal.aborted || canceled) throw new ExportCanceled();
      recorder.check();
      store.seek(plan.fromMs + i * stepMs);
      holdFrameStage(store, compositor, plan.captions ? deps.frameText(store.get()) : null, deps.attribution(), null);
      await surface.renderFrame(true);
      // Same task as the globe's draw: compose and wrap the frame before anything else runs.
      const state = store.get();
      await recorder.add(compositor.compose(surface.container, plan.captions ? deps.frameText(state) : null, deps.attribution()), i);
      reportProgress(deps, started, i, plan.frameCount);
    }
    return await recorder.finish();
  } catch (err) {
    await recorder.abort();
    throw err;
  } finally {
    recorder.close();
    store.holdStage(null);
    store.frameSpan(null);
    await surface.setOutputSize(null);
    store.setCamera(saved.camera);
    if (saved.epilogue !== null) store.goToStepRef(saved.epilogue);
    else store.seek(saved.timeMs);
    if (saved.presenting) store.setPresenting(true);
    if (saved.card !== null) store.showCard(saved.card);
    if (saved.playing) store.play();
    await surface.renderFrame(false);
    deps.progress?.end();
  }
}

function reportProgress(deps: ExportDeps, started: number, i: number, total: number): void {
  const elapsed = (performance.now() - started) / 1000;
  deps.progress?.update({ done: i + 1, total, etaSeconds: i >= 2 ? (elapsed / (i + 1)) * (total - i - 1) : null });
}

/** The story plan of these options (also used for subtitles: the same plan times both). */
export function storyExportPlan(deps: ExportDeps, options: ExportVideoOptions): StoryExportPlan {
  const s = deps.store.get();
  const plan = planStoryExport(s.scenario, s.lang, options);
  if (typeof plan === 'string') throw new Error(`exportVideo: ${plan}`);
  return plan;
}

/**
 * The story: follows the plan frame by frame. Presenter mode's shot frames each step, and its eased
 * moves run on the video's clock (RenderSurface.cameraClock), so a move between steps lasts as long
 * in the video as on screen; the flight clock runs through each step as presenter mode runs it.
 */
async function exportStory(deps: ExportDeps, options: ExportVideoOptions, signal: AbortSignal, target: VideoFileTarget | null): Promise<Blob> {
  const { store, surface } = deps;
  const before = store.get();
  const plan = storyExportPlan(deps, options);
  const choice = await chooseCodec(plan.width, plan.height, plan.fps, plan.format);
  if (typeof choice === 'string') throw new Error(`exportVideo: ${choice}`);
  const saved = {
    timeMs: before.timeMs,
    epilogue: before.epilogueIndex,
    camera: before.camera,
    presenting: before.presenting,
    playing: before.playing,
    card: before.card,
  };
  const recorder = new Recorder(choice, plan.fps, target);
  const compositor = new FrameCompositor(plan.width, plan.height);
  const seconds = plan.frameCount / plan.fps;
  const segments = plan.story.segments;
  console.info(
    `exportVideo: story of ${formatLength(seconds)} (${segments.length} segments), ${plan.frameCount} frames at ${plan.fps} fps, ${plan.width}x${plan.height}`,
  );
  const started = performance.now();
  let canceled = false;
  deps.progress?.begin(plan.frameCount, () => (canceled = true), seconds);

  let videoMs = 0;
  let shown = null as StorySegment | null;
  /** The lower third of the segment's step: the store's texts with the caption's lead (one object per frame, reused). */
  const storyText: { -readonly [K in keyof FrameText]: FrameText[K] } = {
    kicker: '',
    title: '',
    time: '',
    caption: '',
    sources: '',
    clock: '',
    provenance: '',
  };
  let chapterPrefix = '';
  const frameText = (segment: StorySegment): FrameText | null => {
    if (segment.card || !plan.captions) return null;
    const t = deps.frameText(store.get());
    storyText.kicker = chapterPrefix ? `${chapterPrefix} · ${t.kicker}` : t.kicker;
    storyText.title = t.title;
    storyText.time = t.time;
    storyText.caption = segment.lead;
    storyText.sources = t.sources;
    storyText.clock = t.clock;
    storyText.provenance = t.provenance;
    return storyText;
  };

  /** Puts the store where a segment begins: the step (presenter's shot, moved to on the video clock), or the whole route under a card. */
  const enter = (segment: StorySegment): void => {
    const state = store.get();
    if (segment.span) {
      store.seek(segment.clockFromMs);
      store.frameSpan(segment.span);
    } else {
      if (state.shotSpan) store.frameSpan(null);
      const current = state.epilogueIndex ?? state.stepIndex;
      if (current !== segment.stepIndex || shown?.span || shown === null) store.goToStepRef(segment.stepIndex);
    }
    // Presenting, a step starts the clock running on the wall clock: the export steps it instead.
    store.pause();
    if (store.get().card !== null) store.showCard(null);
    const chapter = before.scenario.chapters[segment.chapterIndex];
    chapterPrefix = chapter ? localize(chapter.title, store.get().lang) : '';
    shown = segment;
  };

  try {
    await recorder.start();
    store.pause();
    store.setPresenting(true);
    store.showCard(null);
    await surface.setOutputSize({ width: plan.width, height: plan.height });
    // The first shot is a cut (the export's cuts still apply); from then on moves run on the video's clock.
    enter(segments[0]!);
    holdFrameStage(store, compositor, frameText(segments[0]!), deps.attribution(), segments[0]!.card as FrameCard | null);
    surface.cameraClock(() => videoMs);
    let index = 0;
    for (let i = 0; i < plan.frameCount; i++) {
      if (signal.aborted || canceled) throw new ExportCanceled();
      recorder.check();
      videoMs = (i * 1000) / plan.fps;
      index = segmentIndexAt(plan.story, videoMs, index);
      const segment = segments[index]!;
      const s = store.get();
      // Also re-enters when something else moved the store meanwhile (presenter mode's auto-advance).
      if (segment !== shown || s.playing || (!segment.span && (s.epilogueIndex ?? s.stepIndex) !== segment.stepIndex)) enter(segment);
      if (segment.runMs > 0 && !segment.epilogue) store.seek(clockAt(segment, videoMs));
      const card = segment.card as FrameCard | null;
      holdFrameStage(store, compositor, frameText(segment), deps.attribution(), card);
      await surface.renderFrame(true);
      // Same task as the globe's draw: compose and wrap the frame before anything else runs.
      await recorder.add(compositor.compose(surface.container, frameText(segment), deps.attribution(), card), i);
      reportProgress(deps, started, i, plan.frameCount);
    }
    return await recorder.finish();
  } catch (err) {
    await recorder.abort();
    throw err;
  } finally {
    recorder.close();
    surface.cameraClock(null);
    store.holdStage(null);
    store.frameSpan(null);
    await surface.setOutputSize(null);
    store.setPresenting(saved.presenting);
    store.pause();
    store.setCamera(saved.camera);
    if (saved.epilogue !== null) store.goToStepRef(saved.epilogue);
    else store.seek(saved.timeMs);
    store.pause();
    store.showCard(saved.card);
    if (saved.playing) store.play();
    await surface.renderFrame(false);
    deps.progress?.end();
  }
}

/** Holds the stage a frame's burned-in texts leave free (the camera composes for it in the same task). */
function holdFrameStage(store: ExportDeps['store'], compositor: FrameCompositor, text: FrameText | null, attribution: string, card: FrameCard | null): void {
  const { stage, panels } = compositor.stageFor(text, attribution, card);
  store.holdStage(stage, panels);
}

/**
 * A PNG of the current view (window size) with caption, clock and attribution burned in. The
 * camera composes for the snapshot's own texts (they sit where the HUD's panels do not), so the
 * subject is not under the burned-in caption; the window's stage comes back afterwards.
 */
export async function snapshot(deps: ExportDeps): Promise<Blob> {
  const { store, surface } = deps;
  const layer = surface.container.querySelector('canvas');
  const width = layer?.clientWidth || window.innerWidth;
  const height = layer?.clientHeight || window.innerHeight;
  const compositor = new FrameCompositor(layer?.width || width, layer?.height || height);
  const text = deps.frameText(store.get());
  // The stage in CSS pixels: the compositor's boxes scaled from the canvas's pixels.
  const k = width / compositor.width;
  const { stage, panels } = compositor.stageFor(text, deps.attribution());
  const css = (r: { x: number; y: number; width: number; height: number }) => ({ x: r.x * k, y: r.y * k, width: r.width * k, height: r.height * k });
  surface.cutCamera(true);
  store.holdStage(css(stage), panels.map(css));
  try {
    await surface.renderFrame(true);
    const canvas = compositor.compose(surface.container, text, deps.attribution());
    return await new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('snapshot: the canvas could not be encoded'))), 'image/png'),
    );
  } finally {
    store.holdStage(null); // the window's stage is measured again, and the camera cuts back to it
    surface.cutCamera(false);
    await surface.renderFrame(false);
  }
}
