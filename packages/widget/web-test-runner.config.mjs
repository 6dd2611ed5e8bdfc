// Browser tests of <ikrar-netralitas> in Debian's headless Chromium.
// - @ikrar/core is served from its TypeScript source (esbuild), never a half-built dist.
// - /test-endpoint/* plays the agency backend: it countersigns with an agency key (ok), refuses (4xx),
//   fails (5xx), fails once then works (flaky), stalls (slow), or answers with a tampered record;
//   status* adds the agency's credentialStatus before countersigning; draft*/draft answers a draft
//   (record id, status entry, evidence) that a browser key signs before draft* countersigns it.
// - /__ikrar-vectors/<file> serves ../shared/vectors/<file> in place (Wycheproof for the crypto tests).
// - /test-csp/page.html is a page with a strict Content-Security-Policy that loads the built bundle
//   (run `pnpm build` first).
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { wtrConfig, repoRoot } from '../../scripts/wtr-config.mjs';
import { coreSourcePath, importCoreSource } from './scripts/core-source.mjs';
import { cliVerdicts, makeVerifyFixture } from './test/verifikasi-fixture.mjs';

const core = await importCoreSource();
const agency = core.generateKeyPair();
const stranger = core.generateKeyPair();
const counts = new Map();

// @pdf-lib/fontkit's ESM build imports CommonJS pako, which a browser cannot import unbundled
// ("does not provide an export named 'default'"): serve pako as one esbuild-made ES module.
const fontkitDir = path.dirname(
  createRequire(path.join(repoRoot, 'packages/core/package.json')).resolve('@pdf-lib/fontkit/package.json'),
);
const pakoEsm = (
  await build({
    stdin: { contents: "export { default } from 'pako';", resolveDir: fontkitDir },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'error',
  })
).outputFiles[0].text;
const pakoBundle = {
  name: 'pako-esm-bundle',
  resolveImport({ source }) {
    return source === 'pako' ? '/__ikrar-widget-test/pako.js' : undefined;
  },
  serve(context) {
    return context.path === '/__ikrar-widget-test/pako.js' ? { body: pakoEsm, type: 'js' } : undefined;
  },
};

const coreSource = {
  name: 'ikrar-core-source',
  resolveImport({ source }) {
    const p = coreSourcePath(source);
    return p ? '/' + path.relative(repoRoot, p).split(path.sep).join('/') : undefined;
  },
};

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

const send = (ctx, status, body, type = 'application/json') => {
  ctx.status = status;
  ctx.type = type;
  ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
};

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

const CSP_PAGE = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <title>CSP</title>
    <script type="module" src="/packages/widget/test/csp-page.js"></script>
  </head>
  <body>
    <ikrar-netralitas agency="Pemerintah Kabupaten Klaten" event-name="Pemilu 2024" signing-mode="browser-key"
      signature-types="typed"></ikrar-netralitas>
  </body>
</html>`;

// The shared vectors, read where they stand (as packages/core/test/vectors.ts locates them).
const vectorsDir = process.env.IKRAR_VECTORS ?? path.resolve(repoRoot, '../shared/vectors');

// <ikrar-verifikasi>: 9,850 generator records + 25 forgeries of each of 6 kinds = 10,000 lines, a
// PDF certificate, and what the built ikrar-verify says about the same files. Made once, on the
// first request; the temp dir is removed when the runner exits.
let verifyFixture = null;
const fixtureFiles = new Map();
function getVerifyFixture() {
  verifyFixture ??= (async () => {
    const f = await makeVerifyFixture({ genuine: 9850, core });
    process.on('exit', () => rmSync(f.dir, { recursive: true, force: true }));
    fixtureFiles.set('mixed.jsonl', f.mixed).set('trust.json', f.trust).set('roster.csv', f.roster);
    if (f.pdf) fixtureFiles.set('sertifikat.pdf', f.pdf);
    return {
      lines: f.lines,
      mixed: cliVerdicts([f.mixed], f.trust),
      withRoster: cliVerdicts([f.mixed], f.trust, ['--roster', f.roster]).summary,
      pdf: f.pdf ? cliVerdicts([f.pdf], f.trust) : null,
    };
  })();
  return verifyFixture;
}

const CSP_NO_NETWORK =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'none'; worker-src 'self'; base-uri 'none'";
const VERIFY_CSP_PAGE = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <title>CSP verifikasi</title>
    <script type="module" src="/packages/widget/test/verifikasi-csp-page.js"></script>
  </head>
  <body>
    <ikrar-verifikasi></ikrar-verifikasi>
  </body>
</html>`;

