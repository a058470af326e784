/**
 * The damage callouts as map labels: what is established (the holes the preliminary report lists,
 * pointing at the tail) and what is claimed (each burst, pointing at where it is drawn). Texts and
 * sources are built once per scenario and language; the anchors and the callouts' modes (box,
 * marker, hidden: src/compose/labels/calloutMode.ts) follow the clock and the camera every frame.
 */
import { Cartesian3, Matrix4, Transforms } from 'cesium';
import type { Scenario } from '../../scenario/model';
import { createDamageState, damageStateAt, damageTimeline, type DamageState, type DamageTimeline } from '../../scenario/damageEvent';
import { attitudeAt, createAttitude, type Attitude } from '../../geo/attitude';
import { bodyToEnu } from '../../geo/bodyFrame';
import { createAircraftPosition, positionAt } from '../../geo/trackPosition';
import { formatUtcClock } from '../../geo/time';
import { ANCHOR_ORDERS, burstCalloutMode, damageCalloutMode, type CalloutMode, type CalloutMoment } from '../../compose/labels';
import { MapLabel, type LabelSource } from './mapLabel';
import type { AircraftFootprint } from './aircraftFootprint';
import { catalogue } from '../../i18n/catalogue';

/** The point of the model the established callout points at: the tail, where the report puts the holes. */
const TAIL_POINT: readonly [number, number, number] = [0, -15, 8.5];
const LOOK = { weight: '700', sizePx: 11, color: '#ffffff', halo: '#000000', haloPx: 0 } as const;

export class DamageCallouts {
  readonly labels: MapLabel[] = [];
  private timeline: DamageTimeline | null = null;
  private damage: DamageState = createDamageState(null);
  private established: MapLabel | null = null;
  private bursts: MapLabel[] = [];
  private stepsEndMs = 0;
  private readonly moment: { -readonly [K in keyof CalloutMoment]: CalloutMoment[K] } = {
    timeMs: 0,
    epilogue: false,
    camera: 'overview',
    cameraDistanceM: 0,
    fromMs: 0,
    stepsEndMs: 0,
  };

  /** Builds the callouts for a scenario in a language. */
  setScenario(scenario: Scenario, lang: string): void {
    this.timeline = damageTimeline(scenario);
    this.damage = createDamageState(this.timeline);
    this.labels.length = 0;
    this.bursts = [];
    this.established = null;
    const tl = this.timeline;
    if (!tl) return;
    const last = tl.detonations[tl.detonations.length - 1]!;
    const after = scenario.steps.find((s) => s.kind === 'event' && s.timeMs > last.timeMs);
    this.stepsEndMs = after ? after.timeMs : last.timeMs + 60_000;
    const options = { look: LOOK, marker: { radiusPx: 3, dot: null }, anchors: ANCHOR_ORDERS.right, maxRing: 4 };
    this.established = new MapLabel('callout:damage', 'callout', { ...options, testId: 'damage-label' });
    this.labels.push(this.established);
    const p = createAircraftPosition();
    const att = createAttitude();
    const enu = { east: 0, north: 0, up: 0 };
    for (const d of tl.detonations) {
      const label = new MapLabel(`callout:burst-${d.stepId}`, 'callout', { ...options, anchors: ANCHOR_ORDERS.left, testId: `burst-label-${d.stepId}` });
      // Where the overlay draws the burst: the body offset at the detonation, turned by heading only.
      positionAt(scenario.track, d.timeMs, p);
      attitudeAt(scenario.track, d.timeMs, att);
      bodyToEnu({ headingDeg: att.headingDeg, pitchDeg: 0, bankDeg: 0 }, d.offsetBodyM[0], d.offsetBodyM[1], d.offsetBodyM[2], enu);
      const frame = Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(p.lon, p.lat, p.altitudeM));
      Matrix4.multiplyByPoint(frame, new Cartesian3(enu.east, enu.north, enu.up), label.position);
      this.bursts.push(label);
      this.labels.push(label);
    }
    this.relabel(scenario, lang);
  }

  relabel(scenario: Scenario, lang: string): void {
    const tl = this.timeline;
    if (!tl || !this.established) return;
    const t = catalogue(lang).damage;
    const sources = (ids: readonly string[]): LabelSource[] =>
      ids.flatMap((id) => {
        const c = scenario.sources.get(id);
        return c ? [{ title: `${c.publisher}: ${c.title}`, url: c.url ?? '' }] : [];
      });
    const short = (list: readonly LabelSource[]): string => (list[0] ? list[0].title.split(':')[0]! + (list.length > 1 ? ` +${list.length - 1}` : '') : '');
    const dmg = sources(tl.damageSources);
    this.established.setCallout(
      { basis: 'established', headline: t.established, body: t.damage, source: short(dmg), marker: t.damageMarker },
      { title: t.established, body: t.damage, sources: dmg },
    );
    tl.detonations.forEach((d, i) => {
      const list = sources([...(tl.claimSources.length > 0 ? tl.claimSources : d.sources), ...d.sources]);
      const headline = `${t.claimed} · ${t.impact} ${formatUtcClock(d.timeMs).slice(0, 8)}`;
      this.bursts[i]?.setCallout(
        { basis: 'claimed', headline, body: t.burst, source: short(list), marker: t.burstMarker },
        { title: `${headline} (${t.established.toLowerCase()})`, body: t.burst, sources: list },
      );
    });
  }

  /** On a clock change: which bursts are drawn. */
  setTime(timeMs: number): void {
    damageStateAt(this.timeline, timeMs, this.damage);
  }

  /**
   * Every frame: each callout's mode and anchor. `seen`: the aircraft is on screen (footprint computed).
   * Returns nothing; writes the labels (visible, forceShort, subject, position).
   */
  frame(timeMs: number, epilogue: boolean, camera: string, footprint: AircraftFootprint, attitude: Attitude, seen: boolean): void {
    const tl = this.timeline;
    if (!tl || !this.established) return;
    const m = this.moment;
    m.timeMs = timeMs;
    m.epilogue = epilogue;
    m.camera = camera;
    m.cameraDistanceM = footprint.distanceM;
    m.fromMs = tl.damageFromMs;
    m.stepsEndMs = this.stepsEndMs;
    const subject = timeMs >= tl.damageFromMs && (timeMs < this.stepsEndMs || camera === 'damage') && !epilogue;
    apply(this.established, seen ? damageCalloutMode(m) : 'hidden', subject);
    if (seen) footprint.modelPoint(attitude, TAIL_POINT[0], TAIL_POINT[1], TAIL_POINT[2], this.established.position);
    for (let i = 0; i < this.bursts.length; i++)
      apply(this.bursts[i]!, seen ? burstCalloutMode(m, this.damage.bursts[i]?.visible ?? false) : 'hidden', subject);
  }
}

/** A callout leads only as a box: shrunk to its marker it gives way to the step's claims and places. */
function apply(label: MapLabel, mode: CalloutMode, subject: boolean): void {
  label.visible = mode !== 'hidden';
  label.forceShort = mode === 'marker';
  label.subject = subject && mode === 'full';
}
