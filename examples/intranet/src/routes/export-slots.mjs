// @ts-check
/**
 * How many exports a staff session may have open at once (the JSONL records and the not-signed
 * CSV count together): `config.limits.exportsPerSession` (2). Past it the request is refused at
 * once with ERR_EXPORT_BUSY (429, `Retry-After`), before any database work; a client that never
 * reads its exports therefore holds at most that many open export loops, each of them one page
 * and its socket's buffer.
 *
 * Exports are work at low priority: a page of any export is read and formatted in one lane, one
 * page at a time across the portal, and the lane then rests three times as long as the page took,
 * so all exports together take at most about a quarter of the event loop however many clients
 * export, and signings are never starved (on SQLite a page is read synchronously, and a socket
 * with room answers every write at once, so without this an export runs to its end as one chain
 * of promises while nothing else is served). Writing a page to its client happens outside the
 * lane: a client that does not read holds its own export, nobody else's.
 * @module
 */
import { PortalError } from '../http/errors.mjs';

/** Seconds a refused export is told to wait. */
export const EXPORT_RETRY_AFTER_S = 5;

/** @type {WeakMap<object, Map<string, number>>} open exports per session, per portal */
const portals = new WeakMap();

/**
 * Takes an export slot for the session, or throws ERR_EXPORT_BUSY; `release` gives it back once.
 * @param {import('../portal.mjs').PortalDeps} deps @param {string} sessionId
 * @returns {() => void} release
 */
export function takeExportSlot(deps, sessionId) {
  let running = portals.get(deps.stores);
  if (!running) portals.set(deps.stores, (running = new Map()));
  const open = running.get(sessionId) ?? 0;
  if (open >= deps.config.limits.exportsPerSession) {
    throw new PortalError('ERR_EXPORT_BUSY', { headers: { 'retry-after': String(EXPORT_RETRY_AFTER_S) } });
  }
  running.set(sessionId, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (running.get(sessionId) ?? 1) - 1;
    if (n > 0) running.set(sessionId, n);
    else running.delete(sessionId);
  };
}

/** The share of the event loop all exports together may take. */
export const EXPORT_SHARE = 0.1;

/** @type {WeakMap<object, <T>(work: () => Promise<T>) => Promise<T>>} */
const lanes = new WeakMap();

/**
 * The portal's export lane: runs `work` (read and format one page) after the pages queued before
 * it, then rests (1 / EXPORT_SHARE - 1) times the page's duration before the next page's turn.
 * @param {import('../portal.mjs').PortalDeps} deps
 * @returns {<T>(work: () => Promise<T>) => Promise<T>}
 */
export function exportLane(deps) {
  let lane = lanes.get(deps.stores);
  if (!lane) {
    let tail = Promise.resolve();
    lane = async (work) => {
      const before = tail;
      /** @type {() => void} */
      let done = () => {};
      tail = new Promise((resolve) => (done = resolve));
      await before;
      const t = performance.now();
      try {
        return await work();
      } finally {
        setTimeout(done, (performance.now() - t) * (1 / EXPORT_SHARE - 1));
      }
    };
    lanes.set(deps.stores, lane);
  }
  return lane;
}
