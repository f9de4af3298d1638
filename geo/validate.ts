// CLI: npm run geo:validate -- [dir]
// Prints a one-line summary and exits 0 for a valid pack; one line per problem on stderr and
// exit 1 otherwise; exit 2 when the directory or the arguments are wrong.
import { Command, CommanderError } from 'commander';
import { DEFAULT_PACK_DIR, readPackFiles } from './loadPack.ts';
import { PACK_FILES, type GeoPack, type PackFileKey } from './schema.ts';
import { formatProblem, type Problem } from './validation/problem.ts';
import { describePack } from './validation/summary.ts';
import { validatePack } from './validation/validatePack.ts';

const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

function parseDir(argv: string[]): string {
  const program = new Command('geo:validate')
    .description('Check a geography pack (files, geometry, ids, properties, containment, overlaps).')
    .argument('[dir]', 'pack directory', DEFAULT_PACK_DIR)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(message.trim() + '\n') });
  program.parse(argv);
  return program.processedArgs[0] as string;
}

async function main(argv: string[]): Promise<number> {
  let dir: string;
  let reads: Awaited<ReturnType<typeof readPackFiles>>;
  try {
    dir = parseDir(argv);
    reads = await readPackFiles(dir);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_USAGE; // message already printed
    process.stderr.write(`${(err as Error).message}\n`);
    return EXIT_USAGE;
  }
  const files = {} as Record<PackFileKey, unknown>;
  const unreadable: Problem[] = [];
  for (const key of Object.keys(reads) as PackFileKey[]) {
    const read = reads[key];
    if ('error' in read) unreadable.push({ file: PACK_FILES[key], message: read.error });
    else files[key] = read.json;
  }
  const problems = unreadable.length > 0 ? unreadable : validatePack(files);
  if (problems.length > 0) {
    process.stderr.write(problems.map((p) => formatProblem(p) + '\n').join(''));
    return EXIT_INVALID;
  }
  process.stdout.write(`OK: ${describePack(files as unknown as GeoPack)}\n`);
  return 0;
}

process.exitCode = await main(process.argv).catch((err: unknown) => {
  // A geometry routine choking on input the checks let through: still one line, still a failure.
  process.stderr.write(`validation failed: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT_INVALID;
});
