import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { ARTIFACTS, colourVariety, decode, expectCleanRun, openApp, state } from './support';

test.setTimeout(600_000);

interface Demuxed {
  width: number;
  height: number;
  duration: number;
  codec: string | null;
  packets: { b64: string; key: boolean; timestamp: number; duration: number }[];
  config: { codec: string; description: string | null; codedWidth?: number; codedHeight?: number };
}

/** Runs exportVideo in the page and returns the file's bytes. */
async function exportInPage(page: Page, options: Record<string, unknown>): Promise<{ type: string; bytes: Buffer }> {
  const r = await page.evaluate(async (o) => {
    const blob = await window.flightrecon.exportVideo(o);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { type: blob.type, b64: btoa(bin) };
  }, options);
  return { type: r.type, bytes: Buffer.from(r.b64, 'base64') };
}

/** Demuxes with mediabunny (the library that muxed it) in Node. */
async function demux(bytes: Buffer): Promise<Demuxed> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = (await input.getPrimaryVideoTrack())!;
  const config = (await track.getDecoderConfig())!;
  const packets: Demuxed['packets'] = [];
  for await (const p of new EncodedPacketSink(track).packets()) {
    packets.push({ b64: Buffer.from(p.data).toString('base64'), key: p.type === 'key', timestamp: p.timestamp, duration: p.duration });
  }
  const desc = config.description ? Buffer.from(config.description as ArrayBuffer).toString('base64') : null;
  return {
    width: track.displayWidth,
    height: track.displayHeight,
    duration: await input.computeDuration(),
    codec: track.codec,
    packets,
    config: { codec: config.codec, description: desc, codedWidth: config.codedWidth, codedHeight: config.codedHeight },
  };
}

/** Decodes the packets with WebCodecs in the page and returns the chosen frames as PNG bytes. */
async function framesAsPng(page: Page, d: Demuxed, wanted: number[]): Promise<Buffer[]> {
  const urls = await page.evaluate(
    async ({ d, wanted }) => {
      const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const out: string[] = [];
      let index = 0;
      const canvas = document.createElement('canvas');
      canvas.width = d.width;
      canvas.height = d.height;
      const ctx = canvas.getContext('2d')!;
      const decoder = new VideoDecoder({
        output: (frame) => {
          if (wanted.includes(index)) {
            ctx.drawImage(frame, 0, 0);
            out.push(canvas.toDataURL('image/png'));
          }
          index++;
          frame.close();
        },
        error: (e) => out.push('error ' + e.message),
      });
      decoder.configure({ codec: d.config.codec, description: d.config.description ? fromB64(d.config.description) : undefined });
      for (const p of d.packets) {
        decoder.decode(
          new EncodedVideoChunk({
            type: p.key ? 'key' : 'delta',
            timestamp: Math.round(p.timestamp * 1e6),
            duration: Math.round(p.duration * 1e6),
            data: fromB64(p.b64),
          }),
        );
      }
      await decoder.flush();
      return out;
    },
    { d, wanted },
  );
  return urls.map((u) => {
    expect(u.startsWith('data:image/png')).toBe(true);
    return Buffer.from(u.slice(u.indexOf(',') + 1), 'base64');
  });
}

function save(name: string, png: Buffer): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}/${name}.png`, png);
}

test.describe('video export and snapshot', () => {
  test('a 2 s 1280x720 30 fps export demuxes to 60 frames of the right size and duration, not blank', async ({ page }) => {
    const watch = await openApp(page, '?step=first-impact');
    const before = await state(page);
    const { type, bytes } = await exportInPage(page, { from: '2024-12-25T05:13:30Z', to: '2024-12-25T05:13:32Z', width: 1280, height: 720, fps: 30 });
    expect(['video/mp4', 'video/webm']).toContain(type);
    const d = await demux(bytes);
    expect(d.packets).toHaveLength(60);
    expect([d.width, d.height]).toEqual([1280, 720]);
    expect(d.duration).toBeCloseTo(2, 2);
    expect(d.packets[0]!.key).toBe(true);
    d.packets.forEach((p, i) => expect(p.timestamp).toBeCloseTo(i / 30, 3));
    const frames = await framesAsPng(page, d, [0, 30, 59]);
    expect(frames).toHaveLength(3);
    frames.forEach((png, i) => {
      save(`export-2s-frame-${i}`, png);
      const img = decode(png);
      expect(img.width).toBe(1280);
      // Globe area and lower-third caption both carry detail.
      expect(colourVariety(img, 300, 120, 680, 260)).toBeGreaterThan(20);
      expect(colourVariety(img, 40, 520, 1200, 180)).toBeGreaterThan(8);
    });
    // The app is back where it was.
    const after = await state(page);
    expect(after.time).toBe(before.time);
    expect(after.camera).toBe(before.camera);
    await expect(page.getByTestId('export-progress')).toBeHidden();
    expectCleanRun(watch);
  });

  test('cancel stops an export cleanly; a snapshot still works after it', async ({ page }) => {
    const watch = await openApp(page, '?step=take-off');
    const before = await state(page);
    await page.evaluate(() => {
      (window as unknown as { running: Promise<string> }).running = window.flightrecon
        .exportVideo({ from: 'take-off', to: '2024-12-25T03:56:00Z', fps: 30 })
        .then(
          () => 'finished',
          (e: Error) => `${e.name}: ${e.message}`,
        );
    });
    const box = page.getByTestId('export-progress');
    await expect(box).toBeVisible();
    await expect(box).toContainText(/[1-9]\d* of 1800 frames/, { timeout: 120_000 });
    await box.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.evaluate(() => (window as unknown as { running: Promise<string> }).running)).toBe('AbortError: Export canceled');
    await expect(box).toBeHidden();
    const after = await state(page);
    expect(after.time).toBe(before.time);
    expect(after.step?.id).toBe('take-off');
    const canvasWidth = await page
      .locator('#globe canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => c.width);
    expect(canvasWidth).toBe(1280);

    const png = await page.evaluate(async () => {
      const blob = await window.flightrecon.snapshot();
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { type: blob.type, b64: btoa(bin) };
    });
    expect(png.type).toBe('image/png');
    const buf = Buffer.from(png.b64, 'base64');
    save('export-snapshot-take-off', buf);
    const img = decode(buf);
    expect([img.width, img.height]).toEqual([1280, 720]);
    expect(colourVariety(img, 300, 120, 680, 260)).toBeGreaterThan(20);
    // A new export can start after a canceled one.
    const again = await page.evaluate(() =>
      window.flightrecon.exportVideo({ from: '2024-12-25T03:55:00Z', to: '2024-12-25T03:55:00.200Z', fps: 30 }).then((b) => b.size),
    );
    expect(again).toBeGreaterThan(1000);
    expectCleanRun(watch);
  });

  test('damage event clip (05:13:25–05:14:05, follow camera): frames extracted as PNG', async ({ page }) => {
    test.skip(!process.env.FLIGHTRECON_EXPORT_CLIP, 'slow on a software renderer; set FLIGHTRECON_EXPORT_CLIP=1');
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
