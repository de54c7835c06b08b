import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.tools/**', 'node_modules/**', 'test-results/**', 'training/**', 'lib/claims/model/*.json'] },
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
  // Preact hooks follow React's rules.
  { files: ['**/*.tsx', 'components/**/*.ts', 'entrypoints/sidepanel/**/*.ts'], ...reactHooks.configs.flat.recommended },
);
