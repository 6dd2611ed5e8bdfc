#!/usr/bin/env node
// Sample data for auditors: an agency key, a roster of N employees and N signed pledge records.
//
//   node examples/auditor/generate.mjs --count N --out DIR [--pdf K] [--seed S] [--chained 0.2]
//
// Writes DIR/records.jsonl (one credential per line), DIR/trust.json (trusting the agency key),
// DIR/roster.csv, and with --pdf K, K certificates as DIR/pdf/*.pdf. Most records carry the
// agency's proof alone (the host signed); a share carry the employee's own did:key proof with the
// agency countersignature chained to it (previousProof). Every record written verifies.
// Signing uses node:crypto Ed25519 behind @ikrar/core's Signer interface (same bytes as noble).
import { createPrivateKey, generateKeyPairSync, sign as nodeSign, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  canonicalize,
  createPledge,
  digestSignatureStrokes,
  keyPairFromSecretKey,
  signPledge,
  verifyPledge,
} from '@ikrar/core';
import { toMultibase58 } from '@ikrar/core/crypto';
import { FIRST, LAST, NON_LATIN1, POSITIONS, UNITS } from './names.mjs';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    out: { type: 'string', default: 'examples/auditor/out' },
    pdf: { type: 'string', default: '0' },
    seed: { type: 'string', default: '20241007' },
    chained: { type: 'string', default: '0.2' },
    agency: { type: 'string', default: 'Pemerintah Kabupaten Jembrana' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log('usage: node examples/auditor/generate.mjs --count N --out DIR [--pdf K] [--seed S] [--chained RATIO]');
  process.exit(0);
}
const N = Number(args.count);
const PDFS = Number(args.pdf);
const CHAINED = Number(args.chained);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(PDFS) || PDFS < 0 || !(CHAINED >= 0 && CHAINED <= 1)) {
  console.error('ERR_USAGE: --count must be a positive integer, --pdf a non-negative integer, --chained in [0, 1]');
  process.exit(2);
}

// Deterministic choices (mulberry32) so a seed reproduces the same roster; keys stay random.
let state = Number(args.seed) >>> 0;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, '0');
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A node:crypto signer with the same interface as @ikrar/core's createSigner. */
function nodeSigner(keyPair) {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(keyPair.secretKey)]);
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return { id: keyPair.id, controller: keyPair.controller, sign: (data) => new Uint8Array(nodeSign(null, data, key)) };
}
/** An employee key made by node:crypto (importing a seed per key costs ~0.4 ms; generating does not). */
function newEmployeeSigner() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // node:crypto made the key, so it is a valid point: name it without re-decompressing it in JS.
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const mb = toMultibase58(new Uint8Array([0xed, 0x01, ...raw]));
  const controller = `did:key:${mb}`;
  return { id: `${controller}#${mb}`, controller, sign: (data) => new Uint8Array(nodeSign(null, data, privateKey)) };
}

const agency = keyPairFromSecretKey(new Uint8Array(randomBytes(32)));
const agencySigner = nodeSigner(agency);
// Serials count up per number prefix, as registries do, so no two people share an identifier.
const serials = new Map();
const nextSerial = (prefix) => {
  const n = (serials.get(prefix) ?? 0) + 1;
  serials.set(prefix, n);
  return n;
};

function person() {
  const r = rand();
  const employeeType = r < 0.8 ? 'PNS' : r < 0.92 ? 'PPPK' : 'PPNPN';
  const female = rand() < 0.5;
  const by = int(1966, 2000);
  const bm = int(1, 12);
  const bd = int(1, daysIn(by, bm));
  const birth = `${by}${pad(bm, 2)}${pad(bd, 2)}`;
  let identifier;
  if (employeeType === 'PNS') {
    const ay = int(Math.max(by + 19, 1990), 2023);
    const prefix = `${birth}${ay}${pad(int(1, 12), 2)}${female ? 2 : 1}`;
    identifier = `${prefix}${pad(nextSerial(prefix), 3)}`;
  } else if (employeeType === 'PPPK') {
    const prefix = `${birth}${int(Math.max(by + 20, 2019), 2023)}21${female ? 2 : 1}`;
    identifier = `${prefix}${pad(nextSerial(prefix), 3)}`;
  } else {
    const day = female ? bd + 40 : bd;
    const prefix = `5101${pad(int(1, 5), 2)}${pad(day, 2)}${pad(bm, 2)}${String(by).slice(2)}`;
    identifier = `${prefix}${pad(nextSerial(prefix), 4)}`;
  }
  const name = rand() < 0.01 ? pick(NON_LATIN1) : `${pick(FIRST)} ${pick(LAST)}`;
  const position = employeeType === 'PPNPN' ? pick(POSITIONS.slice(-3)) : pick(POSITIONS.slice(0, -3));
  return { name, employeeType, identifier, position, workUnit: pick(UNITS) };
}

