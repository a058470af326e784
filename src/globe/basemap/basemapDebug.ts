/**
 * Test-only hooks for the offline map (window.flightrecon.debug, set by main.ts): an exact camera
 * view, the screen position of a place, a wait for the view's imagery, the basemap's label texts and drawing figures. Not used by
 * the app itself.
 */
import { Cartesian3, Math as CesiumMath, SceneTransforms, type Viewer } from 'cesium';
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
