/**
 * Settlements as areas: each GeoNames populated place (assets/basemap/settlements.json) is drawn
 * as a disc whose area is its population at an assumed density. The positions and populations are
 * data; the round shape and the density are a cartographic estimate (docs/BASEMAP.md), which the
 * hatching is meant to show. Pure: no DOM, no Cesium.
 */

export interface EncodedSettlements {
  readonly format: 'flightrecon-settlements/1';
  /** [lon * 1e4, lat * 1e4, population, ...], largest first. */
  readonly points: readonly number[];
}

export interface Settlement {
  readonly lon: number;
  readonly lat: number;
  readonly population: number;
  /** Estimated radius of the built-up area, metres. */
  readonly radiusM: number;
}

/**
 * Assumed inhabitants per km² of built-up area (order of magnitude of towns in the region: Grozny,
 * about 230,000 people, gets a disc of about 110 km², 6 km across its radius; a village of 1,500
 * about 0.5 km).
 */
export const SETTLEMENT_DENSITY_PER_KM2 = 2000;

export function settlementRadiusMetres(population: number): number {
  return Math.sqrt((population / SETTLEMENT_DENSITY_PER_KM2 / Math.PI) * 1e6);
}

export function decodeSettlements(data: EncodedSettlements): Settlement[] {
  if (data.format !== 'flightrecon-settlements/1') throw new Error(`settlements: unknown format ${String(data.format)}`);
  const p = data.points;
  if (p.length % 3 !== 0) throw new Error('settlements: points must come in threes');
  const out: Settlement[] = [];
  for (let i = 0; i < p.length; i += 3) {
    const population = p[i + 2]!;
    out.push({ lon: p[i]! / 1e4, lat: p[i + 1]! / 1e4, population, radiusM: settlementRadiusMetres(population) });
  }
  return out;
}

/** Settlements are drawn from this tile level on (≈ 300 m per pixel): the whole-region view stays as it was. */
export const SETTLEMENT_MIN_LEVEL = 8;
/** Smallest radius drawn, tile pixels (smaller discs pepper the map with specks that read as noise, not towns). */
export const SETTLEMENT_MIN_RADIUS_PX = 4;

/** Whether a settlement with a radius of `radiusPx` tile pixels is drawn at a tile level. */
export function settlementShown(radiusPx: number, level: number): boolean {
  return level >= SETTLEMENT_MIN_LEVEL && radiusPx >= SETTLEMENT_MIN_RADIUS_PX;
}
