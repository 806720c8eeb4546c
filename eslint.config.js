import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Dependencies point one way: seed/ and scripts/ use src/; tests use all of them.
const noSeedInSrc = {
  group: ['**/seed/*', '../seed/*', '../../seed/*', '../../../seed/*'],
  message: 'src/ may not import seed/ (seed/ uses src/): pass what the app needs from seed/ in through src/index.ts.',
};
// The offline Prisma engine is one box behind src/db/offline-engine/index.ts:
// its internals patch private Prisma methods and may change with any upgrade.
const onlyOfflineEngineIndex = {
  regex: 'offline-engine/(?!index(\\.[jt]s)?$)',
  message: 'Import the offline engine through src/db/offline-engine/index.ts only.',
};
const noTestsInScripts = {
  group: ['**/test/*', '../test/*', '../../test/*'],
  message: 'scripts/ may not import test/: move what both need into scripts/support/ (tests may import it).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', 'test/generated/', '.data/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules (floating promises, unsafe any, misused promises…) where the app's code lives.
    files: ['src/**/*.ts', 'seed/**/*.ts', 'scripts/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Tests too: answers are read through typed documents (test/operations/request.ts) or narrowed from unknown.
    files: ['test/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Apollo Server's plugin hooks must return promises; `async` is how its own docs write them.
    files: ['src/graphql/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['bin/*'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // One no-restricted-imports entry per set of files (a later entry replaces an earlier one's patterns).
  {
    ignores: ['src/db/offline-engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyOfflineEngineIndex] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/index.ts', 'src/db/offline-engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyOfflineEngineIndex, noSeedInSrc] }] },
  },
  {
    files: ['src/db/offline-engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSeedInSrc] }] },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyOfflineEngineIndex, noTestsInScripts] }] },
  },
);
