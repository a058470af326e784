/**
 * The uncertainty corridor as a translucent band at the track's altitude, with faint edges; the data
 * gaps as coloured stripes on the surface under the track; rejected fixes as magenta crosses.
 * Built once per scenario; one Primitive for the band (a triangle strip), entities for the rest.
 */
import {
  ArcType,
  BoundingSphere,
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  ComponentDatatype,
  CustomDataSource,
  Geometry,
  GeometryAttribute,
  GeometryAttributes,
  GeometryInstance,
  PerInstanceColorAppearance,
  Primitive,
  PrimitiveType,
  type Viewer,
} from 'cesium';
import type { Scenario } from '../scenario/model';
import { localize } from '../scenario/model';
import { corridorOutlines, type OutlineVertex } from '../reconstruct';
import { createAircraftPosition, positionAt } from '../geo/trackPosition';
import { formatUtcClock } from '../geo/time';
import { CORRIDOR_ALPHA, CORRIDOR_CSS, GAP_CSS, REJECTED_CSS } from '../theme/reconstruction';
import { eventStepIndexAt } from '../scenario/steps';
import { ANCHOR_ORDERS } from '../compose/labels';
import { MapLabel, labelSources, shortened, type LabelSink } from './labels/mapLabel';

/** The label layer's group for the rejected fixes' labels (shown with the corridor). */
const REJECTED_GROUP = 'rejected';
const toCartesian = (v: OutlineVertex) => Cartesian3.fromDegrees(v.lon, v.lat, v.altitudeM);

function bandGeometry(left: readonly Cartesian3[], right: readonly Cartesian3[]): Geometry {
  const n = left.length;
  const values = new Float64Array(n * 6);
  for (let i = 0; i < n; i++) {
    const l = left[i]!;
    const r = right[i]!;
    values.set([l.x, l.y, l.z, r.x, r.y, r.z], i * 6);
  }
  const indices = new Uint32Array((n - 1) * 6);
  for (let i = 0; i < n - 1; i++) {
    const l0 = 2 * i;
    indices.set([l0, l0 + 1, l0 + 2, l0 + 1, l0 + 3, l0 + 2], i * 6);
  }
  const attributes = new GeometryAttributes();
  attributes.position = new GeometryAttribute({ componentDatatype: ComponentDatatype.DOUBLE, componentsPerAttribute: 3, values });
  return new Geometry({ attributes, indices, primitiveType: PrimitiveType.TRIANGLES, boundingSphere: BoundingSphere.fromPoints([...left, ...right]) });
}

/** A magenta cross, drawn once into a canvas (no image request). */
function crossImage(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = 22;
  const g = c.getContext('2d')!;
  g.lineCap = 'round';
  for (const [w, css] of [
    [7, '#000'],
    [3.5, REJECTED_CSS],
  ] as const) {
    g.strokeStyle = css;
    g.lineWidth = w;
    g.beginPath();
    g.moveTo(5, 5);
    g.lineTo(17, 17);
    g.moveTo(17, 5);
    g.lineTo(5, 17);
    g.stroke();
  }
  return c;
}

export class CorridorLayer {
  private readonly source = new CustomDataSource('corridor');
  private band: Primitive | null = null;
  private visible = true;

  constructor(
    private readonly viewer: Viewer,
    private readonly labels: LabelSink,
  ) {
    void viewer.dataSources.add(this.source);
  }

  show(scenario: Scenario, lang: string): void {
    this.clear();
    const color = Color.fromCssColorString(CORRIDOR_CSS);
    const instances: GeometryInstance[] = [];
    for (const run of corridorOutlines(scenario.track)) {
      const left = run.left.map(toCartesian);
      const right = run.right.map(toCartesian);
      instances.push(
        new GeometryInstance({
          geometry: bandGeometry(left, right),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(color.withAlpha(CORRIDOR_ALPHA)) },
        }),
      );
      for (const edge of [left, right]) {
        this.source.entities.add({ polyline: { positions: edge, width: 1.5, arcType: ArcType.NONE, material: color.withAlpha(0.45) } });
      }
    }
    if (instances.length > 0) {
      this.band = this.viewer.scene.primitives.add(
        new Primitive({ geometryInstances: instances, appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }), asynchronous: false }),
      ) as Primitive;
      this.band.show = this.visible;
    }
    this.addGaps(scenario, lang);
    this.addRejected(scenario, lang);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.source.show = visible;
    if (this.band) this.band.show = visible;
    this.labels.setGroupVisible(REJECTED_GROUP, visible);
  }

  private clear(): void {
    this.source.entities.removeAll();
    if (this.band) this.viewer.scene.primitives.remove(this.band);
    this.band = null;
  }

  /** Each gap as a stripe on the surface under the part of the track it covers. */
  private addGaps(scenario: Scenario, lang: string): void {
    for (const gap of scenario.gaps) {
      const positions: Cartesian3[] = [];
      for (const s of scenario.track) if (s.timeMs >= gap.fromMs && s.timeMs <= gap.toMs) positions.push(Cartesian3.fromDegrees(s.lon, s.lat, 0));
      if (positions.length < 2) continue;
      const color = Color.fromCssColorString(GAP_CSS[gap.kind]);
      this.source.entities.add({
        name: `gap ${gap.id}`,
        description: localize(gap.description, lang),
        polyline: { positions, width: 5, arcType: ArcType.NONE, material: color.withAlpha(0.75) },
      });
    }
  }

  private addRejected(scenario: Scenario, lang: string): void {
    const image = crossImage();
    const p = createAircraftPosition();
    const labels: MapLabel[] = [];
    for (const r of scenario.rejected) {
      const lat = r.lat ?? positionAt(scenario.track, r.timeMs, p).lat;
      const lon = r.lon ?? positionAt(scenario.track, r.timeMs, p).lon;
      const rejectedWord = lang === 'de' ? 'verworfen' : 'rejected';
      const position = Cartesian3.fromDegrees(lon, lat, r.altitudeM ?? 0);
      this.source.entities.add({
        name: `rejected ${r.id}`,
        description: `${localize(r.label, lang)}. ${localize(r.reason, lang)}`,
        position,
        billboard: { image, disableDepthTestDistance: Number.POSITIVE_INFINITY },
      });
      // Short on the map (the area is crowded): the values and the reason are on hover/focus and in the chart.
      const label = new MapLabel(`rejected:${r.id}`, 'rejected', {
        look: { weight: '600', sizePx: 13, color: REJECTED_CSS, halo: '#000000', haloPx: 4 },
        marker: { radiusPx: 8, dot: null },
        anchors: ANCHOR_ORDERS.left,
        maxRing: 1,
      });
      label.stepId = scenario.steps[eventStepIndexAt(scenario.steps, r.timeMs)]?.id ?? null;
      Cartesian3.clone(position, label.position);
      const clock = formatUtcClock(r.timeMs).slice(0, 5);
      label.setText([`${clock} ${rejectedWord}`], shortened(clock), {
        title: localize(r.label, lang),
        body: localize(r.reason, lang),
        sources: labelSources(scenario, r.sources),
      });
      labels.push(label);
    }
    this.labels.setGroup(REJECTED_GROUP, labels);
  }
}
