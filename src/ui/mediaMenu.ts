/**
 * "Present & export" in the control panel: presenter mode, a PNG snapshot, and a video of a range
 * of steps. Writes intentions only (store, media service); downloads are local blob: links.
 */
import type GUI from 'lil-gui';
import type { Store } from '../app/store';
import type { MediaService } from '../export/mediaService';
import { localize } from '../scenario/model';
import { word } from './presenter/words';

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
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
    size: '1280x720',
    fps: 30,
    format: 'auto',
    exportVideo: () => {
      const [width, height] = model.size.split('x').map(Number);
      const format = model.format === 'auto' ? undefined : (model.format as 'mp4' | 'webm');
      media.exportVideo({ from: model.from, to: model.to, width, height, fps: model.fps, format }).then(
        (b) => {
          const name = `flightrecon-${model.from}-${model.to}.${b.type === 'video/mp4' ? 'mp4' : 'webm'}`;
          download(b, name);
          store.notify('info', (l) => word(l, 'exportDone', { name }));
        },
        (err: unknown) => {
          const e = err as Error;
          store.notify(
            e.name === 'AbortError' ? 'info' : 'error',
            e.name === 'AbortError' ? (l) => word(l, 'exportCanceled') : (l) => word(l, 'exportFailed', { why: String(e.message ?? e) }),
          );
        },
      );
    },
  };
  const folder = gui.addFolder(word(lang, 'media'));
  folder.domElement.classList.add('media-menu');
  const present = folder.add(model, 'present').name(word(lang, 'present'));
  const snapshot = folder.add(model, 'snapshot').name(word(lang, 'snapshot'));
  let fromControl = folder.add(model, 'from', range.options).name(word(lang, 'from'));
  let toControl = folder.add(model, 'to', range.options).name(word(lang, 'to'));
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
    if (change.lang) relabel(store.get().lang);
  });
  const formats = (l: string) => ({ [word(l, 'formatAuto')]: 'auto', MP4: 'mp4', WebM: 'webm' });
  const size = folder.add(model, 'size', ['1280x720', '1920x1080']).name(word(lang, 'size'));
  const fps = folder.add(model, 'fps', [30, 60]).name(word(lang, 'fps'));
  let format = folder.add(model, 'format', formats(lang)).name(word(lang, 'format'));
  const exportVideo = folder.add(model, 'exportVideo').name(word(lang, 'exportVideo'));
  /** Every label in the language now chosen (the menu is built once; a language switch rewords it). */
  function relabel(l: string): void {
    folder.title(word(l, 'media'));
    present.name(word(l, 'present'));
    snapshot.name(word(l, 'snapshot'));
    size.name(word(l, 'size'));
    fps.name(word(l, 'fps'));
    format = format.options(formats(l)).name(word(l, 'format'));
    exportVideo.domElement.before(format.domElement);
    exportVideo.name(word(l, 'exportVideo'));
  }
  folder.close();
  return folder;
}
