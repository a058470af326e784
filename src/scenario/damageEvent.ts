/**
 * The damage event over Grozny as a pure function of time: the two detonations and their bursts,
 * the damaged parts, and the state of the aircraft's systems at the recorded seconds. Built once
 * from the scenario (times and sources come from its steps, found by id); drawn by the overlay and
 * the systems panel, read by the scripting API. No DOM, no three, no Cesium.
 *
 * What is established and what is claimed is kept apart:
 * - established (preliminary report, 4 Feb 2025): two impact sounds on the voice recorder, the
 *   damaged areas, the system failures and their seconds;
 * - claimed (Putin, 9 Oct 2025): two missiles exploded "about ten metres" from the aircraft. The
 *   bursts are drawn where that statement would put them; the direction is illustrative.
 */
import type { LocalizedText, Scenario } from './model';

export type Basis = 'established' | 'claimed';

/** Areas named by the preliminary report as holed (tail, fin, stabilisers, elevators, rudder, left engine, left wing). */
export const DAMAGED_PARTS = ['tail-fuselage', 'fin', 'rudder', 'horizontal-stabilisers', 'elevators', 'left-engine', 'left-wing'] as const;
export type DamagedPart = (typeof DAMAGED_PARTS)[number];

export const SYSTEMS = ['autopilot', 'flight-controls', 'hydraulics-1', 'hydraulics-2', 'hydraulics-3', 'pitch-trim', 'pressurisation'] as const;
export type SystemId = (typeof SYSTEMS)[number];
export type SystemStatus = 'normal' | 'disconnected' | 'failed' | 'frozen' | 'depressurising';

/** Step ids this module reads; a scenario without them simply has no damage event. */
const FIRST_STEP = 'first-impact';
const SECOND_STEP = 'second-impact';
const FINDINGS_STEP = 'preliminary-report';
const CLAIM_STEP = 'putin-dushanbe';
/** The landing decision: the systems panel stays open through this step (the damage is why the crew chose Aktau). */
const DECISION_STEP = 'decision-aktau';
/** Without a decision step, the panel stays open this long after the last detonation. */
const PANEL_FALLBACK_MS = 10 * 60_000;

/** Seconds a burst stays drawn after its detonation (illustrative: long enough to be seen at 1×). */
export const BURST_SECONDS = 8;
/** "About ten metres away" (Putin, 9 Oct 2025; sources of the putin-dushanbe step). */
export const CLAIMED_DISTANCE_M = 10;

/**
 * Where each burst is drawn, metres in the aircraft's body axes (x right, y forward, z up) from the
 * aircraft's centre at the moment of detonation. Illustrative: only the distance is claimed; left,
 * behind and low is chosen because the reported holes are in the tail and on the left side.
 */
const BURST_OFFSETS: Readonly<Record<string, readonly [number, number, number]>> = {
  [FIRST_STEP]: [-8, -19, -3],
  [SECOND_STEP]: [-10, -8, 2],
};

interface SystemChangeRow {
  readonly system: SystemId;
  readonly step: string;
  readonly status: Exclude<SystemStatus, 'normal'>;
  readonly detail?: LocalizedText;
}

/** Changes at the recorded seconds, each tied to the step that reports it (and so to its sources). */
const SYSTEM_CHANGES: readonly SystemChangeRow[] = [
  { system: 'autopilot', step: FIRST_STEP, status: 'disconnected', detail: { en: 'autopilot and autothrottle off', de: 'Autopilot und Schubautomatik aus' } },
  { system: 'flight-controls', step: 'flight-controls-lost', status: 'failed', detail: { en: 'primary flight controls', de: 'primäre Flugsteuerung' } },
  { system: 'hydraulics-3', step: 'hydraulics-3-lost', status: 'failed', detail: { en: '0 psi, 0 % fluid', de: '0 psi, 0 % Flüssigkeit' } },
  {
    system: 'flight-controls',
    step: 'hydraulics-3-lost',
    status: 'frozen',
    detail: { en: 'elevators, ailerons, rudder fixed in neutral', de: 'Höhen-, Quer-, Seitenruder neutral blockiert' },
  },
  { system: 'pitch-trim', step: 'pitch-trim-failure', status: 'failed' },
  { system: 'pressurisation', step: 'depressurisation', status: 'depressurising', detail: { en: 'cabin loses pressure', de: 'Kabine verliert Druck' } },
  { system: 'hydraulics-1', step: 'hydraulics-1-lost', status: 'failed', detail: { en: '0 % fluid', de: '0 % Flüssigkeit' } },
  { system: 'hydraulics-2', step: 'hydraulics-2-lost', status: 'failed', detail: { en: '4 psi', de: '4 psi' } },
];

