/** Words of the systems panel and the damage key (en/de); the facts and their sources come from the scenario. */
import type { SystemId, SystemStatus } from '../scenario/damageEvent';

interface SystemsWords {
  readonly title: string;
  readonly subtitle: string;
  readonly systems: Readonly<Record<SystemId, string>>;
  readonly status: Readonly<Record<SystemStatus, string>>;
  readonly established: string;
  readonly claimed: string;
}

const EN: SystemsWords = {
  title: 'Aircraft systems',
  subtitle: 'recorder times, preliminary report',
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
};

const DE: SystemsWords = {
  title: 'Bordsysteme',
  subtitle: 'Rekorderzeiten, vorläufiger Bericht',
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
};

export function systemsWords(lang: string): SystemsWords {
  return lang === 'de' ? DE : EN;
}
