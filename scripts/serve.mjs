// Serves www/ at /, the built package at /pkg/ and Zoom's Meeting SDK (the files of the pinned
// npm package, so nothing comes from Zoom's CDN) at /zoom/, bound to 127.0.0.1 unless told
// otherwise: the page takes secrets, so it is not put on the network by default.
//   node scripts/serve.mjs [--host 127.0.0.1] [--port 8080]     (HOST and PORT work too)
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

// URL prefix -> folder. Longest prefix first.
const MOUNTS = [
  ['/pkg/', join(root, 'pkg')],
  ['/zoom/', join(root, 'node_modules', '@zoom', 'meetingsdk', 'dist')],
  ['/', join(root, 'www')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.jpg': 'image/jpeg',
  '.cur': 'image/x-icon',
  '.bin': 'application/octet-stream',
};

// Cross-origin isolation (SharedArrayBuffer), which Zoom's SDK wants for gallery view.
const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

async function resolveFile(pathname, mounts) {
  for (const [prefix, folder] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const relative = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    const file = resolve(folder, `.${sep}${relative}`);
    if (file !== folder && !file.startsWith(folder + sep)) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      const index = join(file, 'index.html');
      return (await stat(index).catch(() => null))?.isFile() ? index : null;
    }
    return info?.isFile() ? file : null;
  }
  return null;
}

/**
 * Starts the server. `mounts` ([URL prefix, folder] pairs) are served before the standard ones,
 * for tools that serve more than the page (benchmarks, the Angular app).
 */
export function startServer({ host = '127.0.0.1', port = 8080, mounts = [] } = {}) {
  const allMounts = [...mounts, ...MOUNTS];
  const server = createServer(async (request, response) => {
    let pathname;
    try {
      pathname = new URL(request.url, 'http://localhost').pathname;
    } catch {
      pathname = null;
    }
    const file = pathname && (await resolveFile(pathname, allMounts).catch(() => null));
    if (!file || !['GET', 'HEAD'].includes(request.method)) {
      response.writeHead(file ? 405 : 404, { ...HEADERS, 'Content-Type': 'text/plain' });
      response.end(file ? 'method not allowed\n' : 'not found\n');
      return;
    }
    response.writeHead(200, {
      ...HEADERS,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ready(server));
  });
}

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : (process.env[name.toUpperCase()] ?? fallback);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const host = option('host', '127.0.0.1');
  const server = await startServer({ host, port: Number(option('port', '8080')) });
  const { port } = server.address();
  const shown = host === '127.0.0.1' || host === 'localhost' ? 'localhost' : host;
  console.log(`zoomsig: serving www/ on http://${shown}:${port}/ (bound to ${host}; Ctrl+C stops)`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    console.log('zoomsig: WARNING: reachable from the network. Secrets typed into this page are');
    console.log('zoomsig: for local testing only; production signatures belong on a server.');
  }
}
