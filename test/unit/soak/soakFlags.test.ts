// The soak's flags: the run by default, each value checked before anything starts, and
// a bad flag is one line and exit status 2 from the real command.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { readSoakFlags } from '../../soak/flags.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function refusal(args: string[]): string {
  try {
    readSoakFlags(args);
  } catch (error) {
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).exitCode).not.toBe(0);
    return (error as CommanderError).message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('the soak command line', () => {
  it('defaults to the issue run: 30 minutes at 2,000 events/s after a 2-minute warm-up, with the tour', () => {
    expect(readSoakFlags([])).toEqual({
      minutes: 30,
      rate: 2000,
      warmupMinutes: 2,
      urlParams: 'tour=shiquan',
      viewport: { width: 1920, height: 1080 },
    });
  });

  it('takes every flag', () => {
    const flags = readSoakFlags(['--minutes', '4', '--rate', '500', '--warmup-minutes', '0.5', '--url-params', '?tour=shiquan&lang=en', '--viewport', '3840x1080', '--json', 'soak.json']);
    expect(flags).toEqual({
      minutes: 4,
      rate: 500,
      warmupMinutes: 0.5,
      urlParams: 'tour=shiquan&lang=en',
      viewport: { width: 3840, height: 1080 },
      json: 'soak.json',
    });
  });

  it('opens the plain wall with empty url params, and allows no warm-up', () => {
    expect(readSoakFlags(['--url-params', '', '--warmup-minutes', '0'])).toMatchObject({ urlParams: '', warmupMinutes: 0 });
  });

  it.each([
    [['--minutes', '0'], '--minutes must be a number of minutes above 0 up to 1440'],
    [['--minutes', 'half'], '--minutes must be a number of minutes above 0 up to 1440'],
    [['--minutes', '1441'], '--minutes must be a number of minutes above 0 up to 1440'],
    [['--warmup-minutes', '-1'], '--warmup-minutes must be a number of minutes from 0 up to 1440'],
    [['--rate', '0'], '--rate must be an integer from 1 to 100000 events/s'],
    [['--rate', '2.5k'], '--rate must be an integer from 1 to 100000 events/s'],
    [['--rate', '100001'], '--rate must be an integer from 1 to 100000 events/s'],
    [['--viewport', '1920*1080'], '--viewport must be WIDTHxHEIGHT in CSS pixels, each from 1 to 16384'],
    [['--viewport', '0x1080'], '--viewport must be WIDTHxHEIGHT in CSS pixels, each from 1 to 16384'],
    [['--url-params', 'http://x/?tour=shiquan'], '--url-params must be a query string like "tour=shiquan&lang=en"'],
    [['--url-params', 'tour=shiquan lang=en'], '--url-params must be a query string like "tour=shiquan&lang=en"'],
    [['--json', ''], '--json needs a file name'],
    [['--minute', '4'], "unknown option '--minute'"],
    [['4'], 'too many arguments'],
  ])('refuses %j', (args, message) => {
    expect(refusal(args)).toContain(message);
  });

  it('exits 2 with one line on stderr for a bad flag, before starting anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/soak/main.ts', '--rate', 'fast'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
      "soak: option '--rate <events>' argument 'fast' is invalid. --rate must be an integer from 1 to 100000 events/s",
    ]);
    expect(run.stdout).toBe('');
  }, 60_000);
});
