/** Words of the chapters section (issue 15), in every language; wired into the catalogue as `chapters`. */

export const chaptersEn = {
  /** The chapter list in the controls. */
  chapter: 'Chapter',
  /** The presenter's chapter card, above the chapter's title. */
  chapterOf: 'Chapter {k} of {n}',
  /** The presenter's progress line, before "Step k of n". */
  chapterShort: 'Chapter {k}/{n}',
  /** The caption's kicker while exploring (discreet, before the time). */
  chapterKicker: 'Ch. {k}',
  /** For a screen reader and the step counter's tooltip. */
  chapterNamed: 'Chapter {k} of {n}: {title}',
  /** The profile chart's legend entry for the chapter bands. */
  bands: 'Chapters',
  /** The keys, told to a keyboard user (the caption's description) and in tooltips. */
  keys: 'Shift+PageDown or Shift+→ next chapter, Shift+PageUp or Shift+← previous chapter.',
};

/** Every language has the keys English has (a missing one fails to compile). */
export type ChaptersWords = { readonly [K in keyof typeof chaptersEn]: string };

export const chaptersDe: ChaptersWords = {
  chapter: 'Kapitel',
  chapterOf: 'Kapitel {k} von {n}',
  chapterShort: 'Kapitel {k}/{n}',
  chapterKicker: 'Kap. {k}',
  chapterNamed: 'Kapitel {k} von {n}: {title}',
  bands: 'Kapitel',
  keys: 'Umschalt+Bild↓ oder Umschalt+→ nächstes Kapitel, Umschalt+Bild↑ oder Umschalt+← vorheriges Kapitel.',
};

export const chaptersRu: ChaptersWords = {
  chapter: 'Глава',
  chapterOf: 'Глава {k} из {n}',
  chapterShort: 'Глава {k}/{n}',
  chapterKicker: 'Гл. {k}',
  chapterNamed: 'Глава {k} из {n}: {title}',
  bands: 'Главы',
  keys: 'Shift+PageDown или Shift+→ — следующая глава, Shift+PageUp или Shift+← — предыдущая глава.',
};

export const chaptersAz: ChaptersWords = {
  chapter: 'Fəsil',
  chapterOf: 'Fəsil {k} / {n}',
  chapterShort: 'Fəsil {k}/{n}',
  chapterKicker: 'Fəsil {k}',
  chapterNamed: 'Fəsil {k} / {n}: {title}',
  bands: 'Fəsillər',
  keys: 'Shift+PageDown və ya Shift+→ növbəti fəsil, Shift+PageUp və ya Shift+← əvvəlki fəsil.',
};
