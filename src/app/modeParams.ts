/**
 * URL parameters of the modes made for presenting and embedding (pure; urlState.ts has the rest):
 * `embed=1` turns on the postMessage interface, `origin=` names the pages allowed to use it,
 * `dwell=` makes presenter mode advance by itself after that many seconds.
 */
import { message, say, type Say } from '../i18n/catalogue';
export interface ModeParams {
  readonly embed: boolean;
  /** Origins allowed to send commands; '*' means any page. Empty: only the app's own origin. */
  readonly origins: readonly string[];
  readonly dwellSeconds: number | null;
  readonly problems: readonly Say[];
}

/** "https://example.org" from "https://example.org/", or null when it is not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  if (value === '*') return '*';
  try {
    const u = new URL(value);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.pathname !== '/' || u.search || u.hash || u.username || u.password) return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function readModeParams(search: string): ModeParams {
  const params = new URLSearchParams(search);
  const problems: Say[] = [];
  const ignored = (name: string, value: string, why: Say): void => {
    problems.push((lang) => message(lang, 'url', 'ignored', { name, value: JSON.stringify(value), why: why(lang) }));
  };
  const embed = params.get('embed');
  if (embed !== null && embed !== '1' && embed !== '0') ignored('embed', embed.slice(0, 20), say('url', 'oneOrZero'));
  const origins: string[] = [];
  for (const raw of params.getAll('origin').flatMap((v) => v.split(','))) {
    const o = normalizeOrigin(raw.trim());
    if (o) origins.push(o);
    else ignored('origin', raw.slice(0, 60), say('url', 'origin'));
  }
  let dwellSeconds: number | null = null;
  const dwell = params.get('dwell');
  if (dwell !== null) {
    const x = /^\d+(\.\d+)?$/.test(dwell) ? Number(dwell) : NaN;
    if (x >= 1 && x <= 600) dwellSeconds = x;
    else ignored('dwell', dwell.slice(0, 20), say('url', 'dwell'));
  }
  return { embed: embed === '1', origins, dwellSeconds, problems };
}

/** Whether a message from `origin` may steer the app. Same origin is always allowed. */
export function originAllowed(origin: string, own: string, allowed: readonly string[]): boolean {
  return origin === own || allowed.includes('*') || allowed.includes(origin);
}
