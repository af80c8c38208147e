// Writes pkg/package.json (wasm-bindgen writes none for --target web), so that pkg/ can be a
// `file:` dependency or a packed tarball. The version comes from Cargo.toml.
import { readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, 'm'))?.[1];
const manifest = {
  name: 'zoomsig',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: 'zoomsig.js',
  module: 'zoomsig.js',
  types: 'zoomsig.d.ts',
  // The `zoomsig` command, on the same wasm (the Makefile copies it into pkg/cli/).
  bin: { zoomsig: './cli/zoomsig.mjs' },
  exports: {
    '.': { types: './zoomsig.d.ts', default: './zoomsig.js' },
    './zoomsig_bg.wasm': './zoomsig_bg.wasm',
    // The signer-only module: generateSignature, generateVideoToken and meetingNumberDigits.
    './signer': { types: './signer/zoomsig_signer.d.ts', default: './signer/zoomsig_signer.js' },
    './signer/zoomsig_signer_bg.wasm': './signer/zoomsig_signer_bg.wasm',
    // The classic-script builds (a global `zoomsig`, for pages without modules), to copy or serve.
    './classic/*': './classic/*',
    './package.json': './package.json',
  },
  files: [
    'zoomsig.js', 'zoomsig.d.ts', 'zoomsig_bg.wasm', 'zoomsig_bg.wasm.d.ts', 'README.md',
    'signer/zoomsig_signer.js', 'signer/zoomsig_signer.d.ts', 'signer/zoomsig_signer_bg.wasm',
    'signer/zoomsig_signer_bg.wasm.d.ts', 'cli/zoomsig.mjs',
    'classic/zoomsig.js', 'classic/zoomsig_bg.wasm', 'classic/zoomsig.inline.js', 'classic/zoomsig.d.ts',
  ],
  sideEffects: false,
};
writeFileSync(new URL('../pkg/package.json', import.meta.url), `${JSON.stringify(manifest, null, 2)}\n`);
