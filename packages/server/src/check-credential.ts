/**
 * What the agency checks before it countersigns: the posted credential must be exactly the one
 * the service builds from its own data (the roster for the signer, the event configuration for
 * the event and the template, its own clock for times, its own `urn:uuid` when none is given),
 * filled with what the employee decided (acknowledgements, signature method, typed name or drawing
 * digest, their own key and proof). Anything else is refused with a stable code; nothing the
 * client sends is signed unless the service would have written it itself.
 *
 * @module
 * @example
 * ```ts
 * const { credential } = await checkCredential(body, { agency, employee, event, now: new Date() });
 * ```
 */
import {
  createPledge,
  findTemplate,
  parseTimestamp,
  verifyPledge,
  ConsentIncompleteError,
  RecordInvalidError,
  type EmployeeType,
  type IdentifierScheme,
  type IndonesianTimeZone,
  type PledgeCredential,
  type PledgeLanguage,
  type PledgeTemplate,
  type SignedPledge,
} from '@ikrar/core';
import type { Draft } from './draft-store.js';
import { ServerError, type ServerErrorCode } from './errors.js';
import { assertCredentialShape } from './internal/credential-shape.js';
import { differences } from './internal/first-difference.js';
import { signerOf } from './internal/roster-signer.js';
import { nodeSha256 } from './internal/sha256.js';

/** An employee as on the agency's roster. */
export interface Employee {
  /** NIP, NI PPPK or NIK, as the roster holds it (digits only). */
  identifier: string;
  name: string;
  employeeType: EmployeeType;
  /** Default by type: PNS NIP, PPPK NI-PPPK, PPNPN NIK. */
  identifierScheme?: IdentifierScheme;
  position?: string | null;
  workUnit?: string | null;
}

/** An event the agency collects pledges for. */
export interface IkrarEvent {
  /** The host's id (the record store keys records by it). */
  id: string;
  /** e.g. "Pilkada Serentak 2024". */
  name: string;
  place?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  /** No signing after this moment (RFC 3339 or a Date). */
  deadline?: string | Date;
  /** The zone every time in the record is written in. */
  timeZone: IndonesianTimeZone;
  /** Template ids allowed per employee type (built in, or among the service's `templates`). */
  templates: Partial<Record<EmployeeType, readonly string[]>>;
  /** Languages the pledge may be signed in. Default both, `id` and `en`. */
  languages?: readonly PledgeLanguage[];
}

/** How far the credential's times may be from the service's clock. */
export interface ClockTolerance {
  /** Default 15 minutes: how long ago the employee may have pressed "Sign". */
  pastMs: number;
  /** Default 2 minutes: how far ahead the employee's clock may run. */
  futureMs: number;
}

/** What {@link checkCredential} compares with. */
export interface CheckContext {
  /** The agency: its DID and name, the issuer of every record. */
  agency: { id: string; name: string };
  /** The signed-in employee, as on the roster. */
  employee: Employee;
  /** The open event. */
  event: IkrarEvent;
  /** The service's clock. */
  now: Date;
  /** The agency's own templates, beside the built-in ones. */
  templates?: readonly PledgeTemplate[];
  tolerance?: Partial<ClockTolerance>;
  /**
   * The draft the credential's `id` names (`DraftStore.match`): the credential must carry exactly
   * its `credentialStatus` and `evidence`, which the employee's own proof then covers.
   */
  reserved?: Draft;
}

