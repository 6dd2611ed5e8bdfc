#!/usr/bin/env node
// Sums the real results every runner wrote to test-results/ and prints one line
// "N passed, N failed". vitest writes its JSON reporter output; web-test-runner writes
// through scripts/wtr-results-reporter.mjs. An empty directory is a failure, not a pass.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');
let passed = 0;
let failed = 0;
let skipped = 0;
let files;
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  files = [];
}
for (const f of files) {
  const r = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  // vitest JSON (jest-compatible) and our wtr reporter share these field names.
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`  ${f}: ${r.numPassedTests ?? 0} passed, ${r.numFailedTests ?? 0} failed`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(files.length === 0 || passed === 0 || failed > 0 ? 1 : 0);
