/** Words of the systems panel and the damage key (catalogue section `systems`); the facts and their sources come from the scenario. */
import { catalogue, message } from '../i18n/catalogue';
import type { SystemId, SystemStatus } from '../scenario/damageEvent';

interface SystemsWords {
  readonly title: string;
  readonly subtitle: string;
  readonly systems: Readonly<Record<SystemId, string>>;
  readonly status: Readonly<Record<SystemStatus, string>>;
  readonly established: string;
  readonly claimed: string;
  readonly openHint: string;
  readonly foldHint: string;
}

const cache = new Map<string, SystemsWords>();

/** The systems' words in a language, from the catalogue's `systems` section. */
export function systemsWords(lang: string): SystemsWords {
  let w = cache.get(lang);
  if (!w) {
    const c = catalogue(lang).systems;
    w = {
      title: c.title,
      subtitle: c.subtitle,
      systems: {
        autopilot: c.autopilot,
        'flight-controls': c['flight-controls'],
        'hydraulics-1': c['hydraulics-1'],
        'hydraulics-2': c['hydraulics-2'],
        'hydraulics-3': c['hydraulics-3'],
        'pitch-trim': c['pitch-trim'],
        pressurisation: c.pressurisation,
      },
      status: { normal: c.normal, disconnected: c.disconnected, failed: c.failed, frozen: c.frozen, depressurising: c.depressurising },
      established: c.established,
      claimed: c.claimed,
      openHint: c.openHint,
      foldHint: c.foldHint,
    };
    cache.set(lang, w);
  }
  return w;
}

/** "· 2 more" after the most important fault of the one-line summary. */
export function moreFaults(lang: string, n: number): string {
  return message(lang, 'systems', 'moreFaults', { n });
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
  if (hydraulics > 0) phrases.push(message(lang, 'systems', 'hydraulicsFailed', { n: hydraulics }));
  for (const id of SUMMARY_ORDER) if (status[id] !== 'normal') phrases.push(`${w.systems[id]} ${w.status[status[id]]}`);
  if (phrases.length === 0) return { lead: w.status.normal, more: 0, all: [] };
  return { lead: phrases[0]!, more: phrases.length - 1, all: phrases };
}
