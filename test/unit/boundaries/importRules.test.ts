// The boundaries of README "Layout" are lint rules: `npm run check` fails on a forbidden import.
// Each case lints one line of code as if it stood in a given file, with the project's own config.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../..', import.meta.url)) });

/** The messages of the import and global rules for `code` placed at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [a];\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

/** [file, the line of code, allowed] */
const CASES: Record<string, [string, string, boolean][]> = {
  wallImportsTheRelayOnlyThroughContractAndProtocol: [
    ['wall/store/x.ts', "import { a } from '../../relay/state/index.ts';", false],
    ['wall/store/x.ts', "import { a } from '../../relay/protocol/snapshot.ts';", true],
    ['wall/store/x.ts', "import { a } from '../../relay/contract/index.ts';", true],
    ['wall/x.ts', "import { a } from '../simulator/cli.ts';", false],
  ],
  browserCodeUsesNoNodeModulesOrGlobals: [
    ['wall/x.ts', "import { a } from 'node:fs';", false],
    ['relay/protocol/x.ts', "import a from 'events';", false],
    ['relay/contract/x.ts', 'const a = process.pid;', false],
  ],
  protocolAndContractImportEachOtherAndGeoOnly: [
    ['relay/protocol/x.ts', "import { a } from '../state/index.ts';", false],
    ['relay/protocol/x.ts', "import { a } from '../../wall/main.ts';", false],
    ['relay/protocol/x.ts', "import { a } from '../contract/kinds.ts';", true],
    ['relay/contract/x.ts', "import { a } from '../../geo/gcj02.ts';", true],
  ],
  relayLibraryCodeDoesNotImportTheSimulatorOnlyItsEntryPointsDo: [
    ['relay/relay.ts', "import { a } from '../simulator/generate/demoDay.ts';", false],
    ['relay/bus/x.ts', "import { a } from '../../simulator/generate/demoDay.ts';", false],
    ['relay/start.ts', "import { a } from '../simulator/generate/demoDay.ts';", true],
  ],
  theSimulatorUsesTheRelaysContractAndProtocolOnly: [
    ['simulator/x/y.ts', "import { a } from '../../relay/state/index.ts';", false],
    ['simulator/x/y.ts', "import { a } from '../../relay/ingest/record.ts';", false],
    ['simulator/x/y.ts', "import { a } from '../../geo/generate/streets.ts';", false],
    ['simulator/x/y.ts', "import { a } from '../../relay/protocol/relayClient.ts';", true],
    ['simulator/x/y.ts', "import { a } from '../../kafka/codecs.ts';", true],
  ],
  libAndKafkaImportNoPart: [
    ['lib/x.ts', "import { a } from '../relay/contract/index.ts';", false],
    ['kafka/x.ts', "import { a } from '../lib/minHeap.ts';", true],
  ],
};

describe('import boundaries', () => {
  // Loading the config and its plugins takes seconds on a busy machine; once, before the cases.
  beforeAll(() => eslint.calculateConfigForFile('wall/x.ts'), 60_000);

  for (const [name, cases] of Object.entries(CASES)) {
    it(name, async () => {
      for (const [file, code, allowed] of cases) {
        expect({ file, code, errors: (await boundaryErrors(file, code)).length }).toEqual({ file, code, errors: allowed ? 0 : 1 });
      }
    });
  }

  it('svelteComponentsAreCheckedToo', async () => {
    const component = "<script lang=\"ts\">\nimport { a } from '../relay/ingest/record.ts';\nconsole.log(a);\n</script>";
    const [result] = await eslint.lintText(component, { filePath: 'wall/X.svelte' });
    expect(result?.messages.map((m) => m.message)).toEqual([expect.stringContaining('only relay/contract and relay/protocol')]);
  });
});
