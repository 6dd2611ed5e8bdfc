/**
 * `did:key` and Multikey names of an Ed25519 public key, as bytes and text only: no curve
 * arithmetic, so the WebCrypto path can name a key without loading `@noble/ed25519`. The point
 * checks live with the callers (`keys.ts` with noble, the WebCrypto paths with the native engine).
 */
import { fromMultibase58, toMultibase58 } from './encoding.js';
import type { Ed25519PublicKey } from './types.js';

/** `did:key:X` or its verification method `did:key:X#X` (did:key spec §3.1.2), X base58btc. */
export const DID_KEY: RegExp = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(z[1-9A-HJ-NP-Za-km-z]+))?$/;

export function withPrefix(prefix: readonly number[], bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + bytes.length);
  out.set(prefix, 0);
  out.set(bytes, prefix.length);
  return out;
}

/** Multikey text `z6Mk…` of 32 key bytes (multicodec 0xed 0x01), not checked as a point. */
export function multikeyOf(publicKey: Uint8Array): string {
  return toMultibase58(withPrefix([0xed, 0x01], publicKey));
}

/** The `did:key` names of 32 key bytes, not checked as a point. */
export function keyNames(publicKey: Uint8Array): Ed25519PublicKey {
  const mb = multikeyOf(publicKey);
  return { publicKey: publicKey.slice(), controller: `did:key:${mb}`, id: `did:key:${mb}#${mb}` };
}

/**
 * The 32 bytes a `did:key` verification method names, decoded but not yet checked as a curve
 * point (the strict signature check does that, so verifying a record decompresses each key once).
 * @param didOrMethod - `did:key:z6Mk…` or `did:key:z6Mk…#z6Mk…`
 * @returns 32 bytes, or `null` when it is not an Ed25519 did:key
 * @example decodeDidKey(proof.verificationMethod)
 */
export function decodeDidKey(didOrMethod: string): Uint8Array | null {
  if (typeof didOrMethod !== 'string') return null;
  const m = DID_KEY.exec(didOrMethod);
  if (!m || (m[2] !== undefined && m[2] !== m[1])) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromMultibase58(m[1] as string);
  } catch {
    return null;
  }
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return null;
  return bytes.slice(2);
}
