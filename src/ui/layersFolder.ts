/** The 'Layers' folder of the control panel: one checkbox per switchable layer, written to the store. */
import type GUI from 'lil-gui';
import type { Controller } from 'lil-gui';
import type { AppState, Change, Store } from '../app/store';
import { LAYER_IDS, type LayerId } from '../app/types';
import { catalogue } from '../i18n/catalogue';

export class LayersFolder {
  private readonly folder: GUI;
  private readonly model = Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>;
  private readonly controllers: Controller[];

  constructor(gui: GUI, store: Store) {
    this.folder = gui.addFolder('Layers');
    this.folder.domElement.classList.add('layers-folder');
    // Closed by default: at 720p the open folder would reach the caption.
    this.folder.close();
    this.controllers = LAYER_IDS.map((id) => {
      const c = this.folder.add(this.model, id).onChange((v: boolean) => store.setLayer(id, v));
      c.domElement.dataset.layer = id;
      return c;
    });
    this.render(store.get(), {
      time: false,
      step: false,
      playback: false,
      camera: false,
      lang: true,
      scenario: false,
      notices: false,
      ui: false,
      layers: true,
    });
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.lang) {
      const names = catalogue(state.lang).layers;
      this.folder.title(names.title);
      LAYER_IDS.forEach((id, i) => this.controllers[i]!.name(names[id]));
    }
    if (change.layers || change.scenario) {
      for (const id of LAYER_IDS) this.model[id] = state.layers.has(id);
      for (const c of this.controllers) c.updateDisplay();
    }
  };
}
