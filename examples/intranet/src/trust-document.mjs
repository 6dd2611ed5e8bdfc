// @ts-check
/**
 * The agency's `trust.json`: what an auditor gives `ikrar-verify --trust`.
 * @module
 */

/** @param {{ controller: string }} agency @param {{ agencyName: string, keyValidFrom: string }} config */
export const trustDocument = (agency, config) => ({
  issuers: [
    {
      id: agency.controller,
      name: config.agencyName,
      validFrom: config.keyValidFrom,
      validUntil: null,
      revokedAt: null,
    },
  ],
});
