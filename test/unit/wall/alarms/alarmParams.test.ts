import { describe, expect, it } from 'vitest';
import { FLIGHT_DEFAULTS } from '../../../../wall/alarms/alarmFlight.ts';
import { readAlarmParams } from '../../../../wall/alarms/alarmParams.ts';

describe('alarm queue URL parameters', () => {
  it('chimeIsOffByDefaultAndOnWithChime1', () => {
    expect(readAlarmParams('')).toEqual({ chime: false, dwellMs: FLIGHT_DEFAULTS.dwellMs });
    expect(readAlarmParams('?chime=1').chime).toBe(true);
    expect(readAlarmParams('?chime=yes').chime).toBe(false);
  });

  it('takesADwellWithinLimitsAndIgnoresNonsense', () => {
    expect(readAlarmParams('?alarmDwellMs=2000').dwellMs).toBe(2_000);
    for (const bad of ['abc', '-5', '1.5', '0', '99999999', '']) {
      expect(readAlarmParams(`?alarmDwellMs=${bad}`).dwellMs).toBe(FLIGHT_DEFAULTS.dwellMs);
    }
  });
});
