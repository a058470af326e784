/**
 * The baseline for `npm run bench`: a default Cesium Viewer with the same bundled imagery and the
 * same view as the app, and nothing else. Marks first frame and "tiles loaded" like the app does.
 */
import 'cesium/Build/Cesium/Widgets/widgets.css';
import { Cartesian3, EllipsoidTerrainProvider, ImageryLayer, Ion, TileMapServiceImageryProvider, Viewer, buildModuleUrl, Math as CesiumMath } from 'cesium';

Ion.defaultAccessToken = '';
const viewer = new Viewer('globe', {
  baseLayer: ImageryLayer.fromProviderAsync(TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'))),
  terrainProvider: new EllipsoidTerrainProvider(),
  baseLayerPicker: false,
  geocoder: false,
});
viewer.camera.setView({ destination: Cartesian3.fromDegrees(48.2, 36.2, 1.25e6), orientation: { heading: 0, pitch: CesiumMath.toRadians(-62), roll: 0 } });
viewer.clock.shouldAnimate = true;
let frames = 0;
const w = window as unknown as { benchFrames: () => number; benchReady: Promise<void> };
w.benchFrames = () => frames;
w.benchReady = new Promise<void>((resolve) => {
  viewer.scene.postRender.addEventListener(() => {
    frames++;
    if (frames === 1) performance.mark('flightrecon:first-frame');
    if (viewer.scene.globe.tilesLoaded && !performance.getEntriesByName('flightrecon:ready').length) {
      performance.mark('flightrecon:ready');
      resolve();
    }
  });
});
