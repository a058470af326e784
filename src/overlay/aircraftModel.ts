/**
 * A procedural E190-like model with named parts (fuselage, tail-fuselage, wings, engines, fin,
 * rudder, horizontal stabilisers, elevators). The parts the preliminary report names as holed can
 * be switched to the "damaged" look: solid red with hit marks. Body axes: x right, y forward, z up.
 */
import {
  BufferGeometry,
  CylinderGeometry,
  ExtrudeGeometry,
  Group,
  LatheGeometry,
  Matrix4,
  Mesh,
  MeshLambertMaterial,
  Shape,
  Vector2,
  Vector3,
  type Material,
} from 'three';
import { DAMAGED_PARTS, type DamagedPart } from '../scenario/damageEvent';
import { AIRFRAME_CSS, ESTABLISHED_CSS, TAIL_CSS, WING_CSS } from '../theme/damage';
import * as E from './e190Shape';
import { HitMarks } from './hitMarks';

type Plane = 'xy' | 'yz';
const YZ_BASIS = new Matrix4().makeBasis(new Vector3(0, 1, 0), new Vector3(0, 0, 1), new Vector3(1, 0, 0));

function plate(outline: readonly E.Xy[], thickness: number, plane: Plane): BufferGeometry {
  const shape = new Shape(outline.map(([a, b]) => new Vector2(a, b)));
  const g = new ExtrudeGeometry(shape, { depth: thickness, bevelEnabled: false });
  g.translate(0, 0, -thickness / 2);
  if (plane === 'yz') g.applyMatrix4(YZ_BASIS);
  g.computeVertexNormals();
  return g;
}

function mirrorX(outline: readonly E.Xy[]): E.Xy[] {
  return outline.map(([x, y]) => [-x, y] as const);
}

function lathe(profile: readonly E.Xy[]): BufferGeometry {
  // LatheGeometry turns (radius, height) around its Y axis, which is our forward axis; ascending
  // height keeps the normals outward.
  const points = [...profile].sort((a, b) => a[0] - b[0]).map(([y, r]) => new Vector2(r, y));
  return new LatheGeometry(points, 28);
}

export class AircraftModel {
  readonly root = new Group();
  /** Every named part, by name. */
  readonly parts = new Map<string, Mesh>();
  private readonly normalMaterial = new Map<Mesh, Material>();
  private readonly damagedMeshes: Mesh[] = [];
  private readonly hitMarks: HitMarks;
  private readonly damaged = new MeshLambertMaterial({ color: ESTABLISHED_CSS, emissive: '#5a0c0c' });
  private damageShown = true;

  constructor() {
    this.root.name = 'E190';
    const airframe = new MeshLambertMaterial({ color: AIRFRAME_CSS, emissive: '#1d2630' });
    const wing = new MeshLambertMaterial({ color: WING_CSS, emissive: '#1a222b' });
    const tail = new MeshLambertMaterial({ color: TAIL_CSS, emissive: '#0c1c30' });
    const engine = new MeshLambertMaterial({ color: '#9aa6b2', emissive: '#141a20' });
    const split = E.FUSELAGE_PROFILE.findIndex(([y]) => y <= E.TAIL_FUSELAGE_FROM_Y);
    this.add('fuselage', lathe(E.FUSELAGE_PROFILE.slice(0, split + 1)), airframe);
    this.add('tail-fuselage', lathe(E.FUSELAGE_PROFILE.slice(split)), airframe);
    for (const side of ['left', 'right'] as const) {
      const sign = side === 'left' ? 1 : -1;
      const outline = side === 'left' ? E.LEFT_WING : mirrorX(E.LEFT_WING);
      const w = this.add(`${side}-wing`, plate(outline, E.WING_THICKNESS, 'xy'), wing);
      w.position.z = E.WING_Z;
      w.rotation.y = (sign * E.WING_DIHEDRAL_DEG * Math.PI) / 180;
      const nacelle = new CylinderGeometry(E.ENGINE.radius, E.ENGINE.radius * 0.82, E.ENGINE.length, 20, 1, false);
      const eng = this.add(`${side}-engine`, nacelle, engine);
      eng.position.set(-sign * E.ENGINE.x, E.ENGINE.y, E.ENGINE.z);
      const stab = this.add(
        `${side}-horizontal-stabiliser`,
        plate(side === 'left' ? E.LEFT_STABILISER : mirrorX(E.LEFT_STABILISER), E.TAILPLANE_THICKNESS, 'xy'),
        wing,
      );
      stab.position.z = E.TAILPLANE_Z;
      const elev = this.add(`${side}-elevator`, plate(side === 'left' ? E.LEFT_ELEVATOR : mirrorX(E.LEFT_ELEVATOR), E.TAILPLANE_THICKNESS, 'xy'), wing);
      elev.position.z = E.TAILPLANE_Z;
    }
    this.add('fin', plate(E.FIN, E.FIN_THICKNESS, 'yz'), tail);
    this.add('rudder', plate(E.RUDDER, E.FIN_THICKNESS, 'yz'), tail);
    this.hitMarks = new HitMarks(this.parts);
    for (const part of DAMAGED_PARTS) for (const mesh of this.meshesOf(part)) this.damagedMeshes.push(mesh);
    this.showDamage(false);
  }

  /** The meshes that make up a damaged area named by the report. */
  meshesOf(part: DamagedPart): Mesh[] {
    const names =
      part === 'horizontal-stabilisers'
        ? ['left-horizontal-stabiliser', 'right-horizontal-stabiliser']
        : part === 'elevators'
          ? ['left-elevator', 'right-elevator']
          : [part];
    return names.map((n) => this.parts.get(n)).filter((m): m is Mesh => m !== undefined);
  }

  /** Switches the reported areas to the damaged look (cheap when unchanged: called every frame). */
  showDamage(on: boolean): void {
    if (on === this.damageShown) return;
    this.damageShown = on;
    for (let i = 0; i < this.damagedMeshes.length; i++) {
      const m = this.damagedMeshes[i]!;
      m.material = on ? this.damaged : this.normalMaterial.get(m)!;
    }
    this.hitMarks.setVisible(on);
  }

  private add(name: string, geometry: BufferGeometry, material: Material): Mesh {
    const mesh = new Mesh(geometry, material);
    mesh.name = name;
    this.parts.set(name, mesh);
    this.normalMaterial.set(mesh, material);
    this.root.add(mesh);
    return mesh;
  }
}
