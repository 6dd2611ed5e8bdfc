/**
 * `createPledgeAsync`, `signPledgeAsync` and `verifyPledgeAsync`: the same credentials, proofs and
 * verdicts as `createPledge`, `signPledge` and `verifyPledge`, with SHA-256 and Ed25519 from
 * WebCrypto where the runtime has them and `@noble/*` loaded on demand where it does not (see
 * `webcrypto-verify.ts`). For browsers: a page that uses only these never downloads noble on a modern
 * browser in a secure context. On Node the synchronous functions are faster for batches.
 *
 * @module
 * @example
 * ```ts
 * import { createPledgeAsync, generateWebCryptoSigner, signPledgeAsync, verifyPledgeAsync } from '@ikrar/core';
 * const key = await generateWebCryptoSigner();
 * const record = await signPledgeAsync(await createPledgeAsync(input), key);
 * (await verifyPledgeAsync(record)).verified; // true
 * ```
 */
import { canonicalizeToBytes } from './canonicalize.js';
import type { CreatePledgeInput } from './create-pledge.js';
import type { CreateProofOptions } from './data-integrity.js';
import { toMultibase58 } from './encoding.js';
import { SignatureInvalidError } from './errors.js';
import { buildPledge } from './internal/build-pledge.js';
import { proofsOf, securedInput } from './internal/proofs.js';
import { isSigner, planProof, withProof } from './internal/sign-record.js';
import {
  verifyRecord,
  type VerifyEngine,
  type VerifyOptions,
  type VerifyPledgeResult,
} from './internal/verify-record.js';
import type { Ed25519KeyPair, Signer } from './keys.js';
import { CRYPTOSUITE, type DataIntegrityProof, type PledgeCredential, type SignedPledge } from './record.js';
import type { SignPledgeOptions } from './sign-pledge.js';
import {
  digestJsonAsync,
  isStrictPublicKeyAsync,
  sha256Async,
  verifyEd25519Async,
  type Sha256Async,
} from './webcrypto-verify.js';

/** Options of {@link verifyPledgeAsync}: those of `verifyPledge`, with an asynchronous `sha256`. */
export type VerifyPledgeAsyncOptions = VerifyOptions<Sha256Async>;

/**
 * eddsa-jcs-2022 §3.3.4 hashing with an asynchronous SHA-256: SHA-256(canonical config) ‖
 * SHA-256(canonical document), as `hashData`.
 * @param document - the secured input
 * @param config - the proof without `proofValue`
 * @param hash - SHA-256; default {@link sha256Async}
 * @returns 64 bytes
 * @throws {CanonicalizationError} when either is not I-JSON
 * @example await hashDataAsync(unsecured, config)
 */
export async function hashDataAsync(
  document: Record<string, unknown>,
  config: Record<string, unknown>,
  hash: Sha256Async = sha256Async,
): Promise<Uint8Array> {
  const [c, d] = await Promise.all([hash(canonicalizeToBytes(config)), hash(canonicalizeToBytes(document))]);
  const out = new Uint8Array(64);
  out.set(c, 0);
  out.set(d, 32);
  return out;
}

const WEBCRYPTO: VerifyEngine<Sha256Async> = {
  proofsOf,
  securedInput,
  hashData: hashDataAsync,
  digestJson: digestJsonAsync,
  verify: verifyEd25519Async,
  isStrictPublicKey: isStrictPublicKeyAsync,
};

/**
 * Builds the unsigned credential: `createPledge` with the pledge digest from {@link sha256Async}.
 *
 * @param input - template, issuer, signer, event, consent, zone
 * @returns the same credential `createPledge` builds
 * @throws as `createPledge` (`TemplateUnknownError`, `IdentifierInvalidError`,
 *   `ConsentIncompleteError`, `RecordInvalidError`)
 * @example await createPledgeAsync({ template: 'skb-2022-asn', issuer, signer, event, consent })
 */
