/** Helpers every track reader shares: leg clean-up and counted words for the notes. */
import type { TrackPoint } from '../types';

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Sorts by time if needed and drops exact duplicate timestamps (keeping the first in file order). */
export function finishLeg(points: TrackPoint[], notes: string[]): TrackPoint[] {
  let sorted = true;
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.timeMs < points[i - 1]!.timeMs) {
      sorted = false;
      break;
    }
  }
  if (!sorted) {
    points.sort((a, b) => a.timeMs - b.timeMs); // stable: the first in the file stays first
    notes.push('The fixes were not in time order; they were sorted by time.');
  }
  let w = 1;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    if (p.timeMs !== points[w - 1]!.timeMs) points[w++] = p;
  }
  const dropped = points.length - w;
  if (points.length > 0 && dropped > 0) {
    points.length = w;
    notes.push(`${count(dropped, 'fix', 'fixes')} with a duplicate timestamp dropped (the first of each was kept).`);
  }
  return points;
}