/** A signature-like drawing: a wave and a loop, as signature_pad records strokes. */
function scribble() {
  const wave = [];
  const base = 60 + rand() * 20;
  for (let x = 20; x <= 220; x += 8) wave.push({ x, y: base + Math.sin(x / (18 + rand() * 6)) * 22 });
  const loop = [];
  const cx = 240 + rand() * 30;
  for (let a = 0; a <= 6.3; a += 0.35) loop.push({ x: cx + Math.cos(a) * 18, y: 60 + Math.sin(a) * 26 });
  return { width: 320, height: 120, strokes: [wave, loop] };
}

const outDir = path.resolve(args.out);
mkdirSync(outDir, { recursive: true });
const roster = [];
const recordsOut = createWriteStream(path.join(outDir, 'records.jsonl'));
const write = (line) => (recordsOut.write(line) ? Promise.resolve() : new Promise((r) => recordsOut.once('drain', r)));
const forPdf = [];
const event = { name: 'Pilkada Serentak 2024', place: 'Halaman Kantor Bupati Jembrana', date: '2024-10-07' };
const start = Date.UTC(2024, 9, 7, 0, 0, 0); // 08:00 WITA
const t0 = performance.now();
let chained = 0;
for (let i = 0; i < N; i++) {
  const p = person();
  roster.push(p);
  const signedAt = new Date(start + i * 2000 + int(0, 1999));
  const employee = rand() < CHAINED ? newEmployeeSigner() : null;
  // Consent as people give it: a drawing (kept as strokes; the record holds their digest), a
  // typed name, or a click.
  const how = rand();
  const drawing = how < 0.4 ? scribble() : null;
  const ack = { acknowledgedPoints: [1, 2, 3, 4], acknowledgedAt: signedAt };
  const consent = drawing
    ? { ...ack, method: 'drawn', signatureDigestMultibase: digestSignatureStrokes(drawing) }
    : how < 0.75
      ? { ...ack, method: 'typed', typedName: p.name }
      : { ...ack, method: 'click' };
  const credential = createPledge({
    template: p.employeeType === 'PPNPN' || rand() < 0.5 ? 'jembrana-2024' : 'skb-2022-asn',
    issuer: { id: agency.controller, name: args.agency },
    signer: { ...p, ...(employee && { id: employee.controller }) },
    event,
    consent,
    timeZone: 'WITA',
    now: new Date(Date.UTC(2024, 9, 7)),
  });
  let record = credential;
  if (employee) {
    chained++;
    record = await signPledge(record, employee, { created: signedAt });
  }
  record = await signPledge(record, agencySigner, { created: new Date(signedAt.getTime() + 1000) });
  // Spot-check with the strict noble path: every record written verifies.
  if (i % 97 === 0 && !(await verifyPledge(record)).verified) throw new Error(`record ${i} failed to verify`);
  // Each line is the record's RFC 8785 canonical form: any JCS tool can check a line against
  // itself, and verifiers canonicalize it without re-sorting keys.
  await write(canonicalize(record) + '\n');
  if (forPdf.length < PDFS) forPdf.push({ record, drawing });
}
await new Promise((resolve, reject) => recordsOut.end((err) => (err ? reject(err) : resolve())));
const seconds = (performance.now() - t0) / 1000;

const trust = {
  issuers: [
    {
      id: agency.controller,
      name: args.agency,
      validFrom: '2024-01-01T00:00:00+08:00',
      validUntil: null,
      revokedAt: null,
    },
  ],
};
writeFileSync(path.join(outDir, 'trust.json'), JSON.stringify(trust, null, 2) + '\n');
const csv = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
writeFileSync(
  path.join(outDir, 'roster.csv'),
  'name,employeeType,identifier,position,workUnit\n' +
    roster.map((p) => [p.name, p.employeeType, p.identifier, p.position, p.workUnit].map(csv).join(',')).join('\n') +
    '\n',
);

if (PDFS > 0) {
  let pdf;
  try {
    pdf = await import('@ikrar/core/pdf');
  } catch {
    console.error('ERR_PDF_UNAVAILABLE: @ikrar/core/pdf is not built; run pnpm build first');
    process.exit(2);
  }
  // Certificates of an earlier run were signed by another agency key: never mix them in.
  rmSync(path.join(outDir, 'pdf'), { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'pdf'), { recursive: true });
  for (const { record, drawing } of forPdf) {
    const bytes = await pdf.renderCertificate(record, drawing ? { signature: drawing } : {});
    writeFileSync(path.join(outDir, 'pdf', `${record.id.slice('urn:uuid:'.length)}.pdf`), bytes);
  }
}
console.log(
  `wrote ${N} records (${chained} chained to an employee proof) for ${args.agency} to ${outDir} ` +
    `in ${seconds.toFixed(1)} s: ${Math.round(N / seconds)} records/s` +
    (PDFS ? `, and ${forPdf.length} PDF certificates` : ''),
);
