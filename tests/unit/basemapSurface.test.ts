import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGeometry, type EncodedGeometry } from '../../src/globe/basemap/basemapData.ts';
import { DEFAULT_STYLE, RELIEF_LOOK, reliefStrength } from '../../src/globe/basemap/basemapStyle.ts';
import { CHUNK_POINTS, DASHED_CHUNK_POINTS } from '../../src/globe/basemap/lineLod.ts';
import { decodeRelief, prepareGrid, type HeightGrid } from '../../src/globe/basemap/reliefData.ts';
import { shadeFactor, shadeRelief, tintAt, type ReliefLook } from '../../src/globe/basemap/reliefShading.ts';
import { decodeSettlements, settlementRadiusMetres, settlementShown, type EncodedSettlements } from '../../src/globe/basemap/settlementAreas.ts';
import { TileRenderer } from '../../src/globe/basemap/tileRenderer.ts';

const geometry = decodeGeometry(JSON.parse(readFileSync('assets/basemap/geometry.json', 'utf8')) as EncodedGeometry);
const reliefFile = readFileSync('assets/basemap/relief.bin');
const relief = decodeRelief(reliefFile.buffer.slice(reliefFile.byteOffset, reliefFile.byteOffset + reliefFile.byteLength));
const settlements = decodeSettlements(JSON.parse(readFileSync('assets/basemap/settlements.json', 'utf8')) as EncodedSettlements);

/** A relief.bin in memory (layout: scripts/build-basemap-surface.mjs). */
function encodeRelief(west: number, north: number, step: number, width: number, heights: number[]): ArrayBuffer {
  const buffer = new ArrayBuffer(48 + 2 * heights.length);
  const view = new DataView(buffer);
  'FRRELIEF'.split('').forEach((c, i) => view.setUint8(i, c.charCodeAt(0)));
  view.setUint32(8, 1, true);
  view.setUint32(12, width, true);
  view.setUint32(16, heights.length / width, true);
  view.setFloat64(24, west, true);
  view.setFloat64(32, north, true);
  view.setFloat64(40, step, true);
  heights.forEach((h, i) => view.setInt16(48 + 2 * i, h, true));
  return buffer;
}

const grid = (width: number, height: number, f: (i: number, j: number) => number): HeightGrid => ({
  west: 0,
  north: 1,
  step: 0.1,
  width,
  height,
  heights: Array.from({ length: width * height }, (_, k) => f(k % width, Math.floor(k / width))),
});

const heightAt = (g: HeightGrid, lon: number, lat: number): number =>
  g.heights[Math.round((g.north - lat) / g.step) * g.width + Math.round((lon - g.west) / g.step)]!;

