import { describe, expect, it } from 'vitest';
import { IdMemory } from '../../../../wall/alarms/idMemory.ts';
import { alarm, newestFirst } from './alarmItems.ts';

describe('alarm id memory', () => {
  it('offersAnItemDeliveredTwiceOnce', () => {
    const memory = new IdMemory(10);
    const items = newestFirst([alarm(), alarm()]);
    expect(memory.takeNew(items)).toEqual(items);
    const later = alarm();
    expect(memory.takeNew([later, ...items])).toEqual([later]);
  });

  it('countsTheSameIdTwiceInOneBatchOnce', () => {
    const first = alarm();
    const again = { ...first, no: first.no + 1 };
    expect(new IdMemory(10).takeNew([again, first])).toEqual([first]);
  });

  it('forgetsTheOldestPastItsCapacity', () => {
    const memory = new IdMemory(3);
    const items = newestFirst([alarm(), alarm(), alarm(), alarm()]);
    memory.takeNew(items);
    expect(memory.size).toBe(3);
    // The oldest was forgotten, so it is offered again; the three newest are not.
    expect(memory.takeNew(items)).toEqual([items[3]]);
  });

  it('staysBoundedWhateverTheRate', () => {
    const memory = new IdMemory(50);
    for (let tick = 0; tick < 200; tick++) memory.takeNew(Array.from({ length: 100 }, () => alarm()));
    expect(memory.size).toBe(50);
  });

  it('refusesANonPositiveCapacity', () => {
    expect(() => new IdMemory(0)).toThrow(/capacity/);
  });
});
