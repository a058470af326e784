import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGeometry, decodeLine, type EncodedGeometry, type Places, type Runway } from '../../src/globe/basemap/basemapData.ts';
import {
  expand,
  frameFade,
  geographicTileBounds,
  intersects,
  lonLatToTilePixel,
  runwayCorners,
  runwayLengthMetres,
  runwayTrueHeading,
} from '../../src/globe/basemap/tileMath.ts';

const GRV: Runway = {
  id: 350226,
  ends: [
    ['08', 43.38750076293945, 45.68439865112305],
    ['26', 43.38880157470703, 45.715301513671875],
  ],
  lengthFt: 8210,
  widthFt: 148,
  source: 'test',
};

describe('basemap tile maths', () => {
  it('gives Cesium geographic tile bounds (2 x 1 tiles of 180 degrees at level 0)', () => {
    expect(geographicTileBounds(0, 0, 0, 256)).toMatchObject({ west: -180, east: 0, north: 90, south: -90 });
    const t = geographicTileBounds(21, 6, 4, 256); // 11.25 degree tiles
    expect(t.west).toBeCloseTo(56.25);
    expect(t.north).toBeCloseTo(22.5);
    expect(t.pixelsPerDegree).toBeCloseTo(256 / 11.25);
  });

  it('projects lon/lat to tile pixels with y growing southwards', () => {
    const t = geographicTileBounds(2781, 867, 11, 256);
    const [x0, y0] = lonLatToTilePixel(t, t.west, t.north);
    const [x1, y1] = lonLatToTilePixel(t, t.east, t.south);
    expect([x0, y0]).toEqual([0, 0]);
    expect(x1).toBeCloseTo(256);
    expect(y1).toBeCloseTo(256);
  });

  it('culls by bounding box, with a margin for wide strokes', () => {
    const tile = { west: 45, south: 43, east: 46, north: 44 };
    expect(intersects(tile, { west: 46.001, south: 43, east: 47, north: 44 })).toBe(false);
    expect(intersects(expand(tile, 0.01), { west: 46.001, south: 43, east: 47, north: 44 })).toBe(true);
  });

  it('fades the map to nothing at the region frame', () => {
    const region = { west: 33, south: 35, east: 63, north: 51.5 };
    expect(frameFade(region, 33, 45, 1)).toBe(0);
    expect(frameFade(region, 33.5, 45, 1)).toBeCloseTo(0.5);
    expect(frameFade(region, 48, 43, 1)).toBe(1);
  });
});

describe('runway geometry', () => {
  it('recovers the published heading and length of Grozny 08/26 from its thresholds', () => {
    expect(runwayTrueHeading(GRV)).toBeCloseTo(86.6, 0); // OurAirports: 87 degrees true
    expect(runwayLengthMetres(GRV) / 0.3048).toBeCloseTo(8210, -2); // OurAirports: 8210 ft
  });

  it('draws a rectangle as wide as the runway', () => {
    const [a, , , d] = runwayCorners(GRV);
    const k = Math.cos((43.388 * Math.PI) / 180);
    const widthM = Math.hypot((a![0] - d![0]) * k, a![1] - d![1]) * 111_320;
    expect(widthM).toBeCloseTo(148 * 0.3048, 1);
  });
});

describe('basemap data', () => {
  it('decodes delta-encoded 1e-5 degree lines with their bounding box', () => {
    const line = decodeLine([4500000, 4300000, 100, -50, -200, 0]);
    expect(Array.from(line.coords)).toEqual([45, 43, 45.001, 42.9995, 44.999, 42.9995]);
    expect(line).toMatchObject({ west: 44.999, east: 45.001, south: 42.9995, north: 43 });
  });

  const geometry = JSON.parse(readFileSync('assets/basemap/geometry.json', 'utf8')) as EncodedGeometry;
  const places = JSON.parse(readFileSync('assets/basemap/places.json', 'utf8')) as Places;

  it('ships the Caspian as a lake around Baku, Makhachkala and Aktau, within the size budget', () => {
    expect(readFileSync('assets/basemap/geometry.json').length).toBeLessThan(3_000_000);
    const g = decodeGeometry(geometry);
    const caspian = g.lake.reduce((a, b) => (a.coords.length > b.coords.length ? a : b));
    expect(caspian.west).toBeGreaterThan(46);
    expect(caspian.west).toBeLessThan(47.5);
    expect(caspian.east).toBeGreaterThan(54);
    expect(caspian.south).toBeLessThan(37.5);
  });

  it('names the cities of the story with GeoNames coordinates', () => {
    const byName = new Map(places.cities.map((c) => [c.en, c]));
    for (const name of ['Baku', 'Grozny', 'Makhachkala', 'Derbent', 'Mineralnye Vody', 'Astrakhan', 'Aktau']) expect(byName.has(name)).toBe(true);
    expect(byName.get('Grozny')).toMatchObject({ lat: 43.31195, lon: 45.68895, de: 'Grosny' });
    expect(byName.get('Aktau')!.lon).toBeCloseTo(51.17, 1);
  });

  it('has the three airports with runways and a source for each', () => {
    expect(places.airports.map((a) => a.iata)).toEqual(['GYD', 'GRV', 'SCO']);
    const idents = places.airports.flatMap((a) => a.runways.flatMap((r) => r.ends.map((e) => e[0])));
    expect(idents).toEqual(expect.arrayContaining(['08', '26', '11', '29', '16', '34']));
    for (const a of places.airports) for (const r of a.runways) expect(r.source).toMatch(/OurAirports/);
  });

  it('has admin-1 areas for Chechnya and Dagestan', () => {
    expect(places.admin1.map((a) => a.en)).toEqual(expect.arrayContaining(['Chechnya', 'Dagestan']));
  });
});
