/** The 'Layers' folder of the control panel: one checkbox per switchable layer, written to the store. */
import type GUI from 'lil-gui';
import type { Controller } from 'lil-gui';
import type { AppState, Change, Store } from '../app/store';
import { LAYER_IDS, type LayerId } from '../app/types';

const NAMES: Readonly<Record<string, Readonly<Record<LayerId | 'title', string>>>> = {
  en: {
    title: 'Layers',
    corridor: 'Uncertainty corridor, gaps',
    claims: 'Conflicting claims',
    jamming: 'GNSS interference',
    profile: 'Altitude/speed profile',
  },
  de: {
    title: 'Ebenen',
    corridor: 'Unsicherheitskorridor, Lücken',
    claims: 'Widersprüchliche Angaben',
    jamming: 'GNSS-Störung',
    profile: 'Höhen-/Geschw.-Profil',
  },
};

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
      const names = NAMES[state.lang] ?? NAMES.en!;
      this.folder.title(names.title);
      LAYER_IDS.forEach((id, i) => this.controllers[i]!.name(names[id]));
    }
    if (change.layers || change.scenario) {
      for (const id of LAYER_IDS) this.model[id] = state.layers.has(id);
      for (const c of this.controllers) c.updateDisplay();
    }
  };
}
