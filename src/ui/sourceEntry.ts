/**
 * One source in the sources view: tier badge, publisher (and whose text it reproduces), title, date,
 * language, its address as a link, its note, what it supports (buttons to those steps) and "Copy
 * citation". Everything from the file is set as text.
 */
import type { Claim, ReportedEvent, Scenario } from '../scenario/model';
import { localize } from '../scenario/model';
import { citationLine } from '../scenario/citation';
import type { SourceUse } from '../app/sourceIndex';
import { el, sourceLink } from './dom';
import { formatBytes, formatLongDate } from './format';
import { copyText } from './copyText';
import { languageName, languageOwnName, sourcesWord, useName } from './sourcesWords';
import { tierBadge } from './tierBadge';

export interface EntryActions {
  /** The reader chose a step (a step that cites the source, or a disputed point's step). */
  goToStep(step: ReportedEvent): void;
}

/** An entry and its jump buttons (marked when their step is the current one). */
export interface SourceEntry {
  readonly element: HTMLLIElement;
  readonly jumps: readonly { readonly button: HTMLButtonElement; readonly stepIndex: number }[];
  /** Stops the "Copied" timer (the entry is being replaced). */
  dispose(): void;
}

const COPIED_SHOWN_MS = 2500;

function formatSourceDate(date: string | undefined, lang: string): string {
  const ms = date ? Date.parse(date) : NaN;
  return Number.isFinite(ms) ? formatLongDate(ms, lang) : sourcesWord(lang, 'noDate');
}

function jumpButton(text: string, title: string, step: ReportedEvent, actions: EntryActions): HTMLButtonElement {
  const b = el('button', 'source-jump', text);
  b.type = 'button';
  b.title = title;
  b.dataset.stepIndex = String(step.index);
  b.addEventListener('click', () => actions.goToStep(step));
  return b;
}

function supports(use: SourceUse, scenario: Scenario, lang: string, actions: EntryActions, jumps: SourceEntry['jumps'][number][]): HTMLElement {
  const box = el('div', 'source-supports');
  if (use.steps.length === 0 && use.claims.length === 0) {
    box.append(el('span', 'source-supports-none', sourcesWord(lang, 'citesNothing')));
  } else {
    box.append(el('span', 'source-supports-label', sourcesWord(lang, 'supports')));
    for (const step of use.steps) {
      const button = jumpButton(`${step.index + 1}. ${localize(step.title, lang)}`, sourcesWord(lang, 'jumpHint'), step, actions);
      jumps.push({ button, stepIndex: step.index });
      box.append(button);
    }
    for (const claim of use.claims) box.append(claimItem(claim, scenario, lang, actions, jumps));
  }
  if (use.elsewhere.length > 0) {
    const list = use.elsewhere.map((u) => useName(lang, u)).join(', ');
    box.append(el('span', 'source-elsewhere', sourcesWord(lang, 'elsewhere', { list })));
  }
  return box;
}

/** A disputed point by its topic: a button to its step when it has one, else plain text. */
function claimItem(claim: Claim, scenario: Scenario, lang: string, actions: EntryActions, jumps: SourceEntry['jumps'][number][]): HTMLElement {
  const topic = localize(claim.topic, lang);
  const step = claim.step ? scenario.steps.find((s) => s.id === claim.step) : undefined;
  if (!step) return el('span', 'source-claim', `⚠ ${sourcesWord(lang, 'claimNoStep', { topic })}`);
  const button = jumpButton(`⚠ ${topic}`, `${sourcesWord(lang, 'disputed', { topic })} — ${step.index + 1}. ${localize(step.title, lang)}`, step, actions);
  button.classList.add('source-claim');
  button.dataset.claimId = claim.id;
  jumps.push({ button, stepIndex: step.index });
  return button;
}

export function sourceEntry(use: SourceUse, scenario: Scenario, lang: string, actions: EntryActions): SourceEntry {
  const c = use.citation;
  const item = el('li', 'source-entry');
  item.dataset.sourceId = c.id;
  item.dataset.tier = c.tier;

  const head = el('div', 'source-head');
  head.append(el('strong', 'source-publisher', c.publisher), tierBadge(lang, c));
  if (c.original) head.append(el('span', 'source-original', sourcesWord(lang, 'textOf', { original: c.original })));
  item.append(head, el('p', 'source-title', c.title));

  const meta = el('p', 'source-meta');
  meta.append(el('span', 'source-date', formatSourceDate(c.date, lang)));
  if (c.language) {
    const language = el('span', 'source-language', languageOwnName(c.language));
    language.lang = c.language;
    language.title = sourcesWord(lang, 'language', { name: languageName(c.language, lang) });
    meta.append(' · ', language);
  }
  item.append(meta);

  if (c.url) {
    const link = sourceLink(c.url, c.url);
    link.classList.add('source-url');
    item.append(link);
  } else if (c.file) {
    item.append(
      el(
        'p',
        'source-url source-file',
        sourcesWord(lang, 'dataFile', { name: c.file.name, size: formatBytes(c.file.bytes), hash: c.file.sha256.slice(0, 12) }),
      ),
    );
  }
  if (c.note) item.append(el('p', 'source-note', c.note));

  const jumps: SourceEntry['jumps'][number][] = [];
  item.append(supports(use, scenario, lang, actions, jumps));

  // Copy citation: the clipboard, or the line selected in a read-only field; "Copied" for a moment.
  const actionsRow = el('div', 'source-actions');
  const copy = el('button', 'source-copy', sourcesWord(lang, 'copy'));
  copy.type = 'button';
  copy.title = sourcesWord(lang, 'copyHint');
  const status = el('span', 'source-copied');
  status.setAttribute('role', 'status');
  const field = el('input', 'source-copy-field');
  field.type = 'text';
  field.readOnly = true;
  field.hidden = true;
  field.setAttribute('aria-label', sourcesWord(lang, 'copy'));
  let timer: ReturnType<typeof setTimeout> | null = null;
  copy.addEventListener('click', () => {
    void copyText(citationLine(c, lang, scenario.checked), field).then((outcome) => {
      if (timer) clearTimeout(timer);
      timer = null;
      status.textContent = sourcesWord(lang, outcome === 'copied' ? 'copied' : 'selected');
      // "Copied" goes after a moment; "press Ctrl+C" stays beside the selected field.
      if (outcome === 'copied')
        timer = setTimeout(() => {
          timer = null;
          status.textContent = '';
        }, COPIED_SHOWN_MS);
    });
  });
  actionsRow.append(copy, status);
  item.append(actionsRow, field);

  return {
    element: item,
    jumps,
    dispose: () => {
      if (timer) clearTimeout(timer);
    },
  };
}
