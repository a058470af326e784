import { describe, expect, it } from 'vitest';
import { formatProblems, loadScenarioText } from '../../src/scenario/validate';
import { BAD_FILES, hostileScenario } from '../fixtures/badInputs';

describe('the bad-input corpus', () => {
  it('has at least 30 broken files', () => {
    expect(BAD_FILES.length).toBeGreaterThanOrEqual(30);
  });

  for (const bad of BAD_FILES) {
    it(`rejects ${bad.name} with a message naming the problem`, () => {
      const text = typeof bad.content === 'string' ? bad.content : new TextDecoder().decode(bad.content);
      const r = loadScenarioText(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const lines = formatProblems(r.problems);
      expect(lines.join('\n')).toMatch(bad.expect);
      expect(lines.length).toBeLessThanOrEqual(20);
      for (const line of lines) expect(line.length).toBeLessThan(600);
    });
  }

  it('accepts hostile text in a valid file (it is shown as text, not markup)', () => {
    expect(loadScenarioText(hostileScenario()).ok).toBe(true);
  });
});
