// Test data for <ikrar-verifikasi> (Node side of the browser tests): genuine records from
// examples/auditor/generate.mjs, 25 forgeries of every kind the verifier knows mixed in among them,
// and what `ikrar-verify --json` (the built command, run here) says about the very same file. The
// browser test verifies the same bytes and must report exactly the command's verdicts.
//
//   const f = await makeVerifyFixture({ genuine: 9850, core });  // { dir, files, expected }
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FORGERY_KINDS = [
  'altered-text',
  'swapped-proofs',
  'dropped-countersignature',
  'wrong-key',
  'small-order-key',
  'malformed-line',
];
const PER_KIND = 25;

const MALFORMED = [
  '{"a":1,"a":2}',
  'not json at all',
  '[]',
  '{}',
  '{"@context":["https://www.w3.org/ns/credentials/v2"]',
];

/** @param {{ genuine: number, core: any, seed?: number }} o */
export async function makeVerifyFixture({ genuine, core, seed = 20241007 }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-verifikasi-'));
  const gen = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'examples/auditor/generate.mjs'),
      '--count',
      String(genuine),
      '--out',
      dir,
      '--pdf',
      '1',
      '--seed',
      String(seed),
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (gen.status !== 0) throw new Error(`generate.mjs failed: ${gen.stderr}`);
  const lines = readFileSync(path.join(dir, 'records.jsonl'), 'utf8').trimEnd().split('\n');
  const records = lines.map((l) => JSON.parse(l));
  const chained = records.filter((r) => Array.isArray(r.proof));
  const single = records.filter((r) => !Array.isArray(r.proof));
  const stranger = core.generateKeyPair();
  // The identity point (a small-order key) and the signature R = identity, S = 0 that a
  // cofactorless verifier without the strict checks accepts for any message.
  const identity = new Uint8Array(32);
  identity[0] = 1;
  // did:key by hand (multicodec ed25519-pub 0xed01): core refuses to encode a small-order key.
  const identityDid = 'did:key:' + core.toMultibase58(Uint8Array.from([0xed, 0x01, ...identity]));
  const forgedSig = new Uint8Array(64);
  forgedSig[0] = 1;
  let rng = seed >>> 0;
  const rand = () => {
    rng = (rng + 0x6d2b79f5) >>> 0;
    let t = rng;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const clone = (r) => structuredClone(r);
  const forgeries = [];
  for (let i = 0; i < PER_KIND; i++) {
    const a = clone(pick(single));
    a.credentialSubject.pledge.points[0] = a.credentialSubject.pledge.points[0] + ' (diubah)';
    forgeries.push(JSON.stringify(a));

    const b = clone(pick(single));
    b.proof = clone(pick(single.filter((r) => r.id !== b.id))).proof;
    forgeries.push(JSON.stringify(b));

    const c = clone(pick(chained));
    c.proof = [c.proof[0]];
    forgeries.push(JSON.stringify(c));

    const d = clone(pick(single));
    delete d.proof;
    d.issuer = { ...d.issuer, id: stranger.controller };
    forgeries.push(JSON.stringify(await core.signPledge(d, stranger)));

    const e = clone(pick(chained));
    const vm = `${identityDid}#${identityDid.slice('did:key:'.length)}`;
    e.proof[0].verificationMethod = vm;
    e.proof[0].proofValue = core.toMultibase58(forgedSig);
    forgeries.push(JSON.stringify(e));

    forgeries.push(MALFORMED[i % MALFORMED.length]);
  }
  // Forgeries spread through the file at fixed positions.
  const out = [...lines];
  const step = Math.floor(out.length / forgeries.length);
  forgeries.forEach((f, i) => out.splice(i * (step + 1) + 1, 0, f));
  const mixed = path.join(dir, 'mixed.jsonl');
  writeFileSync(mixed, out.join('\n') + '\n');

  const pdfDir = path.join(dir, 'pdf');
  const pdf = existsSync(pdfDir) ? path.join(pdfDir, readdirSync(pdfDir)[0]) : null;
  return {
    dir,
    mixed,
    trust: path.join(dir, 'trust.json'),
    roster: path.join(dir, 'roster.csv'),
    pdf,
    lines: out.length,
  };
}

/** The built command's --json output on files (each an absolute path), with optional extra args. */
export function cliVerdicts(files, trust, extra = []) {
  const r = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'packages/verifier/bin.js'), ...files, '--trust', trust, '--json', '--quiet', ...extra],
    { encoding: 'utf8', maxBuffer: 256 << 20 },
  );
  if (r.status === 2 || !r.stdout) throw new Error(`ikrar-verify failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
