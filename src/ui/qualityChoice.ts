/**
 * The control panel's drawing-quality choice: auto (adapts resolution and effects to hold a smooth
 * frame rate while the flight plays, sharp when paused), high, or low (for weak school machines).
 */
import type GUI from 'lil-gui';
import type { Controller } from 'lil-gui';
import type { AppState, Change, Store } from '../app/store';
import { catalogue } from '../i18n/catalogue';
import { DEFAULT_QUALITY, type QualitySetting } from '../app/quality';

export class QualityChoice {
  private readonly model: { quality: QualitySetting } = { quality: DEFAULT_QUALITY };
  private controller: Controller;

  constructor(
    private readonly gui: GUI,
    private readonly store: Store,
  ) {
    this.model.quality = store.get().quality;
    this.controller = this.add(store.get().lang);
  }

  private add(lang: string): Controller {
    const n = catalogue(lang).quality;
    const c = this.gui
      .add(this.model, 'quality', { [n.auto]: 'auto', [n.high]: 'high', [n.low]: 'low' })
      .name(n.quality)
      .onChange((q: QualitySetting) => this.store.setQuality(q));
    c.domElement.classList.add('quality-choice');
    return c;
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.lang) {
      const previous = this.controller;
      this.controller = this.add(state.lang);
      previous.domElement.before(this.controller.domElement);
      previous.destroy();
    }
    if (change.lang || change.quality) {
      this.model.quality = state.quality;
      this.controller.updateDisplay();
    }
  };
}
