// A small static file server for the release build: compression (brotli, gzip), correct MIME types,
// cache headers, security headers. Used by the serve command, the browser tests and the Lighthouse audit,
// so all of them see the app the way a city's web server should serve it (see README, "Hosting").
//
//   node scripts/serve-dist.mjs [--dir dist] [--port 8080] [--host 127.0.0.1]
//
// Also importable: `startServer({ dir, port, host, log, encodings })` resolves to the Node server once it
// listens. `log`: an array that receives one entry per response, `{ path, status, encoding, bytes, at }`
// (`bytes`: everything written on the wire for it, status line and headers included; `at`: when, in ms since
// the epoch), so that a test or the size report sees every byte the network carried. `encodings`: the content codings offered, in order of
// preference (default brotli, then gzip), among those the browser accepts.
//
// Files without a content hash (index.html, sw.js) are sent with `no-cache` and a validator (ETag): the
// browser revalidates them, and a copy it already has costs a 304 with no body, as on a city's server.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

// The same policy as the <meta> tag that scripts/postbuild.mjs writes: a city's server should send it too.
const CONTENT_SECURITY_POLICY = readFileSync(new URL('../content-security-policy.txt', import.meta.url), 'utf8').trim();

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.pack': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt', '.toml', '.pack']);
// File names with a content hash never change: they may be cached for a year.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

export function startServer({ dir = 'dist', port = 8080, host = '127.0.0.1', quiet = false, log, encodings = ['br', 'gzip'] } = {}) {
  const root = resolve(dir);
  const compressedCache = new Map();

  const server = createServer(async (req, res) => {
    if (log) {
      // What this response put on the wire: the socket's byte count before and after it (one response at a
      // time per connection: HTTP/1.1 without pipelining, as browsers use it).
      const socket = req.socket;
      const before = socket.bytesWritten;
      res.on('finish', () =>
        log.push({
          path: new URL(req.url, 'http://localhost').pathname,
          status: res.statusCode,
          encoding: res.contentCoding ?? 'identity',
          bytes: socket.bytesWritten - before,
          at: Date.now(),
        }),
      );
    }
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      const ext = extname(path);
      const headers = {
        'Content-Type': MIME[ext] ?? 'application/octet-stream',
        'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Opener-Policy': 'same-origin',
      };
      // The app's page only: other pages (the embedding example is a city's host page) have their own policy.
      if (path === join(root, 'index.html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      let body = await readFile(path);
      if (!HASHED.test(path)) {
        headers.ETag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        if (req.headers['if-none-match'] === headers.ETag) {
          res.writeHead(304, headers).end();
          return;
        }
      }
      const accepts = String(req.headers['accept-encoding'] ?? '');
      if (COMPRESSIBLE.has(ext)) {
        headers.Vary = 'Accept-Encoding';
        const encoding = encodings.find((name) => new RegExp(`\\b${name}\\b`).test(accepts)) ?? null;
        if (encoding) {
          const key = `${encoding}:${path}:${info.mtimeMs}`;
          if (!compressedCache.has(key)) {
            compressedCache.set(
              key,
              encoding === 'br'
                ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
                : gzipSync(body, { level: 9 }),
            );
          }
          body = compressedCache.get(key);
          headers['Content-Encoding'] = encoding;
          res.contentCoding = encoding;
        }
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (!quiet) console.error(error);
      res.writeHead(500).end();
    }
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      if (!quiet) console.log(`Serving ${root} at http://${host}:${server.address().port}/`);
      resolvePromise(server);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : fallback;
  };
  await startServer({
    dir: option('dir', 'dist'),
    port: Number(option('port', 8080)),
    host: option('host', '127.0.0.1'),
  });
}
