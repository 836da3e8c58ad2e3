/** Node suites (unit, contract, HTTP, property) and component suites (jsdom) in one run. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/{unit,contract,http,property}/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
    },
    {
      // Pages, hooks and the API client in jsdom. Taro and its components are small mocks; NutUI runs for real
      // (its ESM build, transformed here).
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/components'],
      testMatch: ['<rootDir>/tests/components/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/tests/components/setup.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      // ECharts and zrender ship ES modules only.
      transformIgnorePatterns: ['/node_modules/(?!(@nutui|echarts|zrender)/)'],
      moduleNameMapper: {
        '^@shared/(.*)$': '<rootDir>/shared/$1',
        '^@tarojs/taro$': '<rootDir>/tests/components/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/components/mocks/components.tsx',
        '^@nutui/nutui-react-taro$': '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
        '\\.(css|scss|png|jpg)$': '<rootDir>/tests/components/mocks/style.js',
        // Even the per-component build lists Lottie, which needs a real canvas.
        '^(lottie-react|lottie-web|@nutui/lottie-miniprogram)$': '<rootDir>/tests/components/mocks/style.js',
      },
    },
  ],
};
