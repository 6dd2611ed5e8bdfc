// What a published tarball may hold. Used by scripts/release-dry.mjs and tested on its own
// (scripts/test/release-dry.test.mjs), so the rules themselves can be seen to fail.

/** A source map larger than this is refused: it is a bundled third-party library's map, not ours. */
export const MAX_SOURCE_MAP_BYTES = 512 * 1024;

/** Paths (inside the tarball, without the leading `package/`) that never belong in a package. */
const FORBIDDEN = [
  { re: /(^|\/)[^/]*\.(test|spec)\.[cm]?[jt]sx?$/, why: 'a test file' },
  { re: /(^|\/)(test|tests|__tests__|test-types)\//, why: 'a test folder' },
  { re: /(^|\/)fixtures?\//, why: 'a test fixture' },
  { re: /(^|\/)(bench|coverage|test-results)\//, why: 'benchmarks or test output' },
  { re: /(^|\/)src\//, why: 'TypeScript sources (we publish dist only)' },
  { re: /(^|\/)\.env($|\.)|\.(pem|key)$|(^|\/)\.npmrc$/, why: 'a secret or credentials file' },
  { re: /(^|\/)tsconfig[^/]*\.json$|(^|\/)vitest\.config\.|web-test-runner\.config\./, why: 'build or test config' },
];

/**
 * Problems with a tarball's file list.
 * @param {{ path: string, size: number }[]} files paths relative to the package root
 * @returns {string[]} one message per problem, empty when the contents are fine
 */
export function checkContents(files) {
  const problems = [];
  for (const f of files) {
    const hit = FORBIDDEN.find((r) => r.re.test(f.path));
    if (hit) problems.push(`${f.path}: ${hit.why}`);
    if (f.path.endsWith('.map') && f.size > MAX_SOURCE_MAP_BYTES) {
      problems.push(`${f.path}: source map of ${f.size} bytes (limit ${MAX_SOURCE_MAP_BYTES})`);
    }
  }
  if (!files.some((f) => f.path === 'package.json')) problems.push('package.json missing');
  if (!files.some((f) => /^readme(\.md)?$/i.test(f.path))) problems.push('README missing');
  if (!files.some((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f.path))) problems.push('LICENSE missing');
  return problems;
}
