// The Video SDK page (www/video/) as `make serve` serves it, driven in Debian's Chromium with the
// real Zoom Video SDK 2.5.0. Zoom's hosts are answered by the test, never reached. The join sends
// one request, POST https://zoom.us/wc/lsdk, with the token in its form field `zlk`; the answers
// below are the server replies the SDK's bundle maps to its join errors.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { formFields, openPage } from './harness.mjs';

const KEY = 'VideoSdkKeyForHarness01';
const SECRET = 'VideoSdkSecretForHarness2468ace';
const TOPIC = 'Harness-Topic';
const PASSWORD = 'Pa$s1';
const LSDK = 'https://zoom.us/wc/lsdk';
const ARTIFACTS = new URL('../../test-results/', import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

const ANSWERS = {
  invalidSignature: { status: false, errorCode: 124, errorMessage: 'Invalid signature' },
  roleType: { status: false, errorCode: 3000, errorMessage: 'The role type error' },
  // A code the SDK does not know: its join never settles.
  unknownCode: { status: false, errorCode: 999, errorMessage: 'unknown' },
};

/** Answers the join's POST with `json` (and `status`); every other request to Zoom is aborted. */
function answering(json, status = 200) {
  return (request) => (request.method === 'POST' && request.url === LSDK ? { status, json } : null);
}

async function open(json = ANSWERS.invalidSignature, { joinTimeout = 20000, status } = {}) {
  const session = await openPage(`/video/?joinTimeout=${joinTimeout}`, { zoomAnswer: answering(json, status) });
  await session.page.waitForSelector('#join-form button[type=submit]:not([disabled])');
  return session;
}

async function fill(page, { topic = TOPIC, role = '1' } = {}) {
  await page.fill('[name=sdkKey]', KEY);
  await page.fill('[name=sdkSecret]', SECRET);
  await page.fill('[name=topic]', topic);
  await page.selectOption('[name=role]', role);
  await page.fill('[name=userName]', 'Harness Test');
  await page.fill('[name=password]', PASSWORD);
}

const SETTLED = '#join-result[data-outcome=error], #join-result[data-outcome=timeout], #join-result[data-outcome=joined]';

/** Clicks "Check and join" and waits until the page shows how the join ended. */
async function checkAndJoin(page) {
  await page.click('#join-form button[value=join]');
  await page.waitForSelector(SETTLED);
}

function decode(segment) {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

function lsdkPosts(session) {
  return session.zoomRequests.filter((r) => r.method === 'POST' && r.url === LSDK);
}

/** Asserts the secret is nowhere a page could leak it, and nothing left 127.0.0.1 un-intercepted. */
async function assertClean(session) {
  const { page } = session;
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!storage.includes(SECRET), 'the secret is in storage or cookies');
  assert.deepEqual(await page.context().cookies(), []);
  assert.ok(!page.url().includes(SECRET), 'the secret is in the URL');
  assert.ok(!session.consoleMessages.some((m) => m.includes(SECRET)), 'the secret was logged');
  assert.ok(!session.consoleMessages.some((m) => /Content Security Policy/.test(m)), 'the page\'s CSP blocked something');
  assert.deepEqual(session.blocked, [], 'requests to hosts other than 127.0.0.1 and Zoom');
  assert.deepEqual(session.ourErrors(), [], 'console errors from our code');
}

test('the real Video SDK sends the token the page made, with the lowercased topic', async () => {
  const session = await open();
  const { page } = session;
  try {
    await fill(page);
    await checkAndJoin(page);
    const made = await page.inputValue('#token');

    // The one request to Zoom; init fetched its assets from this server, nothing from Zoom's CDN.
    assert.deepEqual(session.zoomRequests.map((r) => `${r.method} ${r.url}`), [`POST ${LSDK}`]);
    assert.ok(session.localRequests.includes('/videosdk/index.umd.js'));
    assert.ok(session.localRequests.includes('/videosdk/lib/js_media.min.js'));
    const fields = formFields(lsdkPosts(session)[0]);
    assert.equal(fields.zlk, made);
    assert.equal(Buffer.from(fields.topic, 'base64url').toString('utf8'), TOPIC.toLowerCase());
    assert.equal(Buffer.from(fields.password, 'base64url').toString('utf8'), PASSWORD);
    assert.equal(fields.userName, 'Harness Test');
    assert.equal(fields.cv, '2.5.0');

    const [header, payload, signature] = made.split('.');
    assert.deepEqual(decode(header), { alg: 'HS256', typ: 'JWT' });
    assert.equal(signature, createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
    const claims = decode(payload);
    assert.deepEqual(Object.keys(claims), ['app_key', 'role_type', 'tpc', 'version', 'iat', 'exp', 'telemetry_tracking_id']);
    assert.equal(claims.app_key, KEY);
    assert.equal(claims.tpc, TOPIC, 'tpc is written as typed');
    assert.equal(claims.role_type, 1);
    assert.equal(claims.version, 1);
    assert.equal(claims.exp - claims.iat, 7200);
    assert.ok(Math.abs(claims.iat - Math.floor(Date.now() / 1000)) < 120, `iat ${claims.iat}`);
    assert.match(claims.telemetry_tracking_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    assert.equal(await page.textContent('#sdk-version'), 'Video SDK 2.5.0, loaded');
    assert.match(await page.textContent('#isolation'), /Cross-origin isolated: yes/);
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('Zoom\'s "Invalid signature" (124) is explained as SESSION_FETCH_INFO_ERROR with the preflight\'s report', async () => {
  const session = await open(ANSWERS.invalidSignature);
  const { page } = session;
  try {
    await fill(page);
    await checkAndJoin(page);
    assert.equal(await page.getAttribute('#join-result', 'data-code'), '200');
    const shown = await page.textContent('#join-result');
    assert.match(shown, /Join failed: 200 SESSION_FETCH_INFO_ERROR/);
    assert.match(shown, /Verify JWT failed/);
    assert.match(await page.textContent('#inspection .facts'), /video-sdk/);
    // Nothing is wrong with the token itself: what remains is what only Zoom sees, the key's type first.
    assert.equal(await page.textContent('#join-result .found-title'), 'Found in the token: nothing');
    const remaining = await page.$$eval('#join-result ol.remaining > li', (items) => items.map((i) => i.dataset.code));
    assert.equal(remaining[0], 'VIDEO_KEY_TYPE', remaining.join(','));
    assert.ok(remaining.includes('KEY_SECRET_PAIR'), remaining.join(','));
    const ruledOut = await page.$$eval('#join-result ul.ruled-out > li', (items) => items.map((i) => i.dataset.code));
    assert.ok(ruledOut.length > 0, 'nothing ruled out');
    assert.ok(!remaining.some((code) => ruledOut.includes(code)));
    await page.screenshot({ path: new URL('video-invalid-signature.png', ARTIFACTS).pathname, fullPage: true });
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('Zoom\'s "The role type error" is explained as 3010 SESSION_ROLE_TYPE_ERROR', async () => {
  const session = await open(ANSWERS.roleType);
  const { page } = session;
  try {
    await fill(page, { role: '0' });
    await checkAndJoin(page);
    assert.equal(decode((await page.inputValue('#token')).split('.')[1]).role_type, 0);
    assert.equal(await page.getAttribute('#join-result', 'data-code'), '3010');
    const shown = await page.textContent('#join-result');
    assert.match(shown, /Join failed: 3010 SESSION_ROLE_TYPE_ERROR/);
    assert.match(shown, /Role type error/);
    assert.equal(await page.textContent('#status'), 'Join failed: see Join below.');
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('"Make and check" makes the token with the optional claims, sends nothing and loads no SDK', async () => {
  const session = await open();
  const { page } = session;
  try {
    await fill(page);
    await page.fill('[name=sessionKey]', 'session-key-1');
    await page.fill('[name=userIdentity]', 'user-42');
    await page.click('#token-options summary');
    await page.selectOption('[name=identityClaim]', 'userKey');
    await page.fill('[name=geoRegions]', 'US, AU');
    await page.selectOption('[name=cloudRecordingOption]', '1');
    await page.selectOption('[name=cloudRecordingTranscriptOption]', '2');
    await page.selectOption('[name=audioWebRtcMode]', '1');
    await page.uncheck('[name=telemetryTrackingId]');
    await page.click('#join-form button[value=check]');
    await page.waitForSelector('#preflight:not([hidden])');
    assert.match(await page.textContent('#status'), /Checked, not joined/);

    const claims = decode((await page.inputValue('#token')).split('.')[1]);
    assert.deepEqual(Object.keys(claims), ['app_key', 'role_type', 'tpc', 'version', 'iat', 'exp', 'user_key', 'session_key',
      'geo_regions', 'cloud_recording_option', 'cloud_recording_transcript_option', 'audio_webrtc_mode']);
    assert.equal(claims.user_key, 'user-42');
    assert.equal(claims.session_key, 'session-key-1');
    assert.equal(claims.geo_regions, 'US,AU');
    assert.equal(claims.cloud_recording_option, 1);
    assert.equal(claims.cloud_recording_transcript_option, 2);
    assert.equal(claims.audio_webrtc_mode, 1);

    assert.equal(await page.getAttribute('#inspection', 'data-ok'), 'true');
    assert.equal(await page.textContent('#inspection .signature-status'), 'matches the secret');
    assert.equal(await page.getAttribute('#inspection ol.remaining > li.first', 'data-code'), 'VIDEO_KEY_TYPE');
    assert.equal(await page.isHidden('#join'), true);
    await page.waitForTimeout(500);
    assert.deepEqual(session.zoomRequests, []);
    assert.equal(await page.evaluate(() => typeof window.WebVideoSDK), 'undefined', 'the SDK was loaded');
    assert.ok(!session.localRequests.some((path) => path.startsWith('/videosdk/')), session.localRequests.join(','));
    assert.equal(await page.textContent('#sdk-version'), 'Video SDK 2.5.0');
    await assertClean(session);
  } finally {
    await session.close();
  }
});

for (const [what, change, code, name] of [
  ['a 201-character topic', (page) => page.fill('[name=topic]', 't'.repeat(201)), 'INVALID_TOPIC', 'topic'],
  ['a geo region Zoom does not have (a folded option)', async (page) => {
    await page.click('#token-options summary');
    await page.fill('[name=geoRegions]', 'US,XX');
    await page.click('#token-options summary');
  }, 'INVALID_GEO_REGIONS', 'geoRegions'],
]) {
  test(`${what} is refused and its field marked before any request to Zoom`, async () => {
    const session = await open();
    const { page } = session;
    try {
      await fill(page);
      await change(page);
      await page.click('#join-form button[value=join]');
      await page.waitForSelector('#error:not([hidden])');
      assert.equal(await page.textContent('#error-code'), code);
      assert.equal(await page.getAttribute(`[name=${name}]`, 'aria-invalid'), 'true');
      assert.equal(await page.isVisible(`[name=${name}]`), true, 'the marked field is folded away');
      assert.equal(await page.isHidden('#preflight'), true, 'a token was made');
      assert.equal(await page.isHidden('#join'), true);
      await page.waitForTimeout(500);
      assert.deepEqual(session.zoomRequests, []);
      assert.equal(await page.evaluate(() => typeof window.WebVideoSDK), 'undefined', 'the SDK was loaded');
      await assertClean(session);
    } finally {
      await session.close();
    }
  });
}

test('only non-secret fields are remembered; the secret typed as the key is refused and kept nowhere', async () => {
  const session = await open();
  const { page } = session;
  try {
    await fill(page);
    await page.fill('[name=sessionKey]', 'session-key-1');
    await page.click('#join-form button[value=check]');
    await page.waitForSelector('#preflight:not([hidden])');
    const remembered = JSON.parse(await page.evaluate(() => localStorage.getItem('zoomsig-video-harness')));
    assert.equal(remembered.sdkKey, KEY);
    assert.equal(remembered.topic, TOPIC);
    for (const kept of ['sdkSecret', 'sessionKey', 'password', 'joinAnyway']) assert.ok(!(kept in remembered), `${kept} is remembered`);
    await page.reload();
    await page.waitForSelector('#join-form button[type=submit]:not([disabled])');
    assert.equal(await page.inputValue('[name=sdkKey]'), KEY);
    assert.equal(await page.inputValue('[name=topic]'), TOPIC);
    assert.equal(await page.inputValue('[name=sdkSecret]'), '');
    assert.equal(await page.inputValue('[name=sessionKey]'), '');

    await fill(page);
    await page.fill('[name=sdkKey]', SECRET);
    await page.click('#join-form button[value=join]');
    await page.waitForSelector('#error:not([hidden])');
    assert.equal(await page.textContent('#error-code'), 'SECRET_AS_KEY');
    assert.ok(!(await page.textContent('#error')).includes(SECRET), 'the error shows the secret');
    assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('zoomsig-video-harness'))).sdkKey, '');
    assert.deepEqual(session.zoomRequests, []);
    await assertClean(session);
    // Zoom's SDK was never loaded here, so no console error at all is allowed.
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});

for (const [what, hang] of [
  // Left unanswered, the SDK itself gives up after 30 s (connection error); the page's timeout is shorter here.
  ['Zoom does not answer', (page) => page.route(LSDK, () => {})],
  ['Zoom answers a code the SDK does not know', () => {}],
]) {
  test(`when ${what}, the join times out with a message`, async () => {
    const session = await open(ANSWERS.unknownCode, { joinTimeout: 3000 });
    const { page } = session;
    try {
      await hang(page);
      await fill(page);
      const requests = [];
      page.on('request', (request) => request.url() === LSDK && requests.push(request.method()));
      await checkAndJoin(page);
      assert.equal(await page.getAttribute('#join-result', 'data-outcome'), 'timeout');
      assert.match(await page.textContent('#join-result'), /No answer from the Zoom SDK after 3 s\.The Video SDK did not settle its join/);
      assert.deepEqual(requests, ['POST']);
      assert.equal(await page.isEnabled('#join-form button[value=join]'), true, 'the page is stuck');
      await assertClean(session);
    } finally {
      await session.close();
    }
  });
}

test('Zoom accepting the token: the SDK goes on to Zoom\'s servers, and a closed session connection ends in the page\'s timeout', async () => {
  // The SDK's next two steps after a successful lsdk answer: a GET to the rwc host it names, then a
  // WebSocket to the rwg host the ping names.
  const accepted = {
    status: true,
    errorCode: 0,
    result: { mid: 'MID1', mn: '9876543210', ts: '1796160000000', auth: 'AUTH1', track_auth: 'TRACK1', tid: 'TID1',
      encryptedRWC: '{"rwc-test.zoom.us":"RWCTOKEN1"}', meetingOptions: '{}', user_identity: '', accountId: 'ACC1' },
  };
  const session = await openPage('/video/?joinTimeout=5000', {
    zoomAnswer: (request) => {
      if (request.method === 'POST' && request.url === LSDK) return { json: accepted };
      if (request.url.startsWith('https://rwc-test.zoom.us/wc/ping/9876543210?')) return { json: { rwg: 'rwg-test.zoom.us', rwcToken: 'RWGTOKEN1' } };
      return null;
    },
  });
  const { page } = session;
  // Playwright's stand-in replaces the page's WebSocket, so this connection never reaches the CSP
  // or the network; the server closes it at once.
  const sockets = [];
  await page.context().routeWebSocket(/.*/, (socket) => {
    sockets.push(socket.url());
    socket.close({ code: 4000, reason: 'offline test' });
  });
  try {
    await page.waitForSelector('#join-form button[type=submit]:not([disabled])');
    await fill(page);
    await checkAndJoin(page);
    assert.deepEqual(session.zoomRequests.map((r) => `${r.method} ${new URL(r.url).origin}${new URL(r.url).pathname}`),
      [`POST ${LSDK}`, 'GET https://rwc-test.zoom.us/wc/ping/9876543210']);
    assert.equal(sockets.length, 1);
    assert.match(sockets[0], /^wss:\/\/rwg-test\.zoom\.us\/instantsdk\/9876543210\?/);
    assert.ok(!sockets[0].includes(await page.inputValue('#token')), 'the token is in the WebSocket URL');
    assert.equal(await page.getAttribute('#join-result', 'data-outcome'), 'timeout');
    assert.match(await page.textContent('#join-result'), /after Zoom accepted the token/);
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('a 5xx from Zoom: the CSP blocks the SDK\'s JSONP fallback (the token in a URL), and the join fails at once', async () => {
  const session = await open({}, { status: 500 });
  const { page } = session;
  try {
    await fill(page);
    const started = Date.now();
    await checkAndJoin(page);
    assert.ok(Date.now() - started < 15000, 'the join waited for a timeout');
    assert.equal(await page.getAttribute('#join-result', 'data-outcome'), 'error');
    assert.match(await page.textContent('#join-result .raw'), /connection error/);
    // Only the POST was sent: the fallback GET (with zlk=<token> in its URL) was refused by the page.
    assert.deepEqual(session.zoomRequests.map((r) => r.method), ['POST']);
    const refused = session.consoleMessages.filter((m) => /Content Security Policy/.test(m));
    assert.equal(refused.length, 1, refused.join('\n'));
    assert.match(refused[0], /^Loading the script 'https:\/\/zoom\.us\/wc\/lsdk\?.*zlk=.*violates .*script-src/);
    assert.deepEqual(session.ourErrors(), ['Failed to load resource: the server responded with a status of 500 (Internal Server Error)']);
    assert.ok(!session.consoleMessages.some((m) => m.includes(SECRET)), 'the secret was logged');
  } finally {
    await session.close();
  }
});

test('when the package is missing, the page says so instead of "Loading..."', async () => {
  const session = await openPage('/video/', { missing: [/^\/pkg\/zoomsig\.js$/] });
  try {
    await session.page.waitForFunction(() => /did not load/.test(document.getElementById('status').textContent));
    assert.match(await session.page.textContent('#status'), /zoomsig did not load: \/pkg\/zoomsig\.js could not be imported.*make serve/);
    assert.equal(await session.page.isDisabled('#join-form button[value=join]'), true);
  } finally {
    await session.close();
  }
});

test('served from a host other than localhost, the page warns and asks before taking a secret', async () => {
  const session = await openPage('/video/', { host: '127.0.0.2' });
  const { page } = session;
  try {
    await page.waitForSelector('#remote-warning:not([hidden])');
    assert.equal(await page.isDisabled('[name=sdkSecret]'), true);
    page.once('dialog', (dialog) => dialog.accept());
    await page.click('#accept-remote');
    assert.equal(await page.isDisabled('[name=sdkSecret]'), false);
    assert.equal(await page.isHidden('#remote-warning'), true);
  } finally {
    await session.close();
  }
});

test('the Meeting SDK page and the Video SDK page link to each other', async () => {
  const session = await openPage('/');
  const { page } = session;
  try {
    await page.click('header a:text("Video SDK page")');
    await page.waitForURL(/\/video\/$/);
    assert.match(await page.textContent('h1'), /Video SDK/);
    await page.click('header a:text("Meeting SDK page")');
    await page.waitForURL((url) => url.pathname === '/');
  } finally {
    await session.close();
  }
});
