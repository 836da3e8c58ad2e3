// Flat config: ESLint's and typescript-eslint's recommended rules over the whole repository, with a few choices
// stated below. Type-aware rules are left out so that linting stays fast and needs no project build.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The "Every page" rules (miniprogram/README.md) kept by lint: text boxes show the contract's limit and never cut
// (TextInput/TextArea), and leaving a page goes home when there is nothing below (goBackOrHome). Each restriction is
// lifted only in the one file that wraps the raw call.
const rawTextBoxes = {
  name: '@tarojs/components',
  importNames: ['Input', 'Textarea'],
  message:
    "用 components/TextInput 的 TextInput / TextArea，maxlength 取 maxLengthOf(...)：Taro 的 Input/Textarea 会在140字处悄悄截断，也不显示字数。Use TextInput/TextArea from components/TextInput.",
};
const rawBack = {
  name: '@tarojs/taro',
  importNames: ['navigateBack'],
  message: '用 services/navigation 的 goBackOrHome()：下面没有页面时，H5 的 navigateBack 会重新载入本页。Use goBackOrHome().',
};
const taroNavigateBack = {
  object: 'Taro',
  property: 'navigateBack',
  message: '用 services/navigation 的 goBackOrHome()：下面没有页面时，H5 的 navigateBack 会重新载入本页。Use goBackOrHome().',
};

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
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [rawTextBoxes, rawBack] }],
      'no-restricted-properties': ['error', taroNavigateBack],
    },
  },
  {
    // The one wrapper of Taro's text boxes.
    files: ['miniprogram/src/components/TextInput.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawBack] }] },
  },
  {
    // The one place that calls Taro's navigateBack, after checking there is a page below.
    files: ['miniprogram/src/services/navigation.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawTextBoxes] }], 'no-restricted-properties': 'off' },
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
