/** UTC and fixed-offset local time formatting, and strict parsing of ISO instants. Pure. */

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z$/;

/** Parses "2024-12-25T05:13:31Z" (seconds and milliseconds optional, Z required); null if invalid. */
export function parseUtcInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const t = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, s ? +s : 0, ms ? +ms.padEnd(3, '0') : 0);
  const back = new Date(t);
  // Reject overflowing fields such as 25:00 or 2024-02-31, which Date.UTC would roll over.
  if (back.getUTCDate() !== +d! || back.getUTCHours() !== +h! || back.getUTCMinutes() !== +mi! || (s !== undefined && back.getUTCSeconds() !== +s)) return null;
  return t;
}

const pad = (n: number) => (n < 10 ? '0' : '') + n;

function hms(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "2024-12-25T05:13:31Z" (milliseconds only when not whole seconds). */
export function formatIsoUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, 19) + 'Z' : iso;
}

/** "05:13:31 UTC" */
export function formatUtcClock(ms: number): string {
  return `${hms(ms)} UTC`;
}

/** "UTC+4", "UTC+5:30", "UTC-3" */
export function formatOffset(offsetMin: number): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? ':' + pad(m) : ''}`;
}

/** Local wall-clock time at a fixed offset from UTC: "09:13:31". */
export function formatLocalClock(ms: number, offsetMin: number): string {
  return hms(ms + offsetMin * 60000);
}

/** Local calendar date at a fixed offset: "2024-12-25". */
export function formatLocalDate(ms: number, offsetMin: number): string {
  return new Date(ms + offsetMin * 60000).toISOString().slice(0, 10);
}

/** "1:14:27" or "-0:00:05" for durations. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const s = Math.round(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
