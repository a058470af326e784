/** Words of presenter mode and export, in each language (kept here so the shared i18n table stays small). */

const WORDS = {
  en: {
    present: 'Presenter mode (P)',
    leave: 'Leave presenter mode (Esc)',
    auto: 'Auto-advance',
    stepOf: 'Step {k} of {n}',
    local: 'local',
    media: 'Present & export',
    snapshot: 'Snapshot (PNG)',
    exportVideo: 'Export video',
    from: 'From step',
    to: 'To step',
    size: 'Size',
    fps: 'Frames per second',
    format: 'Format',
    cancel: 'Cancel',
    exporting: 'Exporting video',
    framesDone: '{done} of {total} frames',
    left: 'about {s} s left',
    exportDone: 'Video saved: {name}',
    exportFailed: 'Export failed: {why}',
    exportCanceled: 'Export canceled.',
  },
  de: {
    present: 'Präsentationsmodus (P)',
    leave: 'Präsentationsmodus verlassen (Esc)',
    auto: 'Automatisch weiter',
    stepOf: 'Schritt {k} von {n}',
    local: 'Ortszeit',
    media: 'Präsentieren & exportieren',
    snapshot: 'Standbild (PNG)',
    exportVideo: 'Video exportieren',
    from: 'Von Schritt',
    to: 'Bis Schritt',
    size: 'Größe',
    fps: 'Bilder pro Sekunde',
    format: 'Format',
    cancel: 'Abbrechen',
    exporting: 'Video wird exportiert',
    framesDone: '{done} von {total} Bildern',
    left: 'noch etwa {s} s',
    exportDone: 'Video gespeichert: {name}',
    exportFailed: 'Export fehlgeschlagen: {why}',
    exportCanceled: 'Export abgebrochen.',
  },
} as const;

export type WordKey = keyof (typeof WORDS)['en'];

export function word(lang: string, key: WordKey, vars?: Readonly<Record<string, string | number>>): string {
  const table: Readonly<Record<WordKey, string>> = lang === 'de' ? WORDS.de : WORDS.en;
  let s: string = table[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
