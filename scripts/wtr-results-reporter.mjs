// A web-test-runner reporter that writes the real pass/fail counts of a run to
// test-results/<name>.json in the shape scripts/count-results.mjs reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');

function walk(suite, out) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) out.skipped++;
    else if (t.passed) out.passed++;
    else out.failed++;
  }
  for (const s of suite.suites ?? []) walk(s, out);
}

/** @param {{ name: string }} options */
export function resultsReporter({ name }) {
  return {
    onTestRunFinished({ sessions }) {
      const out = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults, out);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) out.sessionErrors++;
      }
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, `${name}-wtr.json`),
        JSON.stringify({
          numPassedTests: out.passed,
          numFailedTests: out.failed + out.sessionErrors,
          numPendingTests: out.skipped,
        }),
      );
    },
  };
}
