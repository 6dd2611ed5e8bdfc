/**
 * Our JSON-LD vocabulary: the context document that gives every term of a pledge record a meaning
 * of its own (JSON-LD 1.1 §4.1.11 protected term definitions, §4.3 `@list` for the ordered arrays:
 * `points`, `legalBasis`, `acknowledgedPoints` and `representatives`). Records name it right after the VC 2.0 context
 * (VC 2.0 §4.3). The document is shipped in the package (this constant, and the same JSON in
 * `contexts/v1.jsonld`) so JSON-LD loaders work offline; it is published at {@link IKRAR_CONTEXT_URL}.
 *
 * Terms that VC 2.0's context already defines (`id`, `type`, `name`, `digestMultibase`, the proof and
 * status list terms) keep VC 2.0's meaning: a protected context may not redefine them, and need not.
 *
 * @module
 * @example
 * ```ts
 * import { IKRAR_CONTEXT_URL, IKRAR_CONTEXT_DOCUMENT } from '@ikrar/core';
 * const documentLoader = async (url: string) =>
 *   url === IKRAR_CONTEXT_URL ? { contextUrl: null, documentUrl: url, document: IKRAR_CONTEXT_DOCUMENT } : load(url);
 * ```
 */

import { IKRAR_CONTEXT_URL } from './record.js';

// Defined beside PLEDGE_CONTEXT, so a bundle that only creates records leaves this module (and its
// document) out; re-exported here, where it belongs.
export { IKRAR_CONTEXT_URL };

/** The vocabulary namespace: each term's IRI is this plus the term (documented in the core README). */
export const IKRAR_VOCABULARY = 'https://ikrar-netralitas.github.io/ns/v1#';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const SEC_MULTIBASE = 'https://w3id.org/security#multibase';

const term = (name: string, extra: Record<string, string> = {}): Record<string, string> => ({
  '@id': `${IKRAR_VOCABULARY}${name}`,
  ...extra,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The JSON-LD context document served at {@link IKRAR_CONTEXT_URL}. */
export const IKRAR_CONTEXT_DOCUMENT: {
  readonly '@context': Readonly<Record<string, unknown>>;
} = deepFreeze({
  '@context': {
    '@version': 1.1,
    '@protected': true,
    IkrarNetralitasCredential: term('IkrarNetralitasCredential'),
    PaktaIntegritasCredential: term('PaktaIntegritasCredential'),
    signer: term('signer'),
    representatives: term('representatives', { '@container': '@list' }),
    proofId: term('proofId', { '@type': '@id' }),
    employeeType: term('employeeType'),
    identifierScheme: term('identifierScheme'),
    identifier: term('identifier'),
    position: term('position'),
    workUnit: term('workUnit'),
    pledge: term('pledge'),
    templateId: term('templateId'),
    templateVersion: term('templateVersion'),
    language: term('language'),
    kind: term('kind'),
    title: term('title'),
    preamble: term('preamble'),
    points: term('points', { '@container': '@list' }),
    closing: term('closing'),
    legalBasis: term('legalBasis', { '@container': '@list' }),
    event: term('event'),
    place: term('place'),
    date: term('date', { '@type': `${XSD}date` }),
    consent: term('consent'),
    acknowledgedPoints: term('acknowledgedPoints', { '@container': '@list', '@type': `${XSD}positiveInteger` }),
    acknowledgedAt: term('acknowledgedAt', { '@type': `${XSD}dateTime` }),
    method: term('method'),
    timeZone: term('timeZone'),
    typedName: term('typedName'),
    signatureDigestMultibase: term('signatureDigestMultibase', { '@type': SEC_MULTIBASE }),
    // VC 2.0 §5.6 evidence the agency adds: presence at the apel (morning assembly).
    ApelPresence: term('ApelPresence'),
    atApel: term('atApel'),
    apelCode: term('apelCode'),
    apelCodeShownAt: term('apelCodeShownAt', { '@type': `${XSD}dateTime` }),
    checkedAt: term('checkedAt', { '@type': `${XSD}dateTime` }),
  },
});
