/**
 * `npm run bench`: the built app against a bare Cesium Viewer with the same bundled imagery, in the
 * same run, headless Chromium 1280x720. Prints tables and writes bench/results/latest.json.
 * Figures, not assertions: ratios against the bare viewer are what hold on a noisy machine.
 * Knobs: BENCH_* variables (bench/common.mjs, README "Commands").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import {
  APP_FRAMES,
  APP_READY,
  APP_URL,
  ARGS,
  BARE_URL,
  executablePath,
  fmt,
  framesPerSecond,
  openPage,
  PORT,
  printTable,
  ratio,
  SETTINGS,
} from './common.mjs';
import { measureIdle } from './idle.mjs';
import { measureSeek } from './seek.mjs';
import { measureQualities } from './quality.mjs';
import { measureExport } from './exportSpeed.mjs';
import { runSoak } from './soak.mjs';
import { measureImport } from './importSpeed.mjs';

/**
 * One page: load (first frame, ready, JS bytes, requests), idle (paused, nothing moving), playback
 * frame rate, then `after` (the app's seek test) on the same page.
 */
async function measure(browser, name, url, readyExpr, framesExpr, pause, startPlayback, after) {
  let jsBytes = 0;
  let jsGzip = 0;
  let requests = 0;
  /** gzip size per script URL, to sum what arrived before the first frame (JS needed at start). */
  const gzipByUrl = new Map();
  const onResponse = async (response) => {
    requests++;
    const type = response.request().resourceType();
    if (type !== 'script' && !response.url().endsWith('.js')) return;
    try {
      const body = await response.body();
      const gz = gzipSync(body).length;
      jsBytes += body.length;
      jsGzip += gz;
      gzipByUrl.set(response.url(), (gzipByUrl.get(response.url()) ?? 0) + gz);
    } catch {
      /* worker scripts may not expose a body */
    }
  };
  const { context, page, cdp, pageErrors } = await openPage(browser, url, readyExpr, onResponse);
  try {
    const marks = await page.evaluate(() => {
      const m = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
      return { firstFrame: m('flightrecon:first-frame'), ready: m('flightrecon:ready') };
    });
    // Scripts that had arrived when the first globe frame was drawn: what start-up needed.
    const beforeFirstFrame = await page.evaluate((firstFrame) => {
      if (firstFrame === null) return [];
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.responseEnd <= firstFrame)
        .map((e) => e.name);
    }, marks.firstFrame);
    const jsGzipAtStart = beforeFirstFrame.reduce((sum, u) => sum + (gzipByUrl.get(u) ?? 0), 0);
    await page.evaluate(pause);
    const idle = await measureIdle(page, cdp, framesExpr);
    await page.evaluate(startPlayback);
    const fps = await framesPerSecond(page, framesExpr, SETTINGS.playSeconds);
    // The three.js overlay's own time per frame (draw + labels), measured inside the page.
    const overlay = await page.evaluate(() => window.flightrecon?.overlay?.stats() ?? null);
    const extra = after ? await after(page) : undefined;
    return {
      row: {
        name,
        firstFrameMs: marks.firstFrame,
        readyMs: marks.ready,
        fps,
        jsBytes,
        jsGzipBytes: jsGzip,
        jsGzipBytesAtFirstFrame: jsGzipAtStart,
        requests,
        overlayMsPerFrame: overlay?.overlayMsPerFrame ?? null,
        idle,
        pageErrors: pageErrors.length,
      },
      extra,
    };
  } finally {
    await context.close();
  }
}

