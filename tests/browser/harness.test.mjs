// The harness page as `make serve` serves it, driven in Debian's Chromium with the real Zoom
// Meeting SDK 6.2.0. Zoom's hosts are answered by the test (page routes), never reached; the
// answers imitate Zoom's server replies (the SDK maps them to 3712, 3705, 3706).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { STORY_KEY, STORY_MEETING, STORY_RULED_OUT, STORY_SECRET, foundingStoryToken } from './founding-story.mjs';
import { formFields, openPage } from './harness.mjs';

const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'Sup3rSecretValue42';
const ARTIFACTS = new URL('../../test-results/', import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

const ZOOM_REPLIES = {
  3712: 'Invalid signature.',
  3705: 'The signature has expired.',
  3706: 'The meeting number is wrong.',
};

function answering(code) {
  return (request) => (request.url.includes('/api/v1/wc/info')
    ? { json: { status: false, errorCode: 200, errorMessage: ZOOM_REPLIES[code] } }
    : null);
}

async function open(code = 3712, options = {}) {
  const session = await openPage('/?joinTimeout=20000', { zoomAnswer: answering(code), ...options });
  await session.page.waitForSelector('#join-form button[type=submit]:not([disabled])');
  return session;
}

async function fillJoin(page, { meetingNumber = '857 4606 5432', view = 'component', role = '0' } = {}) {
  await page.fill('[name=sdkKey]', KEY);
  await page.fill('[name=sdkSecret]', SECRET);
  await page.fill('[name=meetingNumber]', meetingNumber);
  await page.fill('[name=passcode]', 'pass123');
  await page.fill('[name=userName]', 'Harness Test');
  await page.selectOption('[name=role]', role);
  await page.selectOption('[name=view]', view);
}

const SETTLED = '#join-result[data-outcome=error], #join-result[data-outcome=timeout], #join-result[data-outcome=joined]';

function decode(segment) {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

function token(claims, secret = SECRET) {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
}

/** Asserts the secret is nowhere a page could leak it, and nothing left 127.0.0.1 un-intercepted. */
async function assertClean(session) {
  const { page, context } = { page: session.page, context: session.page.context() };
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!storage.includes(SECRET), 'the secret is in storage or cookies');
  assert.deepEqual(await context.cookies(), []);
  assert.ok(!page.url().includes(SECRET), 'the secret is in the URL');
  assert.ok(!session.consoleMessages.some((m) => m.includes(SECRET)), 'the secret was logged');
  assert.deepEqual(session.blocked, [], 'requests to hosts other than 127.0.0.1 and Zoom');
  assert.deepEqual(session.ourErrors(), [], 'console errors from our code');
}

test('the served wasm is the optimised build (wasm-opt stripped its name section)', async () => {
  const session = await open();
  try {
    const served = await session.page.evaluate(async () => {
      const response = await fetch('/pkg/zoomsig_bg.wasm');
      return { type: response.headers.get('content-type'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
    });
    assert.equal(served.type, 'application/wasm');
    const bytes = Buffer.from(served.bytes);
    assert.deepEqual(bytes, readFileSync(new URL('../../pkg/zoomsig_bg.wasm', import.meta.url)));
    assert.equal(bytes.includes(Buffer.from('\u0004name')), false, 'name section still present');
    assert.match(await session.page.textContent('#isolation'), /Cross-origin isolated: yes/);
  } finally {
    await session.close();
  }
});

test('Component View: the real SDK POSTs the signature the page made; 3712 is explained', async () => {
  const session = await open(3712);
  const { page } = session;
  try {
    await fillJoin(page);
    await page.click('#join-form button[value=join]');
    await page.waitForSelector(SETTLED);
    assert.match(await page.textContent('#meeting-note'), /Turned "857 4606 5432" into the meeting number 85746065432/);

    const made = await page.inputValue('#token');
    const [header, payload, signature] = made.split('.');
    assert.equal(signature, createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
    assert.equal(decode(payload).mn, '85746065432');

    const posts = session.zoomRequests.filter((r) => r.url === 'https://zoom.us/api/v1/wc/info');
    assert.equal(posts.length, 1);
    const fields = formFields(posts[0]);
    assert.equal(fields.signature, made);
    assert.equal(fields.apiKey, KEY);
    assert.equal(fields.meetingNumber, '85746065432');
    assert.equal(fields.passWord, 'pass123');

    assert.equal(await page.getAttribute('#join-result', 'data-code'), '3712');
    const shown = await page.textContent('#join-result');
    assert.match(shown, /Join failed: 3712 INVALID_SIGNATURE/);
    assert.match(shown, /Signature is invalid/);
    assert.match(shown, /Usual causes/);
    await page.screenshot({ path: new URL('harness-component-3712.png', ARTIFACTS).pathname, fullPage: true });
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('the founding story\'s token in the check box: no "No errors found", the key\'s app type first', async () => {
  const session = await open();
  const { page } = session;
  try {
    await page.fill('#check-form [name=token]', foundingStoryToken());
    await page.fill('#check-form [name=sdkSecret]', STORY_SECRET);
    await page.fill('#check-form [name=meetingNumber]', STORY_MEETING);
    await page.fill('#check-form [name=sdkKey]', STORY_KEY);
    await page.click('#check-form button[type=submit]');
    await page.waitForSelector('#check-report:not([hidden])');
    const shown = await page.textContent('#check-report');
    assert.doesNotMatch(shown, /No errors found/);
    assert.match(await page.textContent('#check-report .verdict'), /Everything that can be checked offline passed/);
    assert.equal(await page.textContent('#check-report .signature-status'), 'matches the secret');
    const remaining = await page.$$eval('#check-report ol.remaining > li', (items) => items.map((i) => [i.dataset.code, i.className]));
    assert.deepEqual(remaining[0], ['KEY_APP_TYPE', 'cause first']);
    assert.ok(remaining.some(([code]) => code === 'KEY_SECRET_PAIR'), JSON.stringify(remaining));
    assert.match(await page.textContent('#check-report li.first'), /Meeting SDK.*Check: .*App Marketplace/s);
    assert.ok(!shown.includes(STORY_SECRET));
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('after a 3712 for the founding story\'s key, the join shows found, remaining and ruled out, in that order', async () => {
  const session = await open(3712);
  const { page } = session;
  try {
    await fillJoin(page, { meetingNumber: STORY_MEETING });
    await page.fill('[name=sdkKey]', STORY_KEY);
    await page.fill('[name=sdkSecret]', STORY_SECRET);
    await page.click('#join-form button[value=join]');
    await page.waitForSelector(SETTLED);
    assert.equal(await page.getAttribute('#join-result', 'data-code'), '3712');
    assert.equal(await page.textContent('#join-result .found-title'), 'Found in the token: nothing');
    const remaining = await page.$$eval('#join-result ol.remaining > li', (items) => items.map((i) => i.dataset.code));
    assert.equal(remaining[0], 'KEY_APP_TYPE');
    assert.ok(remaining.includes('KEY_SECRET_PAIR'));
    const ruledOut = await page.$$eval('#join-result ul.ruled-out > li', (items) => items.map((i) => i.dataset.code));
    for (const cause of STORY_RULED_OUT) assert.ok(ruledOut.includes(cause), `${cause} not in ${ruledOut}`);
    assert.ok(!remaining.some((code) => ruledOut.includes(code)));
    const order = await page.$$eval('#join-result > *', (nodes) => nodes.map((n) => n.className));
    const at = (name) => order.findIndex((c) => c.split(' ').includes(name));
    assert.ok(at('found-title') < at('remaining') && at('remaining') < at('ruled-out-box'), order.join(','));
    const fixes = await page.$$eval('#join-result ul.fixes > li', (items) => items.map((i) => i.textContent));
    assert.ok(fixes.length > 0 && fixes.every((fix) => !/with zoomsig/.test(fix)), fixes.join('\n'));
    await page.screenshot({ path: new URL('harness-founding-story-3712.png', ARTIFACTS).pathname, fullPage: true });
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('"Make and check" makes and checks the signature and joins nothing', async () => {
  const session = await open();
  const { page } = session;
  try {
    await fillJoin(page, { meetingNumber: '857 4606 5432' });
    await page.check('[name=leaveOutSdkKey]');
    await page.click('#join-form button[value=check]');
    await page.waitForSelector('#preflight:not([hidden])');
    assert.match(await page.textContent('#status'), /Checked, not joined/);
    const [, payload] = (await page.inputValue('#token')).split('.');
    const claims = decode(payload);
    assert.equal(claims.appKey, KEY);
    assert.equal('sdkKey' in claims, false, 'sdkKey was not left out');
    assert.equal(await page.getAttribute('#inspection', 'data-ok'), 'true');
    assert.equal(await page.getAttribute('#inspection ol.remaining > li.first', 'data-code'), 'KEY_APP_TYPE');
    assert.equal(await page.isHidden('#join'), true);
    await page.waitForTimeout(500);
    assert.deepEqual(session.zoomRequests, []);
    assert.equal(await page.evaluate(() => typeof window.ZoomMtgEmbedded), 'undefined', 'the SDK was loaded');
    assert.match(await page.textContent('#sdk-version'), /^Meeting SDK 6\.2\.0$/);
    await assertClean(session);
  } finally {
    await session.close();
  }
});

/** Clicks "Check and join" with the Client View chosen, and returns the tab it opens. */
async function joinInClientViewTab(page) {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.click('#join-form button[value=join]')]);
  await tab.waitForLoadState();
  return tab;
}

test('Client View: joins in a new tab, the form keeps what was typed, 3712 is explained in both', async () => {
  const session = await open(3712);
  const { page } = session;
  try {
    await fillJoin(page, { view: 'client', meetingNumber: 'https://us05web.zoom.us/j/85746065432?pwd=abc' });
    const tab = await joinInClientViewTab(page);
    assert.match(tab.url(), /\/client-view\.html$/);
    await tab.waitForSelector(SETTLED, { state: 'attached' });
    await page.waitForSelector(SETTLED);
    const posts = session.zoomRequests.filter((r) => r.url === 'https://zoom.us/api/v1/wc/info');
    assert.equal(posts.length, 1);
    const fields = formFields(posts[0]);
    const [header, payload, signature] = fields.signature.split('.');
    assert.equal(signature, createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
    assert.equal(decode(payload).mn, '85746065432');
    assert.equal(fields.apiKey, KEY);
    assert.equal(fields.meetingNumber, '85746065432');
    assert.equal(fields.passWord, 'pass123');
    for (const where of [tab, page]) {
      assert.equal(await where.getAttribute('#join-result', 'data-code'), '3712');
      assert.match(await where.textContent('#join-result'), /INVALID_SIGNATURE/);
    }
    // The form page never left: the secret and the passcode are still typed in.
    assert.match(page.url(), /\/\?joinTimeout=/);
    assert.equal(await page.inputValue('[name=sdkSecret]'), SECRET);
    assert.equal(await page.inputValue('[name=passcode]'), 'pass123');
    // The badge in the tab stays clear of Zoom's dialog, closed and opened.
    await tab.waitForSelector('.zm-modal button', { timeout: 10000 });
    const dialog = await tab.$eval('.zm-modal button', (button) => {
      // The dialog's box: the outermost ancestor of its button that does not fill the page.
      let box = button;
      for (let node = button.parentElement; node && node.getBoundingClientRect().width < innerWidth * 0.9; node = node.parentElement) box = node;
      const r = box.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const apart = (a, b) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    assert.ok(dialog.width > 100 && dialog.height > 50, JSON.stringify(dialog));
    assert.ok(apart(await tab.locator('#client-panel').boundingBox(), dialog), 'the closed badge covers Zoom\'s dialog');
    await tab.click('#client-panel summary');
    assert.match(await tab.locator('#join-result').innerText(), /INVALID_SIGNATURE/);
    assert.ok(apart(await tab.locator('#client-panel').boundingBox(), dialog), 'the opened badge covers Zoom\'s dialog');
    await tab.screenshot({ path: new URL('harness-client-3712.png', ARTIFACTS).pathname });
    const tabStorage = await tab.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!tabStorage.includes(SECRET) && !tabStorage.includes('pass123'), 'the hand-over was stored');
    assert.ok(!tab.url().includes(SECRET));
    // Reloading the tab does not join a second time.
    await tab.reload();
    await tab.waitForFunction(() => /joined once already/.test(document.getElementById('client-status').textContent));
    assert.equal(session.zoomRequests.filter((r) => r.url === 'https://zoom.us/api/v1/wc/info').length, 1);
    await assertClean(session);
  } finally {
    await session.close();
  }
});

for (const [code, name] of [[3705, 'SIGNATURE_EXPIRED'], [3706, 'MEETING_NUMBER_WRONG']]) {
  test(`Zoom's "${ZOOM_REPLIES[code]}" is shown as ${code} with its explanation`, async () => {
    const session = await open(code);
    const { page } = session;
    try {
      await fillJoin(page, { meetingNumber: '85746065432' });
      await page.click('#join-form button[value=join]');
      await page.waitForSelector(SETTLED);
      assert.equal(await page.getAttribute('#join-result', 'data-code'), String(code));
      assert.match(await page.textContent('#join-result'), new RegExp(`Join failed: ${code} ${name}`));
      await assertClean(session);
    } finally {
      await session.close();
    }
  });
}

const NOW = () => Math.floor(Date.now() / 1000);
const BLOCKED_CASES = [
  ['a token for another meeting', () => token({ appKey: KEY, sdkKey: KEY, mn: '12345678901', role: 0, iat: NOW() - 30, exp: NOW() + 7170, tokenExp: NOW() + 7170 }), 'MN_MISMATCH'],
  ['an expired token', () => token({ appKey: KEY, sdkKey: KEY, mn: '85746065432', role: 0, iat: NOW() - 9000, exp: NOW() - 1800, tokenExp: NOW() - 1800 }), 'EXPIRED'],
  ['a token with no key', () => token({ mn: '85746065432', role: 0, iat: NOW() - 30, exp: NOW() + 7170, tokenExp: NOW() + 7170 }), 'KEY_MISSING'],
];
for (const [what, make, code] of BLOCKED_CASES) {
  test(`the preflight stops ${what} before any request to Zoom`, async () => {
    const session = await open();
    const { page } = session;
    try {
      await page.check('[name=source][value=paste]');
      await page.fill('[name=pastedSignature]', make());
      await page.fill('[name=meetingNumber]', '85746065432');
      await page.click('#join-form button[value=join]');
      await page.waitForSelector('#preflight:not([hidden])');
      assert.match(await page.textContent('#status'), /Join blocked/);
      const codes = await page.$$eval('#inspection .finding', (items) => items.map((i) => i.dataset.code));
      assert.ok(codes.includes(code), `${code} not in ${codes}`);
      assert.equal(await page.isHidden('#join'), true);
      await page.waitForTimeout(500);
      assert.deepEqual(session.zoomRequests, []);
      assert.equal(await page.evaluate(() => typeof window.ZoomMtgEmbedded), 'undefined', 'the SDK was loaded');
      await assertClean(session);
    } finally {
      await session.close();
    }
  });
}

test('"Join anyway" sends a token the preflight refused, and the result names the related findings', async () => {
  const session = await open(3706);
  const { page } = session;
  try {
    await page.check('[name=source][value=paste]');
    await page.fill('[name=pastedSignature]', BLOCKED_CASES[0][1]());
    await page.fill('[name=meetingNumber]', '85746065432');
    await page.check('[name=joinAnyway]');
    await page.click('#join-form button[value=join]');
    await page.waitForSelector(SETTLED);
    assert.equal(session.zoomRequests.filter((r) => r.url.endsWith('/api/v1/wc/info')).length, 1);
    assert.equal(await page.getAttribute('#join-result', 'data-code'), '3706');
    const related = await page.$$eval('#join-result .finding', (items) => items.map((i) => i.dataset.code));
    assert.ok(related.includes('MN_MISMATCH'), `related findings: ${related}`);
    await page.screenshot({ path: new URL('harness-join-anyway-3706.png', ARTIFACTS).pathname, fullPage: true });
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('the Client View hangs on a token with no key; the harness times out with a message', async () => {
  const session = await openPage('/?joinTimeout=4000', { zoomAnswer: answering(3712) });
  const { page } = session;
  try {
    await page.waitForSelector('#join-form button[type=submit]:not([disabled])');
    await page.check('[name=source][value=paste]');
    await page.fill('[name=pastedSignature]', BLOCKED_CASES[2][1]());
    await page.fill('[name=meetingNumber]', '85746065432');
    await page.selectOption('[name=view]', 'client');
    await page.check('[name=joinAnyway]');
    const tab = await joinInClientViewTab(page);
    await page.waitForSelector('#join-result[data-outcome=timeout]', { timeout: 15000 });
    for (const where of [tab, page]) {
      assert.match(await where.textContent('#join-result'), /No answer from the Zoom SDK after 4 s\.The Client View waits forever/);
    }
    assert.deepEqual(session.zoomRequests, []);
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('a refused input is named before anything is joined, and only non-secret fields are remembered', async () => {
  const session = await open();
  const { page } = session;
  try {
    await fillJoin(page, { meetingNumber: '8574606' });
    await page.click('#join-form button[value=join]');
    await page.waitForSelector('#error:not([hidden])');
    assert.equal(await page.textContent('#error-code'), 'INVALID_MEETING_NUMBER');
    assert.equal(await page.getAttribute('[name=meetingNumber]', 'aria-invalid'), 'true');
    assert.deepEqual(session.zoomRequests, []);
    const remembered = JSON.parse(await page.evaluate(() => localStorage.getItem('zoomsig-harness')));
    assert.equal(remembered.sdkKey, KEY);
    assert.equal(remembered.userName, 'Harness Test');
    assert.deepEqual(Object.keys(remembered).sort(), ['expirationSeconds', 'meetingNumber', 'role', 'sdkKey', 'userEmail', 'userName', 'view']);
    await page.reload();
    await page.waitForSelector('#join-form button[type=submit]:not([disabled])');
    assert.equal(await page.inputValue('[name=sdkKey]'), KEY);
    assert.equal(await page.inputValue('[name=sdkSecret]'), '');
    await assertClean(session);
    // Zoom's SDK was never loaded here, so no console error at all is allowed.
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});

test('a pasted signature is diagnosed in the check box, findings grouped with their fixes', async () => {
  const session = await open();
  const { page } = session;
  try {
    const swapped = token({ appKey: KEY, sdkKey: KEY, mn: '85746065432', role: 0, iat: 1600000000, exp: 1600007200, tokenExp: 1600007200 }, KEY);
    await page.fill('#check-form [name=token]', `  ${swapped}\n`);
    await page.fill('#check-form [name=sdkSecret]', SECRET);
    await page.fill('#check-form [name=meetingNumber]', '12345678901');
    await page.click('#check-form button[type=submit]');
    await page.waitForSelector('#check-report:not([hidden])');
    const codes = await page.$$eval('#check-report .finding', (items) => items.map((i) => i.dataset.code));
    for (const code of ['TOKEN_NOT_TRIMMED', 'MN_MISMATCH', 'EXPIRED', 'SIGNATURE_MISMATCH', 'SECRET_IS_KEY']) {
      assert.ok(codes.includes(code), `${code} missing from ${codes}`);
    }
    assert.equal(await page.getAttribute('#check-report', 'data-ok'), 'false');
    assert.match(await page.textContent('#check-report h4.error'), /Errors: Zoom will refuse this signature/);
    assert.match(await page.textContent('#check-report [data-code=MN_MISMATCH] .fix'), /^Fix: /);
    assert.ok(!(await page.textContent('#check-report')).includes(SECRET));
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('served from a host other than localhost, the page warns and asks before taking a secret', async () => {
  const session = await openPage('/', { host: '127.0.0.2' });
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

test('the secret typed as the key is refused, and remembered nowhere', async () => {
  const session = await open();
  const { page } = session;
  try {
    await fillJoin(page, { meetingNumber: '85746065432' });
    await page.fill('[name=sdkKey]', SECRET);
    await page.click('#join-form button[value=join]');
    await page.waitForSelector('#error:not([hidden])');
    assert.equal(await page.textContent('#error-code'), 'SECRET_AS_KEY');
    assert.ok(!(await page.textContent('#error')).includes(SECRET), 'the error shows the secret');
    assert.equal(await page.isHidden('#preflight'), true, 'a token was made');
    const remembered = JSON.parse(await page.evaluate(() => localStorage.getItem('zoomsig-harness')));
    assert.equal(remembered.sdkKey, '');
    await page.reload();
    await page.waitForSelector('#join-form button[type=submit]:not([disabled])');
    assert.equal(await page.inputValue('[name=sdkKey]'), '');
    assert.deepEqual(session.zoomRequests, []);
    await assertClean(session);
  } finally {
    await session.close();
  }
});

test('the secret pasted into another remembered field is not remembered either', async () => {
  const session = await open();
  const { page } = session;
  try {
    await fillJoin(page, { meetingNumber: '85746065432' });
    await page.fill('[name=userName]', SECRET);
    await page.click('#join-form button[value=check]');
    await page.waitForSelector('#preflight:not([hidden])');
    const stored = await page.evaluate(() => localStorage.getItem('zoomsig-harness'));
    assert.ok(!stored.includes(SECRET), 'the secret is in localStorage');
    assert.equal(JSON.parse(stored).userName, '');
  } finally {
    await session.close();
  }
});

test('when the package is missing, the page says so instead of "Loading..."', async () => {
  const session = await openPage('/', { missing: [/^\/pkg\/zoomsig\.js$/] });
  try {
    await session.page.waitForFunction(() => /did not load/.test(document.getElementById('status').textContent));
    assert.match(await session.page.textContent('#status'), /zoomsig did not load: \/pkg\/zoomsig\.js could not be imported.*make serve/);
    assert.equal(await session.page.isDisabled('#join-form button[value=join]'), true);
  } finally {
    await session.close();
  }
});

test('a Meeting SDK file that does not load is named, nothing reaches Zoom, and the next join loads it', async () => {
  const missing = [/^\/zoom\/zoom-meeting-embedded-ES5\.min\.js$/];
  const session = await open(3712, { missing });
  const { page } = session;
  try {
    await fillJoin(page);
    await page.click('#join-form button[value=join]');
    await page.waitForSelector('#join-result[data-outcome=not-loaded]');
    assert.match(await page.textContent('#join-result'), /The Zoom SDK did not load: http:\/\/127\.0\.0\.1:\d+\/zoom\/zoom-meeting-embedded-ES5\.min\.js could not be loaded/);
    assert.match(await page.textContent('#status'), /Join failed/);
    assert.deepEqual(session.zoomRequests, []);
    assert.equal(await page.locator('script[src$="zoom-meeting-embedded-ES5.min.js"]').count(), 0, 'the failed script tag stayed');

    missing.length = 0;
    await page.click('#join-form button[value=join]');
    await page.waitForSelector('#join-result[data-code="3712"]');
    assert.equal(session.zoomRequests.filter((r) => r.url === 'https://zoom.us/api/v1/wc/info').length, 1);
  } finally {
    await session.close();
  }
});

test('one join at a time: a second click while joining sends nothing more', async () => {
  const session = await open(3712);
  const { page } = session;
  try {
    await fillJoin(page);
    await page.evaluate(() => {
      const button = document.querySelector('#join-form button[value=join]');
      button.click();
      button.click();
    });
    await page.waitForSelector(SETTLED);
    assert.equal(await page.getAttribute('#join-result', 'data-code'), '3712');
    assert.equal(session.zoomRequests.filter((r) => r.url === 'https://zoom.us/api/v1/wc/info').length, 1);
    assert.equal(await page.isDisabled('#join-form button[value=join]'), false, 'the buttons stay disabled after the join');
  } finally {
    await session.close();
  }
});
