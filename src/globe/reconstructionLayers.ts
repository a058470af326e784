/** The switchable reconstruction layers on the globe: corridor (with gaps and rejected fixes), claims, GNSS interference. */
import type { Viewer } from 'cesium';
import type { AppState, Change } from '../app/store';
import { ClaimsLayer } from './claimsLayer';
import { CorridorLayer } from './corridorLayer';
import { JammingZone } from './jammingZone';
import type { LabelSink } from './labels/mapLabel';

export class ReconstructionLayers {
  private readonly corridor: CorridorLayer;
  private readonly claims: ClaimsLayer;
  private readonly jamming: JammingZone;

  constructor(viewer: Viewer, labels: LabelSink) {
    this.corridor = new CorridorLayer(viewer, labels);
    this.claims = new ClaimsLayer(viewer, labels);
    this.jamming = new JammingZone(viewer, labels);
  }

  /** Draws the first state. */
  start(state: AppState): void {
    this.update(state, { time: true, step: true, playback: true, camera: true, lang: true, scenario: true, notices: true, ui: true, layers: true });
  }

  /** Store listener part: rebuild on a new scenario or language, show/hide on layer changes. Returns whether anything changed. */
  update(state: AppState, change: Readonly<Change>): boolean {
    const rebuild = change.scenario || change.lang;
    if (rebuild) {
      this.corridor.show(state.scenario, state.lang);
      this.claims.show(state.scenario, state.lang);
      this.jamming.show(state.scenario, state.lang);
    }
    if (rebuild || change.layers || change.camera || change.ui) {
      // From the pilot's eye the corridor would be a translucent wall around the eye: not shown there.
      this.corridor.setVisible(state.layers.has('corridor') && !inCockpit(state));
      this.claims.setVisible(state.layers.has('claims'));
      this.jamming.setVisible(state.layers.has('jamming'));
    }
    return Boolean(rebuild || change.layers);
  }
}

/** The pilot's view is on (presenter mode composes its own shots). */
export function inCockpit(state: AppState): boolean {
  return state.camera === 'cockpit' && !state.presenting;
}
