/**
 * Idle cost: with nothing moving (the app paused), the CPU the whole browser burns, the page's main
 * thread busy time (CDP TaskDuration) and the frames drawn. Only one page is open while this runs.
 */
import { cpuBetween, cpuSnapshot } from './processCpu.mjs';
import { pageMetrics, SETTINGS } from './common.mjs';

const SETTLE_MS = 2000;

export async function measureIdle(page, cdp, framesExpr) {
  await page.waitForTimeout(SETTLE_MS);
  const f0 = await page.evaluate(framesExpr);
  const m0 = await pageMetrics(cdp);
  const c0 = cpuSnapshot();
  await page.waitForTimeout(SETTINGS.idleSeconds * 1000);
  const c1 = cpuSnapshot();
  const m1 = await pageMetrics(cdp);
  const f1 = await page.evaluate(framesExpr);
  const cpu = cpuBetween(c0, c1);
  return {
    seconds: cpu.wallSeconds,
    cpuPercentOfOneCore: cpu.cpuPercentOfOneCore,
    cpuByProcessKind: cpu.byProcessKind,
    mainThreadBusyPercent: (100 * (m1.TaskDuration - m0.TaskDuration)) / cpu.wallSeconds,
    scriptMs: 1000 * (m1.ScriptDuration - m0.ScriptDuration),
    framesDrawn: f1 - f0,
  };
}
