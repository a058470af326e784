/**
 * Opt-in online map tiles (an XYZ URL template, e.g. OpenStreetMap) over the offline map. Off by
 * default. When tiles keep failing (offline, wrong URL, server refuses) the online layer is removed,
 * so the offline map shows again, and the caller is told once.
 */
import { Credit, ImageryLayer, UrlTemplateImageryProvider, type TileProviderError, type Viewer } from 'cesium';
import { say, type Say } from '../../i18n/catalogue';

/** Failed tiles before giving up on the online layer (a single missing tile is not a failure). */
const FAILURES_BEFORE_FALLBACK = 3;

export class OnlineImagery {
  private layer: ImageryLayer | null = null;
  private template: string | null = null;

  constructor(
    private readonly viewer: Viewer,
    private readonly onFailed: (message: Say) => void,
  ) {}

  /** Shows tiles from `template` ({z}/{x}/{y}) on top of the offline map, or none (null). */
  set(template: string | null, credit?: string): void {
    if (template === this.template) return;
    this.remove();
    this.template = template;
    if (!template) return;
    const host = new URL(template.replace(/[{}]/g, '')).host;
    const provider = new UrlTemplateImageryProvider({ url: template, maximumLevel: 19, credit: new Credit(credit ?? `Map tiles: ${host}`) });
    let failures = 0;
    provider.errorEvent.addEventListener((error: TileProviderError) => {
      error.retry = false;
      if (++failures !== FAILURES_BEFORE_FALLBACK || this.template !== template) return;
      // Not inside Cesium's own error handling: remove the layer on the next task.
      setTimeout(() => {
        if (this.template !== template) return;
        this.remove();
        this.onFailed(say('notices', 'onlineFailed', { host }));
      }, 0);
    });
    this.layer = new ImageryLayer(provider);
    this.viewer.imageryLayers.add(this.layer);
    this.viewer.scene.requestRender();
  }

  private remove(): void {
    if (this.layer) this.viewer.imageryLayers.remove(this.layer, true);
    this.layer = null;
    this.viewer.scene.requestRender();
  }
}
