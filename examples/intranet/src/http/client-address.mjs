// @ts-check
/**
 * The client's address, for rate limits and the audit log's "from where".
 *
 * By default it is the socket's address and `X-Forwarded-For` is ignored: anyone can send that
 * header, so reading it would let a client pick a fresh address for every request and escape its
 * limit. Behind a reverse proxy every client would then share the proxy's address, so
 * `IKRAR_TRUST_PROXY` says which proxies to believe:
 *
 * - a hop count `n` (1 to 10): the last `n` addresses of the chain are proxies of the agency (the
 *   socket's peer is the nearest); the client is the address the n-th proxy saw, i.e. the n-th
 *   `X-Forwarded-For` entry from the right. What a client prepends stays to the left and is
 *   never read.
 * - a comma-separated list of proxy addresses or CIDR blocks (`10.0.0.5,10.1.0.0/16,::1`):
 *   `X-Forwarded-For` is read only when the socket's peer is one of them, from the right,
 *   skipping addresses in the list; the first one outside the list is the client.
 *
 * An entry that is not an IP address where the client should be (a misconfigured proxy, or more
 * hops configured than the chain has) gives the address of the nearest proxy that is trusted.
 * @module
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { BlockList, isIP } from 'node:net';

/** @typedef {{ hops: number } | { proxies: BlockList, text: string }} TrustProxy */

/** `::ffff:10.0.0.1` is 10.0.0.1. @param {string} a */
const plain = (a) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a);

/** @param {BlockList} list @param {string} a */
const listed = (list, a) => {
  const kind = isIP(a);
  return kind !== 0 && list.check(a, kind === 4 ? 'ipv4' : 'ipv6');
};

/**
 * Reads `IKRAR_TRUST_PROXY`.
 * @param {string | undefined} value
 * @returns {TrustProxy | null} null: no proxy, the socket's address
 * @throws {Error} naming the setting, for a value that is neither a hop count nor a list of addresses
 */
export function parseTrustProxy(value) {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`IKRAR_TRUST_PROXY: ${hops} hops is not believable (1 to 10)`);
    return { hops };
  }
  const proxies = new BlockList();
  for (const item of text.split(',').map((s) => s.trim())) {
    const [address = '', prefix, extra] = item.split('/');
    const kind = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    if (
      kind === 0 ||
      extra !== undefined ||
      (bits !== null && (!/^\d{1,3}$/.test(/** @type {string} */ (prefix)) || bits > (kind === 4 ? 32 : 128)))
    ) {
      throw new Error(
        `IKRAR_TRUST_PROXY: ${JSON.stringify(item)} is not an IP address or CIDR block (expected a hop count or e.g. 10.0.0.5,10.1.0.0/16)`,
      );
    }
    const type = kind === 4 ? 'ipv4' : 'ipv6';
    if (bits === null) proxies.addAddress(address, type);
    else proxies.addSubnet(address, bits, type);
  }
  return { proxies, text };
}

/** The socket's peer. @param {import('hono').Context} c */
function socketAddress(c) {
  try {
    return plain(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/**
 * The client's address from the socket's peer and an `X-Forwarded-For` header, as `trust` says.
 * @param {string} peer
 * @param {string | undefined} forwardedFor
 * @param {TrustProxy | null} trust
 */
export function resolveClientAddress(peer, forwardedFor, trust) {
  if (!trust || !forwardedFor) return peer;
  if ('proxies' in trust && !listed(trust.proxies, peer)) return peer;
  // Nearest last: the entries the proxies appended, then the socket's peer.
  const chain = [
    ...forwardedFor
      .split(',')
      .map((s) => plain(s.trim()))
      .filter(Boolean),
  ];
  let nearest = peer;
  for (let i = chain.length - 1, hop = 1; i >= 0; i--, hop++) {
    const a = /** @type {string} */ (chain[i]);
    if (isIP(a) === 0) return nearest;
    if ('hops' in trust ? hop >= trust.hops : !listed(trust.proxies, a)) return a;
    nearest = a;
  }
  return nearest;
}

/**
 * Middleware: works out the request's client address once, for `clientAddress`.
 * @param {TrustProxy | null | undefined} trust
 * @returns {import('hono').MiddlewareHandler}
 */
export const findClientAddress = (trust) => async (c, next) => {
  c.set('clientAddress', resolveClientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trust ?? null));
  await next();
};

/** The request's client address (the socket's peer when the middleware did not run). @param {import('hono').Context} c */
export function clientAddress(c) {
  return /** @type {string | undefined} */ (c.get('clientAddress')) ?? socketAddress(c);
}
