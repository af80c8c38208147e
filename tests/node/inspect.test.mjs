// inspectSignature on tokens from both generateSignature and the real jsrsasign (Zoom's sample):
// any token made right inspects ok, verified, with no other finding. Random inputs from a seed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import zoomsig from './load-package.mjs';
import { randomOptions, sampleSignature, seededRandom } from './zoom-sample.mjs';

const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);

function contextFor(options) {
  return {
    sdkSecret: options.sdkSecret ?? options.clientSecret,
    sdkKey: options.sdkKey ?? options.clientId,
    meetingNumber: options.meetingNumber,
    zak: Number(options.role) === 1 ? 'a-host-zak' : '',
    now: options.iat + 60,
  };
}

test(`good tokens from zoomsig and from jsrsasign inspect clean (1000 cases, seed ${SEED})`, () => {
  const random = seededRandom(SEED);
  for (let i = 0; i < 1000; i += 1) {
    const options = randomOptions(random);
    for (const token of [zoomsig.generateSignature(options), sampleSignature(options)]) {
      const report = zoomsig.inspectSignature(token, contextFor(options));
      assert.equal(report.ok, true, `case ${i}: ${JSON.stringify(report.findings)}`);
      assert.equal(report.signatureVerified, true);
      assert.deepEqual(report.findings.map((f) => f.code), ['SIGNATURE_VERIFIED']);
      assert.equal(report.issuedAt, options.iat);
    }
  }
});

test('one changed claim is caught, and the HMAC then fails too', () => {
  const random = seededRandom(SEED + 7);
  for (let i = 0; i < 200; i += 1) {
    const options = randomOptions(random);
    const [header, payload] = zoomsig.generateSignature(options).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.role = claims.role === 1 ? 0 : 1;
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${zoomsig.generateSignature(options).split('.')[2]}`;
    const report = zoomsig.inspectSignature(forged, contextFor(options));
    assert.equal(report.ok, false);
    assert.equal(report.signatureVerified, false);
    assert.ok(report.findings.some((f) => f.code === 'SIGNATURE_MISMATCH'));
  }
});

test('explainJoinError reads the SDK shapes and never invents', () => {
  assert.equal(zoomsig.explainJoinError(3712).code, 3712);
  assert.equal(zoomsig.explainJoinError({ errorCode: 200, errorMessage: 'The signature has expired.' }).code, 3705);
  const unknown = zoomsig.explainJoinError(31337);
  assert.equal(unknown.name, 'UNKNOWN');
  assert.deepEqual(unknown.causes, []);
});
