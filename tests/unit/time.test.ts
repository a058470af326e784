import { describe, expect, it } from 'vitest';
import { formatDuration, formatIsoUtc, formatLocalClock, formatLocalDate, formatOffset, formatUtcClock, parseUtcInstant } from '../../src/geo/time';

describe('UTC and local time', () => {
  const impact = Date.UTC(2024, 11, 25, 6, 27, 58);
  it('parses strict ISO UTC instants', () => {
    expect(parseUtcInstant('2024-12-25T06:27:58Z')).toBe(impact);
    expect(parseUtcInstant('2024-12-25T06:27Z')).toBe(Date.UTC(2024, 11, 25, 6, 27));
    expect(parseUtcInstant('2024-12-25T06:27:58.5Z')).toBe(impact + 500);
  });
  it('rejects local times, overflowing fields and junk', () => {
    for (const bad of [
      '2024-12-25T06:27:58',
      '2024-12-25T06:27:58+04:00',
      '2024-02-31T00:00:00Z',
      '2024-12-25T25:00:00Z',
      'yesterday',
      '',
      '2024-12-25T06:27:61Z',
    ]) {
      expect(parseUtcInstant(bad), bad).toBeNull();
    }
  });
  it('formats UTC', () => {
    expect(formatIsoUtc(impact)).toBe('2024-12-25T06:27:58Z');
    expect(formatIsoUtc(impact + 250)).toBe('2024-12-25T06:27:58.250Z');
    expect(formatUtcClock(impact)).toBe('06:27:58 UTC');
  });
  it('gives local time at Baku (UTC+4), Grozny (UTC+3) and Aktau (UTC+5)', () => {
    expect(formatLocalClock(impact, 240)).toBe('10:27:58');
    expect(formatLocalClock(impact, 180)).toBe('09:27:58');
    expect(formatLocalClock(impact, 300)).toBe('11:27:58');
    expect(formatOffset(300)).toBe('UTC+5');
    expect(formatOffset(-210)).toBe('UTC-3:30');
  });
  it('rolls the local date over midnight', () => {
    expect(formatLocalDate(Date.UTC(2024, 11, 25, 21, 0), 240)).toBe('2024-12-26');
    expect(formatLocalDate(Date.UTC(2024, 11, 25, 1, 0), -300)).toBe('2024-12-24');
  });
  it('formats durations', () => {
    expect(formatDuration(74 * 60 * 1000 + 27_000)).toBe('1:14:27');
    expect(formatDuration(-5000)).toBe('-0:00:05');
  });
});