const server = await serve({ '/app/': SETTINGS.appDist, '/bare/': 'bench/dist' }, PORT);
const browser = await chromium.launch({ executablePath, args: ARGS });
try {
  const { row: bare } = await measure(
    browser,
    'bare Cesium viewer',
    BARE_URL,
    'window.benchReady !== undefined && performance.getEntriesByName("flightrecon:ready").length > 0',
    'window.benchFrames()',
    '0',
    '0',
  );
  const { row: app, extra: seek } = await measure(
    browser,
    'flightrecon',
    APP_URL,
    APP_READY,
    APP_FRAMES,
    'window.flightrecon.pause()',
    'window.flightrecon.setSpeed(30).then(() => window.flightrecon.play())',
    (page) => measureSeek(page, SETTINGS.seekCount),
  );
  printTable(
    ['metric', 'bare', 'flightrecon', 'ratio'],
    [
      ['time to first frame (ms)', bare.firstFrameMs, app.firstFrameMs, ratio(app.firstFrameMs, bare.firstFrameMs)],
      ['time to ready (ms)', bare.readyMs, app.readyMs, ratio(app.readyMs, bare.readyMs)],
      [`frames per second (${SETTINGS.playSeconds} s playback)`, bare.fps, app.fps, ratio(app.fps, bare.fps)],
      ['JS transferred (bytes)', bare.jsBytes, app.jsBytes, ratio(app.jsBytes, bare.jsBytes)],
      ['JS transferred gzip, whole run (bytes)', bare.jsGzipBytes, app.jsGzipBytes, ratio(app.jsGzipBytes, bare.jsGzipBytes)],
      [
        'JS gzip before first frame (bytes)',
        bare.jsGzipBytesAtFirstFrame,
        app.jsGzipBytesAtFirstFrame,
        ratio(app.jsGzipBytesAtFirstFrame, bare.jsGzipBytesAtFirstFrame),
      ],
      ['requests', bare.requests, app.requests, ratio(app.requests, bare.requests)],
      ['three.js overlay (ms per frame)', null, app.overlayMsPerFrame, null],
      [
        `idle CPU, all browser processes (% of a core, ${SETTINGS.idleSeconds} s)`,
        bare.idle.cpuPercentOfOneCore,
        app.idle.cpuPercentOfOneCore,
        ratio(app.idle.cpuPercentOfOneCore, bare.idle.cpuPercentOfOneCore),
      ],
      [
        'idle page main thread busy (%)',
        bare.idle.mainThreadBusyPercent,
        app.idle.mainThreadBusyPercent,
        ratio(app.idle.mainThreadBusyPercent, bare.idle.mainThreadBusyPercent),
      ],
      ['idle frames drawn', bare.idle.framesDrawn, app.idle.framesDrawn, ratio(app.idle.framesDrawn, bare.idle.framesDrawn)],
    ],
  );
  const cpuKinds = [...new Set([...Object.keys(bare.idle.cpuByProcessKind), ...Object.keys(app.idle.cpuByProcessKind)])].sort();
  printTable(
    ['idle CPU by process (% of a core)', 'bare', 'flightrecon'],
    cpuKinds.map((k) => [k, bare.idle.cpuByProcessKind[k] ?? null, app.idle.cpuByProcessKind[k] ?? null]),
  );
  if (seek.error) console.log(`\nseek: ${seek.error}`);
  else
    printTable(
      [`seek by time slider (${seek.count} seeks, paused)`, 'median', 'max', 'target'],
      [
        ['frames until the new time is drawn', seek.medianFrames, seek.maxFrames, '<= 2'],
        ['ms until the new time is drawn', seek.medianMs, seek.maxMs, ''],
        ['seeks never drawn (15 s)', seek.timedOut, null, '0'],
      ],
    );
  const qualityFps = await measureQualities(browser);
  if (qualityFps.length)
    printTable(
      ['playback fps by quality (speed 30)', 'fps', 'x bare', 'level', 'setting', 'auto: tiers while settling'],
      qualityFps.map((q) => [
        `quality=${q.quality}`,
        q.fps,
        ratio(q.fps, bare.fps),
        q.qualityLevel ?? 'n/a',
        q.setting ?? 'not supported',
        q.settle ? `${q.settle.levels.join(' > ')} (${Math.round(q.settle.seconds)} s)` : '',
      ]),
    );
  const exportSpeed = await measureExport(browser);
  if (exportSpeed.length)
    printTable(
      ['video export (frame-exact, 30 fps)', 'frames', 'seconds', 'output fps', 'codec'],
      exportSpeed.map((e) => [e.size, e.frames, e.seconds, e.fps, e.type]),
    );
  const importSpeed = SETTINGS.importRuns > 0 ? await measureImport(browser) : null;
  if (importSpeed) {
    const row = (label, r, bytes) => [
      `${label} (${(bytes / 1e6).toFixed(1)} MB, ${r.points} samples, ${r.steps} steps)`,
      r.workerMs,
      r.totalMs,
      label.includes('CSV') ? ratio(r.workerMs, importSpeed.papaMs) : null,
      label.includes('CSV') ? ratio(r.workerMs, importSpeed.papaWorkerMs) : null,
      r.longestTaskMs,
      r.worstGapMs,
    ];
    printTable(
      ['import (worker; ms)', 'worker', 'until drawn', 'x papaparse (page)', 'x papaparse (fresh worker)', 'longest task', 'worst main-thread gap'],
      [
        ['papaparse alone, same CSV, page main thread (median of 3)', importSpeed.papaMs, null, 1, null, null, null],
        ['papaparse alone, same CSV, fresh worker (median of 3)', importSpeed.papaWorkerMs, null, null, 1, null, null],
        row('Flightradar24 CSV, 100,000 rows', importSpeed.fr24, importSpeed.csvBytes),
        row('KML gx:Track, 20 MB', importSpeed.kml, importSpeed.kmlBytes),
        row('Flightradar24 CSV again, quality=low', importSpeed.fr24Fixed, importSpeed.csvBytes),
      ],
    );
    console.log(
      'targets: worker <= 1.5x papaparse for the CSV; longest main-thread task < 100 ms (quality=low row: the import alone; auto adds its tier changes)',
    );
  }
  const soak = await runSoak(browser);
  if (soak) {
    printTable(
      [`soak (${soak.minutes} min at ${soak.speed}x after ${soak.warmupSeconds} s warm-up)`, 'minute', 'heap MB', 'DOM nodes', 'listeners', 'frames'],
      soak.samples.map((s) => [s.label, s.minute, s.heapUsedBytes / 2 ** 20, s.domNodes, s.jsEventListeners, s.framesDrawn]),
    );
    console.log(
      `heap growth ${fmt(soak.heapGrowthPercent)} % (target < 5 %), DOM nodes ${soak.domNodesGrowth >= 0 ? '+' : ''}${soak.domNodesGrowth}, ` +
        `${soak.framesDrawn} frames; ${soak.loops} loops, ${soak.cameraSwitches} camera switches, ${soak.stepJumps} step jumps, ` +
        `${soak.layerToggles} layer toggles; page errors ${soak.pageErrors}, console errors ${soak.consoleErrors}, API errors ${soak.apiErrors}`,
    );
    for (const m of soak.pageErrorMessages) console.log(`  page error: ${m}`);
  }
  const result = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    viewport: '1280x720',
    bare,
    app,
    exportSpeed,
    importSpeed,
    seek,
    qualityFps,
    soak,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2));
  console.log('\nwritten: bench/results/latest.json');
} finally {
  await browser.close();
  server.close();
}
