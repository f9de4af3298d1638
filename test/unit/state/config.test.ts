import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE_CONFIG, resolveStateConfig } from '../../../relay/state/config.ts';

describe('state configuration', () => {
  it('defaultsToShanghaiTime', () => {
    expect(resolveStateConfig()).toEqual(DEFAULT_STATE_CONFIG);
    expect(resolveStateConfig({ timeZone: 'asia/shanghai' }).timeZone).toBe('Asia/Shanghai');
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, /unknown time zone "Mars\/Olympus_Mons"/],
    [{ heatCells: 0 }, /heatCells must be an integer 1–1024, got 0/],
    [{ feedSize: 2.5 }, /feedSize must be an integer/],
    [{ alarmFeedSize: 0 }, /alarmFeedSize must be an integer 1–10000, got 0/],
    [{ dedupCapacity: Number.NaN }, /dedupCapacity must be an integer/],
  ])('badOptionFailsWithOneLine %o', (options, message) => {
    let error: unknown;
    try {
      resolveStateConfig(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