export async function createPledgeAsync(input: CreatePledgeInput): Promise<PledgeCredential> {
  let body: object | undefined;
  const credential = buildPledge(input, (pledgeBody) => {
    body = pledgeBody;
    return '';
  });
  // The digest is the last key of `pledge` either way, so the JSON is that of createPledge.
  (credential.credentialSubject.pledge as { digestMultibase: string }).digestMultibase = await digestJsonAsync(body);
  return credential;
}

async function createProofAsync(
  document: Record<string, unknown>,
  signer: Signer,
  options: CreateProofOptions,
  selfCheck: boolean,
): Promise<DataIntegrityProof> {
  const config: Record<string, unknown> = {
    ...(options.id !== undefined && { id: options.id }),
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    ...(options.created !== undefined && { created: options.created }),
    verificationMethod: signer.id,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...(options.previousProof !== undefined && { previousProof: options.previousProof }),
  };
  // eddsa-jcs-2022 §3.3.1 Create Proof step 2: the proof carries the document's @context.
  if (document['@context'] !== undefined) config['@context'] = document['@context'];
  const input = securedInput(document, options.previousProof, proofsOf(document));
  if (!input) {
    throw new SignatureInvalidError({
      en: 'previousProof names a proof the document does not have.',
      id: 'previousProof merujuk bukti yang tidak ada dalam dokumen.',
    });
  }
  const data = await hashDataAsync(input, config);
  const signature = await signer.sign(data);
  if (!(signature instanceof Uint8Array) || signature.length !== 64) {
    throw new SignatureInvalidError({
      en: 'The signer returned something other than a 64-byte Ed25519 signature.',
      id: 'Penanda tangan mengembalikan sesuatu selain tanda tangan Ed25519 64 byte.',
    });
  }
  // A host, HSM or WebCrypto signer is checked against its own key before its output is trusted.
  if (selfCheck && signer.publicKey && !(await verifyEd25519Async(signature, data, signer.publicKey))) {
    throw new SignatureInvalidError({
      en: 'The signer produced a signature that does not verify under its own key.',
      id: 'Tanda tangan dari penanda tangan tidak terverifikasi dengan kuncinya sendiri.',
    });
  }
  return { ...(config as Omit<DataIntegrityProof, 'proofValue'>), proofValue: toMultibase58(signature) };
}

/**
 * Adds a proof to a credential, as `signPledge` does, hashing with {@link sha256Async}. A
 * {@link Signer} (`generateWebCryptoSigner`, a host) needs no noble; a key pair loads it to sign.
 *
 * @param credential - an unsigned credential, or a signed one to countersign
 * @param key - a {@link Signer}, or an in-memory key pair
 * @param options - created, zone, chain or set, proof id
 * @returns the signed record, the one `signPledge` makes
 * @throws as `signPledge` (`RecordInvalidError`, `CanonicalizationError`, `SignatureInvalidError`)
 * @example await signPledgeAsync(await createPledgeAsync(input), await generateWebCryptoSigner())
 */
export async function signPledgeAsync(
  credential: PledgeCredential | SignedPledge,
  key: Ed25519KeyPair | Signer,
  options: SignPledgeOptions = {},
): Promise<SignedPledge> {
  const { existing, proofOptions } = planProof(credential, options);
  const signer = isSigner(key) ? key : (await import('./internal/noble.js')).createSigner(key);
  const doc = credential as unknown as Record<string, unknown>;
  return withProof(credential, existing, await createProofAsync(doc, signer, proofOptions, isSigner(key)));
}

/**
 * Verifies one record with the checks and verdicts of `verifyPledge`, through WebCrypto first.
 * Never throws for a bad signature or a malformed record.
 *
 * @param record - a parsed record (use `parseJson` on untrusted text first)
 * @param options - keys, resolver, signature check, purpose, an asynchronous `sha256`
 * @returns a `VerifyPledgeResult`
 * @example
 * ```ts
 * const { verified, code } = await verifyPledgeAsync(record);
 * ```
 */
export function verifyPledgeAsync(
  record: unknown,
  options: VerifyPledgeAsyncOptions = {},
): Promise<VerifyPledgeResult> {
  return verifyRecord(record, options, WEBCRYPTO);
}
