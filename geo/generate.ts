// CLI: npm run geo:generate -- [--out DIR] [--boundary FILE] [--committees FILE]
//                              [--compounds FILE] [--buildings FILE] [--seed N]
// Writes the geography pack. Layers given as files (surveyed data, pack format) are used as
// they are and the rest is synthesized from them; the same inputs and seed give the same bytes.
// Exit 0 when written; one line on stderr and exit 2 for bad flags or unusable input.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DEFAULT_PACK_DIR } from './loadPack.ts';
import { readDropIn } from './generate/dropIns.ts';
import { writePack } from './generate/output.ts';
import { DEFAULT_SEED, generatePack, type DropIns } from './generate/pack.ts';
import { readSources } from './generate/sources.ts';
import { describePack } from './validation/summary.ts';

const EXIT_USAGE = 2;

interface Options {
  out: string;
  seed: number;
  boundary?: string;
  committees?: string;
  compounds?: string;
  buildings?: string;
}

function parseSeed(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) throw new InvalidArgumentError('expected an integer 0…4294967295');
  return Number(value);
}

function parseOptions(argv: string[]): Options {
  const program = new Command('geo:generate')
    .description('Generate the geography pack (deterministic; surveyed layers replace synthesized ones).')
    .option('--out <dir>', 'output directory', DEFAULT_PACK_DIR)
    .option('--boundary <file>', 'surveyed boundary (boundary.geojson format) instead of the schematic')
    .option('--committees <file>', 'surveyed committees (committees.geojson format); areas are their unions')
    .option('--compounds <file>', 'surveyed compounds (compounds.geojson format); needs --committees')
    .option('--buildings <file>', 'surveyed buildings (buildings.geojson format); needs --compounds')
    .option('--seed <n>', 'seed of the synthesized parts', parseSeed, DEFAULT_SEED)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(message.trim() + '\n') });
  program.parse(argv);
  return program.opts<Options>();
}

async function readDropIns(options: Options): Promise<DropIns> {
  const dropIns: DropIns = {};
  if (options.boundary) dropIns.boundary = (await readDropIn('boundary', options.boundary))[0];
  if (options.committees) dropIns.committees = await readDropIn('committees', options.committees);
  if (options.compounds) dropIns.compounds = await readDropIn('compounds', options.compounds);
  if (options.buildings) dropIns.buildings = await readDropIn('buildings', options.buildings);
  return dropIns;
}

async function main(argv: string[]): Promise<number> {
  try {
    const options = parseOptions(argv);
    const [sources, dropIns] = await Promise.all([readSources(), readDropIns(options)]);
    const pack = generatePack(sources, dropIns, options.seed);
    await writePack(options.out, pack);
    process.stdout.write(`wrote ${options.out}: ${describePack(pack)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_USAGE; // commander printed it
    process.stderr.write(`geo:generate: ${String((err as Error).message).split('\n')[0]}\n`);
    return EXIT_USAGE;
  }
}

process.exitCode = await main(process.argv);
