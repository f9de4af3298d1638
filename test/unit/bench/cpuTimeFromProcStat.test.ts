// A child's CPU time from /proc/PID/stat: user + system ticks (fields 14 and 15), whatever its
// command name holds.
import { describe, expect, it } from 'vitest';
import { cpuTicksOfStat } from '../../bench/infra/procCpu.ts';

const tail = 'S 1 2 3 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 11 0 900 1000000 20000';

describe('CPU time from /proc/PID/stat', () => {
  it('adds user and system ticks', () => {
    expect(cpuTicksOfStat(`4242 (node) ${tail}`)).toBe(1290);
  });

  it('is not misled by spaces and parentheses in the command name', () => {
    expect(cpuTicksOfStat(`4242 (node (relay) x) ${tail}`)).toBe(1290);
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => cpuTicksOfStat('hello')).toThrow('not a /proc/PID/stat line');
  });
});
