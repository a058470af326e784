/**
 * Hit marks on the parts the preliminary report names as holed. The report gives the areas, not
 * the positions of single holes, so the marks are scattered over those areas with a fixed seed:
 * illustrative, the same on every run and every frame.
 */
import { Color, InstancedMesh, Matrix4, MeshBasicMaterial, SphereGeometry, type Mesh } from 'three';
import { HIT_MARK_CSS } from '../theme/damage';
import * as E from './e190Shape';

type Point3 = [number, number, number];

/** A small deterministic random generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point inside a quadrilateral planform (root LE, tip LE, tip TE, root TE). */
function inQuad(q: readonly E.Xy[], u: number, v: number): E.Xy {
  const [a, b, c, d] = q as [E.Xy, E.Xy, E.Xy, E.Xy];
  const le: E.Xy = [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
  const te: E.Xy = [d[0] + (c[0] - d[0]) * u, d[1] + (c[1] - d[1]) * u];
  return [le[0] + (te[0] - le[0]) * v, le[1] + (te[1] - le[1]) * v];
}

function onPlate(q: readonly E.Xy[], thickness: number, plane: 'xy' | 'yz', rnd: () => number): Point3 {
  const [a, b] = inQuad(q, rnd(), rnd());
  const side = (rnd() < 0.5 ? -1 : 1) * (thickness / 2 + 0.02);
  return plane === 'xy' ? [a, b, side] : [side, a, b];
}

function fuselageRadiusAt(y: number): number {
  const p = E.FUSELAGE_PROFILE;
  for (let i = 0; i < p.length - 1; i++) {
    const [y0, r0] = p[i]!;
    const [y1, r1] = p[i + 1]!;
    if (y <= y0 && y >= y1) return r0 + ((r1 - r0) * (y - y0)) / (y1 - y0);
  }
  return 0;
}

/** Samplers in each part's own coordinates, and how many marks each gets. */
const SAMPLERS: Readonly<Record<string, { count: number; at: (rnd: () => number) => Point3 }>> = {
  'tail-fuselage': {
    count: 20,
    at: (rnd) => {
      const y = -8 - rnd() * 8.5;
      const r = fuselageRadiusAt(y) + 0.03;
      const angle = Math.PI * (0.35 + rnd() * 1.3); // mostly the left side and the top
      return [r * Math.cos(angle), y, r * Math.sin(angle)];
    },
  },
  fin: { count: 14, at: (rnd) => onPlate(E.FIN, E.FIN_THICKNESS, 'yz', rnd) },
  rudder: { count: 8, at: (rnd) => onPlate(E.RUDDER, E.FIN_THICKNESS, 'yz', rnd) },
  'left-horizontal-stabiliser': { count: 8, at: (rnd) => onPlate(E.LEFT_STABILISER, E.TAILPLANE_THICKNESS, 'xy', rnd) },
  'right-horizontal-stabiliser': {
    count: 6,
    at: (rnd) =>
      onPlate(
        E.LEFT_STABILISER.map(([x, y]) => [-x, y] as const),
        E.TAILPLANE_THICKNESS,
        'xy',
        rnd,
      ),
  },
  'left-elevator': { count: 5, at: (rnd) => onPlate(E.LEFT_ELEVATOR, E.TAILPLANE_THICKNESS, 'xy', rnd) },
  'right-elevator': {
    count: 4,
    at: (rnd) =>
      onPlate(
        E.LEFT_ELEVATOR.map(([x, y]) => [-x, y] as const),
        E.TAILPLANE_THICKNESS,
        'xy',
        rnd,
      ),
  },
  'left-wing': { count: 12, at: (rnd) => onPlate(E.LEFT_WING, E.WING_THICKNESS, 'xy', rnd) },
  'left-engine': {
    count: 9,
    at: (rnd) => {
      const y = (rnd() - 0.5) * E.ENGINE.length * 0.8;
      const angle = rnd() * Math.PI * 2;
      const r = E.ENGINE.radius * (0.91 + 0.18 * (y / E.ENGINE.length)) + 0.03;
      return [r * Math.cos(angle), y, r * Math.sin(angle)];
    },
  },
};

export class HitMarks {
  private readonly meshes: InstancedMesh[] = [];

  constructor(parts: ReadonlyMap<string, Mesh>) {
    const geometry = new SphereGeometry(0.2, 6, 4);
    const material = new MeshBasicMaterial({ color: new Color(HIT_MARK_CSS) });
    const rnd = seeded(20241225);
    const m = new Matrix4();
    for (const [name, sampler] of Object.entries(SAMPLERS)) {
      const part = parts.get(name);
      if (!part) continue;
      const marks = new InstancedMesh(geometry, material, sampler.count);
      marks.name = `${name}-hit-marks`;
      for (let i = 0; i < sampler.count; i++) {
        const [x, y, z] = sampler.at(rnd);
        const s = 0.6 + rnd() * 0.9;
        m.makeScale(s, s, s).setPosition(x, y, z);
        marks.setMatrixAt(i, m);
      }
      marks.visible = false;
      part.add(marks);
      this.meshes.push(marks);
    }
  }

  setVisible(on: boolean): void {
    for (let i = 0; i < this.meshes.length; i++) this.meshes[i]!.visible = on;
  }
}