export interface Detonation {
  readonly stepId: string;
  readonly timeMs: number;
  /** Sources of the impact sound (established). */
  readonly sources: readonly string[];
  readonly offsetBodyM: readonly [number, number, number];
}

export interface SystemChange {
  readonly timeMs: number;
  readonly stepId: string;
  readonly status: Exclude<SystemStatus, 'normal'>;
  readonly detail?: LocalizedText;
  readonly sources: readonly string[];
}

export interface DamageTimeline {
  readonly detonations: readonly Detonation[];
  /** From this time on the damaged parts are shown (the report does not say which impact made which hole). */
  readonly damageFromMs: number;
  readonly damageSources: readonly string[];
  /** Sources of the claim that missiles exploded about ten metres away (empty: no claim in the scenario). */
  readonly claimSources: readonly string[];
  readonly systems: Readonly<Record<SystemId, readonly SystemChange[]>>;
  /**
   * The systems panel is open (else folded to one line) in [panelFromMs, panelToMs): from the first
   * impact to the end of the landing-decision step (the next event step's time).
   */
  readonly panelFromMs: number;
  readonly panelToMs: number;
}

export interface BurstState {
  readonly stepId: string;
  visible: boolean;
  /** Seconds since the detonation (negative before). */
  ageS: number;
  /** Brightness of the flash, 0..1. */
  flash: number;
  shellRadiusM: number;
  shellOpacity: number;
  fragmentRadiusM: number;
  fragmentOpacity: number;
  smokeRadiusM: number;
  smokeOpacity: number;
}

export interface SystemReading {
  status: SystemStatus;
  /** The change in force (null while normal). */
  change: SystemChange | null;
}

export interface DamageState {
  /** Time is at or after the first detonation. */
  partsHit: boolean;
  panelVisible: boolean;
  readonly bursts: BurstState[];
  readonly systems: Record<SystemId, SystemReading>;
}

/** Builds the event from the scenario's steps; null when the scenario has no such event. */
export function damageTimeline(scenario: Scenario): DamageTimeline | null {
  const step = (id: string) => scenario.steps.find((s) => s.id === id && s.kind === 'event');
  const first = step(FIRST_STEP);
  if (!first) return null;
  const detonations: Detonation[] = [];
  for (const s of [first, step(SECOND_STEP)]) {
    if (s) detonations.push({ stepId: s.id, timeMs: s.timeMs, sources: s.sources, offsetBodyM: BURST_OFFSETS[s.id] ?? [-CLAIMED_DISTANCE_M, 0, 0] });
  }
  const findings = scenario.steps.find((s) => s.id === FINDINGS_STEP);
  const claim = scenario.steps.find((s) => s.id === CLAIM_STEP);
  const systems = Object.fromEntries(SYSTEMS.map((id) => [id, [] as SystemChange[]])) as Record<SystemId, SystemChange[]>;
  for (const row of SYSTEM_CHANGES) {
    const s = step(row.step);
    if (s) systems[row.system].push({ timeMs: s.timeMs, stepId: s.id, status: row.status, detail: row.detail, sources: s.sources });
  }
  for (const list of Object.values(systems)) list.sort((a, b) => a.timeMs - b.timeMs);
  const last = detonations[detonations.length - 1]!;
  const decision = step(DECISION_STEP);
  const afterDecision = decision ? scenario.steps.find((s) => s.kind === 'event' && s.timeMs > decision.timeMs) : undefined;
  const panelToMs = decision ? (afterDecision?.timeMs ?? scenario.endMs) : last.timeMs + PANEL_FALLBACK_MS;
  return {
    detonations,
    damageFromMs: first.timeMs,
    damageSources: findings ? findings.sources : first.sources,
    claimSources: claim ? claim.sources : [],
    systems,
    panelFromMs: first.timeMs,
    panelToMs,
  };
}

