/**
 * Jest transpiles only (sucrase: pure JavaScript, no native binary); `npm run typecheck` type-checks
 * once for the whole tree.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@sucrase/jest-plugin', { transforms: ['typescript', 'imports'], disableESTransforms: true }],
    // The CEL library is ESM only (Node loads it with require(esm)); jest's module system needs CommonJS.
    '/@marcbachmann/cel-js/.+\\.js$': ['@sucrase/jest-plugin', { transforms: ['imports'], disableESTransforms: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@marcbachmann/cel-js/)'],
  globalSetup: '<rootDir>/test/global-setup.js',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Full synths of cdktf stacks are CPU-bound; two workers match the CI machine.
  maxWorkers: 2,
};
