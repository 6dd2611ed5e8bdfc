/**
 * Bitstring Status List v1.0 (W3C Recommendation) lists: a bitstring of at least 131,072 entries,
 * one bit per record, the most significant bit of the first byte being entry 0 (§4.1), compressed
 * with GZIP (RFC 1952) and written as multibase base64url without padding (`u…`, §2.1
 * `encodedList`). GZIP runs through the Web `CompressionStream`, so this works in browsers, Node
 * and workers alike.
 *
 * Decoding treats the text as hostile: anything that is not `u` + unpadded base64url of a single
 * GZIP member is refused, as is a list shorter than the minimum (§4.1 step: STATUS_LIST_LENGTH_ERROR)
 * and one that inflates past a stated limit (a GZIP bomb), which is stopped while inflating.
 *
 * @module
 * @example
 * ```ts
 * import { createStatusList, setStatus, encodeStatusList, decodeStatusList, isStatusSet } from '@ikrar/core/status';
 * const list = createStatusList();
 * setStatus(list, 94567, true);
 * const encodedList = await encodeStatusList(list); // 'uH4sIAAAAAAAA…'
 * isStatusSet(await decodeStatusList(encodedList), 94567); // true
 * ```
 */
import { base64urlnopad } from '@scure/base';
import { StatusListEncodingError, StatusListTooLargeError, StatusListTooShortError } from './errors.js';
import { assertBytes, describe } from './internal/assert.js';

/** The fewest entries a list may have: 16 KiB of bits (Bitstring Status List v1.0 §4.1, §6.1 herd privacy). */
export const STATUS_LIST_MIN_LENGTH = 131_072;
/** Default largest list `decodeStatusList` inflates: 16,777,216 entries (2 MiB). */
export const STATUS_LIST_MAX_LENGTH = 16_777_216;

/** Options of {@link decodeStatusList}. */
export interface DecodeStatusListOptions {
  /** Largest list accepted, in entries; inflation stops past it. Default {@link STATUS_LIST_MAX_LENGTH}. */
  maxLength?: number;
}

function assertLength(length: unknown): asserts length is number {
  if (typeof length !== 'number') throw new TypeError(`"length" expected number, got ${describe(length)}`);
  if (!Number.isSafeInteger(length) || length % 8 !== 0 || length < STATUS_LIST_MIN_LENGTH) {
    throw new RangeError(`"length" expected a multiple of 8 of at least ${STATUS_LIST_MIN_LENGTH}, got ${length}`);
  }
}

function assertIndex(list: Uint8Array, index: unknown): asserts index is number {
  if (typeof index !== 'number') throw new TypeError(`"index" expected number, got ${describe(index)}`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.length * 8) {
    throw new RangeError(`"index" expected an integer from 0 to ${list.length * 8 - 1}, got ${index}`);
  }
}

/**
 * A new list with every entry clear.
 * @param length - number of entries, a multiple of 8, at least {@link STATUS_LIST_MIN_LENGTH} (the default)
 * @returns the bits, `length / 8` bytes
 * @throws TypeError / RangeError for a length that is not such a number
 * @example createStatusList().length // 16384 bytes
 */
export function createStatusList(length: number = STATUS_LIST_MIN_LENGTH): Uint8Array {
  assertLength(length);
  return new Uint8Array(length / 8);
}

/**
 * Whether entry `index` is set (for `revocation`: the record is revoked).
 * @param list - the bits
 * @param index - entry number, 0 first
 * @returns `true` when the bit is 1
 * @throws TypeError / RangeError for an index outside the list
 * @example isStatusSet(list, 94567)
 */
export function isStatusSet(list: Uint8Array, index: number): boolean {
  assertBytes(list, 'list');
  assertIndex(list, index);
  // §4.1: the leftmost (most significant) bit of the first byte is index 0.
  return ((list[index >>> 3] as number) & (0x80 >>> (index & 7))) !== 0;
}

/**
 * Sets or clears entry `index` in place.
 * @param list - the bits (changed)
 * @param index - entry number, 0 first
 * @param value - `true` to set
 * @throws TypeError / RangeError for an index outside the list or a value that is not boolean
 * @example setStatus(list, 94567, true)
 */
