/**
 * End-to-end: the H5 build in Chromium against a fresh local cloud. `npm run test:e2e`.
 * One cloud for the whole run (globalSetup), one browser per test file; files run one after another.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }];

module.exports = {
  rootDir: __dirname,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/../../shared/$1' },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 90_000,
  maxWorkers: 1,
};
