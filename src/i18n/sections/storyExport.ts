/**
 * Words of the story video and subtitles (issue 15; src/export/storyPlan.ts, src/ui/mediaMenu.ts,
 * src/ui/exportProgress.ts), in every language; wired into the catalogue as section `storyExport`.
 */
export const storyExportEn = {
  storyVideo: 'Story video (whole explainer)',
  presenterShots: 'Presenter camera and cards',
  subtitles: 'Subtitles (VTT + SRT)',
  estimate: 'Video {length} · {frames} frames',
  saved: 'Saved {name}',
  titleKicker: 'A reconstruction from cited sources',
  aboard: 'aboard',
  killed: 'killed',
  survived: 'survived',
  date: 'Date',
  route: 'Route',
  figureSources: 'Figures: {sources}',
  chapterOf: 'Chapter {k} of {n}',
  methodKicker: 'About this video',
  methodTitle: 'How this reconstruction was made',
  methodRecorded:
    'Solid line: positions recorded by ADS-B receivers. Dashed line: positions inferred where no data was received; every step says how sure it is.',
  methodGap:
    'Through the gap in the data the path is inferred: drawn through the fixes that sources report, within what the aircraft can fly. The shaded corridor shows where it may have been.',
  methodDisagree:
    'Where sources disagree (where and how the aircraft was hit), each account is shown with its source and confidence, not merged into one. The damage animation is illustrative.',
  methodMore: 'The full method, all sources and licences: open flightrecon with ?about=1',
  subtitleChapter: 'Chapter {k}: {title}',
};

/** Every language has the keys English has (a missing one fails to compile). */
export type StoryExportWords = { readonly [K in keyof typeof storyExportEn]: string };

export const storyExportDe: StoryExportWords = {
  storyVideo: 'Story-Video (ganzer Erklärfilm)',
  presenterShots: 'Präsentationskamera und Tafeln',
  subtitles: 'Untertitel (VTT + SRT)',
  estimate: 'Video {length} · {frames} Bilder',
  saved: '{name} gespeichert',
  titleKicker: 'Eine Rekonstruktion aus belegten Quellen',
  aboard: 'an Bord',
  killed: 'getötet',
  survived: 'überlebt',
  date: 'Datum',
  route: 'Strecke',
  figureSources: 'Zahlen: {sources}',
  chapterOf: 'Kapitel {k} von {n}',
  methodKicker: 'Über dieses Video',
  methodTitle: 'Wie diese Rekonstruktion entstand',
  methodRecorded:
    'Durchgezogene Linie: von ADS-B-Empfängern aufgezeichnete Positionen. Gestrichelte Linie: erschlossene Positionen, wo keine Daten empfangen wurden; jeder Schritt sagt, wie sicher er ist.',
  methodGap:
    'Durch die Datenlücke ist der Weg erschlossen: gezogen durch die Positionen, die Quellen melden, innerhalb dessen, was das Flugzeug fliegen kann. Der schattierte Korridor zeigt, wo es gewesen sein kann.',
  methodDisagree:
    'Wo Quellen sich widersprechen (wo und wie das Flugzeug getroffen wurde), wird jede Darstellung mit Quelle und Gewissheit gezeigt, nicht zu einer vermischt. Die Schadensanimation ist eine Illustration.',
  methodMore: 'Die ganze Methode, alle Quellen und Lizenzen: flightrecon mit ?about=1 öffnen',
  subtitleChapter: 'Kapitel {k}: {title}',
};

export const storyExportRu: StoryExportWords = {
  storyVideo: 'Видеорассказ (весь фильм)',
  presenterShots: 'Камера презентации и заставки',
  subtitles: 'Субтитры (VTT + SRT)',
  estimate: 'Видео {length} · кадров: {frames}',
  saved: 'Сохранено: {name}',
  titleKicker: 'Реконструкция по указанным источникам',
  aboard: 'на борту',
  killed: 'погибли',
  survived: 'выжили',
  date: 'Дата',
  route: 'Маршрут',
  figureSources: 'Данные: {sources}',
  chapterOf: 'Глава {k} из {n}',
  methodKicker: 'Об этом видео',
  methodTitle: 'Как сделана эта реконструкция',
  methodRecorded:
    'Сплошная линия: позиции, записанные приёмниками ADS-B. Пунктир: позиции, выведенные там, где данных нет; каждый шаг указывает степень уверенности.',
  methodGap:
    'В пробеле данных путь выведен: он проходит через точки, которые сообщают источники, в пределах возможностей самолёта. Затенённый коридор показывает, где самолёт мог находиться.',
  methodDisagree:
    'Где источники расходятся (где и как был поражён самолёт), каждая версия показана со своим источником и степенью уверенности, а не смешана в одну. Анимация повреждений иллюстративна.',
  methodMore: 'Полная методика, все источники и лицензии: откройте flightrecon с ?about=1',
  subtitleChapter: 'Глава {k}: {title}',
};

export const storyExportAz: StoryExportWords = {
  storyVideo: 'Hekayə videosu (bütün izah filmi)',
  presenterShots: 'Təqdimat kamerası və lövhələr',
  subtitles: 'Altyazılar (VTT + SRT)',
  estimate: 'Video {length} · {frames} kadr',
  saved: '{name} saxlanıldı',
  titleKicker: 'İstinad edilən mənbələr əsasında rekonstruksiya',
  aboard: 'göyərtədə',
  killed: 'həlak oldu',
  survived: 'sağ qaldı',
  date: 'Tarix',
  route: 'Marşrut',
  figureSources: 'Rəqəmlər: {sources}',
  chapterOf: 'Fəsil {k} / {n}',
  methodKicker: 'Bu video haqqında',
  methodTitle: 'Bu rekonstruksiya necə hazırlanıb',
  methodRecorded:
    'Bütöv xətt: ADS-B qəbulediciləri tərəfindən qeydə alınmış mövqelər. Qırıq xətt: məlumat alınmayan yerlərdə çıxarılmış mövqelər; hər addım nə qədər etibarlı olduğunu bildirir.',
  methodGap:
    'Məlumat boşluğunda yol çıxarılıb: mənbələrin bildirdiyi nöqtələrdən, təyyarənin uça biləcəyi hədlər daxilində keçir. Kölgəli dəhliz təyyarənin harada ola biləcəyini göstərir.',
  methodDisagree:
    'Mənbələr fərqli olduqda (təyyarənin harada və necə vurulduğu), hər versiya öz mənbəyi və etibarlılığı ilə göstərilir, bir-birinə qarışdırılmır. Zədə animasiyası təsviri xarakter daşıyır.',
  methodMore: 'Tam metod, bütün mənbələr və lisenziyalar: flightrecon-u ?about=1 ilə açın',
  subtitleChapter: 'Fəsil {k}: {title}',
};
