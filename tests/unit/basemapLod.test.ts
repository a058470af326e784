import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGeometry, type EncodedGeometry } from '../../src/globe/basemap/basemapData.ts';
import { boundsOf, degreesPerPixel, simplifyAndChunk, simplifyCoords, simplifyPolygons } from '../../src/globe/basemap/lineLod.ts';
import { OFFLINE_IMAGERY, imageryTemplate, readImagery, OSM_TILES } from '../../src/app/imagery.ts';

const geometry = decodeGeometry(JSON.parse(readFileSync('assets/basemap/geometry.json', 'utf8')) as EncodedGeometry);
const caspian = geometry.lake.reduce((a, b) => (a.coords.length > b.coords.length ? a : b));

/** Largest distance (degrees, lon scaled by cos lat) from a point of `full` to the polyline `simple`. */
function maxDeviation(full: Float64Array, simple: Float64Array): number {
  const k = Math.cos((full[1]! * Math.PI) / 180);
  let worst = 0;
  for (let i = 0; i < full.length; i += 2) {
    let best = Infinity;
    for (let j = 2; j < simple.length; j += 2) {
      const ax = simple[j - 2]! * k;
      const ay = simple[j - 1]!;
      const dx = simple[j]! * k - ax;
      const dy = simple[j + 1]! - ay;
      const px = full[i]! * k - ax;
      const py = full[i + 1]! - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
      best = Math.min(best, Math.hypot(px - t * dx, py - t * dy));
    }
    worst = Math.max(worst, best);
  }
  return worst;
}

describe('basemap level of detail', () => {
  it('keeps a straight line to its end points and a corner', () => {
    expect(Array.from(simplifyCoords(new Float64Array([0, 0, 1, 0.00001, 2, 0]), 0.001))).toEqual([0, 0, 2, 0]);
    expect(Array.from(simplifyCoords(new Float64Array([0, 0, 1, 1, 2, 0]), 0.001))).toEqual([0, 0, 1, 1, 2, 0]);
  });

  it('simplifies the Caspian coast to a fraction of a pixel, with far fewer points at the region view', () => {
    const tol = 0.35 * degreesPerPixel(5, 256);
    const simple = simplifyCoords(caspian.coords, tol);
    expect(simple.length).toBeLessThan(caspian.coords.length / 10);
    expect(maxDeviation(caspian.coords.subarray(0, 4000), simple)).toBeLessThanOrEqual(tol * 1.0001);
  });

  it('cuts long lines into pieces that join end to end, each with its own bounding box', () => {
    const pieces = simplifyAndChunk([caspian], 0, 128);
    expect(pieces.length).toBeGreaterThan(caspian.coords.length / 2 / 128);
    for (let i = 1; i < pieces.length; i++) {
      const prev = pieces[i - 1]!.coords;
      expect([pieces[i]!.coords[0], pieces[i]!.coords[1]]).toEqual([prev[prev.length - 2], prev[prev.length - 1]]);
    }
    const whole = boundsOf(caspian.coords);
    expect(Math.min(...pieces.map((p) => p.west))).toBe(whole.west);
    expect(Math.max(...pieces.map((p) => p.north))).toBe(whole.north);
    // A piece is much smaller than the whole coast: a tile draws only what touches it.
    expect(pieces.filter((p) => p.east - p.west < (whole.east - whole.west) / 4).length).toBeGreaterThan(pieces.length * 0.8);
  });

  it('drops polygons smaller than a pixel at a level, keeps them closer in', () => {
    const small = geometry.lake.filter((l) => l.east - l.west < 0.02 && l.north - l.south < 0.02);
    expect(small.length).toBeGreaterThan(0);
    expect(simplifyPolygons(small, 0.35 * degreesPerPixel(4, 256))).toHaveLength(0);
    expect(simplifyPolygons(small, 0.35 * degreesPerPixel(12, 256)).length).toBe(small.length);
  });
});

describe('online imagery setting', () => {
  it('accepts offline, osm and http(s) XYZ templates only', () => {
    expect(readImagery('offline')).toEqual({ ok: true, setting: OFFLINE_IMAGERY });
    expect(readImagery('osm')).toEqual({ ok: true, setting: 'osm' });
    expect(readImagery('https://tiles.example.org/{z}/{x}/{y}.png')).toEqual({ ok: true, setting: 'https://tiles.example.org/{z}/{x}/{y}.png' });
    expect(readImagery('javascript:alert(1)//{z}{x}{y}').ok).toBe(false);
    expect(readImagery('ftp://tiles.example.org/{z}/{x}/{y}.png').ok).toBe(false);
    expect(readImagery('https://tiles.example.org/{z}/{x}.png').ok).toBe(false);
    expect(readImagery('https://user:pw@tiles.example.org/{z}/{x}/{y}.png').ok).toBe(false);
    expect(readImagery('tiles').ok).toBe(false);
  });

  it('gives no template for the offline map', () => {
    expect(imageryTemplate('offline')).toBeNull();
    expect(imageryTemplate('osm')).toBe(OSM_TILES);
  });
});
