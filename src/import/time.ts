/**
 * Times as track files write them: ISO 8601 with any fraction (milliseconds, microseconds,
 * nanoseconds), `Z` or an offset, `T` or a space; Unix seconds. Returns epoch ms or null.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseIsoTime(text: string, assumeUtc = true): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second) + (frac ? Math.round(Number(`0.${frac}`) * 1000) : 0);
  // Date.UTC rolls 30 February over into March: refuse dates that do not exist.
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (check.getUTCDate() !== day) return null;
  if (zone && !/^(Z|UTC)$/i.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60000;
  } else if (!zone && !assumeUtc) return null;
  return Number.isFinite(ms) ? ms : null;
}

/** Unix seconds (integer or fractional) as written in CSV/JSON; null when not a plausible number. */
export function parseUnixSeconds(text: string | number): number | null {
  const n = typeof text === 'number' ? text : Number(String(text).trim());
  if (!Number.isFinite(n) || n <= 0 || n > 4.1e9) return null;
  return Math.round(n * 1000);
}