/** Each differing path maps to a code; the first in this order is the one answered. */
const PRIORITY: readonly [RegExp, ServerErrorCode][] = [
  [/^credentialSubject\.signer\.identifier$/, 'ERR_NOT_YOUR_RECORD'],
  [/^credentialSubject\.signer\b/, 'ERR_SIGNER_MISMATCH'],
  [/^(credentialStatus|evidence)\b/, 'ERR_DRAFT_MISMATCH'],
  [/^issuer\b/, 'ERR_ISSUER_MISMATCH'],
  [/^credentialSubject\.event\b/, 'ERR_EVENT_MISMATCH'],
  [/^credentialSubject\.pledge\.digestMultibase$/, 'ERR_DIGEST_MISMATCH'],
  [/^(credentialSubject\.pledge\b|name$)/, 'ERR_TEXT_ALTERED'],
  [/^credentialSubject\.consent\.acknowledgedPoints\b/, 'ERR_CONSENT_INCOMPLETE'],
  [/^(validFrom|credentialSubject\.consent\.(acknowledgedAt|timeZone))$/, 'ERR_TIME_INVALID'],
];

function refuse(code: ServerErrorCode, ctx: CheckContext, path?: string): never {
  throw new ServerError(code, {
    agency: ctx.agency.name,
    event: ctx.event.name,
    ...(path !== undefined && { path }),
  });
}

/** Names compared as people read them: case, spacing and Unicode form aside. */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true; // the usual case, without the Unicode and locale work below
  const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
  return norm(a) === norm(b);
}

function checkTime(value: unknown, path: string, ctx: CheckContext): void {
  if (value === undefined) return;
  const t = parseTimestamp(value);
  const past = ctx.tolerance?.pastMs ?? 15 * 60_000;
  const future = ctx.tolerance?.futureMs ?? 2 * 60_000;
  const now = ctx.now.getTime();
  if (!t || t.getTime() < now - past || t.getTime() > now + future) refuse('ERR_TIME_INVALID', ctx, path);
}

/**
 * Checks a posted credential against the agency's own data.
 *
 * @param body - the parsed request body
 * @param ctx - agency, signed-in employee, open event, clock
 * @returns the credential to countersign: built by the service, with the employee's proof when
 *   they signed with their own key
 * @throws {ServerError} `ERR_RECORD_INVALID`, `ERR_FIELD_UNKNOWN`, `ERR_NOT_YOUR_RECORD`,
 *   `ERR_SIGNER_MISMATCH`, `ERR_ISSUER_MISMATCH`, `ERR_EVENT_MISMATCH`, `ERR_TEMPLATE_NOT_ALLOWED`,
 *   `ERR_TEXT_ALTERED`, `ERR_DIGEST_MISMATCH`, `ERR_CONSENT_INCOMPLETE`, `ERR_TYPED_NAME_MISMATCH`,
 *   `ERR_TIME_INVALID`, `ERR_SIGNATURE_INVALID`, `ERR_DRAFT_MISMATCH`
 */
