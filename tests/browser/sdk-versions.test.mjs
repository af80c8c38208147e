// The harness's choice of Meeting SDK version: 6.2.0 (the default, at /zoom/) or 4.1.0 (at
// /zoom-4.1.0/, the version Zoom's Angular sample pins), with the real SDKs in Debian's Chromium.
// 4.1.0 sends the signature to Zoom by a JSONP GET of /api/v1/wc/info in both views (6.2.0 POSTs
// it, as tests/browser/harness.test.mjs checks); the test answers it as Zoom's server would, with a
// script that calls the SDK's callback. Zoom's hosts are never reached.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { openPage, queryFields } from './harness.mjs';

const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'Sup3rSecretValue42';
const ARTIFACTS = new URL('../../test-results/', import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });
const SETTLED = '#join-result[data-outcome=error], #join-result[data-outcome=timeout], #join-result[data-outcome=joined]';
const WC_INFO = 'https://zoom.us/api/v1/wc/info';
const INVALID_SIGNATURE = { status: false, errorCode: 200, errorMessage: 'Invalid signature.' };

/** Zoom's "Invalid signature." reply: as JSONP to 4.1.0's GET (`callback` names the function), as JSON to 6.2.0's POST. */
function answering3712(request) {
  if (!request.url.startsWith(WC_INFO)) return null;
  if (request.method !== 'GET') return { json: INVALID_SIGNATURE };
  return { contentType: 'application/javascript', body: `${queryFields(request).callback}(${JSON.stringify(INVALID_SIGNATURE)});` };
}

async function open(t, path = '/?joinTimeout=20000') {
  const session = await openPage(path, { zoomAnswer: answering3712 });
  t.after(() => session.close());
  await session.page.waitForSelector('#join-form button[type=submit]:not([disabled])');
  return session;
}

async function fillJoin(page, { view = 'component' } = {}) {
  await page.fill('[name=sdkKey]', KEY);
  await page.fill('[name=sdkSecret]', SECRET);
  await page.fill('[name=meetingNumber]', '857 4606 5432');
  await page.fill('[name=passcode]', 'pass123');
  await page.fill('[name=userName]', 'Versions Test');
  await page.selectOption('[name=view]', view);
}

function findingCodes(page, box) {
  return page.$$eval(`${box} .finding`, (items) => items.map((item) => item.dataset.code));
}

/** Asserts the secret went nowhere (storage, console, Zoom), nothing left 127.0.0.1 un-intercepted and our code logged no error. */
async function assertClean(session) {
  const { page } = session;
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!storage.includes(SECRET), 'the secret is in storage or cookies');
  assert.ok(!session.consoleMessages.some((m) => m.includes(SECRET)), 'the secret was logged');
  assert.ok(!session.zoomRequests.some((r) => r.url.includes(SECRET) || r.postData?.includes(SECRET)), 'the secret was sent to Zoom');
  assert.deepEqual(session.blocked, [], 'requests to hosts other than 127.0.0.1 and Zoom');
  assert.deepEqual(session.ourErrors(), [], 'console errors from our code');
}

