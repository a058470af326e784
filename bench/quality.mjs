/**
 * Playback frame rate per quality setting (URL `quality=`): speed 30 for BENCH_PLAY_SECONDS, like the
 * main run. `auto` first plays until the tier in use has settled: at least 5 s, and until it has not
 * changed for 5 s (at most 30 s). Works before the setting exists: the app then ignores the
 * parameter (with a notice) and quality/qualityLevel are null.
 */
import { APP_FRAMES, APP_READY, APP_URL, framesPerSecond, openPage, SETTINGS } from './common.mjs';

const SETTLE_MIN_MS = 5000;
const SETTLE_STABLE_MS = 5000;
const SETTLE_MAX_MS = 30000;

const qualityOf = (page) =>
  page.evaluate(() => {
    const s = window.flightrecon.state();
    return { quality: s.quality ?? null, qualityLevel: s.qualityLevel ?? null };
  });

/** Plays until the tier in use has held for SETTLE_STABLE_MS; returns the time taken and the tiers seen. */
async function settleLevel(page) {
  const t0 = Date.now();
  const levels = [];
  let since = t0;
  for (;;) {
    const { qualityLevel } = await qualityOf(page);
    if (levels[levels.length - 1] !== qualityLevel) {
      levels.push(qualityLevel);
      since = Date.now();
    }
    const now = Date.now();
    if ((now - t0 >= SETTLE_MIN_MS && now - since >= SETTLE_STABLE_MS) || now - t0 >= SETTLE_MAX_MS) return { seconds: (now - t0) / 1000, levels };
    await page.waitForTimeout(250);
  }
}

export async function measureQualities(browser) {
  const rows = [];
  for (const quality of SETTINGS.qualities) {
    const { context, page, pageErrors } = await openPage(browser, `${APP_URL}?quality=${encodeURIComponent(quality)}`, APP_READY);
    try {
      const atStart = await qualityOf(page);
      await page.evaluate(() => window.flightrecon.setSpeed(30).then(() => window.flightrecon.play()));
      const settle = quality === 'auto' ? await settleLevel(page) : null;
      const fps = await framesPerSecond(page, APP_FRAMES, SETTINGS.playSeconds);
      const settled = await qualityOf(page);
      rows.push({ quality, fps, setting: settled.quality, qualityLevel: settled.qualityLevel, levelAtStart: atStart.qualityLevel, settle, pageErrors });
    } finally {
      await context.close();
    }
  }
  return rows;
}
