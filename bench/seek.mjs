/**
 * Seek latency: with playback paused, set the GUI time slider as a reader does (its <input> gets a
 * value and an 'input' event) and count the frames drawn until a frame shows the new time
 * (stats().drawnTime === state().time). Target (issue 6): within 2 frames.
 */
import { median } from './common.mjs';

/** Where across the flight (first to last event step) the slider is set, in this order. */
const FRACTIONS = [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.95, 0.05, 0.65];
const SCRUBBER = '#controls .time-scrubber input';

/** In the page: one slider input, then frames and ms until a drawn frame shows the state's time. */
function sliderSeek([selector, seconds]) {
  const api = window.flightrecon;
  const input = document.querySelector(selector);
  const frames0 = api.stats().framesDrawn;
  const t0 = performance.now();
  input.value = String(seconds);
  input.dispatchEvent(new window.Event('input', { bubbles: true }));
  const target = api.state().time;
  return new Promise((resolve) => {
    const check = () => {
      const s = api.stats();
      const ms = performance.now() - t0;
      if (s.drawnTime === api.state().time) resolve({ time: target, frames: s.framesDrawn - frames0, ms });
      else if (ms > 15000) resolve({ time: target, frames: null, ms: null, drawnTime: s.drawnTime });
      else requestAnimationFrame(check);
    };
    check();
  });
}

export async function measureSeek(page, count) {
  await page.evaluate(() => window.flightrecon.pause());
  const range = await page.evaluate((selector) => {
    const api = window.flightrecon;
    const input = document.querySelector(selector);
    const events = api.steps().filter((s) => s.kind === 'event');
    // The slider counts seconds from the flight's start: derive the start from the shown time.
    const startMs = Date.parse(api.state().time) - Number(input?.value ?? NaN) * 1000;
    return { found: input !== null, startMs, fromMs: Date.parse(events[0].time), toMs: Date.parse(events[events.length - 1].time) };
  }, SCRUBBER);
  if (!range.found || !Number.isFinite(range.startMs)) return { error: `no time slider input at ${SCRUBBER}` };
  const samples = [];
  for (let i = 0; i < count; i++) {
    const f = FRACTIONS[i % FRACTIONS.length];
    const seconds = Math.round((range.fromMs + f * (range.toMs - range.fromMs) - range.startMs) / 1000) + i;
    samples.push(await page.evaluate(sliderSeek, [SCRUBBER, seconds]));
    await page.waitForTimeout(400); // let tile loads and labels settle between seeks
  }
  const ok = samples.filter((s) => s.frames !== null);
  return {
    count: samples.length,
    timedOut: samples.length - ok.length,
    medianFrames: median(ok.map((s) => s.frames)),
    maxFrames: ok.length ? Math.max(...ok.map((s) => s.frames)) : null,
    medianMs: median(ok.map((s) => s.ms)),
    maxMs: ok.length ? Math.max(...ok.map((s) => s.ms)) : null,
    samples,
  };
}
