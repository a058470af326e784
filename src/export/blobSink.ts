/**
 * A WritableStream for mediabunny's StreamTarget that builds a Blob without holding the whole file
 * in the JS heap: appended bytes go into a buffer that is sealed into Blob parts every few MB (the
 * browser may keep those on disk); the few writes back into sealed bytes (box and element sizes)
 * are kept as patches and applied when the Blob is made.
 */
import type { StreamTargetChunk } from 'mediabunny';

const SEAL_BYTES = 4 * 1024 * 1024;

export class BlobSink {
  private sealed: Blob[] = [];
  private sealedBytes = 0;
  private buffer = new Uint8Array(1024 * 1024);
  private used = 0;
  private readonly patches: { position: number; data: Uint8Array }[] = [];

  readonly writable = new WritableStream<StreamTargetChunk>({ write: (chunk) => this.write(chunk.data, chunk.position) });

  constructor(private readonly type: string) {}

  get size(): number {
    return this.sealedBytes + this.used;
  }

  private write(data: Uint8Array, position: number): void {
    if (position < this.sealedBytes) {
      const inSealed = Math.min(data.length, this.sealedBytes - position);
      this.patches.push({ position, data: data.slice(0, inSealed) });
      if (inSealed === data.length) return;
      data = data.subarray(inSealed);
      position = this.sealedBytes;
    }
    const at = position - this.sealedBytes;
    const end = at + data.length;
    if (end > this.buffer.length) {
      const grown = new Uint8Array(Math.max(end, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    this.buffer.set(data, at);
    this.used = Math.max(this.used, end);
    if (this.used >= SEAL_BYTES) this.seal();
  }

  private seal(): void {
    if (this.used === 0) return;
    this.sealed.push(new Blob([this.buffer.slice(0, this.used)]));
    this.sealedBytes += this.used;
    this.used = 0;
  }

  toBlob(): Blob {
    this.seal();
    let blob = new Blob(this.sealed, { type: this.type });
    for (const p of this.patches) {
      const end = p.position + p.data.length;
      blob = new Blob([blob.slice(0, p.position), p.data as Uint8Array<ArrayBuffer>, blob.slice(end)], { type: this.type });
    }
    return blob;
  }
}
