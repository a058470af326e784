import { describe, expect, it } from 'vitest';
import { SYSTEMS, type SystemId, type SystemStatus } from '../../src/scenario/damageEvent';
import { systemsSummary } from '../../src/ui/systemsText';

const all = (status: SystemStatus) => Object.fromEntries(SYSTEMS.map((id) => [id, status])) as Record<SystemId, SystemStatus>;

describe('systems summary: the folded panel names the main fault in one line', () => {
  it('before the impact: no fault reported', () => {
    expect(systemsSummary(all('normal'), 'en')).toEqual({ lead: 'no fault reported', more: 0, all: [] });
    expect(systemsSummary(all('normal'), 'de').lead).toBe('kein Fehler berichtet');
  });

  it('after the first impact: the autopilot', () => {
    const s = systemsSummary({ ...all('normal'), autopilot: 'disconnected' }, 'en');
    expect(s).toEqual({ lead: 'Autopilot disconnected', more: 0, all: ['Autopilot disconnected'] });
  });

  it('hydraulics come first, counted; the other faults are counted after them', () => {
    const one = systemsSummary({ ...all('normal'), autopilot: 'disconnected', 'hydraulics-3': 'failed', 'flight-controls': 'frozen' }, 'en');
    expect(one.lead).toBe('1 hydraulic system failed');
    expect(one.more).toBe(2);
    expect(one.all).toEqual(['1 hydraulic system failed', 'Flight controls frozen', 'Autopilot disconnected']);
    const end = systemsSummary(
      {
        autopilot: 'disconnected',
        'flight-controls': 'frozen',
        'hydraulics-1': 'failed',
        'hydraulics-2': 'failed',
        'hydraulics-3': 'failed',
        'pitch-trim': 'failed',
        pressurisation: 'depressurising',
      },
      'de',
    );
    expect(end.lead).toBe('3 Hydrauliksysteme ausgefallen');
    expect(end.more).toBe(4);
  });
});
