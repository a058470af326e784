/**
 * The scenario as GeoJSON (RFC 7946): the track as a LineString with per-coordinate times and
 * provenance, steps and places as Points. Custom data sits in the top-level `flightrecon` member and
 * the features' properties. Pure: builds a string.
 */
import { localize, placeLabel, type Scenario } from '../../scenario/model';
import { ALTITUDE_REFERENCE, aircraftAt, citationData, citations, eventSteps, flightIds, flightName, isoUtcFormatter, stepText, stepTimeText } from './shared';

export const GEOJSON_FORMAT = 'flightrecon-geojson';

type Position = [number, number, number] | [number, number];
interface Feature {
  type: 'Feature';
  id?: string;
  geometry: { type: 'Point'; coordinates: Position } | { type: 'LineString'; coordinates: Position[] } | null;
  properties: Record<string, unknown>;
}

export function scenarioToGeoJson(scenario: Scenario, lang: string): string {
  const { track } = scenario;
  const n = track.length;
  const coordinates = new Array<Position>(n);
  const times = new Array<string>(n);
  const provenance = new Array<string>(n);
  const altitudeProvenance = new Array<string>(n);
  const halfWidthM = new Array<number | null>(n);
  const iso = isoUtcFormatter();
  for (let i = 0; i < n; i++) {
    const s = track[i]!;
    coordinates[i] = [s.lon, s.lat, s.altitudeM];
    times[i] = iso(s.timeMs);
    provenance[i] = s.provenance;
    altitudeProvenance[i] = s.altitudeProvenance;
    halfWidthM[i] = s.halfWidthM ?? null;
  }

  const features: Feature[] = [
    {
      type: 'Feature',
      id: 'track',
      geometry: { type: 'LineString', coordinates },
      properties: {
        kind: 'track',
        name: flightName(scenario, lang),
        times,
        provenance,
        altitudeProvenance,
        halfWidthM,
        coordinateProperties: { times },
      },
    },
  ];

  const events = new Set(eventSteps(scenario));
  for (const step of scenario.steps) {
    const { title, caption } = stepText(step, lang);
    let geometry: Feature['geometry'] = null;
    if (events.has(step)) {
      const at = aircraftAt(scenario, step.timeMs);
      geometry = { type: 'Point', coordinates: [at.lon, at.lat, at.altitudeM] };
    }
    features.push({
      type: 'Feature',
      id: `step-${step.id}`,
      geometry,
      properties: {
        kind: 'step',
        id: step.id,
        stepKind: step.kind,
        title,
        time: stepTimeText(step),
        caption,
        ...(step.place ? { place: step.place } : {}),
        confidence: step.confidence,
        sources: citations(scenario, step.sources).map(citationData),
      },
    });
  }

  for (const place of scenario.places.values()) {
    features.push({
      type: 'Feature',
      id: `place-${place.id}`,
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: {
        kind: 'place',
        id: place.id,
        name: localize(place.name, lang),
        label: placeLabel(place, lang),
        placeKind: place.kind,
        ...(place.iata ? { iata: place.iata } : {}),
        ...(place.icao ? { icao: place.icao } : {}),
        ...(place.radiusM !== undefined ? { radiusM: place.radiusM } : {}),
        confidence: place.confidence,
      },
    });
  }

  return JSON.stringify({
    type: 'FeatureCollection',
    flightrecon: {
      format: GEOJSON_FORMAT,
      scenario: scenario.id,
      ...flightIds(scenario),
      title: localize(scenario.title, lang),
      altitudeReference: ALTITUDE_REFERENCE,
      lang,
    },
    features,
  });
}
