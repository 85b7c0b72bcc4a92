// Shared Jest settings: TypeScript through @swc/jest (emits decorator metadata for the gateway),
// and a JSON result file per package that scripts/test-summary.mjs adds up into one closing line.
const path = require('node:path');

/** @param {string} name short package name, used for the result file */
module.exports = function jestConfig(name, overrides = {}) {
  return {
    testEnvironment: 'node',
    roots: ['<rootDir>'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    testMatch: ['**/*.test.ts'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    reporters: ['default', [path.join(__dirname, 'scripts/jest-json-reporter.js'), { name }]],
    ...overrides,
  };
};
