import { describe, expect, it } from 'vitest';
import { Store, type Change } from '../../src/app/store';
import { loadScenario } from '../../src/scenario/validate';
import { eventStepIndexAt } from '../../src/scenario/steps';
import { minimalScenario } from '../fixtures/minimalScenario';

function store(): Store {
  const r = loadScenario(minimalScenario());
  if (!r.ok) throw new Error('fixture invalid');
  return new Store(r.scenario);
}
const at = (h: number, m: number, s = 0) => Date.UTC(2024, 11, 25, h, m, s);

describe('step at a time', () => {
  it('is the latest event at or before the time', () => {
    const s = store().get().scenario;
    expect(eventStepIndexAt(s.steps, at(3, 0))).toBe(-1);
    expect(eventStepIndexAt(s.steps, at(4, 0))).toBe(0);
    expect(eventStepIndexAt(s.steps, at(4, 19, 59))).toBe(0);
    expect(eventStepIndexAt(s.steps, at(4, 20))).toBe(1);
    expect(eventStepIndexAt(s.steps, at(9, 0))).toBe(2); // never an epilogue by time
  });
});

describe('store', () => {
  it('starts at the first sample, paused, in overview', () => {
    const s = store().get();
    expect(s.timeMs).toBe(at(4, 0));
    expect(s.playing).toBe(false);
    expect(s.camera).toBe('overview');
    expect(s.stepIndex).toBe(0);
  });

  it('seeks, clamps to the flight and moves the aircraft', () => {
    const st = store();
    st.seek(at(4, 15));
    expect(st.get().aircraft.lat).toBeCloseTo(40.25, 6);
    st.seek(at(1, 0));
    expect(st.get().timeMs).toBe(at(4, 0));
    st.seek(at(23, 0));
    expect(st.get().timeMs).toBe(at(4, 40));
  });

  it('steps forward into the epilogue, holding the clock at the end, and back', () => {
    const st = store();
    st.nextStep();
    expect(st.get().stepIndex).toBe(1);
    expect(st.get().timeMs).toBe(at(4, 20));
    st.nextStep();
    st.nextStep();
    expect(st.get().stepIndex).toBe(3);
    expect(st.get().epilogueIndex).toBe(3);
    expect(st.get().timeMs).toBe(at(4, 40));
    st.nextStep(); // nothing after the last step
    expect(st.get().stepIndex).toBe(3);
    st.prevStep();
    expect(st.get().stepIndex).toBe(2);
    expect(st.get().epilogueIndex).toBeNull();
  });

  it('goes back to the start of the current step before the previous one', () => {
    const st = store();
    st.seek(at(4, 25));
    st.prevStep();
    expect(st.get().timeMs).toBe(at(4, 20));
    st.prevStep();
    expect(st.get().timeMs).toBe(at(4, 0));
  });

  it('presenting, PageUp goes one step back in one press even while the step runs (slides)', () => {
    const st = store();
    st.setPresenting(true);
    st.goToStepRef('end');
    st.goToStepRef('middle'); // the clock now runs through the middle step
    st.tick(1000);
    expect(st.get().playing).toBe(true);
    expect(st.get().timeMs).toBeGreaterThan(at(4, 20));
    expect(st.get().stepIndex).toBe(1);
    st.prevStep();
    expect(st.get().stepIndex).toBe(0);
    expect(st.get().timeMs).toBe(at(4, 0));
    st.prevStep(); // at the first step: the start of the flight
    expect(st.get().stepIndex).toBe(0);
    expect(st.get().timeMs).toBe(at(4, 0));
    // Explore mode keeps the media-player behaviour.
    st.setPresenting(false);
    st.seek(at(4, 25));
    st.prevStep();
    expect(st.get().timeMs).toBe(at(4, 20));
  });

  it('plays by speed and stops at the end', () => {
    const st = store();
    st.setSpeed(60);
    st.play();
    st.tick(1000);
    expect(st.get().timeMs).toBe(at(4, 1));
    st.tick(60 * 60 * 1000);
    expect(st.get().timeMs).toBe(at(4, 40));
    expect(st.get().playing).toBe(false);
  });

  it('restarts from the beginning when played at the end or in the epilogue', () => {
    const st = store();
    st.goToStepRef('report');
    st.play();
    expect(st.get().timeMs).toBe(at(4, 0));
    expect(st.get().epilogueIndex).toBeNull();
  });

  it('tells listeners what changed', () => {
    const st = store();
    const seen: Change[] = [];
    st.subscribe((_s, c) => seen.push({ ...c }));
    st.seek(at(4, 5));
    st.seek(at(4, 21));
    st.setLanguage('de');
    st.setLanguage('fr');
    expect(seen).toHaveLength(3);
    expect(seen[0]!.time && !seen[0]!.step).toBe(true);
    expect(seen[1]!.time && seen[1]!.step).toBe(true);
    expect(seen[2]!.lang && !seen[2]!.time).toBe(true);
  });

  it('rejects unknown languages and silly speeds', () => {
    const st = store();
    expect(st.setLanguage('xx')).toBe(false);
    st.setSpeed(Number.NaN);
    st.setSpeed(1e9);
    expect(st.get().speed).toBe(1000);
  });
});

