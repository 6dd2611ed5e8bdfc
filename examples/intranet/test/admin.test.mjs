// What administrators do, over HTTP: events (checked fields, more than one over time, the open
// one), a roster upload checked line by line before anything is saved, coverage computed in the
// database and paginated, search and filters, the not-signed CSV, times in words in the event's
// zone, and the verifier's HTML report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePortal, openPortal } from './fixture.mjs';
import { credentialFor, employeeClient, expectError, staffClient } from './helpers.mjs';

let app, config, roster;
let admin;

const EVENT = {
  name: 'Pemilu Serentak 2029',
  place: 'Aula Kantor Bupati',
  date: '2029-02-14',
  deadline: '2029-02-14T23:59:00+08:00',
  timeZone: 'WITA',
  language: 'id',
  templates: { PNS: ['skb-2022-asn'], PPPK: ['skb-2022-asn'], PPNPN: ['jembrana-2024'] },
};

beforeAll(async () => {
  ({ app, config, roster } = await openPortal());
  admin = await staffClient(app.url);
  for (const who of roster.slice(0, 5)) {
    const c = await employeeClient(app.url, who.identifier);
    expect((await c.post('/api/sign', credentialFor(app, config, who))).status).toBe(201);
  }
});
afterAll(() => closePortal({ app }));

describe('events', () => {
  it('refuses bad fields with ERR_INPUT_INVALID naming the field', async () => {
    for (const [body, field] of [
      [{ ...EVENT, name: '' }, 'name'],
      [{ ...EVENT, date: '14-02-2029' }, 'date'],
      [{ ...EVENT, deadline: '2029-02-14 23:59' }, 'deadline'],
      [{ ...EVENT, timeZone: 'UTC' }, 'timeZone'],
      [{ ...EVENT, language: 'fr' }, 'language'],
      [{ ...EVENT, templates: { ...EVENT.templates, PPNPN: ['skb-2022-asn'] } }, 'templates.PPNPN'],
      [{ ...EVENT, templates: { ...EVENT.templates, PNS: [] } }, 'templates.PNS'],
      [{ ...EVENT, extra: 1 }, 'extra'],
    ]) {
      const error = await expectError(await admin.post('/api/admin/events', body), 400, 'ERR_INPUT_INVALID');
      expect(error.detail.field).toBe(field);
    }
  });

  it('creates and edits events; the newest open one is what employees sign, with its deadline in words', async () => {
    const res = await admin.post('/api/admin/events', EVENT);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.deadlineText).toBe('14 Februari 2029 pukul 23.59 WITA');
    const list = await (await admin.get('/api/admin/events')).json();
    expect(list.events.map((e) => e.name)).toEqual([EVENT.name, config.firstEvent.name]);
    expect(list.openEventId).toBe(created.id);
    const edited = await admin.put(`/api/admin/events/${created.id}`, { ...EVENT, place: 'Lapangan Apel' });
    expect((await edited.json()).place).toBe('Lapangan Apel');
    await expectError(await admin.put('/api/admin/events/nope', EVENT), 404, 'ERR_NOT_FOUND');
    const employee = await employeeClient(app.url, roster[10].identifier);
    const cfg = await (await employee.get('/api/config')).json();
    expect(cfg.event).toMatchObject({
      name: EVENT.name,
      place: 'Lapangan Apel',
      deadlineText: '14 Februari 2029 pukul 23.59 WITA',
    });
    expect(cfg.templates).toEqual(['skb-2022-asn']);
    // The earlier event keeps its records: coverage can still be asked for it.
    const old = list.events.find((e) => e.name === config.firstEvent.name);
    expect((await (await admin.get(`/api/admin/coverage?event=${old.id}`)).json()).signed).toBe(5);
    expect((await (await admin.get('/api/admin/coverage')).json()).signed).toBe(0);
    // Back to the first event as the open one: the new one's deadline moves into the past.
    await admin.put(`/api/admin/events/${created.id}`, { ...EVENT, deadline: '2020-01-01T00:00:00+07:00' });
    expect((await (await admin.get('/api/admin/events')).json()).openEventId).toBe(old.id);
  });
});

