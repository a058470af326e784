/** Data exports of a scenario (CZML, KML, GeoJSON, the scenario file itself): text, MIME type and file extension. Pure. */
import type { Scenario } from '../../scenario/model';
import { scenarioToCzml } from './czml';
import { scenarioToGeoJson } from './geojson';
import { scenarioToKml } from './kml';

export { scenarioToCzml, scenarioToGeoJson, scenarioToKml };

export type DataFormat = 'czml' | 'kml' | 'geojson' | 'scenario';

export interface DataExport {
  readonly text: string;
  readonly mimeType: string;
  /** Without the dot: "czml", "kml", "geojson", "json". */
  readonly extension: string;
}

export function exportScenarioData(scenario: Scenario, format: DataFormat, lang: string): DataExport {
  switch (format) {
    case 'czml':
      return { text: scenarioToCzml(scenario, lang), mimeType: 'application/json', extension: 'czml' };
    case 'kml':
      return { text: scenarioToKml(scenario, lang), mimeType: 'application/vnd.google-earth.kml+xml', extension: 'kml' };
    case 'geojson':
      return { text: scenarioToGeoJson(scenario, lang), mimeType: 'application/geo+json', extension: 'geojson' };
    case 'scenario': {
      // The validated file the scenario was built from; a Scenario put together in code may lack it.
      const file: unknown = scenario.file;
      if (file === undefined || file === null) throw new Error('This scenario was not loaded from a file, so there is no scenario file to export.');
      return { text: JSON.stringify(file, null, 2), mimeType: 'application/json', extension: 'json' };
    }
  }
}
