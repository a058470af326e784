/**
 * The scenario as KML 2.2 for Google Earth: places, steps (with balloons), the track as a gx:Track with
 * per-sample provenance, and a gx:Tour that flies from step to step and opens each caption. Custom data
 * uses ExtendedData names starting with `flightrecon:` and the Schema `#flightrecon`. Pure: builds a
 * string with arrays and join, so 100,000 samples take milliseconds.
 */
import { localize, placeLabel, type Place, type ReportedEvent, type Scenario } from '../../scenario/model';
import {
  ALTITUDE_REFERENCE,
  aircraftAt,
  citationData,
  citations,
  describeHtml,
  escapeHtml,
  escapeXml,
  eventSteps,
  flightIds,
  flightName,
  isoUtc,
  isoUtcFormatter,
  readingSeconds,
  stepEndMs,
  stepRadiusM,
  stepText,
  stepTimeText,
  words,
} from './shared';
import { fill } from '../../i18n/fill';

export const KML_FORMAT = 'flightrecon-kml';

/** Camera tilt of the tour (degrees from straight down). */
const TOUR_TILT_DEG = 55;
/** How long the tour flies to each step (s). */
const FLY_SECONDS = 4;

function data(name: string, value: string): string {
  return `<Data name="${escapeXml(name)}"><value>${escapeXml(value)}</value></Data>`;
}

function num(x: number): string {
  return Number.isFinite(x) ? String(x) : '0';
}

function stepDescription(scenario: Scenario, step: ReportedEvent, lang: string): string {
  const { title, caption } = stepText(step, lang);
  return `<h3>${escapeHtml(title)}</h3>` + describeHtml(caption, citations(scenario, step.sources), lang);
}

const STYLES = [
  '<Style id="flightrecon-track"><IconStyle><scale>1.1</scale><Icon><href>https://maps.google.com/mapfiles/kml/shapes/airports.png</href></Icon></IconStyle>',
  '<LineStyle><color>ff00a5ff</color><width>3</width></LineStyle></Style>',
  '<Style id="flightrecon-step"><IconStyle><scale>0.9</scale><Icon><href>https://maps.google.com/mapfiles/kml/paddle/ylw-circle.png</href></Icon>',
  '<hotSpot x="0.5" y="0" xunits="fraction" yunits="fraction"/></IconStyle><LabelStyle><scale>0.9</scale></LabelStyle>',
  '<LineStyle><color>9900ddff</color><width>1</width></LineStyle><BalloonStyle><text>$[description]</text></BalloonStyle></Style>',
  '<Style id="flightrecon-place"><IconStyle><scale>0.9</scale><Icon><href>https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle>',
  '<LabelStyle><scale>0.9</scale></LabelStyle><BalloonStyle><text>$[description]</text></BalloonStyle></Style>',
].join('');

const SCHEMA = [
  '<Schema id="flightrecon" name="flightrecon">',
  '<gx:SimpleArrayField name="provenance" type="string"><displayName>Position provenance</displayName></gx:SimpleArrayField>',
  '<gx:SimpleArrayField name="altitudeProvenance" type="string"><displayName>Altitude provenance</displayName></gx:SimpleArrayField>',
  '<gx:SimpleArrayField name="halfWidthM" type="float"><displayName>Corridor half-width (m)</displayName></gx:SimpleArrayField>',
  '</Schema>',
].join('');

function placePlacemark(scenario: Scenario, place: Place, lang: string): string {
  const name = localize(place.name, lang);
  const description = describeHtml(place.note ? localize(place.note, lang) : '', citations(scenario, place.sources), lang);
  return [
    `<Placemark id="place-${escapeXml(place.id)}"><name>${escapeXml(placeLabel(place, lang))}</name>`,
    `<description>${escapeXml(`<h3>${escapeHtml(name)}</h3>${description}`)}</description><styleUrl>#flightrecon-place</styleUrl>`,
    `<ExtendedData>${data('flightrecon:place', place.id)}${data('flightrecon:placeKind', place.kind)}${data('flightrecon:name', name)}</ExtendedData>`,
    `<Point><coordinates>${num(place.lon)},${num(place.lat)},0</coordinates></Point></Placemark>`,
  ].join('');
}

