import { describe, expect, it } from 'vitest';
import { opensOnTitle, readUrl, writeUrl } from '../../src/app/urlState';
import { loadScenario } from '../../src/scenario/validate';
import { minimalScenario } from '../fixtures/minimalScenario';

const r = loadScenario(minimalScenario());
if (!r.ok) throw new Error('fixture invalid');
const scenario = r.scenario;

describe('URL parameters', () => {
  it('reads every valid parameter', () => {
    const { intent, problems } = readUrl('?t=2024-12-25T04:15:00Z&step=middle&camera=follow&lang=de&speed=10&play=1&ui=0', scenario);
    expect(problems).toEqual([]);
    expect(intent).toEqual({ timeMs: Date.UTC(2024, 11, 25, 4, 15), stepId: 'middle', camera: 'follow', lang: 'de', speed: 10, play: true, ui: false });
  });

  it('ignores each invalid value with a readable reason', () => {
    const { intent, problems } = readUrl('?t=noon&step=nope&camera=drone&lang=xx&speed=-3&play=yes&ui=2', scenario);
    expect(intent).toEqual({});
    expect(problems).toHaveLength(7);
    expect(problems[0]!('en')).toMatch(/^Ignored t="noon": expected a UTC time/);
    expect(problems[2]!('en')).toMatch(/camera="drone": expected one of overview, follow/);
  });

  it('rejects times outside the flight', () => {
    const { problems } = readUrl('?t=2024-12-25T09:00:00Z', scenario);
    expect(problems[0]!('en')).toMatch(/outside the flight/);
  });

  it('shortens huge and control-character values in messages', () => {
    const { problems } = readUrl('?step=' + 'x'.repeat(5000) + '%00', scenario);
    expect(problems[0]!('en').length).toBeLessThan(120);
    expect(problems[0]!('en')).not.toMatch(/\u0000/);
  });

  it('writes the state back, keeping foreign parameters and readable colons', () => {
    const search = writeUrl('?embed=1&t=old&play=1', {
      timeMs: Date.UTC(2024, 11, 25, 4, 20),
      stepId: 'middle',
      camera: 'overview',
      lang: 'en',
      speed: 30,
      uiVisible: false,
    });
    expect(search).toBe('?embed=1&t=2024-12-25T04:20:00Z&step=middle&camera=overview&lang=en&speed=30&ui=0');
    expect(readUrl(search, scenario).problems).toEqual([]);
  });
  it('reads layers as a list, or as "-id" to hide one from the default', () => {
    expect(readUrl('?layers=corridor,profile', scenario).intent.layers).toEqual(['corridor', 'profile']);
    expect(readUrl('?layers=-claims', scenario).intent.layers).toEqual(['corridor', 'jamming', 'profile']);
    expect(readUrl('?layers=-claims,-profile', scenario).intent.layers).toEqual(['corridor', 'jamming']);
    const { intent, problems } = readUrl('?layers=corridor,rain', scenario);
    expect(intent.layers).toBeUndefined();
    expect(problems[0]!('en')).toMatch(/^Ignored layers="corridor,rain": expected a list of corridor, claims, jamming, profile/);
  });

  it('writes hidden layers as "-id" and leaves the parameter out when all are shown', () => {
    const snap = { timeMs: Date.UTC(2024, 11, 25, 4, 20), stepId: null, camera: 'overview' as const, lang: 'en', speed: 30, uiVisible: true };
    expect(writeUrl('', { ...snap, layers: ['corridor', 'claims', 'jamming', 'profile'] })).not.toMatch(/layers/);
    const search = writeUrl('', { ...snap, layers: ['corridor', 'profile'] });
    expect(search).toMatch(/&layers=-claims,-jamming$/);
    expect(readUrl(search, scenario).intent.layers).toEqual(['corridor', 'profile']);
  });

  it('reads quality=auto|high|low, names the choices for anything else, and writes it back unless auto', () => {
    expect(readUrl('?quality=low', scenario).intent.quality).toBe('low');
    expect(readUrl('?quality=high', scenario).intent.quality).toBe('high');
    for (const bad of ['', 'LOW', 'ultra', 'low<script>']) {
      const { intent, problems } = readUrl('?quality=' + encodeURIComponent(bad), scenario);
      expect(intent.quality).toBeUndefined();
      expect(problems[0]!('en')).toMatch(/^Ignored quality=".*": expected one of auto, high, low\.$/);
    }
    const snap = { timeMs: Date.UTC(2024, 11, 25, 4, 20), stepId: null, camera: 'overview' as const, lang: 'en', speed: 30, uiVisible: true };
    expect(writeUrl('?quality=low', { ...snap, quality: 'auto' })).not.toMatch(/quality/);
    const search = writeUrl('', { ...snap, quality: 'low' });
    expect(search).toMatch(/&quality=low$/);
    expect(readUrl(search, scenario).intent.quality).toBe('low');
  });
});

describe('title card and method page in the address', () => {
  it('a plain start opens on the title card; a moment, a step or play skip it; about=1 opens the method page', () => {
    expect(opensOnTitle(readUrl('', scenario).intent)).toBe(true);
    expect(opensOnTitle(readUrl('?lang=de&present=1', scenario).intent)).toBe(true);
    expect(opensOnTitle(readUrl('?step=middle', scenario).intent)).toBe(false);
    expect(opensOnTitle(readUrl('?t=2024-12-25T04:15:00Z', scenario).intent)).toBe(false);
    expect(opensOnTitle(readUrl('?play=1', scenario).intent)).toBe(false);
    expect(opensOnTitle(readUrl('?ui=0&embed=1', scenario).intent)).toBe(false);
    const about = readUrl('?about=1', scenario);
    expect(about.intent.about).toBe(true);
    expect(opensOnTitle(about.intent)).toBe(false);
    expect(readUrl('?about=yes', scenario).problems).toHaveLength(1);
  });

  it('the title card writes no moment (a reload opens on it again); the method page writes about=1', () => {
    const snap = { timeMs: Date.UTC(2024, 11, 25, 4, 0), stepId: 'start', camera: 'overview' as const, lang: 'en', speed: 60, uiVisible: true };
    const title = writeUrl('', { ...snap, card: 'title' });
    expect(title).not.toMatch(/[?&]t=|step=/);
    expect(writeUrl('', { ...snap, card: 'method' })).toMatch(/about=1/);
    expect(writeUrl('?about=1', { ...snap, card: null })).not.toMatch(/about/);
  });
});
