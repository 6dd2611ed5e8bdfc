/**
 * Reads `--status FILE|DIR` for `ikrar-verify`: each `.json` file (a directory's own `.json`
 * files, in name order) holds one status list credential or an array of them. Every list is then
 * verified against the trust store and decoded once (`loadStatusLists`); the workers get the bits.
 * An unreadable file, bad JSON, or a list that is unsigned, altered or untrusted is an input
 * error (exit 2), never a silent skip.
 *
 * @module
 * @example
 * ```ts
 * const lists = await readStatusListFiles(['status/'], trustStore);
 * ```
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputUnreadableError } from '../../errors.js';
import { readStatusLists } from '../../read-inputs.js';
import type { StatusLists } from '../../status-lists.js';
import type { StrictVerify } from '../../strict-signature.js';
import type { TrustStore } from '../../trust-store.js';
import { MESSAGES } from './messages.js';

function unreadable(f: string, cause: unknown): InputUnreadableError {
  return new InputUnreadableError(
    { id: MESSAGES.id.statusUnreadable(f), en: MESSAGES.en.statusUnreadable(f) },
    { cause },
  );
}

async function filesOf(arg: string): Promise<string[]> {
  let st;
  try {
    st = await stat(arg);
  } catch (cause) {
    throw unreadable(arg, cause);
  }
  if (!st.isDirectory()) return [arg];
  const names = (await readdir(arg)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  if (names.length === 0) {
    throw new InputUnreadableError({ id: MESSAGES.id.statusNone(arg), en: MESSAGES.en.statusNone(arg) });
  }
  return names.map((n) => path.join(arg, n));
}

/**
 * Reads the files named on the command line; the library's `readStatusLists` verifies and decodes them.
 * @param args - the `--status` values
 * @param trustStore - the auditor's trust store
 * @param verifySignature - the run's strict signature check
 * @returns the lists by `id`
 * @throws {InputUnreadableError} `ERR_INPUT_UNREADABLE` for a missing or unreadable path
 * @throws {StatusListInvalidError} `ERR_STATUS_LIST_INVALID` for bad JSON or a list that cannot be used
 */
export async function readStatusListFiles(
  args: readonly string[],
  trustStore: TrustStore,
  verifySignature?: StrictVerify,
): Promise<StatusLists> {
  const files: { name: string; text: string }[] = [];
  for (const arg of args) {
    for (const file of await filesOf(arg)) {
      try {
        files.push({ name: file, text: await readFile(file, 'utf8') });
      } catch (cause) {
        throw unreadable(file, cause);
      }
    }
  }
  return readStatusLists(files, trustStore, verifySignature);
}
