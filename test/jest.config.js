// One live gateway (real entry point, fresh embedded PostgreSQL) for the whole run: started by the
// global setup, stopped by the teardown (e2e/support/live-gateway.ts). The suites share its data,
// so they run one at a time and compute what they expect from the live state.
module.exports = require('../jest.base.js')('e2e', {
  testTimeout: 180000,
  globalSetup: '<rootDir>/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
  maxWorkers: 1,
});
