// @ts-check
/**
 * Reads a request body once: size-limited (Hono's bodyLimit in front), JSON content type, strict
 * UTF-8, and strict JSON through @ikrar/core's parseJson (duplicate keys, lone surrogates, depth
 * and `__proto__` refused).
 * @module
 */
import { JsonInvalidError, parseJson } from '@ikrar/core';
import { bodyLimit } from 'hono/body-limit';
import { PortalError } from './errors.mjs';

/** The 413 answer. @param {number} maxSize bytes */
export const bodyTooLarge = (maxSize) =>
  // The rest of the body is never read: the connection cannot carry another request.
  new PortalError('ERR_BODY_TOO_LARGE', { params: { limit: maxSize }, headers: { connection: 'close' } });

/** Hono's body limit with our 413 answer. @param {number} maxSize bytes */
export const limitBody = (maxSize) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw bodyTooLarge(maxSize);
    },
  });

/** @param {import('hono').Context} c @param {string} type e.g. `application/json` */
export async function readText(c, type) {
  const declared = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (declared !== type) {
    throw new PortalError('ERR_CONTENT_TYPE', { params: { type } });
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PortalError('ERR_BODY_NOT_UTF8');
  }
}

/** @param {import('hono').Context} c @returns {Promise<unknown>} */
export async function readJson(c) {
  const text = await readText(c, 'application/json');
  try {
    return parseJson(text);
  } catch (err) {
    if (err instanceof JsonInvalidError)
      throw new PortalError('ERR_JSON_INVALID', { params: { detail: err.reason }, cause: err });
    throw err;
  }
}

/** An object body with only the string fields asked for. @param {unknown} body @param {string[]} fields */
export function stringFields(body, fields) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PortalError('ERR_INPUT_INVALID', { params: { reason: 'not-object' } });
  }
  /** @type {Record<string, string>} */
  const out = {};
  for (const f of fields) {
    const v = /** @type {Record<string, unknown>} */ (body)[f];
    if (typeof v !== 'string') {
      throw new PortalError('ERR_INPUT_INVALID', { params: { reason: 'not-string', field: f } });
    }
    out[f] = v;
  }
  return out;
}
