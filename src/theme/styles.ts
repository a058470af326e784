/**
 * How provenance looks on the globe. Told apart by pattern and width as well as colour, so the
 * difference survives a washed-out projector and colour blindness. The legend (ui/legend.ts); shared data, no library
 * draws the same patterns from these numbers.
 */
import type { ProvenanceKind } from '../scenario/model';

export interface ProvenanceStyle {
  readonly css: string;
  readonly widthPx: number;
  /** Dash length in pixels and 16-bit pattern (Cesium PolylineDash); null for a solid line. */
  readonly dash: { readonly lengthPx: number; readonly pattern: number } | null;
}

export const PROVENANCE_STYLES: Readonly<Record<ProvenanceKind, ProvenanceStyle>> = {
  measured: { css: '#ffd34d', widthPx: 5, dash: null },
  reported: { css: '#ff9d3b', widthPx: 4, dash: { lengthPx: 32, pattern: 0xfff0 } },
  inferred: { css: '#9fd8ff', widthPx: 3, dash: { lengthPx: 12, pattern: 0xff00 } },
};

export const TRAIL_CSS = '#ffffff';
export const DAMAGE_CSS = '#ff4d4d';
export const AIRPORT_CSS = '#ffffff';
