/** Shared pieces of the benchmark: settings from BENCH_* variables, opening a page, printing tables. */
import { existsSync } from 'node:fs';

export const PORT = 4180;
export const APP_URL = `http://127.0.0.1:${PORT}/app/index.html`;
export const BARE_URL = `http://127.0.0.1:${PORT}/bare/bare.html`;

const num = (name, fallback) => {
  const v = Number(process.env[name] ?? fallback);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
};

/** Every knob of the benchmark (README: "Benchmark"). */
export const SETTINGS = {
  appDist: process.env.BENCH_APP_DIST ?? 'dist',
  playSeconds: num('BENCH_PLAY_SECONDS', 10),
  idleSeconds: num('BENCH_IDLE_SECONDS', 10),
  seekCount: num('BENCH_SEEK_COUNT', 10),
  qualities: (process.env.BENCH_QUALITIES ?? 'high,low,auto').split(',').filter(Boolean),
  exportSeconds: num('BENCH_EXPORT_SECONDS', 2),
  /** 0 skips the import benchmark (100,000-row CSV, 20 MB KML). */
  importRuns: num('BENCH_IMPORT', 1),
  soakMinutes: num('BENCH_SOAK_MINUTES', 30),
  soakWarmupSeconds: num('BENCH_SOAK_WARMUP_SECONDS', 60),
  soakSpeed: num('BENCH_SOAK_SPEED', 120),
};

export const executablePath = process.env.FLIGHTRECON_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const APP_READY = 'document.body.dataset.ready === "true"';
export const APP_FRAMES = 'window.flightrecon.stats().framesDrawn';

/**
 * A fresh context and page at 1280x720, loaded until `readyExpr` holds, with a CDP session and the
 * page errors seen. bypassCSP: string-form expressions are evaluated by the page, which the app's CSP forbids.
 */
export async function openPage(browser, url, readyExpr, onResponse) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  if (onResponse) page.on('response', onResponse);
  await page.goto(url);
  await page.waitForFunction(readyExpr, undefined, { timeout: 120000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp, pageErrors };
}

/** Page-side figures from CDP Performance.getMetrics, by name (TaskDuration in seconds, Nodes, ...). */
export async function pageMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Frames per second over `seconds` of whatever the page is doing (playback started by the caller). */
export async function framesPerSecond(page, framesExpr, seconds) {
  const f0 = await page.evaluate(framesExpr);
  const t0 = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const f1 = await page.evaluate(framesExpr);
  return ((f1 - f0) * 1000) / (Date.now() - t0);
}

export const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
export const fmt = (x) => (x == null ? 'n/a' : typeof x === 'string' ? x : Number.isInteger(x) ? String(x) : x.toFixed(2));
export const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Prints a table: the first column left-aligned and wide, the others right-aligned. */
export function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(i === 0 ? 34 : 8, h.length, ...rows.map((r) => fmt(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? fmt(c).padEnd(widths[i]) : fmt(c).padStart(widths[i]))).join('  ');
  console.log(`\n${line(headers)}`);
  for (const r of rows) console.log(line(r));
}
