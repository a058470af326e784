/**
 * Soak: a simulated classroom session. Playback at BENCH_SOAK_SPEED (120x), looping back to the start
 * after the last event step, a camera switch every ~20 s, a jump to a random step every ~30 s and a
 * layer toggled every ~45 s. After a warm-up (BENCH_SOAK_WARMUP_SECONDS) the JS heap is measured after
 * a forced GC, then every 5 minutes and at the end of BENCH_SOAK_MINUTES. Page errors are counted.
 */
import { APP_READY, APP_URL, openPage, pageMetrics, SETTINGS } from './common.mjs';

const CAMERAS = ['overview', 'follow', 'cockpit', 'damage', 'free'];
const LAYERS = ['corridor', 'claims', 'jamming', 'profile'];
const CAMERA_EVERY_MS = 20_000;
const STEP_EVERY_MS = 30_000;
const LAYER_EVERY_MS = 45_000;
const SAMPLE_EVERY_MS = 5 * 60_000;
const LOOP_TICK_MS = 1000;

/** A deterministic pseudo-random sequence, so two soaks do the same things. */
function random(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function sample(page, cdp, startedAt, label) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const m = await pageMetrics(cdp);
  const inPage = await page.evaluate(() => ({
    domElements: document.getElementsByTagName('*').length,
    framesDrawn: window.flightrecon.stats().framesDrawn,
    time: window.flightrecon.state().time,
    camera: window.flightrecon.state().camera,
  }));
  return {
    label,
    minute: (Date.now() - startedAt) / 60_000,
    heapUsedBytes: heap.usedSize,
    heapTotalBytes: heap.totalSize,
    domNodes: m.Nodes,
    jsEventListeners: m.JSEventListeners,
    ...inPage,
  };
}

export async function runSoak(browser) {
  const minutes = SETTINGS.soakMinutes;
  if (minutes <= 0) return null;
  const { context, page, cdp, pageErrors } = await openPage(browser, APP_URL, APP_READY);
  const consoleErrors = [];
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  await cdp.send('HeapProfiler.enable');
  const rand = random(8243);
  const steps = await page.evaluate(() => window.flightrecon.steps().map((s) => ({ index: s.index, kind: s.kind, time: s.time })));
  const events = steps.filter((s) => s.kind === 'event');
  const lastEventMs = Date.parse(events[events.length - 1].time);
  // seek() clamps to the flight: any instant well before it means "the start".
  const beforeStart = new Date(Date.parse(events[0].time) - 24 * 3600_000).toISOString();
  const counts = { loops: 0, cameraSwitches: 0, stepJumps: 0, layerToggles: 0, apiErrors: 0 };
  const apiErrors = [];
  const call = (fn, arg) =>
    page.evaluate(fn, arg).catch((err) => {
      counts.apiErrors++;
      if (apiErrors.length < 10) apiErrors.push(String(err.message ?? err).split('\n')[0]);
    });
  const startedAt = Date.now();
  const warmupEnd = startedAt + SETTINGS.soakWarmupSeconds * 1000;
  const end = warmupEnd + minutes * 60_000;
  const samples = [];
  let nextCamera = startedAt + CAMERA_EVERY_MS;
  let nextStep = startedAt + STEP_EVERY_MS;
  let nextLayer = startedAt + LAYER_EVERY_MS;
  let nextSample = warmupEnd;
  let cameraIndex = 0;
  const hidden = new Set();
  await call((speed) => window.flightrecon.setSpeed(speed).then(() => window.flightrecon.play()), SETTINGS.soakSpeed);
  try {
    for (;;) {
      const now = Date.now();
      if (now >= nextSample) {
        samples.push(await sample(page, cdp, startedAt, samples.length === 0 ? 'after warm-up' : now >= end ? 'end' : 'interval'));
        if (now >= end) break;
        nextSample = Math.min(end, nextSample + SAMPLE_EVERY_MS);
        continue;
      }
      if (now >= nextCamera) {
        cameraIndex = (cameraIndex + 1) % CAMERAS.length;
        await call((c) => window.flightrecon.setCamera(c), CAMERAS[cameraIndex]);
        counts.cameraSwitches++;
        nextCamera += CAMERA_EVERY_MS;
      }
      if (now >= nextStep) {
        await call((i) => window.flightrecon.goToStep(i), steps[Math.floor(rand() * steps.length)].index);
        counts.stepJumps++;
        nextStep += STEP_EVERY_MS;
      }
      if (now >= nextLayer) {
        const id = LAYERS[Math.floor(rand() * LAYERS.length)];
        if (hidden.has(id)) hidden.delete(id);
        else hidden.add(id);
        await call(([l, visible]) => window.flightrecon.setLayer(l, visible), [id, !hidden.has(id)]);
        counts.layerToggles++;
        nextLayer += LAYER_EVERY_MS;
      }
      const s = await page.evaluate(() => window.flightrecon.state()).catch(() => null);
      if (s && (Date.parse(s.time) >= lastEventMs || !s.playing)) {
        // A step jump pauses playback; the end of the flight loops to the start.
        if (Date.parse(s.time) >= lastEventMs) {
          await call((t) => window.flightrecon.seek(t), beforeStart);
          counts.loops++;
        }
        await call(() => window.flightrecon.play());
      }
      await page.waitForTimeout(LOOP_TICK_MS);
    }
  } finally {
    await context.close();
  }
  const base = samples[0];
  const last = samples[samples.length - 1];
  return {
    minutes,
    warmupSeconds: SETTINGS.soakWarmupSeconds,
    speed: SETTINGS.soakSpeed,
    heapGrowthPercent: (100 * (last.heapUsedBytes - base.heapUsedBytes)) / base.heapUsedBytes,
    domNodesGrowth: last.domNodes - base.domNodes,
    framesDrawn: last.framesDrawn - base.framesDrawn,
    ...counts,
    pageErrors: pageErrors.length,
    pageErrorMessages: pageErrors.slice(0, 10),
    consoleErrors: consoleErrors.length,
    consoleErrorMessages: consoleErrors.slice(0, 10),
    apiErrorMessages: apiErrors,
    samples,
  };
}