/** Asserts that the one request to Zoom was 4.1.0's JSONP GET, carrying the page's signature. */
async function assertJsonpCarried(session) {
  const made = await session.page.inputValue('#token');
  const [header, payload, signature] = made.split('.');
  assert.equal(signature, createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
  const toWcInfo = session.zoomRequests.filter((r) => r.url.startsWith(WC_INFO));
  assert.deepEqual(toWcInfo.map((r) => r.method), ['GET'], 'one GET of wc/info, no POST');
  const fields = queryFields(toWcInfo[0]);
  assert.equal(fields.signature, made);
  assert.equal(fields.apiKey, KEY);
  assert.equal(fields.meetingNumber, '85746065432');
  assert.equal(fields.passWord, 'pass123');
  assert.equal(fields.cv, '4.1.0');
  assert.equal(fields.signatureType, 'sdk');
  assert.match(fields.callback, /^\w+$/);
}

/** Asserts that 4.1.0's files were loaded from this server and 6.2.0's never were. */
function assertLoaded41(session, build) {
  assert.ok(session.localRequests.includes(`/zoom-4.1.0/${build}`), `/zoom-4.1.0/${build} was not loaded`);
  assert.deepEqual(session.localRequests.filter((path) => path.startsWith('/zoom/')), [], '6.2.0 files were loaded');
}

test('Meeting SDK 4.1.0, Client View: the JSONP GET carries the page\'s signature; "Invalid signature." ends as 3712, the page saying 4.1.0', async (t) => {
  const session = await open(t);
  const { page } = session;
  await page.selectOption('[name=sdkVersion]', '4.1.0');
  assert.equal(await page.textContent('#sdk-version'), 'Meeting SDK 4.1.0');
  assert.match(await page.textContent('#sdk-note'), /^Meeting SDK 4\.1\.0, loaded from this server \(\/zoom-4\.1\.0\/\)\..*JSONP GET/);
  assert.match(page.url(), /[?&]sdk=4\.1\.0(&|$)/, 'the choice is not in the address');
  await fillJoin(page, { view: 'client' });
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.click('#join-form button[value=join]')]);
  await tab.waitForSelector(SETTLED, { state: 'attached' });
  await page.waitForSelector(SETTLED);

  await assertJsonpCarried(session);
  assertLoaded41(session, 'zoom-meeting-4.1.0.min.js');
  for (const where of [tab, page]) {
    assert.equal(await where.getAttribute('#join-result', 'data-code'), '3712');
    assert.match(await where.textContent('#join-result'), /Join failed: 3712 INVALID_SIGNATURE/);
  }
  assert.equal(await page.textContent('#join-sdk'), 'Meeting SDK 4.1.0, Client View, loaded from this server (/zoom-4.1.0/).');
  assert.match(await tab.textContent('#client-status'), /^Join failed \(3712\) with Meeting SDK 4\.1\.0: /);
  assert.equal(await page.$$eval('#join-result ol.remaining > li', (items) => items[0]?.dataset.code), 'KEY_APP_TYPE');
  // The preflight checked the token for 4.1.0, whose Component View also logs the sdkKey warning.
  const codes = await findingCodes(page, '#inspection');
  assert.ok(codes.includes('SIGNATURE_VERIFIED'), codes.join(','));
  assert.match(await deprecationNote(page, '#inspection'), /Web SDK 4\.1\.0's Component View logs/);
  await tab.screenshot({ path: new URL('sdk-4.1.0-client-3712.png', ARTIFACTS).pathname });
  await page.screenshot({ path: new URL('sdk-4.1.0-harness-3712.png', ARTIFACTS).pathname, fullPage: true });
  await assertClean(session);
});

test('Meeting SDK 4.1.0, Component View (?sdk=4.1.0): the same JSONP GET, 3712 explained', async (t) => {
  const session = await open(t, '/?joinTimeout=20000&sdk=4.1.0');
  const { page } = session;
  assert.equal(await page.inputValue('[name=sdkVersion]'), '4.1.0');
  assert.equal(await page.textContent('#sdk-version'), 'Meeting SDK 4.1.0');
  await fillJoin(page);
  await page.click('#join-form button[value=join]');
  await page.waitForSelector(SETTLED);
  await assertJsonpCarried(session);
  assertLoaded41(session, 'zoom-meeting-embedded-ES5.min.js');
  assert.equal(await page.getAttribute('#join-result', 'data-code'), '3712');
  assert.match(await page.textContent('#join-result'), /Join failed: 3712 INVALID_SIGNATURE/);
  assert.equal(await page.textContent('#join-sdk'), 'Meeting SDK 4.1.0, Component View, loaded from this server (/zoom-4.1.0/).');
  await assertClean(session);
});

/** The text of the SDKKEY_DEPRECATED finding in `box`, which names the version it judged for. */
function deprecationNote(page, box) {
  return page.textContent(`${box} .finding[data-code=SDKKEY_DEPRECATED]`);
}

