/** A problem found in a scenario file: where (a path such as `steps[3].place`) and what is wrong. */
export interface ScenarioProblem {
  readonly path: string;
  readonly message: string;
}
