import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/app/store';
import { loadScenarioText } from '../../src/scenario/validate';
import { describeView, formatLatLon, stepAnnouncement } from '../../src/ui/viewDescription';

const loaded = loadScenarioText(readFileSync(new URL('../../data/azal-8243.json', import.meta.url), 'utf8'));
if (!loaded.ok) throw new Error('scenario does not load');
const scenario = loaded.scenario;

describe('the words a screen reader gets for the view', () => {
  it('says the step, place, time, altitude and how the position is known, in the language chosen', () => {
    const store = new Store(scenario, 'en');
    store.goToStepRef('first-impact');
    const en = describeView(store.get());
    expect(en).toMatch(/^Step 9 of 37: First impact/);
    expect(en).toContain('05:13:31');
    expect(en).toMatch(/Altitude: about [\d,]+ m \((measured|reported|inferred)\)\./);
    expect(en).toMatch(/Position: (measured|reported|inferred)/);
    store.setLanguage('ru');
    const ru = describeView(store.get());
    expect(ru).toMatch(/^Шаг 9 из 37/);
    expect(ru).toContain('05:13:31');
    expect(ru).not.toMatch(/Step|Altitude|Position/);
    // Whole words are read aloud, not the legend's abbreviations.
    expect(ru).not.toContain('восстан.)');
  });

  it('announces a new step with its title and lead sentence only', () => {
    const store = new Store(scenario, 'de');
    store.goToStepRef('mayday');
    const line = stepAnnouncement(store.get());
    expect(line).toMatch(/^Schritt \d+ von 37: Mayday/);
    expect(line.split('. ').length).toBeLessThan(6);
  });

  it('writes coordinates in the language’s number format', () => {
    expect(formatLatLon(43.3883, 45.6986, 'en')).toBe('43.39° N, 45.70° E');
    expect(formatLatLon(43.3883, -45.6986, 'de')).toBe('43,39° N, 45,70° W');
    expect(formatLatLon(43.3883, 45.6986, 'az')).toBe('43,39° N, 45,70° E');
  });
});
