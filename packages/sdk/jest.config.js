// Sources import siblings with a `.js` extension (required by Node's ESM loader for dist/esm);
// Jest runs the TypeScript sources, so map `./x.js` back to `./x`.
module.exports = require('../../jest.base.js')('sdk', {
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
});
