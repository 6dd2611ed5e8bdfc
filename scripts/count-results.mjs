#!/usr/bin/env node
// Sums the real results every runner wrote to test-results/ and prints, last, one line
// "N passed, N failed". vitest writes its JSON reporter output; web-test-runner writes through
// scripts/wtr-results-reporter.mjs. A runner that wrote nothing, or wrote something unreadable,
// counts as a failure: an empty or partial directory is never a pass.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');
// One result file per test runner of the workspace (see each package's test config).
const EXPECTED = [
  'core-vitest',
  'core-browser-wtr',
  'widget-wtr',
  'verifier-vitest',
  'server-vitest',
  'intranet-vitest',
  'intranet-postgres-vitest',
  'auditor-vitest',
  'repo-vitest',
  'react-vitest',
  'vue-vitest',
  'verify-vitest',
];

let passed = 0;
let failed = 0;
let skipped = 0;
let files;
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  files = [];
}
for (const name of EXPECTED.filter((n) => !files.includes(`${n}.json`))) {
  failed++;
  console.log(`  ${name}.json: missing (the runner did not finish), counted as 1 failed`);
}
for (const f of files) {
  let r;
  try {
    r = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  } catch {
    failed++;
    console.log(`  ${f}: unreadable, counted as 1 failed`);
    continue;
  }
  // vitest JSON (jest-compatible) and our wtr reporter share these field names.
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`  ${f}: ${r.numPassedTests ?? 0} passed, ${r.numFailedTests ?? 0} failed`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(passed === 0 || failed > 0 ? 1 : 0);
