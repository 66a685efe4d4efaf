// The small static file server behind the ship checks and the bench: files under `root` by URL path (never above
// it; a directory answers with its index.html), a few pages given as text, optional headers per content type.
// Listens on 127.0.0.1, a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * @param {object} [options]
 * @param {string} [options.root] directory served at `/` (default: the working directory)
 * @param {Record<string, string>} [options.pages] URL path -> HTML text, answered before any file
 * @param {(path: string) => string | undefined} [options.file] URL path -> file to serve instead of root + path
 * @param {(type: string) => Record<string, string>} [options.headers] extra headers for a content type
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveStatic({ root = '.', pages = {}, file, headers } = {}) {
  const server = createServer(async (req, res) => {
    try {
      // normalize() resolves "..": a path can never climb above the root. A malformed escape throws: a 404.
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const page = Object.hasOwn(pages, path) ? pages[path] : undefined;
      let target = page === undefined ? (file?.(path) ?? join(root, path)) : '';
      if (target && (await stat(target)).isDirectory()) target = join(target, 'index.html');
      const type = page !== undefined ? 'text/html' : (TYPES[extname(target)] ?? 'application/octet-stream');
      const body = page ?? (await readFile(target));
      res.writeHead(200, { 'content-type': type, ...headers?.(type) });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // close() waits for every open connection to end; a browser page still open keeps one alive (keep-alive, or a
  // request the page left pending), which once hung check-cdn in CI. Cut them all: the caller is done with the server.
  const close = () => new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return { origin, close };
}