function stepPlacemark(scenario: Scenario, step: ReportedEvent, lang: string): string {
  const { title, caption } = stepText(step, lang);
  const sources = citations(scenario, step.sources).map(citationData);
  const parts = [
    `<Placemark id="step-${escapeXml(step.id)}"><name>${escapeXml(title)}</name>`,
    `<description>${escapeXml(stepDescription(scenario, step, lang))}</description>`,
  ];
  if (step.kind === 'event') parts.push(`<TimeStamp><when>${isoUtc(step.timeMs)}</when></TimeStamp>`);
  parts.push(
    '<styleUrl>#flightrecon-step</styleUrl><ExtendedData>',
    data('flightrecon:step', step.id),
    data('flightrecon:stepKind', step.kind),
    data('flightrecon:time', stepTimeText(step)),
    data('flightrecon:caption', caption),
    data('flightrecon:sources', JSON.stringify(sources)),
    '</ExtendedData>',
  );
  if (step.kind === 'event') {
    const at = aircraftAt(scenario, step.timeMs);
    parts.push(
      `<Point><extrude>1</extrude><altitudeMode>absolute</altitudeMode><coordinates>${num(at.lon)},${num(at.lat)},${num(at.altitudeM)}</coordinates></Point>`,
    );
  }
  parts.push('</Placemark>');
  return parts.join('');
}

/** `<gx:value>…</gx:value>` for a provenance; the few kinds are escaped once, not per sample. */
const GX_VALUE = new Map<string, string>();
function gxValue(text: string): string {
  let v = GX_VALUE.get(text);
  if (v === undefined) {
    v = `<gx:value>${escapeXml(text)}</gx:value>`;
    if (GX_VALUE.size < 16) GX_VALUE.set(text, v);
  }
  return v;
}

function trackPlacemark(scenario: Scenario, lang: string): string {
  const track = scenario.track;
  const n = track.length;
  const whens = new Array<string>(n);
  const coords = new Array<string>(n);
  const prov = new Array<string>(n);
  const altProv = new Array<string>(n);
  const half = new Array<string>(n);
  let hasHalfWidth = false;
  const iso = isoUtcFormatter();
  for (let i = 0; i < n; i++) {
    const s = track[i]!;
    whens[i] = `<when>${iso(s.timeMs)}</when>`;
    coords[i] = `<gx:coord>${num(s.lon)} ${num(s.lat)} ${num(s.altitudeM)}</gx:coord>`;
    prov[i] = gxValue(s.provenance);
    altProv[i] = gxValue(s.altitudeProvenance);
    if (s.halfWidthM !== undefined) {
      hasHalfWidth = true;
      half[i] = `<gx:value>${num(s.halfWidthM)}</gx:value>`;
    } else half[i] = '<gx:value></gx:value>';
  }
  const aircraft = scenario.flight.aircraft;
  const description = `<p>${escapeHtml(flightName(scenario, lang) + (aircraft ? `, ${aircraft}` : ''))}</p><p>${escapeHtml(localize(scenario.summary, lang))}</p>`;
  return [
    `<Placemark id="track"><name>Track</name><description>${escapeXml(description)}</description><styleUrl>#flightrecon-track</styleUrl>`,
    '<gx:Track><altitudeMode>absolute</altitudeMode>\n',
    whens.join('\n'),
    '\n',
    coords.join('\n'),
    '\n',
    '<ExtendedData><SchemaData schemaUrl="#flightrecon">',
    '<gx:SimpleArrayData name="provenance">',
    prov.join(''),
    '</gx:SimpleArrayData><gx:SimpleArrayData name="altitudeProvenance">',
    altProv.join(''),
    '</gx:SimpleArrayData>',
    hasHalfWidth ? `<gx:SimpleArrayData name="halfWidthM">${half.join('')}</gx:SimpleArrayData>` : '',
    '</SchemaData></ExtendedData></gx:Track></Placemark>',
  ].join('');
}

