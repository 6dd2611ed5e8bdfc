// @ts-check
/**
 * The event a staff request is about: `?event=<id>`, or the open event when none is named.
 * @module
 */
import { PortalError } from '../http/errors.mjs';

/**
 * @param {import('hono').Context<any>} c
 * @param {import('../portal.mjs').PortalDeps['stores']['events']} events
 */
export async function eventOfQuery(c, events) {
  const id = c.req.query('event');
  const event = id ? await events.byId(id) : await events.open();
  if (!event) throw new PortalError(id ? 'ERR_NOT_FOUND' : 'ERR_NO_OPEN_EVENT');
  return event;
}
