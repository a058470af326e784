/**
 * Opening a flight file, by button, drop or `flightrecon.openFile`: refuses files over 100 MB before
 * reading them, runs the import in the worker (progress for files over 1 MB, a leg choice when the
 * file has several), then shows the flight — or adds it to compare — and says what happened. A file
 * that fails leaves the flight shown untouched; the message names what is wrong and where.
 */
import type { Store } from '../app/store';
import { importInWorker, ImportCanceled } from '../app/importClient';
import { MAX_IMPORT_BYTES, PROGRESS_BYTES } from '../import/limits';
import type { ImportResult } from '../import/importFile';
import type { LegChoice } from '../import/toScenario';
import { formatUtcClock } from '../geo/time';
import { el } from './dom';
import { importWord } from './importWords';
import type { ImportView } from './importView';
import { formatNumber } from '../i18n/formats';

export interface OpenOptions {
  /** Draw the file's track over the flight shown instead of replacing it. */
  compare?: boolean;
  /** Which leg of a multi-leg file (0-based) or 'all'; without it the reader is asked. */
  leg?: LegChoice;
}

export class FileOpener {
  private running: AbortController | null = null;
  /** This opener's notices: a new file replaces them, so messages do not pile up over the picture. */
  private notices: number[] = [];

  constructor(
    private readonly store: Store,
    private readonly view: ImportView | null,
  ) {}

  /** Opens a file; resolves once the store holds it, rejects with an Error whose message says what is wrong. */
  async open(file: File, options: OpenOptions = {}): Promise<ImportResult> {
    const lang = this.store.get().lang;
    const name = file.name || 'file';
    const compare = options.compare === true;
    if (file.size > MAX_IMPORT_BYTES) {
      const message = importWord(lang, 'tooLarge', { name, mb: Math.round(file.size / 1048576) });
      this.say('error', message);
      throw new Error(message);
    }
    if (compare && this.store.get().comparisons.length >= 4) {
      const message = importWord(lang, 'tooMany', { n: 4 });
      this.say('error', message);
      throw new Error(message);
    }
    this.running?.abort();
    for (const id of this.notices) this.store.dismissNotice(id);
    this.notices = [];
    const abort = new AbortController();
    this.running = abort;
    const big = file.size > PROGRESS_BYTES;
    try {
      const { result, parseMs } = await importInWorker(file, {
        leg: options.leg,
        signal: abort.signal,
        chooseLeg: this.view ? (legs, format) => this.view!.chooseLeg(name, legs, format) : undefined,
        progress: big ? (phase, fraction) => this.view?.showProgress(name, phase, fraction, () => abort.abort()) : undefined,
      });
      this.view?.hideProgress();
      // For the benchmark: how long the worker took (read, fingerprint, parse, build, validate).
      performance.measure('flightrecon:import', { start: performance.now() - parseMs, duration: parseMs });
      if (compare) this.addComparison(result, name);
      else this.show(result, name);
      return result;
    } catch (err) {
      this.view?.hideProgress();
      if (err instanceof ImportCanceled) throw err;
      const why = String((err as Error).message ?? err);
      const [first, ...rest] = why.split('\n');
      this.say('error', importWord(lang, 'failed', { name, why: (first ?? '').replace(/\.$/, '') }), rest.length ? rest : undefined);
      throw new Error(`${name}: ${why}`, { cause: err });
    } finally {
      if (this.running === abort) this.running = null;
    }
  }

  private say(...args: Parameters<Store['notify']>): void {
    this.notices.push(this.store.notify(...args).id);
  }

  private show(result: ImportResult, name: string): void {
    const { scenario } = result;
    this.store.setScenario(scenario, { format: result.format, formatName: result.formatName, legs: result.legs, fileName: name });
    const lang = this.store.get().lang;
    const points = result.fixes;
    this.say(
      'info',
      result.format === 'scenario'
        ? importWord(lang, 'openedScenario', { name, steps: scenario.steps.length, points: scenario.track.length })
        : importWord(lang, 'opened', { name, format: result.formatName, points: formatNumber(points, lang), steps: scenario.steps.length }),
      result.notes.length ? result.notes : undefined,
    );
    if (scenario.unratedSources > 0) this.say('info', importWord(lang, 'unrated', { n: scenario.unratedSources, total: scenario.sources.size }));
  }

  private addComparison(result: ImportResult, name: string): void {
    const { scenario } = result;
    const lang = this.store.get().lang;
    const added = this.store.addComparison({
      label: `${result.formatName}: ${name}`,
      formatName: result.formatName,
      fileName: name,
      track: scenario.track,
      startMs: scenario.startMs,
      endMs: scenario.endMs,
    });
    if (!added) throw new Error(importWord(lang, 'tooMany', { n: 4 }));
    const shown = this.store.get().scenario;
    this.say('info', importWord(lang, 'compared', { name, format: result.formatName, points: formatNumber(result.fixes, lang) }));
    if (scenario.endMs < shown.startMs || scenario.startMs > shown.endMs)
      this.say('warning', importWord(lang, 'noOverlap', { name, from: isoMinute(scenario.startMs), to: isoMinute(scenario.endMs) }));
  }
}

function isoMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 10)} ${formatUtcClock(ms).slice(0, 5)}`;
}

/** Hidden file inputs behind "Open flight file…" and "Add track to compare…". */
export function createFileInput(parent: HTMLElement, testId: string, onFile: (file: File) => void): HTMLInputElement {
  const input = el('input', 'flight-file-input');
  input.type = 'file';
  input.accept = '.csv,.kml,.json,.gpx,.igc,.czml,.geojson,.txt,text/csv,application/json,application/vnd.google-earth.kml+xml,application/gpx+xml';
  input.hidden = true;
  input.dataset.testid = testId;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) onFile(file);
  });
  parent.append(input);
  return input;
}
