// generateSignature against the real jsrsasign, as Zoom's auth endpoint sample calls it, and
// against Node's own HMAC. Random option sets from a seed (ZOOMSIG_SEED reproduces a run).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import zoomsig from './load-package.mjs';
import { randomOptions, sampleSignature, seededRandom } from './zoom-sample.mjs';

const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);
const CASES = 2000;

function verifiesWithNodeCrypto(token, secret) {
  const [header, payload, signature] = token.split('.');
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${header}.${payload}`);
  return mac.digest('base64url') === signature;
}

test(`byte-identical to jsrsasign over ${CASES} random option sets (seed ${SEED})`, () => {
  const random = seededRandom(SEED);
  const seen = { stringMn: 0, numberMn: 0, host: 0, webrtc: 0, expiration: 0, clientId: 0 };
  for (let i = 0; i < CASES; i += 1) {
    const options = randomOptions(random);
    const token = zoomsig.generateSignature(options);
    assert.equal(token, sampleSignature(options), `case ${i}: ${JSON.stringify({ ...options, sdkSecret: '…' })}`);
    const secret = options.sdkSecret ?? options.clientSecret;
    assert.ok(verifiesWithNodeCrypto(token, secret), `case ${i}: HMAC does not verify`);
    seen.stringMn += typeof options.meetingNumber === 'string';
    seen.numberMn += typeof options.meetingNumber === 'number';
    seen.host += Number(options.role) === 1;
    seen.webrtc += options.videoWebRtcMode !== undefined;
    seen.expiration += options.expirationSeconds !== undefined;
    seen.clientId += options.clientId !== undefined;
  }
  // The generator really covered every shape.
  for (const [shape, count] of Object.entries(seen)) assert.ok(count > CASES / 10, `${shape}: ${count}`);
});

test('without iat, the token is the sample token for the iat it carries (now - 30 s)', () => {
  const random = seededRandom(SEED + 1);
  for (let i = 0; i < 50; i += 1) {
    const { iat, ...options } = randomOptions(random);
    const before = Math.floor(Date.now() / 1000);
    const token = zoomsig.generateSignature(options);
    const after = Math.floor(Date.now() / 1000);
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    assert.ok(payload.iat >= before - 30 && payload.iat <= after - 30, `iat ${payload.iat}`);
    assert.equal(token, sampleSignature({ ...options, iat: payload.iat }));
  }
});

test('keys with JSON-escaped characters are written as JSON.stringify writes them', () => {
  for (const key of ['quo"te', 'back\\slash', 'tab\there', 'ünïcødé-会議', 'ctl\u0001\u001f', 'line\u2028sep']) {
    const options = { sdkKey: key, sdkSecret: 'ordinarySecretValue', meetingNumber: '123456789', role: 0, iat: 1764201600 };
    assert.equal(zoomsig.generateSignature(options), sampleSignature(options), JSON.stringify(key));
  }
});

test('refusals are Errors with a code and field, and never echo the secret', () => {
  const secret = 'Sup3rSecretValue42';
  const base = { sdkKey: 'abcdEFGHijklMNOPqrst12', sdkSecret: secret, meetingNumber: '85746065432', role: 0 };
  const cases = [
    [null, 'INVALID_OPTIONS', 'options'],
    [[base], 'INVALID_OPTIONS', 'options'],
    [{ ...base, meetingNumber: '857 4606 5432' }, 'INVALID_MEETING_NUMBER', 'meetingNumber'],
    [{ ...base, role: 'host' }, 'INVALID_ROLE', 'role'],
    [{ ...base, expirationSeconds: 7200 * 1000 }, 'INVALID_EXPIRATION', 'expirationSeconds'],
    [{ ...base, iat: Date.now() }, 'INVALID_IAT', 'iat'],
    [{ ...base, videoWebRtcMode: 2 }, 'INVALID_WEBRTC_MODE', 'videoWebRtcMode'],
    [{ ...base, sdkSecret: '' }, 'EMPTY_SECRET', 'sdkSecret'],
    [{ ...base, clientSecret: 'different' }, 'CONFLICTING_OPTIONS', 'clientSecret'],
    [{ ...base, secret }, 'UNKNOWN_OPTION', 'secret'],
    [{ ...base, meetingNumber: secret }, 'INVALID_MEETING_NUMBER', 'meetingNumber'],
    [{ ...base, sdkKey: undefined }, 'MISSING_OPTION', 'sdkKey'],
  ];
  for (const [options, code, field] of cases) {
    assert.throws(
      () => zoomsig.generateSignature(options),
      (error) => {
        assert.ok(error instanceof Error);
        assert.equal(error.code, code);
        assert.equal(error.field, field);
        assert.match(error.message, new RegExp(field === 'options' ? 'options object' : field));
        assert.ok(!error.message.includes(secret), error.message);
        return true;
      },
    );
  }
});
