// A static file server on 127.0.0.1 and a free port, for tests that open built pages in Chromium
// (the release dry run, the React and Vue examples). Serves only files under `dir`.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/**
 * @param {string} dir folder to serve
 * @param {{ pages?: Record<string, string> }} [options] extra in-memory pages, by URL path
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic(dir, { pages = {} } = {}) {
  const base = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pages[pathname] !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(pages[pathname]);
      return;
    }
    const file = path.join(base, decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
