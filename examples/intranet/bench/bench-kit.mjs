// What the portal's benches share: a roster of n employees with well-formed NIPs, the portal as
// its own process (`node src/main.mjs`, SQLite in the given directory, limits lifted), the typed
// pledge an employee signs there, a browser-like client, a server-sent event reader (the tests
// read the apel stream with it too) and percentiles.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPledge } from '@ikrar/core';
import { defaultConfig } from '../src/config.mjs';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.mjs');
export const ADMIN_PASSWORD = 'bench-admin-rahasia-123';

/** n PNS employees with well-formed NIPs (birth date, appointment 2005-03, gender, serial). */
export function roster(n, units = 1) {
  const rows = ['name,employeeType,identifier,position,workUnit'];
  const people = [];
  for (let i = 0; i < n; i++) {
    const birth = new Date(Date.UTC(1970, 0, 1) + (i % 5000) * 86_400_000);
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
    const p = {
      identifier: `${ymd}200503${1 + (i % 2)}${String(1 + Math.floor(i / 5000)).padStart(3, '0')}`,
      name: `Pegawai Apel ${i + 1}`,
      employeeType: 'PNS',
      position: 'Analis Kebijakan',
      workUnit: units === 1 ? 'Kecamatan Negara' : `Unit Kerja ${1 + (i % units)}`,
    };
    people.push(p);
    rows.push(`${p.name},PNS,${p.identifier},${p.position},${p.workUnit}`);
  }
  return { csv: `${rows.join('\n')}\n`, people };
}

/** The portal as its own process; BENCH_PORTAL_NODE_ARGS adds Node options (e.g. `--cpu-prof`). */
export function startPortal(dataDir) {
  const nodeArgs = (process.env.BENCH_PORTAL_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, main, '--demo'], {
    env: {
      ...process.env,
      IKRAR_DATA_DIR: dataDir,
      PORT: '0',
      IKRAR_LOG: '0',
      IKRAR_ADMIN_PASSWORD: ADMIN_PASSWORD,
      IKRAR_SIGN_IN_PER_MINUTE: '1000000',
      IKRAR_SIGNING_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not start:\n${out}`)), 60_000);
    child.on('exit', () => reject(new Error(`portal exited:\n${out}`)));
    child.stdout.on('data', () => {
      const m = /open\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, output: () => out });
      }
    });
  });
}

/** The portal's first event (its default configuration), which a demo portal opens. */
export const EVENT = defaultConfig({}, {}).firstEvent;
/** The issuer name the benches' pledges carry. */
export const AGENCY = 'Pemerintah Kabupaten Jembrana';

/** The agency's issuer id, from the portal's trust list (`/trust.json`). */
export async function agencyIdOf(url) {
  return (await (await fetch(`${url}/trust.json`)).json()).issuers[0].id;
}

/** The unsigned credential `who` (a {@link roster} person) signs by typing their name at EVENT. */
export function typedPledge(agencyId, who) {
  return createPledge({
    template: 'jembrana-2024',
    issuer: { id: agencyId, name: AGENCY },
    signer: who,
    event: { name: EVENT.name, place: EVENT.place },
    consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: who.name },
    timeZone: 'WITA',
  });
}

/** A browser-like client: cookies, Origin and the CSRF token on state-changing requests. */
export function client(base) {
  const jar = new Map();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return res;
  };
  const request = async (method, url, { json, body, type, headers = {}, signal } = {}) => {
    if (method !== 'GET' && !jar.has('ikrar_csrf'))
      keep(await fetch(`${base}/health`, { headers: { cookie: cookie() } }));
    const h = { ...headers, ...(jar.size && { cookie: cookie() }) };
    if (method !== 'GET') Object.assign(h, { 'x-csrf-token': jar.get('ikrar_csrf'), origin: base });
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (type) h['content-type'] = type;
    return keep(await fetch(`${base}${url}`, { method, headers: h, body, signal }));
  };
  return {
    request,
    cookie,
    get: (u) => request('GET', u),
    post: (u, json, o) => request('POST', u, { json, ...o }),
  };
}

/**
 * Yields the events of a server-sent event response (`text/event-stream`) as their fields
 * (`event`, `id`, `retry`, `data`, as strings; comment lines skipped). The body is cancelled when
 * the caller stops reading; a read that fails (an aborted request) throws.
 * @param {Response} res
 * @returns {AsyncGenerator<Record<string, string>>}
 */
export async function* serverSentEvents(res) {
  const reader = /** @type {ReadableStream<Uint8Array>} */ (res.body).getReader();
  const dec = new TextDecoder();
  let buf = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += dec.decode(value, { stream: true });
      let i;
      while ((i = buf.indexOf('\n\n')) !== -1) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        /** @type {Record<string, string>} */
        const fields = {};
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
        }
        yield fields;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/**
 * The apel projector stream's `state` events, their data parsed.
 * @param {Response} res
 */
export async function* apelStates(res) {
  for await (const f of serverSentEvents(res))
    if (f.event === 'state' && f.data !== undefined) yield JSON.parse(f.data);
}

export const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
export const ms = (x) => `${x.toFixed(0)} ms`;
