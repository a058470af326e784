/** The GNSS interference zone(s) as a translucent circle with a label that says how little is known about it. */
import { Cartesian3, Color, CustomDataSource, type Viewer } from 'cesium';
import type { Scenario } from '../scenario/model';
import { localize } from '../scenario/model';
import { formatUtcClock } from '../geo/time';
import { destination } from '../geo/greatCircle';
import { ANCHOR_ORDERS } from '../compose/labels';
import { JAMMING_CSS } from '../theme/reconstruction';
import { MapLabel, firstClause, labelSources, shortened, type LabelSink } from './labels/mapLabel';
import { catalogue } from '../i18n/catalogue';
import { fill } from '../i18n/fill';

const GROUP = 'zones';

export class JammingZone {
  private readonly source = new CustomDataSource('jamming');

  constructor(
    viewer: Viewer,
    private readonly labels: LabelSink,
  ) {
    void viewer.dataSources.add(this.source);
  }

  show(scenario: Scenario, lang: string): void {
    this.source.entities.removeAll();
    const labels: MapLabel[] = [];
    const color = Color.fromCssColorString(JAMMING_CSS);
    for (const z of scenario.zones) {
      const when = z.fromMs !== undefined && z.toMs !== undefined ? ` ${formatUtcClock(z.fromMs).slice(0, 5)}–${formatUtcClock(z.toMs).slice(0, 5)}` : '';
      const radius = fill(catalogue(lang).jamming.radius, { km: Math.round(z.radiusM / 1000) });
      const edge = destination(z.lat, z.lon, 180, z.radiusM, { lat: 0, lon: 0 });
      this.source.entities.add({
        name: localize(z.name, 'en'),
        description: localize(z.note, lang),
        position: Cartesian3.fromDegrees(z.lon, z.lat, 0),
        ellipse: {
          semiMajorAxis: z.radiusM,
          semiMinorAxis: z.radiusM,
          height: 0,
          material: color.withAlpha(0.12),
          outline: true,
          outlineColor: color.withAlpha(0.7),
        },
      });
      // The note hangs below the circle's southern edge.
      const label = new MapLabel(`zone:${z.id}`, 'zone', {
        look: { weight: '600', sizePx: 13, color: JAMMING_CSS, halo: '#000000', haloPx: 4 },
        anchors: ANCHOR_ORDERS.below,
      });
      Cartesian3.fromDegrees(edge.lon, edge.lat, 0, undefined, label.position);
      const name = localize(z.name, lang);
      label.setText([`${name}${when}`, radius], shortened(firstClause(name)), {
        title: `${name}${when}`,
        body: `${localize(z.note, lang)}`,
        sources: labelSources(scenario, z.sources),
      });
      labels.push(label);
    }
    this.labels.setGroup(GROUP, labels);
  }

  setVisible(visible: boolean): void {
    this.source.show = visible;
    this.labels.setGroupVisible(GROUP, visible);
  }
}
