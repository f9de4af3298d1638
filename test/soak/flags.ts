// The soak's command line, parsed and checked before anything starts. A bad flag is a
// CommanderError (main.ts turns it into one line and exit status 2); --help is one with exit
// code 0. Pure apart from commander printing the help text.
import { Command, InvalidArgumentError } from 'commander';
import { MAX_RATE } from '../../simulator/profile/schema.ts';

export interface SoakFlags {
  /** Minutes measured after the warm-up (the load runs warm-up + these). */
  minutes: number;
  /** Events per second, held for the whole run. */
  rate: number;
  warmupMinutes: number;
  /** Query string the wall is opened with, without the '?'. */
  urlParams: string;
  viewport: { width: number; height: number };
  json?: string;
}

/** A day: longer runs belong to a kiosk's own watchdog, not to a command left in a terminal. */
const MAX_MINUTES = 24 * 60;
const MAX_SIDE = 16_384;

export const DEFAULT_URL_PARAMS = 'tour=shiquan';

const ENVIRONMENT = `
Environment:
  KAFKA_BROKERS  use this Kafka (host:port,…) instead of starting a broker
  CHROMIUM_PATH  the Chromium to drive (default /usr/bin/chromium)

Exit status: 0 when the heap grew less than the limit, 1 when it did not (or the run failed), 2 for a bad flag.`;

function minutes(flag: string, zero: 'zero allowed' | 'above zero') {
  return (text: string): number => {
    const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
    const fits = zero === 'zero allowed' ? value >= 0 : value > 0;
    if (!(fits && value <= MAX_MINUTES)) {
      throw new InvalidArgumentError(`${flag} must be a number of minutes ${zero === 'zero allowed' ? 'from 0' : 'above 0'} up to ${MAX_MINUTES}`);
    }
    return value;
  };
}

function parseRate(text: string): number {
  const rate = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(rate >= 1 && rate <= MAX_RATE)) throw new InvalidArgumentError(`--rate must be an integer from 1 to ${MAX_RATE} events/s`);
  return rate;
}

function parseViewport(text: string): SoakFlags['viewport'] {
  const match = /^(\d+)x(\d+)$/.exec(text);
  const [width, height] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(width >= 1 && width <= MAX_SIDE && height >= 1 && height <= MAX_SIDE)) {
    throw new InvalidArgumentError(`--viewport must be WIDTHxHEIGHT in CSS pixels, each from 1 to ${MAX_SIDE}`);
  }
  return { width, height };
}

/** A query string without its '?'; refuses what is plainly not one (spaces, a whole URL). */
function parseUrlParams(text: string): string {
  const params = text.replace(/^\?/, '');
  if (/[\s#]/.test(params) || params.includes('://')) throw new InvalidArgumentError('--url-params must be a query string like "tour=shiquan&lang=en"');
  return params;
}

export function readSoakFlags(argv: readonly string[]): SoakFlags {
  const program = new Command('soak')
    .description('The wall in Chromium under a steady load for a long time: its JS heap after forced collections, sampled every 30 s.')
    .option('--minutes <minutes>', 'minutes measured after the warm-up', minutes('--minutes', 'above zero'), 30)
    .option('--rate <events>', 'events per second, held for the whole run', parseRate, 2000)
    .option('--warmup-minutes <minutes>', 'minutes of load before the heap baseline is taken', minutes('--warmup-minutes', 'zero allowed'), 2)
    .option('--url-params <query>', 'query string the wall is opened with', parseUrlParams, DEFAULT_URL_PARAMS)
    .option('--viewport <WxH>', 'the page size in CSS pixels', parseViewport, { width: 1920, height: 1080 })
    .option('--json <file>', 'write the flags, every sample and the summary as JSON')
    .addHelpText('after', ENVIRONMENT)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  program.parse([...argv], { from: 'user' });
  const options = program.opts<SoakFlags>();
  if (options.json === '') throw new InvalidArgumentError('--json needs a file name');
  return options;
}
