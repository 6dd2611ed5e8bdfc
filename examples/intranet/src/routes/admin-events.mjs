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
import { invalidField as bad, PortalError } from '../http/errors.mjs';
import { limitBody, readJson } from '../http/json-body.mjs';
import { requireStaff } from '../http/session.mjs';

const TYPES = /** @type {const} */ (['PNS', 'PPPK', 'PPNPN']);
const TEMPLATES = new Map(BUILTIN_TEMPLATES.map((t) => [t.id, t]));

/**
 * @param {unknown} body
 * @returns {Omit<import('../types.js').PortalEvent, 'id' | 'createdAt'>}
 */
export function parseEventInput(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) bad('', 'not-object');
  const b = /** @type {Record<string, unknown>} */ (body);
  const known = new Set(['name', 'place', 'date', 'deadline', 'timeZone', 'language', 'templates']);
  for (const k of Object.keys(b)) if (!known.has(k)) bad(k, 'unknown-field');
  /** @param {string} k @param {number} max */
  const text = (k, max) => {
    const v = b[k];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || v.trim().length === 0 || v.length > max) {
      bad(k, 'text', { max });
    }
    return v.trim();
  };
  const name = text('name', 200);
  if (!name) bad('name', 'event-name');
  const date = text('date', 10);
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) bad('date', 'date');
  const deadline = text('deadline', 40);
  if (deadline && !parseTimestamp(deadline)) {
    bad('deadline', 'deadline');
  }
  const timeZone = b.timeZone ?? 'WIB';
  if (timeZone !== 'WIB' && timeZone !== 'WITA' && timeZone !== 'WIT') bad('timeZone', 'time-zone');
  const language = b.language ?? 'id';
  if (language !== 'id' && language !== 'en') bad('language', 'language');
  const t = b.templates;
  if (typeof t !== 'object' || t === null || Array.isArray(t)) bad('templates', 'templates');
  /** @type {Record<import('@ikrar/core').EmployeeType, string[]>} */
  const templates = { PNS: [], PPPK: [], PPNPN: [] };
  for (const type of TYPES) {
    const list = /** @type {Record<string, unknown>} */ (t)[type];
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      list.some((x) => typeof x !== 'string' || !TEMPLATES.get(x)?.appliesTo.includes(type))
    ) {
      bad(`templates.${type}`, 'templates-of-type', { type });
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
