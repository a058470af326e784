/* global File, PerformanceObserver -- page-side code inside page.evaluate */
/**
 * Import speed: a generated 100,000-fix Flightradar24 CSV and a generated 20 MB KML (gx:Track),
 * opened with flightrecon.openFile in the built app, against papaparse's own time to parse the same
 * CSV in the same browser and run. Also the main thread's longest task while the import runs (the
 * parsing is in a worker; the page must stay responsive) and until the new flight is drawn.
 */
import { APP_READY, APP_URL, openPage, PORT, median } from './common.mjs';

const T0 = 1735098840; // 2024-12-25T03:54:00Z

/** A long flight's worth of FR24 rows, one every 2 s, wandering over the Caspian. */
export function fr24Csv(rows) {
  const out = ['Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction'];
  for (let i = 0; i < rows; i++) {
    const t = T0 + i * 2;
    const lat = 40.45 + 3 * Math.sin(i / 9000);
    const lon = 50.05 + 0.00004 * i;
    const alt = Math.round(Math.min(36000, i * 12, (rows - i) * 12));
    out.push(
      `${t},${new Date(t * 1000).toISOString().slice(0, 19)}Z,AHY8243,"${lat.toFixed(5)},${lon.toFixed(5)}",${alt},${alt ? 420 : 12},${((i / 100) % 360) | 0}`,
    );
  }
  return out.join('\n') + '\n';
}

/** A gx:Track KML of about `bytes` bytes (ADS-B Exchange style: when list then coord list). */
export function gxTrackKml(bytes) {
  const n = Math.round(bytes / 83);
  const whens = [];
  const coords = [];
  for (let i = 0; i < n; i++) {
    const t = T0 * 1000 + i * 1000;
    whens.push(`<when>${new Date(t).toISOString()}</when>`);
    const alt = Math.min(11000, i * 4, (n - i) * 4);
    coords.push(`<gx:coord>${(50.05 + 0.00002 * i).toFixed(6)} ${(40.45 + 2 * Math.sin(i / 20000)).toFixed(6)} ${alt.toFixed(1)}</gx:coord>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">\n' +
    '<Folder><name>bench</name><Placemark><name>AHY8243</name><gx:Track><altitudeMode>absolute</altitudeMode>\n' +
    whens.join('\n') +
    '\n' +
    coords.join('\n') +
    '\n</gx:Track></Placemark></Folder></kml>\n'
  );
}

async function papaTimes(browser, csv) {
  const { context, page } = await openPage(browser, `http://127.0.0.1:${PORT}/bare/papa.html`, 'document.body.dataset.ready === "true"');
  try {
    return await page.evaluate(async (text) => {
      // On the page's main thread (warm after the first run), and in a fresh worker each time (cold,
      // like the app's import, which runs in a new worker per file).
      const page = [];
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        const r = window.Papa.parse(text, { header: true, skipEmptyLines: true });
        page.push(performance.now() - t0);
        if (r.data.length < 1000) throw new Error('papaparse read too few rows');
      }
      const worker = [];
      for (let k = 0; k < 3; k++) worker.push((await window.parseInWorker(text)).ms);
      return { page, worker };
    }, csv);
  } finally {
    await context.close();
  }
}

/** Opens `text` as a file in the app; returns the worker's time, the whole time until drawn, and the longest main-thread task. */
async function appImport(browser, name, text, type, query = '') {
  const { context, page } = await openPage(browser, APP_URL + query, APP_READY);
  try {
    // Auto quality settles in the first seconds (each tier change resizes the canvas, a long task of
    // its own): wait until the tier has held for 3 s, so what is measured is the import.
    await page.evaluate(async () => {
      const t0 = performance.now();
      let level = window.flightrecon.state().qualityLevel;
      let since = performance.now();
      while (performance.now() - t0 < 30_000 && performance.now() - since < 3000) {
        await new Promise((r) => setTimeout(r, 250));
        const now = window.flightrecon.state().qualityLevel;
        if (now !== level) {
          level = now;
          since = performance.now();
        }
      }
    });
    return await page.evaluate(
      async ([body, fileName, mime]) => {
        const file = new File([body], fileName, { type: mime });
        const longTasks = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks.push(e.duration);
        });
        observer.observe({ type: 'longtask' });
        // A heartbeat on the main thread: the largest gap between its ticks is how long the page was unresponsive.
        let last = performance.now();
        let worstGap = 0;
        let beating = true;
        const beat = () => {
          const now = performance.now();
          worstGap = Math.max(worstGap, now - last);
          last = now;
          if (beating) setTimeout(beat, 10);
        };
        setTimeout(beat, 10);
        const t0 = performance.now();
        const s = await window.flightrecon.openFile(file);
        const total = performance.now() - t0;
        beating = false;
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        const measure = performance.getEntriesByName('flightrecon:import').pop();
        return {
          workerMs: measure?.duration ?? null,
          totalMs: total,
          longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
          longTasks: longTasks.length,
          worstGapMs: worstGap,
          points: window.flightrecon.trackSummary().points,
          steps: s.stepCount,
        };
      },
      [text, name, type],
    );
  } finally {
    await context.close();
  }
}

export async function measureImport(browser) {
  const csv = fr24Csv(100_000);
  const kml = gxTrackKml(20 * 1024 * 1024);
  const papa = await papaTimes(browser, csv);
  const fr24 = await appImport(browser, 'bench-fr24.csv', csv, 'text/csv');
  const gx = await appImport(browser, 'bench-20mb.kml', kml, 'application/vnd.google-earth.kml+xml');
  // With a fixed drawing quality: auto quality answers the import's slow frames by lowering the
  // resolution, and each canvas resize is a long task of its own under SwiftShader.
  const fr24Fixed = await appImport(browser, 'bench-fr24.csv', csv, 'text/csv', '?quality=low');
  return { csvBytes: csv.length, kmlBytes: kml.length, papaMs: median(papa.page), papaWorkerMs: median(papa.worker), fr24, kml: gx, fr24Fixed };
}
