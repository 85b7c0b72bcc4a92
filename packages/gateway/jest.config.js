module.exports = require('../../jest.base.js')('gateway', {
  testTimeout: 120000,
  // one embedded PostgreSQL per run; each suite makes its own database in it (test/harness.ts)
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
});
