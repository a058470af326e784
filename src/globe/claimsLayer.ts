/**
 * Where sources disagree about a place or an altitude, every version as a labelled marker side by side:
 * at the alternative's place (or its step's place), at the altitude it gives (with a drop line to the
 * ground), coloured by claim and marked with its confidence. Alternatives with neither are left to the caption.
 */
import { ArcType, Cartesian2, Cartesian3, Color, CustomDataSource, HorizontalOrigin, LabelStyle, VerticalOrigin, type Viewer } from 'cesium';
import type { Claim, ClaimAlternative, Scenario } from '../scenario/model';
import { localize } from '../scenario/model';
import { CLAIM_CSS } from '../theme/reconstruction';

const FONT = '600 13px "DejaVu Sans", "Segoe UI", Arial, sans-serif';
const CONFIDENCE: Readonly<Record<string, Record<ClaimAlternative['confidence'], string>>> = {
  en: { high: 'high confidence', medium: 'medium confidence', low: 'low confidence' },
  de: { high: 'hohe Verlässlichkeit', medium: 'mittlere Verlässlichkeit', low: 'geringe Verlässlichkeit' },
};

/** The label's first clause ("About 2,400 m (leak: …)" → "About 2,400 m"): the marker says what; the caption says who. */
export function shortClaimLabel(text: string): string {
  const cut = text.search(/ \(|, /);
  return cut > 0 ? text.slice(0, cut) : text;
}

export class ClaimsLayer {
  private readonly source = new CustomDataSource('claims');

  constructor(viewer: Viewer) {
    void viewer.dataSources.add(this.source);
  }

  show(scenario: Scenario, lang: string): void {
    this.source.entities.removeAll();
    let row = 0;
    for (const claim of scenario.claims) {
      for (const alt of claim.alternatives) {
        const place = placeOf(scenario, claim, alt);
        if (!place || (alt.place === undefined && alt.altitudeM === undefined)) continue;
        this.addMarker(place, alt, claim, lang, row++);
      }
    }
  }

  setVisible(visible: boolean): void {
    this.source.show = visible;
  }

  private addMarker(place: { lat: number; lon: number }, alt: ClaimAlternative, claim: Claim, lang: string, row: number): void {
    const color = Color.fromCssColorString(CLAIM_CSS);
    const height = alt.altitudeM ?? 0;
    const position = Cartesian3.fromDegrees(place.lon, place.lat, height);
    const conf = (CONFIDENCE[lang] ?? CONFIDENCE.en!)[alt.confidence];
    this.source.entities.add({
      name: `claim ${claim.id}`,
      description: `${localize(claim.topic, lang)}: ${localize(alt.label, lang)}`,
      position,
      point: { pixelSize: 10, color: color.withAlpha(0.35), outlineColor: color, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
      label: {
        text: `${shortClaimLabel(localize(alt.label, lang))} · ${conf}`,
        font: FONT,
        fillColor: color,
        outlineColor: Color.BLACK,
        outlineWidth: 4,
        style: LabelStyle.FILL_AND_OUTLINE,
        horizontalOrigin: HorizontalOrigin.LEFT,
        verticalOrigin: VerticalOrigin.CENTER,
        // Versions of one story sit a few kilometres apart: stack their labels so all stay readable.
        pixelOffset: new Cartesian2(16, 26 + row * 18),
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
      polyline:
        height > 0
          ? { positions: [Cartesian3.fromDegrees(place.lon, place.lat, 0), position], width: 1.5, arcType: ArcType.NONE, material: color.withAlpha(0.8) }
          : undefined,
    });
  }
}

function placeOf(scenario: Scenario, claim: Claim, alt: ClaimAlternative): { lat: number; lon: number } | undefined {
  const id = alt.place ?? (claim.step ? scenario.steps.find((s) => s.id === claim.step)?.place : undefined);
  return id ? scenario.places.get(id) : undefined;
}
