/**
 * Bytes of a dropped file → text, or an ImportError that says what the file is instead (binary,
 * compressed, not UTF-8 at line n). XML files may declare another encoding; that one is used.
 */
import { ImportError } from './types';

function startsWith(bytes: Uint8Array, ...magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportError('the file is empty');
  if (startsWith(bytes, 0x1f, 0x8b)) throw new ImportError('the file is compressed (gzip); unpack it first and open the file inside');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04))
    throw new ImportError('the file is a ZIP archive (a KMZ is one too); unpack it and open the track file inside (for KMZ: the doc.kml)');
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return strictUtf8(bytes.subarray(3));
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  const nul = head.indexOf(0);
  if (nul >= 0) throw new ImportError(`the file is binary, not text (a zero byte at offset ${nul}); flightrecon reads text track files`);
  // An XML declaration may name a single-byte encoding (older FlightAware/FR24 exports): honour it.
  const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9_-]+)["']/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)));
  const enc = declared?.[1]?.toLowerCase();
  if (enc && enc !== 'utf-8' && enc !== 'utf8') {
    try {
      return new TextDecoder(enc).decode(bytes);
    } catch {
      throw new ImportError(`the file declares the encoding "${declared![1]}", which this browser cannot read`);
    }
  }
  return strictUtf8(bytes);
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first byte that breaks UTF-8, to name the line.
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      let ok = len > 0 && i + len <= bytes.length;
      for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
      if (!ok) break;
      i += len;
    }
    throw new ImportError(
      `line ${lineAt(bytes, i)}: the file is not UTF-8 text (byte 0x${(bytes[i] ?? 0).toString(16).padStart(2, '0')} at offset ${i}); save it as UTF-8 and open it again`,
      `line ${lineAt(bytes, i)}`,
    );
  }
}
