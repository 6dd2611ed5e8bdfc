// @ts-check
/**
 * Events for administrators: list (auditors too), create and edit (administrators). Each field
 * is checked: a name, an optional place and date (YYYY-MM-DD), an optional deadline (RFC 3339
 * with offset), a zone (WIB/WITA/WIT), a language (id/en), and for each employee type at least one
 * template the portal knows.
 * @module
 */
import { BUILTIN_TEMPLATES, parseTimestamp } from '@ikrar/core';
import { Hono } from 'hono';
import { formatTime } from '../format-time.mjs';
import { PortalError } from '../http/errors.mjs';
import { limitBody, readJson } from '../http/json-body.mjs';
import { requireStaff } from '../http/session.mjs';

const TYPES = /** @type {const} */ (['PNS', 'PPPK', 'PPNPN']);
const TEMPLATES = new Map(BUILTIN_TEMPLATES.map((t) => [t.id, t]));

/** @param {string} field @param {string} id @param {string} en @returns {never} */
const bad = (field, id, en) => {
  throw new PortalError('ERR_INPUT_INVALID', { messages: { id, en }, detail: { field } });
};

/**
 * @param {unknown} body
 * @returns {Omit<import('../types.js').PortalEvent, 'id' | 'createdAt'>}
 */
export function parseEventInput(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    bad('', 'Harus objek JSON.', 'Expected a JSON object.');
  const b = /** @type {Record<string, unknown>} */ (body);
  const known = new Set(['name', 'place', 'date', 'deadline', 'timeZone', 'language', 'templates']);
  for (const k of Object.keys(b)) if (!known.has(k)) bad(k, `Kolom tidak dikenal: ${k}.`, `Unknown field: ${k}.`);
  /** @param {string} k @param {number} max */
  const text = (k, max) => {
    const v = b[k];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || v.trim().length === 0 || v.length > max) {
      bad(k, `"${k}" harus teks (paling banyak ${max} karakter).`, `"${k}" must be text (at most ${max} characters).`);
    }
    return v.trim();
  };
  const name = text('name', 200);
  if (!name) bad('name', 'Nama kegiatan wajib diisi.', 'The event needs a name.');
  const date = text('date', 10);
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) bad('date', 'Tanggal harus YYYY-MM-DD.', 'Date must be YYYY-MM-DD.');
  const deadline = text('deadline', 40);
  if (deadline && !parseTimestamp(deadline)) {
    bad('deadline', 'Batas waktu harus waktu RFC 3339 dengan zona.', 'Deadline must be an RFC 3339 time with offset.');
  }
  const timeZone = b.timeZone ?? 'WIB';
  if (timeZone !== 'WIB' && timeZone !== 'WITA' && timeZone !== 'WIT')
    bad('timeZone', 'Zona: WIB, WITA, atau WIT.', 'Zone: WIB, WITA or WIT.');
  const language = b.language ?? 'id';
  if (language !== 'id' && language !== 'en') bad('language', 'Bahasa: id atau en.', 'Language: id or en.');
  const t = b.templates;
  if (typeof t !== 'object' || t === null || Array.isArray(t))
    bad('templates', 'Templat per jenis pegawai wajib.', 'Templates per employee type are required.');
  /** @type {Record<import('@ikrar/core').EmployeeType, string[]>} */
  const templates = { PNS: [], PPPK: [], PPNPN: [] };
  for (const type of TYPES) {
    const list = /** @type {Record<string, unknown>} */ (t)[type];
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      list.some((x) => typeof x !== 'string' || !TEMPLATES.get(x)?.appliesTo.includes(type))
    ) {
      bad(
        `templates.${type}`,
        `Templat untuk ${type} tidak dikenal atau kosong.`,
        `Templates for ${type} are unknown or empty.`,
      );
    }
    templates[type] = /** @type {string[]} */ (list);
  }
  return {
    name: /** @type {string} */ (name),
    place: text('place', 200),
    date,
    deadline,
    timeZone,
    language,
    templates,
  };
}

/** @param {import('../portal.mjs').PortalDeps} deps */
export function adminEventRoutes({ stores }) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();
  /** @param {import('../types.js').PortalEvent} e */
  const view = (e) => ({ ...e, deadlineText: e.deadline && formatTime(e.deadline, e.timeZone, e.language) });

  app.get('/events', async (c) => {
    requireStaff(c);
    const open = await stores.events.open();
    return c.json({
      openEventId: open?.id ?? null,
      events: (await stores.events.list()).map(view),
      templates: BUILTIN_TEMPLATES.map((t) => ({ id: t.id, title: t.texts.id.title, appliesTo: t.appliesTo })),
    });
  });
  app.post('/events', limitBody(16 * 1024), async (c) => {
    requireStaff(c, 'admin');
    return c.json(view(await stores.events.create(parseEventInput(await readJson(c)))), 201);
  });
  app.put('/events/:id', limitBody(16 * 1024), async (c) => {
    requireStaff(c, 'admin');
    const input = parseEventInput(await readJson(c));
    if (!(await stores.events.update(c.req.param('id'), input))) throw new PortalError('ERR_NOT_FOUND');
    return c.json(view(/** @type {any} */ (await stores.events.byId(c.req.param('id')))));
  });
  return app;
}
