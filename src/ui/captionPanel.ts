/**
 * The current step: its title, time and confidence, the lead sentence of its caption in large type
 * with the rest behind "More" (the expanded text scrolls inside its box, on purpose), its sources as
 * publisher links (full titles on hover) with their tier badges, after a "Sources ▸" button that
 * opens the sources view (src/ui/sourcesView.ts), where sources disagree a flag naming what is disputed
 * (always shown) with every alternative and its sources behind "More", and the step buttons
 * (src/ui/stepNav.ts). Large type for projectors; nothing is clipped at any screen size.
 */
import type { AppState, Change, Store } from '../app/store';
import { localize, type Claim, type Scenario } from '../scenario/model';
import { el, sourceLink } from './dom';
import { citationText, formatStepTime } from './format';
import { t } from './i18n';
import { LEAD_MAX_CHARS, PHONE_LEAD_MAX_CHARS, splitLead } from '../story/captionLead';
import type { ScreenClass } from './screen';
import { StepNav } from './stepNav';
import { citationLine } from '../scenario/citation';
import { tierBadge } from './tierBadge';
import { sourcesWord } from './sourcesWords';
import { a11y } from './viewDescription';
import { message } from '../i18n/catalogue';
import './caption.css';

let restIds = 0;

export class CaptionPanel {
  readonly element = el('section', 'caption-panel hud-panel');
  private readonly main = el('div', 'caption-main');
  private readonly content = el('div', 'caption-content');
  private readonly body = el('div', 'caption-body');
  private readonly lead = el('p', 'caption-text caption-lead');
  private readonly leadText = el('span', 'caption-lead-text');
  private readonly rest = el('p', 'caption-rest');
  private readonly side = el('div', 'caption-side');
  private readonly more = el('button', 'caption-more');
  /** The keys that step through the flight, for screen readers (the caption's description). */
  private readonly keysHint = el('span', 'visually-hidden');
  private readonly nav: StepNav;
  /** The reader asked for the whole text; it stays so from step to step until they fold it again. */
  private expanded = false;
  private leadMax = LEAD_MAX_CHARS;
  /** On a phone the tier badges use their short words ("nat."), to keep the caption low. */
  private phone = false;
  private state: AppState;

  constructor(
    parent: HTMLElement,
    private readonly store: Store,
    toggleControls: () => void,
  ) {
    this.state = store.get();
    this.element.dataset.testid = 'caption';
    // The "Skip to caption" link's target (src/ui/skipLink.ts): a labelled region that takes the focus.
    // Not a live region itself: src/ui/screenReader.ts announces each new step (title and lead) once,
    // in presenter mode too, where this panel is hidden.
    this.element.id = 'caption';
    this.element.tabIndex = -1;
    this.keysHint.id = 'caption-keys';
    this.element.setAttribute('aria-describedby', this.keysHint.id);
    this.rest.id = `caption-rest-${++restIds}`;
    this.more.type = 'button';
    this.more.setAttribute('aria-controls', this.rest.id);
    this.more.addEventListener('click', () => {
      this.expanded = !this.expanded;
      this.applyExpanded();
    });
    this.nav = new StepNav(store, toggleControls);
    // "More" ends the lead, so it stays in place when the rest opens below it.
    this.lead.append(this.leadText, ' ', this.more);
    this.body.append(this.lead, this.rest);
    this.main.append(this.content, this.nav.element);
    this.element.append(this.main, this.side, this.keysHint);
    parent.append(this.element);
  }

  /** On a phone the lead is cut sooner (at a semicolon), to leave the map room. */
  readonly setScreen = (screen: ScreenClass): void => {
    const leadMax = screen.phone ? PHONE_LEAD_MAX_CHARS : LEAD_MAX_CHARS;
    if (leadMax === this.leadMax && screen.phone === this.phone) return;
    this.leadMax = leadMax;
    this.phone = screen.phone;
    this.draw(this.state);
  };

  /** The "All sources" button of the step shown (where the focus goes back when the sources view closes), if any. */
  get allSourcesButton(): HTMLElement | null {
    return this.side.querySelector<HTMLElement>('.caption-all-sources');
  }

