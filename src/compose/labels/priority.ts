/**
 * Which label wins when two want the same place on screen. Three tiers: the current step's subject
 * (its place, the damage callouts during the damage steps, its claims and rejected fixes), then the
 * scenario's airports and the aircraft, then the rest, by how much each says about this story.
 */

/** Every kind of text drawn on the globe. */
export const LABEL_KINDS = [
  'callout',
  'place',
  'airport',
  'aircraft',
  'claim',
  'rejected',
  'zone',
  'city',
  'map-airport',
  'country',
  'sea',
  'admin1',
  'runway',
] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** The subject of the current step goes first, whatever its kind. */
const SUBJECT = 1000;
/** Within the subject: the place names it, the callouts say what happened, then the versions of it. */
const SUBJECT_ORDER: Readonly<Partial<Record<LabelKind, number>>> = { place: 60, airport: 60, callout: 50, claim: 40, rejected: 30 };

const REST: Readonly<Record<LabelKind, number>> = {
  callout: 800, // outside the damage steps a callout is a marker near the aircraft
  airport: 760,
  aircraft: 750,
  place: 700,
  claim: 600,
  rejected: 590,
  zone: 560,
  city: 500, // minus 20 per rank below 1
  'map-airport': 470,
  country: 420,
  sea: 400,
  admin1: 380,
  runway: 300,
};

/**
 * The priority of a label: higher wins. `subject`: it belongs to the current step. `rank`: a city's
 * rank (1 = main city); ignored for other kinds.
 */
export function labelPriority(kind: LabelKind, subject: boolean, rank = 1): number {
  if (subject && SUBJECT_ORDER[kind] !== undefined) return SUBJECT + SUBJECT_ORDER[kind]!;
  const base = REST[kind];
  return kind === 'city' ? base - 20 * (Math.max(1, rank) - 1) : base;
}

/** Whether a priority belongs to the current step's subject. */
export function isSubjectPriority(priority: number): boolean {
  return priority >= SUBJECT;
}