test('the preflight and the check box follow the version (SDKKEY_DEPRECATED names it); the choice is remembered', async (t) => {
  const session = await open(t, '/');
  const { page } = session;
  assert.equal(await page.textContent('#sdk-version'), 'Meeting SDK 6.2.0');
  assert.match(await page.textContent('#sdk-note'), /^Meeting SDK 6\.2\.0, loaded from this server \(\/zoom\/\)\. Both views POST/);
  await fillJoin(page);
  await page.click('#join-form button[value=check]');
  await page.waitForSelector('#preflight:not([hidden])');
  assert.match(await deprecationNote(page, '#inspection'), /Web SDK 6\.2\.0's Component View logs/);
  const token = await page.inputValue('#token');

  await page.selectOption('[name=sdkVersion]', '4.1.0');
  // The same token may come again within the second: wait for the report to be drawn anew.
  await page.$eval('#inspection', (box) => box.replaceChildren());
  await page.click('#join-form button[value=check]');
  await page.waitForSelector('#inspection .finding');
  assert.match(await deprecationNote(page, '#inspection'), /Web SDK 4\.1\.0's Component View logs/);
  await page.fill('#check-form [name=token]', token);
  await page.click('#check-form button[type=submit]');
  await page.waitForSelector('#check-report:not([hidden])');
  assert.match(await deprecationNote(page, '#check-report'), /Web SDK 4\.1\.0's Component View logs/);
  // Nothing was joined, so no SDK was loaded.
  assert.deepEqual(session.zoomRequests, []);
  assert.deepEqual(session.localRequests.filter((path) => /^\/zoom(-[\d.]+)?\//.test(path)), []);

  // Remembered with the other fields: a visit without ?sdk= gets 4.1.0 back; 6.2.0, the default, is not kept.
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('zoomsig-harness'))).sdkVersion, '4.1.0');
  await page.goto(new URL('/', page.url()).href);
  await page.waitForSelector('#join-form button[type=submit]:not([disabled])');
  assert.equal(await page.textContent('#sdk-version'), 'Meeting SDK 4.1.0');
  assert.match(page.url(), /\?sdk=4\.1\.0$/);
  await page.selectOption('[name=sdkVersion]', '6.2.0');
  assert.match(page.url(), /\/$/);
  await page.fill('[name=sdkSecret]', SECRET);
  await page.click('#join-form button[value=check]');
  await page.waitForSelector('#preflight:not([hidden])');
  assert.equal('sdkVersion' in JSON.parse(await page.evaluate(() => localStorage.getItem('zoomsig-harness'))), false);
  // A version this server does not serve is not offered: the page says what it loads instead.
  await page.goto(new URL('/?sdk=5.0.0', page.url()).href);
  await page.waitForSelector('#join-form button[type=submit]:not([disabled])');
  assert.equal(await page.textContent('#sdk-version'), 'Meeting SDK 6.2.0');
  assert.equal(await page.inputValue('[name=sdkVersion]'), '6.2.0');
  await assertClean(session);
});

test('after a Component View join with 6.2.0, one with 4.1.0 in the same page is refused with a reason', async (t) => {
  const session = await open(t);
  const { page } = session;
  await fillJoin(page);
  await page.click('#join-form button[value=join]');
  await page.waitForSelector(SETTLED);
  assert.equal(await page.getAttribute('#join-result', 'data-code'), '3712');
  assert.equal(session.zoomRequests.filter((r) => r.url === WC_INFO && r.method === 'POST').length, 1, '6.2.0 POSTs');

  await page.selectOption('[name=sdkVersion]', '4.1.0');
  // Zoom's dialog now covers the page, so the button is pressed from the page's side.
  await page.$eval('#join-form button[value=join]', (button) => button.click());
  await page.waitForFunction(() => /^Join blocked/.test(document.getElementById('status').textContent));
  assert.match(await page.textContent('#status'),
    /Join blocked: this page has loaded the Component View of Meeting SDK 6\.2\.0, which cannot be unloaded\. Reload the page to join with 4\.1\.0/);
  assert.equal(session.zoomRequests.filter((r) => r.url.startsWith(WC_INFO)).length, 1, 'a second join was sent');
  assert.deepEqual(session.localRequests.filter((path) => path.startsWith('/zoom-4.1.0/')), []);
  await assertClean(session);
});
