// The dev server (scripts/serve.mjs) as a page on another site, a careless command line or a
// client that hangs up would meet it. Each test serves a project tree of its own (www/, pkg/,
// node_modules/@zoom/meetingsdk/dist/, node_modules/@zoom/meetingsdk-4.1.0/dist/,
// node_modules/@zoom/videosdk/dist/) made in a temporary folder, except where the real command line
// is what is tested.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
// A namespace import, so that a missing export fails only the tests that use it.
import * as serve from '../../scripts/serve.mjs';

const SERVE = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
const PROJECT = dirname(dirname(SERVE));
const BIG = 'zoom-meeting-6.2.0.min.js';
const BIG_SIZE = 8 * 1024 * 1024;
const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** A project tree with what each test needs to find served or refused; removed after the run. */
function makeTree(t) {
  const top = mkdtempSync(join(tmpdir(), 'zoomsig-serve-'));
  t.after(() => rmSync(top, { recursive: true, force: true }));
  const root = join(top, 'project');
  const files = {
    'www/index.html': '<!doctype html><title>index</title>',
    'www/style.css': 'body {}',
    'www/cdn/index.html': '<!doctype html><title>cdn</title>',
    'www/video/index.html': '<!doctype html><title>video</title>',
    'www/.env': 'SECRET=1',
    'www/.git/config': '[core]',
    'www/cdn/.notes.txt': 'private',
    'www/angular/src/main.ts': 'bootstrap();',
    'www/angular/node_modules/zoomsig/zoomsig.js': 'export {};',
    'www/angular/dist/zoomsig-angular/browser/index.html': '<!doctype html><title>angular</title>',
    'www/angular/.angular/cache/state.json': '{}',
    'pkg/zoomsig.js': 'export default function init() {}',
    'pkg/.gitignore': '*',
    'node_modules/@zoom/meetingsdk/dist/lib/av/audio.simd.wasm': WASM,
    'node_modules/@zoom/meetingsdk/dist/lib/lang/en-US.json': '{}',
    [`node_modules/@zoom/meetingsdk/dist/${BIG}`]: Buffer.alloc(BIG_SIZE, 0x20),
    'node_modules/@zoom/meetingsdk-4.1.0/dist/zoom-meeting-4.1.0.min.js': 'var ZoomMtg = {};',
    'node_modules/@zoom/meetingsdk-4.1.0/dist/lib/av/audio.simd.wasm': WASM,
    'node_modules/@zoom/meetingsdk-4.1.0/package.json': '{}',
    'node_modules/@zoom/videosdk/dist/index.umd.js': 'var WebVideoSDK = {};',
    'node_modules/@zoom/videosdk/dist/lib/js_media.min.js': 'onmessage = null;',
    'node_modules/@zoom/videosdk/dist/lib/video.simd.wasm': WASM,
    'node_modules/@zoom/videosdk/dist/lib/.cache/state.json': '{}',
    'node_modules/@zoom/videosdk/package.json': '{}',
    'outside/secret.txt': 'the secret',
    'www/notes.txt': 'left here by hand',
    'www/app.js~': 'an editor backup',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  writeFileSync(join(root, 'pkg/zoomsig_bg.wasm'), WASM);
  symlinkSync('../outside/secret.txt', join(root, 'www/escape.txt'));
  symlinkSync('../outside', join(root, 'www/escape'));
  symlinkSync(join(root, 'outside'), join(root, 'pkg/escape'));
  symlinkSync('angular/src', join(root, 'www/sources'));
  symlinkSync('style.css', join(root, 'www/alias.css'));
  return root;
}

/** GET (or `method`) `path`, with `host` as the Host header: `{ status, headers, body }`. */
function get(port, path, { host, method = 'GET', address = '127.0.0.1' } = {}) {
  return new Promise((done, fail) => {
    const headers = host ? { host } : {};
    const call = request({ host: address, port, path, method, headers, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString() });
      });
    });
    call.on('error', fail);
    call.end();
  });
}

async function withServer(options, use) {
  const server = await serve.startServer({ host: '127.0.0.1', port: 0, ...options });
  try {
    await use(server.address().port);
  } finally {
    await new Promise((done) => server.close(done));
  }
}

