/**
 * The agency's Ed25519 key: kept in a file only its owner can read (0600), created on first run,
 * refused when others can read it, never overwritten. Rotation makes a new key file, keeps the old
 * one beside it (renamed, still 0600) and records its public part with `validUntil`, so
 * `trust.json` keeps vouching for what the old key signed. Signing runs on node:crypto.
 *
 * @module
 * @example
 * ```ts
 * const key = loadOrCreateAgencyKey('data/agency-key.json');
 * const trust = trustDocument('Pemerintah Kabupaten Jembrana', key.keys);
 * ```
 */
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import {
  formatTimestamp,
  generateKeyPair,
  keyPairFromSecretKey,
  multibaseToSecretKey,
  parseJson,
  secretKeyToMultibase,
  SignatureInvalidError,
  type Ed25519KeyPair,
  type Signer,
} from '@ikrar/core';
import { ServerError } from './errors.js';
import { threadSigner } from './internal/sign-thread.js';

export type { Signer } from '@ikrar/core';

/** A key in `trust.json`: the agency's DID with the time it may sign in. */
export interface TrustedKey {
  /** `did:key:z6Mk…`. */
  id: string;
  /** RFC 3339. */
  validFrom: string;
  /** RFC 3339, or null while the key is in use. */
  validUntil: string | null;
  /** RFC 3339 when the key was compromised, or null. */
  revokedAt: string | null;
}

/** The loaded agency key. The secret stays inside `signer`. */
export interface AgencyKey {
  /** `did:key:z6Mk…`: the issuer id of every record it signs. */
  readonly controller: string;
  /** The verification method, `did:key:z6Mk…#z6Mk…`. */
  readonly id: string;
  readonly publicKey: Uint8Array;
  readonly signer: Signer;
  /** Whether this call created the file. */
  readonly created: boolean;
  /** Every key this agency has used, the current one last (`validUntil: null`). */
  readonly keys: readonly TrustedKey[];
}

interface KeyFile {
  type: 'Ed25519';
  controller: string;
  secretKeyMultibase: string;
  createdAt: string;
  /** Keys this one replaced, public parts only. */
  retired?: TrustedKey[];
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A signer on node:crypto (OpenSSL), several times faster than the pure-JS one, signing on a
 * worker thread so the service's thread goes on with other requests meanwhile. Each signature is
 * checked against the public key with node:crypto before it is returned, so the signer carries no
 * `publicKey` for core to check it again on the slower WebCrypto path.
 */
export function nodeSigner(keyPair: Ed25519KeyPair): Signer {
  const secret: KeyObject = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, Buffer.from(keyPair.secretKey.subarray(0, 32))]),
    format: 'der',
    type: 'pkcs8',
  });
  const pub = createPublicKey(secret);
  const signHere = (data: Uint8Array): Uint8Array | null => {
    const signature = nodeSign(null, data, secret);
    return nodeVerify(null, data, pub, signature) ? new Uint8Array(signature) : null;
  };
  const signOnThread = threadSigner(secret, pub, signHere);
  return Object.freeze({
    id: keyPair.id,
    controller: keyPair.controller,
    sign: async (data: Uint8Array) => {
      const signature = await signOnThread(data);
      if (!signature) {
        throw new SignatureInvalidError('self-check');
      }
      return signature;
    },
  });
}

function writeKeyFile(file: string, body: KeyFile): void {
  // 'wx' fails if the file exists (another process created it first): a key is never overwritten.
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

function newKeyFile(now: Date, retired: TrustedKey[]): { body: KeyFile; key: Ed25519KeyPair } {
  const key = generateKeyPair();
  const body: KeyFile = {
    type: 'Ed25519',
    controller: key.controller,
    secretKeyMultibase: secretKeyToMultibase(key.secretKey),
    createdAt: now.toISOString(),
    ...(retired.length > 0 && { retired }),
  };
  return { body, key };
}

function readKeyFile(file: string): { body: KeyFile; key: Ed25519KeyPair } {
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new ServerError('ERR_KEY_FILE_PERMISSIONS', { file, mode: mode.toString(8) });
  }
  try {
    const body = parseJson(readFileSync(file, 'utf8')) as KeyFile;
    const key = keyPairFromSecretKey(multibaseToSecretKey(body.secretKeyMultibase));
    if (body.controller !== key.controller || Number.isNaN(Date.parse(body.createdAt))) throw new Error('mismatch');
    if (body.retired !== undefined && !Array.isArray(body.retired)) throw new Error('retired');
    return { body, key };
  } catch (cause) {
    // The cause is dropped on purpose: it could quote the file's content.
    void cause;
    throw new ServerError('ERR_KEY_FILE_INVALID', { file });
  }
}

