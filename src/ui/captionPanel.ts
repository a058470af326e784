/** The current step: title, time, caption and its sources as links. Large type for projectors. */
import type { AppState, Change } from '../app/store';
import { localize } from '../scenario/model';
import { el, sourceLink } from './dom';
import { citationText, formatStepTime } from './format';
import { t } from './i18n';

export class CaptionPanel {
  readonly element = el('section', 'caption-panel');

  constructor(parent: HTMLElement) {
    this.element.setAttribute('aria-live', 'polite');
    this.element.dataset.testid = 'caption';
    parent.append(this.element);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.step || change.lang || change.scenario) this.draw(state);
  };

  draw(state: AppState): void {
    const { scenario, lang } = state;
    const step = scenario.steps[state.stepIndex];
    const root = this.element;
    root.replaceChildren();
    if (!step) {
      root.append(el('div', 'caption-meta', t(lang, 'beforeFirst')));
      root.append(el('h2', 'caption-title', localize(scenario.title, lang)));
      root.append(el('p', 'caption-text', localize(scenario.summary, lang)));
      return;
    }
    const meta = el('div', 'caption-meta');
    meta.append(el('span', 'caption-step', t(lang, 'stepOf', { k: step.index + 1, n: scenario.steps.length })));
    if (step.kind === 'epilogue') meta.append(el('span', 'badge badge-epilogue', t(lang, 'epilogue')));
    meta.append(el('span', `badge badge-${step.confidence}`, `${t(lang, 'confidence')}: ${t(lang, step.confidence)}`));
    root.append(meta);
    root.append(el('h2', 'caption-title', localize(step.title, lang)));
    root.append(el('div', 'caption-time', formatStepTime(scenario, step, lang)));
    root.append(el('p', 'caption-text', localize(step.caption, lang)));
    const list = el('ol', 'caption-sources');
    list.setAttribute('aria-label', t(lang, 'sources'));
    for (const id of step.sources) {
      const c = citationText(scenario, id);
      const li = el('li');
      li.append(sourceLink(c.url, c.title));
      list.append(li);
    }
    const sources = el('div', 'caption-sources-block');
    sources.append(el('span', 'caption-sources-label', `${t(lang, 'sources')}:`), list);
    root.append(sources);
  }
}