describe('relief data', () => {
  it('decodes the relief file: header, little-endian metres, rows from the north', () => {
    const g = decodeRelief(encodeRelief(33, 51.5, 1 / 12, 2, [10, -30, 4300, 0]));
    expect(g).toMatchObject({ west: 33, north: 51.5, step: 1 / 12, width: 2, height: 2 });
    expect(Array.from(g.heights)).toEqual([10, -30, 4300, 0]);
  });

  it('refuses files that are not relief files or are cut short', () => {
    expect(() => decodeRelief(new TextEncoder().encode('{"format":1}').buffer)).toThrow(/not a flightrecon relief/);
    expect(() => decodeRelief(encodeRelief(0, 0, 1, 2, [1, 2, 3, 4]).slice(0, 52))).toThrow(/bytes for 2 x 2/);
  });

  it('ships ETOPO5 for the map region: Chechen plain at Grozny, high Caucasus, flat Caspian surface, small', () => {
    expect(reliefFile.length).toBeLessThan(200_000);
    expect(relief).toMatchObject({ west: geometry.region.west, north: geometry.region.north, width: 361, height: 199 });
    expect(relief.west + (relief.width - 1) * relief.step).toBeCloseTo(geometry.region.east, 9);
    expect(relief.north - (relief.height - 1) * relief.step).toBeCloseTo(geometry.region.south, 9);
    expect(heightAt(relief, 45.75, 43.42)).toBeGreaterThan(50); // Grozny airport, 160 m
    expect(heightAt(relief, 45.75, 43.42)).toBeLessThan(300);
    expect(heightAt(relief, 44.5, 42.67)).toBeGreaterThan(2000); // Kazbek massif (5' cell means)
    expect(heightAt(relief, 50, 42.5)).toBe(-30); // ETOPO5 has no Caspian depths: the surface only
  });

  it('prepares the grid: floor, then Catmull–Rom densification through the samples, straight slopes kept', () => {
    const ramp = grid(4, 3, (i, j) => 100 * i - 40 * j);
    const fine = prepareGrid(ramp, { factor: 3, sigma: 0, floor: -1000 });
    expect(fine).toMatchObject({ width: 10, height: 7, step: 0.1 / 3, west: 0, north: 1 });
    for (let j = 0; j < fine.height; j++)
      for (let i = 0; i < fine.width; i++) expect(fine.heights[j * fine.width + i]).toBeCloseTo((100 * i) / 3 - (40 * j) / 3, 3);
    const floored = prepareGrid(
      grid(2, 2, (i) => (i === 0 ? -500 : 100)),
      { factor: 1, sigma: 0, floor: -30 },
    );
    expect(Array.from(floored.heights)).toEqual([-30, 100, -30, 100]);
  });

  it('smooths away one-sample bumps (ETOPO5 blockiness) but keeps a flat plain flat', () => {
    const bump = prepareGrid(
      grid(9, 9, (i, j) => (i === 4 && j === 4 ? 900 : 100)),
      { factor: 1, sigma: 1.6, floor: -30 },
    );
    expect(bump.heights[4 * 9 + 4]).toBeLessThan(200);
    const flat = prepareGrid(
      grid(5, 5, () => 160),
      { factor: 2, sigma: 1.6, floor: -30 },
    );
    for (const h of Array.from(flat.heights)) expect(h).toBeCloseTo(160, 3);
  });
});

describe('relief shading', () => {
  it('is neutral on flat ground, brighter facing the north-west light, darker facing away, within its range', () => {
    expect(shadeFactor(RELIEF_LOOK, 0, 0)).toBeCloseTo(1, 9);
    // Ground rising to the south-east faces north-west.
    expect(shadeFactor(RELIEF_LOOK, 0.02, -0.02)).toBeGreaterThan(1.05);
    expect(shadeFactor(RELIEF_LOOK, -0.02, 0.02)).toBeLessThan(0.95);
    expect(shadeFactor(RELIEF_LOOK, 0.1, -0.1)).toBe(RELIEF_LOOK.shadeRange[1]);
    expect(shadeFactor(RELIEF_LOOK, -0.1, 0.1)).toBe(RELIEF_LOOK.shadeRange[0]);
  });

  it('tints the plain in the flat land colour, lighter with height, never bluish (land must not read as water)', () => {
    const rgb: [number, number, number] = [0, 0, 0];
    const hex = (c: readonly number[]): string => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
    expect(hex(tintAt(RELIEF_LOOK, 100, rgb))).toBe(DEFAULT_STYLE.land);
    let last = -1;
    for (let h = -100; h <= 5000; h += 50) {
      const [r, g, b] = tintAt(RELIEF_LOOK, h, rgb);
      const lightness = r + g + b;
      expect(lightness).toBeGreaterThanOrEqual(last);
      expect(r - b, `${h} m`).toBeGreaterThan(3);
      last = lightness;
    }
    // Even the darkest shade keeps the plain above the map tests' land threshold (red > 60).
    expect(tintAt(RELIEF_LOOK, 0, rgb)[0] * RELIEF_LOOK.shadeRange[0]).toBeGreaterThan(60);
  });

  it('makes one opaque pixel per sample; a flat grid is one even tint', () => {
    const look: ReliefLook = { tint: [[0, 100, 90, 80]], exaggeration: 5, shadeGain: 1, shadeRange: [0.5, 1.5] };
    const rgba = shadeRelief(
      grid(3, 2, () => 120),
      look,
    );
    expect(Array.from(rgba)).toEqual(Array.from({ length: 6 }, () => [100, 90, 80, 255]).flat());
  });

  it('shows no relief at the whole-region levels, full relief from level 8', () => {
    expect([4, 5, 6].map(reliefStrength)).toEqual([0, 0, 0]);
    expect(reliefStrength(7)).toBeGreaterThan(0);
    expect([8, 12, 16].map(reliefStrength)).toEqual([1, 1, 1]);
  });
});

