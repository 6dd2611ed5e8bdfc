// @ts-check
/**
 * The client's address as the socket sees it (a proxy in front means the proxy's address:
 * put rate limits there too, or extend this to read the proxy's header).
 * @module
 */
import { getConnInfo } from '@hono/node-server/conninfo';

/** @param {import('hono').Context} c */
export function clientAddress(c) {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
