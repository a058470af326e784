/**
 * Runways to scale on a basemap tile: asphalt between the thresholds with an edge line, dashed centre
 * line and threshold bars; a bright bar of at least 3 px when narrower than 5 px. Path coordinates
 * are the tile renderer's: (lon - originLon, originLat - lat) in degrees, `px` degrees per pixel.
 */
import type { RegionBounds, Runway } from './basemapData.ts';
import type { BasemapStyle } from './basemapStyle.ts';
import { intersects, runwayCorners } from './tileMath.ts';

export function drawRunways(
  ctx: CanvasRenderingContext2D,
  runways: readonly Runway[],
  style: BasemapStyle,
  view: RegionBounds,
  px: number,
  originLon: number,
  originLat: number,
): void {
  for (const rw of runways) {
    const corners = runwayCorners(rw).map(([lon, lat]) => [lon - originLon, originLat - lat] as const);
    const lons = runwayCorners(rw).map((c) => c[0]);
    const lats = runwayCorners(rw).map((c) => c[1]);
    const box = { west: Math.min(...lons), east: Math.max(...lons), south: Math.min(...lats), north: Math.max(...lats) };
    if (!intersects(box, view)) continue;
    const [a, b, c, d] = corners as [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];
    const widthPx = Math.hypot(a[0] - d[0], a[1] - d[1]) / px;
    const e1 = [(a[0] + d[0]) / 2, (a[1] + d[1]) / 2] as const;
    const e2 = [(b[0] + c[0]) / 2, (b[1] + c[1]) / 2] as const;
    if (widthPx < 5) {
      // Too narrow to draw to scale: a bright bar of at least 3 px so it reads at all.
      ctx.strokeStyle = style.runwayEdge;
      ctx.lineWidth = Math.max(3, widthPx) * px;
      ctx.lineCap = 'butt';
      ctx.beginPath();
      ctx.moveTo(e1[0], e1[1]);
      ctx.lineTo(e2[0], e2[1]);
      ctx.stroke();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(a[0], a[1]);
    ctx.lineTo(b[0], b[1]);
    ctx.lineTo(c[0], c[1]);
    ctx.lineTo(d[0], d[1]);
    ctx.closePath();
    ctx.fillStyle = style.runway;
    ctx.fill();
    ctx.strokeStyle = style.runwayEdge;
    ctx.lineWidth = 1.5 * px;
    ctx.stroke();
    // Dashed centre line (30 m dashes, 20 m gaps, as painted on real runways) and threshold bars.
    const metre = Math.hypot(a[0] - d[0], a[1] - d[1]) / (rw.widthFt * 0.3048);
    ctx.strokeStyle = style.runwayMarking;
    ctx.lineWidth = Math.max(1, (0.9 * metre) / px) * px;
    ctx.setLineDash([30 * metre, 20 * metre]);
    ctx.beginPath();
    ctx.moveTo(e1[0], e1[1]);
    ctx.lineTo(e2[0], e2[1]);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = Math.max(1.5 * px, 6 * metre);
    ctx.beginPath();
    ctx.moveTo(a[0], a[1]);
    ctx.lineTo(d[0], d[1]);
    ctx.moveTo(b[0], b[1]);
    ctx.lineTo(c[0], c[1]);
    ctx.stroke();
  }
  ctx.lineCap = 'round';
}
