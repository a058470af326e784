import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioText, formatProblems } from '../../src/scenario/validate';
import { minimalScenario } from '../fixtures/minimalScenario';

function problemsOf(json: unknown): string[] {
  const r = loadScenario(json);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return formatProblems(r.problems);
}

describe('scenario schema', () => {
  it('accepts the bundled AZAL 8243 scenario', () => {
    const r = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
    if (!r.ok) throw new Error(formatProblems(r.problems).join('\n'));
    expect(r.scenario.id).toBe('azal-8243');
    expect(r.scenario.steps.filter((s) => s.kind === 'event').length).toBeGreaterThanOrEqual(20);
  });

  it('accepts the minimal fixture and converts times to milliseconds', () => {
    const r = loadScenario(minimalScenario());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.startMs).toBe(Date.UTC(2024, 11, 25, 4, 0, 0));
    expect(r.scenario.endMs).toBe(Date.UTC(2024, 11, 25, 4, 40, 0));
    expect(r.scenario.steps[3]!.timePrecision).toBe('day');
    expect(r.scenario.track[3]!.altitudeProvenance).toBe('reported');
    expect(r.scenario.track[2]!.altitudeProvenance).toBe('measured');
  });

  it('names the field and the problem for a wrong type', () => {
    const s = minimalScenario();
    s.track[2].lat = 'north';
    expect(problemsOf(s).join('\n')).toMatch(/^track\[2\]\.lat: .*number/m);
  });

  it('rejects out-of-range and non-finite coordinates', () => {
    const s = minimalScenario();
    s.track[1].lon = 181;
    s.places[0].lat = -91;
    const lines = problemsOf(s).join('\n');
    expect(lines).toMatch(/track\[1\]\.lon: must be <= 180/);
    expect(lines).toMatch(/places\[0\]\.lat: must be >= -90/);
  });

  it('rejects a missing required field by name', () => {
    const s = minimalScenario();
    delete s.steps[0].caption;
    expect(problemsOf(s).join('\n')).toMatch(/steps\[0\]\.caption/);
  });

  it('rejects unknown provenance values', () => {
    const s = minimalScenario();
    s.track[0].provenance = 'guessed';
    expect(problemsOf(s).join('\n')).toMatch(/track\[0\]\.provenance: must be "measured", "reported" or "inferred"/);
  });

  it('rejects unsorted and duplicate track times', () => {
    const s = minimalScenario();
    s.track[2].time = s.track[1].time;
    expect(problemsOf(s).join('\n')).toMatch(/track\[2\]\.time: must be later than the previous sample/);
  });

  it('rejects references to sources and places that do not exist', () => {
    const s = minimalScenario();
    s.steps[1].sources = ['nope'];
    s.steps[2].place = 'atlantis';
    const lines = problemsOf(s).join('\n');
    expect(lines).toMatch(/steps\[1\]\.sources\[0\]: names source "nope"/);
    expect(lines).toMatch(/steps\[2\]\.place: names place "atlantis"/);
  });

  it('rejects non-http source URLs such as javascript:', () => {
    const s = minimalScenario();
    s.sources[0].url = 'javascript:alert(1)';
    expect(problemsOf(s).join('\n')).toMatch(/sources\[0\]\.url/);
  });

  it('requires every claim to have two alternatives and every step a source', () => {
    const s = minimalScenario();
    s.claims[0].alternatives.pop();
    s.steps[0].sources = [];
    const lines = problemsOf(s).join('\n');
    expect(lines).toMatch(/claims\[0\]\.alternatives: a conflict needs at least two alternatives/);
    expect(lines).toMatch(/steps\[0\]\.sources: must cite at least one source/);
  });

  it('keeps epilogue steps after event steps', () => {
    const s = minimalScenario();
    s.steps.push({ ...s.steps[0], id: 'late-event' });
    expect(problemsOf(s).join('\n')).toMatch(/steps\[4\]\.kind: event steps must all come before the epilogue steps/);
  });

  it('rejects impossible dates and a wrong version', () => {
    const s = minimalScenario();
    s.steps[0].time = '2024-13-45T99:00:00Z';
    s.version = 2;
    const lines = problemsOf(s).join('\n');
    expect(lines).toMatch(/^version: must be 1/m);
    expect(lines).toMatch(/steps\[0\]\.time/);
  });

  it('reports broken JSON without throwing', () => {
    const r = loadScenarioText('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/not valid JSON/);
  });
});