describe('roster upload', () => {
  const header = 'name,employeeType,identifier,position,workUnit\n';
  const good = 'Ni Luh Ayu,PNS,198503152010012004,Analis,Dinas Baru\nI Made Baru,PPNPN,5101014101900001,,Dinas Baru\n';

  it('lists every bad line and saves nothing', async () => {
    const before = (await (await admin.get('/api/admin/coverage')).json()).total;
    const csv =
      header +
      good +
      'Tanpa Jenis,GURU,198503152010012004,,Dinas Baru\n' +
      ',PNS,198503152010011005,,Dinas Baru\n' +
      'Nomor Salah,PNS,12345,,Dinas Baru\n' +
      'Kembar,PPNPN,5101014101900001,,Dinas Baru\n';
    const res = await admin.request('POST', '/api/admin/roster', { body: csv, type: 'text/csv' });
    const error = await expectError(res, 422, 'ERR_ROSTER_INVALID');
    expect(error.detail.problems.map((p) => [p.line, p.code])).toEqual([
      [4, 'ERR_ROSTER_TYPE'],
      [5, 'ERR_ROSTER_NAME'],
      [6, 'ERR_IDENTIFIER_INVALID'],
      [7, 'ERR_ROSTER_DUPLICATE'],
    ]);
    for (const p of error.detail.problems) expect(p.messages.id.length).toBeGreaterThan(3);
    expect((await (await admin.get('/api/admin/coverage')).json()).total).toBe(before);
    const noId = await admin.request('POST', '/api/admin/roster', { body: 'nama,unit\nA,B\n', type: 'text/csv' });
    expect((await expectError(noId, 422, 'ERR_ROSTER_INVALID')).detail.problems[0].code).toBe('ERR_ROSTER_INVALID');
    await expectError(await admin.post('/api/admin/roster', { csv: good }), 415, 'ERR_CONTENT_TYPE');
  });

  it('checks without saving (dryRun), then adds new people and updates known ones', async () => {
    const before = (await (await admin.get('/api/admin/coverage')).json()).total;
    const dry = await admin.request('POST', '/api/admin/roster?dryRun=1', { body: header + good, type: 'text/csv' });
    expect(await dry.json()).toEqual({ ok: true, rows: 2, saved: false });
    expect((await (await admin.get('/api/admin/coverage')).json()).total).toBe(before);
    const moved = `${roster[0].name},${roster[0].employeeType},${roster[0].identifier},,Dinas Baru\n`;
    const res = await admin.request('POST', '/api/admin/roster', { body: header + good + moved, type: 'text/csv' });
    expect(await res.json()).toEqual({ ok: true, rows: 3, saved: true, added: 2, updated: 1 });
    expect((await (await admin.get('/api/admin/coverage')).json()).total).toBe(before + 2);
  });
});

