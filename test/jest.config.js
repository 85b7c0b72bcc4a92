module.exports = require('../jest.base.js')('e2e', { testTimeout: 180000 });
