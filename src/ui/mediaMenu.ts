/**
 * "Present & export" in the control panel: presenter mode, a PNG snapshot, a video of a range of
 * steps (optionally with the presenter's camera and cards), the whole story as one video, and
 * subtitles next to it. Writes intentions only (store, media service); downloads are local blob:
 * links, and a video goes straight to a file on disk where the browser lets the reader choose one
 * (File System Access: a long 1080p story never has to fit in memory).
 */
import type GUI from 'lil-gui';
import type { Store } from '../app/store';
import type { MediaService } from '../export/mediaService';
import type { ExportVideoOptions, VideoFileTarget } from '../export/types';
import { message } from '../i18n/catalogue';
import { localize } from '../scenario/model';
import { word } from './presenter/words';

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

type Container = 'mp4' | 'webm';
type SaveFilePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>;

/**
 * Asks for a file to write the video into, where the browser can (File System Access; must run in
 * the click's task, before any await). Null: not available (the video becomes a download); 'canceled':
 * the reader closed the dialog.
 */
function pickVideoFile(name: string, container: Container): Promise<{ target: VideoFileTarget; name: string } | null | 'canceled'> {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (typeof picker !== 'function') return Promise.resolve(null);
  const types =
    container === 'mp4'
      ? [{ description: 'MP4 video', accept: { 'video/mp4': ['.mp4'] } }]
      : [{ description: 'WebM video', accept: { 'video/webm': ['.webm'] } }];
  return picker.call(window, { suggestedName: name, types }).then(
    async (handle) => {
      const writable = await handle.createWritable();
      return { target: { writable, result: () => handle.getFile() }, name: handle.name };
    },
    (err: unknown) => ((err as Error).name === 'AbortError' ? 'canceled' : null),
  );
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19).replace(/:/g, '');
}

/** The range choices: every event step; by default the two impacts when the case has them, else the first and last step. */
function rangeChoices(store: Store): { options: Record<string, string>; from: string; to: string } {
  const { lang, scenario } = store.get();
  const events = scenario.steps.filter((s) => s.kind === 'event');
  const options = Object.fromEntries(events.map((s) => [`${s.index + 1}. ${localize(s.title, lang)}`, s.id]));
  const from = events.find((s) => s.id === 'first-impact')?.id ?? events[0]?.id ?? '';
  const to = events.find((s) => s.id === 'second-impact')?.id ?? events[events.length - 1]?.id ?? '';
  return { options, from, to };
}