function balloon(id: string, visible: 0 | 1): string {
  return (
    '<gx:AnimatedUpdate><gx:duration>0</gx:duration><Update><targetHref/><Change>' +
    `<Placemark targetId="step-${escapeXml(id)}"><gx:balloonVisibility>${visible}</gx:balloonVisibility></Placemark>` +
    '</Change></Update></gx:AnimatedUpdate>'
  );
}

function tour(scenario: Scenario, lang: string): string {
  const events = eventSteps(scenario);
  const start = isoUtc(scenario.startMs);
  const parts = [`<gx:Tour><name>${escapeXml(fill(words(lang).stepsOf, { title: localize(scenario.title, lang) }))}</name><gx:Playlist>`];
  events.forEach((step, i) => {
    const at = aircraftAt(scenario, step.timeMs);
    const view = step.view;
    let lon = at.lon;
    let lat = at.lat;
    let alt = at.altitudeM;
    let heading = 0;
    let tilt = TOUR_TILT_DEG;
    let range: number;
    if (view) {
      lon = view.lon;
      lat = view.lat;
      alt = 0;
      heading = view.headingDeg ?? 0;
      tilt = 90 + (view.pitchDeg ?? -55);
      range = view.rangeM;
    } else {
      // A camera with ~60° field of view shows a radius r from about 2.2 r away at this tilt.
      range = Math.min(5_000_000, Math.round(2.2 * stepRadiusM(scenario, step, stepEndMs(scenario, events, i), at)));
    }
    const time = isoUtc(step.timeMs);
    const { caption } = stepText(step, lang);
    parts.push(
      `<gx:FlyTo><gx:duration>${FLY_SECONDS}</gx:duration><gx:flyToMode>smooth</gx:flyToMode><LookAt>`,
      `<gx:TimeSpan><begin>${start}</begin><end>${time}</end></gx:TimeSpan>`,
      `<longitude>${num(lon)}</longitude><latitude>${num(lat)}</latitude><altitude>${num(alt)}</altitude>`,
      `<heading>${num(heading)}</heading><tilt>${num(tilt)}</tilt><range>${num(range)}</range><altitudeMode>absolute</altitudeMode>`,
      '</LookAt></gx:FlyTo>',
      balloon(step.id, 1),
      `<gx:Wait><gx:duration>${readingSeconds(caption)}</gx:duration></gx:Wait>`,
      balloon(step.id, 0),
    );
  });
  parts.push('</gx:Playlist></gx:Tour>');
  return parts.join('');
}

export function scenarioToKml(scenario: Scenario, lang: string): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>\n',
    `<name>${escapeXml(localize(scenario.title, lang))}</name><open>1</open>`,
    `<description>${escapeXml(`<p>${escapeHtml(localize(scenario.summary, lang))}</p>`)}</description>`,
    STYLES,
    '<ExtendedData>',
    data('flightrecon:format', KML_FORMAT),
    data('flightrecon:scenario', scenario.id),
    ...Object.entries(flightIds(scenario)).map(([k, v]) => data(`flightrecon:${k}`, v)),
    data('flightrecon:altitudeReference', ALTITUDE_REFERENCE),
    data('flightrecon:lang', lang),
    '</ExtendedData>',
    '\n',
    SCHEMA,
    '\n<Folder><name>Places</name>',
  ];
  for (const place of scenario.places.values()) parts.push(placePlacemark(scenario, place, lang));
  parts.push('</Folder>\n<Folder><name>Steps</name>');
  for (const step of scenario.steps) parts.push(stepPlacemark(scenario, step, lang));
  parts.push('</Folder>\n', trackPlacemark(scenario, lang), '\n', tour(scenario, lang), '\n</Document></kml>\n');
  return parts.join('');
}
