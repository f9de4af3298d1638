// What the alarm queue reads from the wall's URL: `?chime=1` turns the chime on at start;
// `?alarmDwellMs=` shortens (or lengthens) the fly-to's dwell, for tests and rehearsals.
import { FLIGHT_DEFAULTS } from './alarmFlight.ts';

export interface AlarmParams {
  chime: boolean;
  dwellMs: number;
}

const DWELL_LIMITS_MS = [500, 600_000] as const;

export function readAlarmParams(search: string): AlarmParams {
  const params = new URLSearchParams(search);
  const dwell = Number(params.get('alarmDwellMs') ?? Number.NaN);
  const [min, max] = DWELL_LIMITS_MS;
  return {
    chime: params.get('chime') === '1',
    dwellMs: Number.isInteger(dwell) && dwell >= min && dwell <= max ? dwell : FLIGHT_DEFAULTS.dwellMs,
  };
}
