/** The current step: title, time, caption and its sources as links. Large type for projectors. */
import type { AppState, Change } from '../app/store';
import { localize, type Claim } from '../scenario/model';
import { el, sourceLink } from './dom';
import { citationText, formatStepTime } from './format';
import { t } from './i18n';

export class CaptionPanel {
  readonly element = el('section', 'caption-panel hud-panel');

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
    const main = el('div', 'caption-main');
    const side = el('div', 'caption-side');
    main.append(...Array.from(root.childNodes), el('p', 'caption-text', localize(step.caption, lang)));
    root.replaceChildren(main, side);
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
    side.append(sources);
    for (const claim of scenario.claims) {
      if (claim.step === step.id) side.append(claimBox(state, claim));
    }
  }
}

/** Where sources disagree: every alternative side by side, each with its sources and confidence. */
function claimBox(state: AppState, claim: Claim): HTMLElement {
  const { scenario, lang } = state;
  const box = el('div', 'claim');
  box.dataset.claim = claim.id;
  box.append(el('div', 'claim-topic', `${t(lang, 'disagree')}: ${localize(claim.topic, lang)}`));
  const list = el('ul', 'claim-alternatives');
  for (const alt of claim.alternatives) {
    const li = el('li', `claim-alternative confidence-${alt.confidence}`);
    li.append(el('span', 'claim-label', localize(alt.label, lang)), el('span', 'claim-confidence', ` (${t(lang, 'confidence')}: ${t(lang, alt.confidence)}) `));
    alt.sources.forEach((id, i) => {
      const c = citationText(scenario, id);
      const link = sourceLink(c.url, `[${i + 1}]`);
      link.title = c.title;
      li.append(link, document.createTextNode(' '));
    });
    list.append(li);
  }
  box.append(list);
  return box;
}
