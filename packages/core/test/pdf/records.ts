/** Fixed pledge records and drawings for the PDF tests: a fixed agency key, so records are byte-stable. */
import {
  createPledge,
  digestSignatureStrokes,
  keyPairFromSecretKey,
  signPledge,
  type CreatePledgeInput,
  type SignatureStrokes,
  type SignedPledge,
} from '../../src/index.js';

/** The agency key of every test record (not a real key). */
export const AGENCY = keyPairFromSecretKey(new Uint8Array(32).map((_, i) => (i * 7 + 3) & 0xff));

/** A drawing like signature_pad's: two strokes and a dot, on a 300 × 100 pad. */
export const DRAWING: SignatureStrokes = {
  width: 300,
  height: 100,
  strokes: [
    [
      { x: 12, y: 62 },
      { x: 30, y: 28 },
      { x: 48, y: 70 },
      { x: 66, y: 30 },
      { x: 84, y: 74 },
      { x: 102, y: 36 },
      { x: 130, y: 60 },
      { x: 160, y: 48 },
      { x: 190, y: 58 },
    ],
    [
      { x: 150, y: 80 },
      { x: 210, y: 70 },
      { x: 280, y: 66 },
    ],
    [{ x: 232, y: 40 }],
  ],
};

/** The input of the reference certificate (Latin-1 text only). */
export function referenceInput(overrides: Partial<CreatePledgeInput> = {}): CreatePledgeInput {
  return {
    template: 'skb-2022-asn',
    issuer: { id: AGENCY.controller, name: 'Pemerintah Kabupaten Klaten' },
    signer: {
      name: 'Sri Wahyuni Rahayuningsih',
      employeeType: 'PNS',
      identifier: '199001012015032001',
      position: 'Analis Kebijakan Ahli Muda',
      workUnit: 'Dinas Komunikasi dan Informatika',
    },
    event: { name: 'Pemilu dan Pemilihan 2024', place: 'Pendopo Pemkab Klaten', date: '2024-01-08' },
    consent: {
      acknowledgedPoints: [1, 2, 3, 4],
      method: 'drawn',
      signatureDigestMultibase: digestSignatureStrokes(DRAWING),
      acknowledgedAt: '2024-01-08T08:15:00+07:00',
    },
    timeZone: 'WIB',
    id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
    now: new Date('2024-01-08T02:00:00Z'),
    ...overrides,
  };
}

/**
 * Signs a record with the fixed agency key at a fixed time.
 * @param input - createPledge input
 * @returns the signed record
 */
export async function signed(input: CreatePledgeInput = referenceInput()): Promise<SignedPledge> {
  return signPledge(createPledge(input), AGENCY, {
    created: '2024-01-08T08:16:00+07:00',
    proofId: 'urn:uuid:5e0c7b8a-3f7e-4a51-9a57-6c1f2b9d0a11',
  });
}
