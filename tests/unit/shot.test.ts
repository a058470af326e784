import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cartesian3, Cartographic } from 'cesium';
import { centreOnStage, createFrame, eyeShot, orbitShot, orient, project, regionShot, type Lens, type ScreenPoint } from '../../src/compose/shot';
import { ecefToGeodetic, enuAxes, geodeticToEcef, length, vec3, type XYZ } from '../../src/compose/vec3';
import { rect } from '../../src/compose/stage';
import { loadScenario } from '../../src/scenario/validate';
import { stepSubject, wholeFlight } from '../../src/compose/subject';
import azal from '../../data/azal-8243.json';

const LENS: Lens = { width: 1280, height: 720, fovy: (36 * Math.PI) / 180 };
const STAGE = rect(388, 60, 544, 380);
const screen = (): ScreenPoint => ({ x: 0, y: 0, depth: 0 });
const ecef = (lat: number, lon: number, h: number): XYZ => geodeticToEcef(lat, lon, h, vec3());

function scenario() {
  const loaded = loadScenario(azal);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return loaded.scenario;
}

describe('geodesy', () => {
  it('agrees with Cesium on WGS84 positions, both ways', () => {
    for (const [lat, lon, h] of [
      [43.39, 45.7, 3000],
      [-33.9, 151.2, 0],
      [89.9, 10, 100],
      [0, -179, 12000],
    ] as const) {
      const mine = ecef(lat, lon, h);
      const theirs = Cartesian3.fromDegrees(lon, lat, h);
      expect(Math.hypot(mine.x - theirs.x, mine.y - theirs.y, mine.z - theirs.z)).toBeLessThan(1e-6);
      const back = ecefToGeodetic(mine, { latDeg: 0, lonDeg: 0, heightM: 0 });
      const c = Cartographic.fromCartesian(theirs);
      expect(back.latDeg).toBeCloseTo((c.latitude * 180) / Math.PI, 9);
      expect(back.lonDeg).toBeCloseTo((c.longitude * 180) / Math.PI, 9);
      expect(back.heightM).toBeCloseTo(h, 4);
    }
  });
});

describe('orient and project', () => {
  it('looking straight down puts the point below at the canvas centre', () => {
    const frame = orient(43, 45, 0, -Math.PI / 2 + 1e-9, createFrame());
    const e = vec3();
    const n = vec3();
    const u = vec3();
    enuAxes(43, 45, e, n, u);
    const p = ecef(43, 45, 0);
    frame.position.x = p.x + u.x * 10000;
    frame.position.y = p.y + u.y * 10000;
    frame.position.z = p.z + u.z * 10000;
    const s = project(frame, LENS, p, screen());
    expect(s.x).toBeCloseTo(640, 4);
    expect(s.y).toBeCloseTo(360, 4);
    expect(s.depth).toBeCloseTo(10000, 3);
    // North is up on the screen, east to the right.
    expect(project(frame, LENS, ecef(43.01, 45, 0), screen()).y).toBeLessThan(360);
    expect(project(frame, LENS, ecef(43, 45.01, 0), screen()).x).toBeGreaterThan(640);
  });

  it('keeps the axes orthonormal and the horizon level', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 6.2, noNaN: true }),
        fc.double({ min: -1.5, max: 0.3, noNaN: true }),
        (lat, lon, h, p) => {
          const f = orient(lat, lon, h, p, createFrame());
          const { direction: d, up, right } = f;
          for (const v of [d, up, right]) expect(length(v)).toBeCloseTo(1, 9);
          expect(d.x * up.x + d.y * up.y + d.z * up.z).toBeCloseTo(0, 9);
          expect(d.x * right.x + d.y * right.y + d.z * right.z).toBeCloseTo(0, 9);
          const e = vec3();
          const n = vec3();
          const u = vec3();
          enuAxes(lat, lon, e, n, u);
          // Right has no vertical part: no roll.
          expect(right.x * u.x + right.y * u.y + right.z * u.z).toBeCloseTo(0, 9);
        },
      ),
    );
  });
});

describe('regionShot', () => {
  const s = scenario();
  it('fits the whole flight inside the stage, as large as fits, centred', () => {
    const points = wholeFlight(s).map((p) => ecef(p.lat, p.lon, p.altitudeM));
    const frame = createFrame();
    expect(regionShot(points, 0, (-60 * Math.PI) / 180, LENS, STAGE, frame)).toBe(true);
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const p of points) {
      const q = project(frame, LENS, p, screen());
      minX = Math.min(minX, q.x);
      maxX = Math.max(maxX, q.x);
      minY = Math.min(minY, q.y);
      maxY = Math.max(maxY, q.y);
    }
    expect(minX).toBeGreaterThanOrEqual(STAGE.x - 1);
    expect(maxX).toBeLessThanOrEqual(STAGE.x + STAGE.width + 1);
    expect(minY).toBeGreaterThanOrEqual(STAGE.y - 1);
    expect(maxY).toBeLessThanOrEqual(STAGE.y + STAGE.height + 1);
    // Tight on one side: the subject fills the stage in one dimension.
    expect(Math.max((maxX - minX) / STAGE.width, (maxY - minY) / STAGE.height)).toBeGreaterThan(0.99);
    expect((minX + maxX) / 2).toBeCloseTo(STAGE.x + STAGE.width / 2, 0);
    expect((minY + maxY) / 2).toBeCloseTo(STAGE.y + STAGE.height / 2, 0);
  });

  it('frames every event step of AZAL 8243 on stages of many shapes', () => {
    const stages = [STAGE, rect(0, 90, 1280, 420), rect(20, 110, 350, 360), rect(700, 0, 580, 700)];
    for (const step of s.steps) {
      const points = stepSubject(s, step).map((p) => ecef(p.lat, p.lon, p.altitudeM));
      for (const area of stages) {
        const frame = createFrame();
        regionShot(points, 0, (-55 * Math.PI) / 180, LENS, area, frame);
        for (const p of points) {
          const q = project(frame, LENS, p, screen());
          expect(q.depth).toBeGreaterThan(0);
          expect(q.x).toBeGreaterThanOrEqual(area.x - 1.5);
          expect(q.x).toBeLessThanOrEqual(area.x + area.width + 1.5);
          expect(q.y).toBeGreaterThanOrEqual(area.y - 1.5);
          expect(q.y).toBeLessThanOrEqual(area.y + area.height + 1.5);
        }
      }
    }
  });
});

