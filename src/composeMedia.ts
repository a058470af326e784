/**
 * Composition of presenter mode, embedding and export (kept out of main.ts so it stays short):
 * builds the presenter view, the export progress box and menu, the media service over the globe,
 * and, once the API exists, the postMessage bridge and `present=1`.
 */
import type GUI from 'lil-gui';
import type { Store } from './app/store';
import type { FlightreconApi } from './app/api';
import type { UrlIntent } from './app/urlState';
import { readModeParams } from './app/modeParams';
import { startEmbedBridge } from './app/embedBridge';
import { createMediaService, type MediaService } from './export/mediaService';
import { createRenderSurface } from './globe/renderSurface';
import type { GlobeView } from './globe/GlobeView';
import { PresenterView } from './ui/presenter/presenterView';
import { lowerThirdText } from './ui/presenter/lowerThird';
import { ChapterCard } from './ui/presenter/chapterCard';
import { ExportProgressView } from './ui/exportProgress';
import { addMediaMenu } from './ui/mediaMenu';
import { word } from './ui/presenter/words';

export interface MediaComposition {
  readonly service: MediaService | undefined;
  /** Call after window.flightrecon is complete. */
  start(api: FlightreconApi, intent: UrlIntent): void;
}

/** What the globe's credit line says (imagery, data), for burned-in attribution. */
function creditsText(container: HTMLElement, lang: string): string {
  const text = container
    .querySelector('.cesium-widget-credits')
    ?.textContent?.replace(/Data attribution/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${word(lang, 'attribution')}${text ? ` · ${text}` : ''}`;
}

export function composeMedia(store: Store, globe: GlobeView | null, gui: GUI | null, win: Window): MediaComposition {
  const modes = readModeParams(win.location.search);
  for (const line of modes.problems) store.notify('warning', line);
  if (modes.embed) document.body.classList.add('embed');
  const presenter = new PresenterView(document.body, store, { dwellSeconds: modes.dwellSeconds });
  store.subscribe(presenter.render);
  store.subscribe(new ChapterCard(presenter.element, store).render);
  let service: MediaService | undefined;
  if (globe) {
    const surface = createRenderSurface(globe);
    const progress = new ExportProgressView(document.body, () => store.get().lang);
    service = createMediaService({ store, surface, frameText: lowerThirdText, attribution: () => creditsText(surface.container, store.get().lang), progress });
  }
  if (gui && service) addMediaMenu(gui, store, service);
  return {
    service,
    start(api, intent) {
      if (modes.embed) startEmbedBridge(win, api, store, modes.origins);
      if (intent.present) store.setPresenting(true);
    },
  };
}
