// The hostile calls of tests/node/hostile.mjs in Debian's headless Chromium, for the exports the
// pages use: the ES module (the harness, the Angular app), the classic global (the CDN pages) and
// the signer-only module. ZOOMSIG_SEED=N replays a run.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { EXPECTED } from '../node/hostile-reference.mjs';
import { openPage } from './harness.mjs';

const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);

const SUPPORT = [
  ['/test-support/', fileURLToPath(new URL('../node', import.meta.url))],
  ['/test-pages/', fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '')],
];
const WHAT = ['the ES module', 'the signer-only module', 'the classic global'];

// Runs in the page: loads one build as a page would, then the hostile calls.
async function inPage({ which, seed, expected }) {
  const loaders = {
    'the ES module': async () => {
      const zoomsig = await import('/pkg/zoomsig.js');
      await zoomsig.default();
      return zoomsig;
    },
    'the signer-only module': async () => {
      const signer = await import('/pkg/signer/zoomsig_signer.js');
      await signer.default();
      return signer;
    },
    'the classic global': async () => {
      await new Promise((loaded, failed) => {
        const script = document.createElement('script');
        script.src = '/pkg/classic/zoomsig.js';
        script.onload = loaded;
        script.onerror = failed;
        document.head.append(script);
      });
      return window.zoomsig.ready;
    },
  };
  const zoomsig = await loaders[which]();
  const { runHostile } = await import('/test-support/hostile.mjs');
  return runHostile(zoomsig, { seed, calls: 3000, expected });
}

for (const what of WHAT) {
  test(`${what} in Chromium: 3000 hostile calls (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const session = await openPage('/test-pages/blank.html', { mounts: SUPPORT });
    try {
      const summary = await session.page.evaluate(inPage, { which: what, seed: SEED, expected: EXPECTED });
      assert.deepEqual(summary.failures, [], `seed ${SEED}`);
      assert.ok(summary.exports.includes('generateSignature'));
    } finally {
      await session.close();
    }
  });
}
