/**
 * Native Ed25519 engines for the command, each put behind the strict checks by
 * `createStrictVerifier` (library): libsodium through the optional `sodium-native` package,
 * node:crypto (OpenSSL) with one cached `KeyObject` per key (imported from JWK: 5-10 µs, where
 * DER costs ~90), or none (core's noble reference, the slowest).
 *
 * @module
 * @example
 * ```ts
 * const engine = loadEngine('auto'); // sodium when installed, else node
 * await verifyPledge(record, { verifySignature: engine.verify });
 * ```
 */
import { createPublicKey, hash, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  createStrictVerifier,
  keyId,
  type NativeVerify,
  type StrictVerify,
  type StrictVerifyStats,
} from '../../strict-signature.js';

/**
 * SHA-256 through OpenSSL, for core's `verifyPledge({ sha256 })`: the same digest as the pure-JS
 * default, several times faster on a 3 KB record.
 * @param bytes - input
 * @returns 32-byte digest
 * @example nodeSha256(new Uint8Array())
 */
export function nodeSha256(bytes: Uint8Array): Uint8Array {
  // One-shot crypto.hash (Node 20.12): no Hash object per call.
  const d = hash('sha256', bytes, 'buffer');
  return new Uint8Array(d.buffer, d.byteOffset, d.length);
}

/** Engine names accepted by `--engine`. */
export type EngineName = 'sodium' | 'node' | 'noble';

/** A loaded engine. */
export interface Engine {
  readonly name: EngineName;
  /** `undefined` for noble: core's default `verifyEd25519`. */
  readonly verify?: StrictVerify;
  readonly stats: StrictVerifyStats;
}

/**
 * A raw Ed25519 public key as a `KeyObject`, imported from JWK (RFC 8037 §2: `OKP`, `Ed25519`,
 * `x` the key's base64url): 5-10 µs, where the DER (SPKI) import costs 80-90 µs.
 */
function importKey(publicKey: Uint8Array): KeyObject {
  const x = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.length).toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/**
 * The raw node:crypto verify, on a `KeyObject` imported from JWK. A key met a second time (an
 * issuer's) is kept; a key met once (an employee's own) is not, so the OpenSSL memory behind
 * `KeyObject`s, which V8 cannot see, cannot pile up.
 * @returns a {@link NativeVerify}
 * @example nodeCryptoVerify()(sig, msg, pub)
 */
export function nodeCryptoVerify(): NativeVerify {
  const byObject = new WeakMap<Uint8Array, KeyObject>();
  const byHex = new Map<string, KeyObject>();
  const seenOnce = new Set<string>();
  return (signature, message, publicKey) => {
    let key = byObject.get(publicKey);
    if (!key) {
      const id = keyId(publicKey);
      key = byHex.get(id);
      if (!key) {
        if (!seenOnce.has(id)) {
          if (seenOnce.size >= 4096) seenOnce.clear();
          seenOnce.add(id);
          return cryptoVerify(null, message, importKey(publicKey), signature);
        }
        key = importKey(publicKey);
        if (byHex.size >= 1024) byHex.clear();
        byHex.set(id, key);
      }
      byObject.set(publicKey, key);
    }
    return cryptoVerify(null, message, key, signature);
  };
}

interface Sodium {
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

/**
 * The raw libsodium verify, when the optional `sodium-native` package loads.
 * @returns a {@link NativeVerify}, or `undefined` when the package is absent or fails to load
 * @example sodiumVerify()?.(sig, msg, pub)
 */
export function sodiumVerify(): NativeVerify | undefined {
  if (process.env.IKRAR_NO_SODIUM === '1') return undefined;
  try {
    const sodium = createRequire(import.meta.url)('sodium-native') as Sodium;
    if (typeof sodium.crypto_sign_verify_detached !== 'function') return undefined;
    return (signature, message, publicKey) => sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return undefined;
  }
}

/**
 * Loads the asked engine; `auto` picks sodium, else node.
 * @param name - `auto`, `sodium`, `node` or `noble`
 * @returns the engine, or `undefined` when `sodium` was asked and is not installed
 * @example loadEngine('auto').name
 */
export function loadEngine(name: 'auto' | EngineName): Engine | undefined {
  const stats: StrictVerifyStats = { nativeAccepted: 0, referenceChecks: 0, refusedEarly: 0 };
  if (name === 'noble') return { name, stats };
  if (name === 'sodium' || name === 'auto') {
    const native = sodiumVerify();
    if (native) return { name: 'sodium', verify: createStrictVerifier(native, stats), stats };
    if (name === 'sodium') return undefined;
  }
  return { name: 'node', verify: createStrictVerifier(nodeCryptoVerify(), stats), stats };
}
