/**
 * The aircraft marker (a silhouette turned to the direction of travel), a drop line to the sea
 * surface, an altitude/provenance label and a short trail of the last minutes. Positions are written
 * into scratch objects when the clock changes; Cesium's callbacks only copy them (no per-frame allocation).
 */
import {
  ArcType,
  CallbackPositionProperty,
  CallbackProperty,
  Cartesian3,
  Color,
  CustomDataSource,
  Math as CesiumMath,
  PolylineGlowMaterialProperty,
  type JulianDate,
  type Viewer,
} from 'cesium';
import type { AircraftPosition } from '../geo/trackPosition';
import { ANCHOR_ORDERS } from '../compose/labels';
import { TRAIL_CSS } from '../theme/styles';
import { MapLabel, type LabelSink } from './labels/mapLabel';

const TRAIL_MS = 6 * 60 * 1000;

/** A top-view airliner silhouette pointing up (north), drawn for this project. */
const AIRCRAFT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
<path d="M32 3c2.2 0 3.4 2.4 3.4 6v14.5l22 12.5v5.5l-22-6.5v12.5l6.5 5v4.6L32 53.8l-9.9 3.3v-4.6l6.5-5V35l-22 6.5V36l22-12.5V9c0-3.6 1.2-6 3.4-6z"
 fill="#ffe14d" stroke="#111" stroke-width="2.2" stroke-linejoin="round"/></svg>`;
const AIRCRAFT_IMAGE = 'data:image/svg+xml;base64,' + btoa(AIRCRAFT_SVG);

export interface TrailVertex {
  readonly timeMs: number;
  readonly position: Cartesian3;
}

export class AircraftLayer {
  private readonly source = new CustomDataSource('aircraft');
  private readonly position = new Cartesian3();
  private readonly ground = new Cartesian3();
  private readonly dropLine: Cartesian3[] = [this.position, this.ground];
  private readonly trail: Cartesian3[] = [];
  private rotation = 0;
  /** Altitude and provenance beside the aircraft (the label layer keeps it off the aircraft; hidden in the cockpit). */
  private readonly label = new MapLabel('aircraft', 'aircraft', {
    look: { weight: '600', sizePx: 14, color: '#ffffff', halo: '#000000', haloPx: 4 },
    anchors: ANCHOR_ORDERS.upperRight,
    maxRing: 1,
  });
  private labelText = '';

  constructor(
    viewer: Viewer,
    private readonly vertices: readonly TrailVertex[],
    private readonly labels: LabelSink,
  ) {
    void viewer.dataSources.add(this.source);
    labels.setGroup('aircraft', [this.label]);
    const positionProperty = new CallbackPositionProperty((_t: JulianDate | undefined, result?: Cartesian3) => Cartesian3.clone(this.position, result), false);
    this.source.entities.add({
      name: 'aircraft',
      position: positionProperty,
      billboard: {
        image: AIRCRAFT_IMAGE,
        width: 40,
        height: 40,
        alignedAxis: Cartesian3.UNIT_Z,
        rotation: new CallbackProperty(() => this.rotation, false),
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
    });
    this.source.entities.add({
      name: 'drop line',
      polyline: {
        positions: new CallbackProperty(() => this.dropLine, false),
        width: 1.5,
        arcType: ArcType.NONE,
        material: Color.WHITE.withAlpha(0.55),
      },
    });
    this.source.entities.add({
      name: 'trail',
      polyline: {
        positions: new CallbackProperty(() => this.trail, false),
        width: 9,
        arcType: ArcType.NONE,
        material: new PolylineGlowMaterialProperty({ color: Color.fromCssColorString(TRAIL_CSS).withAlpha(0.9), glowPower: 0.25 }),
      },
    });
  }

  /** In the cockpit the marker, its drop line and the trail are what the pilot cannot see: hidden. */
  setFromOutside(visible: boolean): void {
    this.source.show = visible;
  }

  /** Called when the clock changes. */
  update(aircraft: Readonly<AircraftPosition>, timeMs: number, labelText: string): void {
    Cartesian3.fromDegrees(aircraft.lon, aircraft.lat, aircraft.altitudeM, undefined, this.position);
    Cartesian3.fromDegrees(aircraft.lon, aircraft.lat, 0, undefined, this.ground);
    this.rotation = -CesiumMath.toRadians(aircraft.headingDeg);
    Cartesian3.clone(this.position, this.label.position);
    if (labelText !== this.labelText) {
      this.labelText = labelText;
      this.label.setText([labelText]);
      this.labels.invalidate();
    }
    this.rebuildTrail(timeMs);
  }

  private rebuildTrail(timeMs: number): void {
    const trail = this.trail;
    trail.length = 0;
    const v = this.vertices;
    let i = lastIndexAtOrBefore(v, timeMs);
    const from = timeMs - TRAIL_MS;
    const start = i;
    while (i > 0 && v[i - 1]!.timeMs >= from) i--;
    for (let k = i; k <= start && k >= 0; k++) trail.push(v[k]!.position);
    trail.push(this.position);
    if (trail.length < 2) trail.push(this.position);
  }
}

function lastIndexAtOrBefore(v: readonly TrailVertex[], timeMs: number): number {
  let lo = 0;
  let hi = v.length - 1;
  if (v.length === 0 || timeMs < v[0]!.timeMs) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (v[mid]!.timeMs <= timeMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
