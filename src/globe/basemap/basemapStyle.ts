import type { ReliefLook } from './reliefShading.ts';

/**
 * The basemap's look: calm, clear land/sea contrast, mid-dark so that the flight track (bright
 * orange, cyan, yellow) and the overlays stay the most visible things on screen.
 */
export interface BasemapStyle {
  readonly sea: string;
  readonly land: string;
  /** Translucent light water along the shores, on the water side (a cartographic vignette, not depth data). */
  readonly shoreHalo: string;
  /** Settlement areas: tint (at SETTLEMENT_OPACITY) and hatching (at SETTLEMENT_HATCH_OPACITY). */
  readonly settlement: string;
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
  shoreHalo: 'rgba(112, 166, 204, 0.075)',
  settlement: '#b3a48e',
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

/**
 * Relief (ETOPO5 heights): olive grey on the plains (the flat land colour at 0–150 m), a little
 * warmer in the foothills, stone grey in the high Caucasus; hillshade lit from the north-west.
 * Every tint keeps red above blue, so land never reads as water.
 */
export const RELIEF_LOOK: ReliefLook = {
  tint: [
    [-30, 92, 97, 80],
    [0, 95, 97, 82],
    [150, 95, 97, 82],
    [500, 102, 100, 83],
    [1000, 109, 104, 87],
    [2000, 119, 114, 101],
    [3000, 130, 127, 118],
    [4500, 144, 142, 136],
  ],
  exaggeration: 7,
  shadeGain: 1.1,
  shadeRange: [0.72, 1.3],
};
/** Heights below this are drawn as this (sea floor and Caspian surface: the relief is for the land). */
export const RELIEF_FLOOR_M = -30;
/** Preparation of the 5′ grid for shading (reliefData.ts prepareGrid): smoothing in samples, densification. */
export const RELIEF_SMOOTHING = 1.6;
export const RELIEF_UPSAMPLE = 3;

/**
 * How strongly the relief shows at a tile level (0 = flat land colour): none at the whole-region
 * levels, so that view stays as calm as it was; full from level 8 (≈ 300 m per pixel) on.
 */
export function reliefStrength(level: number): number {
  return level <= 6 ? 0 : level === 7 ? 0.5 : 1;
}

/** Width of the light band along shores on the water side, metres (drawn once it is 1.5 px wide). */
export const SHORE_HALO_METRES = 1200;
/**
 * The band is drawn as this many nested translucent strokes, their widths growing with the square
 * root of the step: a gradient that is densest at the shore and whose steps are too fine to see.
 */
export const SHORE_HALO_STEPS = 8;
/** Opacity of the settlement tint and of its hatching. */
export const SETTLEMENT_OPACITY = 0.16;
export const SETTLEMENT_HATCH_OPACITY = 0.28;
