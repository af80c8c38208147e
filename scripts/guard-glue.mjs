// Makes every export of wasm-bindgen's --target web glue refuse to run before init() has loaded the
// module, with a ZoomsigError (code NOT_INITIALISED) that says so. Left alone, such a call fails
// inside the glue with "Cannot read properties of undefined (reading '__wbindgen_free')".
//   node scripts/guard-glue.mjs <glue.js>...     (run on wasm-bindgen's output, before minifying)
import { readFileSync, writeFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/guard-glue.mjs <glue.js>...');
  process.exit(2);
}

const GUARD_HELPER = `
function __zoomsig_not_ready(name) {
    const error = new Error('zoomsig: ' + name + ' was called before the WebAssembly module was loaded: ' +
        'call (and await) init() first, or initSync({ module }) in Node.');
    error.name = 'ZoomsigError';
    error.code = 'NOT_INITIALISED';
    return error;
}
`;

for (const file of files) {
  const glue = readFileSync(file, 'utf8');
  if (glue.includes('__zoomsig_not_ready')) continue; // already guarded
  // An export's wrapper is a function whose body calls the wasm export of the same name.
  let guarded = 0;
  const out = glue.replace(/^((?:export )?function (\w+)\([^)]*\) \{\n)/gm, (line, _whole, name) => {
    if (!glue.includes(`wasm.${name}(`)) return line;
    guarded += 1;
    const shown = name.replaceAll('__', '.');
    return `${line}    if (wasm === undefined) throw __zoomsig_not_ready('${shown}');\n`;
  });
  if (guarded === 0 || !/^let wasmModule, wasmInstance, wasm;$/m.test(glue)) {
    throw new Error(`${file}: not the wasm-bindgen --target web glue this script knows`);
  }
  writeFileSync(file, out + GUARD_HELPER);
  console.log(`${file}: ${guarded} exports guarded until init()`);
}
