import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The team server (server/) runs in Node with SQLite; nothing the extension ships may load it.
const serverBorder = {
  group: ['**/server/**', '@/server/**', '@hocuspocus/server', '@hocuspocus/extension-*'],
  message: 'server/ is the team server (Node only); the extension talks to it over the network.',
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      '.tools/**',
      'node_modules/**',
      'test-results/**',
      'training/**',
      'lib/claims/model/*.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Type-aware rules where a mistake loses data silently: a promise nobody awaits or catches, an async callback
  // where a void one is expected, awaiting something that is not a promise.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // Borders: the content script runs in every page, so it never loads storage, Dexie, zod or panel code (its bytes
  // cost every page); lib/ is pure domain logic that storage and the UI build on, never the reverse.
  {
    files: ['entrypoints/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**', '@/storage/**'],
              message: 'The content script asks the background; it never opens the database.',
            },
            {
              group: ['dexie', 'zod'],
              message: 'Too heavy for a script that runs in every page; validate in the background.',
            },
            {
              group: ['**/sidepanel/**', '@/entrypoints/sidepanel/**', 'preact', 'preact/*', 'zustand', 'zustand/*'],
              message: 'Panel code stays out of the page.',
            },
            serverBorder,
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**', '@/storage/**'],
              message: 'lib/ is the domain; storage/ depends on it, not the reverse.',
            },
            {
              group: ['**/entrypoints/**', '@/entrypoints/**'],
              message: "lib/ knows nothing of the extension's pages.",
            },
            serverBorder,
          ],
        },
      ],
    },
  },
  // The rest of the extension: the same border to the team server (the blocks above carry it for their files).
  {
    files: ['storage/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['entrypoints/content/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverBorder] }] },
  },
  // Preact hooks follow React's rules.
  { files: ['**/*.tsx', 'entrypoints/sidepanel/**/*.ts'], ...reactHooks.configs.flat.recommended },
);
