/**
 * What a screen reader and a keyboard need beyond the panels themselves, composed in one call:
 * - the "Skip to caption" link, first in the tab order (src/ui/skipLink.ts);
 * - the globe (or the flat map without WebGL) as a labelled region whose first child, visually
 *   hidden, says what the view shows now (src/ui/viewDescription.ts); it changes with the step, the
 *   language, the camera, and a seek while paused — never per frame while the flight plays;
 * - one polite live region that reads each new step once (title and lead sentence), in explore and
 *   presenter mode alike (the caption is hidden while presenting, and the presenter's lower third
 *   changes with the clock, so neither is a live region itself);
 * - the page's language (`<html lang>`) following the app's.
 */
import type { AppState, Change, Store } from '../app/store';
import { PSEUDO_LANGUAGE } from '../i18n/languages';
import { el } from './dom';
import { SkipLink } from './skipLink';
import { a11y, describeView, stepAnnouncement } from './viewDescription';

export function bindAccessibility(store: Store, doc: Document = document): () => void {
  // On the title card (the caption hidden under it) the link goes to its Start button instead.
  const skip = new SkipLink(doc.body, () => doc.querySelector<HTMLElement>('.title-card:not([hidden]) .title-card-start') ?? doc.getElementById('caption'));
  const globe = doc.getElementById('globe');
  const description = el('p', 'visually-hidden view-description');
  description.id = 'view-description';
  description.dataset.testid = 'view-description';
  if (globe) {
    globe.setAttribute('role', 'region');
    globe.setAttribute('aria-describedby', description.id);
    globe.prepend(description);
  }
  const announcer = el('div', 'visually-hidden step-announcer');
  announcer.id = 'step-announcer';
  announcer.dataset.testid = 'step-announcer';
  announcer.setAttribute('aria-live', 'polite');
  announcer.setAttribute('aria-atomic', 'true');
  doc.body.append(announcer);
  let flip = false;

  const render = (s: AppState, c: Readonly<Change>, first = false): void => {
    if (c.lang || c.scenario || c.card) skip.setText(a11y(s.lang, s.card === 'title' ? 'skipToStart' : 'skipToCaption'));
    if (c.lang || c.scenario) {
      doc.documentElement.lang = s.lang === PSEUDO_LANGUAGE ? 'en' : s.lang;
      globe?.setAttribute('aria-label', a11y(s.lang, globe.querySelector('.flat-map') ? 'flatMap' : 'globe'));
    }
    if (c.step || c.lang || c.camera || c.scenario || c.ui || c.playback || (c.time && !s.playing)) {
      const text = describeView(s);
      if (description.textContent !== text) description.textContent = text;
    }
    if (!first && (c.step || c.scenario)) {
      // The same words again (a step left and shown again) are still announced: a no-break space alternates.
      flip = !flip;
      announcer.textContent = stepAnnouncement(s) + (flip ? '\u00a0' : '');
    }
  };
  const all: Change = { time: true, step: true, playback: true, camera: true, lang: true, scenario: true, notices: false, ui: true };
  render(store.get(), all, true);
  return store.subscribe((s, c) => render(s, c));
}
