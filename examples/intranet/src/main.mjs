#!/usr/bin/env node
// npm run demo: the agency intranet. Employees log in with their NIP/NIK (a stand-in for the
// agency's SSO), sign through <ikrar-netralitas>, the server countersigns with the agency key and
// stores the record in SQLite; /admin shows who has signed; auditors take /api/export.jsonl and
// /trust.json to ikrar-verify.
import { defaultConfig, startIntranet } from './app.mjs';

const app = await startIntranet(defaultConfig());
console.log(`
Ikrar Netralitas — intranet demo / demo intranet
  agency key  ${app.agency.controller}${app.agency.created ? '  (created now / baru dibuat)' : ''}
  employees   ${app.db.employeeCount()} on the roster / pegawai di daftar
  open        ${app.url}/          (sign / tanda tangani)
              ${app.url}/admin     (who has signed / siapa yang sudah)
  auditors    ${app.url}/api/export.jsonl  and  ${app.url}/trust.json
Press Ctrl+C to stop / tekan Ctrl+C untuk berhenti.`);
for (const p of app.rosterProblems) console.warn(`roster line ${p.line}: ${p.code} ${p.message}`);
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
