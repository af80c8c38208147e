// The harness page as `make serve` serves it, driven in Debian's Chromium with the real Zoom
// Meeting SDK 6.2.0. Zoom's hosts are answered by the test (page routes), never reached; the
// answers imitate Zoom's server replies (the SDK maps them to 3712, 3705, 3706).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
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
    await page.click('#join-form button[type=submit]');
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

test('Client View page: the real SDK POSTs the signature the page made; 3712 is explained', async () => {
  const session = await open(3712);
  const { page } = session;
  try {
    await fillJoin(page, { view: 'client', meetingNumber: 'https://us05web.zoom.us/j/85746065432?pwd=abc' });
    await page.click('#join-form button[type=submit]');
    await page.waitForURL(/client-view\.html$/);
    await page.waitForSelector(SETTLED);
    const posts = session.zoomRequests.filter((r) => r.url === 'https://zoom.us/api/v1/wc/info');
    assert.equal(posts.length, 1);
    const fields = formFields(posts[0]);
    const [header, payload, signature] = fields.signature.split('.');
    assert.equal(signature, createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
    assert.equal(decode(payload).mn, '85746065432');
    assert.equal(fields.apiKey, KEY);
    assert.equal(fields.meetingNumber, '85746065432');
    assert.equal(await page.getAttribute('#join-result', 'data-code'), '3712');
    assert.match(await page.textContent('#join-result'), /INVALID_SIGNATURE/);
    await page.screenshot({ path: new URL('harness-client-3712.png', ARTIFACTS).pathname });
    // The hand-over was read once and removed.
    assert.equal(await page.evaluate(() => sessionStorage.getItem('zoomsig-client-view')), null);
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
      await page.click('#join-form button[type=submit]');
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
      await page.click('#join-form button[type=submit]');
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
    await page.click('#join-form button[type=submit]');
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
    await page.click('#join-form button[type=submit]');
    await page.waitForURL(/client-view\.html$/);
    await page.waitForSelector('#join-result[data-outcome=timeout]', { timeout: 15000 });
    assert.match(await page.textContent('#join-result'), /No answer from the Zoom SDK after 4 s/);
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
    await page.click('#join-form button[type=submit]');
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
    await page.click('#join-form button[type=submit]');
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

test('when the package is missing, the page says so instead of "Loading..."', async () => {
  const session = await openPage('/', { missing: [/^\/pkg\/zoomsig\.js$/] });
  try {
    await session.page.waitForFunction(() => /did not load/.test(document.getElementById('status').textContent));
    assert.match(await session.page.textContent('#status'), /zoomsig did not load: \/pkg\/zoomsig\.js could not be imported.*make serve/);
    assert.equal(await session.page.isDisabled('#join-form button[type=submit]'), true);
  } finally {
    await session.close();
  }
});
