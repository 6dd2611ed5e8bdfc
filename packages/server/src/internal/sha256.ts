/**
 * SHA-256 on node:crypto (OpenSSL) for the hot path: for a record's few kilobytes it is several
 * times faster than `@noble/hashes` and, being synchronous, skips the thread-pool round trip of
 * `crypto.subtle.digest`. The digests are the same bytes.
 */
import { createHash } from 'node:crypto';

export const nodeSha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();
