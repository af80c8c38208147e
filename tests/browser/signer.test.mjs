// The signer-only module (pkg/signer) in Debian's Chromium, loaded the way a page loads it
// (`import init, { generateSignature } from '.../zoomsig_signer.js'; await init();`), its tokens
// and its Video SDK tokens checked against the real jsrsasign run here in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage } from './harness.mjs';
import { endpointVideoToken, randomVideoOptions } from '../node/video-sample.mjs';
import { randomOptions, sampleSignature, seededRandom } from '../node/zoom-sample.mjs';

test('the signer-only module signs in Chromium as jsrsasign does, and refuses with typed errors', async () => {
  const session = await openPage('/');
  try {
    const random = seededRandom(20261127);
    const cases = Array.from({ length: 50 }, () => randomOptions(random));
    const videoCases = Array.from({ length: 50 }, () => randomVideoOptions(random));
    const result = await session.page.evaluate(async ([optionSets, videoSets]) => {
      const signer = await import('/pkg/signer/zoomsig_signer.js');
      await signer.default();
      const tokens = optionSets.map((options) => signer.generateSignature(options));
      const videoTokens = videoSets.map((options) => signer.generateVideoToken(options));
      let refusal = null;
      try {
        signer.generateSignature({ ...optionSets[0], meetingNumber: '123' });
      } catch (error) {
        refusal = { name: error.name, code: error.code, field: error.field, isError: error instanceof Error };
      }
      return { tokens, videoTokens, refusal, exports: Object.keys(signer).sort() };
    }, [cases, videoCases]);
    assert.deepEqual(result.tokens, cases.map(sampleSignature));
    assert.deepEqual(result.videoTokens, videoCases.map(endpointVideoToken));
    assert.deepEqual(result.refusal, { name: 'ZoomsigError', code: 'INVALID_MEETING_NUMBER', field: 'meetingNumber', isError: true });
    assert.deepEqual(result.exports, ['default', 'generateSignature', 'generateVideoToken', 'initSync', 'meetingNumberDigits']);
    assert.ok(session.localRequests.includes('/pkg/signer/zoomsig_signer_bg.wasm'), 'the wasm was not fetched from the page origin');
    assert.deepEqual(session.ourErrors(), []);
    assert.deepEqual(session.blocked, []);
  } finally {
    await session.close();
  }
});
