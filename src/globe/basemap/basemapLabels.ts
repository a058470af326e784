/**
 * Place names, airport codes and runway numbers of the offline map, as labels for the globe's
 * LabelLayer (which places them with everything else and draws them). Each kind shows only within
 * a band of camera distances, so the whole-region view is not crowded with towns and the close
 * views still name what is there; inside the band, collision decides (cities by rank).
 */
import { Cartesian3 } from 'cesium';
import { ANCHOR_ORDERS } from '../../compose/labels';
import type { Named, Places } from './basemapData.ts';
import type { BasemapStyle } from './basemapStyle.ts';
import { runwayLengthMetres } from './tileMath.ts';
import { MapLabel, type LabelKind, type LabelSink, type MarkerLook, type TextLook } from '../labels/mapLabel.ts';

export type BasemapLanguage = 'en' | 'de' | 'ru' | 'az';

const KM = 1000;
const GROUP = 'basemap';

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
  readonly label: MapLabel;
  readonly names: Named;
  readonly format: (name: string) => string;
  readonly short?: (name: string) => string;
}

export class BasemapLabels {
  private readonly named: NamedLabel[] = [];
  private readonly labels: MapLabel[] = [];

  constructor(
    private readonly sink: LabelSink,
    places: Places,
    style: BasemapStyle,
    language: BasemapLanguage,
  ) {
    const look = (weight: string, sizePx: number, color = style.labelText): TextLook => ({ weight, sizePx, color, halo: style.labelOutline, haloPx: 3 });
    const add = (
      id: string,
      kind: LabelKind,
      names: Named | null,
      lon: number,
      lat: number,
      o: {
        look: TextLook;
        band: readonly [number, number];
        anchors?: readonly number[];
        marker?: MarkerLook;
        rank?: number;
        format?: (s: string) => string;
        short?: (s: string) => string;
        text?: string;
      },
    ): void => {
      const label = new MapLabel(id, kind, { look: o.look, band: o.band, anchors: o.anchors ?? ANCHOR_ORDERS.area, marker: o.marker, rank: o.rank });
      Cartesian3.fromDegrees(lon, lat, 0, undefined, label.position);
      this.labels.push(label);
      if (names) {
        this.named.push({ label, names, format: o.format ?? ((s) => s), short: o.short });
      } else label.setText([o.text ?? '']);
    };

    for (const s of places.seas) add(`sea:${s.en}`, 'sea', s, s.lon, s.lat, { look: look('italic 500', 16, style.seaLabelText), band: LABEL_BANDS.sea });
    for (const c of places.countries) {
      add(`country:${c.iso}`, 'country', c, c.lon, c.lat, { look: look('600', 14), band: LABEL_BANDS.country, format: (s) => s.toUpperCase() });
    }
    for (const a of places.admin1) {
      add(`admin1:${a.code}`, 'admin1', a, a.lon, a.lat, { look: look('italic 400', 13, style.admin1), band: LABEL_BANDS.admin1[a.rank] });
    }
    for (const c of places.cities) {
      add(`city:${c.en}`, 'city', c, c.lon, c.lat, {
        look: look(c.rank === 1 ? '600' : c.rank === 2 ? '500' : '400', c.rank === 1 ? 15 : c.rank === 2 ? 13 : 12),
        band: LABEL_BANDS.city[c.rank],
        anchors: ANCHOR_ORDERS.above,
        marker: { radiusPx: c.rank === 1 ? 4.5 : 3.5, dot: { fill: style.cityDot, stroke: style.labelOutline } },
        rank: c.rank,
      });
    }
    const airportLook = look('700', 13, style.airportLabelText);
    for (const ap of places.airports) {
      const ends = ap.runways.flatMap((r) => r.ends);
      const lon = ends.reduce((s, e) => s + e[2], 0) / ends.length;
      // 1.5 km south of the runways, so that close up the code sits beside them, not on them.
      const lat = ends.reduce((s, e) => s + e[1], 0) / ends.length - 1.5 / 111.2;
      add(`map-airport:${ap.iata}`, 'map-airport', ap, lon, lat, {
        look: airportLook,
        band: LABEL_BANDS.airport,
        anchors: ANCHOR_ORDERS.below,
        format: (name) => `✈ ${ap.iata} / ${ap.icao}  ${name}`,
        short: () => `✈ ${ap.iata}`,
      });
      for (const rw of ap.runways) {
        const [a, b] = rw.ends;
        // Each runway number 250 m beyond its threshold, on the extended centre line.
        const f = 250 / runwayLengthMetres(rw);
        for (const [end, other] of [
          [a, b],
          [b, a],
        ] as const) {
          add(`runway:${ap.iata}:${end[0]}`, 'runway', null, end[2] + (end[2] - other[2]) * f, end[1] + (end[1] - other[1]) * f, {
            look: look('700', 14, style.airportLabelText),
            band: LABEL_BANDS.runwayEnd,
            text: end[0],
          });
        }
      }
    }
    this.setLanguage(language);
    sink.setGroup(GROUP, this.labels);
  }

  setLanguage(language: BasemapLanguage): void {
    for (const n of this.named) {
      const name = n.names[language];
      n.label.setText([n.format(name)], n.short ? n.short(name) : null);
    }
    this.sink.invalidate();
  }

  setVisible(visible: boolean): void {
    this.sink.setGroupVisible(GROUP, visible);
  }

  /** Texts of all labels (tests check that names are present). */
  texts(): string[] {
    return this.labels.map((l) => l.lines.join(' '));
  }

  /** Texts of the labels in view (in band, in front of the horizon, on the canvas), drawn or not (tests). */
  inViewTexts(): string[] {
    return this.labels.filter((l) => l.inView && l.visible).map((l) => l.lines.join(' '));
  }

  /** Texts of the labels shown now, as drawn (tests). */
  shownTexts(): string[] {
    return this.labels.filter((l) => l.candidate.shown && l.visible).map((l) => l.shownText());
  }

  destroy(): void {
    this.sink.setGroup(GROUP, []);
  }
}
