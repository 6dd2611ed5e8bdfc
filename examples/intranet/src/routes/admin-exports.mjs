// @ts-check
/**
 * Exports for staff, each written to the audit log: the event's records as JSONL (streamed by
 * pages with backpressure and a turn of the event loop between pages, at most
 * `exportsPerSession` exports at a time per session with the not-signed CSV, else 429
 * ERR_EXPORT_BUSY with Retry-After (export-slots.mjs), so a client that never reads holds at
 * most that many pages and socket buffers, nothing more), the agency's signed status
 * lists as one JSON array (what `ikrar-verify --status` reads, so revoked records are `revoked`),
 * and @ikrar/verifier's HTML audit report for the event, with its revocations.
 * @module
 */
import { createReport, loadStatusLists, parseTrustStore, renderHtmlReport, verifyRecords } from '@ikrar/verifier';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { clientAddress } from '../http/client-address.mjs';
import { requireStaff } from '../http/session.mjs';
import { eventOfQuery } from './event-query.mjs';
import { exportLane, takeExportSlot } from './export-slots.mjs';
import { trustDocument } from '@ikrar/server';

const PAGE = 200;

/** @param {string} name */
const fileName = (name) =>
  name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'event';

/** @param {import('../portal.mjs').PortalDeps} deps */
export function adminExportRoutes(deps) {
  const { stores, config, agency, db, collective } = deps;
  const lane = exportLane(deps);
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();

  /** @param {import('hono').Context<any>} c */
  const eventOf = (c) => eventOfQuery(c, stores.events);

  /** All of an event's records, a page at a time, then its countersigned pakta integritas (#15). @param {string} eventId */
  const lines = async function* (eventId) {
    yield* stores.records.lines(eventId, PAGE);
    if (collective) yield* collective.lines(eventId);
  };

  /** Every status list credential the agency has signed, as stored (canonical JSON text). */
  const statusListTexts = async () => {
    const ids = await db.query('SELECT id FROM ikrar_status_lists ORDER BY id');
    const texts = [];
    for (const { id } of ids) {
      const served = await stores.statusLists.credential(Number(id));
      if (served) texts.push(served.text);
    }
    return texts;
  };

  // The lists hold no personal data (bits only); they are public at /status/<n> as well.
  app.get('/status-lists.json', async (c) => {
    requireStaff(c);
    c.header('content-type', 'application/json; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="daftar-status.json"');
    c.header('cache-control', 'no-store');
    return c.body(`[${(await statusListTexts()).join(',\n')}]\n`);
  });

  app.get('/export.jsonl', async (c) => {
    const s = requireStaff(c);
    const event = await eventOf(c);
    const release = takeExportSlot(deps, /** @type {string} */ (c.get('sessionId')));
    try {
      await stores.audit.write({
        actor: s.subject,
        action: 'export-jsonl',
        target: event.name,
        address: clientAddress(c),
      });
    } catch (err) {
      release();
      throw err;
    }
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('content-disposition', `attachment; filename="ikrar-${fileName(event.name)}.jsonl"`);
    c.header('cache-control', 'no-store');
    return stream(
      c,
      async (out) => {
        out.onAbort(release);
        const records = lines(event.id);
        try {
          // A page of lines at a time through the export lane, written outside it.
          for (let ended = false; !ended && !out.aborted;) {
            const text = await lane(async () => {
              let page = '';
              for (let i = 0; i < PAGE; i++) {
                const next = await records.next();
                if (next.done) {
                  ended = true;
                  break;
                }
                page += next.value + '\n';
              }
              return page;
            });
            if (text) await out.write(text);
          }
        } finally {
          await records.return(undefined);
          release();
        }
      },
      async () => {},
    );
  });

  app.get('/report.html', async (c) => {
    const s = requireStaff(c);
    const event = await eventOf(c);
    await stores.audit.write({
      actor: s.subject,
      action: 'export-report',
      target: event.name,
      address: clientAddress(c),
    });
    const roster = (
      await db.query('SELECT identifier, name, work_unit AS "workUnit" FROM portal_employees ORDER BY work_unit, name')
    ).map((r) => ({ identifier: String(r.identifier), name: String(r.name), workUnit: String(r.workUnit) }));
    const trust = trustDocument(config.agencyName, agency.keys);
    const trustStore = parseTrustStore(trust);
    const statusLists = await loadStatusLists(
      (await statusListTexts()).map((text, i) => ({ credential: JSON.parse(text), source: `status-${i + 1}` })),
      { trustStore },
    );
    const report = createReport({ roster });
    for await (const _ of verifyRecords(lines(event.id), {
      trustStore,
      statusLists,
      onOutcome: (o) => report.add(o),
    }));
    const html = renderHtmlReport(report.finish(), {
      lang: event.language,
      inputs: [`${event.name} (${config.agencyName})`],
      issuers: trust.issuers,
      statusLists: [...statusLists.values()].map((l) => ({
        id: l.id,
        issuer: l.issuer,
        ...(l.created !== undefined && { created: l.created }),
      })),
    });
    return c.body(html, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="laporan-${fileName(event.name)}.html"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
