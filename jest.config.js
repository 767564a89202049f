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
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Full synths of cdktf stacks are CPU-bound; two workers match the CI machine.
  maxWorkers: 2,
};
