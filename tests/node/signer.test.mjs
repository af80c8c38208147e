// The signer-only module (pkg/signer, `zoomsig/signer`): only generateSignature, generateVideoToken
// (tested in video.test.mjs) and meetingNumberDigits, signing byte for byte as the real jsrsasign
// does, and refusing exactly what the full package refuses, with the same codes, fields and messages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as signer from '../../pkg/signer/zoomsig_signer.js';
import zoomsig from './load-package.mjs';
import { randomOptions, sampleSignature, seededRandom } from './zoom-sample.mjs';

signer.initSync({ module: readFileSync(new URL('../../pkg/signer/zoomsig_signer_bg.wasm', import.meta.url)) });

const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);

test('exports only signing', () => {
  assert.deepEqual(Object.keys(signer).sort(), ['default', 'generateSignature', 'generateVideoToken', 'initSync', 'meetingNumberDigits']);
});

test(`byte-identical to jsrsasign over 1000 random option sets (seed ${SEED})`, () => {
  const random = seededRandom(SEED);
  for (let i = 0; i < 1000; i += 1) {
    const options = randomOptions(random);
    assert.equal(signer.generateSignature(options), sampleSignature(options), `case ${i}`);
  }
});

function outcome(module, options) {
  try {
    return { token: module.generateSignature(options) };
  } catch (error) {
    return { name: error.name, code: error.code, field: error.field, message: error.message, isError: error instanceof Error };
  }
}

test(`refuses what the full package refuses, the same way (seed ${SEED})`, () => {
  const random = seededRandom(SEED + 1);
  const breakages = [
    (o) => { o.meetingNumber = '857 4606 5432x'; },
    (o) => { o.meetingNumber = 12345; },
    (o) => { o.role = 2; },
    (o) => { o.iat = Date.now(); },
    (o) => { o.iat = String(o.iat); },
    (o) => { o.expirationSeconds = 60; },
    (o) => { o.expirationSeconds = 1e6; },
    (o) => { o.videoWebRtcMode = true; },
    (o) => { delete o.sdkKey; delete o.clientId; },
    (o) => { o.sdkSecret = ''; delete o.clientSecret; },
    (o) => { o.sdkSecret = ' padded '; delete o.clientSecret; },
    (o) => { o.meetingNumbr = o.meetingNumber; delete o.meetingNumber; },
    (o) => { o.sdkKey = 'a'; o.clientId = 'b'; },
    (o) => { o.role = NaN; },
    (o) => { o.iat = 10n; },
    (o) => { o.sdkKey = { key: 1 }; },
  ];
  let refused = 0;
  for (let i = 0; i < 500; i += 1) {
    const options = randomOptions(random);
    breakages[i % breakages.length](options);
    const expected = outcome(zoomsig, options);
    assert.deepEqual(outcome(signer, options), expected, `case ${i}`);
    refused += expected.code !== undefined;
  }
  assert.ok(refused > 400, `only ${refused} of 500 were refused`);
  for (const input of [undefined, null, 'options', 5, [], () => {}]) {
    assert.deepEqual(outcome(signer, input), outcome(zoomsig, input));
  }
});

test('reads pasted meeting numbers as the full package does', () => {
  for (const text of ['857 4606 5432', '857-4606-5432', 'https://zoom.us/j/85746065432?pwd=x', 'no digits', '']) {
    assert.equal(signer.meetingNumberDigits(text), zoomsig.meetingNumberDigits(text));
  }
});