  /** The control panel opened or closed (the nav's "Controls" button shows it). */
  readonly setControlsOpen = (open: boolean): void => this.nav.setControlsOpen(open);

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    this.state = state;
    this.nav.render(state, change);
    if (change.step || change.lang || change.scenario) this.draw(state);
  };

  draw(state: AppState): void {
    const { scenario, lang } = state;
    this.element.setAttribute('aria-label', a11y(lang, 'caption'));
    this.keysHint.textContent = scenario.chapters.length > 0 ? `${a11y(lang, 'keys')} ${message(lang, 'chapters', 'keys')}` : a11y(lang, 'keys');
    const step = scenario.steps[state.stepIndex];
    let caption: string;
    if (!step) {
      this.content.replaceChildren(el('div', 'caption-meta', t(lang, 'beforeFirst')), el('h2', 'caption-title', localize(scenario.title, lang)));
      caption = localize(scenario.summary, lang);
      this.side.replaceChildren();
    } else {
      // The time, then how sure it is; "Step k of n" sits between the step buttons.
      const meta = el('div', 'caption-meta');
      meta.append(el('span', 'caption-time', formatStepTime(scenario, step, lang)));
      if (step.kind === 'epilogue') meta.append(el('span', 'badge badge-epilogue', t(lang, 'epilogue')));
      meta.append(el('span', `badge badge-${step.confidence}`, `${t(lang, 'confidence')}: ${t(lang, step.confidence)}`));
      this.content.replaceChildren(el('h2', 'caption-title', localize(step.title, lang)), meta);
      caption = localize(step.caption, lang);
      this.side.replaceChildren(sourcesLine(scenario, step.sources, lang, this.phone, () => this.store.showSources(true)));
      const claims = scenario.claims.filter((c) => c.step === step.id);
      if (claims.length) this.side.append(claimsBox(state, claims));
    }
    const parts = splitLead(caption, this.leadMax);
    this.leadText.textContent = parts.lead;
    // Why the step is cited as it is (e.g. no better source carries it): behind "More", after the caption.
    const note = step?.note ? `${t(lang, 'sourcesNote')}: ${localize(step.note, lang)}` : '';
    this.rest.textContent = note && parts.rest ? `${parts.rest} (${note})` : parts.rest || note;
    this.content.append(this.body);
    this.more.hidden = this.rest.textContent === '' && !this.side.querySelector('.claims');
    this.applyExpanded();
  }

  private applyExpanded(): void {
    const { lang } = this.state;
    const open = this.expanded && !this.more.hidden;
    this.rest.hidden = !open || this.rest.textContent === '';
    this.element.classList.toggle('caption-expanded', open);
    // Expanded, the text may scroll inside its box: on purpose (layout checks skip data-scrolls).
    for (const box of [this.body, this.side]) {
      if (open) box.dataset.scrolls = '';
      else delete box.dataset.scrolls;
    }
    this.more.textContent = open ? `${t(lang, 'less')} ▴` : `${t(lang, 'more')} ▾`;
    this.more.title = t(lang, open ? 'lessHint' : 'moreHint');
    this.more.setAttribute('aria-expanded', String(open));
  }
}

/**
 * "Sources ▸ Repost.uz other · Volkovysk.eu other · TASS wire" — publisher names as links (the title
 * on hover), each with its tier as a short badge (shorter on a phone; the full citation on hover); "Sources ▸" is a
 * button that opens the sources view with every source.
 */
function sourcesLine(scenario: Scenario, ids: readonly string[], lang: string, short: boolean, showAll: () => void): HTMLElement {
  const block = el('div', 'caption-sources-block');
  const list = el('ul', 'caption-sources');
  list.setAttribute('aria-label', t(lang, 'sources'));
  const seen = new Map<string, number>();
  for (const id of ids) {
    const source = scenario.sources.get(id);
    const c = citationText(scenario, id);
    const publisher = source?.publisher ?? id;
    const n = (seen.get(publisher) ?? 0) + 1;
    seen.set(publisher, n);
    const link = sourceLink(c.url, n > 1 ? `${publisher} (${n})` : publisher);
    link.title = c.title;
    const li = el('li');
    li.append(link);
    // A no-break space keeps the badge on the line of the publisher's last word.
    if (source) li.append('\u00a0', tierBadge(lang, source, citationLine(source, lang, scenario.checked), short));
    list.append(li);
  }
  // The line's label is the button: "Sources ▸" opens every source, at no cost in the caption's height.
  const all = el('button', 'caption-sources-label caption-all-sources', t(lang, 'sources'));
  all.type = 'button';
  all.title = sourcesWord(lang, 'allSourcesHint');
  all.setAttribute('aria-label', sourcesWord(lang, 'allSources'));
  all.setAttribute('aria-haspopup', 'dialog');
  all.addEventListener('click', showAll);
  block.append(all, list);
  return block;
}

/**
 * Where sources disagree: one box, "⚠ Sources disagree" and what is disputed (always shown); under
 * each topic every alternative side by side with its sources and confidence (shown with "More").
 */
function claimsBox(state: AppState, claims: readonly Claim[]): HTMLElement {
  const { scenario, lang } = state;
  const box = el('div', 'claims');
  box.append(el('span', 'claims-head', `⚠ ${t(lang, 'disagree')}`));
  for (const claim of claims) {
    const item = el('div', 'claim');
    item.dataset.claim = claim.id;
    item.append(el('span', 'claim-topic', localize(claim.topic, lang)));
    const list = el('ul', 'claim-alternatives');
    for (const alt of claim.alternatives) {
      const li = el('li', `claim-alternative confidence-${alt.confidence}`);
      li.append(
        el('span', 'claim-label', localize(alt.label, lang)),
        el('span', 'claim-confidence', ` (${t(lang, 'confidence')}: ${t(lang, alt.confidence)}) `),
      );
      alt.sources.forEach((id, i) => {
        const c = citationText(scenario, id);
        const link = sourceLink(c.url, `[${i + 1}]`);
        link.title = c.title;
        li.append(link, document.createTextNode(' '));
      });
      list.append(li);
    }
    item.append(list);
    // Why the accounts are cited as they are: on the topic's tooltip and in the sources view's claim list.
    if (claim.note) item.title = `${t(lang, 'sourcesNote')}: ${localize(claim.note, lang)}`;
    box.append(item);
  }
  return box;
}
