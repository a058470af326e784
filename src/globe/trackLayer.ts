/**
 * The scenario's track at true altitude (one polyline per provenance run), a faint curtain down to
 * the sea so height reads at a glance, and the labelled places. Built once per scenario.
 */
import {
  ArcType,
  Cartesian2,
  Cartesian3,
  Color,
  ColorMaterialProperty,
  ConstantProperty,
  CustomDataSource,
  HeightReference,
  HorizontalOrigin,
  LabelStyle,
  NearFarScalar,
  PolylineDashMaterialProperty,
  VerticalOrigin,
  type Viewer,
} from 'cesium';
import type { Place, Scenario } from '../scenario/model';
import { localize, placeLabel } from '../scenario/model';
import { trackRuns, type TrackVertex } from '../geo/trackPosition';
import { AIRPORT_CSS, DAMAGE_CSS, PROVENANCE_STYLES } from '../theme/styles';

const LABEL_FONT = '600 15px "DejaVu Sans", "Segoe UI", Arial, sans-serif';

function toCartesian(v: TrackVertex): Cartesian3 {
  return Cartesian3.fromDegrees(v.lon, v.lat, v.altitudeM);
}

function mapLabel(place: Place, lang: string): string {
  const name = placeLabel(place, lang);
  return place.kind === 'airport' && place.iata ? `${place.iata} · ${name}` : name;
}

/** Where a label sits relative to its point, by kind, so airport and damage labels near Grozny do not collide. */
function labelLayout(kind: Place['kind']): { h: HorizontalOrigin; v: VerticalOrigin; offset: Cartesian2 } {
  if (kind === 'damage-area') return { h: HorizontalOrigin.CENTER, v: VerticalOrigin.BOTTOM, offset: new Cartesian2(0, -12) };
  if (kind === 'crash-site') return { h: HorizontalOrigin.RIGHT, v: VerticalOrigin.TOP, offset: new Cartesian2(-10, 8) };
  return { h: HorizontalOrigin.LEFT, v: VerticalOrigin.CENTER, offset: new Cartesian2(12, 0) };
}

export class TrackLayer {
  readonly source = new CustomDataSource('track');
  /** Every track vertex (densified) as a Cartesian, in time order; shared with the trail. */
  readonly vertices: { timeMs: number; position: Cartesian3 }[] = [];
  private placeEntities: { place: Place; entity: ReturnType<CustomDataSource['entities']['add']> }[] = [];
  private curtains: ReturnType<CustomDataSource['entities']['add']>[] = [];
  private curtainVisible = true;

  constructor(private readonly viewer: Viewer) {
    void viewer.dataSources.add(this.source);
  }

  show(scenario: Scenario, lang: string): void {
    const entities = this.source.entities;
    entities.removeAll();
    this.vertices.length = 0;
    this.placeEntities = [];
    this.curtains = [];
    for (const run of trackRuns(scenario.track)) {
      const style = PROVENANCE_STYLES[run.provenance];
      const color = Color.fromCssColorString(style.css);
      const positions = run.vertices.map(toCartesian);
      entities.add({
        name: `track (${run.provenance})`,
        polyline: {
          positions,
          width: style.widthPx,
          arcType: ArcType.NONE,
          material: style.dash
            ? new PolylineDashMaterialProperty({ color, gapColor: Color.TRANSPARENT, dashLength: style.dash.lengthPx, dashPattern: style.dash.pattern })
            : new ColorMaterialProperty(color),
        },
      });
      const curtain = entities.add({
        name: `curtain (${run.provenance})`,
        show: this.curtainVisible,
        wall: {
          positions,
          material: new ColorMaterialProperty(color.withAlpha(0.1)),
          outline: false,
        },
      });
      this.curtains.push(curtain);
      for (let k = 0; k < run.vertices.length; k++) {
        if (k === 0 && this.vertices.length > 0) continue; // shared with the previous run's end
        this.vertices.push({ timeMs: run.vertices[k]!.timeMs, position: positions[k]! });
      }
    }
    for (const place of scenario.places.values()) this.addPlace(place, lang);
  }

  /** The curtain down to the sea: hidden in the cockpit, where the pilot would see it edge-on as a wall. */
  setCurtainVisible(visible: boolean): void {
    this.curtainVisible = visible;
    for (const c of this.curtains) c.show = visible;
  }

  /** Re-labels the places after a language change. */
  relabel(lang: string): void {
    for (const { place, entity } of this.placeEntities) {
      if (entity.label) entity.label.text = new ConstantProperty(mapLabel(place, lang));
    }
  }

  private addPlace(place: Place, lang: string): void {
    if (place.kind === 'waypoint' || place.kind === 'city') return; // waypoints belong to claims; cities to the basemap
    const position = Cartesian3.fromDegrees(place.lon, place.lat, 0);
    const isDamage = place.kind === 'damage-area';
    const isCrash = place.kind === 'crash-site';
    const layout = labelLayout(place.kind);
    const color = isDamage || isCrash ? Color.fromCssColorString(DAMAGE_CSS) : Color.fromCssColorString(AIRPORT_CSS);
    const entity = this.source.entities.add({
      name: localize(place.name, 'en'),
      position,
      point: {
        pixelSize: place.kind === 'airport' ? 9 : 11,
        color,
        outlineColor: Color.BLACK,
        outlineWidth: 2,
        heightReference: HeightReference.NONE,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
      label: {
        text: mapLabel(place, lang),
        font: LABEL_FONT,
        fillColor: color,
        outlineColor: Color.BLACK,
        outlineWidth: 4,
        style: LabelStyle.FILL_AND_OUTLINE,
        horizontalOrigin: layout.h,
        verticalOrigin: layout.v,
        pixelOffset: layout.offset,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        scaleByDistance: new NearFarScalar(2e5, 1.15, 4e6, 0.85),
      },
      ellipse:
        place.radiusM && (isDamage || isCrash)
          ? {
              semiMajorAxis: place.radiusM,
              semiMinorAxis: place.radiusM,
              material: color.withAlpha(0.18),
              outline: true,
              outlineColor: color,
              height: 0,
            }
          : undefined,
    });
    this.placeEntities.push({ place, entity });
  }
}
