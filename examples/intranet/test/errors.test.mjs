// The portal's one error system: PortalError is @ikrar/server's ServerError with the portal's
// catalog; codes that mean the same as the service's take its entries; every code has its row in
// the README's table with the same status; bodies are the service's shape; messages come from the
// catalog by code (and by reason for ERR_INPUT_INVALID), in both languages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IkrarError } from '@ikrar/core/errors';
import { SERVER_CATALOG, ServerError } from '@ikrar/server/errors';
import { describe, expect, it } from 'vitest';
import { APEL_MESSAGES } from '../src/apel/apel-codes.mjs';
import { invalidField, PORTAL_CATALOG, PortalError } from '../src/http/errors.mjs';
import { ssoError } from '../src/sso/sso-errors.mjs';

const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Error codes'),
  readme.indexOf('\n## ', readme.indexOf('## Error codes') + 3),
);
/** code -> status, from the README's error table */
const documented = new Map();
for (const row of section.split('\n').filter((l) => /^\| `ERR_/.test(l))) {
  const [codes, status] = row.split('|').slice(1, 3);
  for (const [, code] of codes.matchAll(/`(ERR_[A-Z0-9_]+)`/g)) documented.set(code, Number(status.trim()));
}

describe('the portal catalog', () => {
  it('every code has its README row with the catalog status, and both messages', () => {
    for (const [code, entry] of Object.entries(PORTAL_CATALOG)) {
      expect(documented.get(code), code).toBe(entry.status);
      const e = new PortalError(/** @type {any} */ (code), { params: { limit: 1, type: 't', detail: 'd', path: 'p' } });
      expect([e.code, e.status], code).toEqual([code, entry.status]);
      expect(e.messages.id.length, code).toBeGreaterThan(5);
      expect(e.messages.en.length, code).toBeGreaterThan(5);
      expect(e.messages.id, code).not.toBe(e.messages.en);
    }
  });

  it("codes of the service's meaning are the service's entries; the apel codes are apel-codes.mjs's messages", () => {
    for (const code of [
      'ERR_NOT_FOUND',
      'ERR_INTERNAL',
      'ERR_BODY_TOO_LARGE',
      'ERR_CONTENT_TYPE',
      'ERR_JSON_INVALID',
    ]) {
      expect(PORTAL_CATALOG[code], code).toBe(SERVER_CATALOG[code]);
    }
    for (const [code, messages] of Object.entries(APEL_MESSAGES)) {
      expect(new PortalError(/** @type {any} */ (code)).messages, code).toEqual(messages);
    }
    // The two codes the portal answers with its own status keep it (the service's are 403).
    expect([new PortalError('ERR_NOT_IN_ROSTER').status, SERVER_CATALOG.ERR_NOT_IN_ROSTER.status]).toEqual([404, 403]);
    expect([new PortalError('ERR_EVENT_CLOSED').status, SERVER_CATALOG.ERR_EVENT_CLOSED.status]).toEqual([409, 403]);
  });

  it("a PortalError is a ServerError and core's IkrarError, with the service's body plus detail and headers", () => {
    const cause = new Error('inner');
    const e = new PortalError('ERR_BODY_TOO_LARGE', {
      params: { limit: 4096 },
      headers: { connection: 'close' },
      cause,
    });
    expect(e).toBeInstanceOf(ServerError);
    expect(e).toBeInstanceOf(IkrarError);
    expect(e.name).toBe('PortalError');
    expect(e.cause).toBe(cause);
    expect(e.headers).toEqual({ connection: 'close' });
    expect(e.toJSON()).toEqual(new ServerError('ERR_BODY_TOO_LARGE', { limit: 4096 }).toJSON());
    expect(e.toJSON()).toEqual({
      error: {
        code: 'ERR_BODY_TOO_LARGE',
        message: 'The body is larger than 4096 bytes.',
        messages: { en: 'The body is larger than 4096 bytes.', id: 'Isi permintaan lebih dari 4096 byte.' },
      },
    });
    const roster = new PortalError('ERR_ROSTER_INVALID', { detail: { problemCount: 2 } });
    expect(roster.toJSON()).toEqual({
      error: {
        code: 'ERR_ROSTER_INVALID',
        message: 'The roster has errors; nothing was saved.',
        messages: {
          id: 'Daftar pegawai memuat kesalahan; tidak ada yang disimpan.',
          en: 'The roster has errors; nothing was saved.',
        },
        detail: { problemCount: 2 },
      },
    });
    const drawing = new PortalError('ERR_DRAWING_INVALID', { params: { path: 'strokes[0]' } });
    expect(drawing.toJSON().error).toMatchObject({
      path: 'strokes[0]',
      message: 'The drawing is not valid (strokes[0]).',
    });
  });

  it('ERR_INPUT_INVALID: the message by reason, the field in detail; an unknown reason is the general message', () => {
    const thrown = (f) => {
      try {
        f();
      } catch (err) {
        return /** @type {PortalError} */ (err);
      }
      throw new Error('did not throw');
    };
    const t = thrown(() => invalidField('templates.PNS', 'templates-of-type', { type: 'PNS' }));
    expect([t.code, t.status, t.detail]).toEqual(['ERR_INPUT_INVALID', 400, { field: 'templates.PNS' }]);
    expect(t.messages).toEqual({
      id: 'Templat untuk PNS tidak dikenal atau kosong.',
      en: 'Templates for PNS are unknown or empty.',
    });
    const r = thrown(() => invalidField('representatives[2]', 'representative-unknown', { n: 3 }));
    expect(r.messages.en).toBe('Representative 3 is not on the roster.');
    expect(r.messages.id).toBe('Perwakilan ke-3 tidak ada di daftar pegawai.');
    expect(
      new PortalError('ERR_INPUT_INVALID', { params: { reason: 'not-string', field: 'identifier' } }).messages,
    ).toEqual({
      id: 'Kolom "identifier" harus teks.',
      en: 'Field "identifier" must be a string.',
    });
    expect(new PortalError('ERR_INPUT_INVALID').messages).toEqual({ id: 'Isian tidak sah.', en: 'Invalid input.' });
  });

  it('SSO refusals come from the same catalog; a code outside it is a TypeError naming it', () => {
    const cause = new Error('provider down');
    const e = ssoError('ERR_SSO_UNAVAILABLE', { cause });
    expect(e).toBeInstanceOf(PortalError);
    expect([e.status, e.cause, e.messages.en]).toEqual([
      502,
      cause,
      'The agency’s identity provider cannot be reached; try again shortly.',
    ]);
    expect(() => new PortalError(/** @type {any} */ ('ERR_NO_SUCH_CODE'))).toThrow(
      'PortalError: no catalog entry for the code ERR_NO_SUCH_CODE',
    );
  });
});
