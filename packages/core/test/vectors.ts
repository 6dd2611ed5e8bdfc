/** Locates `../shared/vectors/` beside the repository root; tests read the vectors in place. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot: string = path.resolve(here, '../../..');
export const vectorsDir: string = process.env.IKRAR_VECTORS ?? path.resolve(repoRoot, '../shared/vectors');
// The external vectors are part of the test environment (CI puts ../shared beside the clone): a
// missing folder fails every file that reads them instead of skipping tests that would then count as
// passing.
if (!existsSync(vectorsDir)) {
  throw new Error(`[vectors] ${vectorsDir} not found: put ../shared beside the repository or set IKRAR_VECTORS`);
}

export function vectorText(rel: string): string {
  return readFileSync(path.join(vectorsDir, rel), 'utf8');
}
export function vectorBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(vectorsDir, rel)));
}
export function vectorJson<T = unknown>(rel: string): T {
  return JSON.parse(vectorText(rel)) as T;
}
