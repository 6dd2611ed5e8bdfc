// @ts-check
/**
 * The portal as an OpenID Connect relying party, on `openid-client`: the authorization code flow
 * with PKCE (S256), a state and a nonce per sign-in, the ID token checked by openid-client
 * (signature, issuer, audience, expiry, nonce), claims the ID token lacks read from the
 * provider's userinfo endpoint, and the provider's end-session URL for signing out. The
 * provider's metadata is discovered on first use (and again after a failure), so the portal
 * starts while the provider is down.
 * @module
 * @example
 * const sso = createSsoClient(settings, { redirectUrl: 'https://ikrar.example.go.id/auth/sso/callback' });
 * const { url, secrets } = await sso.begin();     // send the browser to url, keep secrets
 * const claims = await sso.finish(callbackUrl, secrets, ['nip']);
 */
import * as oidc from 'openid-client';
import { isLoopbackHttp } from './sso-settings.mjs';
import { ssoError } from './sso-errors.mjs';

/** @typedef {import('../types.js').SsoSettings} SsoSettings */
/** @typedef {{ state: string, nonce: string, codeVerifier: string }} SignInSecrets */

/**
 * @param {SsoSettings} settings
 * @param {{ redirectUrl: string, postLogoutUrl?: string, timeoutSeconds?: number }} options
 */
export function createSsoClient(settings, { redirectUrl, postLogoutUrl, timeoutSeconds = 10 }) {
  const issuer = new URL(settings.issuer);
  const insecure = isLoopbackHttp(issuer);
  /** @type {Promise<oidc.Configuration> | null} */
  let discovered = null;

  const configuration = async () => {
    discovered ??= oidc.discovery(
      issuer,
      settings.clientId,
      undefined,
      // RFC 6749 §2.3.1: every provider must accept HTTP Basic; a client without a secret is
      // public and relies on PKCE (RFC 7636).
      settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
      { timeout: timeoutSeconds, ...(insecure && { execute: [oidc.allowInsecureRequests] }) },
    );
    try {
      return await discovered;
    } catch (err) {
      discovered = null;
      throw ssoError('ERR_SSO_UNAVAILABLE', { cause: err });
    }
  };

  return {
    /**
     * Starts a sign-in: the provider's authorization URL and the secrets to keep server-side.
     * @returns {Promise<{ url: URL, secrets: SignInSecrets }>}
     * @throws {import('../http/errors.mjs').PortalError} ERR_SSO_UNAVAILABLE
     */
    begin: async () => {
      const config = await configuration();
      const secrets = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUrl,
        scope: settings.scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: 'S256',
        state: secrets.state,
        nonce: secrets.nonce,
      });
      return { url, secrets };
    },

    /**
     * Finishes a sign-in: exchanges the code (with the PKCE verifier), checks state and nonce,
     * and returns the user's claims, with the userinfo endpoint's when the ID token lacks one of
     * `wanted`.
     * @param {URL} callbackUrl the redirect URL with the provider's query parameters
     * @param {SignInSecrets} secrets
     * @param {string[]} wanted
     * @returns {Promise<Record<string, unknown>>}
     * @throws {import('../http/errors.mjs').PortalError} ERR_SSO_STATE_INVALID, ERR_SSO_DENIED,
     *   ERR_SSO_NONCE_INVALID, ERR_SSO_CODE_REJECTED, ERR_SSO_TOKEN_INVALID, ERR_SSO_UNAVAILABLE
     */
    finish: async (callbackUrl, secrets, wanted) => {
      const params = callbackUrl.searchParams;
      // RFC 6749 §10.12: the answer must belong to the sign-in this browser started, before
      // anything else in it (even an error) is believed.
      if (params.get('state') !== secrets.state) throw ssoError('ERR_SSO_STATE_INVALID');
      if (params.has('error')) throw ssoError('ERR_SSO_DENIED');
      const config = await configuration();
      let tokens;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: secrets.codeVerifier,
          expectedState: secrets.state,
          expectedNonce: secrets.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        throw classify(err);
      }
      const claims = /** @type {Record<string, unknown>} */ ({ ...tokens.claims() });
      const sub = /** @type {string} */ (claims.sub);
      if (wanted.some((c) => claims[c] === undefined) && config.serverMetadata().userinfo_endpoint) {
        try {
          // OpenID Connect Core §5.3.2: the userinfo `sub` must equal the ID token's.
          const info = await oidc.fetchUserInfo(config, tokens.access_token, sub);
          return { ...info, ...claims };
        } catch (err) {
          throw classify(err);
        }
      }
      return claims;
    },

    /**
     * The provider's end-session URL (RP-Initiated Logout 1.0), or null when it offers none.
     * @returns {Promise<string | null>}
     */
    logoutUrl: async () => {
      const config = await configuration().catch(() => null);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, postLogoutUrl ? { post_logout_redirect_uri: postLogoutUrl } : {}).href;
    },
  };
}

/**
 * Maps openid-client's failures to stable codes (the provider's text stays out of the answer).
 * @param {unknown} err
 */
function classify(err) {
  if (err instanceof oidc.ResponseBodyError) return ssoError('ERR_SSO_CODE_REJECTED', { cause: err });
  if (err instanceof oidc.AuthorizationResponseError) return ssoError('ERR_SSO_DENIED', { cause: err });
  if (err instanceof oidc.ClientError) {
    const claim = /** @type {any} */ (err.cause)?.cause?.claim;
    if (claim === 'nonce') return ssoError('ERR_SSO_NONCE_INVALID', { cause: err });
    return ssoError('ERR_SSO_TOKEN_INVALID', { cause: err });
  }
  // fetch() failures (connection refused, timeout) are TypeError or an AbortSignal's error.
  return ssoError('ERR_SSO_UNAVAILABLE', { cause: err });
}
