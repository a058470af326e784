/**
 * One claimed detonation drawn as a flash, a dashed shock shell, a fragment cloud and smoke. Every
 * part is a unit shape scaled and faded from a BurstState (a pure function of time), so the view
 * has no animation of its own and allocates nothing per frame. Dashed and violet: claimed.
 * With `prefers-reduced-motion` the bright flash (a sub-second white sphere that would blink while
 * playing) is not drawn; the shell, fragments and smoke, which only grow and fade, still show where
 * the detonation is claimed.
 */
import {
  AdditiveBlending,
  BufferAttribute,
  BufferGeometry,
  Group,
  LineDashedMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  Points,
  PointsMaterial,
  SphereGeometry,
} from 'three';
import type { BurstState } from '../scenario/damageEvent';
import { CLAIMED_CSS, FLASH_CSS, SMOKE_CSS } from '../theme/damage';
import { prefersReducedMotion } from '../app/motion';

const FRAGMENTS = 360;
const RING_SEGMENTS = 64;

/** Three great circles of a unit sphere as line segments (a wire shell that reads as a sphere from any side). */
function shellGeometry(): BufferGeometry {
  const pos = new Float32Array(3 * RING_SEGMENTS * 2 * 3);
  let k = 0;
  for (let ring = 0; ring < 3; ring++) {
    for (let i = 0; i < RING_SEGMENTS; i++) {
      for (const j of [i, i + 1]) {
        const a = (j / RING_SEGMENTS) * Math.PI * 2;
        const c = Math.cos(a);
        const s = Math.sin(a);
        const p = ring === 0 ? [c, s, 0] : ring === 1 ? [c, 0, s] : [0, c, s];
        pos[k++] = p[0]!;
        pos[k++] = p[1]!;
        pos[k++] = p[2]!;
      }
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  return g;
}

/** Fragments inside a unit ball, denser towards the rim (a spreading shell of debris); fixed seed. */
function fragmentGeometry(seed: number): BufferGeometry {
  const pos = new Float32Array(FRAGMENTS * 3);
  let a = seed;
  const rnd = () => ((a = (a * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < FRAGMENTS; i++) {
    const z = 2 * rnd() - 1;
    const phi = 2 * Math.PI * rnd();
    const r = Math.pow(rnd(), 0.35);
    const q = Math.sqrt(1 - z * z);
    pos[i * 3] = r * q * Math.cos(phi);
    pos[i * 3 + 1] = r * q * Math.sin(phi);
    pos[i * 3 + 2] = r * z;
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  return g;
}

export class BurstView {
  readonly root = new Group();
  private readonly flash: Mesh<SphereGeometry, MeshBasicMaterial>;
  private readonly shell: LineSegments<BufferGeometry, LineDashedMaterial>;
  private readonly fragments: Points<BufferGeometry, PointsMaterial>;
  private readonly smoke: Mesh<SphereGeometry, MeshBasicMaterial>;

  constructor(name: string, seed: number) {
    this.root.name = name;
    const sphere = new SphereGeometry(1, 20, 14);
    this.flash = new Mesh(sphere, new MeshBasicMaterial({ color: FLASH_CSS, transparent: true, blending: AdditiveBlending, depthWrite: false }));
    this.smoke = new Mesh(sphere, new MeshBasicMaterial({ color: SMOKE_CSS, transparent: true, depthWrite: false }));
    this.shell = new LineSegments(
      shellGeometry(),
      new LineDashedMaterial({ color: CLAIMED_CSS, dashSize: 0.09, gapSize: 0.06, transparent: true, depthWrite: false }),
    );
    this.shell.computeLineDistances();
    this.fragments = new Points(
      fragmentGeometry(seed),
      new PointsMaterial({ color: CLAIMED_CSS, size: 3, sizeAttenuation: false, transparent: true, depthWrite: false }),
    );
    this.flash.name = `${name}-flash`;
    this.smoke.name = `${name}-smoke`;
    this.shell.name = `${name}-shock-shell`;
    this.fragments.name = `${name}-fragments`;
    this.root.add(this.smoke, this.fragments, this.shell, this.flash);
    this.root.visible = false;
  }

  /** Applies a burst's state; `scale` enlarges it like the aircraft symbol when seen from far away. */
  update(b: Readonly<BurstState>, scale: number, pointPx: number): void {
    this.root.visible = b.visible;
    if (!b.visible) return;
    const flashR = (1.5 + 9 * b.flash) * scale;
    this.flash.scale.setScalar(flashR);
    this.flash.material.opacity = b.flash;
    this.flash.visible = b.flash > 0.01 && !prefersReducedMotion();
    this.shell.scale.setScalar(b.shellRadiusM * scale);
    this.shell.material.opacity = b.shellOpacity;
    this.shell.visible = b.shellOpacity > 0.01;
    this.fragments.scale.setScalar(b.fragmentRadiusM * scale);
    this.fragments.material.opacity = b.fragmentOpacity;
    this.fragments.material.size = pointPx;
    this.smoke.scale.setScalar(b.smokeRadiusM * scale);
    this.smoke.material.opacity = b.smokeOpacity;
  }
}
