/**
 * Test-only hooks for the offline map (window.flightrecon.debug, set by main.ts): an exact camera
 * view, the screen position of a place, a wait for the view's imagery, the basemap's label texts and drawing figures. Not used by
 * the app itself.
 */
import { Cartesian3, Cartographic, CzmlDataSource, JulianDate, Math as CesiumMath, SceneTransforms, type Viewer } from 'cesium';
import type { GlobeDebug } from '../../app/api.ts';
import type { Basemap } from './addBasemap.ts';

export function createGlobeDebug(
  viewer: Viewer,
  basemap: () => Basemap | null,
  whenDrawn: () => Promise<void>,
  labelStats: GlobeDebug['labelStats'],
  labelCandidates: GlobeDebug['labelCandidates'],
): GlobeDebug {
  return {
    // Cesium's own CZML reader, as an independent check of the CZML export (not added to the scene).
    readCzml: async (text) => {
      const source = await CzmlDataSource.load(JSON.parse(text) as object[]);
      const entities = source.entities.values;
      const track = source.entities.getById('track');
      const interval = track?.availability?.get(0);
      let sampleAt: { lon: number; lat: number; heightM: number } | null = null;
      if (track?.position && interval) {
        const p = track.position.getValue(interval.start);
        if (p) {
          const c = Cartographic.fromCartesian(p);
          sampleAt = { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude), heightM: c.height };
        }
      }
      return {
        entities: entities.length,
        ids: entities.map((e) => e.id),
        start: interval ? JulianDate.toIso8601(interval.start, 0) : null,
        stop: interval ? JulianDate.toIso8601(interval.stop, 0) : null,
        first: sampleAt,
      };
    },
    setView: async (lon, lat, heightM, headingDeg = 0, pitchDeg = -90) => {
      viewer.camera.cancelFlight();
      viewer.camera.setView({
        destination: Cartesian3.fromDegrees(lon, lat, heightM),
        orientation: { heading: CesiumMath.toRadians(headingDeg), pitch: CesiumMath.toRadians(pitchDeg), roll: 0 },
      });
      viewer.scene.requestRender();
      await whenDrawn();
    },
    imageryLoaded: whenDrawn,
    project: (lon, lat) => onPage(viewer, Cartesian3.fromDegrees(lon, lat, 0)),
    basemapLabels: () => {
      const b = basemap();
      return b ? { all: b.labelTexts(), inView: b.inViewLabelTexts(), shown: b.shownLabelTexts() } : { all: [], inView: [], shown: [] };
    },
    basemapStats: () => {
      const s = basemap()?.provider.stats;
      return s ? { tilesDrawn: s.tilesDrawn, drawMs: Math.round(s.drawMs) } : null;
    },
    labelStats,
    labelCandidates,
  };
}

/** Page position (CSS pixels) of a point, or null when it is off the canvas or behind the Earth. */
function onPage(viewer: Viewer, position: Cartesian3): { x: number; y: number } | null {
  const p = SceneTransforms.worldToWindowCoordinates(viewer.scene, position);
  if (!p) return null;
  const box = viewer.canvas.getBoundingClientRect();
  const x = box.left + p.x;
  const y = box.top + p.y;
  return x >= box.left && x < box.right && y >= box.top && y < box.bottom ? { x, y } : null;
}
