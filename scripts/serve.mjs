// Serves www/ at /, the built package at /pkg/, Zoom's Meeting SDK at /zoom/ (6.2.0) and
// /zoom-4.1.0/ and Zoom's Video SDK at /videosdk/ (the files of the pinned npm packages, so nothing
// comes from Zoom's CDN), bound to 127.0.0.1 unless told otherwise. The pages take secrets, so the
// server is careful: it is not put on the network by default, answers only requests addressed to a
// host it serves (no DNS rebinding), serves only files really inside its folders, and survives
// clients that hang up and running out of files.
//   node scripts/serve.mjs [--host 127.0.0.1] [--port 8080] [--endpoint-origin ORIGIN]
//   (HOST, PORT and ENDPOINT_ORIGIN work too)
import { open, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { isIP } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';

const PROJECT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

/**
 * The standard mounts of a project folder, in the order they are tried. `refuse` names the
 * top-level entries of a folder that are never served; `kinds`, when given, the only file
 * extensions served from it.
 */
function standardMounts(root) {
  return [
    { prefix: '/pkg/', folder: join(root, 'pkg') },
    { prefix: '/zoom/', folder: join(root, 'node_modules', '@zoom', 'meetingsdk', 'dist') },
    // Meeting SDK 4.1.0 (an npm alias), which Zoom's Angular sample pins: the harness's other version.
    { prefix: '/zoom-4.1.0/', folder: join(root, 'node_modules', '@zoom', 'meetingsdk-4.1.0', 'dist') },
    // The Video SDK page loads index.umd.js and gives client.init this folder's lib/ as its assets.
    { prefix: '/videosdk/', folder: join(root, 'node_modules', '@zoom', 'videosdk', 'dist') },
    // www/angular/ is the Angular app's sources, node_modules and build output; its tests serve
    // the built app through `mounts`.
    // The pages are HTML, scripts and style sheets: a stray note or an editor's backup (app.js~)
    // left next to them is not served.
    { prefix: '/', folder: join(root, 'www'), refuse: ['angular'], kinds: ['.html', '.js', '.css'] },
  ];
}

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
  '.ico': 'image/x-icon',
  '.bin': 'application/octet-stream',
};

