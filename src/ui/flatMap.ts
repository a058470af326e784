/**
 * The 2D fallback for browsers without WebGL: the track (styled by provenance, as on the globe),
 * the scenario's places, a graticule and the aircraft, drawn as SVG. Captions and steps work as usual.
 */
import type { AppState, Change } from '../app/store';
import { placeLabel, type Scenario } from '../scenario/model';
import { trackRuns } from '../geo/trackPosition';
import { PROVENANCE_STYLES } from '../theme/styles';
import { el } from './dom';

const NS = 'http://www.w3.org/2000/svg';
const W = 1000;
const H = 620;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

interface Projection {
  x(lon: number): number;
  y(lat: number): number;
}

function fit(scenario: Scenario): Projection {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const s of scenario.track) {
    minLat = Math.min(minLat, s.lat);
    maxLat = Math.max(maxLat, s.lat);
    minLon = Math.min(minLon, s.lon);
    maxLon = Math.max(maxLon, s.lon);
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(0.01, (maxLon - minLon) * k);
  const spanY = Math.max(0.01, maxLat - minLat);
  // Fit into the part of the screen the panels leave free (as the globe's overview does).
  const scale = Math.min((W * 0.36) / spanX, (H * 0.46) / spanY);
  const cx = (minLon + maxLon) / 2;
  const cy = (minLat + maxLat) / 2;
  return { x: (lon) => W * 0.49 + (lon - cx) * k * scale, y: (lat) => H * 0.34 - (lat - cy) * scale };
}

export class FlatMap {
  readonly element = el('div', 'flat-map');
  private readonly root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img' });
  private readonly aircraft = svg('path', { d: 'M0,-12 L7,9 L0,4 L-7,9 Z', fill: '#ffe14d', stroke: '#111', 'stroke-width': 1.5 });
  private projection: Projection | null = null;

  constructor(parent: HTMLElement) {
    this.element.dataset.testid = 'flat-map';
    this.element.append(this.root);
    parent.append(this.element);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.scenario || change.lang || !this.projection) this.draw(state);
    if (change.time || change.scenario) this.moveAircraft(state);
  };

  private draw(state: AppState): void {
    const { scenario, lang } = state;
    const p = fit(scenario);
    this.projection = p;
    this.root.replaceChildren();
    this.root.setAttribute('aria-label', `2D map of the track of ${scenario.flight.flightNumber}`);
    const grid = svg('g', { stroke: 'rgba(255,255,255,0.12)', 'stroke-width': 1 });
    for (let lon = -180; lon <= 180; lon++) grid.append(svg('line', { x1: p.x(lon), x2: p.x(lon), y1: 0, y2: H }));
    for (let lat = -90; lat <= 90; lat++) grid.append(svg('line', { x1: 0, x2: W, y1: p.y(lat), y2: p.y(lat) }));
    this.root.append(grid);
    for (const run of trackRuns(scenario.track, 5000)) {
      const style = PROVENANCE_STYLES[run.provenance];
      const d = run.vertices.map((v, i) => `${i ? 'L' : 'M'}${p.x(v.lon).toFixed(1)},${p.y(v.lat).toFixed(1)}`).join('');
      const path = svg('path', { d, fill: 'none', stroke: style.css, 'stroke-width': style.widthPx, 'stroke-linecap': 'round' });
      if (style.dash) path.setAttribute('stroke-dasharray', run.provenance === 'reported' ? '12 5' : '5 5');
      path.dataset.provenance = run.provenance;
      this.root.append(path);
    }
    for (const place of scenario.places.values()) {
      if (place.kind === 'waypoint' || place.kind === 'city') continue;
      const x = p.x(place.lon);
      const y = p.y(place.lat);
      const red = place.kind !== 'airport';
      this.root.append(svg('circle', { cx: x, cy: y, r: 6, fill: red ? '#ff4d4d' : '#fff', stroke: '#000', 'stroke-width': 2 }));
      const label = svg('text', { x: x + 10, y: y + 5, fill: red ? '#ff8080' : '#fff', 'font-size': 18, 'font-weight': 600 });
      label.textContent = place.kind === 'airport' && place.iata ? `${place.iata} · ${placeLabel(place, lang)}` : placeLabel(place, lang);
      this.root.append(label);
    }
    this.root.append(this.aircraft);
  }

  private moveAircraft(state: AppState): void {
    const p = this.projection;
    if (!p) return;
    const a = state.aircraft;
    this.aircraft.setAttribute('transform', `translate(${p.x(a.lon).toFixed(1)},${p.y(a.lat).toFixed(1)}) rotate(${a.headingDeg.toFixed(1)})`);
  }
}
