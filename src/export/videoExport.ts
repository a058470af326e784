/**
 * Frame-exact video export. The store is paused and its clock stepped once per output frame; after
 * the globe has drawn that moment, the frame is composed (canvases + burned-in texts), handed to a
 * WebCodecs VideoEncoder with an explicit timestamp, and each encoded chunk goes straight to the
 * mediabunny muxer. Nothing holds more than a few frames, so memory stays flat for long exports.
 * Loaded on demand (dynamic import), so it costs nothing at start.
 */
import { EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output, StreamTarget, WebMOutputFormat } from 'mediabunny';
import { isCameraMode } from '../app/types';
import { BlobSink } from './blobSink';
import { chooseCodec } from './codecChoice';
import { FrameCompositor } from './compositor';
import { planExport } from './exportPlan';
import type { ExportDeps, ExportVideoOptions, FrameText } from './types';

/** Encoder queue length at which the loop waits: enough to keep the encoder busy, little memory. */
const MAX_QUEUE = 3;

export class ExportCanceled extends Error {
  constructor() {
    super('Export canceled');
    this.name = 'AbortError';
  }
}

export async function exportVideo(deps: ExportDeps, options: ExportVideoOptions, signal: AbortSignal): Promise<Blob> {
  const { store, surface } = deps;
  const before = store.get();
  const plan = planExport(before.scenario, before.timeMs, options);
  if (typeof plan === 'string') throw new Error(`exportVideo: ${plan}`);
  if (plan.camera !== null && !isCameraMode(plan.camera)) throw new Error(`exportVideo: no camera mode ${JSON.stringify(plan.camera)}`);
  const choice = await chooseCodec(plan.width, plan.height, plan.fps, plan.format);
  if (typeof choice === 'string') throw new Error(`exportVideo: ${choice}`);

  const saved = { timeMs: before.timeMs, epilogue: before.epilogueIndex, camera: before.camera, presenting: before.presenting, playing: before.playing };
  const sink = new BlobSink(choice.container === 'mp4' ? 'video/mp4' : 'video/webm');
  const output = new Output({
    format: choice.container === 'mp4' ? new Mp4OutputFormat({ fastStart: false }) : new WebMOutputFormat(),
    target: new StreamTarget(sink.writable),
  });
  const source = new EncodedVideoPacketSource(choice.codec);
  output.addVideoTrack(source, { frameRate: plan.fps });
  let failure: unknown = null;
  let muxing: Promise<void> = Promise.resolve();
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const packet = EncodedPacket.fromEncodedChunk(chunk);
      muxing = muxing.then(() => source.add(packet, meta)).catch((err: unknown) => void (failure ??= err));
    },
    error: (err) => void (failure ??= err),
  });
  const compositor = new FrameCompositor(plan.width, plan.height);
  const started = performance.now();
  let canceled = false;
  deps.progress?.begin(plan.frameCount, () => (canceled = true));

  try {
    encoder.configure(choice.config);
    await output.start();
    store.setPresenting(false);
    store.pause();
    if (plan.camera !== null && isCameraMode(plan.camera)) store.setCamera(plan.camera);
    await surface.setOutputSize({ width: plan.width, height: plan.height });
    // The camera frames what the recording shows: the whole range, on the part of the frame the
    // burned-in texts leave free (exports compose by cuts, never by moves on the wall clock).
    store.seek(plan.fromMs);
    holdFrameStage(store, compositor, plan.captions ? deps.frameText(store.get()) : null, deps.attribution());
    store.frameSpan({ fromMs: plan.fromMs, toMs: plan.toMs });
    const frameUs = 1e6 / plan.fps;
    const stepMs = (1000 / plan.fps) * plan.speed;
    for (let i = 0; i < plan.frameCount; i++) {
      if (signal.aborted || canceled) throw new ExportCanceled();
      if (failure) throw failure;
      store.seek(plan.fromMs + i * stepMs);
      holdFrameStage(store, compositor, plan.captions ? deps.frameText(store.get()) : null, deps.attribution());
      await surface.renderFrame(true);
      // Same task as the globe's draw: compose and wrap the frame before anything else runs.
      const state = store.get();
      const canvas = compositor.compose(surface.container, plan.captions ? deps.frameText(state) : null, deps.attribution());
      const frame = new VideoFrame(canvas, { timestamp: Math.round(i * frameUs), duration: Math.round(frameUs) });
      encoder.encode(frame, { keyFrame: i % (plan.fps * 2) === 0 });
      frame.close();
      while (encoder.encodeQueueSize > MAX_QUEUE) await new Promise((r) => encoder.addEventListener('dequeue', r, { once: true }));
      await muxing;
      const elapsed = (performance.now() - started) / 1000;
      deps.progress?.update({ done: i + 1, total: plan.frameCount, etaSeconds: i >= 2 ? (elapsed / (i + 1)) * (plan.frameCount - i - 1) : null });
    }
    await encoder.flush();
    await muxing;
    if (failure) throw failure;
    source.close();
    await output.finalize();
    return sink.toBlob();
  } catch (err) {
    if (encoder.state !== 'closed') encoder.close();
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => undefined);
    throw err;
  } finally {
    if (encoder.state !== 'closed') encoder.close();
    store.holdStage(null);
    store.frameSpan(null);
    await surface.setOutputSize(null);
    store.setCamera(saved.camera);
    if (saved.epilogue !== null) store.goToStepRef(saved.epilogue);
    else store.seek(saved.timeMs);
    if (saved.presenting) store.setPresenting(true);
    if (saved.playing) store.play();
    await surface.renderFrame(false);
    deps.progress?.end();
  }
}

/** Holds the stage a frame's burned-in texts leave free (the camera composes for it in the same task). */
function holdFrameStage(store: ExportDeps['store'], compositor: FrameCompositor, text: FrameText | null, attribution: string): void {
  const { stage, panels } = compositor.stageFor(text, attribution);
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
