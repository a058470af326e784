/** Colours of the reconstruction layers, shared by the globe, the profile chart and the legend. */
import type { DataGap } from '../scenario/model';

/** Uncertainty corridor: the inferred track's light blue, a light fill with a thin soft edge (the track stays on top). */
export const CORRIDOR_CSS = '#9fd8ff';
export const CORRIDOR_ALPHA = 0.12;
export const CORRIDOR_EDGE_ALPHA = 0.4;
export const CORRIDOR_EDGE_WIDTH_PX = 1.25;
/** Rejected data: magenta, unlike anything that is used. */
export const REJECTED_CSS = '#ff4fd8';
/** Claims: the orange of the caption's claim boxes. */
export const CLAIM_CSS = '#ffb36b';
/** GNSS interference: violet. */
export const JAMMING_CSS = '#b58cff';

export const GAP_CSS: Readonly<Record<DataGap['kind'], string>> = {
  'no-data': '#ff6b6b',
  'no-position': '#c9a0ff',
  corrupted: REJECTED_CSS,
};
