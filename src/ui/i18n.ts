/** The app's own words in each language (scenario text comes from the scenario file). */

const STRINGS = {
  en: {
    time: 'Time (UTC)',
    play: '▶ Play',
    pause: '❚❚ Pause',
    speed: 'Speed (×)',
    prev: '◀ Previous step',
    next: 'Next step ▶',
    step: 'Step',
    camera: 'Camera',
    language: 'Language',
    controls: 'Controls',
    overview: 'Overview',
    follow: 'Follow aircraft',
    stepOf: 'Step {k} of {n}',
    beforeFirst: 'Before the first reported event',
    sources: 'Sources',
    epilogue: 'After the flight',
    confidence: 'Confidence',
    high: 'high',
    medium: 'medium',
    low: 'low',
    legend: 'Track',
    measured: 'measured (recorded position)',
    reported: 'reported (a source states it)',
    inferred: 'inferred (reconstructed, not recorded)',
    noneInCase: 'none in this case',
    trail: 'last 6 minutes',
    localTime: 'local',
    approx: 'approx.',
    aroundMinute: 'to the minute',
    altitude: 'alt.',
    dismiss: 'Dismiss',
    people: '{aboard} aboard · {killed} killed · {survived} survived',
    disagree: 'Sources disagree',
    openFile: 'Open scenario file…',
  },
  de: {
    time: 'Zeit (UTC)',
    play: '▶ Abspielen',
    pause: '❚❚ Pause',
    speed: 'Tempo (×)',
    prev: '◀ Vorheriger Schritt',
    next: 'Nächster Schritt ▶',
    step: 'Schritt',
    camera: 'Kamera',
    language: 'Sprache',
    controls: 'Steuerung',
    overview: 'Übersicht',
    follow: 'Flugzeug folgen',
    stepOf: 'Schritt {k} von {n}',
    beforeFirst: 'Vor dem ersten berichteten Ereignis',
    sources: 'Quellen',
    epilogue: 'Nach dem Flug',
    confidence: 'Verlässlichkeit',
    high: 'hoch',
    medium: 'mittel',
    low: 'gering',
    legend: 'Flugweg',
    measured: 'gemessen (aufgezeichnete Position)',
    reported: 'berichtet (eine Quelle nennt sie)',
    inferred: 'erschlossen (rekonstruiert, nicht aufgezeichnet)',
    noneInCase: 'in diesem Fall keine',
    trail: 'letzte 6 Minuten',
    localTime: 'Ortszeit',
    approx: 'ca.',
    aroundMinute: 'auf die Minute',
    altitude: 'Höhe',
    dismiss: 'Schließen',
    people: '{aboard} an Bord · {killed} Tote · {survived} Überlebende',
    disagree: 'Quellen widersprechen sich',
    openFile: 'Szenario-Datei öffnen…',
  },
} as const;

export type UiKey = keyof (typeof STRINGS)['en'];

export function t(lang: string, key: UiKey, vars?: Readonly<Record<string, string | number>>): string {
  const table: Readonly<Record<UiKey, string>> = lang === 'de' ? STRINGS.de : STRINGS.en;
  let s: string = table[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', de: 'Deutsch' };