const BANNER = /serving www\/ on (http:\/\/\S+) \(bound to ([^;]*);/;

/**
 * Starts a server process; resolves once it prints `ready` with the child, what `ready` matched
 * and the port. The child is stopped after the test.
 */
function listen(t, command, argv, { env = {}, ready = BANNER } = {}) {
  const child = spawn(command, argv, { cwd: PROJECT, env: { ...process.env, ...env } });
  t.after(() => child.exitCode === null && child.kill());
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`not listening after 10 s: ${output}`)), 10_000);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const banner = ready.exec(output);
      if (!banner) return;
      clearTimeout(timer);
      done({ child, banner, port: Number(/:(\d+)\//.exec(banner[0])[1]) });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited ${code} before listening: ${output}`));
    });
  });
}

/** `node scripts/serve.mjs ...args`, listening. */
function startCli(t, args, env) {
  return listen(t, process.execPath, [SERVE, ...args], { env });
}

/** Runs the command line to its end: `{ code, stdout, stderr }`. */
function runCli(args, env = {}) {
  const child = spawn(process.execPath, [SERVE, ...args], { cwd: PROJECT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const timer = setTimeout(() => child.kill(), 10_000);
  return new Promise((done) => child.on('exit', (code) => {
    clearTimeout(timer);
    done({ code, stdout, stderr });
  }));
}

function refusedConnection(port, address) {
  return get(port, '/', { address }).then(() => false, (error) => error.code === 'ECONNREFUSED');
}

test('a Host other than the ones served is refused (DNS rebinding); loopback names are served', async (t) => {
  const root = makeTree(t);
  await withServer({ root }, async (port) => {
    for (const host of ['evil.example', `evil.example:${port}`, `localhost.evil.example:${port}`, '192.168.1.20']) {
      const refused = await get(port, '/', { host });
      assert.equal(refused.status, 403, host);
      assert.match(refused.body, /DNS rebinding/, host);
      assert.doesNotMatch(refused.body, /<title>/, host);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      assert.equal((await get(port, '/', { host })).status, 200, host);
    }
  });
  // Started on another loopback address, as tests/browser/ does: that address is served too.
  await withServer({ root, host: '127.0.0.2' }, async (port) => {
    assert.equal((await get(port, '/', { address: '127.0.0.2', host: `127.0.0.2:${port}` })).status, 200);
    assert.equal((await get(port, '/', { address: '127.0.0.2', host: 'evil.example' })).status, 403);
  });
});

test('symlinks that lead out of a folder, or into www/angular/, are not followed', async (t) => {
  const root = makeTree(t);
  await withServer({ root }, async (port) => {
    for (const path of ['/escape.txt', '/escape/secret.txt', '/pkg/escape/secret.txt', '/sources/main.ts',
      '/%2e%2e/outside/secret.txt', '/..%2foutside%2fsecret.txt', '/pkg/..%2f..%2foutside/secret.txt']) {
      const answer = await get(port, path);
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.body, /the secret|bootstrap/, path);
    }
    // A link that stays inside www/ is still served.
    assert.equal((await get(port, '/alias.css')).body, 'body {}');
  });
});

test('www/angular/ (sources, node_modules, build output), dot-files and stray files in www/ are not served', async (t) => {
  const root = makeTree(t);
  await withServer({ root }, async (port) => {
    for (const path of ['/angular/', '/angular/src/main.ts', '/angular/node_modules/zoomsig/zoomsig.js',
      '/angular/dist/zoomsig-angular/browser/index.html', '/angular/.angular/cache/state.json',
      '/.env', '/.git/config', '/cdn/.notes.txt', '/%2egit/config', '/pkg/.gitignore',
      '/videosdk/lib/.cache/state.json', '/videosdk/../package.json', '/videosdk/%2e%2e/package.json',
      '/zoom-4.1.0/../package.json', '/zoom-4.1.0/%2e%2e/package.json', '/notes.txt', '/app.js~']) {
      assert.equal((await get(port, path)).status, 404, path);
    }
    // What the pages need is all there: www/, /pkg/ and every file of Zoom's SDKs under /zoom/,
    // /zoom-4.1.0/ and /videosdk/ (the files of the packages' dist/ folders, nothing else of them).
    for (const path of ['/', '/cdn/', '/video/', '/style.css', '/pkg/zoomsig.js', '/pkg/zoomsig_bg.wasm',
      '/zoom/lib/av/audio.simd.wasm', '/zoom/lib/lang/en-US.json', '/zoom-4.1.0/zoom-meeting-4.1.0.min.js',
      '/zoom-4.1.0/lib/av/audio.simd.wasm', '/videosdk/index.umd.js',
      '/videosdk/lib/js_media.min.js', '/videosdk/lib/video.simd.wasm']) {
      assert.equal((await get(port, path)).status, 200, path);
    }
  });
  // The Angular tests serve the built app through `mounts`, which still works.
  const app = join(root, 'www/angular/dist/zoomsig-angular/browser');
  await withServer({ root, mounts: [['/', app]] }, async (port) => {
    assert.match((await get(port, '/')).body, /<title>angular<\/title>/);
  });
});

test('every answer has the security headers; HTML pages a Content-Security-Policy', async (t) => {
  const root = makeTree(t);
  await withServer({ root }, async (port) => {
    const page = await get(port, '/');
    for (const answer of [page, await get(port, '/pkg/zoomsig_bg.wasm'), await get(port, '/missing'),
      await get(port, '/', { host: 'evil.example' })]) {
      assert.equal(answer.headers['referrer-policy'], 'no-referrer');
      assert.equal(answer.headers['x-content-type-options'], 'nosniff');
      assert.equal(answer.headers['cross-origin-opener-policy'], 'same-origin');
      assert.equal(answer.headers['cross-origin-embedder-policy'], 'require-corp');
      assert.equal(answer.headers['cross-origin-resource-policy'], 'same-origin');
    }
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    const policy = Object.fromEntries(page.headers['content-security-policy'].split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }));
    assert.deepEqual(policy['default-src'], ["'self'"]);
    assert.deepEqual(policy['object-src'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'self'"]);
    assert.deepEqual(policy['frame-ancestors'], ["'none'"]);
    assert.deepEqual(policy['form-action'], ["'self'"]);
    assert.ok(policy['script-src'].includes("'wasm-unsafe-eval'"), 'wasm compiles');
    // Meeting SDK 4.1.0's join is a JSONP script from that one path; no other script of Zoom's runs
    // (the Video SDK's JSONP fallback, /wc/lsdk, stays blocked).
    assert.deepEqual(policy['script-src'].filter((source) => /zoom/.test(source)), ['https://zoom.us/api/v1/wc/info']);
    for (const directive of Object.keys(policy).filter((name) => name.startsWith('script-src'))) {
      for (const unsafe of ["'unsafe-eval'", "'unsafe-inline'", '*', 'data:', 'blob:', 'http:', 'https:']) {
        assert.ok(!policy[directive].includes(unsafe), `${directive} allows ${unsafe}`);
      }
    }
    assert.ok(policy['connect-src'].includes('https://zoom.us'), 'the join reaches zoom.us');

    const wasm = await get(port, '/pkg/zoomsig_bg.wasm');
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.equal(wasm.headers['content-security-policy'], undefined, 'only pages get a policy');
    assert.equal((await get(port, '/zoom/lib/av/audio.simd.wasm')).headers['content-type'], 'application/wasm');
    // The Video SDK: its bundle is a classic script, its worker code is fetched and started from a
    // blob: URL, its join reaches zoom.us and then Zoom's other hosts.
    const umd = await get(port, '/videosdk/index.umd.js');
    assert.equal(umd.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(umd.headers['content-security-policy'], undefined);
    assert.equal(umd.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal((await get(port, '/videosdk/lib/js_media.min.js')).headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal((await get(port, '/videosdk/lib/video.simd.wasm')).headers['content-type'], 'application/wasm');
    assert.equal((await get(port, '/video/')).headers['content-security-policy'], page.headers['content-security-policy']);
    assert.ok(policy['worker-src'].includes('blob:'), 'the SDKs start their media workers');
    // The SDKs' joins, and the harness's POST to an auth endpoint on this machine, at any port.
    for (const source of ['https://zoom.us', 'https://*.zoom.us', 'wss://*.zoom.us', 'http://localhost:*', 'http://127.0.0.1:*']) {
      assert.ok(policy['connect-src'].includes(source), `connect-src lacks ${source}`);
    }
    assert.equal((await get(port, '/', { method: 'POST' })).status, 405);
  });
});

/** Open file descriptors of a process, from /proc. */
function openFiles(pid) {
  return readdirSync(`/proc/${pid}/fd`).length;
}

async function settles(check, milliseconds = 5000) {
  const end = Date.now() + milliseconds;
  while (!check() && Date.now() < end) await new Promise((wake) => setTimeout(wake, 50));
  return check();
}

/** Starts a download and resolves with its status once the headers are in, then hangs up. */
function abortAfterHeaders(port, path) {
  return new Promise((done) => {
    const call = request({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      call.destroy();
      done(response.statusCode);
    });
    call.on('error', (error) => done(error.code));
    call.end();
  });
}

test('downloads cut short close their files, and running out of files is survived (ulimit -n 64)',
  { skip: !existsSync('/proc/self/fd') && 'needs /proc', timeout: 120_000 }, async (t) => {
    const root = makeTree(t);
    // The server in a process of its own with few files allowed, serving the test's tree.
    const program = `import { startServer } from ${JSON.stringify(SERVE)};
      const server = await startServer({ root: process.argv[1], port: 0 });
      console.log('listening on http://127.0.0.1:' + server.address().port + '/');`;
    const { child, port } = await listen(t, 'bash', ['-c', 'ulimit -n 64; exec "$0" --input-type=module -e "$1" "$2"',
      process.execPath, program, root], { ready: /listening on \S+/ });
    assert.equal((await get(port, '/')).status, 200);
    const before = openFiles(child.pid);

    const statuses = {};
    for (let download = 0; download < 300; download += 1) {
      const status = await abortAfterHeaders(port, `/zoom/${BIG}`);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (child.exitCode !== null) break;
    }
    assert.equal(child.exitCode, null, `the server died: ${JSON.stringify(statuses)}`);
    assert.deepEqual(statuses, { 200: 300 });
    assert.ok(await settles(() => openFiles(child.pid) <= before + 2), `${openFiles(child.pid)} files open, ${before} before`);

    // More downloads at once than there are files: some are answered 503 or dropped, none kills it.
    const held = [];
    const answers = await Promise.all(Array.from({ length: 100 }, () => new Promise((done) => {
      const call = request({ host: '127.0.0.1', port, path: `/zoom/${BIG}`, agent: false }, (response) => {
        held.push(call);
        response.pause();
        done(response.statusCode);
      });
      call.on('error', (error) => done(error.code));
      call.end();
    })));
    const tally = answers.reduce((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
    t.diagnostic(`100 downloads at once with 64 files: ${JSON.stringify(tally)}`);
    assert.ok(answers.some((status) => status !== 200), `all of ${answers.length} got files`);
    for (const call of held) call.destroy();
    assert.equal(child.exitCode, null, 'the server died when out of files');
    assert.ok(await settles(() => openFiles(child.pid) <= before + 2), `${openFiles(child.pid)} files open, ${before} before`);
    const whole = await get(port, `/zoom/${BIG}`);
    assert.equal(whole.status, 200);
    assert.equal(whole.body.length, BIG_SIZE);
  });

test('an empty HOST binds 127.0.0.1, not every interface', async (t) => {
  const { banner: [, url, bound], port } = await startCli(t, ['--port', '0'], { HOST: '' });
  assert.equal(bound, '127.0.0.1');
  assert.equal(url, `http://localhost:${port}/`);
  assert.equal((await get(port, '/')).status, 200);
  assert.ok(await refusedConnection(port, '127.0.0.2'), 'reachable on 127.0.0.2');
});

test('--host followed by --port (an empty HOST in the Makefile) means the default host', async (t) => {
  const { banner: [, , bound], port } = await startCli(t, ['--host', '--port', '0'], { HOST: '' });
  assert.equal(bound, '127.0.0.1');
  assert.ok(await refusedConnection(port, '127.0.0.2'), 'reachable on 127.0.0.2');
  // --host with nothing after it, the port from PORT.
  const last = await startCli(t, ['--host'], { HOST: '', PORT: '0' });
  assert.equal(last.banner[2], '127.0.0.1');
});

/** The sources of a page's connect-src. */
function connectSources(answer) {
  return /(?:^|;\s*)connect-src ([^;]*)/.exec(answer.headers['content-security-policy'])[1].split(' ');
}

test('an auth endpoint off this machine is allowed by --endpoint-origin or ENDPOINT_ORIGIN, as an origin only', async (t) => {
  const flagged = await startCli(t, ['--port', '0', '--endpoint-origin', 'https://Auth.example.com/'], { HOST: '', ENDPOINT_ORIGIN: '' });
  const sources = connectSources(await get(flagged.port, '/'));
  assert.ok(sources.includes('https://auth.example.com'), sources.join(' '));
  assert.ok(sources.includes('https://zoom.us') && sources.includes('http://127.0.0.1:*'), sources.join(' '));
  const fromEnv = await startCli(t, ['--port', '0'], { HOST: '', ENDPOINT_ORIGIN: 'http://10.0.0.5:4000' });
  assert.ok(connectSources(await get(fromEnv.port, '/')).includes('http://10.0.0.5:4000'));
  // Without one, only this machine's endpoints.
  const plain = await startCli(t, ['--port', '0'], { HOST: '', ENDPOINT_ORIGIN: '' });
  assert.deepEqual(connectSources(await get(plain.port, '/')).filter((source) => source.startsWith('http:')),
    ['http://localhost:*', 'http://127.0.0.1:*']);
  // Anything more than an origin could add sources or directives: refused.
  for (const origin of ['https://auth.example.com/token', "https://auth.example.com; script-src 'unsafe-inline'",
    'https://auth.example.com https://evil.example', 'ftp://auth.example.com', 'https://user@auth.example.com', 'auth.example.com']) {
    const { code, stderr } = await runCli(['--endpoint-origin', origin], { HOST: '', PORT: '0', ENDPOINT_ORIGIN: '' });
    assert.equal(code, 2, origin);
    assert.match(stderr, /zoomsig: the endpoint origin must be an origin like https:\/\/auth\.example\.com/, origin);
  }
});

test('a port that is not a number is a clear error with exit code 2, not a stack trace', async () => {
  for (const args of [['--port', 'abc'], ['--port', '70000'], ['--port=8o8o']]) {
    const { code, stdout, stderr } = await runCli(args, { HOST: '', PORT: '' });
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /zoomsig: the port must be a number from 0 to 65535/, args.join(' '));
    assert.doesNotMatch(stderr, /\n\s+at /, 'a stack trace');
    assert.equal(stdout, '');
  }
  const wrong = await runCli(['--hots', '0.0.0.0'], { HOST: '', PORT: '' });
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /unknown argument "--hots"/);
});

test('options: empty or missing means the default; the command line wins over HOST and PORT', () => {
  const { readOptions } = serve;
  assert.equal(typeof readOptions, 'function');
  const defaults = { host: '127.0.0.1', port: 8080 };
  assert.deepEqual(readOptions([], {}), defaults);
  assert.deepEqual(readOptions([], { HOST: '', PORT: '' }), defaults);
  assert.deepEqual(readOptions([], { HOST: '  ', PORT: ' ' }), defaults);
  assert.deepEqual(readOptions(['--host', '--port', '8080'], { HOST: '' }), defaults);
  assert.deepEqual(readOptions(['--host', '', '--port', ''], {}), defaults);
  assert.deepEqual(readOptions(['--port', '--host'], {}), defaults);
  assert.deepEqual(readOptions(['--host', '127.0.0.2', '--port', '9000'], { HOST: '0.0.0.0', PORT: '1' }),
    { host: '127.0.0.2', port: 9000 });
  assert.deepEqual(readOptions(['--host=::1', '--port=0'], {}), { host: '::1', port: 0 });
  assert.deepEqual(readOptions([], { HOST: 'localhost', PORT: '3000' }), { host: 'localhost', port: 3000 });
  assert.match(readOptions(['--port', 'http'], {}).error, /port must be a number/);
  assert.match(readOptions([], { PORT: '-1' }).error, /port must be a number/);
  assert.deepEqual(readOptions(['--endpoint-origin', 'http://auth.example.com:4000'], { ENDPOINT_ORIGIN: 'https://other.example' }),
    { ...defaults, endpointOrigin: 'http://auth.example.com:4000' });
  assert.deepEqual(readOptions(['--endpoint-origin='], { ENDPOINT_ORIGIN: '' }), defaults);
  assert.deepEqual(readOptions(['--endpoint-origin', '--port', '9000'], {}), { ...defaults, port: 9000 });
});
