// `make bench`: times zoomsig against jsrsasign, jose and a hand-rolled crypto.subtle HMAC in
// headless Chromium (Playwright) and headless Firefox (geckodriver), measures cold start and
// gzip sizes, runs the native micro-benchmark, and writes docs/benchmarks.md and
// docs/benchmarks.svg, plus the summary table in README.md. Everything is served from 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 10);
const FLOOR_NS = 1700; // The native floor for this HMAC without SHA instructions (issue 7).
// Whether this CPU has SHA instructions, which a native build uses (wasm has none).
const shaNi = /\bsha_ni\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
// zoomsig's cold start step by step (bench/cold.js `stages`), in the order they happen.
const STAGES = {
  glueFetch: 'fetch glue',
  glueEvaluate: 'parse and run glue',
  wasmFetch: 'fetch wasm',
  compile: 'compile',
  instantiate: 'instantiate',
  firstCall: 'first call',
};
// The modules whose cold start is also taken step by step, with their row labels.
const STAGED = ['zoomsigStages', 'signerStages'];
const STAGED_LABELS = { zoomsigStages: 'zoomsig (everything)', signerStages: 'signer-only module' };
const ORDER = ['zoomsig', 'zoomsigSigner', 'zoomsigKjur', 'jsrsasignAll', 'jsrsasignHs', 'jose', 'subtle'];
const LABELS = {
  zoomsig: 'zoomsig generateSignature',
  zoomsigSigner: 'zoomsig signer-only module',
  zoomsigKjur: 'zoomsig KJUR drop-in',
  jsrsasignAll: 'jsrsasign (all-min)',
  jsrsasignHs: 'jsrsasign HS-only (jwths-min)',
  jose: 'jose SignJWT (async)',
  subtle: 'crypto.subtle by hand (async)',
};

const log = (...args) => console.log('bench:', ...args);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

function buildJose() {
  execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [
    join(ROOT, 'bench/jose-entry.js'), '--bundle', '--minify', '--format=esm', '--log-level=warning',
    `--outfile=${join(ROOT, 'bench/build/jose-sign.js')}`,
  ], { stdio: 'inherit' });
}

function gzipSize(paths) {
  if (paths.length === 0) return 0;
  return gzipSync(Buffer.concat(paths.map((p) => readFileSync(join(ROOT, p)))), { level: 9 }).length;
}

function sizes() {
  const rows = [
    ['zoomsig: wasm + glue (everything, ES module)', ['pkg/zoomsig.js', 'pkg/zoomsig_bg.wasm']],
    ['zoomsig: wasm', ['pkg/zoomsig_bg.wasm']],
    ['zoomsig: JS glue', ['pkg/zoomsig.js']],
    ['zoomsig signer-only module: wasm + glue', ['pkg/signer/zoomsig_signer.js', 'pkg/signer/zoomsig_signer_bg.wasm']],
  ];
  // The classic-script builds, where the package has them.
  const classic = join(ROOT, 'pkg/classic');
  if (existsSync(classic)) {
    for (const file of readdirSync(classic).filter((f) => f.endsWith('.js'))) {
      const wasm = readdirSync(classic).filter((f) => f.endsWith('.wasm')).map((f) => `pkg/classic/${f}`);
      const inline = file.includes('inline');
      rows.push([`zoomsig classic script: ${file}${inline ? '' : ' + wasm'}`, [`pkg/classic/${file}`, ...(inline ? [] : wasm)]]);
    }
  }
  rows.push(
    ['jsrsasign-all-min.js', ['node_modules/jsrsasign/lib/jsrsasign-all-min.js']],
    ['jsrsasign-jwths-min.js (HS only)', ['node_modules/jsrsasign/lib/jsrsasign-jwths-min.js']],
    ['jose SignJWT, bundled with esbuild', ['bench/build/jose-sign.js']],
    ['crypto.subtle by hand (in the page)', []],
  );
  return rows.map(([label, files]) => ({
    label,
    bytes: files.reduce((sum, f) => sum + readFileSync(join(ROOT, f)).length, 0),
    gzip: gzipSize(files),
  }));
}

function summarise(result) {
  const { samples, tokens } = result;
  const names = ORDER.filter((n) => samples[n]);
  const expected = tokens.zoomsig;
  for (const name of names) {
    if (tokens[name] !== expected) throw new Error(`${name} made a different token: ${tokens[name]}`);
  }
  return names.map((name) => {
    const ratios = samples[name].map((us, i) => us / samples.zoomsig[i]);
    return {
      name,
      median: median(samples[name]),
      p10: quantile(samples[name], 0.1),
      p90: quantile(samples[name], 0.9),
      ratio: median(ratios),
    };
  });
}

