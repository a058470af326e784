/**
 * The uncertainty corridor as a light footprint on the sea surface with one thin edge around it; the
 * data gaps as coloured stripes on the surface under the track; rejected fixes as magenta crosses.
 * The footprint (src/reconstruct/corridorBuffer) is built once per scenario: two Primitives (fill,
 * edge); entities for the rest.
 *
 * Why on the surface and not at the track's altitude: the corridor is a horizontal uncertainty (the
 * altitude's is in the profile chart), and the track's curtain already drops each point to the sea,
 * so the footprint sits where the curtain meets the surface, like the gap stripes and the zones. A
 * sheet at the track's altitude cuts through the aircraft in the damage close-up (170 m) and the
 * cockpit view and is seen edge-on there, and where the loop near Grozny crosses itself at different
 * altitudes a per-vertex height (nearest sample) tilts the sheet into slopes that cross the track.
 * Flat on the surface it reads the same from the overview, follow, presenter, close-up and cockpit.
 */
import {
  ArcType,
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  CustomDataSource,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineColorAppearance,
  PolylineGeometry,
  Primitive,
  type Viewer,
} from 'cesium';
import type { Scenario } from '../scenario/model';
import { localize } from '../scenario/model';
import { corridorBuffer, type CorridorPolygon, type CorridorVertex } from '../reconstruct';
import { createAircraftPosition, positionAt } from '../geo/trackPosition';
import { formatUtcClock } from '../geo/time';
import { CORRIDOR_ALPHA, CORRIDOR_CSS, CORRIDOR_EDGE_ALPHA, CORRIDOR_EDGE_WIDTH_PX, GAP_CSS, REJECTED_CSS } from '../theme/reconstruction';
import { eventStepIndexAt } from '../scenario/steps';
import { ANCHOR_ORDERS } from '../compose/labels';
import { MapLabel, labelSources, shortened, type LabelSink } from './labels/mapLabel';
import { catalogue } from '../i18n/catalogue';

/** The label layer's group for the rejected fixes' labels (shown with the corridor). */
const REJECTED_GROUP = 'rejected';
const onSurface = (ring: readonly CorridorVertex[]) => ring.map((v) => Cartesian3.fromDegrees(v.lon, v.lat, 0));

function fillInstance(polygon: CorridorPolygon, color: Color): GeometryInstance {
  const hierarchy = new PolygonHierarchy(
    onSurface(polygon.outer),
    polygon.holes.map((h) => new PolygonHierarchy(onSurface(h))),
  );
  return new GeometryInstance({
    geometry: new PolygonGeometry({ polygonHierarchy: hierarchy, height: 0, vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT }),
    attributes: { color: ColorGeometryInstanceAttribute.fromColor(color) },
  });
}

function edgeInstance(ring: readonly CorridorVertex[], color: Color): GeometryInstance {
  const positions = onSurface(ring);
  positions.push(positions[0]!);
  return new GeometryInstance({
    geometry: new PolylineGeometry({
      positions,
      width: CORRIDOR_EDGE_WIDTH_PX,
      arcType: ArcType.GEODESIC,
      vertexFormat: PolylineColorAppearance.VERTEX_FORMAT,
    }),
    attributes: { color: ColorGeometryInstanceAttribute.fromColor(color) },
  });
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
  private footprint: Primitive[] = [];
  private footprintOf: Scenario | null = null;
  private visible = true;

  constructor(
    private readonly viewer: Viewer,
    private readonly labels: LabelSink,
  ) {
    void viewer.dataSources.add(this.source);
  }

  show(scenario: Scenario, lang: string): void {
    // The footprint depends on the track only: a language change relabels without rebuilding it.
    if (scenario !== this.footprintOf) this.buildFootprint(scenario);
    this.source.entities.removeAll();
    this.addGaps(scenario, lang);
    this.addRejected(scenario, lang);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.source.show = visible;
    for (const p of this.footprint) p.show = visible;
    this.labels.setGroupVisible(REJECTED_GROUP, visible);
  }

  private buildFootprint(scenario: Scenario): void {
    for (const p of this.footprint) this.viewer.scene.primitives.remove(p);
    this.footprint = [];
    this.footprintOf = scenario;
    const polygons = corridorBuffer(scenario.track);
    if (polygons.length === 0) return;
    const color = Color.fromCssColorString(CORRIDOR_CSS);
    const fill = new Primitive({
      geometryInstances: polygons.map((p) => fillInstance(p, color.withAlpha(CORRIDOR_ALPHA))),
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      asynchronous: false,
    });
    const edge = new Primitive({
      geometryInstances: polygons.flatMap((p) => [p.outer, ...p.holes]).map((ring) => edgeInstance(ring, color.withAlpha(CORRIDOR_EDGE_ALPHA))),
      appearance: new PolylineColorAppearance({ translucent: true }),
      asynchronous: false,
    });
    for (const p of [fill, edge]) {
      this.footprint.push(this.viewer.scene.primitives.add(p) as Primitive);
      p.show = this.visible;
    }
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
      const rejectedWord = catalogue(lang).corridor.rejected;
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
