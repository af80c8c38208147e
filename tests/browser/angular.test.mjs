// The Angular app (www/angular, built by `make test-angular`) in Debian's Chromium: the signature
// that Zoom's real SDK POSTs to zoom.us/api/v1/wc/info (answered here, never sent) is the one the
// app's ZoomSignatureService made, it verifies with Node's HMAC, and a wrong meeting number never
// reaches join. Nothing leaves 127.0.0.1.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { STORY_KEY, STORY_RULED_OUT, STORY_SECRET } from './founding-story.mjs';
import { formFields, openPage } from './harness.mjs';

const DIST = resolve(fileURLToPath(new URL('../../www/angular/dist/zoomsig-angular/browser', import.meta.url)));
const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'Sup3rSecretValue42';
const MEETING = '85746065432';
const WC_INFO = 'https://zoom.us/api/v1/wc/info';
// A reply in the shape of Zoom's to a bad signature; the SDK maps it to 3712.
const ZOOM_REPLY = { status: false, errorCode: 200, errorMessage: 'Invalid signature.' };

/**
 * The built app on a fresh server and browser (the shared harness, serving the app at /): /wc/info
 * is answered with ZOOM_REPLY, every other request off 127.0.0.1 is refused and counted as
 * blocked, wherever it was going.
 */
async function openApp() {
  assert.ok(existsSync(join(DIST, 'index.html')), `no built app in ${DIST}: run make test-angular`);
  const session = await openPage('/', {
    mounts: [['/', DIST]],
    zoomAnswer: (request) => (request.url.split('?')[0] === WC_INFO ? { json: ZOOM_REPLY } : null),
  });
  await session.page.waitForSelector('app-root form button[type=submit]');
  const isWcInfo = (request) => request.url.split('?')[0] === WC_INFO && request.method !== 'OPTIONS';
  const offMachine = session.blocked;
  // Read live, as the tests check them at several moments.
  return Object.defineProperties(session, {
    wasmRequests: { get: () => session.localRequests.filter((path) => path.endsWith('/zoomsig_bg.wasm')).length },
    wcInfo: { get: () => session.zoomRequests.filter(isWcInfo).map((request) => ({ method: request.method, fields: formFields(request) })) },
    blocked: {
      get: () => [
        ...offMachine,
        ...session.zoomRequests.filter((request) => !isWcInfo(request) && request.method !== 'OPTIONS').map((request) => request.url),
      ],
    },
  });
}

async function fillForm(page, { meetingNumber = MEETING, role = '0', key = KEY, secret = SECRET } = {}) {
  await page.fill('[name=sdkKey]', key);
  await page.fill('[name=sdkSecret]', secret);
  await page.fill('[name=meetingNumber]', meetingNumber);
  await page.fill('[name=passWord]', 'pass123');
  await page.fill('[name=userName]', 'Angular Test');
  await page.selectOption('[name=role]', { index: Number(role) });
}

