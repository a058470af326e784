/**
 * "How this reconstruction was made": the method page's words, put together from the scenario (its
 * anchors, limits, gaps, claims, zones, rejected data, the date its sources were checked) and the
 * `story` catalogue section, so that the page says what this file really holds. Pure: no DOM;
 * src/ui/story/methodPage.ts draws it (textContent only).
 */
import { formatLongDate, formatNumber } from '../i18n/formats';
import { localize, type ProvenanceKind, type Scenario } from '../scenario/model';
import { CLAIMED_DISTANCE_M, damageTimeline } from '../scenario/damageEvent';
import { words, type StoryKey } from './titleCardText';

/** A list item: its text, and under it, optionally, a sub-list (a claim's alternatives). */
export interface MethodItem {
  readonly text: string;
  /** A lead in bold before the text (a claim's topic). */
  readonly lead?: string;
  readonly items?: readonly string[];
}

export interface MethodBlock {
  /** A sub-heading inside a section (map data, software). */
  readonly heading?: string;
  readonly paragraphs: readonly string[];
  readonly items?: readonly MethodItem[];
}

export interface MethodSection {
  readonly id: 'recorded' | 'inferred' | 'damage' | 'disagree' | 'checked' | 'licences';
  readonly heading: string;
  readonly blocks: readonly MethodBlock[];
}

export interface MethodContent {
  readonly title: string;
  readonly intro: string;
  readonly close: string;
  readonly closeHint: string;
  readonly sections: readonly MethodSection[];
}

/** The map data under the offline globe (assets/basemap/SOURCES.md) and the imagery bundled with CesiumJS. */
const MAP_DATA: readonly { what: StoryKey; source: string; licence: string | 'public' }[] = [
  { what: 'mapShores', source: 'GSHHG, WDBII (Wessel & Smith)', licence: 'LGPL-3' },
  { what: 'mapRegions', source: 'DCW-GMT', licence: 'LGPL-3' },
  { what: 'mapTowns', source: 'GeoNames', licence: 'CC BY 4.0' },
  { what: 'mapCountries', source: 'Unicode CLDR (i18n-iso-countries)', licence: 'Unicode License, MIT' },
  { what: 'mapRunways', source: 'OurAirports', licence: 'public' },
  { what: 'mapRelief', source: 'ETOPO5 (NOAA NGDC)', licence: 'public' },
  { what: 'mapImagery', source: 'Natural Earth II (CesiumJS)', licence: 'public' },
  { what: 'mapOnline', source: '© OpenStreetMap contributors', licence: 'ODbL' },
];

/** The libraries the app ships (package.json dependencies; licences as in node_modules/<pkg>/package.json). */
export const LIBRARIES: readonly { name: string; licence: string }[] = [
  { name: 'CesiumJS', licence: 'Apache-2.0' },
  { name: 'three.js', licence: 'MIT' },
  { name: 'uPlot', licence: 'MIT' },
  { name: 'lil-gui', licence: 'MIT' },
  { name: 'valibot', licence: 'MIT' },
  { name: 'Clipper2 (clipper2-ts)', licence: 'BSL-1.0' },
  { name: 'Mediabunny', licence: 'MPL-2.0' },
  { name: 'Papa Parse', licence: 'MIT' },
  { name: '@xmldom/xmldom', licence: 'MIT' },
  { name: '@tmcw/togeojson', licence: 'BSD-2-Clause' },
  { name: 'igc-parser', licence: 'MIT' },
];

