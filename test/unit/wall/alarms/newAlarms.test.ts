import { describe, expect, it } from 'vitest';
import { newAlarms } from '../../../../wall/alarms/newAlarms.ts';
import { alarm } from './alarmItems.ts';

describe('new alarm items', () => {
  it('offersOnlyItemsNumberedAfterTheLastTaken', () => {
    const items = [alarm({ no: 12 }), alarm({ no: 11 }), alarm({ no: 10 })];
    expect(newAlarms(items, 10)).toEqual({ items: items.slice(0, 2), lastNo: 12 });
    expect(newAlarms(items, 12)).toEqual({ items: [], lastNo: 12 });
  });

  it('offersEverythingOnceARestartedRelayNumbersFromOneAgain', () => {
    const items = [alarm({ no: 2 }), alarm({ no: 1 })];
    expect(newAlarms(items, 40)).toEqual({ items, lastNo: 2 });
  });

  it('keepsItsPlaceWhileTheRelayHoldsNoAlarm', () => {
    expect(newAlarms([], 7)).toEqual({ items: [], lastNo: 7 });
  });
});
