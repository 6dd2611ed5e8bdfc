// @ts-check
/**
 * The single sign-on settings, from the environment: OIDC_ISSUER (the agency's OpenID provider;
 * without it SSO is off), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (none: a public client, PKCE only),
 * OIDC_SCOPE, OIDC_NIP_CLAIM (the claim that holds the employee's NIP or NIK, matched to the
 * roster), OIDC_ROLE_CLAIM with OIDC_ADMIN_ROLE and OIDC_AUDITOR_ROLE (roles from the provider),
 * and OIDC_STAFF_CLAIM (the claim matched to the portal's own staff list when no role claim
 * names a role). The redirect URL is PUBLIC_URL + /auth/sso/callback.
 * @module
 * @example
 * const sso = ssoSettings({ OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'ikrar' });
 */

/** @typedef {import('../types.js').SsoSettings} SsoSettings */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether an issuer may be reached over plain HTTP: only on this machine (a test provider).
 * @param {URL} url
 */
export const isLoopbackHttp = (url) => url.protocol === 'http:' && LOOPBACK.has(url.hostname);

/** A claim name: letters, digits and a few separators (URLs are claim names too, e.g. Azure's). */
const CLAIM = /^[A-Za-z0-9_:/.#-]{1,200}$/;

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {SsoSettings | undefined} undefined when OIDC_ISSUER is not set
 * @throws {Error} when OIDC_ISSUER is set but the rest does not make a usable client
 */
export function ssoSettings(env) {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  let url;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER is not a URL: ${JSON.stringify(issuer)}`);
  }
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
    throw new Error('OIDC_ISSUER must be an https URL (plain http only on 127.0.0.1, localhost or [::1])');
  }
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  const claim = (
    /** @type {string} */ name,
    /** @type {string | undefined} */ value,
    /** @type {string} */ fallback,
  ) => {
    const v = value?.trim() || fallback;
    if (!CLAIM.test(v)) throw new Error(`${name} is not a claim name: ${JSON.stringify(v)}`);
    return v;
  };
  const scope = (env.OIDC_SCOPE?.trim() || 'openid profile').split(/\s+/);
  if (!scope.includes('openid')) scope.unshift('openid');
  const roleClaim = env.OIDC_ROLE_CLAIM?.trim() ? claim('OIDC_ROLE_CLAIM', env.OIDC_ROLE_CLAIM, '') : null;
  return {
    issuer,
    clientId,
    ...(env.OIDC_CLIENT_SECRET && { clientSecret: env.OIDC_CLIENT_SECRET }),
    scope: scope.join(' '),
    nipClaim: claim('OIDC_NIP_CLAIM', env.OIDC_NIP_CLAIM, 'nip'),
    roleClaim,
    adminRole: env.OIDC_ADMIN_ROLE?.trim() || 'ikrar-admin',
    auditorRole: env.OIDC_AUDITOR_ROLE?.trim() || 'ikrar-auditor',
    staffClaim: claim('OIDC_STAFF_CLAIM', env.OIDC_STAFF_CLAIM, 'preferred_username'),
  };
}