describe('title card, method page and chapters', () => {
  function withChapters(): Store {
    const file = minimalScenario() as Record<string, unknown>;
    file.chapters = [
      { id: 'one', title: { en: 'One' }, steps: ['start', 'middle'] },
      { id: 'two', title: { en: 'Two' }, steps: ['end', 'report'] },
    ];
    const r = loadScenario(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return new Store(r.scenario);
  }

  it('the title card is slide 0: next goes to step 1, previous from step 1 comes back, a seek or play closes it', () => {
    const st = withChapters();
    st.seek(at(4, 30));
    st.showTitle();
    expect(st.get().card).toBe('title');
    expect(st.get().timeMs).toBe(at(4, 0));
    st.prevStep(); // nothing before slide 0
    expect(st.get().card).toBe('title');
    st.nextStep();
    expect(st.get().card).toBeNull();
    expect(st.get().stepIndex).toBe(0);
    st.prevStep();
    expect(st.get().card).toBe('title');
    st.seek(at(4, 10));
    expect(st.get().card).toBeNull();
    st.showTitle();
    st.play();
    expect(st.get().card).toBeNull();
  });

  it('presenting: from before the first step it starts on the title card; after the last step comes the method page', () => {
    const file = minimalScenario() as Record<string, unknown>;
    (file.track as { time: string }[])[0]!.time = '2024-12-25T03:50:00Z';
    const r = loadScenario(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const st = new Store(r.scenario);
    expect(st.get().stepIndex).toBe(-1);
    st.setPresenting(true);
    expect(st.get().card).toBe('title');
    st.goToStepRef('report');
    expect(st.get().card).toBeNull();
    st.nextStep();
    expect(st.get().card).toBe('method');
    st.nextStep(); // the last slide
    expect(st.get().card).toBe('method');
    st.prevStep();
    expect(st.get().card).toBeNull();
    expect(st.get().stepIndex).toBe(3);
  });

  it('exploring, the method page opens and closes without moving the clock; a step closes it', () => {
    const st = withChapters();
    st.goToStepRef('middle');
    const before = st.get().timeMs;
    st.showCard('method');
    expect(st.get().card).toBe('method');
    expect(st.get().timeMs).toBe(before);
    st.prevStep(); // back from the page, not a step back
    expect(st.get().card).toBeNull();
    expect(st.get().stepIndex).toBe(1);
    st.showCard('method');
    st.goToStepRef('end');
    expect(st.get().card).toBeNull();
  });

  it('goes from chapter to chapter; previous returns to the chapter start first, then the title card', () => {
    const st = withChapters();
    expect(st.get().scenario.chapters.map((c) => [c.id, c.firstStep, c.lastStep])).toEqual([
      ['one', 0, 1],
      ['two', 2, 3],
    ]);
    st.showTitle();
    st.nextChapter();
    expect(st.get().stepIndex).toBe(0);
    st.nextChapter();
    expect(st.get().stepIndex).toBe(2);
    st.nextChapter(); // no chapter after the last
    expect(st.get().stepIndex).toBe(2);
    st.goToStepRef('report');
    st.prevChapter(); // inside chapter two: its start
    expect(st.get().stepIndex).toBe(2);
    st.prevChapter();
    expect(st.get().stepIndex).toBe(0);
    st.prevChapter();
    expect(st.get().card).toBe('title');
    expect(st.goToChapter('two')).toBe(true);
    expect(st.get().stepIndex).toBe(2);
    expect(st.goToChapter('nope')).toBe(false);
  });

  it('tells listeners when a card opens or closes', () => {
    const st = withChapters();
    const seen: boolean[] = [];
    st.subscribe((_s, c: Readonly<Change>) => seen.push(c.card === true));
    st.showCard('method');
    st.showCard(null);
    expect(seen).toEqual([true, true]);
  });
});
