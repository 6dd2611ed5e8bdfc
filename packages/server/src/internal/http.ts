/**
 * Request helpers the routes share: a strict JSON body (JSON content type, UTF-8, core's strict
 * parser), bearer tokens compared in constant time, error answers with a stable code.
 */
import { timingSafeEqual } from 'node:crypto';
import { JsonInvalidError, parseJson } from '@ikrar/core';
import type { Context } from 'hono';
import { ServerError } from '../errors.js';

const JSON_TYPE = /^application\/(ld\+)?json\s*(;|$)/i;

/**
 * The request body as strict JSON.
 * @throws {ServerError} `ERR_CONTENT_TYPE`, `ERR_JSON_INVALID`
 */
export async function readJson(c: Context): Promise<unknown> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw new ServerError('ERR_CONTENT_TYPE');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ServerError('ERR_JSON_INVALID', { detail: 'not UTF-8' });
  }
  try {
    return parseJson(text);
  } catch (err) {
    if (err instanceof JsonInvalidError) throw new ServerError('ERR_JSON_INVALID', { detail: err.reason });
    throw err;
  }
}

/** A token check: a fixed token (compared in constant time) or the host's own function. */
export type TokenCheck = string | ((token: string) => boolean | Promise<boolean>);

/**
 * Requires `Authorization: Bearer <token>`.
 * @throws {ServerError} `ERR_UNAUTHORIZED` (also when no check is configured)
 */
export async function requireBearer(c: Context, check: TokenCheck | undefined): Promise<void> {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  if (!check || !m) throw new ServerError('ERR_UNAUTHORIZED');
  const token = m[1] as string;
  let ok: boolean;
  if (typeof check === 'string') {
    const a = Buffer.from(token);
    const b = Buffer.from(check);
    ok = a.length === b.length && timingSafeEqual(a, b);
  } else ok = (await check(token)) === true;
  if (!ok) throw new ServerError('ERR_UNAUTHORIZED');
}

/** Whether the request carries a valid bearer token (no throw). */
export async function hasBearer(c: Context, check: TokenCheck | undefined): Promise<boolean> {
  try {
    await requireBearer(c, check);
    return true;
  } catch {
    return false;
  }
}

/** The JSON answer of an error. */
export function errorResponse(c: Context, err: ServerError): Response {
  return c.json(err.toJSON(), err.status as 400);
}

/**
 * A host hook's own refusal (e.g. the apel code an `evidence` hook checks): an error with an
 * `ERR_` code, a 4xx `status` and `messages` in both languages is answered as it is.
 * @returns the answer's status and body, or null for any other error
 */
export function hostRefusal(
  err: unknown,
): { status: number; error: { code: string; message: string; messages: { id: string; en: string } } } | null {
  const e = err as { code?: unknown; status?: unknown; messages?: { id?: unknown; en?: unknown } } | null;
  if (
    typeof e?.code !== 'string' ||
    !/^ERR_[A-Z0-9_]+$/.test(e.code) ||
    typeof e.status !== 'number' ||
    e.status < 400 ||
    e.status > 499 ||
    typeof e.messages?.id !== 'string' ||
    typeof e.messages.en !== 'string'
  ) {
    return null;
  }
  const messages = { id: e.messages.id, en: e.messages.en };
  return { status: e.status, error: { code: e.code, message: messages.en, messages } };
}