async function chromiumRun(origin) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const version = browser.version();
  const steadyPage = await (await browser.newContext()).newPage();
  await steadyPage.goto(`${origin}/bench/steady.html?rounds=${ROUNDS}`);
  const steady = await steadyPage.evaluate(() => window.benchResult);
  if (steady.error) throw new Error(`Chromium: ${steady.error}`);
  const cold = {};
  const coldStages = {};
  for (let run = 0; run < COLD_RUNS; run += 1) {
    for (const name of ORDER) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/bench/cold.html?alt=${name}`);
      const result = await page.evaluate(() => window.benchResult);
      await context.close();
      if (result.error) throw new Error(`Chromium cold ${name}: ${result.error}`);
      if (!result.skipped) (cold[name] ??= []).push(result.ms);
    }
    for (const staged of STAGED) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/bench/cold.html?alt=${staged}`);
      const result = await page.evaluate(() => window.benchResult);
      await context.close();
      if (result.error) throw new Error(`Chromium cold ${staged}: ${result.error}`);
      (coldStages[staged] ??= []).push(result.stages);
    }
  }
  await browser.close();
  return { browser: `Chromium ${version}`, steady, cold, coldStages };
}

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

// Firefox through geckodriver (WebDriver): playwright-core cannot drive Debian's Firefox ESR
// (its BiDi channel stops at a command this Firefox lacks).
async function firefoxRun(origin) {
  const geckodriver = process.env.GECKODRIVER ?? 'geckodriver';
  const port = await freePort();
  const driver = spawn(geckodriver, ['--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, body: body && JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const data = await response.json();
    if (!response.ok) throw new Error(`geckodriver ${path}: ${JSON.stringify(data.value)}`);
    return data.value;
  };
  try {
    for (let i = 0; i < 50; i += 1) {
      if (await fetch(`${base}/status`).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const profile = mkdtempSync(join(tmpdir(), 'zoomsig-bench-firefox-'));
    const session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary: process.env.FIREFOX ?? '/usr/bin/firefox',
            args: ['-headless', '-profile', profile],
            prefs: { 'network.proxy.type': 0, 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
          },
        },
      },
    });
    const id = session.sessionId;
    await call('POST', `/session/${id}/timeouts`, { script: 600000, pageLoad: 60000 });
    const result = async (url) => {
      await call('POST', `/session/${id}/url`, { url });
      return call('POST', `/session/${id}/execute/async`, {
        script: 'const done = arguments[arguments.length - 1]; window.benchResult.then(done);',
        args: [],
      });
    };
    const capabilities = session.capabilities;
    const steady = await result(`${origin}/bench/steady.html?rounds=${ROUNDS}`);
    if (steady.error) throw new Error(`Firefox: ${steady.error}`);
    const cold = {};
    const coldStages = {};
    for (let run = 0; run < COLD_RUNS; run += 1) {
      for (const name of ORDER) {
        // A fresh document each time; the server sends no-store, so nothing is cached.
        await call('POST', `/session/${id}/url`, { url: 'about:blank' });
        const outcome = await result(`${origin}/bench/cold.html?alt=${name}&run=${run}`);
        if (outcome.error) throw new Error(`Firefox cold ${name}: ${outcome.error}`);
        if (!outcome.skipped) (cold[name] ??= []).push(outcome.ms);
      }
      for (const staged of STAGED) {
        await call('POST', `/session/${id}/url`, { url: 'about:blank' });
        const outcome = await result(`${origin}/bench/cold.html?alt=${staged}&run=${run}`);
        if (outcome.error) throw new Error(`Firefox cold ${staged}: ${outcome.error}`);
        (coldStages[staged] ??= []).push(outcome.stages);
      }
    }
    await call('DELETE', `/session/${id}`);
    rmSync(profile, { recursive: true, force: true });
    return { browser: `Firefox ${capabilities.browserVersion}`, steady, cold, coldStages };
  } finally {
    driver.kill();
  }
}

// Twice: as a native build runs here (sha2 uses the CPU's SHA instructions when it has them), and
// with sha2's software rounds, as in wasm, which is what the floor is about. The second build gets
// its own target dir, so its flags do not invalidate the first.
function nativeRun() {
  const run = (env) => {
    const output = execFileSync('cargo', ['bench', '--quiet', '--bench', 'sign'], {
      cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env },
    });
    const read = (name) => Number(output.match(new RegExp(`^${name}: ([0-9.]+)`, 'm'))?.[1]);
    return { generate: read('generate_ns_per_token'), inspect: read('inspect_ns_per_token') };
  };
  const cpu = run({});
  const soft = run({ RUSTFLAGS: '--cfg sha2_backend="soft"', CARGO_TARGET_DIR: join(ROOT, 'target/bench-soft-sha') });
  return { generate: cpu.generate, inspect: cpu.inspect, generateSoft: soft.generate };
}