// Cross-origin isolation (SharedArrayBuffer), which Zoom's SDK wants for gallery view. No
// Referer: the pages' addresses carry meeting numbers and passcodes, the CDN meeting page's the
// signature too, and they must not reach Zoom or any other site that way.
const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// For the HTML pages: this origin's files only, plus each source whose absence broke something in
// Chromium with Zoom's Meeting SDK 6.2.0 and 4.1.0 joining from both views and its Video SDK 2.5.0
// joining a session (tests/browser/, and a search that added one source per violation, then took
// each away again). Not needed, so not allowed: 'unsafe-eval' (the Meeting SDK's one eval is
// protobuf.js probing for `require`, in a try), inline scripts, plugins, and scripts from
// https://zoom.us other than /api/v1/wc/info. Meeting SDK 4.1.0 joins by loading that one as a
// JSONP script, the signature in its URL (6.2.0 POSTs it); the Video SDK's JSONP fallback after a
// 5xx from Zoom, /wc/lsdk, puts the token in a URL and is not needed: blocked, that join fails at
// once with "connection error" (tests/browser/video.test.mjs).
// `endpointOrigin`, an auth endpoint's origin off this machine (the harness's "From your auth
// endpoint"), is added to connect-src; endpoints on this machine are allowed at any port.
export function contentSecurityPolicy(endpointOrigin) {
  return [
    "default-src 'self'",
    // WebAssembly: zoomsig's module and the Client View's (wasm only, never JS eval); Meeting SDK
    // 4.1.0's join, a JSONP GET in both views (that path only).
    "script-src 'self' 'wasm-unsafe-eval' https://zoom.us/api/v1/wc/info",
    // Both SDKs' media code (js_media.min.js) starts a worker from a blob: URL.
    "worker-src 'self' blob:",
    // Both views add <style> elements (several, made at run time: no hash fits); so does
    // cdn/index.html.
    "style-src 'self' 'unsafe-inline'",
    // The SDK's icons are data: URLs.
    "img-src 'self' data:",
    // Meeting SDK 6.2.0's join POSTs to https://zoom.us/api/v1/wc/info, the Video SDK's to
    // https://zoom.us/wc/lsdk; then they talk to Zoom's servers over HTTPS and websockets (the Video
    // SDK: a GET to https://rwc…zoom.us, then wss://rwg…zoom.us, both reached in the video test).
    // The harness POSTs to the person's auth endpoint, usually on this machine.
    ['connect-src', "'self'", 'https://zoom.us', 'https://*.zoom.us', 'wss://*.zoom.us', 'http://localhost:*',
      'http://127.0.0.1:*', endpointOrigin].filter(Boolean).join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `host` as the hostname part of a URL (IPv6 in brackets), or null when it is not one. */
function asHostname(host) {
  const bracketed = isIP(host) === 6 ? `[${host}]` : host;
  try {
    return new URL(`http://${bracketed}/`).hostname;
  } catch {
    return null;
  }
}

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;
const WILDCARDS = new Set(['0.0.0.0', '[::]']);

/**
 * Whether a request's Host header names this server, as Vite's `server.allowedHosts` and
 * webpack-dev-server's `allowedHosts` decide: a page on another site whose name is made to resolve
 * here (DNS rebinding) sends its own name, and is refused.
 */
function hostChecker(boundHost) {
  const served = new Set(['localhost', '127.0.0.1', '[::1]', asHostname(boundHost)].filter(Boolean));
  // Bound to every interface, the page is opened by one of the machine's addresses; rebinding
  // needs a name, so any address is fine.
  const anyAddress = WILDCARDS.has(asHostname(boundHost));
  return (header) => {
    if (typeof header !== 'string' || !HOST_HEADER.test(header)) return false;
    const name = asHostname(header.replace(/:\d+$/, ''));
    if (!name) return false;
    return served.has(name) || (anyAddress && isIP(name.replace(/^\[|\]$/g, '')) !== 0);
  };
}

/**
 * The file a URL path names, opened, or null. Refused: a segment that starts with a dot (`..`,
 * dot-files, dot-folders) or decodes to a slash; a path whose real location (symlinks followed)
 * is outside the mount's real folder, under a dot-folder or under one of its `refuse` entries, or
 * whose extension is not one of the mount's `kinds`.
 */
async function resolveFile(pathname, mounts) {
  const mount = mounts.find(({ prefix }) => pathname.startsWith(prefix));
  if (!mount) return null;
  const segments = pathname.slice(mount.prefix.length).split('/').filter(Boolean).map(decodeURIComponent);
  if (segments.some((segment) => segment.startsWith('.') || /[/\\\0]/.test(segment))) return null;
  const base = await realpath(mount.folder).catch(() => null);
  if (!base) return null;
  const inside = (real) => {
    const path = relative(base, real);
    if (path === '') return true;
    if (path.startsWith('..') || isAbsolute(path)) return false;
    const parts = path.split(sep);
    return !parts.some((part) => part.startsWith('.')) && !mount.refuse?.includes(parts[0]);
  };
  let real = await realpath(join(base, ...segments)).catch(() => null);
  if (real && inside(real) && (await stat(real).catch(() => null))?.isDirectory()) {
    real = await realpath(join(real, 'index.html')).catch(() => null);
  }
  if (!real || !inside(real) || (mount.kinds && !mount.kinds.includes(extname(real)))) return null;
  return openFile(real);
}

/** `{ path, handle, size }` for a regular file, else null; EMFILE and the like are thrown. */
async function openFile(path) {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isFile()) return { path, handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
  await handle.close();
  return null;
}

function answer(response, status, text, extra = {}) {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  response.end(`${text}\n`);
}

const OUT_OF_FILES = new Set(['EMFILE', 'ENFILE']);

// Errors that only mean the client went away.
const HUNG_UP = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED']);

function warn(what, error) {
  if (!HUNG_UP.has(error?.code)) console.error(`zoomsig: ${what}: ${error?.code ?? ''} ${error?.message ?? error}`);
}

/**
 * Starts the server. `mounts` ([URL prefix, folder] pairs) are tried before the standard ones,
 * for tools that serve more than the page (benchmarks, the Angular app); the first whose prefix
 * matches answers. `root` is the project folder whose www/, pkg/ and node_modules/ are served
 * (tests give a folder of their own). `endpointOrigin` goes into the pages' policy (see above).
 */
export function startServer({ host = DEFAULT_HOST, port = DEFAULT_PORT, mounts = [], root = PROJECT, endpointOrigin } = {}) {
  const policy = contentSecurityPolicy(endpointOrigin);
  const allMounts = [...mounts.map(([prefix, folder]) => ({ prefix, folder })), ...standardMounts(root)];
  const isServedHost = hostChecker(host);
  let warnedAt = -Infinity;
  const outOfFiles = (error) => {
    if (Date.now() - warnedAt < 10_000) return;
    warnedAt = Date.now();
    console.error(`zoomsig: out of file descriptors (${error.code}): answering 503 until some are free (ulimit -n)`);
  };
  const server = createServer(async (request, response) => {
    // An upload cut short, or a write to a closed socket, must not take the server down.
    request.on('error', (error) => warn('request', error));
    response.on('error', (error) => warn('response', error));
    try {
      if (!isServedHost(request.headers.host)) {
        // No page from the request: its Host is another site's, a guard against DNS rebinding.
        return answer(response, 403, 'refused: this server answers only requests addressed to ' +
          'localhost, 127.0.0.1, [::1] or the host it was started with (a DNS rebinding guard); ' +
          `open http://localhost:${request.socket.localPort}/ or start it with --host NAME`);
      }
      if (!['GET', 'HEAD'].includes(request.method)) {
        return answer(response, 405, 'method not allowed', { Allow: 'GET, HEAD' });
      }
      let pathname;
      try {
        pathname = new URL(request.url, 'http://localhost').pathname;
        decodeURIComponent(pathname);
      } catch {
        return answer(response, 400, 'bad request');
      }
      const file = await resolveFile(pathname, allMounts);
      if (!file) return answer(response, 404, 'not found');
      const headers = {
        ...HEADERS,
        'Content-Type': TYPES[extname(file.path)] ?? 'application/octet-stream',
        'Content-Length': file.size,
      };
      if (extname(file.path) === '.html') headers['Content-Security-Policy'] = policy;
      if (request.method === 'HEAD' || response.destroyed) {
        await file.handle.close();
        return void response.writeHead(200, headers).end();
      }
      response.writeHead(200, headers);
      // pipeline closes the file when the download ends, fails or the client hangs up.
      pipeline(file.handle.createReadStream(), response, (error) => error && warn(`sending ${file.path}`, error));
    } catch (error) {
      if (OUT_OF_FILES.has(error?.code)) {
        // The files in use are closed as their downloads end: try again shortly.
        outOfFiles(error);
        return answer(response, 503, 'busy: too many open files, try again', { 'Retry-After': '1' });
      }
      warn(`answering ${request.url}`, error);
      answer(response, 500, 'internal error');
    }
  });
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      // Once listening, an error is a failed accept (out of files): that connection is dropped.
      server.on('error', (error) => (OUT_OF_FILES.has(error?.code) ? outOfFiles(error) : warn('server', error)));
      ready(server);
    });
  });
}

