/**
 * Scenario files with `anchors`: checks their references and turns anchors (plus any `track` samples,
 * taken as exact fixes) into the track the app draws, by running the path reconstruction
 * (src/reconstruct). Files with only `track` load exactly as before.
 */
import { reconstructPath, ReconstructionError, type Anchor } from '../reconstruct';
import type { ScenarioFileData } from './schema';
import type { AnchorFix, RejectedFix, TrackSample, Zone } from './model';
import type { ScenarioProblem } from './problem';

/** Output spacing of a reconstructed track: fine enough for the loop near Grozny, light enough for the chart. */
const STEP_S = 5;

/** Cross-checks of the optional reconstruction fields: sources exist, order, anchors need constraints. */
export function reconstructionProblems(d: ScenarioFileData, sourceIds: ReadonlySet<string>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const src = (ids: readonly string[], path: string) =>
    ids.forEach((id, i) => {
      if (!sourceIds.has(id)) problems.push({ path: `${path}.sources[${i}]`, message: `names source "${id}" that the file does not define` });
    });
  if (!d.track && !d.anchors) problems.push({ path: 'track', message: 'a scenario needs "track" samples or "anchors" to reconstruct the path from' });
  if (d.anchors && !d.constraints) problems.push({ path: 'constraints', message: 'anchors need "constraints" (speed range, turn and climb rates)' });
  d.anchors?.forEach((a, i) => {
    src(a.sources, `anchors[${i}]`);
    const prev = d.anchors![i - 1];
    if (prev && Date.parse(a.time) <= Date.parse(prev.time))
      problems.push({
        path: `anchors[${i}].time`,
        message: `must be later than the previous anchor (${prev.time}); anchors must be in time order without duplicates`,
      });
  });
  if (d.constraints?.sources) src(d.constraints.sources, 'constraints');
  const seen = new Set<string>();
  for (const [list, name] of [
    [d.rejected ?? [], 'rejected'],
    [d.zones ?? [], 'zones'],
  ] as const) {
    list.forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ path: `${name}[${i}].id`, message: `duplicate id "${item.id}"` });
      seen.add(item.id);
      src(item.sources, `${name}[${i}]`);
    });
  }
  d.zones?.forEach((z, i) => {
    if (z.from && z.to && Date.parse(z.to) <= Date.parse(z.from)) problems.push({ path: `zones[${i}].to`, message: 'must be later than "from"' });
  });
  return problems;
}

type TrackResult = { readonly ok: true; readonly track: TrackSample[] } | { readonly ok: false; readonly problems: ScenarioProblem[] };

/** The track to draw: the file's samples, or the reconstruction through anchors and samples. */
export function trackFromFile(d: ScenarioFileData): TrackResult {
  const samples = (d.track ?? []).map((s) => ({
    timeMs: Date.parse(s.time),
    lat: s.lat,
    lon: s.lon,
    altitudeM: s.altitudeM,
    provenance: s.provenance,
    altitudeProvenance: s.altitudeProvenance ?? s.provenance,
    sources: s.sources,
    note: s.note,
    halfWidthM: s.halfWidthM,
  }));
  if (!d.anchors || !d.constraints) return { ok: true, track: samples };
  const fixes: (Anchor & { note?: TrackSample['note'] })[] = [
    ...samples.map((s) => ({ ...s, radiusM: 0 })),
    ...d.anchors.map((a) => ({ ...a, timeMs: Date.parse(a.time) })),
  ].sort((a, b) => a.timeMs - b.timeMs);
  try {
    const path = reconstructPath(fixes, d.constraints, { stepS: STEP_S });
    return {
      ok: true,
      track: path.map((p) => ({
        timeMs: p.timeMs,
        lat: p.lat,
        lon: p.lon,
        altitudeM: p.altitudeM,
        provenance: p.provenance,
        altitudeProvenance: p.altitudeProvenance,
        sources: p.sources,
        note: p.anchor >= 0 ? fixes[p.anchor]!.note : undefined,
        halfWidthM: p.halfWidthM,
        altitudeUncertaintyM: p.altitudeUncertaintyM,
      })),
    };
  } catch (err) {
    if (!(err instanceof ReconstructionError)) throw err;
    const where = d.track ? 'anchors (with track)' : 'anchors';
    return { ok: false, problems: [{ path: where, message: `cannot reconstruct the path: ${err.message}` }] };
  }
}

export function anchorsFromFile(d: ScenarioFileData): AnchorFix[] | undefined {
  return d.anchors?.map((a) => ({
    timeMs: Date.parse(a.time),
    lat: a.lat,
    lon: a.lon,
    radiusM: a.radiusM,
    altitudeM: a.altitudeM,
    provenance: a.provenance,
    sources: a.sources,
    note: a.note,
  }));
}

export function rejectedFromFile(d: ScenarioFileData): RejectedFix[] {
  return (d.rejected ?? []).map(({ time, ...r }) => ({ ...r, timeMs: Date.parse(time) }));
}

export function zonesFromFile(d: ScenarioFileData): Zone[] {
  return (d.zones ?? []).map(({ from, to, ...z }) => ({
    ...z,
    fromMs: from ? Date.parse(from) : undefined,
    toMs: to ? Date.parse(to) : undefined,
  }));
}
