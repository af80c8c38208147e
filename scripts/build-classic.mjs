// Writes the classic-script builds, for pages with no modules and no bundler (Zoom's CDN sample):
//   pkg/classic/zoomsig.js         one <script> tag: a global `zoomsig` (every export, KJUR
//                                  included, and `zoomsig.ready`), loading zoomsig_bg.wasm beside it
//   pkg/classic/zoomsig_bg.wasm    the optimised module (the same file as pkg/zoomsig_bg.wasm)
//   pkg/classic/zoomsig.inline.js  the same with the wasm inlined (base64): no .wasm to serve, works
//                                  from file:// and where .wasm has the wrong MIME type
//   pkg/classic/zoomsig.d.ts       the global's type
//   node scripts/build-classic.mjs <the package's ES glue (pkg/zoomsig.js)> <its wasm>
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildSync, transformSync } from 'esbuild';

const [gluePath, wasmPath] = process.argv.slice(2);
if (!gluePath || !wasmPath) {
  console.error('usage: node scripts/build-classic.mjs <ES glue .js> <optimised .wasm>');
  process.exit(2);
}
const out = new URL('../pkg/classic/', import.meta.url);
const wasm = readFileSync(wasmPath);
const { version } = JSON.parse(readFileSync(new URL('../pkg/package.json', import.meta.url), 'utf8'));

// The package's own ES module, as a function-scoped `var bindings` (its exports object, `default`
// being init) inside the wrapper below: the page gets no global but `zoomsig` (and `KJUR`).
// `import.meta.url` names the default wasm URL, which the wrapper never uses: it always passes one.
const glue = buildSync({
  entryPoints: [gluePath],
  bundle: true,
  format: 'iife',
  globalName: 'bindings',
  define: { 'import.meta.url': 'undefined' },
  write: false,
  logLevel: 'warning',
}).outputFiles[0].text;
if (!/^var bindings = /m.test(glue)) throw new Error(`${gluePath}: esbuild gave no \`var bindings\``);

function wrapper({ inline }) {
  const load = inline
    ? `
  // The module is inlined: compile it at once, so that the exports work as soon as this script has
  // run (as jsrsasign's do); asynchronously if this browser refuses a synchronous compile.
  var bytes = Uint8Array.from(atob(WASM_BASE64), function (c) { return c.charCodeAt(0); });
  var ready;
  try {
    bindings.initSync({ module: bytes });
    loaded = true;
    ready = Promise.resolve(zoomsig);
  } catch (error) {
    ready = bindings.default({ module_or_path: bytes }).then(function () { loaded = true; return zoomsig; });
  }`
    : `
  // zoomsig_bg.wasm beside this script, or the URL in the tag's data-wasm attribute.
  var wasmUrl = (script && script.getAttribute('data-wasm')) ||
    new URL('zoomsig_bg.wasm', script ? script.src : location.href).href;
  var ready = bindings.default({ module_or_path: wasmUrl }).then(
    function () { loaded = true; return zoomsig; },
    function (error) {
      throw new Error('zoomsig: could not load ' + wasmUrl + ' (' + (error && error.message) + '). ' +
        'Serve it beside zoomsig.js as application/wasm, or use zoomsig.inline.js.');
    });`;
  return `/*! zoomsig ${version}, classic-script build${inline ? ' with the wasm inlined' : ''}: one <script> tag gives
 * the global \`zoomsig\` (every export of the package, KJUR included, and \`zoomsig.ready\`, a promise
 * of it once the WebAssembly module has loaded) and a global \`KJUR\` when the page has none
 * (data-kjur="replace" on the tag replaces one, data-kjur="none" never sets it). */
(function () {
  'use strict';
  var script = typeof document !== 'undefined' ? document.currentScript : null;
${glue}
  var loaded = false;
  function guard(name, fn) {
    return function () {
      if (!loaded) {
        var error = new Error('zoomsig: ' + name + ' was called before the WebAssembly module loaded; ' +
          'call it after zoomsig.ready resolves (or use zoomsig.inline.js, which is ready at once).');
        error.name = 'ZoomsigError';
        error.code = 'NOT_INITIALISED';
        throw error;
      }
      return fn.apply(this, arguments);
    };
  }
  // Functions are guarded; namespace objects (KJUR) are copied, so that a page changing the
  // global KJUR (jsrsasign loaded later does) cannot change zoomsig.KJUR.
  function exported(name, value) {
    if (typeof value === 'function') {
      return /^class\\b/.test(Function.prototype.toString.call(value)) ? value : guard(name, value);
    }
    if (value && typeof value === 'object') {
      var copy = {};
      Object.keys(value).forEach(function (key) { copy[key] = exported(name + '.' + key, value[key]); });
      return copy;
    }
    return value;
  }
  var zoomsig = {};
  Object.keys(bindings).forEach(function (name) {
    if (name !== 'initSync' && name !== 'default') zoomsig[name] = exported(name, bindings[name]);
  });
  /** Sets the global KJUR to zoomsig's (a copy), replacing any, and returns it. */
  zoomsig.installKJUR = function () {
    globalThis.KJUR = exported('KJUR', bindings.KJUR);
    return globalThis.KJUR;
  };
${load}
  zoomsig.ready = ready;
  globalThis.zoomsig = zoomsig;
  var kjur = script && script.getAttribute('data-kjur');
  if (kjur === 'replace' || (kjur !== 'none' && typeof globalThis.KJUR === 'undefined')) {
    zoomsig.installKJUR();
  }
})();
`;
}

const typings = `// The global of the classic-script build (zoomsig.js, zoomsig.inline.js): the package's exports,
// typed as the ES module (../zoomsig.d.ts) types them.
import type * as Package from '../zoomsig.js';

type Exports = Omit<typeof Package, 'default' | 'initSync'>;

export interface ZoomsigGlobal extends Exports {
  /** Resolves to this object once the WebAssembly module has loaded. */
  ready: Promise<ZoomsigGlobal>;
  /** Sets the global KJUR to zoomsig's, replacing any, and returns it. */
  installKJUR(): typeof Package.KJUR;
}

declare global {
  var zoomsig: ZoomsigGlobal;
}
`;

mkdirSync(out, { recursive: true });
const plain = wrapper({ inline: false });
const inlined = wrapper({ inline: true }).replace(
  "  'use strict';\n",
  `  'use strict';\n  var WASM_BASE64 = '${wasm.toString('base64')}';\n`,
);
// Minified like the ES glue. A classic script's top-level names are globals, which esbuild leaves
// alone without a module format; everything else lives inside the wrapper's function.
const minified = (code) => transformSync(code, { minify: true, loader: 'js' }).code;
writeFileSync(new URL('zoomsig.js', out), minified(plain));
writeFileSync(new URL('zoomsig.inline.js', out), minified(inlined));
writeFileSync(new URL('zoomsig.d.ts', out), typings);
copyFileSync(wasmPath, new URL('zoomsig_bg.wasm', out));

// pkg/package.json (scripts/write-package-json.mjs) lists the files npm packs: add the classic ones.
const manifestUrl = new URL('../pkg/package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
if (Array.isArray(manifest.files) && !manifest.files.includes('classic/')) {
  manifest.files.push('classic/');
  writeFileSync(manifestUrl, `${JSON.stringify(manifest, null, 2)}\n`);
}
