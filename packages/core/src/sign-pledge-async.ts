/**
 * `signPledgeAsync`: adds the proof `signPledge` adds, hashing with WebCrypto where available and
 * checking a signer's first signature with `verifyEd25519Async`. A WebCrypto or host signer needs
 * no noble; a key pair loads it to sign.
 *
 * @module
 * @example
 * ```ts
 * import { generateSigner, signPledgeAsync } from '@ikrar/core/webcrypto';
 * const record = await signPledgeAsync(credential, await generateSigner());
 * ```
 */
import { toMultibase58 } from './encoding.js';
import { assertSignatureBytes, planProofInput, selfCheckFailed, type CreateProofOptions } from './internal/proofs.js';
import { isSigner, planProof, withProof } from './internal/sign-record.js';
import type { Ed25519KeyPair, Signer } from './keys.js';
import type { DataIntegrityProof, PledgeCredential, SignedPledge } from './record.js';
import type { SignPledgeOptions } from './sign-pledge.js';
import { hashDataAsync, verifyEd25519Async } from './webcrypto-verify.js';

async function createProofAsync(
  document: Record<string, unknown>,
  signer: Signer,
  options: CreateProofOptions,
  selfCheck: boolean,
): Promise<DataIntegrityProof> {
  const { config, input } = planProofInput(document, signer.id, options);
  const hash = options.hash;
  const data = await hashDataAsync(input, config, hash && (async (bytes) => hash(bytes)));
  const signature = await signer.sign(data);
  assertSignatureBytes(signature);
  // A host, HSM or WebCrypto signer is checked against its own key before its output is trusted.
  if (selfCheck && signer.publicKey && !(await verifyEd25519Async(signature, data, signer.publicKey))) {
    throw selfCheckFailed();
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
