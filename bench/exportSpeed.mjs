/**
 * Export speed: frames of output per second of wall time for a short frame-exact export (follow
 * camera over the damage event) at 720p and 1080p. The first export also loads the export chunk.
 */
import { APP_READY, APP_URL, openPage, SETTINGS } from './common.mjs';

export async function measureExport(browser) {
  const seconds = SETTINGS.exportSeconds;
  if (seconds <= 0) return [];
  const { context, page } = await openPage(browser, `${APP_URL}?step=first-impact`, APP_READY);
  const rows = [];
  try {
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      const r = await page.evaluate(
        async ([w, h, s]) => {
          const to = new Date(Date.parse('2024-12-25T05:13:30Z') + s * 1000).toISOString();
          const t0 = performance.now();
          const blob = await window.flightrecon.exportVideo({ from: '2024-12-25T05:13:30Z', to, width: w, height: h, fps: 30, camera: 'follow' });
          return { ms: performance.now() - t0, type: blob.type, bytes: blob.size };
        },
        [width, height, seconds],
      );
      const frames = seconds * 30;
      rows.push({ size: `${width}x${height}`, frames, seconds: r.ms / 1000, fps: frames / (r.ms / 1000), type: r.type, bytes: r.bytes });
    }
  } finally {
    await context.close();
  }
  return rows;
}
