// Memory stays bounded over many calls, in both modules: what each call allocates (tokens, options,
// reports, refusals of long inputs) is freed and reused, whatever the allocator.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as signer from '../../pkg/signer/zoomsig_signer.js';
import * as zoomsig from '../../pkg/zoomsig.js';

const OPTIONS = { sdkKey: 'abcdEFGHijklMNOPqrst12', sdkSecret: 'fakeClientSecretForTesting0123456', meetingNumber: '85746065432', role: 0 };
const CALLS = 30000;
const LIMIT = 8 * 1024 * 1024; // A leak of even 300 bytes a call would pass this.

function load(module, wasm) {
  return module.initSync({ module: readFileSync(new URL(wasm, import.meta.url)) }).memory;
}

function churn(module, withDoctor) {
  for (let i = 0; i < CALLS; i += 1) {
    const options = { ...OPTIONS, sdkKey: 'k'.repeat(1 + (i % 300)), iat: 1764201600 + i };
    const token = module.generateSignature(options);
    if (withDoctor && i % 10 === 0) {
      module.inspectSignature(`${token}${'x'.repeat(i % 3000)}`, { sdkSecret: OPTIONS.sdkSecret, meetingNumber: OPTIONS.meetingNumber });
    }
    if (i % 7 === 0) {
      assert.throws(() => module.generateSignature({ ...options, meetingNumber: 'x'.repeat(i % 5000) }), { code: 'INVALID_MEETING_NUMBER' });
    }
  }
}

test(`the full package's memory stays bounded over ${CALLS} calls`, () => {
  const memory = load(zoomsig, '../../pkg/zoomsig_bg.wasm');
  churn(zoomsig, true);
  assert.ok(memory.buffer.byteLength < LIMIT, `${memory.buffer.byteLength} bytes`);
});

test(`the signer-only module's memory stays bounded over ${CALLS} calls`, () => {
  const memory = load(signer, '../../pkg/signer/zoomsig_signer_bg.wasm');
  churn(signer, false);
  assert.ok(memory.buffer.byteLength < LIMIT, `${memory.buffer.byteLength} bytes`);
});
