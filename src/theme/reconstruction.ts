/** Colours of the reconstruction layers, shared by the globe, the profile chart and the legend. */
import type { DataGap } from '../scenario/model';

/** Uncertainty corridor: the inferred track's light blue, translucent. */
export const CORRIDOR_CSS = '#9fd8ff';
export const CORRIDOR_ALPHA = 0.16;
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
