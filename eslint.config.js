// Lint enforces the process boundaries the folders stand for (see ../shared/DESIGN.md §1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-output/**', 'coverage/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // One way to open a transaction, so none begins DEFERRED by accident (see electron/core/db/transaction.ts).
    files: ['**/*.ts'],
    ignores: ['electron/core/db/transaction.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Use writeTransaction or readTransaction (electron/core/db/transaction.ts): a bare db.transaction() begins DEFERRED, and a DEFERRED transaction that writes fails at once with "database is locked" instead of waiting for the other writer.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ imports nothing from other folders.' },
            { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'electron', 'react'], message: 'shared/ is pure: no Node, DOM or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    ...{
      rules: restrict(
        ['**/electron/**', '**/test/**', 'node:*', 'fs', 'path', 'crypto', 'electron', 'better-sqlite3'],
        'The renderer imports only shared/ and browser libraries.',
      ),
    },
  },
  {
    // The browser host is plain Node too; from main it takes only the CSP, which is plain data.
    files: ['electron/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron(/|$)|(^|/)(main/(?!app/csp$)|preload/|renderer/)', message: 'The web host runs in plain Node: never import Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**'],
    rules: restrict(['electron', 'electron/*', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], 'core/ and the CLI run in plain Node: never import Electron.'),
  },
);