/** "04:25" (UTC). */
function hhmm(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

function counts(kinds: readonly ProvenanceKind[]): Record<ProvenanceKind, number> {
  const out: Record<ProvenanceKind, number> = { measured: 0, reported: 0, inferred: 0 };
  for (const k of kinds) out[k]++;
  return out;
}

function km(m: number, lang: string): string {
  return formatNumber(m / 1000, lang, m < 10_000 && m % 1000 !== 0 ? 1 : 0);
}

export function methodText(scenario: Scenario, lang: string): MethodContent {
  const w = words(lang);
  const n = (x: number) => formatNumber(x, lang);

  // What is recorded: the steps' times and sources, the path's points by provenance, the periods without positions.
  const recorded: MethodBlock[] = [{ paragraphs: [w('recordedTimes', { steps: n(scenario.steps.length), sources: n(scenario.sources.size) })] }];
  const anchors = scenario.anchors ?? [];
  if (anchors.length) {
    const c = counts(anchors.map((a) => a.provenance));
    recorded.push({ paragraphs: [w('fixCounts', { n: n(anchors.length), measured: n(c.measured), reported: n(c.reported), inferred: n(c.inferred) })] });
  } else {
    const c = counts(scenario.track.map((s) => s.provenance));
    recorded.push({
      paragraphs: [w('trackCounts', { n: n(scenario.track.length), measured: n(c.measured), reported: n(c.reported), inferred: n(c.inferred) })],
    });
  }
  if (scenario.gaps.length) {
    const from = Math.min(...scenario.gaps.map((g) => g.fromMs));
    const to = Math.max(...scenario.gaps.map((g) => g.toMs));
    recorded.push({
      paragraphs: [w('gapSpan', { from: hhmm(from), to: hhmm(to) })],
      items: scenario.gaps.map((g) => ({ text: w('gapItem', { from: hhmm(g.fromMs), to: hhmm(g.toMs), text: localize(g.description, lang) }) })),
    });
  }
  recorded.push({ paragraphs: [w('lineStyles')] });

  // What is inferred, and how: the anchors' radii, the limits, the corridor, jamming, rejected data.
  const inferred: string[] = [];
  const limits = scenario.constraints;
  if (anchors.length && limits) {
    const radii = anchors.map((a) => a.radiusM);
    inferred.push(
      w('pathMethod', {
        minR: km(Math.min(...radii), lang),
        maxR: km(Math.max(...radii), lang),
        speed: n(Math.round((limits.maxSpeedMps * 3.6) / 10) * 10),
        turn: n(limits.maxTurnRateDegPerS),
        climb: n(limits.maxClimbMps),
        descent: n(limits.maxDescentMps),
      }),
      w('limitsAssumed'),
    );
  }
  inferred.push(w('corridorMeaning'));
  if (scenario.zones.some((z) => z.kind === 'gnss-interference')) inferred.push(w('jamming'));
  if (scenario.rejected.length) inferred.push(w('rejected'));

  const sections: MethodSection[] = [
    { id: 'recorded', heading: w('recordedHeading'), blocks: recorded },
    { id: 'inferred', heading: w('inferredHeading'), blocks: [{ paragraphs: inferred }] },
  ];

  // The damage overlay: only when the scenario has the damage event it draws.
  if (damageTimeline(scenario)) {
    sections.push({
      id: 'damage',
      heading: w('damageHeading'),
      blocks: [{ paragraphs: [w('damageEstablished'), w('damageMarks'), w('damageBursts', { metres: n(CLAIMED_DISTANCE_M) }), w('damageModel')] }],
    });
  }

  sections.push({
    id: 'disagree',
    heading: w('disagreeHeading'),
    blocks: scenario.claims.length
      ? [
          {
            paragraphs: [w('disagreeIntro')],
            items: scenario.claims.map((c) => ({ lead: localize(c.topic, lang), text: '', items: c.alternatives.map((a) => localize(a.label, lang)) })),
          },
        ]
      : [{ paragraphs: [w('noClaims')] }],
  });

  const checked = scenario.checked ? Date.parse(`${scenario.checked}T12:00:00Z`) : Number.NaN;
  sections.push({
    id: 'checked',
    heading: w('checkedHeading'),
    blocks: [{ paragraphs: [Number.isFinite(checked) ? w('checkedOn', { date: formatLongDate(checked, lang) }) : w('notChecked'), w('sourcesWhere')] }],
  });

  sections.push({
    id: 'licences',
    heading: w('licencesHeading'),
    blocks: [
      {
        heading: w('mapData'),
        paragraphs: [],
        items: MAP_DATA.map((d) => ({
          text: w('licenceItem', { what: w(d.what), source: d.source, licence: d.licence === 'public' ? w('publicDomain') : d.licence }),
        })),
      },
      {
        heading: w('software'),
        paragraphs: [w('appLicence')],
        items: LIBRARIES.map((l) => ({ text: w('libraryItem', l) })),
      },
    ],
  });

  return { title: w('methodTitle'), intro: w('methodIntro'), close: w('close'), closeHint: w('closeHint'), sections };
}