export async function checkCredential(
  body: unknown,
  ctx: CheckContext,
): Promise<{ credential: PledgeCredential | SignedPledge }> {
  const reserved = ctx.reserved;
  if (reserved) {
    // The draft's fields are compared with the reservation below, not with the schema.
    const { credentialStatus: _s, evidence: _e, ...rest } = body as Record<string, unknown>;
    assertCredentialShape(rest);
  } else assertCredentialShape(body);
  const posted = body as PledgeCredential & { proof?: SignedPledge['proof'] };
  const subject = posted.credentialSubject;
  const { employee, event, agency } = ctx;

  if (subject.signer.identifier !== employee.identifier) refuse('ERR_NOT_YOUR_RECORD', ctx);
  if (posted.issuer.id !== agency.id || posted.issuer.name !== agency.name) refuse('ERR_ISSUER_MISMATCH', ctx);
  if (subject.event.name !== event.name) refuse('ERR_EVENT_MISMATCH', ctx, 'credentialSubject.event.name');

  const { templateId, templateVersion, language } = subject.pledge;
  const allowed = event.templates[employee.employeeType] ?? [];
  const template = allowed.includes(templateId)
    ? findTemplate(templateId, templateVersion, ctx.templates ?? [])
    : undefined;
  const languages = event.languages ?? ['id', 'en'];
  if (!template || !template.appliesTo.includes(employee.employeeType) || !languages.includes(language)) {
    throw new ServerError('ERR_TEMPLATE_NOT_ALLOWED', {
      template: `${templateId}@${templateVersion} (${language})`,
      employeeType: employee.employeeType,
    });
  }

  const consent = subject.consent;
  if (consent.method === 'typed' && !sameName(consent.typedName ?? '', employee.name)) {
    throw new ServerError('ERR_TYPED_NAME_MISMATCH');
  }
  checkTime(posted.validFrom, 'validFrom', ctx);
  checkTime(consent.acknowledgedAt, 'credentialSubject.consent.acknowledgedAt', ctx);

  const ownProof = posted.proof !== undefined;
  if (ownProof) {
    // The employee's proof covers these fields: the service cannot fill them in afterwards.
    for (const [value, path] of [
      [posted.id, 'id'],
      [posted.validFrom, 'validFrom'],
      [consent.acknowledgedAt, 'credentialSubject.consent.acknowledgedAt'],
      [subject.id, 'credentialSubject.id'],
    ] as const) {
      if (value === undefined) refuse('ERR_RECORD_INVALID', ctx, path);
    }
  }

  let expected: PledgeCredential;
  try {
    expected = createPledge({
      template,
      language,
      issuer: agency,
      signer: { ...(subject.id !== undefined && { id: subject.id }), ...signerOf(employee) },
      event: {
        name: event.name,
        ...(event.place !== undefined && { place: event.place }),
        ...(event.date !== undefined && { date: event.date }),
      },
      consent: {
        acknowledgedPoints: consent.acknowledgedPoints,
        acknowledgedAt: consent.acknowledgedAt ?? ctx.now,
        method: consent.method,
        ...(consent.typedName !== undefined && { typedName: consent.typedName }),
        ...(consent.signatureDigestMultibase !== undefined && {
          signatureDigestMultibase: consent.signatureDigestMultibase,
        }),
      },
      timeZone: event.timeZone,
      ...(posted.id !== undefined && { id: posted.id }),
      validFrom: posted.validFrom ?? ctx.now,
      now: ctx.now,
      hash: nodeSha256,
    });
  } catch (err) {
    if (err instanceof ConsentIncompleteError)
      refuse('ERR_CONSENT_INCOMPLETE', ctx, 'credentialSubject.consent.acknowledgedPoints');
    if (err instanceof RecordInvalidError) refuse('ERR_RECORD_INVALID', ctx, err.path);
    throw err;
  }

  if (reserved) {
    if (posted.id !== reserved.id) refuse('ERR_DRAFT_MISMATCH', ctx, 'id');
    expected = {
      ...expected,
      ...(reserved.credentialStatus && { credentialStatus: reserved.credentialStatus }),
      ...(reserved.evidence && { evidence: reserved.evidence }),
    };
  }
  const { proof, ...unsigned } = posted;
  const actual: Record<string, unknown> = { ...unsigned };
  // Fields the service fills when the client left them out.
  if (posted.id === undefined) actual.id = expected.id;
  if (posted.validFrom === undefined) actual.validFrom = expected.validFrom;
  if (consent.acknowledgedAt === undefined) {
    actual.credentialSubject = {
      ...subject,
      consent: { ...consent, acknowledgedAt: expected.credentialSubject.consent.acknowledgedAt },
    };
  }
  const diff = differences(expected, actual);
  if (diff.length > 0) {
    for (const [pattern, code] of PRIORITY) {
      const path = diff.find((p) => pattern.test(p));
      if (path !== undefined) refuse(code, ctx, path);
    }
    refuse('ERR_RECORD_INVALID', ctx, diff[0]);
  }

  if (!ownProof) return { credential: expected };
  const own = { ...expected, proof } as SignedPledge;
  const result = await verifyPledge(own, { requireIssuerProof: false });
  const theirs = result.proofs.length > 0 && result.proofs.every((p) => p.controller === subject.id);
  if (!result.verified || !theirs || subject.id === agency.id) throw new ServerError('ERR_SIGNATURE_INVALID');
  return { credential: own };
}
