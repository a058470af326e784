/**
 * Where sources disagree about a place or an altitude, every version as a labelled marker side by side:
 * at the alternative's place (or its step's place), at the altitude it gives (with a drop line to the
 * ground), coloured by claim and marked with its confidence. Alternatives with neither are left to the caption.
 */
import { ArcType, Cartesian3, Color, CustomDataSource, type Viewer } from 'cesium';
import type { Claim, ClaimAlternative, Scenario } from '../scenario/model';
import { localize } from '../scenario/model';
import { ANCHOR_ORDERS } from '../compose/labels';
import { CLAIM_CSS } from '../theme/reconstruction';
import { MapLabel, labelSources, shortened, type LabelSink } from './labels/mapLabel';
import { catalogue } from '../i18n/catalogue';

const GROUP = 'claims';
/** The label's first clause ("About 2,400 m (leak: …)" → "About 2,400 m"): the marker says what; the caption says who. */
export function shortClaimLabel(text: string): string {
  const cut = text.search(/ \(|, /);
  return cut > 0 ? text.slice(0, cut) : text;
}

export class ClaimsLayer {
  private readonly source = new CustomDataSource('claims');

  constructor(
    viewer: Viewer,
    private readonly labels: LabelSink,
  ) {
    void viewer.dataSources.add(this.source);
  }

  show(scenario: Scenario, lang: string): void {
    this.source.entities.removeAll();
    const labels: MapLabel[] = [];
    for (const claim of scenario.claims) {
      claim.alternatives.forEach((alt, i) => {
        const place = placeOf(scenario, claim, alt);
        if (!place || (alt.place === undefined && alt.altitudeM === undefined)) return;
        labels.push(this.addMarker(scenario, place, alt, claim, lang, i));
      });
    }
    this.labels.setGroup(GROUP, labels);
  }

  setVisible(visible: boolean): void {
    this.source.show = visible;
    this.labels.setGroupVisible(GROUP, visible);
  }

  private addMarker(scenario: Scenario, place: { lat: number; lon: number }, alt: ClaimAlternative, claim: Claim, lang: string, index: number): MapLabel {
    const color = Color.fromCssColorString(CLAIM_CSS);
    const height = alt.altitudeM ?? 0;
    const position = Cartesian3.fromDegrees(place.lon, place.lat, height);
    const conf = catalogue(lang).claims[alt.confidence];
    this.source.entities.add({
      name: `claim ${claim.id}`,
      description: `${localize(claim.topic, lang)}: ${localize(alt.label, lang)}`,
      position,
      point: { pixelSize: 10, color: color.withAlpha(0.35), outlineColor: color, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
      polyline:
        height > 0
          ? { positions: [Cartesian3.fromDegrees(place.lon, place.lat, 0), position], width: 1.5, arcType: ArcType.NONE, material: color.withAlpha(0.8) }
          : undefined,
    });
    // Versions of one story sit a few kilometres apart: the label layer spreads their labels, short or with leader lines.
    const label = new MapLabel(`claim:${claim.id}:${index}`, 'claim', {
      look: { weight: '600', sizePx: 13, color: CLAIM_CSS, halo: '#000000', haloPx: 4 },
      marker: { radiusPx: 7, dot: null },
      anchors: ANCHOR_ORDERS.right,
      maxRing: 1,
    });
    label.stepId = claim.step ?? null;
    Cartesian3.clone(position, label.position);
    const text = localize(alt.label, lang);
    const first = shortClaimLabel(text);
    label.setText([`${first} · ${conf}`], shortened(first), {
      title: localize(claim.topic, lang),
      body: `${text} — ${conf}.`,
      sources: labelSources(scenario, alt.sources),
    });
    return label;
  }
}

function placeOf(scenario: Scenario, claim: Claim, alt: ClaimAlternative): { lat: number; lon: number } | undefined {
  const id = alt.place ?? (claim.step ? scenario.steps.find((s) => s.id === claim.step)?.place : undefined);
  return id ? scenario.places.get(id) : undefined;
}