describe('orbitShot and centreOnStage', () => {
  it('puts the target at the stage centre at the asked distance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 6.28, noNaN: true }),
        fc.double({ min: -1.4, max: -0.05, noNaN: true }),
        fc.double({ min: 50, max: 50000, noNaN: true }),
        fc.record({
          x: fc.integer({ min: 0, max: 900 }),
          y: fc.integer({ min: 0, max: 500 }),
          w: fc.integer({ min: 100, max: 380 }),
          h: fc.integer({ min: 100, max: 220 }),
        }),
        (heading, pitch, range, r) => {
          const stage = rect(r.x, r.y, r.w, r.h);
          const target = { lat: 43.5, lon: 45.6, altitudeM: 2400 };
          const frame = orbitShot(target, heading, pitch, range, LENS, stage, createFrame());
          const q = project(frame, LENS, ecef(target.lat, target.lon, target.altitudeM), screen());
          expect(q.x).toBeCloseTo(stage.x + stage.width / 2, 3);
          expect(q.y).toBeCloseTo(stage.y + stage.height / 2, 3);
          expect(q.depth).toBeCloseTo(range, 3);
        },
      ),
    );
  });

  it('moves sideways only: the direction stays', () => {
    const frame = orient(43, 45, 1, -0.5, createFrame());
    const d = { ...frame.direction };
    const t = ecef(43, 45, 0);
    frame.position.x = t.x - d.x * 5000;
    frame.position.y = t.y - d.y * 5000;
    frame.position.z = t.z - d.z * 5000;
    centreOnStage(frame, LENS, t, rect(0, 0, 400, 300));
    expect(frame.direction).toEqual(d);
    const q = project(frame, LENS, t, screen());
    expect(q.x).toBeCloseTo(200, 6);
    expect(q.y).toBeCloseTo(150, 6);
  });
});

describe('eyeShot', () => {
  it('shows the course ahead at the stage centre, with the horizon level when not banked', () => {
    const eye = ecef(43.5, 47, 3000);
    const e = vec3();
    const n = vec3();
    const u = vec3();
    enuAxes(43.5, 47, e, n, u);
    // Flying east, slightly down.
    const pitch = -0.05;
    const forward = {
      x: e.x * Math.cos(pitch) + u.x * Math.sin(pitch),
      y: e.y * Math.cos(pitch) + u.y * Math.sin(pitch),
      z: e.z * Math.cos(pitch) + u.z * Math.sin(pitch),
    };
    const stage = rect(300, 40, 600, 380);
    const frame = eyeShot(eye, forward, u, 0, LENS, stage, createFrame());
    const ahead = { x: eye.x + forward.x * 10000, y: eye.y + forward.y * 10000, z: eye.z + forward.z * 10000 };
    const q = project(frame, LENS, ahead, screen());
    expect(q.x).toBeCloseTo(600, 4);
    expect(q.y).toBeCloseTo(230, 4);
    // Level: two points on the same level line across the view show at the same height.
    const left = { x: ahead.x + n.x * 3000, y: ahead.y + n.y * 3000, z: ahead.z + n.z * 3000 };
    const right = { x: ahead.x - n.x * 3000, y: ahead.y - n.y * 3000, z: ahead.z - n.z * 3000 };
    expect(project(frame, LENS, left, screen()).y).toBeCloseTo(project(frame, LENS, right, screen()).y, 4);
  });

  it('rolls with the bank: a right bank tilts the level line', () => {
    const eye = ecef(43.5, 47, 3000);
    const e = vec3();
    const n = vec3();
    const u = vec3();
    enuAxes(43.5, 47, e, n, u);
    const frame = eyeShot(eye, e, u, 0.3, LENS, rect(0, 0, 1280, 720), createFrame());
    const ahead = { x: eye.x + e.x * 10000, y: eye.y + e.y * 10000, z: eye.z + e.z * 10000 };
    // Flying east, the left wing points north: after a right bank it rises, so north shows higher.
    const north = project(frame, LENS, { x: ahead.x + n.x * 3000, y: ahead.y + n.y * 3000, z: ahead.z + n.z * 3000 }, screen());
    const south = project(frame, LENS, { x: ahead.x - n.x * 3000, y: ahead.y - n.y * 3000, z: ahead.z - n.z * 3000 }, screen());
    expect(north.y).toBeGreaterThan(south.y);
  });
});
