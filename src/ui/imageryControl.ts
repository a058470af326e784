/**
 * The control panel's map imagery choice: the offline map (default), OpenStreetMap, or a custom XYZ
 * tile URL. Online tiles are opt-in: choosing them is the only way the app requests anything off
 * its origin. Writes the (validated) choice into the store.
 */
import type GUI from 'lil-gui';
import type { Controller } from 'lil-gui';
import type { AppState, Change, Store } from '../app/store';
import { OFFLINE_IMAGERY, readImagery } from '../app/imagery';
import { catalogue, message } from '../i18n/catalogue';

export class ImageryControl {
  private readonly model = { choice: OFFLINE_IMAGERY, url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' };
  private choice: Controller;
  private readonly url: Controller;

  constructor(
    private readonly gui: GUI,
    private readonly store: Store,
  ) {
    this.choice = this.addChoice('en');
    this.url = gui
      .add(this.model, 'url')
      .onFinishChange((value: string) => this.apply(value))
      .hide();
    this.url.domElement.classList.add('imagery-url');
    this.render(store.get(), {
      time: false,
      step: false,
      playback: false,
      camera: false,
      lang: true,
      scenario: false,
      notices: false,
      ui: false,
      imagery: true,
    });
  }

  private addChoice(lang: string): Controller {
    const n = catalogue(lang).imagery;
    const c = this.gui
      .add(this.model, 'choice', { [n.offline]: OFFLINE_IMAGERY, [n.osm]: 'osm', [n.custom]: 'custom' })
      .name(n.imagery)
      .onChange((v: string) => {
        this.url.show(v === 'custom');
        if (v !== 'custom') this.store.setImagery(v);
        else this.apply(this.model.url);
      });
    c.domElement.classList.add('imagery-choice');
    return c;
  }

  private apply(value: string): void {
    const reading = readImagery(value);
    if (reading.ok) this.store.setImagery(reading.setting);
    else this.store.notify('warning', (lang) => message(lang, 'notices', 'tileUrl', { why: reading.reason(lang) }));
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.lang) {
      const previous = this.choice;
      this.choice = this.addChoice(state.lang);
      previous.domElement.before(this.choice.domElement);
      previous.destroy();
      this.url.name(catalogue(state.lang).imagery.url);
    }
    if (change.lang || change.imagery) {
      const s = state.imagery;
      this.model.choice = s === OFFLINE_IMAGERY || s === 'osm' ? s : 'custom';
      if (this.model.choice === 'custom') this.model.url = s;
      this.url.show(this.model.choice === 'custom');
      this.choice.updateDisplay();
      this.url.updateDisplay();
    }
  };
}
