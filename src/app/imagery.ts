/**
 * Opt-in online map tiles (off by default: the app then makes no request off its origin).
 * A setting is 'offline', 'osm' (OpenStreetMap's standard tiles) or an XYZ tile URL template.
 * Pure: validation and the template for each setting.
 */
import { say, type Say } from '../i18n/catalogue';

export const OFFLINE_IMAGERY = 'offline';
export const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_CREDIT = '© OpenStreetMap contributors (tiles: tile.openstreetmap.org)';

export type ImageryReading = { readonly ok: true; readonly setting: string } | { readonly ok: false; readonly reason: Say };

/** Checks a setting: 'offline', 'osm', or an http(s) URL containing {z}, {x} and {y}. */
export function readImagery(value: string): ImageryReading {
  const v = value.trim();
  if (v === OFFLINE_IMAGERY || v === 'osm') return { ok: true, setting: v };
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { ok: false, reason: say('url', 'imagery') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: say('url', 'imageryScheme') };
  if (url.username || url.password) return { ok: false, reason: say('url', 'imageryUser') };
  for (const part of ['{z}', '{x}', '{y}']) if (!v.includes(part)) return { ok: false, reason: say('url', 'imageryPart', { part }) };
  return { ok: true, setting: v };
}

/** The XYZ template to load for a setting, or null for the offline map. */
export function imageryTemplate(setting: string): string | null {
  if (setting === 'osm') return OSM_TILES;
  return setting === OFFLINE_IMAGERY ? null : setting;
}