describe('coverage', () => {
  it('per work unit: totals add up, pages, sort and filter', async () => {
    const first = config.firstEvent.name;
    const { events } = await (await admin.get('/api/admin/events')).json();
    const ev = events.find((e) => e.name === first).id;
    const all = await (await admin.get(`/api/admin/coverage?event=${ev}&limit=100`)).json();
    expect(all.units.reduce((n, u) => n + u.total, 0)).toBe(all.total);
    expect(all.units.reduce((n, u) => n + u.signed, 0)).toBe(all.signed);
    expect(all.count).toBe(all.units.length);
    const page = await (await admin.get(`/api/admin/coverage?event=${ev}&limit=2&offset=2`)).json();
    expect(page.units).toEqual(all.units.slice(2, 4));
    const byShare = await (await admin.get(`/api/admin/coverage?event=${ev}&limit=100&sort=share&desc=1`)).json();
    const shares = byShare.units.map((u) => u.signed / u.total);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    const filtered = await (await admin.get(`/api/admin/coverage?event=${ev}&q=BARU`)).json();
    expect(filtered.units.map((u) => u.workUnit)).toEqual(['Dinas Baru']);
    await expectError(await admin.get('/api/admin/coverage?limit=abc'), 400, 'ERR_INPUT_INVALID');
    await expectError(await admin.get('/api/admin/coverage?event=nope'), 404, 'ERR_NOT_FOUND');
  });

  it('people: drill-down to a unit, search by name or number, signed filter, masked numbers, times in words', async () => {
    const { events } = await (await admin.get('/api/admin/events')).json();
    const ev = events.find((e) => e.name === config.firstEvent.name).id;
    const unit = roster[1].workUnit;
    const inUnit = await (
      await admin.get(`/api/admin/people?event=${ev}&unit=${encodeURIComponent(unit)}&limit=100`)
    ).json();
    expect(inUnit.people.every((p) => p.workUnit === unit)).toBe(true);
    expect(inUnit.count).toBe(roster.filter((r) => r.workUnit === unit).length);
    const byNumber = await (await admin.get(`/api/admin/people?event=${ev}&q=${roster[1].identifier}`)).json();
    expect(byNumber.people.map((p) => p.name)).toEqual([roster[1].name]);
    expect(byNumber.people[0].identifier).toBe(
      '*'.repeat(roster[1].identifier.length - 4) + roster[1].identifier.slice(-4),
    );
    expect(byNumber.people[0].signedAtText).toMatch(/^\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WITA$/);
    const byName = await (
      await admin.get(`/api/admin/people?event=${ev}&q=${encodeURIComponent(roster[1].name.toUpperCase())}`)
    ).json();
    expect(byName.people.map((p) => p.name)).toContain(roster[1].name);
    const wildcard = await (await admin.get(`/api/admin/people?event=${ev}&q=%25`)).json();
    expect(wildcard.count).toBe(0);
    const signed = await (await admin.get(`/api/admin/people?event=${ev}&status=signed&limit=100`)).json();
    expect(signed.count).toBe(5);
    expect(signed.people.every((p) => p.recordId)).toBe(true);
    const unsigned = await (await admin.get(`/api/admin/people?event=${ev}&status=unsigned&limit=2&offset=1`)).json();
    expect(unsigned.people).toHaveLength(2);
    expect(unsigned.people.every((p) => p.recordId === null)).toBe(true);
  });

  it('the not-signed CSV: everyone without a record, identifiers masked', async () => {
    const { events } = await (await admin.get('/api/admin/events')).json();
    const ev = events.find((e) => e.name === config.firstEvent.name).id;
    const res = await admin.get(`/api/admin/unsigned.csv?event=${ev}`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trimEnd().split('\r\n');
    const total = (await (await admin.get(`/api/admin/coverage?event=${ev}`)).json()).total;
    expect(lines[0]).toBe('name,employeeType,identifier,workUnit');
    expect(lines).toHaveLength(1 + total - 5);
    for (const r of roster) expect(lines.join('\n')).not.toContain(r.identifier);
    expect(lines.some((l) => l.startsWith('"Dinas') || l.includes('"Dinas Pendidikan, Kepemudaan dan Olahraga"'))).toBe(
      true,
    );
  });

  it("the verifier's HTML audit report for the event, audited", async () => {
    const { events } = await (await admin.get('/api/admin/events')).json();
    const ev = events.find((e) => e.name === config.firstEvent.name).id;
    const res = await admin.get(`/api/admin/report.html?event=${ev}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="laporan-pilkada-serentak-2024\.html"$/,
    );
    const html = await res.text();
    expect(html).toContain('Laporan Verifikasi Ikrar Netralitas ASN');
    expect(html).toContain('Semua rekaman sah.');
    for (const r of roster) expect(html).not.toContain(r.identifier);
    const { entries } = await (await admin.get('/api/admin/audit')).json();
    expect(entries[0]).toMatchObject({ actor: 'admin', action: 'export-report', target: config.firstEvent.name });
  });
});