export function addMediaMenu(gui: GUI, store: Store, media: MediaService): GUI {
  const lang = store.get().lang;
  const range = rangeChoices(store);
  const model = {
    present: () => store.setPresenting(true),
    snapshot: () => {
      const s = store.get();
      media.snapshot().then(
        (b) => download(b, `flightrecon-${s.scenario.id}-${stamp(s.timeMs)}.png`),
        (err: unknown) => store.notify('error', (l) => word(l, 'exportFailed', { why: String((err as Error).message ?? err) })),
      );
    },
    from: range.from,
    to: range.to,
    shots: false,
    size: '1280x720',
    fps: 30,
    format: 'auto',
    subtitles: false,
    exportVideo: () => record({ from: model.from, to: model.to, ...(model.shots ? { shots: 'presenter' as const } : {}) }, `${model.from}-${model.to}`),
    storyVideo: () => record({ story: true }, 'story'),
  };
  /** The container "auto" gives at the chosen size (asked ahead: the file dialog must open in the click's task). */
  const containers = new Map<string, Container>();
  const output = () => {
    const [width, height] = model.size.split('x').map(Number);
    return { width: width!, height: height!, fps: model.fps, format: model.format === 'auto' ? undefined : (model.format as Container) };
  };
  const probe = () => {
    const o = output();
    const key = `${o.width}x${o.height}@${o.fps}`;
    if (containers.has(key) || typeof VideoEncoder === 'undefined') return;
    void import('../export/codecChoice').then(({ chooseCodec }) =>
      chooseCodec(o.width, o.height, o.fps, 'auto').then((c) => typeof c !== 'string' && containers.set(key, c.container)),
    );
  };
  function record(what: ExportVideoOptions, label: string): void {
    const o = output();
    const container: Container = o.format ?? containers.get(`${o.width}x${o.height}@${o.fps}`) ?? 'mp4';
    const options: ExportVideoOptions = { ...what, ...o };
    const base = `flightrecon-${store.get().scenario.id}-${label}`;
    const subtitles = model.subtitles;
    void pickVideoFile(`${base}.${container}`, container).then((picked) => {
      if (picked === 'canceled') return;
      // Into a chosen file the container is the one its name says; a download may take what "auto" finds.
      media.exportVideo(picked ? { ...options, format: container } : options, picked?.target ?? null).then(
        async (b) => {
          const name = picked?.name ?? `${base}.${b.type === 'video/mp4' ? 'mp4' : 'webm'}`;
          if (!picked) download(b, name);
          if (subtitles) {
            for (const kind of ['vtt', 'srt'] as const) download(await media.exportSubtitles(options, kind), `${name.replace(/\.[^.]+$/, '')}.${kind}`);
          }
          store.notify('info', (l) => (picked ? message(l, 'storyExport', 'saved', { name }) : word(l, 'exportDone', { name })));
        },
        (err: unknown) => {
          const e = err as Error;
          store.notify(
            e.name === 'AbortError' ? 'info' : 'error',
            e.name === 'AbortError' ? (l) => word(l, 'exportCanceled') : (l) => word(l, 'exportFailed', { why: String(e.message ?? e) }),
          );
        },
      );
    });
  }
  const folder = gui.addFolder(word(lang, 'media'));
  folder.domElement.classList.add('media-menu');
  const present = folder.add(model, 'present').name(word(lang, 'present'));
  const snapshot = folder.add(model, 'snapshot').name(word(lang, 'snapshot'));
  let fromControl = folder.add(model, 'from', range.options).name(word(lang, 'from'));
  let toControl = folder.add(model, 'to', range.options).name(word(lang, 'to'));
  const shots = folder.add(model, 'shots').name(message(lang, 'storyExport', 'presenterShots'));
  // Another flight (an opened file) has other steps: the range choices follow it.
  store.subscribe((_, change) => {
    if (!change.scenario && !change.lang) return;
    const next = rangeChoices(store);
    if (change.scenario) {
      model.from = next.from;
      model.to = next.to;
    }
    // lil-gui's options() replaces a controller at the folder's end: keep the place of the old one.
    const anchor = fromControl.domElement.previousElementSibling;
    fromControl = fromControl.options(next.options).name(word(store.get().lang, 'from'));
    toControl = toControl.options(next.options).name(word(store.get().lang, 'to'));
    anchor?.after(fromControl.domElement, toControl.domElement);
    toControl.domElement.after(shots.domElement);
    if (change.lang) relabel(store.get().lang);
  });
  const formats = (l: string) => ({ [word(l, 'formatAuto')]: 'auto', MP4: 'mp4', WebM: 'webm' });
  const size = folder
    .add(model, 'size', ['1280x720', '1920x1080'])
    .name(word(lang, 'size'))
    .onChange(() => probe());
  const fps = folder
    .add(model, 'fps', [30, 60])
    .name(word(lang, 'fps'))
    .onChange(() => probe());
  let format = folder.add(model, 'format', formats(lang)).name(word(lang, 'format'));
  const subtitles = folder.add(model, 'subtitles').name(message(lang, 'storyExport', 'subtitles'));
  const exportVideo = folder.add(model, 'exportVideo').name(word(lang, 'exportVideo'));
  const storyVideo = folder.add(model, 'storyVideo').name(message(lang, 'storyExport', 'storyVideo'));
  exportVideo.domElement.dataset.testid = 'export-video';
  storyVideo.domElement.dataset.testid = 'export-story';
  folder.onOpenClose(() => probe());
  /** Every label in the language now chosen (the menu is built once; a language switch rewords it). */
  function relabel(l: string): void {
    folder.title(word(l, 'media'));
    present.name(word(l, 'present'));
    snapshot.name(word(l, 'snapshot'));
    size.name(word(l, 'size'));
    fps.name(word(l, 'fps'));
    format = format.options(formats(l)).name(word(l, 'format'));
    subtitles.domElement.before(format.domElement);
    shots.name(message(l, 'storyExport', 'presenterShots'));
    subtitles.name(message(l, 'storyExport', 'subtitles'));
    exportVideo.name(word(l, 'exportVideo'));
    storyVideo.name(message(l, 'storyExport', 'storyVideo'));
  }
  folder.close();
  return folder;
}
