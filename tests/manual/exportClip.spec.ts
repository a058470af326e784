/**
 * Not part of `npm test` (about 5 minutes on a software renderer): `npm run export:clip` exports the damage
 * event as a video and extracts frames as PNG into test-results/screenshots/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, expectCleanRun, openApp } from '../browser/support';
import { demux, exportInPage, framesAsPng, save } from '../browser/exportSupport';

test.setTimeout(900_000);

test.describe('damage event clip', () => {
  test('damage event clip (05:13:25–05:14:05, follow camera): frames extracted as PNG', async ({ page }) => {
    const watch = await openApp(page, '?step=first-impact');
    const { type, bytes } = await exportInPage(page, {
      from: '2024-12-25T05:13:25Z',
      to: '2024-12-25T05:14:05Z',
      width: 1280,
      height: 720,
      fps: 30,
      speed: 20,
      camera: 'follow',
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/export-damage-clip.${type === 'video/mp4' ? 'mp4' : 'webm'}`, bytes);
    const d = await demux(bytes);
    expect(d.packets).toHaveLength(60);
    const frames = await framesAsPng(page, d, [0, 15, 30, 45, 59]);
    frames.forEach((png, i) => save(`export-damage-frame-${i}`, png));
    expectCleanRun(watch);
  });
});
