/** The words of opening, comparing and exporting flight files, in the app's languages. */
const WORDS = {
  en: {
    openFile: 'Open flight file…',
    compareFile: 'Add track to compare…',
    exportData: 'Export data',
    exportCzml: 'CZML (Cesium)',
    exportKml: 'KML with tour (Google Earth)',
    exportGeojson: 'GeoJSON',
    exportScenario: 'Scenario (flightrecon JSON)',
    dropOpen: 'Open',
    dropOpenHint: 'Show this flight instead',
    dropCompare: 'Compare',
    dropCompareHint: 'Draw it over the flight shown',
    dropFormats:
      'Flightradar24 CSV/KML · FlightAware KML · ADS-B Exchange / tar1090 KML and trace JSON · OpenSky CSV · GPX · IGC · CZML · GeoJSON · flightrecon scenario',
    reading: 'Reading {name}…',
    parsing: 'Reading the positions in {name}…',
    building: 'Building the flight from {name}…',
    cancel: 'Cancel',
    chooseLeg: '{name} holds {n} legs ({format}). Which do you want to see?',
    allLegs: 'All legs',
    legLine: '{label}: {from}–{to} UTC, {points} fixes',
    opened: 'Opened "{name}" ({format}): {points} fixes, {steps} steps detected from the data.',
    openedScenario: 'Opened "{name}": {steps} steps, {points} track samples.',
    compared: 'Comparing "{name}" ({format}, {points} fixes) with the flight shown.',
    noOverlap: '"{name}" does not overlap the flight shown in time ({from} to {to} UTC): its marker will not appear while the clock runs.',
    failed: '"{name}" could not be opened: {why}. The flight shown stays loaded.',
    tooLarge: '"{name}" is {mb} MB; flightrecon opens files up to 100 MB. Nothing was changed.',
    tooMany: 'At most {n} tracks can be compared at once; remove one in the legend first.',
    exported: 'Saved {name}.',
    unrated:
      'This file was written before source tiers: {n} of its {total} sources are not rated and are listed as "other" (not rated). Add a tier to each source (docs/SCENARIO.md, "Source tiers") to rate them.',
  },
  de: {
    openFile: 'Flugdatei öffnen…',
    compareFile: 'Track zum Vergleich hinzufügen…',
    exportData: 'Daten exportieren',
    exportCzml: 'CZML (Cesium)',
    exportKml: 'KML mit Tour (Google Earth)',
    exportGeojson: 'GeoJSON',
    exportScenario: 'Szenario (flightrecon-JSON)',
    dropOpen: 'Öffnen',
    dropOpenHint: 'Diesen Flug statt des gezeigten anzeigen',
    dropCompare: 'Vergleichen',
    dropCompareHint: 'Über den gezeigten Flug zeichnen',
    dropFormats:
      'Flightradar24 CSV/KML · FlightAware KML · ADS-B Exchange / tar1090 KML und Trace-JSON · OpenSky CSV · GPX · IGC · CZML · GeoJSON · flightrecon-Szenario',
    reading: '{name} wird gelesen…',
    parsing: 'Positionen in {name} werden gelesen…',
    building: 'Flug aus {name} wird aufgebaut…',
    cancel: 'Abbrechen',
    chooseLeg: '{name} enthält {n} Abschnitte ({format}). Welchen möchten Sie sehen?',
    allLegs: 'Alle Abschnitte',
    legLine: '{label}: {from}–{to} UTC, {points} Positionen',
    opened: '„{name}“ geöffnet ({format}): {points} Positionen, {steps} Schritte aus den Daten erkannt.',
    openedScenario: '„{name}“ geöffnet: {steps} Schritte, {points} Track-Punkte.',
    compared: '„{name}“ ({format}, {points} Positionen) wird mit dem gezeigten Flug verglichen.',
    noOverlap:
      '„{name}“ überschneidet sich zeitlich nicht mit dem gezeigten Flug ({from} bis {to} UTC): seine Markierung erscheint nicht, während die Uhr läuft.',
    failed: '„{name}“ konnte nicht geöffnet werden: {why}. Der gezeigte Flug bleibt geladen.',
    tooLarge: '„{name}“ ist {mb} MB groß; flightrecon öffnet Dateien bis 100 MB. Nichts wurde geändert.',
    tooMany: 'Höchstens {n} Tracks lassen sich zugleich vergleichen; entfernen Sie zuerst einen in der Legende.',
    exported: '{name} gespeichert.',
    unrated:
      'Diese Datei stammt aus der Zeit vor den Quellenstufen: {n} ihrer {total} Quellen sind nicht eingestuft und werden als „other“ (nicht eingestuft) geführt. Geben Sie jeder Quelle eine Stufe (docs/SCENARIO.md, „Source tiers“).',
  },
} as const;

export type ImportWord = keyof (typeof WORDS)['en'];

export function importWord(lang: string, key: ImportWord, values: Record<string, string | number> = {}): string {
  const table: Record<ImportWord, string> = lang === 'de' ? WORDS.de : WORDS.en;
  return table[key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
