module.exports = require('../../jest.base.js')('gateway', { testTimeout: 120000 });
