// @ts-check
// The agency's signing key: created on first run, kept in a file only its owner can read (0600),
// refused if anyone else can read it. The secret never leaves this module except as a Signer.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  createSigner,
  generateKeyPair,
  keyPairFromSecretKey,
  multibaseToSecretKey,
  secretKeyToMultibase,
} from '@ikrar/core';

export class AgencyKeyError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = 'AgencyKeyError';
    this.code = code;
  }
}

/**
 * Loads the agency key from `file`, or creates it there with mode 0600.
 * @param {string} file
 * @returns {{ controller: string, id: string, publicKey: Uint8Array, signer: import('@ikrar/core').Signer, created: boolean }}
 */
export function loadOrCreateAgencyKey(file) {
  if (!existsSync(file)) {
    const key = generateKeyPair();
    const body = {
      type: 'Ed25519',
      controller: key.controller,
      secretKeyMultibase: secretKeyToMultibase(key.secretKey),
      createdAt: new Date().toISOString(),
    };
    // 'wx' fails if another process created it first: never overwrite a key.
    writeFileSync(file, JSON.stringify(body, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return { ...publicPart(key), signer: createSigner(key), created: true };
  }
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new AgencyKeyError(
      'ERR_KEY_FILE_PERMISSIONS',
      `Agency key file ${file} is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${file} / ` +
        `Berkas kunci instansi dapat dibaca pihak lain; jalankan: chmod 600 ${file}`,
    );
  }
  let key;
  try {
    const body = JSON.parse(readFileSync(file, 'utf8'));
    key = keyPairFromSecretKey(multibaseToSecretKey(body.secretKeyMultibase));
    if (body.controller !== key.controller) throw new Error('controller mismatch');
  } catch {
    throw new AgencyKeyError(
      'ERR_KEY_FILE_INVALID',
      `Agency key file ${file} is damaged / Berkas kunci instansi rusak`,
    );
  }
  return { ...publicPart(key), signer: createSigner(key), created: false };
}

/** @param {{ controller: string, id: string, publicKey: Uint8Array }} key */
function publicPart(key) {
  return { controller: key.controller, id: key.id, publicKey: key.publicKey };
}
