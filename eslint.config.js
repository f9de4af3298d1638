// Lint: TypeScript-aware rules for the Node parts and the Svelte wall alike, and the boundaries
// between them (see README "Layout"): a forbidden import fails `npm run check`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';

const NODE_MODULES = {
  group: ['node:*', ...builtinModules, ...builtinModules.map((name) => `${name}/*`)],
  message: 'Browser code: no Node modules (the wall bundles it).',
};
const SIMULATOR = {
  regex: '(^|/)simulator/',
  message: 'Data flows simulator → Kafka → relay → wall: this code does not import the simulator.',
};
/** The wall's way into the relay: its contract (event types) and its protocol (what it sends walls). */
const WALL_TO_RELAY = {
  regex: '(^|/)relay/(?!(contract|protocol)/)',
  message: 'The wall imports from the relay only relay/contract and relay/protocol.',
};
/** Simulators and other producers use the relay's contract and protocol, never its workings. */
const RELAY_INTERNALS = {
  regex: '(^|/)relay/(?!(contract|protocol)/)',
  message: 'Outside the relay, import only relay/contract and relay/protocol.',
};
const WALL = { regex: '(^|/)wall/', message: 'Nothing imports the wall: it is the end of the flow.' };
const GEO_GENERATOR = {
  regex: '(^|/)geo/generate/',
  message: "geo/generate builds the pack; use the pack (geo/loadPack.ts, geo/schema.ts) or lib/.",
};
/** lib/ and kafka/ serve every part: they import no part. */
const ANY_PART = {
  regex: String.raw`^\.\./(?!(lib|kafka)/)`,
  message: 'lib/ and kafka/ import no part of the product (only each other).',
};
/** relay/contract and relay/protocol are bundled into the wall: they import each other and geo only. */
const PROTOCOL_OUT = {
  regex: String.raw`^\.\./(?!(contract|protocol)/|\.\./geo/)`,
  message: 'relay/contract and relay/protocol are browser code: they import each other and geo only.',
};
// Node's types reach the wall's program through deck.gl's dependencies, so the browser tsconfig
// alone does not catch these.
const NODE_GLOBALS = ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/.cache/', 'geo/pack/', '.gpu*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['wall/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NODE_MODULES, WALL_TO_RELAY, SIMULATOR] }],
      'no-restricted-globals': NODE_GLOBALS,
    },
  },
  {
    // Only the entry points compose the relay with the simulator's embedded demo.
    files: ['relay/**'],
    ignores: ['relay/main.ts', 'relay/start.ts', 'relay/contract/**', 'relay/protocol/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SIMULATOR, WALL] }] },
  },
  {
    files: ['simulator/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [RELAY_INTERNALS, WALL, GEO_GENERATOR] }] },
  },
  {
    files: ['lib/**', 'kafka/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ANY_PART] }] },
  },
  {
    files: ['relay/contract/**', 'relay/protocol/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NODE_MODULES, PROTOCOL_OUT] }],
      'no-restricted-globals': NODE_GLOBALS,
    },
  },
);
