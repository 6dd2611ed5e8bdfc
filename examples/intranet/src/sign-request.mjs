// @ts-check
// What the server checks before it countersigns a credential the widget sends: the agency, the
// event, the logged-in employee as on the roster, the official text, full consent, and any
// employee proof already on it. Each refusal has a stable code and both languages.
import { canonicalize, checkPledgeText, PLEDGE_CONTEXT, PLEDGE_CREDENTIAL_TYPE, verifyPledge } from '@ikrar/core';

const TOP_LEVEL = new Set(['@context', 'id', 'type', 'issuer', 'validFrom', 'name', 'credentialSubject', 'proof']);
import { PortalError } from './http/errors.mjs';

/** @param {number} status @param {string} code @param {string} en @param {string} id @returns {never} */
const refuse = (status, code, en, id) => {
  throw new PortalError(code, { status, messages: { en, id } });
};

/**
 * @param {any} credential
 * @param {{ agency: { controller: string }, agencyName: string, event: import('./types.js').PortalEvent,
 *   employee: import('./types.js').Employee }} context
 */
export async function checkSignRequest(credential, { agency, agencyName, event, employee }) {
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    refuse(400, 'ERR_RECORD_INVALID', 'Expected one credential object.', 'Harus satu objek kredensial.');
  }
  const subject = credential.credentialSubject;
  if (
    canonicalize(credential['@context'] ?? null) !== canonicalize(PLEDGE_CONTEXT) ||
    canonicalize(credential.type ?? null) !== canonicalize(['VerifiableCredential', PLEDGE_CREDENTIAL_TYPE]) ||
    typeof credential.validFrom !== 'string' ||
    Object.keys(credential).some((k) => !TOP_LEVEL.has(k)) ||
    typeof subject !== 'object' ||
    subject === null ||
    typeof subject.signer !== 'object' ||
    typeof subject.pledge !== 'object' ||
    typeof subject.event !== 'object' ||
    typeof subject.consent !== 'object'
  ) {
    refuse(400, 'ERR_RECORD_INVALID', 'Not an Ikrar Netralitas credential.', 'Bukan kredensial Ikrar Netralitas.');
  }
  if (credential.issuer?.id !== agency.controller || credential.issuer?.name !== agencyName) {
    refuse(
      400,
      'ERR_ISSUER_MISMATCH',
      `The issuer must be ${agencyName} (${agency.controller}).`,
      `Penerbit harus ${agencyName}.`,
    );
  }
  if (subject.event.name !== event.name) {
    refuse(
      400,
      'ERR_EVENT_MISMATCH',
      `This intranet collects pledges for "${event.name}".`,
      `Intranet ini mengumpulkan ikrar untuk "${event.name}".`,
    );
  }
  const s = subject.signer;
  if (s.identifier !== employee.identifier) {
    refuse(
      403,
      'ERR_NOT_YOUR_RECORD',
      'You can only sign your own pledge.',
      'Anda hanya dapat menandatangani ikrar Anda sendiri.',
    );
  }
  if (s.name !== employee.name || s.employeeType !== employee.employeeType) {
    refuse(
      403,
      'ERR_SIGNER_MISMATCH',
      'Name or employee type differs from the roster.',
      'Nama atau jenis pegawai berbeda dengan daftar pegawai.',
    );
  }
  const allowed = event.templates[employee.employeeType] ?? [];
  if (!allowed.includes(subject.pledge.templateId)) {
    refuse(
      400,
      'ERR_TEMPLATE_NOT_ALLOWED',
      `Template ${subject.pledge.templateId} is not used here for ${employee.employeeType}.`,
      `Templat ${subject.pledge.templateId} tidak dipakai di sini untuk ${employee.employeeType}.`,
    );
  }
  const text = checkPledgeText(credential);
  if (text.status !== 'matches') {
    refuse(
      400,
      'ERR_TEXT_ALTERED',
      `The pledge text is not the official text (${text.status}).`,
      `Teks ikrar bukan teks resmi (${text.status}).`,
    );
  }
  const points = subject.pledge.points.length;
  const ack = subject.consent.acknowledgedPoints;
  if (!Array.isArray(ack) || ack.length !== points || ack.some((n, i) => n !== i + 1)) {
    refuse(400, 'ERR_CONSENT_INCOMPLETE', 'Every point must be acknowledged.', 'Setiap butir harus disetujui.');
  }
  if (credential.proof !== undefined) {
    // An employee who signed with their own key: every proof must verify and be theirs.
    const result = await verifyPledge(credential, { requireIssuerProof: false });
    const own = result.proofs.every((p) => p.controller === subject.id);
    if (!result.verified || !own || typeof subject.id !== 'string') {
      refuse(
        400,
        'ERR_SIGNATURE_INVALID',
        'The employee signature does not verify.',
        'Tanda tangan pegawai tidak valid.',
      );
    }
  }
}