function decode(segment) {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

test('the SDK POSTs the signature the service made for a pasted number; the founding story\'s 3712 is narrowed', async (t) => {
  const session = await openApp();
  t.after(() => session.close());
  const { page } = session;
  // The founding story's credentials (a JWT app's, which nothing offline can tell), and a meeting
  // number pasted as the invite shows it.
  const [KEY, SECRET] = [STORY_KEY, STORY_SECRET];
  await fillForm(page, { key: KEY, secret: SECRET, meetingNumber: '857 4606 5432' });
  assert.equal(session.wasmRequests, 0, 'the wasm is loaded on first use, not at start-up');

  const posted = page.waitForRequest((request) => request.url().startsWith(WC_INFO) && request.method() === 'POST');
  await page.click('button[type=submit]');
  await posted;
  await page.waitForSelector('#join-error');

  const token = await page.inputValue('#token');
  assert.equal(session.wcInfo.length, 1);
  const { fields } = session.wcInfo[0];
  assert.equal(fields.signature, token, 'the SDK sent the token the service made');
  assert.equal(fields.apiKey, KEY);
  assert.equal(fields.meetingNumber, MEETING);
  assert.equal(fields.userName, 'Angular Test');

  const [header, payload, mac] = token.split('.');
  assert.equal(mac, createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
  assert.deepEqual(decode(header), { alg: 'HS256', typ: 'JWT' });
  const claims = decode(payload);
  assert.equal(claims.appKey, KEY);
  assert.equal(claims.sdkKey, KEY);
  assert.equal(claims.mn, MEETING);
  assert.equal(claims.role, 0);
  assert.equal(claims.exp - claims.iat, 7200);
  assert.ok(Math.abs(claims.iat + 30 - Date.now() / 1000) < 60, 'iat is about now minus 30 s');

  assert.equal(await page.inputValue('[name=meetingNumber]'), MEETING);
  assert.equal(await page.textContent('#meeting-note'), 'Turned "857 4606 5432" into the meeting number 85746065432.');
  assert.equal(await page.getAttribute('#inspection', 'data-ok'), 'true');
  const codes = await page.$$eval('#inspection .finding', (items) => items.map((item) => item.dataset.code));
  // For 6.2.0 the sdkKey claim is explained: the Component View logs that it will be deprecated.
  assert.deepEqual(codes, ['SDKKEY_DEPRECATED', 'SIGNATURE_VERIFIED']);
  const inspection = await page.textContent('#inspection');
  assert.doesNotMatch(inspection, /No errors found|nothing wrong found/);
  assert.match(inspection, /Everything that can be checked offline passed/);
  assert.equal(await page.getAttribute('#inspection ol.remaining > li.first', 'data-code'), 'KEY_APP_TYPE');
  assert.ok(await page.$eval('#meetingSDKElement', (element) => element.childElementCount) > 0, 'the SDK rendered');
  // Zoom's "Invalid signature." reply reached the component as 3712 and was explained.
  assert.equal(await page.getAttribute('#join-error', 'data-code'), '3712');
  // Explained with the report: found (nothing), remaining (the key's app type first), ruled out.
  assert.equal(await page.textContent('#join-error .found-title'), 'Found in the token: nothing');
  const remaining = await page.$$eval('#join-error ol.remaining > li', (items) => items.map((i) => i.dataset.code));
  assert.equal(remaining[0], 'KEY_APP_TYPE');
  assert.ok(remaining.includes('KEY_SECRET_PAIR'));
  const ruledOut = await page.$$eval('#join-error ul.ruled-out > li', (items) => items.map((i) => i.dataset.code));
  for (const cause of STORY_RULED_OUT) assert.ok(ruledOut.includes(cause), `${cause} not in ${ruledOut}`);
  const order = await page.$$eval('#join-error > *', (nodes) => nodes.map((n) => n.className));
  const at = (name) => order.findIndex((c) => c.split(' ').includes(name));
  assert.ok(at('found-title') < at('remaining') && at('remaining') < at('ruled-out-box'), order.join(','));

  // What the app loaded is the package's optimised wasm, copied by the angular.json assets entry.
  const served = await page.evaluate(async () => [...new Uint8Array(await (await fetch('wasm/zoomsig_bg.wasm')).arrayBuffer())]);
  assert.deepEqual(Buffer.from(served), readFileSync(new URL('../../pkg/zoomsig_bg.wasm', import.meta.url)));

  assert.deepEqual(session.blocked, []);
  assert.deepEqual(session.consoleErrors, []);
});

test('a wrong meeting number is refused before join: no POST, the field marked', async (t) => {
  const session = await openApp();
  t.after(() => session.close());
  const { page } = session;
  await fillForm(page, { meetingNumber: '8574606' });
  await page.click('button[type=submit]');
  await page.waitForSelector('#problem');

  assert.equal(await page.textContent('#problem-code'), 'INVALID_MEETING_NUMBER');
  assert.match(await page.textContent('#problem-message'), /has 7 digits, but a Zoom meeting ID has 9 to 11/);
  assert.equal(await page.getAttribute('[name=meetingNumber]', 'aria-invalid'), 'true');
  assert.equal(await page.isVisible('#token'), false);
  assert.equal(session.wasmRequests, 1);
  // Another refusal reuses the module loaded for the first.
  await page.fill('[name=meetingNumber]', '85746065432x');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#problem-message')?.textContent?.includes('with nothing else'));
  assert.equal(await page.textContent('#problem-code'), 'INVALID_MEETING_NUMBER');
  assert.equal(session.wasmRequests, 1, 'the wasm is fetched once');
  // Join was never called: the SDK rendered nothing and posted nothing.
  assert.equal(await page.$eval('#meetingSDKElement', (element) => element.childElementCount), 0);
  assert.deepEqual(session.wcInfo, []);
  assert.deepEqual(session.blocked, []);
  assert.deepEqual(session.consoleErrors, []);
});
