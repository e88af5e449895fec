// Prints one plain closing line that any CI can read: "Summary: N passed, N failed, N skipped".
// `npm test` runs Jest twice (the quiet-machine measurements after everything else); with TEST_SUMMARY_FILE set,
// each run adds its counts to that file, so the last line counts both runs.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const run = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    const file = process.env.TEST_SUMMARY_FILE;
    const before = file && existsSync(file) && readFileSync(file, 'utf8').trim() ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 0, skipped: 0 };
    const total = { passed: before.passed + run.passed, failed: before.failed + run.failed, skipped: before.skipped + run.skipped };
    if (file) writeFileSync(file, JSON.stringify(total));
    process.stdout.write(`\nSummary: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
