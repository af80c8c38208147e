// The README's recipes for Zoom's Angular sample (Client View) and for an Angular page that signs
// with KJUR as the founding story's did, applied to an app of ours in that shape
// (www/angular/zoom-sample, built by `make test-angular`; ?page=kjur), on Meeting SDK 4.1.0 as
// Zoom's sample pins it, in Debian's Chromium: the real Client View sends to
// zoom.us/api/v1/wc/info by a JSONP GET (answered here, never sent) exactly the token Zoom's
// endpoint sample would sign for the app's fields, signed here by the real jsrsasign; a wrong
// option stops before the SDK is asked to join.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import jsrsasign from 'jsrsasign';
import { openPage, queryFields } from './harness.mjs';
import { sampleSignature } from '../node/zoom-sample.mjs';

const DIST = resolve(fileURLToPath(new URL('../../www/angular/dist/zoom-sample/browser', import.meta.url)));
// The app loads Zoom's files from /zoom-4.1.0/ (the npm alias), ahead of the app's own mount at /.
const ZOOM_DIST = resolve(fileURLToPath(new URL('../../node_modules/@zoom/meetingsdk-4.1.0/dist', import.meta.url)));
const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'fakeClientSecretForTesting0123456';
const MEETING = '85746065432';
const WC_INFO = 'https://zoom.us/api/v1/wc/info';
const INVALID_SIGNATURE = { status: false, errorCode: 200, errorMessage: 'Invalid signature.' };
const isWcInfo = (request) => request.url.split('?')[0] === WC_INFO;

async function openSample(path = '/') {
  assert.ok(existsSync(join(DIST, 'index.html')), `no built app in ${DIST}: run make test-angular`);
  const session = await openPage(path, {
    mounts: [['/zoom-4.1.0/', ZOOM_DIST], ['/', DIST]],
    zoomAnswer: (request) => (isWcInfo(request)
      ? { contentType: 'application/javascript', body: `${queryFields(request).callback}(${JSON.stringify(INVALID_SIGNATURE)});` }
      : null),
  });
  await session.page.waitForSelector('app-root button');
  return session;
}

/** The query of 4.1.0's JSONP GET of /wc/info, once the SDK has sent it. */
async function sentFields(session) {
  for (let tries = 0; tries < 450; tries += 1) {
    const request = session.zoomRequests.find(isWcInfo);
    if (request) {
      assert.equal(request.method, 'GET');
      return queryFields(request);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error('the Client View sent nothing to /api/v1/wc/info in 90 s');
}

async function fill(page, fields) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`[name=${name}]`, value);
}

test('Zoom\'s Angular sample (4.1.0) with getSignature\'s .subscribe replaced: the Client View sends the endpoint sample\'s token', { timeout: 180_000 }, async (t) => {
  const session = await openSample();
  t.after(() => session.close());
  const { page } = session;
  await fill(page, { sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING, passWord: 'pass123' });
  await page.selectOption('[name=role]', { label: 'Host' });
  await page.click('app-root button');
  const fields = await sentFields(session);
  const { signature } = fields;
  // The payload Zoom's meetingsdk-auth-endpoint-sample signs for { meetingNumber, role: 1,
  // videoWebRtcMode: 1 }, with the token's own iat, signed by the real jsrsasign.
  const { iat } = JSON.parse(Buffer.from(signature.split('.')[1], 'base64url').toString('utf8'));
  assert.equal(signature, sampleSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING, role: 1, iat, videoWebRtcMode: 1 }));
  assert.ok(Math.abs(iat + 30 - Date.now() / 1000) < 120, `iat ${iat}`);
  assert.equal(fields.apiKey, KEY);
  assert.equal(fields.meetingNumber, MEETING);
  await page.waitForFunction(() => /join failed: 3712/.test(document.getElementById('status').textContent), null, { timeout: 60_000 });
  // 4.1.0 it was: its files, none of 6.2.0's.
  assert.ok(session.localRequests.some((path) => path.startsWith('/zoom-4.1.0/lib/')), 'no file of 4.1.0 was loaded');
  assert.ok(!session.localRequests.some((path) => path.startsWith('/zoom/')), 'a file of 6.2.0 was loaded');
  assert.deepEqual(session.blocked, []);
  assert.ok(!session.consoleMessages.some((m) => m.includes(SECRET)), 'the secret was logged');
});

test('Zoom\'s Angular sample with the recipe: a wrong meeting number is refused with its code, and the SDK is not asked to join', async (t) => {
  const session = await openSample();
  t.after(() => session.close());
  const { page } = session;
  await fill(page, { sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '8574606' });
  await page.click('app-root button');
  await page.waitForFunction(() => /^INVALID_MEETING_NUMBER: /.test(document.getElementById('status').textContent));
  assert.doesNotMatch(await page.textContent('#status'), new RegExp(SECRET));
  assert.deepEqual(session.zoomRequests.filter(isWcInfo), []);
});

test('the founding story\'s Angular page, KJUR imported from zoomsig: the Client View sends what the real jsrsasign signs for the page\'s header and payload', { timeout: 180_000 }, async (t) => {
  const session = await openSample('/?page=kjur');
  t.after(() => session.close());
  const { page } = session;
  await fill(page, { sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING });
  await page.click('app-root button');
  const { signature } = await sentFields(session);
  // The page's own payload, in its order, rebuilt here with the token's iat and signed by jsrsasign.
  const { iat } = JSON.parse(Buffer.from(signature.split('.')[1], 'base64url').toString('utf8'));
  const payload = JSON.stringify({ sdkKey: KEY, mn: MEETING, role: 0, iat, exp: iat + 7200, appKey: KEY, tokenExp: iat + 7200 });
  assert.equal(signature, jsrsasign.KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), payload, SECRET));
  assert.ok(Math.abs(iat + 60 - Date.now() / 1000) < 120, `iat ${iat}`);
  await page.waitForFunction(() => /join failed: 3712/.test(document.getElementById('status').textContent), null, { timeout: 60_000 });
  assert.deepEqual(session.blocked, []);
});
