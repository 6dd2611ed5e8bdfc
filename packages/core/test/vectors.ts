/** Locates `../shared/vectors/` beside the repository root; tests read the vectors in place. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot: string = path.resolve(here, '../../..');
export const vectorsDir: string = process.env.IKRAR_VECTORS ?? path.resolve(repoRoot, '../shared/vectors');
export const haveVectors: boolean = existsSync(vectorsDir);
if (!haveVectors) console.warn(`[vectors] ${vectorsDir} not found: external vector tests are skipped`);

export function vectorText(rel: string): string {
  return readFileSync(path.join(vectorsDir, rel), 'utf8');
}
export function vectorBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(vectorsDir, rel)));
}
export function vectorJson<T = unknown>(rel: string): T {
  return JSON.parse(vectorText(rel)) as T;
}
