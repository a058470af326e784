/** The globe as a RenderSurface for video export and snapshots (see src/app/renderSurface.ts). */
import type { RenderSurface } from '../app/renderSurface';
import type { GlobeView } from './GlobeView';

const MAX_SETTLE_FRAMES = 60;

export function createRenderSurface(globe: GlobeView): RenderSurface {
  const viewer = globe.viewer;
  const container = viewer.container as HTMLElement;
  let saved: { style: string | null } | null = null;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  return {
    container,
    async renderFrame(settle) {
      await globe.nextFrame();
      if (!settle) return;
      // Tiles load asynchronously; a frame-exact export waits for them (bounded, so it never hangs).
      for (let i = 0; i < MAX_SETTLE_FRAMES && !viewer.scene.globe.tilesLoaded; i++) {
        await wait(20);
        await globe.nextFrame();
      }
    },
    cutCamera(on) {
      globe.cutCamera(on);
    },
    cameraClock(now) {
      globe.cameraClock(now);
    },
    async setOutputSize(size) {
      if (size) {
        if (!saved) saved = { style: container.getAttribute('style') };
        const k = Math.min(1, window.innerWidth / size.width, window.innerHeight / size.height);
        Object.assign(container.style, {
          position: 'fixed',
          left: '0',
          top: '0',
          right: 'auto',
          bottom: 'auto',
          width: `${size.width}px`,
          height: `${size.height}px`,
          transformOrigin: '0 0',
          transform: `scale(${k})`,
        });
        // Canvas pixels = CSS pixels at the best tier (resolution scale 1, useBrowserRecommendedResolution),
        // so the video gets exactly this size and the adaptive quality does not change it mid-export.
        globe.holdBestQuality(true);
      } else if (saved) {
        if (saved.style === null) container.removeAttribute('style');
        else container.setAttribute('style', saved.style);
        globe.holdBestQuality(false);
        saved = null;
      }
      // Others inside #globe (an overlay canvas) follow window resizes; the globe re-frames at once.
      window.dispatchEvent(new Event('resize'));
      globe.refit();
      await globe.nextFrame();
      await globe.nextFrame();
    },
  };
}
