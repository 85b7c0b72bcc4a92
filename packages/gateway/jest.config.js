module.exports = require('../../jest.base.js')('gateway', {
  testTimeout: 120000,
  // one embedded PostgreSQL per run; each suite makes its own database in it (test/harness.ts)
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // The gateway's suites are the longest part of `npm test` and outlast the other packages' by
  // minutes; Jest's default on 2 cores is one worker, which leaves a core idle once the others end.
  maxWorkers: 2,
});
