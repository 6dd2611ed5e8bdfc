/**
 * The short human verification code printed on a certificate: the first 10 characters of the RFC 4648
 * base32 encoding of SHA-256 over the RFC 8785 canonical form of the whole signed record (proofs
 * included), in two groups of five, e.g. `K7Q2M-XW4PA`. It binds the paper to one exact record: an
 * auditor recomputes it from the attached JSON and compares it with the print.
 *
 * @module
 * @example
 * ```ts
 * import { verificationCode } from '@ikrar/core/pdf';
 * verificationCode(record); // 'K7Q2M-XW4PA'
 * ```
 */
import { base32 } from '@scure/base';
import { canonicalizeToBytes } from '../canonicalize.js';
import { sha256 } from '../digest.js';

/**
 * Computes the verification code of a signed record.
 * @param record - the signed record, exactly as attached to the PDF
 * @returns ten base32 characters in two groups, e.g. `K7Q2M-XW4PA` (50 bits)
 * @throws {CanonicalizationError} `ERR_CANONICALIZATION_FAILED` when the record is not plain JSON
 * @example verificationCode(record)
 */
export function verificationCode(record: unknown): string {
  const code = base32.encode(sha256(canonicalizeToBytes(record))).slice(0, 10);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
