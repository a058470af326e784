/**
 * The scenario's track at true altitude (one polyline per provenance run), a faint curtain down to
 * the sea so height reads at a glance, and the labelled places. Built once per scenario.
 */
import { ArcType, Cartesian3, Color, ColorMaterialProperty, CustomDataSource, HeightReference, PolylineDashMaterialProperty, type Viewer } from 'cesium';
import type { Place, Scenario } from '../scenario/model';
import { localize, placeLabel } from '../scenario/model';
import { trackRuns, type TrackVertex } from '../geo/trackPosition';
import { thinSamples } from '../compose/compareSeries';

/** A long imported track is drawn from at most about this many samples (turns and provenance changes kept). */
const MAX_DRAWN_SAMPLES = 20_000;
import { ANCHOR_ORDERS } from '../compose/labels';
import { AIRPORT_CSS, DAMAGE_CSS, PROVENANCE_STYLES } from '../theme/styles';
import { MapLabel, firstClause, labelSources, shortened, type LabelSink } from './labels/mapLabel';

const GROUP = 'places';

function toCartesian(v: TrackVertex): Cartesian3 {
  return Cartesian3.fromDegrees(v.lon, v.lat, v.altitudeM);
}

function mapLabel(place: Place, lang: string): string {
  const name = placeLabel(place, lang);
  return place.kind === 'airport' && place.iata ? `${place.iata} · ${name}` : name;
}

/** The short form: an airport's code, else the name's first clause ("Damage area (leaks)" → "Damage area…"). */
function shortLabel(place: Place, lang: string): string {
  if (place.kind === 'airport' && place.iata) return place.iata;
  const name = placeLabel(place, lang);
  const first = firstClause(name);
  return first === name ? name : shortened(first);
}

const CONFIDENCE: Readonly<Record<string, string>> = { en: 'Confidence', de: 'Verlässlichkeit' };

export class TrackLayer {
  readonly source = new CustomDataSource('track');
  /** Every track vertex (densified) as a Cartesian, in time order; shared with the trail. */
  readonly vertices: { timeMs: number; position: Cartesian3 }[] = [];
  private placeLabels: { place: Place; label: MapLabel }[] = [];
  private scenario: Scenario | null = null;
  /** What only an observer outside the aircraft sees: the curtains, the uncertainty areas on the ground. */
  private outsideOnly: ReturnType<CustomDataSource['entities']['add']>[] = [];
  private outsideVisible = true;

  constructor(
    private readonly viewer: Viewer,
    private readonly labels: LabelSink,
  ) {
    void viewer.dataSources.add(this.source);
  }

  show(scenario: Scenario, lang: string): void {
    const entities = this.source.entities;
    entities.removeAll();
    this.vertices.length = 0;
    this.placeLabels = [];
    this.scenario = scenario;
    this.outsideOnly = [];
    for (const run of trackRuns(thinSamples(scenario.track, MAX_DRAWN_SAMPLES))) {
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
        show: this.outsideVisible,
        wall: {
          positions,
          material: new ColorMaterialProperty(color.withAlpha(0.1)),
          outline: false,
        },
      });
      this.outsideOnly.push(curtain);
      for (let k = 0; k < run.vertices.length; k++) {
        if (k === 0 && this.vertices.length > 0) continue; // shared with the previous run's end
        this.vertices.push({ timeMs: run.vertices[k]!.timeMs, position: positions[k]! });
      }
    }
    for (const place of scenario.places.values()) this.addPlace(place, lang);
    this.labels.setGroup(
      GROUP,
      this.placeLabels.map((p) => p.label),
    );
  }

  /**
   * Hidden in the cockpit: the curtain down to the sea (the pilot would see it edge-on as a wall) and
   * the uncertainty areas of the damage and the crash site (a map's notes, which from a few hundred
   * metres up fill the foreground as a coloured floor). Points and names stay.
   */
  setOutsideMarksVisible(visible: boolean): void {
    this.outsideVisible = visible;
    for (const c of this.outsideOnly) c.show = visible;
  }

  /** Re-labels the places after a language change. */
  relabel(lang: string): void {
    for (const { place, label } of this.placeLabels) this.setText(label, place, lang);
    this.labels.invalidate();
  }

  private setText(label: MapLabel, place: Place, lang: string): void {
    const name = localize(place.name, lang);
    const codes = place.iata ? ` (${place.iata}${place.icao ? ` / ${place.icao}` : ''})` : '';
    const note = place.note ? localize(place.note, lang) : '';
    const body = `${note}${note ? ' ' : ''}${CONFIDENCE[lang] ?? CONFIDENCE.en}: ${place.confidence}.`;
    const detail = this.scenario ? { title: `${name}${codes}`, body, sources: labelSources(this.scenario, place.sources) } : null;
    label.setText([mapLabel(place, lang)], shortLabel(place, lang), detail);
  }

  private addPlace(place: Place, lang: string): void {
    if (place.kind === 'waypoint' || place.kind === 'city') return; // waypoints belong to claims; cities to the basemap
    const position = Cartesian3.fromDegrees(place.lon, place.lat, 0);
    const isDamage = place.kind === 'damage-area';
    const isCrash = place.kind === 'crash-site';
    const color = isDamage || isCrash ? Color.fromCssColorString(DAMAGE_CSS) : Color.fromCssColorString(AIRPORT_CSS);
    this.source.entities.add({
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
    });
    if (place.radiusM && (isDamage || isCrash))
      this.outsideOnly.push(
        this.source.entities.add({
          name: `${localize(place.name, 'en')} (area)`,
          position,
          show: this.outsideVisible,
          ellipse: {
            semiMajorAxis: place.radiusM,
            semiMinorAxis: place.radiusM,
            material: color.withAlpha(0.18),
            outline: true,
            outlineColor: color,
            height: 0,
          },
        }),
      );
    // Airport labels above their point (off the runway through it, clear of the runway numbers at its ends);
    // the damage area's above it too, the crash site's to the left (so that near Grozny and Aktau they start apart).
    const label = new MapLabel(`place:${place.id}`, place.kind === 'airport' ? 'airport' : 'place', {
      look: { weight: '600', sizePx: 15, color: isDamage || isCrash ? DAMAGE_CSS : AIRPORT_CSS, halo: '#000000', haloPx: 4 },
      marker: { radiusPx: place.kind === 'airport' ? 6.5 : 7.5, dot: null },
      anchors: isCrash ? ANCHOR_ORDERS.left : ANCHOR_ORDERS.above,
      maxRing: 2,
    });
    label.placeId = place.id;
    Cartesian3.clone(position, label.position);
    this.setText(label, place, lang);
    this.placeLabels.push({ place, label });
  }
}
