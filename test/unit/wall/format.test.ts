import { describe, expect, it } from 'vitest';
import {
  NO_FIGURE,
  formatAge,
  formatCount,
  formatDate,
  formatDuration,
  formatPercent,
  formatTimeOfDay,
} from '../../../wall/i18n/format.ts';
import { shanghai } from '../state/helpers.ts';

describe('how the wall writes figures', () => {
  it('groupsCountsByThousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(25_590)).toBe('25,590');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('writesSharesAsPercentAndNothingForAMissingOne', () => {
    expect(formatPercent(0.902)).toBe('90.2%');
    expect(formatPercent(null)).toBe(NO_FIGURE);
  });

  it('writesDurationsInTheirTwoLargestUnitsPerLanguage', () => {
    expect(formatDuration(42_000, 'zh')).toBe('42秒');
    expect(formatDuration(42 * 60_000, 'en')).toBe('42 min');
    expect(formatDuration(65 * 60_000, 'zh')).toBe('1小时5分钟');
    expect(formatDuration(65 * 60_000, 'en')).toBe('1 h 5 min');
    expect(formatDuration(2 * 3_600_000, 'en')).toBe('2 h');
    expect(formatDuration(26 * 3_600_000 + 59_000, 'zh')).toBe('1天2小时');
    expect(formatDuration(null, 'zh')).toBe(NO_FIGURE);
  });

  it('writesAgesInTheLargestWholeUnit', () => {
    expect(formatAge(3_400, 'zh')).toBe('3秒前');
    expect(formatAge(3_400, 'en')).toBe('3 s ago');
    expect(formatAge(125_000, 'en')).toBe('2 min ago');
    expect(formatAge(3 * 3_600_000, 'zh')).toBe('3小时前');
    expect(formatAge(-500, 'en')).toBe('0 s ago');
  });

  it('writesTheClockInTheRelaysZoneWhateverTheMachinesZone', () => {
    const at = shanghai('2024-05-01 00:05:09');
    expect(formatTimeOfDay(at, 'Asia/Shanghai')).toBe('00:05:09');
    expect(formatTimeOfDay(at, 'UTC')).toBe('16:05:09');
    expect(formatDate(at, 'Asia/Shanghai', 'zh')).toBe('2024-05-01 周三');
    expect(formatDate(at, 'UTC', 'en')).toBe('2024-04-30 Tue');
  });
});