const fmt = (value, digits = 1) => (value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));

function chart(runs) {
  // One bar group per browser: µs per token (log scale, since the ratios are large).
  const width = 760;
  const rowHeight = 22;
  const left = 250;
  const rows = [];
  for (const run of runs) {
    rows.push({ title: run.browser });
    for (const row of run.summary) rows.push({ ...row, browser: run.browser });
  }
  const height = rows.length * rowHeight + 50;
  const max = Math.max(...rows.filter((r) => r.median).map((r) => r.median));
  const min = Math.min(...rows.filter((r) => r.median).map((r) => r.median));
  const scale = (v) => ((Math.log10(v) - Math.log10(min / 2)) / (Math.log10(max * 1.5) - Math.log10(min / 2))) * (width - left - 90);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="18" font-size="14" font-weight="bold">Microseconds per token, median (log scale; shorter is faster)</text>`,
  ];
  rows.forEach((row, i) => {
    const y = 40 + i * rowHeight;
    if (row.title) {
      parts.push(`<text x="10" y="${y + 14}" font-weight="bold">${row.title}</text>`);
      return;
    }
    const w = Math.max(2, scale(row.median));
    const colour = row.name.startsWith('zoomsig') ? '#2563eb' : '#9ca3af';
    parts.push(`<text x="20" y="${y + 14}">${LABELS[row.name]}</text>`);
    parts.push(`<rect x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${colour}"/>`);
    parts.push(`<text x="${left + w + 6}" y="${y + 14}">${fmt(row.median, 2)} µs</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function report({ runs, sizeRows, native, date, machine }) {
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`make bench\` on ${date}. Machine: ${machine}. Browsers: ${runs.map((r) => r.browser).join(', ')}.`,
    `Steady state: ${ROUNDS} interleaved rounds in one page, each alternative timing a batch of about 100 ms per round;`,
    'the ratio is each alternative\'s time over zoomsig\'s in the same round (median over rounds), which is what counts on a noisy machine.',
    `Cold start: from nothing loaded to the first token (fetch, compile or parse, instantiate, first call), median of ${COLD_RUNS} fresh pages.`,
    'Every alternative signs the same Zoom payload, and the run checks they all produce the same token.',
    '',
    '![Microseconds per token](benchmarks.svg)',
    '',
  ];
  for (const run of runs) {
    lines.push(`## ${run.browser}`, '', '| alternative | µs per token (median) | p10 to p90 | × zoomsig | cold start to first token (ms, median) |', '|---|---|---|---|---|');
    for (const row of run.summary) {
      const cold = run.cold[row.name] ? fmt(median(run.cold[row.name]), 2) : 'n/a';
      lines.push(`| ${LABELS[row.name]} | ${fmt(row.median, 2)} | ${fmt(row.p10, 2)} to ${fmt(row.p90, 2)} | ${fmt(row.ratio, 1)} | ${cold} |`);
    }
    lines.push('');
    lines.push(
      `zoomsig's cold start step by step (ms, median of ${COLD_RUNS} fresh pages; compiled from the bytes rather than while streaming):`,
      '',
      `| module | ${Object.values(STAGES).join(' | ')} | sum | sum without the two fetches |`,
      `|---|${'---|'.repeat(Object.keys(STAGES).length + 2)}`,
    );
    for (const staged of STAGED) {
      const stage = (key) => median(run.coldStages[staged].map((s) => s[key]));
      const all = Object.keys(STAGES).reduce((sum, key) => sum + stage(key), 0);
      const fetching = stage('glueFetch') + stage('wasmFetch');
      lines.push(`| ${STAGED_LABELS[staged]} | ${Object.keys(STAGES).map((key) => fmt(stage(key), 2)).join(' | ')} | ${fmt(all, 2)} | ${fmt(all - fetching, 2)} |`);
    }
    lines.push('');
  }
  lines.push('## Limits', '', ...limits(runs, sizeRows), '');
  lines.push('## Size (everything a page must load)', '', '| what | bytes | gzip -9 bytes |', '|---|---|---|');
  for (const row of sizeRows) lines.push(`| ${row.label} | ${row.bytes} | ${row.gzip} |`);
  lines.push('', '## Native (the Rust core, no wasm)', '', '| what | ns per token |', '|---|---|');
  lines.push(`| generate (SignatureRequest::sign), opt-level 3${shaNi ? ', with the CPU\'s SHA instructions' : ''} | ${fmt(native.generate, 0)} |`);
  lines.push(`| generate, with software SHA-256 as in wasm | ${fmt(native.generateSoft, 0)} |`);
  lines.push(`| inspect a token with its secret | ${fmt(native.inspect, 0)} |`);
  lines.push(`| floor: this HMAC without SHA instructions (as in wasm) | about ${FLOOR_NS} |`, '');
  return `${lines.join('\n')}\n`;
}

