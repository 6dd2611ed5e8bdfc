/**
 * Looks templates up by id and version: the built-in ones, plus any given by the caller.
 *
 * @module
 * @example
 * ```ts
 * import { getTemplate } from '@ikrar/core';
 * getTemplate('skb-2022-asn').texts.id.points.length; // 4
 * ```
 */
import { TemplateUnknownError } from '../errors.js';
import { JEMBRANA_2024_TEMPLATE, SKB_2022_TEMPLATE } from './builtin.js';
import { defineTemplate, type PledgeTemplate } from './define-template.js';

/**
 * The templates of one employee's pledge that ship with this release: the default list of
 * {@link getTemplate} and {@link findTemplate}. The collective pakta integritas is in
 * `COLLECTIVE_TEMPLATES` (`@ikrar/core`), which `createCollectivePledge` and `checkPledgeText` search.
 */
export const BUILTIN_TEMPLATES: readonly PledgeTemplate[] = Object.freeze([
  defineTemplate(SKB_2022_TEMPLATE),
  defineTemplate(JEMBRANA_2024_TEMPLATE),
]);

/**
 * Finds a template by id (and version; the highest version when omitted).
 * @param id - template id
 * @param version - exact version, optional
 * @param extra - the caller's own templates, searched first
 * @returns the template
 * @throws {TemplateUnknownError} `ERR_TEMPLATE_UNKNOWN` when none matches
 * @example getTemplate('jembrana-2024', '1.0.0')
 */
export function getTemplate(id: string, version?: string, extra: readonly PledgeTemplate[] = []): PledgeTemplate {
  const found = findTemplate(id, version, extra);
  if (!found) {
    throw new TemplateUnknownError(id, version);
  }
  return found;
}

/**
 * Like {@link getTemplate} but returns `undefined` instead of throwing.
 * @param id - template id
 * @param version - exact version, optional
 * @param extra - the caller's own templates, searched first
 * @returns the template or `undefined`
 * @example findTemplate('skb-2022-asn')
 */
export function findTemplate(
  id: string,
  version?: string,
  extra: readonly PledgeTemplate[] = [],
): PledgeTemplate | undefined {
  const all = [...extra, ...BUILTIN_TEMPLATES].filter(
    (t) => t.id === id && (version === undefined || t.version === version),
  );
  all.sort((a, b) => compareVersions(b.version, a.version));
  return all[0];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