export function setStatus(list: Uint8Array, index: number, value: boolean): void {
  assertBytes(list, 'list');
  assertIndex(list, index);
  if (typeof value !== 'boolean') throw new TypeError(`"value" expected boolean, got ${describe(value)}`);
  const mask = 0x80 >>> (index & 7);
  const byte = list[index >>> 3] as number;
  list[index >>> 3] = value ? byte | mask : byte & ~mask;
}

async function drain(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array[] | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * `encodedList` of a list: GZIP, then multibase base64url without padding (§2.1).
 * @param list - the bits, at least {@link STATUS_LIST_MIN_LENGTH} entries
 * @returns `u` + base64url
 * @throws TypeError / RangeError for a list that is not bytes or is too short
 * @example await encodeStatusList(createStatusList())
 */
export async function encodeStatusList(list: Uint8Array): Promise<string> {
  assertBytes(list, 'list');
  assertLength(list.length * 8);
  const stream = new Blob([list as BufferSource]).stream().pipeThrough(new CompressionStream('gzip'));
  const gz = concat((await drain(stream, Number.MAX_SAFE_INTEGER)) as Uint8Array[]);
  return 'u' + base64urlnopad.encode(gz);
}

/**
 * Decodes `encodedList`, refusing anything but one GZIP member of a list of the allowed size.
 * @param encodedList - `u` + unpadded base64url of the GZIP-compressed bits
 * @param options - `maxLength` in entries
 * @returns the bits
 * @throws {StatusListEncodingError} `ERR_STATUS_LIST_ENCODING`: not a string, no `u` prefix, not base64url, not GZIP
 * @throws {StatusListTooShortError} `ERR_STATUS_LIST_TOO_SHORT`: fewer than {@link STATUS_LIST_MIN_LENGTH} entries
 * @throws {StatusListTooLargeError} `ERR_STATUS_LIST_TOO_LARGE`: more than `maxLength` entries (stopped while inflating)
 * @example isStatusSet(await decodeStatusList(credential.credentialSubject.encodedList), 94567)
 */
export async function decodeStatusList(
  encodedList: string,
  options: DecodeStatusListOptions = {},
): Promise<Uint8Array> {
  const maxLength = options.maxLength ?? STATUS_LIST_MAX_LENGTH;
  if (!Number.isSafeInteger(maxLength) || maxLength < STATUS_LIST_MIN_LENGTH) {
    throw new RangeError(`"maxLength" expected an integer of at least ${STATUS_LIST_MIN_LENGTH}, got ${maxLength}`);
  }
  const maxBytes = Math.ceil(maxLength / 8);
  if (typeof encodedList !== 'string') throw new StatusListEncodingError('not-string');
  if (encodedList[0] !== 'u') throw new StatusListEncodingError('prefix');
  // Even incompressible bits grow by well under 1 KiB in GZIP; longer text cannot hold an allowed list.
  if (encodedList.length > Math.ceil(((maxBytes + 1024) * 4) / 3) + 1) {
    throw new StatusListTooLargeError(maxLength);
  }
  let gz: Uint8Array;
  try {
    gz = base64urlnopad.decode(encodedList.slice(1));
  } catch (cause) {
    throw new StatusListEncodingError('base64url', { cause });
  }
  // RFC 1952 §2.3.1: ID1 ID2 CM = 1f 8b 08.
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 0x08) {
    throw new StatusListEncodingError('gzip');
  }
  let chunks: Uint8Array[] | null;
  try {
    const stream = new Blob([gz as BufferSource]).stream().pipeThrough(new DecompressionStream('gzip'));
    chunks = await drain(stream, maxBytes);
  } catch (cause) {
    throw new StatusListEncodingError('gzip', { cause });
  }
  if (!chunks) throw new StatusListTooLargeError(maxLength);
  const bits = concat(chunks);
  // RFC 1952 §2.3.1 ISIZE: the member's length mod 2^32. A mismatch means a second member, which
  // some engines inflate and others refuse; we refuse everywhere so every verifier agrees.
  const isize =
    ((gz[gz.length - 4] as number) |
      ((gz[gz.length - 3] as number) << 8) |
      ((gz[gz.length - 2] as number) << 16) |
      ((gz[gz.length - 1] as number) << 24)) >>>
    0;
  if (isize !== bits.length >>> 0) throw new StatusListEncodingError('gzip');
  if (bits.length * 8 < STATUS_LIST_MIN_LENGTH) {
    throw new StatusListTooShortError(bits.length * 8);
  }
  return bits;
}
