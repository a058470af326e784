/**
 * Place names, airport codes and runway numbers as Cesium labels. Each kind of label appears only
 * within a band of camera distances, so they do not pile up at the whole-region view and the close-up
 * views still name what is there.
 */
import {
  Cartesian2,
  Cartesian3,
  Color,
  DistanceDisplayCondition,
  HorizontalOrigin,
  LabelCollection,
  LabelStyle,
  NearFarScalar,
  PointPrimitiveCollection,
  VerticalOrigin,
  type Label,
  type Scene,
} from 'cesium';
import type { Named, Places } from './basemapData.ts';
import type { BasemapStyle } from './basemapStyle.ts';
import { runwayLengthMetres } from './tileMath.ts';

export type BasemapLanguage = 'en' | 'de';

const KM = 1000;
/** Labels closer than this to the camera are drawn over the globe even where the ellipsoid would hide them. */
const NO_DEPTH_TEST_WITHIN = 7000 * KM;
const FONT = "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Camera-distance bands (metres) per kind of label. */
export const LABEL_BANDS = {
  sea: [250 * KM, 12000 * KM],
  country: [350 * KM, 12000 * KM],
  admin1: { 2: [30 * KM, 1800 * KM], 3: [30 * KM, 700 * KM] },
  city: { 1: [0, 12000 * KM], 2: [0, 1600 * KM], 3: [0, 450 * KM] },
  // Close up only: further out the app's own scenario labels ("GRV · Grozny") name the airports.
  airport: [4 * KM, 150 * KM],
  runwayEnd: [0, 30 * KM],
} as const;

interface NamedLabel {
  readonly label: Label;
  readonly names: Named;
  readonly format: (name: string) => string;
}

export class BasemapLabels {
  private readonly labels: LabelCollection;
  private readonly points: PointPrimitiveCollection;
  private readonly named: NamedLabel[] = [];

  constructor(
    private readonly scene: Scene,
    places: Places,
    style: BasemapStyle,
    language: BasemapLanguage,
  ) {
    this.labels = scene.primitives.add(new LabelCollection({ scene })) as LabelCollection;
    this.points = scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
    const text = Color.fromCssColorString(style.labelText);
    const outline = Color.fromCssColorString(style.labelOutline);
    const band = ([near, far]: readonly [number, number]): DistanceDisplayCondition => new DistanceDisplayCondition(near, far);
    const add = (
      names: Named,
      lon: number,
      lat: number,
      o: { font: string; color?: Color; band: readonly [number, number]; offsetY?: number; vertical?: VerticalOrigin; format?: (s: string) => string },
    ): void => {
      const format = o.format ?? ((s: string): string => s);
      const label = this.labels.add({
        position: Cartesian3.fromDegrees(lon, lat, 0),
        text: format(names[language]),
        font: o.font,
        fillColor: o.color ?? text,
        outlineColor: outline,
        outlineWidth: 3,
        style: LabelStyle.FILL_AND_OUTLINE,
        horizontalOrigin: HorizontalOrigin.CENTER,
        verticalOrigin: o.vertical ?? VerticalOrigin.CENTER,
        pixelOffset: new Cartesian2(0, o.offsetY ?? 0),
        distanceDisplayCondition: band(o.band),
        disableDepthTestDistance: NO_DEPTH_TEST_WITHIN,
      });
      this.named.push({ label, names, format });
    };

    for (const s of places.seas) {
      add(s, s.lon, s.lat, { font: `italic 500 17px ${FONT}`, color: Color.fromCssColorString(style.seaLabelText), band: LABEL_BANDS.sea });
    }
    for (const c of places.countries) {
      add(c, c.lon, c.lat, { font: `600 15px ${FONT}`, band: LABEL_BANDS.country, format: (s) => s.toUpperCase() });
    }
    for (const a of places.admin1) {
      add(a, a.lon, a.lat, { font: `italic 13px ${FONT}`, color: Color.fromCssColorString(style.admin1), band: LABEL_BANDS.admin1[a.rank] });
    }
    const dot = Color.fromCssColorString(style.cityDot);
    for (const c of places.cities) {
      const cityBand = LABEL_BANDS.city[c.rank];
      this.points.add({
        position: Cartesian3.fromDegrees(c.lon, c.lat, 0),
        pixelSize: c.rank === 1 ? 7 : 5,
        color: dot,
        outlineColor: outline,
        outlineWidth: 1.5,
        distanceDisplayCondition: band(cityBand),
        disableDepthTestDistance: NO_DEPTH_TEST_WITHIN,
      });
      add(c, c.lon, c.lat, {
        font: `${c.rank === 1 ? '600 16px' : c.rank === 2 ? '500 14px' : '13px'} ${FONT}`,
        band: cityBand,
        offsetY: -7,
        vertical: VerticalOrigin.BOTTOM,
      });
    }
    const airportText = Color.fromCssColorString(style.airportLabelText);
    for (const ap of places.airports) {
      const ends = ap.runways.flatMap((r) => r.ends);
      const lon = ends.reduce((s, e) => s + e[2], 0) / ends.length;
      // 1.5 km south of the runways, so that close up the code sits beside them, not on them.
      const lat = ends.reduce((s, e) => s + e[1], 0) / ends.length - 1.5 / 111.2;
      add(ap, lon, lat, {
        font: `700 14px ${FONT}`,
        color: airportText,
        band: LABEL_BANDS.airport,
        offsetY: 4,
        vertical: VerticalOrigin.TOP,
        format: (name) => `✈ ${ap.iata} / ${ap.icao}  ${name}`,
      });
      for (const rw of ap.runways) {
        const [a, b] = rw.ends;
        // Put each runway number 250 m beyond its threshold, on the extended centre line.
        const f = 250 / runwayLengthMetres(rw);
        for (const [end, other] of [
          [a, b],
          [b, a],
        ] as const) {
          const lonN = end[2] + (end[2] - other[2]) * f;
          const latN = end[1] + (end[1] - other[1]) * f;
          const label = this.labels.add({
            position: Cartesian3.fromDegrees(lonN, latN, 0),
            text: end[0],
            font: `700 15px ${FONT}`,
            fillColor: airportText,
            outlineColor: outline,
            outlineWidth: 3,
            style: LabelStyle.FILL_AND_OUTLINE,
            horizontalOrigin: HorizontalOrigin.CENTER,
            verticalOrigin: VerticalOrigin.CENTER,
            distanceDisplayCondition: band(LABEL_BANDS.runwayEnd),
            scaleByDistance: new NearFarScalar(2 * KM, 1.3, 30 * KM, 0.9),
            disableDepthTestDistance: NO_DEPTH_TEST_WITHIN,
          });
          void label;
        }
      }
    }
  }

  setLanguage(language: BasemapLanguage): void {
    for (const n of this.named) n.label.text = n.format(n.names[language]);
    this.scene.requestRender();
  }

  /** Texts of the labels on screen whose distance band contains the camera's distance (tests). */
  shownTexts(camera: Cartesian3, onScreen: (position: Cartesian3) => boolean): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.labels.length; i++) {
      const label = this.labels.get(i);
      const band = label.distanceDisplayCondition;
      const d = Cartesian3.distance(camera, label.position);
      if (label.show && (!band || (d >= band.near && d <= band.far)) && onScreen(label.position)) out.push(label.text);
    }
    return out;
  }

  /** Texts of all labels (tests check that names are present). */
  texts(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.labels.length; i++) out.push(this.labels.get(i).text);
    return out;
  }

  destroy(): void {
    this.scene.primitives.remove(this.labels);
    this.scene.primitives.remove(this.points);
  }
}
