// Shared by the collective tests: the Klaten event, what a representative's browser does, a
// refusal with both messages, and Digital Bazaar's verifier on one proof.
import { signPledge, type CollectiveCredential, type Ed25519KeyPair, type SignedCollective } from '@ikrar/core';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { expect } from 'vitest';
import { offlineDocumentLoader } from '../../core/test/fixtures/db-document-loader.js';
import { ServerError, type CollectiveEvent, type CollectiveService } from '../src/index.js';

const { documentLoader } = offlineDocumentLoader();

export const EVENT: CollectiveEvent = {
  id: 'pemilu-2024',
  name: 'Pemilu dan Pemilihan 2024',
  place: 'Halaman Pendopo Pemkab Klaten',
  date: '2024-01-08',
  timeZone: 'WIB',
};

/** What a representative's browser does: sign the credential alone, in their slot, keep that proof. */
export async function proofOf(
  svc: CollectiveService,
  identifier: string,
  key: Ed25519KeyPair,
  created: Date = new Date(),
): Promise<Record<string, unknown>> {
  const state = (await svc.get(EVENT.id))!;
  const index = svc.indexOf(state, identifier);
  const { proof: _drop, ...credential } = state.document as SignedCollective;
  const slot = (credential as CollectiveCredential).credentialSubject.representatives[index]!.proofId;
  const signed = await signPledge(credential as never, key, { mode: 'set', proofId: slot, created, timeZone: 'WIB' });
  return signed.proof as unknown as Record<string, unknown>;
}

/** The error a promise is refused with: a ServerError with both messages. */
export async function refusal(p: Promise<unknown>): Promise<ServerError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServerError);
  const e = err as ServerError;
  expect(e.messages.id.length).toBeGreaterThan(10);
  expect(e.messages.en.length).toBeGreaterThan(10);
  return e;
}

/** Digital Bazaar's eddsa-jcs-2022 verifier on a document (one proof). */
export async function dbVerify(document: unknown): Promise<boolean> {
  const r = await jsigs.verify(structuredClone(document), {
    suite: new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader,
  });
  return r.verified;
}