describe('settlement areas', () => {
  it('decodes GeoNames places, largest first, all inside the map region', () => {
    expect(settlements.length).toBeGreaterThan(2000);
    const r = geometry.region;
    for (const s of settlements) {
      expect(s.lon >= r.west && s.lon <= r.east && s.lat >= r.south && s.lat <= r.north).toBe(true);
      expect(s.population).toBeGreaterThan(0);
    }
    for (let i = 1; i < settlements.length; i++) expect(settlements[i]!.population).toBeLessThanOrEqual(settlements[i - 1]!.population);
    expect(() => decodeSettlements({ format: 'other', points: [] } as unknown as EncodedSettlements)).toThrow(/unknown format/);
    expect(() => decodeSettlements({ format: 'flightrecon-settlements/1', points: [1, 2] })).toThrow(/threes/);
  });

  it('has Grozny, Makhachkala and Aktau with their populations', () => {
    const near = (lon: number, lat: number) => settlements.find((s) => Math.abs(s.lon - lon) < 0.05 && Math.abs(s.lat - lat) < 0.05 && s.population > 100_000);
    expect(near(45.694, 43.312)?.population).toBeGreaterThan(200_000);
    expect(near(47.504, 42.977)?.population).toBeGreaterThan(400_000);
    expect(near(51.17, 43.65)?.population).toBeGreaterThan(100_000);
  });

  it('sizes a settlement from its population at the assumed density', () => {
    expect(settlementRadiusMetres(226_100) / 1000).toBeCloseTo(6.0, 1); // Grozny
    expect(settlementRadiusMetres(1_500)).toBeCloseTo(489, 0);
    // Area grows with population: 4x the people, 2x the radius.
    expect(settlementRadiusMetres(40_000) / settlementRadiusMetres(10_000)).toBeCloseTo(2, 9);
  });

  it('draws settlements only from level 8 and only when they are more than a speck', () => {
    expect(settlementShown(50, 7)).toBe(false);
    expect(settlementShown(3.5, 12)).toBe(false);
    expect(settlementShown(4, 8)).toBe(true);
  });
});

describe('tile geometry for the surface', () => {
  const renderer = new TileRenderer(geometry, [], DEFAULT_STYLE, 256);

  it('strokes the shore band along the same rings it fills', () => {
    for (const level of [6, 10, 13]) {
      const g = renderer.levelGeometry(level);
      expect(g.coast).toEqual([...g.seaShore, ...g.lakeShore, ...g.pondShore]);
      const points = (lines: readonly { coords: Float64Array }[]): number => lines.reduce((n, l) => n + l.coords.length / 2, 0);
      // Pieces share their end points: one extra point per extra piece.
      expect(points(g.lakeShore) - g.lakeShore.length).toBe(points([...g.lake, ...g.lakeIsland]) - [...g.lake, ...g.lakeIsland].length);
    }
  });

  it('cuts the dashed admin-1 outlines into short pieces at close range (dashing a 375 km piece took 40 ms a tile)', () => {
    expect(Math.max(...renderer.levelGeometry(13).admin1.map((l) => l.coords.length / 2))).toBeLessThanOrEqual(DASHED_CHUNK_POINTS);
    expect(Math.max(...renderer.levelGeometry(6).admin1.map((l) => l.coords.length / 2))).toBeLessThanOrEqual(CHUNK_POINTS);
    expect(Math.max(...renderer.levelGeometry(6).admin1.map((l) => l.coords.length / 2))).toBeGreaterThan(DASHED_CHUNK_POINTS);
  });
});
