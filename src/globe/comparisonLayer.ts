/**
 * Tracks opened "to compare" (state.comparisons, same UTC clock as the scenario): each one's path at
 * true altitude in its own colour, dash-dotted over a dark casing so it is never read as one of the
 * scenario's provenance styles (src/theme/styles.ts: solid, long dashes, even dashes; no casing), and
 * a point where it is at the clock's time, shown only while the clock is inside its span.
 *
 * Polylines are built when the list of compared tracks changes (at most COMPARISON_MAX_VERTICES
 * vertices each, src/compose/compareSeries.ts); the clock only moves the points, into reused objects.
 */
import {
  ArcType,
  CallbackPositionProperty,
  CallbackProperty,
  Cartesian3,
  Color,
  CustomDataSource,
  PolylineDashMaterialProperty,
  type JulianDate,
  type Viewer,
} from 'cesium';
import type { ComparisonTrack } from '../app/store';
import { createAircraftPosition, positionAt } from '../geo/trackPosition';
import { drawingVertices } from '../compose/compareSeries';

/**
 * The look of a compared track; the legend (src/ui/legend.ts) and the profile chart draw the same
 * dash-dot (keep them in step).
 */
export const COMPARISON_LINE = {
  widthPx: 2.5,
  alpha: 0.85,
  /** 16 px: a 7 px dash, a gap, a 3 px dot, a gap (Cesium PolylineDash, one bit per pixel). */
  dashLengthPx: 16,
  dashPattern: 0b1111111000111000,
  /** The gaps are a dark casing, not transparent: the line reads as one string of beads in its colour. */
  gapCss: 'rgba(0,0,0,0.45)',
} as const;
const MARKER_PX = 10;

interface Shown {
  readonly comparison: ComparisonTrack;
  /** Where the marker is now (written on clock changes, copied by Cesium's callback). */
  readonly position: Cartesian3;
  inSpan: boolean;
}

export class ComparisonLayer {
  private readonly source = new CustomDataSource('comparisons');
  private shown: Shown[] = [];
  private list: readonly ComparisonTrack[] = [];
  private readonly at = createAircraftPosition();
  private markersVisible = true;
  private lastTimeMs = Number.NaN;

  constructor(private readonly viewer: Viewer) {
    void viewer.dataSources.add(this.source);
  }

  /** Rebuilds the polylines and markers when the list of compared tracks changed (by identity), and places the markers. */
  show(comparisons: readonly ComparisonTrack[], timeMs: number): void {
    if (comparisons === this.list) {
      this.update(timeMs);
      return;
    }
    this.list = comparisons;
    const entities = this.source.entities;
    entities.suspendEvents();
    entities.removeAll();
    this.shown = [];
    for (const comparison of comparisons) {
      if (comparison.track.length === 0) continue;
      const color = Color.fromCssColorString(comparison.color);
      const positions = drawingVertices(comparison.track).map((v) => Cartesian3.fromDegrees(v.lon, v.lat, v.altitudeM));
      if (positions.length >= 2)
        entities.add({
          id: `${comparison.id}:path`,
          name: `compared track: ${comparison.label}`,
          polyline: {
            positions,
            width: COMPARISON_LINE.widthPx,
            arcType: ArcType.NONE,
            material: new PolylineDashMaterialProperty({
              color: color.withAlpha(COMPARISON_LINE.alpha),
              gapColor: Color.fromCssColorString(COMPARISON_LINE.gapCss),
              dashLength: COMPARISON_LINE.dashLengthPx,
              dashPattern: COMPARISON_LINE.dashPattern,
            }),
          },
        });
      const item: Shown = { comparison, position: new Cartesian3(), inSpan: false };
      this.shown.push(item);
      entities.add({
        id: `${comparison.id}:marker`,
        name: `compared position: ${comparison.label}`,
        position: new CallbackPositionProperty((_t: JulianDate | undefined, result?: Cartesian3) => Cartesian3.clone(item.position, result), false),
        point: {
          pixelSize: MARKER_PX,
          color,
          outlineColor: Color.WHITE,
          outlineWidth: 2,
          show: new CallbackProperty(() => item.inSpan && this.markersVisible, false),
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        },
      });
    }
    entities.resumeEvents();
    this.lastTimeMs = Number.NaN;
    this.update(timeMs);
    this.viewer.scene.requestRender();
  }

  /** Moves the markers to the clock's time (no allocation). Returns whether any compared track is shown. */
  update(timeMs: number): boolean {
    if (timeMs === this.lastTimeMs) return this.shown.length > 0;
    this.lastTimeMs = timeMs;
    for (const item of this.shown) {
      const { track, startMs, endMs } = item.comparison;
      item.inSpan = timeMs >= startMs && timeMs <= endMs;
      if (!item.inSpan) continue;
      const p = positionAt(track, timeMs, this.at);
      Cartesian3.fromDegrees(p.lon, p.lat, p.altitudeM, undefined, item.position);
    }
    return this.shown.length > 0;
  }

  /** In the cockpit the markers are hidden like the aircraft's own (the paths stay, as the scenario's track does). */
  setOutsideMarksVisible(visible: boolean): void {
    if (visible === this.markersVisible) return;
    this.markersVisible = visible;
    if (this.shown.length > 0) this.viewer.scene.requestRender();
  }
}
