/**
 * The import worker: reads, fingerprints, detects, parses and validates a file off the main thread
 * (src/import/importFile.ts does the work), reporting progress; asks which leg when a file has several.
 */
/// <reference lib="webworker" />
import { buildImport, parseText, legSummaries, sha256Hex, decodeText, type Parsed } from '../import/importFile';
import { columnBuffers } from '../scenario/columns';
import { ImportError } from '../import/types';
import type { FileFacts } from '../import/toScenario';
import type { FromWorker, ToWorker } from './importProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let pending: { parsed: Parsed; facts: FileFacts; started: number } | null = null;

const post = (m: FromWorker) => scope.postMessage(m);

function fail(err: unknown): void {
  const message = err instanceof ImportError || err instanceof Error ? err.message : String(err);
  post({ type: 'error', message });
}

function build(parsed: Parsed, facts: FileFacts, leg: number | 'all', started: number): void {
  post({ type: 'progress', phase: 'building', fraction: 1 });
  const built = buildImport(parsed, facts, leg);
  // The track's columns are transferred, not copied: the page receives them at no cost.
  const message: FromWorker = { type: 'done', built, parseMs: performance.now() - started };
  scope.postMessage(message, built.kind === 'track' ? columnBuffers(built.columns) : []);
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === 'leg') {
      if (!pending) throw new Error('no file is waiting for a leg choice');
      const { parsed, facts, started } = pending;
      pending = null;
      build(parsed, facts, msg.leg, started);
      return;
    }
    const started = performance.now();
    post({ type: 'progress', phase: 'reading', fraction: 0 });
    const bytes = new Uint8Array(await msg.file.arrayBuffer());
    const facts: FileFacts = { name: msg.file.name || 'file', bytes: bytes.length, sha256: await sha256Hex(bytes) };
    const text = decodeText(bytes);
    let last = 0;
    const parsed = parseText(text, facts.name, (fraction) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      post({ type: 'progress', phase: 'parsing', fraction });
    });
    if (parsed.kind === 'track' && parsed.parsed.legs.length > 1) {
      pending = { parsed, facts, started };
      post({ type: 'legs', legs: legSummaries(parsed.parsed), formatName: parsed.parsed.formatName });
      return;
    }
    build(parsed, facts, 'all', started);
  } catch (err) {
    fail(err);
  }
};