// Ceilings against bloat (not targets): the signer-only module below two thirds of the
// jsrsasign-all-min.js a CDN page loads today, the whole package below twice that, and signing at
// least 6 times faster than jsrsasign-all in Chromium, in the same run.
const LIMITS = { signerGzip: 64_000, packageGzip: 128_000, jsrsasignRatio: 6 };

function limits(runs, sizeRows) {
  const chromium = runs.find((r) => r.browser.startsWith('Chromium'));
  const ratio = chromium.summary.find((row) => row.name === 'jsrsasignAll')?.ratio ?? 0;
  const packageGzip = sizeRows[0].gzip;
  const signerGzip = sizeRows.find((row) => row.label.startsWith('zoomsig signer-only')).gzip;
  const verdict = (ok) => (ok ? 'met' : '**over**');
  return [
    '| limit | measured | |',
    '|---|---|---|',
    `| the whole package below ${LIMITS.packageGzip} bytes gzip | ${packageGzip} | ${verdict(packageGzip < LIMITS.packageGzip)} |`,
    `| the signer-only module below ${LIMITS.signerGzip} bytes gzip | ${signerGzip} | ${verdict(signerGzip < LIMITS.signerGzip)} |`,
    `| generateSignature at least ${LIMITS.jsrsasignRatio}× faster than jsrsasign-all in ${chromium.browser} | ${fmt(ratio, 1)}× | ${verdict(ratio >= LIMITS.jsrsasignRatio)} |`,
  ];
}

function readmeSummary(runs, sizeRows) {
  const chromiumRun = runs.find((r) => r.browser.startsWith('Chromium'));
  const lines = ['| alternative | µs per token in ' + chromiumRun.browser + ' | × zoomsig | cold start (ms) |', '|---|---|---|---|'];
  for (const row of chromiumRun.summary) {
    const cold = chromiumRun.cold[row.name] ? fmt(median(chromiumRun.cold[row.name]), 2) : 'n/a';
    lines.push(`| ${LABELS[row.name]} | ${fmt(row.median, 2)} | ${fmt(row.ratio, 1)} | ${cold} |`);
  }
  const signerRow = sizeRows.find((row) => row.label.startsWith('zoomsig signer-only'));
  lines.push('', `Package size (wasm + glue, gzip -9): ${sizeRows[0].gzip} bytes; the signer-only module: ${signerRow.gzip} bytes.`);
  lines.push('', ...limits(runs, sizeRows));
  return lines.join('\n');
}

async function main() {
  buildJose();
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    mounts: [['/bench/vendor/', join(ROOT, 'node_modules/jsrsasign/lib')], ['/bench/', join(ROOT, 'bench')]],
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    log('native micro-benchmark');
    const native = nativeRun();
    log('Chromium');
    const runs = [await chromiumRun(origin)];
    log('Firefox');
    runs.push(await firefoxRun(origin));
    for (const run of runs) run.summary = summarise(run.steady);
    const sizeRows = sizes();
    const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
    const machine = `${cpu}, ${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm).length} cores, Node ${process.version}`;
    const date = new Date().toISOString().slice(0, 10);
    writeFileSync(join(ROOT, 'docs/benchmarks.md'), report({ runs, sizeRows, native, date, machine }));
    writeFileSync(join(ROOT, 'docs/benchmarks.svg'), chart(runs));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const marked = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
    if (marked.test(readme)) {
      writeFileSync(join(ROOT, 'README.md'), readme.replace(marked, `$1${readmeSummary(runs, sizeRows)}\n$2`));
    }
    for (const run of runs) {
      log(run.browser);
      for (const row of run.summary) log(`  ${LABELS[row.name].padEnd(34)} ${fmt(row.median, 2).padStart(8)} µs  ×${fmt(row.ratio, 1)}  cold ${run.cold[row.name] ? fmt(median(run.cold[row.name]), 2) : 'n/a'} ms`);
    }
    log(`native generate ${fmt(native.generate, 0)} ns (software SHA-256 ${fmt(native.generateSoft, 0)} ns), inspect ${fmt(native.inspect, 0)} ns; package gzip ${sizeRows[0].gzip} bytes`);
    log('wrote docs/benchmarks.md and docs/benchmarks.svg');
  } finally {
    server.close();
  }
}

await main();
