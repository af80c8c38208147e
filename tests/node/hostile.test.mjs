// Every export against careless and hostile callers (tests/node/hostile.mjs): never a hang, a
// trap or a raw exception; always an Error with a code; nothing left behind; the secret never
// shown. Against the full package and the signer-only module. ZOOMSIG_SEED=N replays a run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import jsrsasign from 'jsrsasign';
import * as signer from '../../pkg/signer/zoomsig_signer.js';
import * as zoomsig from '../../pkg/zoomsig.js';
import { SECRET, refuseRepeatedly, runHostile } from './hostile.mjs';
import { EXPECTED } from './hostile-reference.mjs';

const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);
const MODULES = [
  ['the full package', zoomsig, '../../pkg/zoomsig_bg.wasm'],
  ['the signer-only module', signer, '../../pkg/signer/zoomsig_signer_bg.wasm'],
];

for (const [what, module, wasm] of MODULES) {
  test(`${what}: every export before init() says to call init() first`, () => {
    for (const call of [() => module.generateSignature({}), () => module.generateVideoToken({}), () => module.meetingNumberDigits('1')]) {
      assert.throws(call, (error) => error.name === 'ZoomsigError' && error.code === 'NOT_INITIALISED' && /init\(\)/.test(error.message));
    }
  });

  test(`${what}: 8000 hostile calls (seed ${SEED})`, () => {
    const memory = module.initSync({ module: readFileSync(new URL(wasm, import.meta.url)) }).memory;
    const summary = runHostile(module, { seed: SEED, calls: 8000, expected: EXPECTED });
    assert.deepEqual(summary.failures, [], `seed ${SEED}: ${JSON.stringify(summary.codes)}`);
    assert.ok(Object.keys(summary.codes).length >= 5, `few kinds of refusal: ${JSON.stringify(summary.codes)}`);
    assert.ok(memory.buffer.byteLength < 256 * 1024 * 1024, `${memory.buffer.byteLength} bytes`);
  });

  test(`${what}: 300 000 refused calls leave the wasm memory and wasm-bindgen's table where they were`, () => {
    const exports = module.initSync({ module: readFileSync(new URL(wasm, import.meta.url)) });
    const { memory, __wbindgen_externrefs: table } = exports;
    refuseRepeatedly(module, 2000); // warm up: the allocator settles its pools
    const before = memory.buffer.byteLength;
    const slots = table.length;
    const rounds = Math.ceil(300_000 / refuseRepeatedly(module, 1));
    refuseRepeatedly(module, rounds);
    // Growth of one 64 KiB page is allocator noise; a leak of 8 bytes a call would be 36 pages.
    assert.ok(memory.buffer.byteLength <= before + 65536, `${before} -> ${memory.buffer.byteLength} bytes`);
    // Each JS value held for wasm takes a slot; one left behind per call would be thousands.
    assert.ok(table.length <= slots + 128, `the externref table grew from ${slots} to ${table.length} slots`);
    const good = module.generateSignature({ sdkKey: 'abcdEFGHijklMNOPqrst12', sdkSecret: SECRET, meetingNumber: '85746065432', role: 0, iat: 1764201600 });
    assert.equal(good.split('.').length, 3);
  });
}

test('the slow inputs of the past are refused or answered in linear time', { timeout: 60_000 }, () => {
  zoomsig.initSync({ module: readFileSync(new URL('../../pkg/zoomsig_bg.wasm', import.meta.url)) });
  // A header nested a million deep: refused at depth 256, without reading on.
  for (const header of ['['.repeat(1_000_000), '{"a":'.repeat(400_000)]) {
    assert.throws(() => zoomsig.KJUR.jws.JWS.sign('HS256', header, '{}', SECRET), { code: 'HEADER_TOO_DEEP' });
  }
  // Headers of many members, as names and as indices in descending order: refused past 1000
  // members (they took quadratic time), signed as the real jsrsasign signs them below that.
  for (const member of [(i) => `"k${i}":${i}`, (i) => `"${100_000 - i}":1`]) {
    const header = (count) => `{"alg":"HS256",${Array.from({ length: count }, (_, i) => member(i)).join(',')}}`;
    assert.throws(() => zoomsig.KJUR.jws.JWS.sign('HS256', header(200_000), '{}', SECRET), { code: 'HEADER_TOO_LARGE' });
    assert.equal(zoomsig.KJUR.jws.JWS.sign('HS256', header(999), '{}', SECRET),
      jsrsasign.KJUR.jws.JWS.sign('HS256', header(999), '{}', SECRET));
  }
  const wide = `{"alg":"HS256",${Array.from({ length: 200_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
  const token = `${Buffer.from(wide).toString('base64url')}.e30.AAAA`;
  assert.throws(() => zoomsig.KJUR.jws.JWS.verify(token, SECRET, ['HS256']), { code: 'HEADER_TOO_LARGE' });
  // A 10 MB unknown option name: no suggestion is worked out for it, and the error stays short.
  const name = 'x'.repeat(10_000_000);
  assert.throws(() => zoomsig.generateSignature({ [name]: 1 }), (error) => error.code === 'UNKNOWN_OPTION'
    && error.message.length < 400 && error.field.length < 100);
  // A huge paste is reported, not decoded.
  const report = zoomsig.inspectSignature('e'.repeat(50_000_000));
  assert.deepEqual(report.findings.map((f) => f.code), ['TOKEN_TOO_LONG']);
});
