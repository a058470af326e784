/** Helpers for export tests: run an export in the page, demux it with mediabunny, extract frames as PNG. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { ARTIFACTS } from './support';

export interface Demuxed {
  width: number;
  height: number;
  duration: number;
  codec: string | null;
  packets: { b64: string; key: boolean; timestamp: number; duration: number }[];
  config: { codec: string; description: string | null; codedWidth?: number; codedHeight?: number };
}

/** Runs exportVideo in the page and returns the file's bytes. */
export async function exportInPage(page: Page, options: Record<string, unknown>): Promise<{ type: string; bytes: Buffer }> {
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
export async function demux(bytes: Buffer): Promise<Demuxed> {
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
export async function framesAsPng(page: Page, d: Demuxed, wanted: number[]): Promise<Buffer[]> {
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

export function save(name: string, png: Buffer): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}/${name}.png`, png);
}
