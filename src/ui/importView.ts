/**
 * What the page shows around an import: a drop target over the whole page while a file is dragged
 * (two halves: open instead, or compare on top), a progress box for large files, and the leg
 * chooser for files with several legs. Text from files is only ever set as text.
 */
import type { LegSummary } from '../import/importFile';
import type { LegChoice } from '../import/toScenario';
import { formatUtcClock } from '../geo/time';
import { el } from './dom';
import { importWord } from './importWords';
import './importView.css';
import { formatNumber } from '../i18n/formats';

export type DropHandler = (file: File, compare: boolean) => void;

export class ImportView {
  private readonly drop = el('div', 'drop-target');
  private readonly openZone = el('div', 'drop-zone drop-open');
  private readonly compareZone = el('div', 'drop-zone drop-compare');
  private readonly progress = el('div', 'import-progress');
  private readonly progressText = el('div', 'import-progress-text');
  private readonly bar = el('progress');
  private readonly cancelButton = el('button', 'import-progress-cancel');
  private cancel: (() => void) | null = null;
  private dragDepth = 0;

  constructor(
    private readonly win: Window,
    parent: HTMLElement,
    private readonly lang: () => string,
    private readonly onDrop: DropHandler,
    /** Whether "compare" is possible now (a scenario is shown). */
    private readonly canCompare: () => boolean = () => true,
  ) {
    this.drop.dataset.testid = 'drop-target';
    this.drop.hidden = true;
    this.drop.setAttribute('aria-hidden', 'true');
    this.drop.append(this.openZone, this.compareZone, el('div', 'drop-formats'));
    this.progress.dataset.testid = 'import-progress';
    this.progress.setAttribute('role', 'status');
    this.progress.hidden = true;
    this.bar.max = 1;
    this.cancelButton.type = 'button';
    this.cancelButton.addEventListener('click', () => this.cancel?.());
    this.progress.append(this.progressText, this.bar, this.cancelButton);
    parent.append(this.drop, this.progress);
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    win.addEventListener('dragenter', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      this.dragDepth++;
      this.show();
    });
    win.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      this.highlight(e);
    });
    win.addEventListener('dragleave', () => {
      this.dragDepth = Math.max(0, this.dragDepth - 1);
      if (this.dragDepth === 0) this.hide();
    });
    win.addEventListener('drop', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const compare = this.canCompare() && this.inCompareZone(e);
      this.dragDepth = 0;
      this.hide();
      const file = e.dataTransfer?.files[0];
      if (file) this.onDrop(file, compare);
    });
  }

  private show(): void {
    const lang = this.lang();
    this.openZone.replaceChildren(el('strong', '', importWord(lang, 'dropOpen')), el('span', '', importWord(lang, 'dropOpenHint')));
    this.compareZone.replaceChildren(el('strong', '', importWord(lang, 'dropCompare')), el('span', '', importWord(lang, 'dropCompareHint')));
    this.compareZone.hidden = !this.canCompare();
    this.drop.lastElementChild!.textContent = importWord(lang, 'dropFormats');
    this.drop.hidden = false;
  }

  private hide(): void {
    this.drop.hidden = true;
    this.openZone.classList.remove('active');
    this.compareZone.classList.remove('active');
  }

  private inCompareZone(e: DragEvent): boolean {
    if (this.compareZone.hidden) return false;
    const r = this.compareZone.getBoundingClientRect();
    return e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
  }

  private highlight(e: DragEvent): void {
    const compare = this.inCompareZone(e);
    this.compareZone.classList.toggle('active', compare);
    this.openZone.classList.toggle('active', !compare);
  }

  /** Shows or updates the progress box; `cancel` adds a Cancel button. */
  showProgress(name: string, phase: 'reading' | 'parsing' | 'building', fraction: number, cancel?: () => void): void {
    const lang = this.lang();
    this.progressText.textContent = importWord(lang, phase, { name });
    if (phase === 'parsing') this.bar.value = Math.max(0, Math.min(1, fraction));
    else this.bar.removeAttribute('value');
    this.cancel = cancel ?? null;
    this.cancelButton.textContent = importWord(lang, 'cancel');
    this.cancelButton.hidden = !cancel;
    this.progress.hidden = false;
  }

  hideProgress(): void {
    this.progress.hidden = true;
    this.cancel = null;
  }

  /** Asks which leg to show; resolves null when the reader cancels. */
  chooseLeg(fileName: string, legs: readonly LegSummary[], formatName: string): Promise<LegChoice | null> {
    const lang = this.lang();
    return new Promise((resolve) => {
      const dialog = el('div', 'leg-chooser hud-panel');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-modal', 'true');
      dialog.dataset.testid = 'leg-chooser';
      const question = el('p', 'leg-question', importWord(lang, 'chooseLeg', { name: fileName, n: legs.length, format: formatName }));
      question.id = 'leg-question';
      dialog.setAttribute('aria-labelledby', question.id);
      const list = el('div', 'leg-list');
      const done = (choice: LegChoice | null) => {
        dialog.remove();
        this.win.removeEventListener('keydown', onKey, true);
        resolve(choice);
      };
      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          done(null);
        }
      };
      for (const leg of legs) {
        const b = el(
          'button',
          'leg-button',
          importWord(lang, 'legLine', {
            label: leg.label,
            from: formatUtcClock(leg.startMs).slice(0, 5),
            to: formatUtcClock(leg.endMs).slice(0, 5),
            points: formatNumber(leg.points, lang),
          }),
        );
        b.type = 'button';
        b.dataset.leg = String(leg.index);
        b.addEventListener('click', () => done(leg.index));
        list.append(b);
      }
      const all = el('button', 'leg-button leg-all', importWord(lang, 'allLegs'));
      all.type = 'button';
      all.dataset.leg = 'all';
      all.addEventListener('click', () => done('all'));
      const cancel = el('button', 'leg-cancel', importWord(lang, 'cancel'));
      cancel.type = 'button';
      cancel.addEventListener('click', () => done(null));
      list.append(all);
      dialog.append(question, list, cancel);
      this.win.addEventListener('keydown', onKey, true);
      this.progress.before(dialog);
      (list.firstElementChild as HTMLElement | null)?.focus();
    });
  }
}
