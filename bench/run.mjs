/**
 * `npm run bench`: the built app against a bare Cesium Viewer with the same bundled imagery, in the
 * same run, headless Chromium 1280x720. Prints a table and writes bench/results/latest.json.
 * Figures, not assertions: ratios against the bare viewer are what hold on a noisy machine.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';

const PORT = 4180;
const PLAY_SECONDS = Number(process.env.BENCH_PLAY_SECONDS ?? 10);
const EXPORT_SECONDS = Number(process.env.BENCH_EXPORT_SECONDS ?? 2);
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

async function measure(browser, name, url, readyExpr, framesExpr, startPlayback) {
  // bypassCSP: the string-form waitForFunction below is evaluated by the page, which the app's CSP forbids.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  let jsBytes = 0;
  let jsGzip = 0;
  let requests = 0;
  page.on('response', async (response) => {
    requests++;
    const type = response.request().resourceType();
    if (type !== 'script' && !response.url().endsWith('.js')) return;
    try {
      const body = await response.body();
      jsBytes += body.length;
      jsGzip += gzipSync(body).length;
    } catch {
      /* worker scripts may not expose a body */
    }
  });
  await page.goto(url);
  await page.waitForFunction(readyExpr, undefined, { timeout: 120000 });
  const marks = await page.evaluate(() => {
    const m = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    return { firstFrame: m('flightrecon:first-frame'), ready: m('flightrecon:ready') };
  });
  await page.evaluate(startPlayback);
  const f0 = await page.evaluate(framesExpr);
  const t0 = Date.now();
  await page.waitForTimeout(PLAY_SECONDS * 1000);
  const f1 = await page.evaluate(framesExpr);
  // The three.js overlay's own time per frame (draw + labels), measured inside the page.
  const overlay = await page.evaluate(() => window.flightrecon?.overlay?.stats() ?? null);
  const fps = ((f1 - f0) * 1000) / (Date.now() - t0);
  await context.close();
  return {
    name,
    firstFrameMs: marks.firstFrame,
    readyMs: marks.ready,
    fps,
    jsBytes,
    jsGzipBytes: jsGzip,
    requests,
    overlayMsPerFrame: overlay?.overlayMsPerFrame ?? null,
  };
}

/**
 * Export speed: frames of output per second of wall time for a short frame-exact export (follow
 * camera over the damage event) at 720p and 1080p. The first export also loads the export chunk.
 */
async function measureExport(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/app/index.html?step=first-impact`);
  await page.waitForFunction('document.body.dataset.ready === "true"', undefined, { timeout: 120000 });
  const rows = [];
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ]) {
    const r = await page.evaluate(
      async ([w, h, seconds]) => {
        const to = new Date(Date.parse('2024-12-25T05:13:30Z') + seconds * 1000).toISOString();
        const t0 = performance.now();
        const blob = await window.flightrecon.exportVideo({ from: '2024-12-25T05:13:30Z', to, width: w, height: h, fps: 30, camera: 'follow' });
        return { ms: performance.now() - t0, type: blob.type, bytes: blob.size };
      },
      [width, height, EXPORT_SECONDS],
    );
    const frames = EXPORT_SECONDS * 30;
    rows.push({ size: `${width}x${height}`, frames, seconds: r.ms / 1000, fps: frames / (r.ms / 1000), type: r.type, bytes: r.bytes });
  }
  await context.close();
  return rows;
}

const server = await serve({ '/app/': 'dist', '/bare/': 'bench/dist' }, PORT);
const browser = await chromium.launch({ executablePath, args: ARGS });
try {
  const bare = await measure(
    browser,
    'bare Cesium viewer',
    `http://127.0.0.1:${PORT}/bare/bare.html`,
    'window.benchReady !== undefined && performance.getEntriesByName("flightrecon:ready").length > 0',
    'window.benchFrames()',
    '0',
  );
  const app = await measure(
    browser,
    'flightrecon',
    `http://127.0.0.1:${PORT}/app/index.html`,
    'document.body.dataset.ready === "true"',
    'window.flightrecon.stats().framesDrawn',
    'window.flightrecon.setSpeed(30).then(() => window.flightrecon.play())',
  );
  const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
  const rows = [
    ['time to first frame (ms)', bare.firstFrameMs, app.firstFrameMs, ratio(app.firstFrameMs, bare.firstFrameMs)],
    ['time to ready (ms)', bare.readyMs, app.readyMs, ratio(app.readyMs, bare.readyMs)],
    [`frames per second (${PLAY_SECONDS} s playback)`, bare.fps, app.fps, ratio(app.fps, bare.fps)],
    ['JS transferred (bytes)', bare.jsBytes, app.jsBytes, ratio(app.jsBytes, bare.jsBytes)],
    ['JS transferred gzip (bytes)', bare.jsGzipBytes, app.jsGzipBytes, ratio(app.jsGzipBytes, bare.jsGzipBytes)],
    ['requests', bare.requests, app.requests, ratio(app.requests, bare.requests)],
    ['three.js overlay (ms per frame)', null, app.overlayMsPerFrame, null],
  ];
  const fmt = (x) => (x == null ? 'n/a' : Number.isInteger(x) ? String(x) : x.toFixed(2));
  console.log(`\n${'metric'.padEnd(34)} ${'bare'.padStart(12)} ${'flightrecon'.padStart(12)} ${'ratio'.padStart(8)}`);
  for (const [label, b, a, r] of rows) console.log(`${label.padEnd(34)} ${fmt(b).padStart(12)} ${fmt(a).padStart(12)} ${fmt(r).padStart(8)}`);
  mkdirSync('bench/results', { recursive: true });
  const exportSpeed = await measureExport(browser);
  console.log(`\n${'video export (frame-exact, 30 fps)'.padEnd(34)} ${'frames'.padStart(8)} ${'seconds'.padStart(8)} ${'output fps'.padStart(11)}  codec`);
  for (const e of exportSpeed)
    console.log(`${e.size.padEnd(34)} ${String(e.frames).padStart(8)} ${fmt(e.seconds).padStart(8)} ${fmt(e.fps).padStart(11)}  ${e.type}`);
  const result = { date: new Date().toISOString(), chromium: browser.version(), viewport: '1280x720', bare, app, exportSpeed };
  writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2));
  console.log('\nwritten: bench/results/latest.json');
} finally {
  await browser.close();
  server.close();
}
