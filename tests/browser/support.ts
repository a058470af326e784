/** Shared helpers for browser tests: open the app, watch requests and errors, read pixels. */
import { mkdirSync } from 'node:fs';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { PNG } from 'pngjs';
import type { StateView, StepView } from '../../src/app/api';

export interface AppWatch {
  /** Requests whose origin is not the page's own (data: and blob: are local). */
  readonly offOrigin: string[];
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
}

export const ARTIFACTS = 'test-results/screenshots';
/** The origin the tests serve the app from (see playwright.config.ts). */
export const APP_ORIGIN = `http://127.0.0.1:${process.env.FLIGHTRECON_TEST_PORT ?? 4173}`;

export async function openApp(page: Page, query = ''): Promise<AppWatch> {
  const watch: AppWatch = { offOrigin: [], pageErrors: [], consoleErrors: [] };
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== APP_ORIGIN) watch.offOrigin.push(url);
  });
  page.on('pageerror', (err) => watch.pageErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  await page.goto('/' + query);
  await page.waitForFunction(() => window.flightrecon !== undefined && window.flightrecon.ready !== undefined);
  await page.evaluate(() => window.flightrecon.ready);
  return watch;
}

/** Opens the control panel (closed until its "Controls" button under the caption is pressed). */
export async function openControls(page: Page): Promise<void> {
  if (await page.locator('#controls').isVisible()) return;
  await page.getByTestId('caption').locator('.step-controls').click();
  await expect(page.locator('#controls')).toBeVisible();
}

/** Unfolds the profile chart (folded to a timeline below 1600x900). */
export async function openProfileChart(page: Page): Promise<void> {
  const chart = page.getByTestId('profile-chart');
  if ((await chart.getAttribute('data-open')) !== 'true') await chart.locator('.profile-toggle').click();
  await expect(chart.locator('.u-over')).toBeVisible();
}

export function state(page: Page): Promise<StateView> {
  return page.evaluate(() => window.flightrecon.state());
}

export function steps(page: Page): Promise<StepView[]> {
  return page.evaluate(() => window.flightrecon.steps());
}

export async function saveScreenshot(page: Page, name: string, info: TestInfo): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const buffer = await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
  await info.attach(name, { body: buffer, contentType: 'image/png' });
  return buffer;
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export function decode(png: Buffer): PNG {
  return PNG.sync.read(png);
}

export function pixel(img: PNG, x: number, y: number): Rgb {
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return { r: img.data[i]!, g: img.data[i + 1]!, b: img.data[i + 2]! };
}

/** Number of distinct colours (quantised to 4 bits per channel) in a rectangle. */
export function colourVariety(img: PNG, x0: number, y0: number, w: number, h: number): number {
  const seen = new Set<number>();
  for (let y = y0; y < y0 + h; y += 2) {
    for (let x = x0; x < x0 + w; x += 2) {
      const p = pixel(img, x, y);
      seen.add(((p.r >> 4) << 8) | ((p.g >> 4) << 4) | (p.b >> 4));
    }
  }
  return seen.size;
}

export function expectCleanRun(watch: AppWatch): void {
  expect(watch.offOrigin, 'requests that left the origin').toEqual([]);
  expect(watch.pageErrors, 'uncaught page errors').toEqual([]);
}
