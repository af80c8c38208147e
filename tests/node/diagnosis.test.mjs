// The differential diagnosis through the built package, as a page uses it: the founding story's
// token made here with the real jsrsasign the way its page made it, inspected with the context of
// its join, then Zoom's 3712 explained with that report handed back as the JS object it is.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import jsrsasign from 'jsrsasign';
import zoomsig from './load-package.mjs';

const KEY = 'JwtAppApiKeyFromMarketplace';
const SECRET = 'JwtAppApiSecretFromMarketplace00';
const MEETING = '85746065432';
const NOW = Math.floor(Date.now() / 1000);

function foundingStoryToken() {
  // The seed's payload order, iat a minute back, signed in the page with jsrsasign.
  const iat = NOW - 60;
  const payload = { sdkKey: KEY, mn: MEETING, role: 0, iat, exp: iat + 7200, appKey: KEY, tokenExp: iat + 7200 };
  return jsrsasign.KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), SECRET);
}

const CONTEXT = { sdkSecret: SECRET, sdkKey: KEY, meetingNumber: MEETING, sdkVersion: '2.9.7' };
// What the Component View rejects with when Zoom answers "Invalid signature.".
const REJECTED = { type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 };

test('the founding story: everything checkable passes, and the key app type is the first thing to check', () => {
  const report = zoomsig.inspectSignature(foundingStoryToken(), CONTEXT);
  assert.equal(report.ok, true);
  assert.equal(report.signatureStatus, 'verified');
  assert.ok(!report.findings.some((f) => f.severity !== 'info'), JSON.stringify(report.findings));
  assert.equal(report.remaining[0].code, 'KEY_APP_TYPE');
  assert.match(report.remaining[0].message, /2\.7\.0/);
  assert.match(report.remaining[0].check, /App Marketplace/);
  assert.ok(report.remaining.some((r) => r.code === 'KEY_SECRET_PAIR'));

  const why = zoomsig.explainJoinError(REJECTED, report);
  assert.equal(why.code, 3712);
  assert.deepEqual(why.found, []);
  const ruledOut = why.ruledOut.map((r) => r.code);
  for (const cause of ['SECRET_ENCODING', 'BASE64_FORM', 'HEADER', 'TIMES', 'MEETING_MISMATCH', 'APPKEY_MISSING']) {
    assert.ok(ruledOut.includes(cause), `${cause} not in ${ruledOut}`);
  }
  const remaining = why.remaining.map((r) => r.code);
  assert.equal(remaining[0], 'KEY_APP_TYPE');
  assert.ok(remaining.includes('KEY_SECRET_PAIR'));
  assert.ok(why.fixes.every((fix) => !/with zoomsig/.test(fix)), why.fixes.join('\n'));
  // Without the report, the answer is as it always was.
  const plain = zoomsig.explainJoinError(REJECTED);
  assert.equal(plain.found, undefined);
  assert.match(plain.fixes[0], /with zoomsig/);
});

test('a report that is not one is ignored, and a hostile one is only unreadable', () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const report of [null, undefined, 'report', { findings: 'x' }, proxy, { get findings() { throw new Error('x'); } }]) {
    const why = zoomsig.explainJoinError(3712, report);
    assert.equal(why.name, 'INVALID_SIGNATURE');
  }
});

test('a finding that shows a cause is found, not ruled out', () => {
  const iat = NOW - 30;
  const payload = JSON.stringify({ appKey: KEY, sdkKey: KEY, mn: '12345678901', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 });
  const token = jsrsasign.KJUR.jws.JWS.sign('HS256', '{"alg":"HS256","typ":"JWT"}', payload, SECRET);
  const why = zoomsig.explainJoinError(REJECTED, zoomsig.inspectSignature(token, CONTEXT));
  assert.deepEqual(why.found.map((f) => [f.code, f.cause]), [['MN_MISMATCH', 'MEETING_MISMATCH']]);
  assert.ok(!why.ruledOut.some((r) => r.code === 'MEETING_MISMATCH'));
  assert.match(why.fixes[0], /meeting number/);
});

test('Zoom\'s signature before Web SDK 2.3 is recognised and verified', () => {
  // As Zoom's sample endpoint made it with a JWT app's key and secret until March 2022.
  const timestamp = Date.now() - 30000;
  const message = Buffer.from(KEY + MEETING + timestamp + 0).toString('base64');
  const hash = createHmac('sha256', SECRET).update(message).digest('base64');
  const signature = Buffer.from(`${KEY}.${MEETING}.${timestamp}.0.${hash}`).toString('base64');
  const report = zoomsig.inspectSignature(signature, { sdkSecret: SECRET, meetingNumber: MEETING });
  assert.equal(report.kind, 'legacy-web-signature');
  assert.deepEqual(report.payload, { apiKey: KEY, meetingNumber: MEETING, timestamp, role: 0 });
  assert.deepEqual(report.findings.map((f) => f.code), ['LEGACY_WEB_SIGNATURE', 'SIGNATURE_VERIFIED']);
  assert.match(report.findings[0].message, /2\.2 and earlier/);
  const wrong = zoomsig.inspectSignature(signature, { sdkSecret: 'another secret' });
  assert.equal(wrong.signatureStatus, 'mismatch');
  assert.equal(zoomsig.inspectSignature(signature).signatureStatus, 'no-secret');
});