const FLAGS = { host: 'host', port: 'port', 'endpoint-origin': 'endpointOrigin' };

/**
 * The host, port and endpoint origin from the command line, then HOST, PORT and ENDPOINT_ORIGIN,
 * then the defaults: `{ host, port }` (with `endpointOrigin` when one is given) or `{ error }`.
 * Empty means the default, and a value that starts with `--` is the next flag, as when the
 * Makefile runs `--host $(HOST) --port $(PORT)` with an empty HOST.
 */
export function readOptions(argv, env = {}) {
  const given = { host: env.HOST, port: env.PORT, endpointOrigin: env.ENDPOINT_ORIGIN };
  for (let at = 0; at < argv.length; at += 1) {
    if (argv[at] === '--help' || argv[at] === '-h') return { help: true };
    const flag = /^--(host|port|endpoint-origin)(?:=(.*))?$/s.exec(argv[at]);
    if (!flag) return { error: `unknown argument "${argv[at]}"` };
    let value = flag[2];
    if (value === undefined) {
      const next = argv[at + 1];
      const isValue = next !== undefined && !next.startsWith('--');
      value = isValue ? next : '';
      if (isValue) at += 1;
    }
    given[FLAGS[flag[1]]] = value;
  }
  const host = given.host?.trim() || DEFAULT_HOST;
  const port = given.port?.trim() || String(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    return { error: `the port must be a number from 0 to 65535, not "${given.port}"` };
  }
  const origin = given.endpointOrigin?.trim();
  if (!origin) return { host, port: Number(port) };
  // It goes into a header as it is: an origin and nothing more, so it cannot add a directive.
  const url = URL.canParse(origin) ? new URL(origin) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.href !== `${url.origin}/`) {
    return { error: `the endpoint origin must be an origin like https://auth.example.com (no path), not "${given.endpointOrigin}"` };
  }
  return { host, port: Number(port), endpointOrigin: url.origin };
}

function isLoopback(host) {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

const USAGE = 'usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 8080] [--endpoint-origin ORIGIN]'
  + '   (or HOST=... PORT=... ENDPOINT_ORIGIN=...)';

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = readOptions(process.argv.slice(2), process.env);
  if (options.help || options.error) {
    if (options.error) console.error(`zoomsig: ${options.error}`);
    console[options.error ? 'error' : 'log'](USAGE);
    process.exit(options.error ? 2 : 0);
  }
  const { host } = options;
  const server = await startServer(options).catch((error) => {
    console.error(`zoomsig: cannot listen on ${host} port ${options.port}: ${error.code ?? ''} ${error.message}`);
    if (error.code === 'EADDRINUSE') console.error('zoomsig: another port: PORT=8081 make serve');
    process.exit(1);
  });
  const { address, port } = server.address();
  const everywhere = WILDCARDS.has(asHostname(host));
  const shown = host === DEFAULT_HOST || host === 'localhost' || everywhere ? 'localhost' : asHostname(host);
  console.log(`zoomsig: serving www/ on http://${shown}:${port}/ (bound to ${address}; Ctrl+C stops)`);
  if (options.endpointOrigin) console.log(`zoomsig: the pages may also connect to ${options.endpointOrigin} (your auth endpoint)`);
  if (!isLoopback(host)) {
    console.log('zoomsig: WARNING: reachable from the network. Secrets typed into this page are');
    console.log('zoomsig: for local testing only; production signatures belong on a server.');
  }
}
