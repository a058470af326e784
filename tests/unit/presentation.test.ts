import { describe, expect, it } from 'vitest';
import { RUN_SECONDS, stepRun, stepSpan } from '../../src/app/presentation';
import { Store } from '../../src/app/store';
import { planExport } from '../../src/export/exportPlan';
import { normalizeOrigin, originAllowed, readModeParams } from '../../src/app/modeParams';
import { loadScenario } from '../../src/scenario/validate';
import { minimalScenario } from '../fixtures/minimalScenario';

const r = loadScenario(minimalScenario());
if (!r.ok) throw new Error('fixture invalid');
const scenario = r.scenario;
const at = (hhmmss: string) => Date.parse(`2024-12-25T${hhmmss}Z`);

describe('presenter mode: a step runs through its span, then holds', () => {
  it('spans reach the next event, or the end of the flight; epilogue steps have none', () => {
    expect(stepSpan(scenario, scenario.steps[0]!)).toEqual({ fromMs: at('04:00:00'), toMs: at('04:20:00') });
    expect(stepSpan(scenario, scenario.steps[3]!)).toBeNull();
    expect(stepRun(scenario, scenario.steps[3]!)).toBeNull();
  });

  it('holds one second before the next event at a speed that takes about RUN_SECONDS', () => {
    const run = stepRun(scenario, scenario.steps[0]!)!;
    expect(run.holdMs).toBe(at('04:19:59'));
    expect(run.speed * RUN_SECONDS * 1000).toBeCloseTo(at('04:19:59') - at('04:00:00'), -3);
  });

  it('the store plays a presented step to its hold and stops there; leaving restores the speed', () => {
    const store = new Store(scenario);
    store.setSpeed(60);
    store.setPresenting(true);
    store.goToStepRef('start');
    let s = store.get();
    expect(s.playing).toBe(true);
    expect(s.holdAtMs).toBe(at('04:19:59'));
    for (let i = 0; i < 100 && store.get().playing; i++) store.tick(250);
    s = store.get();
    expect(s.playing).toBe(false);
    expect(s.timeMs).toBe(at('04:19:59'));
    expect(s.stepIndex).toBe(0);
    store.nextStep();
    expect(store.get().stepIndex).toBe(1);
    expect(store.get().playing).toBe(true);
    store.setPresenting(false);
    expect(store.get().playing).toBe(false);
    expect(store.get().speed).toBe(60);
  });

  it('outside presenter mode, going to a step does not play', () => {
    const store = new Store(scenario);
    store.goToStepRef('start');
    expect(store.get().playing).toBe(false);
    expect(store.get().holdAtMs).toBeNull();
  });
});

describe('embedding parameters', () => {
  it('reads embed, origins and dwell; rejects what is not an origin', () => {
    const m = readModeParams('?embed=1&origin=https://a.example,https://b.example:8443/&origin=*&dwell=8');
    expect(m.embed).toBe(true);
    expect(m.origins).toEqual(['https://a.example', 'https://b.example:8443', '*']);
    expect(m.dwellSeconds).toBe(8);
    expect(readModeParams('?origin=javascript:alert(1)&origin=https://a.example/path&dwell=0').problems).toHaveLength(3);
    expect(normalizeOrigin('http://127.0.0.1:4177')).toBe('http://127.0.0.1:4177');
  });

  it('allows the own origin always, others only when named', () => {
    expect(originAllowed('https://app.example', 'https://app.example', [])).toBe(true);
    expect(originAllowed('https://evil.example', 'https://app.example', [])).toBe(false);
    expect(originAllowed('https://a.example', 'https://app.example', ['https://a.example'])).toBe(true);
    expect(originAllowed('https://evil.example', 'https://app.example', ['*'])).toBe(true);
  });
});

describe('export options', () => {
  it('turns step ids into their spans and counts frames', () => {
    const plan = planExport(scenario, scenario.startMs, { from: 'start', to: 'start', fps: 30, speed: 60 });
    expect(plan).toMatchObject({ fromMs: at('04:00:00'), toMs: at('04:20:00'), width: 1280, height: 720, frameCount: 600, format: 'auto', captions: true });
    const two = planExport(scenario, scenario.startMs, { from: '2024-12-25T04:00:00Z', to: '2024-12-25T04:00:02Z', width: 1920, height: 1080, fps: 60 });
    expect(two).toMatchObject({ frameCount: 120, width: 1920, height: 1080 });
  });

  it('rejects bad options with a message', () => {
    expect(planExport(scenario, scenario.startMs, { from: 'nope' })).toMatch(/no step or UTC time/);
    expect(planExport(scenario, scenario.startMs, { width: 1281 })).toMatch(/width/);
    expect(planExport(scenario, scenario.startMs, { fps: 0 })).toMatch(/fps/);
    expect(planExport(scenario, scenario.startMs, { format: 'avi' as 'mp4' })).toMatch(/format/);
    expect(planExport(scenario, scenario.startMs, { from: 'report' })).toMatch(/epilogue/);
    expect(planExport(scenario, scenario.startMs, { from: '2024-12-25T04:10:00Z', to: '2024-12-25T04:00:00Z' })).toMatch(/after/);
  });
});
