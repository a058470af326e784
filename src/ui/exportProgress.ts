/** The export's progress box: a bar, frames done, time left, and Cancel. The page stays usable meanwhile. */
import type { ExportProgress, ProgressDisplay } from '../export/types';
import { el } from './dom';
import { word } from './presenter/words';
import { message } from '../i18n/catalogue';
import { formatLength as length } from '../export/storyPlan';

export class ExportProgressView implements ProgressDisplay {
  readonly element = el('div', 'export-progress');
  private readonly title = el('div', 'export-progress-title');
  private readonly bar = el('progress');
  private readonly text = el('div', 'export-progress-text');
  /** The video's length and frame count, said before the first frame. */
  private readonly estimate = el('div', 'export-progress-estimate');
  private readonly cancelButton = el('button', 'export-progress-cancel');
  private cancel: (() => void) | null = null;

  constructor(
    parent: HTMLElement,
    private readonly lang: () => string,
  ) {
    this.element.dataset.testid = 'export-progress';
    this.element.setAttribute('role', 'status');
    this.element.hidden = true;
    this.cancelButton.addEventListener('click', () => this.cancel?.());
    this.estimate.dataset.testid = 'export-estimate';
    this.element.append(this.title, this.estimate, this.bar, this.text, this.cancelButton);
    parent.append(this.element);
  }

  begin(total: number, cancel: () => void, seconds?: number): void {
    const lang = this.lang();
    this.cancel = cancel;
    this.title.textContent = word(lang, 'exporting');
    this.cancelButton.textContent = word(lang, 'cancel');
    this.bar.max = total;
    this.bar.value = 0;
    this.text.textContent = word(lang, 'framesDone', { done: 0, total });
    this.estimate.textContent = seconds === undefined ? '' : message(lang, 'storyExport', 'estimate', { length: length(seconds), frames: total });
    this.estimate.hidden = seconds === undefined;
    this.element.hidden = false;
  }

  update(p: ExportProgress): void {
    const lang = this.lang();
    this.bar.value = p.done;
    const left = p.etaSeconds === null ? '' : ` · ${word(lang, 'left', { s: Math.ceil(p.etaSeconds) })}`;
    this.text.textContent = word(lang, 'framesDone', { done: p.done, total: p.total }) + left;
  }

  end(): void {
    this.cancel = null;
    this.element.hidden = true;
  }
}
