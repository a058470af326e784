import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/validate';
import { BURST_SECONDS, CLAIMED_DISTANCE_M, createDamageState, damageStateAt, damageTimeline, SYSTEMS } from '../../src/scenario/damageEvent';
import { attitudeAt, createAttitude } from '../../src/geo/attitude';
import { parseUtcInstant } from '../../src/geo/time';
import { minimalScenario } from '../fixtures/minimalScenario';
import { loadScenario } from '../../src/scenario/validate';

const loaded = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
if (!loaded.ok) throw new Error('scenario does not load');
const scenario = loaded.scenario;
const at = (hms: string) => parseUtcInstant(`2024-12-25T${hms}Z`)!;

describe('damage event (AZAL 8243)', () => {
  const timeline = damageTimeline(scenario)!;
  const state = createDamageState(timeline);

  it('takes both detonations from the impact steps, with their sources', () => {
    expect(timeline.detonations.map((d) => d.stepId)).toEqual(['first-impact', 'second-impact']);
    expect(timeline.detonations.map((d) => d.timeMs)).toEqual([at('05:13:31'), at('05:13:56')]);
    for (const d of timeline.detonations) {
      expect(d.sources.length).toBeGreaterThan(0);
      for (const id of d.sources) expect(scenario.sources.has(id)).toBe(true);
      // Claimed: "about ten metres away" from the aircraft's tail/left side (not its centre).
      const [x, y, z] = d.offsetBodyM;
      expect(Math.hypot(x, y, z)).toBeGreaterThan(CLAIMED_DISTANCE_M - 1);
      expect(x).toBeLessThan(0); // left side, where the engine and wing were holed
    }
    expect(timeline.claimSources).toEqual(expect.arrayContaining(['tass-putin', 'newsaz-dushanbe', 'tass-ru-putin']));
    expect(timeline.damageSources).toContain('pravda-com-ua');
  });

  it('05:13:20: nothing is hit, no burst, all systems normal, the panel still folded', () => {
    damageStateAt(timeline, at('05:13:20'), state);
    expect(state.partsHit).toBe(false);
    expect(state.bursts.map((b) => b.visible)).toEqual([false, false]);
    for (const id of SYSTEMS) expect(state.systems[id].status, id).toBe('normal');
    expect(state.panelVisible).toBe(false);
  });

  it('the systems panel is open from the first impact through the landing-decision step', () => {
    const open = (t: number) => damageStateAt(timeline, t, createDamageState(timeline)).panelVisible;
    expect(open(at('05:13:30.999'))).toBe(false);
    expect(open(at('05:13:31'))).toBe(true);
    expect(open(at('05:42:40'))).toBe(true); // decision-aktau
    expect(open(at('05:52:59'))).toBe(true); // its presented run holds here
    expect(open(at('05:53:00'))).toBe(false); // oxygen-cylinder-message
    // Step by step: open exactly at first-impact ... decision-aktau.
    const ids = scenario.steps.filter((s) => s.kind === 'event');
    const from = ids.findIndex((s) => s.id === 'first-impact');
    const to = ids.findIndex((s) => s.id === 'decision-aktau');
    ids.forEach((s, i) => expect(open(s.timeMs), s.id).toBe(i >= from && i <= to));
  });

  it('05:13:32: first burst, parts hit, autopilot off, controls failed', () => {
    damageStateAt(timeline, at('05:13:32'), state);
    expect(state.partsHit).toBe(true);
    expect(state.bursts[0]!.visible).toBe(true);
    expect(state.bursts[0]!.ageS).toBe(1);
    expect(state.bursts[0]!.fragmentRadiusM).toBeGreaterThan(30);
    expect(state.bursts[1]!.visible).toBe(false);
    expect(state.systems.autopilot.status).toBe('disconnected');
    expect(state.systems['flight-controls'].status).toBe('failed');
    expect(state.systems['hydraulics-3'].status).toBe('normal');
    expect(state.systems['flight-controls'].change?.sources.length).toBeGreaterThan(0);
  });

  it('switches each system at its reported second', () => {
    const cases: [string, string, string][] = [
      ['05:13:33', 'hydraulics-3', 'normal'],
      ['05:13:34', 'hydraulics-3', 'failed'],
      ['05:13:34', 'flight-controls', 'frozen'],
      ['05:13:35', 'pitch-trim', 'normal'],
      ['05:13:36', 'pitch-trim', 'failed'],
      ['05:13:38', 'pressurisation', 'normal'],
      ['05:13:39', 'pressurisation', 'depressurising'],
      ['05:13:46', 'hydraulics-1', 'normal'],
      ['05:13:47', 'hydraulics-1', 'failed'],
      ['05:13:53', 'hydraulics-2', 'normal'],
      ['05:13:54', 'hydraulics-2', 'failed'],
    ];
    for (const [time, id, status] of cases) {
      damageStateAt(timeline, at(time), state);
      expect(state.systems[id as (typeof SYSTEMS)[number]].status, `${id} at ${time}`).toBe(status);
    }
    expect(state.systems['hydraulics-2'].change?.detail?.en).toBe('4 psi');
  });

  it('05:13:57: second burst, the first is gone; 06:00: damage stays, bursts gone, panel hidden', () => {
    damageStateAt(timeline, at('05:13:57'), state);
    expect(state.bursts.map((b) => b.visible)).toEqual([false, true]);
    damageStateAt(timeline, at('06:00:00'), state);
    expect(state.partsHit).toBe(true);
    expect(state.bursts.map((b) => b.visible)).toEqual([false, false]);
    expect(state.bursts[1]!.fragmentOpacity).toBe(0);
    expect(state.panelVisible).toBe(false);
    for (const id of SYSTEMS) expect(state.systems[id].status, id).not.toBe('normal');
  });

  it('is a function of time: scrubbing back gives the same state as going forward', () => {
    const a = structuredClone(damageStateAt(timeline, at('05:13:33.5'), createDamageState(timeline)));
    damageStateAt(timeline, at('06:10:00'), state);
    damageStateAt(timeline, at('05:13:33.5'), state);
    expect(structuredClone(state)).toEqual(a);
    damageStateAt(timeline, at('05:13:31') + (BURST_SECONDS - 0.01) * 1000, state);
    expect(state.bursts[0]!.visible).toBe(true);
    expect(state.bursts[0]!.fragmentOpacity).toBeGreaterThan(0);
  });

  it('a scenario without the event has no timeline and an inert state', () => {
    const r = loadScenario(minimalScenario());
    if (!r.ok) throw new Error('fixture');
    const none = damageTimeline(r.scenario);
    expect(none).toBeNull();
    const s = damageStateAt(none, r.scenario.startMs, createDamageState(none));
    expect(s.partsHit).toBe(false);
    expect(s.bursts).toEqual([]);
  });
});

describe('attitude from the track', () => {
  it('climbs nose up after the go-around and banks in the loop, within limits', () => {
    const a = createAttitude();
    attitudeAt(scenario.track, at('05:13:31'), a);
    expect(a.groundSpeedMs).toBeGreaterThan(60);
    expect(a.pitchDeg).toBeGreaterThan(0);
    expect(Math.abs(a.bankDeg)).toBeLessThanOrEqual(35);
    let maxBank = 0;
    for (let t = at('05:14:00'); t < at('05:21:00'); t += 10_000) maxBank = Math.max(maxBank, Math.abs(attitudeAt(scenario.track, t, a).bankDeg));
    expect(maxBank).toBeGreaterThan(5);
  });

  it('is level and still at the gate', () => {
    const a = attitudeAt(scenario.track, scenario.startMs, createAttitude());
    expect(a.pitchDeg).toBe(0);
    expect(a.bankDeg).toBe(0);
  });
});
