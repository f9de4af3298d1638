// Bad flags end the command at once: exit status 2 and one line on stderr saying what is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, scratchDir } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The real command in a child process, as a tester runs it. */
function simulate(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderrLines: run.stderr.split('\n').filter((line) => line !== '') };
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await scratchDir()));
afterAll(() => cleanup());

describe('the simulate command line', () => {
  it('exits 2 with one line for an unknown option, suggesting the right one', () => {
    const run = simulate('--form', '2019-01-01', '--out', '-');
    expect(run.status).toBe(2);
    expect(run.stderrLines).toEqual(["simulate: unknown option '--form' (Did you mean --from?)"]);
    expect(run.stdout).toBe('');
  }, 30_000);

  it('exits 2 with one line for a bad value, and writes nothing', () => {
    const out = join(dir, 'never.ndjson');
    const run = simulate('--speed', 'fast', '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderrLines).toEqual(['simulate: --speed must be max or a number > 0, got "fast"']);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('prints help with every option and exits 0', () => {
    const run = simulate('--help');
    expect(run.status).toBe(0);
    const flags = ['--profile', '--from', '--to', '--sources', '--speed', '--seed', '--rate', '--duration', '--out', '--in'];
    for (const flag of [...flags, '--brokers', '--topic-prefix', '--compression', '--relay', '--probes', '--wall-token', '--threshold', '--report', '--html', 'KAFKA_SASL_PASSWORD_FILE']) {
      expect(run.stdout).toContain(flag);
    }
  }, 30_000);

  it.each([
    [['--profile', 'historical'], 'simulate: no target: give --out FILE (or --out - for stdout), or --brokers host:port'],
    [['--out', '-', '--brokers', '127.0.0.1:9092'], 'simulate: --out and --brokers are two targets: give one of them'],
    [['--brokers', 'localhost'], 'simulate: --brokers must be host:port[,host:port…], got "localhost"'],
    [['--topic-prefix', 'test', '--out', '-'], 'simulate: --topic-prefix applies to the Kafka target: give --brokers too'],
    [['--brokers', 'k:9092', '--topic-prefix', 'a b'], 'simulate: --topic-prefix: invalid topic prefix "a b": use letters, digits, \'.\', \'_\' or \'-\''],
    [['--compression', 'lz4', '--out', '-'], 'simulate: --compression applies to the Kafka target: give --brokers too'],
    [['--brokers', 'k:9092', '--compression', 'brotli'], 'simulate: --compression must be one of none, gzip, snappy, lz4, zstd, got "brotli"'],
    [['--relay', 'http://r:8080', '--out', '-'], 'simulate: --relay measures a relay that reads Kafka: give --brokers instead of --out'],
    [['--relay', 'r:8080', '--brokers', 'k:9092'], 'simulate: --relay must be the relay\'s http:// or https:// URL, got "r:8080"'],
    [['--probes', '3', '--brokers', 'k:9092'], 'simulate: --probes applies to probe walls: give --relay URL too'],
    [['--relay', 'http://r:8080', '--probes', 'two', '--brokers', 'k:9092'], 'simulate: --probes must be an integer from 0 to 50, got "two"'],
    [['--threshold', 'p99<<500', '--out', '-'], 'simulate: --threshold "p99<<500": expected METRIC OP NUMBER such as p99<500, loss==0 or rate>=1900 (OP: < <= > >= ==)'],
    [['--threshold', 'loss==0', '--out', '-'], 'simulate: --threshold "loss==0" needs a relay to measure: give --relay URL'],
    [['--threshold', 'p99<500', '--relay', 'http://r:8080', '--probes', '0', '--brokers', 'k:9092'], 'simulate: --threshold "p99<500" needs probe walls, but --probes is 0'],
    [['--report', '', '--out', '-'], 'simulate: --report needs a file name'],
    [['--sources', 'sensor,weather', '--out', '-'], 'simulate: --sources: unknown source "weather" (use sensor, camera, alarm110, grid, hotline)'],
    [['--seed', '-3', '--out', '-'], 'simulate: --seed must be an integer from 0 to 4294967295, got "-3"'],
    [['--profile', 'load', '--rate', '0', '--out', '-'], 'simulate: --rate must be an integer from 1 to 100000 events/s, got "0"'],
    [['--profile', 'load', '--rate', '70000', '--out', '-'], "simulate: --rate 70000 peaks at 105000 events/s in the profile's phases; at most 100000 (use --rate ≤ 66666)"],
    [['--profile', 'load', '--duration', '1 minute', '--out', '-'], 'simulate: --duration must be like 60s, 5m, 1h or 500ms, got "1 minute"'],
    [['--profile', 'load', '--to', '2019-01-02', '--out', '-'], 'simulate: --to applies to historical profiles; a load run lasts --duration'],
    [['--rate', '2000', '--out', '-'], 'simulate: --rate applies to load profiles, not to a historical one'],
    [['--from', '2017-12-31', '--out', '-'], "simulate: --from 2017-12-31 is outside the profile's coverage 2018-01-01…2019-12-31"],
    [['--from', '2019-03-02', '--to', '2019-03-01', '--out', '-'], 'simulate: --from 2019-03-02 is after --to 2019-03-01'],
    [['--from', '1 March', '--out', '-'], 'simulate: --from must be a date YYYY-MM-DD for a historical profile, got "1 March"'],
    [['--in', 'events.ndjson', '--seed', '2', '--out', '-'], "simulate: --seed cannot be used with --in: a file's events are replayed as they are"],
    [['--speed', '0', '--out', '-'], 'simulate: --speed must be max or a number > 0, got "0"'],
    [['extra', '--out', '-'], "simulate: too many arguments. Expected 0 arguments but got 1."],
  ])('refuses %j', async (args, line) => {
    expect(await cli(...args)).toEqual({ code: 2, stderr: [line] });
  });

  it('exits 1 with one line when the target cannot be written', async () => {
    const run = await cli('--sources', 'alarm110', '--from', '2019-01-01', '--to', '2019-01-01', '--out', join(dir, 'no/such/dir.ndjson'));
    expect(run).toEqual({ code: 1, stderr: [`simulate: cannot write ${join(dir, 'no/such/dir.ndjson')} (ENOENT)`] });
  });
});
