// Writes each package's pass/fail counts to .jest-results/<name>.json at the repo root,
// so the root test command can print one closing line: "N passed, N failed".
const fs = require('node:fs');
const path = require('node:path');

class JsonCountReporter {
  constructor(_globalConfig, options) {
    this.name = (options && options.name) || 'unknown';
  }
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '.jest-results');
    fs.mkdirSync(dir, { recursive: true });
    const out = {
      name: this.name,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(out, null, 2));
  }
}
module.exports = JsonCountReporter;
