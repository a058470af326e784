/**
 * Adds the offline basemap to a Cesium viewer: a client-drawn imagery layer (land with shaded relief
 * and settlement areas, sea, lakes, rivers, borders, admin-1 outlines, runways) above the base
 * imagery, and place labels. The data comes from assets/basemap/ (same origin; Vite bundles it as
 * hashed files).
 */
import { ImageryLayer, type Viewer } from 'cesium';
import { decodeGeometry, type EncodedGeometry, type Places } from './basemapData.ts';
import { BasemapImageryProvider } from './BasemapImageryProvider.ts';
import { BasemapLabels, type BasemapLanguage } from './basemapLabels.ts';
import { DEFAULT_STYLE, type BasemapStyle } from './basemapStyle.ts';
import { decodeRelief, type HeightGrid } from './reliefData.ts';
import { decodeSettlements, type EncodedSettlements, type Settlement } from './settlementAreas.ts';
import type { LabelSink } from '../labels/mapLabel.ts';

const GEOMETRY_URL = new URL('../../../assets/basemap/geometry.json', import.meta.url).href;
const PLACES_URL = new URL('../../../assets/basemap/places.json', import.meta.url).href;
const RELIEF_URL = new URL('../../../assets/basemap/relief.bin', import.meta.url).href;
const SETTLEMENTS_URL = new URL('../../../assets/basemap/settlements.json', import.meta.url).href;

export interface BasemapOptions {
  readonly language?: BasemapLanguage;
  readonly style?: Partial<BasemapStyle>;
  /** Show place labels (default true, when there is a label layer to place them). */
  readonly labels?: boolean;
  /** The globe's label layer, which places and draws the map's labels with all others. */
  readonly labelLayer?: LabelSink;
  /**
   * Mute the imagery below the map (NaturalEarthII) so that outside the covered region it reads as
   * quiet context, not a second, brighter map (default true).
   */
  readonly muteBaseImagery?: boolean;
}

export interface Basemap {
  readonly layer: ImageryLayer;
  readonly provider: BasemapImageryProvider;
  readonly places: Places;
  setLanguage(language: BasemapLanguage): void;
  setVisible(visible: boolean): void;
  /** Texts of the labels currently defined (for tests). */
  labelTexts(): string[];
  /** Texts of the labels in view: in their band, in front of the horizon, on the canvas (for tests). */
  inViewLabelTexts(): string[];
  /** Texts of the labels shown now, as drawn (for tests). */
  shownLabelTexts(): string[];
  destroy(): void;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`basemap: ${url} answered ${response.status}`);
  return response;
}

async function fetchJson<T>(url: string): Promise<T> {
  return (await (await fetchOk(url)).json()) as T;
}

/** The surface layers are optional: without them the land is drawn flat, as before they existed. */
async function optional<T>(what: string, load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (err) {
    console.warn(`basemap: drawn without ${what}:`, err);
    return undefined;
  }
}

export async function addBasemap(viewer: Viewer, options: BasemapOptions = {}): Promise<Basemap> {
  const [encoded, places, relief, settlements] = await Promise.all([
    fetchJson<EncodedGeometry>(GEOMETRY_URL),
    fetchJson<Places>(PLACES_URL),
    optional<HeightGrid>('relief', async () => decodeRelief(await (await fetchOk(RELIEF_URL)).arrayBuffer())),
    optional<Settlement[]>('settlement areas', async () => decodeSettlements(await fetchJson<EncodedSettlements>(SETTLEMENTS_URL))),
  ]);
  const style: BasemapStyle = { ...DEFAULT_STYLE, ...options.style };
  const geometry = decodeGeometry(encoded);
  const provider = new BasemapImageryProvider(
    geometry,
    places.airports.flatMap((a) => a.runways),
    style,
    () => viewer.scene.requestRender(),
    { relief, settlements },
  );
  const layer = new ImageryLayer(provider, { rectangle: provider.rectangle });
  const base = viewer.imageryLayers.length > 0 ? viewer.imageryLayers.get(0) : undefined;
  const baseLook = base ? { brightness: base.brightness, saturation: base.saturation, contrast: base.contrast } : undefined;
  if (base && options.muteBaseImagery !== false) {
    base.brightness = 0.55;
    base.saturation = 0.35;
    base.contrast = 0.9;
  }
  // Just above the base imagery: online tiles (onlineImagery.ts) may already lie above it.
  viewer.imageryLayers.add(layer, base ? 1 : 0);
  const labels = options.labels === false || !options.labelLayer ? undefined : new BasemapLabels(options.labelLayer, places, style, options.language ?? 'en');
  viewer.scene.requestRender();
  return {
    layer,
    provider,
    places,
    setLanguage: (language) => labels?.setLanguage(language),
    setVisible: (visible) => {
      layer.show = visible;
      labels?.setVisible(visible);
      viewer.scene.requestRender();
    },
    labelTexts: () => labels?.texts() ?? [],
    inViewLabelTexts: () => labels?.inViewTexts() ?? [],
    shownLabelTexts: () => labels?.shownTexts() ?? [],
    destroy: () => {
      labels?.destroy();
      viewer.imageryLayers.remove(layer, true);
      if (base && baseLook && !base.isDestroyed()) Object.assign(base, baseLook);
      viewer.scene.requestRender();
    },
  };
}