function toAgencyKey(body: KeyFile, key: Ed25519KeyPair, created: boolean): AgencyKey {
  const current: TrustedKey = {
    id: key.controller,
    validFrom: formatTimestamp(body.createdAt, 'WIB'),
    validUntil: null,
    revokedAt: null,
  };
  return Object.freeze({
    controller: key.controller,
    id: key.id,
    publicKey: key.publicKey,
    signer: nodeSigner(key),
    created,
    keys: Object.freeze([...(body.retired ?? []), current]),
  });
}

/**
 * Loads the agency key from `file`, or creates it there (mode 0600) when there is none.
 *
 * @param file - path of the key file
 * @param options - `now`: creation time of a new key (tests)
 * @returns the key, with its signer and the keys it replaced
 * @throws {ServerError} `ERR_KEY_FILE_PERMISSIONS` when group or others can read it;
 *   `ERR_KEY_FILE_INVALID` when it is not a key file (its content is never quoted)
 */
export function loadOrCreateAgencyKey(file: string, options: { now?: Date } = {}): AgencyKey {
  if (!existsSync(file)) {
    const { body, key } = newKeyFile(options.now ?? new Date(), []);
    try {
      writeKeyFile(file, body);
      return toAgencyKey(body, key, true);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // Another process created it between our check and our write: use theirs.
    }
  }
  const { body, key } = readKeyFile(file);
  return toAgencyKey(body, key, false);
}

/**
 * Replaces the agency key: the old file is kept as `<file>.retired-<time>` (0600, for backups
 * and audits), a new key is written to `file`, and the old key's public part moves to the new
 * file's history with `validUntil` = now, so `trust.json` still vouches for what it signed.
 *
 * @param file - path of the current key file
 * @param options - `now`: the moment of rotation (tests)
 * @returns the new key (its `keys` lists the old one, closed)
 * @throws {ServerError} as {@link loadOrCreateAgencyKey}; `ERR_KEY_FILE_EXISTS` when the
 *   retired name is taken (two rotations in the same millisecond)
 */
export function rotateAgencyKey(file: string, options: { now?: Date } = {}): AgencyKey {
  const now = options.now ?? new Date();
  const { body: old } = readKeyFile(file);
  const closed: TrustedKey[] = [
    ...(old.retired ?? []),
    {
      id: old.controller,
      validFrom: formatTimestamp(old.createdAt, 'WIB'),
      validUntil: formatTimestamp(now, 'WIB'),
      revokedAt: null,
    },
  ];
  const retiredName = `${file}.retired-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    linkSync(file, retiredName); // fails if the name exists: nothing is overwritten
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new ServerError('ERR_KEY_FILE_EXISTS', { file: retiredName });
    throw err;
  }
  unlinkSync(file);
  const { body, key } = newKeyFile(now, closed);
  writeKeyFile(file, body);
  return toAgencyKey(body, key, true);
}

/** `trust.json` as `ikrar-verify --trust` reads it. */
export interface TrustDocument {
  issuers: { id: string; name: string; validFrom: string; validUntil: string | null; revokedAt: string | null }[];
}

/**
 * The trust store an auditor gives `ikrar-verify --trust`: every key of the agency with the
 * time it could sign in.
 *
 * @param name - the agency's name
 * @param keys - from {@link AgencyKey.keys}, or the host's own list
 * @returns the document
 */
export function trustDocument(name: string, keys: readonly TrustedKey[]): TrustDocument {
  return {
    issuers: keys.map((k) => ({
      id: k.id,
      name,
      validFrom: k.validFrom,
      validUntil: k.validUntil,
      revokedAt: k.revokedAt ?? null,
    })),
  };
}
