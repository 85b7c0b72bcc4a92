// Writes each package's pass/fail counts to .jest-results/<name>.json at the repo root,
// so the root test command can print one closing line: "N passed, N failed".
const fs = require('node:fs');
const path = require('node:path');

const MAX_MESSAGE = 600;

function failuresOf(results) {
  const out = [];
  for (const file of results.testResults) {
    const rel = path.relative(path.join(__dirname, '..'), file.testFilePath);
    if (file.testExecError) out.push({ test: rel, message: String(file.testExecError.message).slice(0, MAX_MESSAGE) });
    for (const t of file.testResults) {
      if (t.status !== 'failed') continue;
      // strip colour codes; keep the first lines (expected / received)
      const message = t.failureMessages.join('\n').replace(/\u001b\[[0-9;]*m/g, '').slice(0, MAX_MESSAGE);
      out.push({ test: `${rel} › ${t.fullName}`, message });
    }
  }
  return out;
}

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
      // what failed, so that the closing summary (the part of a CI log people read) says it
      failures: failuresOf(results).slice(0, 20),
      // the slowest files, so that the closing summary shows where the suite's 10 minutes go
      slowest: results.testResults
        .map((f) => ({ file: path.relative(path.join(__dirname, '..'), f.testFilePath), seconds: (f.perfStats.end - f.perfStats.start) / 1000 }))
        .sort((a, b) => b.seconds - a.seconds)
        .slice(0, 5),
    };
    fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(out, null, 2));
  }
}
module.exports = JsonCountReporter;
