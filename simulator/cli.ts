// Entry point: `npm run simulate -- [options]` (or `npx tsx simulator/cli.ts [options]`).
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`));
