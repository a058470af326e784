/**
 * The offline basemap's data as shipped in assets/basemap/ (built by scripts/build-basemap.mjs) and
 * its decoding into plain coordinate arrays. Pure: no DOM, no Cesium.
 */

/** Integers in 1e-5 degree, delta-encoded: [x0, y0, dx1, dy1, ...]. */
export type EncodedLine = readonly number[];

export interface RegionBounds {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export interface EncodedGeometry {
  readonly format: 'flightrecon-basemap/1';
  readonly region: RegionBounds;
  readonly water: {
    readonly sea: readonly EncodedLine[];
    readonly island: readonly EncodedLine[];
    readonly lake: readonly EncodedLine[];
    readonly lakeIsland: readonly EncodedLine[];
    readonly pond: readonly EncodedLine[];
  };
  /** Index = WDBII river class (0 river-lakes, 1–4 permanent rivers, major first). */
  readonly rivers: readonly (readonly EncodedLine[])[];
  readonly borders: readonly EncodedLine[];
  readonly admin1: readonly EncodedLine[];
}

export interface Named {
  readonly en: string;
  readonly de: string;
  readonly ru: string;
  readonly az: string;
}

export interface PlaceLabel extends Named {
  readonly lon: number;
  readonly lat: number;
}

export interface CityLabel extends PlaceLabel {
  readonly country: string;
  /** 1 = shown from the whole-region view, 3 = only close up. */
  readonly rank: 1 | 2 | 3;
}

export interface AdminLabel extends PlaceLabel {
  readonly code: string;
  readonly rank: 2 | 3;
}

export interface CountryLabel extends PlaceLabel {
  readonly iso: string;
}

/** One runway end: [ident, latitude, longitude] (OurAirports order). */
export type RunwayEnd = readonly [string, number, number];

export interface Runway {
  readonly id: number;
  readonly ends: readonly [RunwayEnd, RunwayEnd];
  readonly lengthFt: number;
  readonly widthFt: number;
  readonly source: string;
}

export interface Airport extends Named {
  readonly iata: string;
  readonly icao: string;
  readonly runways: readonly Runway[];
}

export interface Places {
  readonly format: 'flightrecon-places/1';
  readonly countries: readonly CountryLabel[];
  readonly seas: readonly PlaceLabel[];
  readonly admin1: readonly AdminLabel[];
  readonly cities: readonly CityLabel[];
  readonly airports: readonly Airport[];
}

/** A decoded line: interleaved lon, lat in degrees, plus its bounding box for culling. */
export interface Line {
  readonly coords: Float64Array;
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

// Divide (not multiply by 1e-5) so that decoded values are the nearest doubles to the decimals.
const UNITS_PER_DEGREE = 1e5;

export function decodeLine(encoded: EncodedLine): Line {
  const n = encoded.length >> 1;
  const coords = new Float64Array(n * 2);
  let x = 0;
  let y = 0;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < n; i++) {
    x += encoded[2 * i]!;
    y += encoded[2 * i + 1]!;
    const lon = x / UNITS_PER_DEGREE;
    const lat = y / UNITS_PER_DEGREE;
    coords[2 * i] = lon;
    coords[2 * i + 1] = lat;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return { coords, west, south, east, north };
}

export interface BasemapGeometry {
  readonly region: RegionBounds;
  readonly sea: readonly Line[];
  readonly island: readonly Line[];
  readonly lake: readonly Line[];
  readonly lakeIsland: readonly Line[];
  readonly pond: readonly Line[];
  readonly rivers: readonly (readonly Line[])[];
  readonly borders: readonly Line[];
  readonly admin1: readonly Line[];
}

export function decodeGeometry(data: EncodedGeometry): BasemapGeometry {
  if (data.format !== 'flightrecon-basemap/1') throw new Error(`basemap geometry: unknown format ${String(data.format)}`);
  const all = (lines: readonly EncodedLine[]): Line[] => lines.map(decodeLine);
  return {
    region: data.region,
    sea: all(data.water.sea),
    island: all(data.water.island),
    lake: all(data.water.lake),
    lakeIsland: all(data.water.lakeIsland),
    pond: all(data.water.pond),
    rivers: data.rivers.map(all),
    borders: all(data.borders),
    admin1: all(data.admin1),
  };
}
