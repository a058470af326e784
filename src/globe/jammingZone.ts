/** The GNSS interference zone(s) as a translucent circle with a label that says how little is known about it. */
import { Cartesian2, Cartesian3, Color, CustomDataSource, HorizontalOrigin, LabelStyle, VerticalOrigin, type Viewer } from 'cesium';
import type { Scenario } from '../scenario/model';
import { localize } from '../scenario/model';
import { formatUtcClock } from '../geo/time';
import { destination } from '../geo/greatCircle';
import { JAMMING_CSS } from '../theme/reconstruction';

const FONT = '600 13px "DejaVu Sans", "Segoe UI", Arial, sans-serif';

export class JammingZone {
  private readonly source = new CustomDataSource('jamming');

  constructor(viewer: Viewer) {
    void viewer.dataSources.add(this.source);
  }

  show(scenario: Scenario, lang: string): void {
    this.source.entities.removeAll();
    const color = Color.fromCssColorString(JAMMING_CSS);
    for (const z of scenario.zones) {
      const when = z.fromMs !== undefined && z.toMs !== undefined ? ` ${formatUtcClock(z.fromMs).slice(0, 5)}–${formatUtcClock(z.toMs).slice(0, 5)}` : '';
      const radius =
        lang === 'de'
          ? `Radius ${Math.round(z.radiusM / 1000)} km illustrativ, geringe Verlässlichkeit`
          : `radius ${Math.round(z.radiusM / 1000)} km illustrative, low confidence`;
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
      this.source.entities.add({
        position: Cartesian3.fromDegrees(edge.lon, edge.lat, 0),
        label: {
          text: `${localize(z.name, lang)}${when}\n${radius}`,
          font: FONT,
          fillColor: color,
          outlineColor: Color.BLACK,
          outlineWidth: 4,
          style: LabelStyle.FILL_AND_OUTLINE,
          horizontalOrigin: HorizontalOrigin.CENTER,
          verticalOrigin: VerticalOrigin.TOP,
          pixelOffset: new Cartesian2(0, 4),
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        },
      });
    }
  }

  setVisible(visible: boolean): void {
    this.source.show = visible;
  }
}
