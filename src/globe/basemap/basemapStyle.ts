/**
 * The basemap's look: calm, clear land/sea contrast, mid-dark so that the flight track (bright
 * orange, cyan, yellow) and the overlays stay the most visible things on screen.
 */
export interface BasemapStyle {
  readonly sea: string;
  readonly land: string;
  readonly coast: string;
  readonly river: string;
  readonly border: string;
  readonly borderCasing: string;
  readonly admin1: string;
  readonly runway: string;
  readonly runwayEdge: string;
  readonly runwayMarking: string;
  readonly labelText: string;
  readonly labelOutline: string;
  readonly seaLabelText: string;
  readonly cityDot: string;
  readonly airportLabelText: string;
}

export const DEFAULT_STYLE: BasemapStyle = {
  sea: '#285578',
  land: '#5f6152',
  coast: '#b9d3e6',
  river: '#5d93bd',
  border: '#f1dfb6',
  borderCasing: 'rgba(20, 20, 16, 0.55)',
  admin1: 'rgba(226, 210, 178, 0.75)',
  runway: '#2b2b2b',
  runwayEdge: '#e9e9e9',
  runwayMarking: '#ffffff',
  labelText: '#f4f1e8',
  labelOutline: '#15181c',
  seaLabelText: '#b9d3e6',
  cityDot: '#f4f1e8',
  airportLabelText: '#ffffff',
};

/**
 * Stroke widths in CSS pixels for a tile level (Cesium geographic level: 5 ≈ whole region on one
 * screen, 9 ≈ 100 km across, 13 ≈ 6 km across). Grows gently so lines stay crisp but never heavy.
 */
export function strokeWidths(level: number): { coast: number; river: readonly number[]; border: number; admin1: number } {
  const t = Math.max(0, Math.min(1, (level - 4) / 9));
  const lerp = (a: number, b: number): number => a + (b - a) * t;
  return {
    coast: lerp(0.9, 2.2),
    // WDBII classes 0 (river-lakes) .. 4 (minor permanent rivers)
    river: [lerp(1.2, 3), lerp(1.2, 3), lerp(0.9, 2.2), lerp(0.5, 1.6), lerp(0.4, 1.2)],
    border: lerp(1.3, 2.8),
    admin1: lerp(0.8, 1.6),
  };
}

/** Lowest tile level at which each WDBII river class is drawn (keeps the region view uncluttered). */
export const RIVER_MIN_LEVEL: readonly number[] = [0, 0, 5, 7, 8];
/** Admin-1 outlines (Chechnya, Dagestan, ...) from this level on. */
export const ADMIN1_MIN_LEVEL = 5;
/** Runways from this level on (below that they are a few pixels and the airport label says enough). */
export const RUNWAY_MIN_LEVEL = 8;
