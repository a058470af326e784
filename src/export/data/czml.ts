/**
 * The scenario as a CZML document (Cesium's time-dynamic JSON): the clock over the flight, the aircraft
 * with its path, one packet per step and per place. Custom data sits in `flightrecon` members, which
 * Cesium ignores and flightrecon's importer reads back. Pure: builds a string.
 */
import { localize, placeLabel, type Place, type ReportedEvent, type Scenario } from '../../scenario/model';
import {
  ALTITUDE_REFERENCE,
  aircraftAt,
  citationData,
  citations,
  describeHtml,
  escapeHtml,
  eventSteps,
  flightIds,
  flightName,
  isoUtc,
  stepEndMs,
  stepText,
  stepTimeText,
  words,
} from './shared';

export const CZML_FORMAT = 'flightrecon-czml';

type Rgba = { rgba: [number, number, number, number] };
const TRACK_COLOR: Rgba = { rgba: [255, 165, 0, 255] };
const STEP_COLOR: Rgba = { rgba: [255, 221, 0, 255] };
const PLACE_COLOR: Rgba = { rgba: [120, 200, 255, 255] };
const BLACK: Rgba = { rgba: [0, 0, 0, 255] };
const WHITE: Rgba = { rgba: [255, 255, 255, 255] };

function label(text: string, heightReference?: string): Record<string, unknown> {
  return {
    text,
    font: '13px sans-serif',
    style: 'FILL_AND_OUTLINE',
    fillColor: WHITE,
    outlineColor: BLACK,
    outlineWidth: 3,
    horizontalOrigin: 'LEFT',
    verticalOrigin: 'BOTTOM',
    pixelOffset: { cartesian2: [8, -8] },
    ...(heightReference ? { heightReference } : {}),
  };
}

function stepData(scenario: Scenario, step: ReportedEvent, lang: string): Record<string, unknown> {
  const { caption } = stepText(step, lang);
  return {
    kind: 'step',
    id: step.id,
    stepKind: step.kind,
    time: stepTimeText(step),
    caption,
    sources: citations(scenario, step.sources).map(citationData),
  };
}

function stepPacket(scenario: Scenario, step: ReportedEvent, lang: string, endMs: number | null): Record<string, unknown> {
  const { title, caption } = stepText(step, lang);
  const packet: Record<string, unknown> = {
    id: `step-${step.id}`,
    name: title,
    description: describeHtml(caption, citations(scenario, step.sources), lang),
  };
  if (endMs !== null) {
    const at = aircraftAt(scenario, step.timeMs);
    packet.availability = `${isoUtc(step.timeMs)}/${isoUtc(endMs)}`;
    packet.position = { cartographicDegrees: [at.lon, at.lat, at.altitudeM] };
    packet.point = { pixelSize: 10, color: STEP_COLOR, outlineColor: BLACK, outlineWidth: 1 };
    packet.label = label(title);
  }
  packet.flightrecon = stepData(scenario, step, lang);
  return packet;
}

function placePacket(scenario: Scenario, place: Place, lang: string): Record<string, unknown> {
  const name = localize(place.name, lang);
  return {
    id: `place-${place.id}`,
    name,
    description: `<h3>${escapeHtml(name)}</h3>` + describeHtml(place.note ? localize(place.note, lang) : '', citations(scenario, place.sources), lang),
    position: { cartographicDegrees: [place.lon, place.lat, 0] },
    point: { pixelSize: 7, color: PLACE_COLOR, outlineColor: BLACK, outlineWidth: 1, heightReference: 'CLAMP_TO_GROUND' },
    label: label(placeLabel(place, lang), 'CLAMP_TO_GROUND'),
    flightrecon: {
      kind: 'place',
      id: place.id,
      placeKind: place.kind,
      ...(place.iata ? { iata: place.iata } : {}),
      ...(place.icao ? { icao: place.icao } : {}),
      ...(place.radiusM !== undefined ? { radiusM: place.radiusM } : {}),
    },
  };
}

export function scenarioToCzml(scenario: Scenario, lang: string): string {
  const { track } = scenario;
  const start = isoUtc(scenario.startMs);
  const end = isoUtc(scenario.endMs);
  const span = `${start}/${end}`;
  const title = localize(scenario.title, lang);

  const n = track.length;
  const positions = new Array<number>(n * 4);
  const provenance = new Array<string>(n);
  const altitudeProvenance = new Array<string>(n);
  const halfWidthM = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const s = track[i]!;
    const k = i * 4;
    positions[k] = (s.timeMs - scenario.startMs) / 1000;
    positions[k + 1] = s.lon;
    positions[k + 2] = s.lat;
    positions[k + 3] = s.altitudeM;
    provenance[i] = s.provenance;
    altitudeProvenance[i] = s.altitudeProvenance;
    halfWidthM[i] = s.halfWidthM ?? null;
  }

  const packets: Record<string, unknown>[] = [
    {
      id: 'document',
      name: title,
      version: '1.0',
      clock: { interval: span, currentTime: start, multiplier: 10, range: 'CLAMPED', step: 'SYSTEM_CLOCK_MULTIPLIER' },
      flightrecon: {
        format: CZML_FORMAT,
        scenario: scenario.id,
        ...flightIds(scenario),
        altitudeReference: ALTITUDE_REFERENCE,
        lang,
      },
    },
    {
      id: 'track',
      name: flightName(scenario, lang),
      description: `<p>${escapeHtml(localize(scenario.summary, lang))}</p><p>${escapeHtml(words(lang).heights)}</p>`,
      availability: span,
      position: { epoch: start, cartographicDegrees: positions, interpolationAlgorithm: 'LAGRANGE', interpolationDegree: 1 },
      path: { material: { solidColor: { color: TRACK_COLOR } }, width: 3, leadTime: 0, trailTime: (scenario.endMs - scenario.startMs) / 1000, resolution: 10 },
      point: { pixelSize: 8, color: TRACK_COLOR, outlineColor: BLACK, outlineWidth: 1 },
      flightrecon: { provenance, altitudeProvenance, halfWidthM },
    },
  ];

  const events = eventSteps(scenario);
  events.forEach((step, i) => packets.push(stepPacket(scenario, step, lang, stepEndMs(scenario, events, i))));
  for (const step of scenario.steps) if (step.kind !== 'event') packets.push(stepPacket(scenario, step, lang, null));
  for (const place of scenario.places.values()) packets.push(placePacket(scenario, place, lang));

  return JSON.stringify(packets);
}