async function endpoint(ctx, next) {
  const url = ctx.url.split('?')[0];
  if (url === '/__ikrar-verifikasi/expected') return send(ctx, 200, await getVerifyFixture());
  if (url.startsWith('/__ikrar-verifikasi/file/')) {
    await getVerifyFixture();
    const file = fixtureFiles.get(path.basename(url));
    if (!file) return send(ctx, 404, { error: 'no such fixture' });
    ctx.status = 200;
    ctx.type = 'application/octet-stream';
    ctx.body = readFileSync(file);
    return undefined;
  }
  if (url === '/test-csp/verifikasi.html') {
    ctx.set('Content-Security-Policy', CSP_NO_NETWORK);
    return send(ctx, 200, VERIFY_CSP_PAGE, 'text/html');
  }
  if (url.startsWith('/__ikrar-vectors/')) {
    const file = path.join(vectorsDir, path.basename(url));
    return existsSync(file) ? send(ctx, 200, readFileSync(file, 'utf8')) : send(ctx, 404, { error: 'no vectors' });
  }
  if (url === '/test-csp/page.html') {
    ctx.set('Content-Security-Policy', CSP);
    return send(ctx, 200, CSP_PAGE, 'text/html');
  }
  if (!url.startsWith('/test-endpoint/')) return next();
  const name = url.slice('/test-endpoint/'.length);
  if (name === 'agency') return send(ctx, 200, { id: agency.controller });
  if (name === 'counts') return send(ctx, 200, Object.fromEntries(counts));
  // draft*/draft: the agency's draft (@ikrar/server's POST /sign/draft) for a browser key.
  if (name.endsWith('/draft') && ctx.method === 'POST') {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (!name.startsWith('draft')) return send(ctx, 422, { error: 'no draft for you' });
    return send(ctx, 201, {
      id: `urn:uuid:${crypto.randomUUID()}`,
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '777',
        statusListCredential: 'https://dinas.example/status/1',
      },
      evidence: [{ type: ['ApelPresence'], atApel: false }],
      expires: '2099-01-01T00:00:00+07:00',
    });
  }
  if (name === 'sign' || ctx.method === 'POST') {
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    const credential = core.parseJson(await readBody(ctx.req));
    if (name === 'reject') return send(ctx, 422, { error: 'unknown employee' });
    if (name === 'fail') return send(ctx, 503, { error: 'down' });
    if (name === 'flaky' && n === 1) return send(ctx, 500, { error: 'once' });
    if (name === 'slow') await new Promise((r) => setTimeout(r, 3000));
    if (name === 'garbage') return send(ctx, 200, '{"a":1,"a":2}');
    // status*: the agency adds its revocation entry before countersigning (as @ikrar/server does).
    if (name.startsWith('status')) {
      credential.credentialStatus = {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '4242',
        statusListCredential: 'https://dinas.example/status/1',
      };
    }
    if (name === 'status-tampered') credential.credentialSubject.signer.name = 'Orang Lain';
    // draft-swapped: the agency countersigns another index than the one the employee signed.
    if (name === 'draft-swapped') credential.credentialStatus.statusListIndex = '778';
    const record = await core.signPledge(credential, name === 'stranger' ? stranger : agency);
    if (name === 'tampered') record.credentialSubject.signer.name = 'Orang Lain';
    return send(ctx, 200, record);
  }
  return next();
}

export default {
  ...wtrConfig({
    name: 'widget',
    files: ['packages/widget/src/**/*.test.ts'],
    plugins: [coreSource, pakoBundle],
    middleware: [endpoint],
    // Lit's TypeScript decorators (experimentalDecorators), as the package's tsconfig.json builds them.
    tsconfig: 'packages/widget/tsconfig.wtr.json',
  }),
  // The <ikrar-verifikasi> file verifies 10,000 records twice on a shared 2-core machine.
  testsFinishTimeout: 600_000,
};
