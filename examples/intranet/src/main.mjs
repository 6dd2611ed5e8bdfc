#!/usr/bin/env node
// @ts-check
// npm run demo: the agency portal. Prints where to go and, on the first start only, the
// passwords of the administrator (and, in demo mode, the auditor). SIGTERM and Ctrl-C stop it
// gracefully: in-flight signings finish, then it exits 0.
import { defaultConfig } from './config.mjs';
import { startPortal } from './app.mjs';
import { loopbackWarning } from './verifikasi/verifikasi-routes.mjs';

let config;
try {
  config = defaultConfig(process.argv.includes('--demo') ? { demo: true } : {});
} catch (err) {
  // A setting that cannot work (e.g. OIDC_ISSUER over plain http): say which, no stack trace.
  console.error(`pengaturan salah / bad setting: ${/** @type {Error} */ (err).message}`);
  process.exit(2);
}
const app = await startPortal(config);
const demo = config.demo
  ? `  demo        sign-in stand-in for the agency's SSO is ON / masuk demo (pengganti SSO) AKTIF\n`
  : '';
const sso = config.sso ? `  sso         ${config.sso.issuer} (OpenID Connect) / SSO instansi\n` : '';
console.log(`
Ikrar Netralitas — portal instansi / agency portal
  agency key  ${app.agency.controller}
  employees   ${await app.stores.employees.count()} on the roster / pegawai di daftar
${demo}${sso}  open        ${app.url}/          (employees sign / pegawai menandatangani)
              ${app.url}/admin     (administrators, auditors / admin, auditor)
  auditors    ${app.url}/trust.json
Press Ctrl+C to stop / tekan Ctrl+C untuk berhenti.`);
for (const a of app.firstRun.accounts) {
  console.log(
    `  first start: ${a.role} login "${a.username}", password ${a.password}  (shown once / hanya ditampilkan sekali)`,
  );
}
const loopback = loopbackWarning(config.publicUrl);
if (loopback) console.warn(`warning: ${loopback}`);
for (const p of app.firstRun.rosterProblems) console.warn(`roster line ${p.line}: ${p.code} ${p.messages.en}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
