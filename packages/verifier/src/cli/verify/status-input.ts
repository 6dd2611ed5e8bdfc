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
 * const lists = await readStatusLists(['status/'], trustStore, 'id');
 * ```
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isIkrarError, parseJson } from '@ikrar/core';
import { InputUnreadableError, StatusListInvalidError } from '../../errors.js';
import { loadStatusLists, type StatusListInput, type StatusLists } from '../../status-lists.js';
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
 * Reads, verifies and decodes the status lists named on the command line.
 * @param args - the `--status` values
 * @param trustStore - the auditor's trust store
 * @param verifySignature - the run's strict signature check
 * @returns the lists by `id`
 * @throws {InputUnreadableError} `ERR_INPUT_UNREADABLE` for a missing or unreadable path
 * @throws {StatusListInvalidError} `ERR_STATUS_LIST_INVALID` for bad JSON or a list that cannot be used
 */
export async function readStatusLists(
  args: readonly string[],
  trustStore: TrustStore,
  verifySignature?: StrictVerify,
): Promise<StatusLists> {
  const inputs: StatusListInput[] = [];
  for (const arg of args) {
    for (const file of await filesOf(arg)) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (cause) {
        throw unreadable(file, cause);
      }
      let json: unknown;
      try {
        json = parseJson(text);
      } catch (err) {
        const m = isIkrarError(err) ? err.messages : { id: String(err), en: String(err) };
        throw new StatusListInvalidError(file, 'ERR_JSON_INVALID', {
          id: MESSAGES.id.statusJson(file, m.id),
          en: MESSAGES.en.statusJson(file, m.en),
        });
      }
      if (Array.isArray(json)) json.forEach((credential, i) => inputs.push({ credential, source: `${file}[${i}]` }));
      else inputs.push({ credential: json, source: file });
    }
  }
  return loadStatusLists(inputs, { trustStore, ...(verifySignature && { verifySignature }) });
}
