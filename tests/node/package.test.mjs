// What `npm pack pkg/` ships: every file the README's recipes and the `zoomsig` command use, so a
// person with the tarball alone can follow them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const PKG = new URL('../../pkg/', import.meta.url);

test('the packed package holds the ES module, the signer, the classic builds, the command and the README', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: PKG, encoding: 'utf8' }));
  const files = new Set(packed.files.map((file) => file.path));
  for (const needed of [
    'zoomsig.js', 'zoomsig.d.ts', 'zoomsig_bg.wasm',
    'signer/zoomsig_signer.js', 'signer/zoomsig_signer.d.ts', 'signer/zoomsig_signer_bg.wasm',
    'classic/zoomsig.js', 'classic/zoomsig_bg.wasm', 'classic/zoomsig.inline.js', 'classic/zoomsig.d.ts',
    'cli/zoomsig.mjs', 'README.md', 'package.json',
  ]) assert.ok(files.has(needed), `${needed} is not in the package`);
  const manifest = JSON.parse(readFileSync(new URL('package.json', PKG), 'utf8'));
  assert.equal(manifest.bin.zoomsig, './cli/zoomsig.mjs');
  // The README in the package carries the recipes.
  const readme = readFileSync(new URL('README.md', PKG), 'utf8');
  for (const heading of ["### Zoom's Angular sample (Client View, `.subscribe`)", "### Zoom's CDN sample", '### A page that signs with KJUR (jsrsasign)', '## The `zoomsig` command']) {
    assert.ok(readme.includes(heading), `no "${heading}" in the packed README`);
  }
});
