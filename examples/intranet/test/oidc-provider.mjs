// A real OpenID provider for the SSO tests: `oidc-provider` on loopback, with one confidential
// client (the portal) and accounts whose claims carry NIPs and roles. Its own login and consent
// pages (devInteractions) are what Chromium fills in. The `ikrar` scope carries `nip` and
// `roles`; oidc-provider puts them in the userinfo answer, not the ID token, as many agency
// providers do.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'ikrar-portal';
export const CLIENT_SECRET = randomBytes(24).toString('base64url');

/** A free loopback port (listen on 0, read it, close). */
export async function freePort() {
  const s = createServer();
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/**
 * @param {{ portalUrl: string, accounts: Record<string, Record<string, unknown>> }} options
 *   accounts by login name; each one's claims (sub is the login name)
 */
export async function startProvider({ portalUrl, accounts }) {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${portalUrl}/auth/sso/callback`],
        post_logout_redirect_uris: [`${portalUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], ikrar: ['nip', 'roles'] },
    scopes: ['openid', 'profile', 'ikrar'],
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const claims = accounts[sub];
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  });
  // Quiet: its warnings about development keys and interactions are expected here.
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider:', err));
  /** Paths the provider was asked for, in order (the tests check which endpoints the portal used). */
  const paths = [];
  const handle = provider.callback();
  server.on('request', (req, res) => {
    paths.push(new URL(req.url, issuer).pathname);
    handle(req, res);
  });
  return {
    issuer,
    provider,
    paths,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
