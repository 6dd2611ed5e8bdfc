#!/usr/bin/env node
// The auditor sample end to end: generate an agency's export (records, trust store, roster, a few
// PDF certificates when @ikrar/core/pdf is built), then verify it as an auditor would, with
// `ikrar-verify` when @ikrar/verifier is built, else record by record with @ikrar/core.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(here, 'out');
const count = process.env.IKRAR_DEMO_COUNT ?? '2000';
const hasPdf =
  existsSync(path.join(root, 'packages/core/dist/pdf/index.js')) ||
  existsSync(path.join(root, 'packages/core/dist/pdf.js'));

console.log(`\n== 1. An agency exports ${count} signed pledges ==`);
const gen = spawnSync(
  process.execPath,
  [path.join(here, 'generate.mjs'), '--count', count, '--out', out, ...(hasPdf ? ['--pdf', '5'] : [])],
  { stdio: 'inherit' },
);
if (gen.status !== 0) process.exit(gen.status ?? 1);

console.log('\n== 2. An auditor verifies them offline, holding only trust.json ==');
const bin = path.join(root, 'packages/verifier/bin.js');
if (existsSync(bin) && existsSync(path.join(root, 'packages/verifier/dist'))) {
  const inputs = [path.join(out, 'records.jsonl'), ...(hasPdf ? [path.join(out, 'pdf')] : [])];
  const args = [
    bin,
    ...inputs,
    '--trust',
    path.join(out, 'trust.json'),
    '--roster',
    path.join(out, 'roster.csv'),
    '--html',
    path.join(out, 'report.html'),
  ];
  const show = (a) => a.map((x) => (path.isAbsolute(x) ? path.relative(root, x) : x)).join(' ');
  console.log(`> ikrar-verify ${show(args.slice(1))}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  console.log(
    `\nikrar-verify exited ${r.status}; the HTML report is ${path.relative(root, path.join(out, 'report.html'))}`,
  );
  if (r.status !== 0) process.exit(r.status ?? 1);

  console.log('\n== 3. Someone edits the export: a name changed, a line cut short, a record from another key ==');
  const lines = readFileSync(path.join(out, 'records.jsonl'), 'utf8').trimEnd().split('\n');
  const edited = JSON.parse(lines[1]);
  edited.credentialSubject.signer.name = 'Nama Lain';
  const foreign = JSON.parse(lines[2]);
  foreign.issuer.id = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
  const tampered = [lines[0], JSON.stringify(edited), lines[3].slice(0, 200), JSON.stringify(foreign), lines[4]];
  writeFileSync(path.join(out, 'tampered.jsonl'), tampered.join('\n') + '\n');
  const args2 = [bin, path.join(out, 'tampered.jsonl'), '--trust', path.join(out, 'trust.json')];
  console.log(`> ikrar-verify ${show(args2.slice(1))}`);
  const r2 = spawnSync(process.execPath, args2, { stdio: 'inherit' });
  console.log(`\nikrar-verify exited ${r2.status} (1: at least one record is not valid), as an auditor needs.`);
  process.exit(r2.status === 1 ? 0 : 1);
}
const { parseJson, verifyPledge } = await import('@ikrar/core');
const trust = JSON.parse(readFileSync(path.join(out, 'trust.json'), 'utf8'));
const trusted = new Set(trust.issuers.map((i) => i.id));
const lines = readFileSync(path.join(out, 'records.jsonl'), 'utf8').split('\n').filter(Boolean);
const counts = {};
for (const line of lines) {
  const result = await verifyPledge(parseJson(line));
  const verdict = !result.verified ? result.code : trusted.has(result.issuer) ? 'valid' : 'untrusted-issuer';
  counts[verdict] = (counts[verdict] ?? 0) + 1;
}
console.log(`verified ${lines.length} records with @ikrar/core:`, counts);
process.exit(counts.valid === lines.length ? 0 : 1);
