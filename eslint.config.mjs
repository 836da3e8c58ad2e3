// Flat config: ESLint's and typescript-eslint's recommended rules over the whole repository, with a few choices
// stated below. Type-aware rules are left out so that linting stays fast and needs no project build.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'miniprogram/dist/**',
      '**/.swc/**',
      '.data/**',
      'coverage/**',
      'bench/results/**',
      'tests/e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (a handler that ignores its input, a skipped tuple slot).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // The mini-program runs in WeChat's JS engine and the H5 build in a browser. Of the hooks plugin only the two
    // classic rules: the React Compiler rules it also ships assume a compiler this build does not use.
    files: ['miniprogram/src/**/*.{ts,tsx}', 'tests/components/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, wx: 'readonly' } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // `{} extends InputOf<A>` is the type-level test for "every field optional"; `{}` is meant there.
    files: ['miniprogram/src/services/api.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
  {
    // CommonJS config files (jest, babel) are plain node scripts.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
