/** Words of the systems panel and the damage key (en/de); the facts and their sources come from the scenario. */
import type { SystemId, SystemStatus } from '../scenario/damageEvent';

interface SystemsWords {
  readonly title: string;
  readonly subtitle: string;
  readonly systems: Readonly<Record<SystemId, string>>;
  readonly status: Readonly<Record<SystemStatus, string>>;
  readonly established: string;
  readonly claimed: string;
  /** "{n} hydraulic systems failed" (n > 1) and its singular. */
  readonly hydraulicsFailed: string;
  readonly hydraulicFailed: string;
  /** "· {n} more" after the most important fault of the one-line summary. */
  readonly moreFaults: string;
  readonly openHint: string;
  readonly foldHint: string;
}

const EN: SystemsWords = {
  title: 'Aircraft systems',
  subtitle: 'preliminary report',
  systems: {
    autopilot: 'Autopilot',
    'flight-controls': 'Flight controls',
    'hydraulics-1': 'Hydraulics 1',
    'hydraulics-2': 'Hydraulics 2',
    'hydraulics-3': 'Hydraulics 3',
    'pitch-trim': 'Pitch trim',
    pressurisation: 'Cabin pressure',
  },
  status: { normal: 'no fault reported', disconnected: 'disconnected', failed: 'failed', frozen: 'frozen', depressurising: 'falling' },
  established: 'Established (solid red): damaged areas, impact times',
  claimed: 'Claimed (dashed violet): missiles exploded about 10 m away',
  hydraulicsFailed: '{n} hydraulic systems failed',
  hydraulicFailed: '1 hydraulic system failed',
  moreFaults: '· {n} more',
  openHint: 'Show every system with the time it failed and the sources',
  foldHint: 'Fold the systems to one line',
};

const DE: SystemsWords = {
  title: 'Bordsysteme',
  subtitle: 'vorläufiger Bericht',
  systems: {
    autopilot: 'Autopilot',
    'flight-controls': 'Flugsteuerung',
    'hydraulics-1': 'Hydraulik 1',
    'hydraulics-2': 'Hydraulik 2',
    'hydraulics-3': 'Hydraulik 3',
    'pitch-trim': 'Höhentrimmung',
    pressurisation: 'Kabinendruck',
  },
  status: { normal: 'kein Fehler berichtet', disconnected: 'abgeschaltet', failed: 'ausgefallen', frozen: 'blockiert', depressurising: 'fällt' },
  established: 'Belegt (rot, durchgezogen): beschädigte Bereiche, Einschlagzeiten',
  claimed: 'Behauptet (violett, gestrichelt): Raketen etwa 10 m entfernt explodiert',
  hydraulicsFailed: '{n} Hydrauliksysteme ausgefallen',
  hydraulicFailed: '1 Hydrauliksystem ausgefallen',
  moreFaults: '· {n} weitere',
  openHint: 'Alle Systeme mit Ausfallzeit und Quellen zeigen',
  foldHint: 'Systeme auf eine Zeile falten',
};

export function systemsWords(lang: string): SystemsWords {
  return lang === 'de' ? DE : EN;
}

/** Order in which faults are named in the one-line summary: the most consequential first. */
const SUMMARY_ORDER: readonly SystemId[] = ['flight-controls', 'autopilot', 'pitch-trim', 'pressurisation'];
const HYDRAULICS: readonly SystemId[] = ['hydraulics-1', 'hydraulics-2', 'hydraulics-3'];

export interface SystemsSummary {
  /** The most important fault (or "no fault reported"), e.g. "3 hydraulic systems failed". */
  readonly lead: string;
  /** Further faults not named in `lead`. */
  readonly more: number;
  /** Every fault, for the tooltip. */
  readonly all: readonly string[];
}

/** The one-line summary of the systems' states: hydraulics first (they decided the flight), then the rest. */
export function systemsSummary(status: Readonly<Record<SystemId, SystemStatus>>, lang: string): SystemsSummary {
  const w = systemsWords(lang);
  const phrases: string[] = [];
  const hydraulics = HYDRAULICS.filter((id) => status[id] !== 'normal').length;
  if (hydraulics > 1) phrases.push(w.hydraulicsFailed.replace('{n}', String(hydraulics)));
  else if (hydraulics === 1) phrases.push(w.hydraulicFailed);
  for (const id of SUMMARY_ORDER) if (status[id] !== 'normal') phrases.push(`${w.systems[id]} ${w.status[status[id]]}`);
  if (phrases.length === 0) return { lead: w.status.normal, more: 0, all: [] };
  return { lead: phrases[0]!, more: phrases.length - 1, all: phrases };
}
