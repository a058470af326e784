/**
 * Chapters: the steps of a scenario grouped under titles ("Departure", "The damage", …). Optional in
 * the file; when present they must cover every step exactly once, in the order of `steps`, so that a
 * chapter is always a run of consecutive steps (firstStep..lastStep). Pure.
 */
import type { Chapter, Scenario } from './model';
import type { ChapterData, ScenarioFileData } from './schema';
import type { ScenarioProblem } from './problem';

/** What is wrong with the file's chapters (none when it has no chapters). */
export function chapterProblems(d: Pick<ScenarioFileData, 'steps' | 'chapters'>): ScenarioProblem[] {
  const chapters = d.chapters;
  if (!chapters) return [];
  const problems: ScenarioProblem[] = [];
  const order = new Map(d.steps.map((s, i) => [s.id, i]));
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  let expected = 0;
  chapters.forEach((c, i) => {
    if (ids.has(c.id)) problems.push({ path: `chapters[${i}].id`, message: `duplicate id "${c.id}"` });
    ids.add(c.id);
    c.steps.forEach((id, j) => {
      const path = `chapters[${i}].steps[${j}]`;
      const at = order.get(id);
      if (at === undefined) return void problems.push({ path, message: `names step "${id}" that the file does not define` });
      const before = owner.get(id);
      if (before !== undefined) return void problems.push({ path, message: `step "${id}" is already in chapter "${before}" (a step belongs to one chapter)` });
      owner.set(id, c.id);
      if (at !== expected) {
        const want = d.steps[expected]?.id;
        problems.push({
          path,
          message: want ? `expected step "${want}" here: chapters must hold the steps in the order of "steps", without gaps` : 'comes after the last step',
        });
      }
      expected = at + 1;
    });
  });
  const missing = d.steps.filter((s) => !owner.has(s.id)).map((s) => s.id);
  if (missing.length > 0 && problems.length === 0)
    problems.push({
      path: 'chapters',
      message: `every step must be in a chapter; not in any: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
    });
  return problems;
}

/** The chapters of a valid file as step-index ranges (empty when the file has none). */
export function chaptersFromFile(chapters: readonly ChapterData[] | undefined, stepIds: readonly string[]): Chapter[] {
  if (!chapters) return [];
  const index = new Map(stepIds.map((id, i) => [id, i]));
  return chapters.map((c) => ({
    id: c.id,
    title: c.title,
    firstStep: index.get(c.steps[0]!) ?? 0,
    lastStep: index.get(c.steps[c.steps.length - 1]!) ?? 0,
  }));
}

/** The index of the chapter that holds a step, or -1 (no chapters, or before the first step). */
export function chapterIndexOf(scenario: Pick<Scenario, 'chapters'>, stepIndex: number): number {
  const chapters = scenario.chapters;
  for (let i = 0; i < chapters.length; i++) {
    const c = chapters[i]!;
    if (stepIndex >= c.firstStep && stepIndex <= c.lastStep) return i;
  }
  return -1;
}

/** The chapter with this id, or undefined. */
export function findChapter(scenario: Pick<Scenario, 'chapters'>, id: string): Chapter | undefined {
  return scenario.chapters.find((c) => c.id === id);
}
