// Everything the wall reads from its URL, parsed once when it opens (App builds the UI context
// from it): the relay token and language (store/wallParams.ts), the alarm queue's, the kiosk's
// and the tour's settings, privacy mode, and the search string the wall's frame reads its
// screen grid from (layout/).
import { readAlarmParams, type AlarmParams } from '../alarms/alarmParams.ts';
import { readKioskParams, type KioskParams } from '../kiosk/kioskParams.ts';
import { readWallParams, type WallParams } from '../store/wallParams.ts';

export interface UrlParams {
  wall: WallParams;
  alarms: AlarmParams;
  kiosk: KioskParams;
  /** `?tour=<name>`: the tour started when the wall opens; null for none. */
  tour: string | null;
  /** `?privacy=1` (or `true`): names, plates and notes masked from the first frame on. */
  privacy: boolean;
  /** The search string itself, for the frame's `?wall=` shape. */
  search: string;
}

export function readUrlParams(search: string): UrlParams {
  const params = new URLSearchParams(search);
  const tour = params.get('tour')?.trim();
  const privacy = params.get('privacy');
  return {
    wall: readWallParams(search),
    alarms: readAlarmParams(search),
    kiosk: readKioskParams(search),
    tour: tour ? tour : null,
    privacy: privacy === '1' || privacy === 'true',
    search,
  };
}
