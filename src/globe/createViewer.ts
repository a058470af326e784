/**
 * A Cesium Viewer that needs no network and no token: bundled NaturalEarthII imagery, ellipsoid
 * terrain, no ion, no geocoder. Quality defaults chosen for weak GPUs (platform notes: the default
 * viewer draws ~2.5 fps on a software renderer, these settings ~10).
 */
import { Color, Credit, CreditDisplay, EllipsoidTerrainProvider, ImageryLayer, Ion, TileMapServiceImageryProvider, Viewer, buildModuleUrl } from 'cesium';

/** Cesium's own credit, as text: the default is the "Cesium ion" logo, and no ion service is used here. */
const CESIUM_CREDIT = '<a href="https://cesium.com/platform/cesiumjs/" target="_blank" rel="noopener noreferrer">CesiumJS</a>';

export interface ViewerOptions {
  /** Keeps the drawing buffer so pixels can be read back (tests, snapshots). */
  readonly preserveDrawingBuffer?: boolean;
}

export function createViewer(container: HTMLElement, options: ViewerOptions = {}): Viewer {
  // Never talk to Cesium ion: no default token, nothing that would use it.
  Ion.defaultAccessToken = '';
  CreditDisplay.cesiumCredit = new Credit(CESIUM_CREDIT, true);
  const viewer = new Viewer(container, {
    baseLayer: ImageryLayer.fromProviderAsync(TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    terrainProvider: new EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    animation: false,
    timeline: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    scene3DOnly: true,
    // Errors are reported in the app's own notices (GlobeView), not in Cesium's panel.
    showRenderLoopErrors: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
    msaaSamples: 1,
    // Sorted translucency is enough for the few faint surfaces here (curtain, corridor, zones); OIT costs extra passes.
    orderIndependentTranslucency: false,
    skyBox: false,
    skyAtmosphere: false,
    contextOptions: { webgl: { preserveDrawingBuffer: options.preserveDrawingBuffer ?? false, alpha: false } },
  });
  const scene = viewer.scene;
  scene.backgroundColor = Color.fromCssColorString('#0b1622');
  scene.fog.enabled = false;
  scene.globe.showGroundAtmosphere = false;
  scene.globe.enableLighting = false;
  scene.globe.baseColor = Color.fromCssColorString('#1d3147');
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  // Keep the credits (NaturalEarthII) visible but out of the caption's way.
  viewer.cesiumWidget.creditContainer.classList.add('globe-credits');
  viewer.cesiumWidget.creditContainer.querySelector('.cesium-widget-credits')?.classList.add('hud-panel');
  return viewer;
}
