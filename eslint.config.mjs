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
const rawImage = {
  name: '@tarojs/components',
  importNames: ['Image'],
  message: '用 components/Picture，写明 alt（只作装饰的写 alt=""）：Taro 的 H5 Image 不把 alt 交给里面的 <img>。Use Picture with alt.',
};
// 长辈版 and screen readers find what can be tapped by its role: Taro's H5 view takes `role` and `aria-*` (they reach
// the element), and the elder audit (tests/e2e/elder-audit.e2e.ts) measures every element with a role.
const unmarkedTap = {
  selector:
    "JSXOpeningElement[name.name=/^(View|Text|Picture)$/]:has(JSXAttribute[name.name='onClick']):not(:has(JSXAttribute[name.name='role']))",
  message: '可点的 View/Text/Picture 要写 role（button、link、radio、tab…），读屏软件和长辈版检查靠它找到可点的控件。Give a tappable view a role.',
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
      'no-restricted-imports': ['error', { paths: [rawTextBoxes, rawBack, rawImage] }],
      'no-restricted-properties': ['error', taroNavigateBack],
      'no-restricted-syntax': ['error', unmarkedTap],
    },
  },
  {
    // The one wrapper of Taro's text boxes.
    files: ['miniprogram/src/components/TextInput.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawBack, rawImage] }] },
  },
  {
    // The one wrapper of Taro's Image.
    files: ['miniprogram/src/components/Picture.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawTextBoxes, rawBack] }] },
  },
  {
    // The one place that calls Taro's navigateBack, after checking there is a page below.
    files: ['miniprogram/src/services/navigation.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawTextBoxes, rawImage] }], 'no-restricted-properties': 'off' },
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