export function createDamageState(timeline: DamageTimeline | null): DamageState {
  const systems = Object.fromEntries(SYSTEMS.map((id) => [id, { status: 'normal', change: null }])) as Record<SystemId, SystemReading>;
  const bursts = (timeline?.detonations ?? []).map((d): BurstState => ({
    stepId: d.stepId,
    visible: false,
    ageS: 0,
    flash: 0,
    shellRadiusM: 0,
    shellOpacity: 0,
    fragmentRadiusM: 0,
    fragmentOpacity: 0,
    smokeRadiusM: 0,
    smokeOpacity: 0,
  }));
  return { partsHit: false, panelVisible: false, bursts, systems };
}

/** Rises from 0 towards 1 with time constant tau. */
function ease(age: number, tau: number): number {
  return 1 - Math.exp(-age / tau);
}

/** How one burst looks at an age: a flash, a fast shock shell, a fragment cloud and smoke (sizes illustrative). */
export function burstAt(ageS: number, result: BurstState): BurstState {
  result.ageS = ageS;
  result.visible = ageS >= 0 && ageS < BURST_SECONDS;
  const a = result.visible ? ageS : 0;
  const on = result.visible ? 1 : 0;
  result.flash = on * Math.max(0, 1 - a / 0.6);
  result.shellRadiusM = on * 2 + on * 38 * ease(a, 0.35);
  result.shellOpacity = on * Math.max(0, 1 - a / 2.5);
  result.fragmentRadiusM = on * 3 + on * 70 * ease(a, 0.6);
  result.fragmentOpacity = on * Math.max(0, 1 - a / BURST_SECONDS);
  result.smokeRadiusM = on * (3 + 7 * ease(a, 1.5));
  result.smokeOpacity = on * 0.75 * Math.max(0, 1 - a / BURST_SECONDS);
  return result;
}

/** The event at a time, written into result (no allocation). */
export function damageStateAt(timeline: DamageTimeline | null, timeMs: number, result: DamageState): DamageState {
  if (!timeline) {
    result.partsHit = false;
    result.panelVisible = false;
    return result;
  }
  result.partsHit = timeMs >= timeline.damageFromMs;
  result.panelVisible = timeMs >= timeline.panelFromMs && timeMs < timeline.panelToMs;
  for (let i = 0; i < result.bursts.length; i++) {
    const d = timeline.detonations[i];
    if (d) burstAt((timeMs - d.timeMs) / 1000, result.bursts[i]!);
  }
  for (let k = 0; k < SYSTEMS.length; k++) {
    const id = SYSTEMS[k]!;
    const reading = result.systems[id];
    reading.status = 'normal';
    reading.change = null;
    const changes = timeline.systems[id];
    for (let j = 0; j < changes.length; j++) {
      const c = changes[j]!;
      if (c.timeMs > timeMs) break;
      reading.status = c.status;
      reading.change = c;
    }
  }
  return result;
}

/** A plain snapshot for the scripting API and tests (allocates; not for per-frame use). */
export interface DamageSummary {
  partsHit: boolean;
  /** The areas shown as damaged now (from the report), empty before the first impact. */
  parts: DamagedPart[];
  bursts: { step: string; visible: boolean; ageS: number; basis: Basis }[];
  systems: Record<SystemId, SystemStatus>;
  panelVisible: boolean;
}

const timelines = new WeakMap<Scenario, DamageTimeline | null>();

export function damageSummaryAt(scenario: Scenario, timeMs: number): DamageSummary {
  if (!timelines.has(scenario)) timelines.set(scenario, damageTimeline(scenario));
  const timeline = timelines.get(scenario) ?? null;
  const s = damageStateAt(timeline, timeMs, createDamageState(timeline));
  return {
    partsHit: s.partsHit,
    parts: s.partsHit ? [...DAMAGED_PARTS] : [],
    bursts: s.bursts.map((b) => ({ step: b.stepId, visible: b.visible, ageS: b.ageS, basis: 'claimed' as const })),
    systems: Object.fromEntries(SYSTEMS.map((id) => [id, s.systems[id].status])) as Record<SystemId, SystemStatus>,
    panelVisible: s.panelVisible,
  };
}
