// @ts-check
/**
 * A fixed-window request limit per key (client address, account, session): over the limit the
 * answer is 429 with `Retry-After`. Memory is bounded: expired windows are dropped, and past
 * `maxKeys` the oldest keys go first.
 * @module
 */
import { createMiddleware } from 'hono/factory';
import { PortalError } from './errors.mjs';

/**
 * @param {{ limit: number, windowMs: number, key: (c: import('hono').Context<any>) => string | Promise<string>, maxKeys?: number, now?: () => number }} o
 */
export function rateLimit({ limit, windowMs, key, maxKeys = 100_000, now = Date.now }) {
  /** @type {Map<string, { count: number, resetAt: number }>} */
  const windows = new Map();
  return createMiddleware(async (c, next) => {
    const t = now();
    const k = await key(c);
    let w = windows.get(k);
    if (!w || w.resetAt <= t) {
      windows.delete(k);
      if (windows.size >= maxKeys) {
        for (const [old, v] of windows) {
          if (v.resetAt <= t || windows.size >= maxKeys) windows.delete(old);
          else break;
        }
      }
      w = { count: 0, resetAt: t + windowMs };
      windows.set(k, w);
    }
    if (++w.count > limit) {
      throw new PortalError('ERR_RATE_LIMITED', {
        headers: { 'retry-after': String(Math.max(1, Math.ceil((w.resetAt - t) / 1000))) },
      });
    }
    await next();
  });
}
