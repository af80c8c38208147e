// The harness's "From your auth endpoint": the page POSTs the meeting's values to an endpoint
// started here (tests/browser/auth-endpoint.mjs, written from the contract of Zoom's
// meetingsdk-auth-endpoint-sample), then preflights and joins with what it answers, with the real
// Zoom Meeting SDK 6.2.0. Zoom's hosts are answered by the test, never reached. The secret is the
// endpoint's alone: the page is never given it.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { startAuthEndpoint } from './auth-endpoint.mjs';
import { formFields, openPage } from './harness.mjs';

const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'EndpointOnlySecret77';
const SETTLED = '#join-result[data-outcome=error], #join-result[data-outcome=timeout], #join-result[data-outcome=joined]';

function answering3712(request) {
  return request.url.includes('/api/v1/wc/info')
    ? { json: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } }
    : null;
}

/** The endpoint and the harness page, with "From your auth endpoint" chosen; both closed after the test. */
async function open(t, { endpointOptions = {}, path = '/?joinTimeout=20000' } = {}) {
  const endpoint = await startAuthEndpoint({ sdkKey: KEY, sdkSecret: SECRET, ...endpointOptions });
  t.after(() => endpoint.close());
  const session = await openPage(path, { zoomAnswer: answering3712 });
  t.after(() => session.close());
  const { page } = session;
  await page.waitForSelector('#join-form button[type=submit]:not([disabled])');
  await page.check('[name=source][value=endpoint]');
  await page.fill('[name=authEndpoint]', endpoint.url);
  await page.fill('[name=meetingNumber]', '857 4606 5432');
  await page.fill('[name=passcode]', 'pass123');
  await page.fill('[name=userName]', 'Endpoint Test');
  return { endpoint, session, page };
}

function posted(endpoint) {
  return endpoint.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body));
}

/** Asserts that no request reached Zoom and that the SDK was never loaded. */
async function assertNothingSentToZoom(session) {
  await session.page.waitForTimeout(500);
  assert.deepEqual(session.zoomRequests, []);
  assert.equal(await session.page.evaluate(() => typeof window.ZoomMtgEmbedded), 'undefined', 'the SDK was loaded');
}

test('a good token from the endpoint is preflighted without the secret and joined as it came', async (t) => {
  const { endpoint, session, page } = await open(t);
  assert.equal(await page.isHidden('[name=sdkSecret]'), true);
  assert.equal(await page.isDisabled('[name=sdkSecret]'), true);
  await page.selectOption('[name=role]', '0');
  await page.click('#join-form button[value=join]');
  await page.waitForSelector(SETTLED);

  // The endpoint got the form's meeting number (as digits) and role, in the sample's shape.
  assert.deepEqual(posted(endpoint), [{ meetingNumber: '85746065432', role: 0, expirationSeconds: 7200 }]);
  const [issued] = endpoint.issued;
  assert.equal(await page.inputValue('#token'), issued);

  // The preflight: nothing wrong, the HMAC left to Zoom and said so plainly, the key's app type first.
  assert.equal(await page.getAttribute('#inspection', 'data-ok'), 'true');
  assert.equal(await page.textContent('#inspection .signature-status'), 'not checked (no secret given)');
  assert.equal(await page.$$eval('#inspection .finding.error', (items) => items.length), 0);
  assert.equal(await page.getAttribute('#inspection ol.remaining > li.first', 'data-code'), 'KEY_APP_TYPE');
  const source = await page.textContent('#signature-source');
  assert.match(source, new RegExp(`From your auth endpoint, ${endpoint.url}\\. It returned the sdkKey ${KEY}\\.`));
  assert.match(source, /the HMAC is not checked here \("not checked" below is expected, not a fault\)/);

  // The SDK sent Zoom exactly the endpoint's token.
  const posts = session.zoomRequests.filter((r) => r.url === 'https://zoom.us/api/v1/wc/info');
  assert.equal(posts.length, 1);
  const fields = formFields(posts[0]);
  assert.equal(fields.signature, issued);
  assert.equal(fields.apiKey, KEY);
  assert.equal(fields.meetingNumber, '85746065432');
  assert.equal(await page.getAttribute('#join-result', 'data-code'), '3712');

  // The page never held the secret: its field stayed empty, and it is nowhere the page could keep it.
  assert.equal(await page.inputValue('[name=sdkSecret]'), '');
  const kept = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage })
    + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!kept.includes(SECRET));
  assert.ok(!session.consoleMessages.some((m) => m.includes(SECRET)));
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('zoomsig-harness'))).authEndpoint, endpoint.url);
  assert.deepEqual(session.blocked, []);
  assert.deepEqual(session.ourErrors(), []);
});

test('a 400 from the endpoint shows its errors as they are and sends nothing to Zoom', async (t) => {
  const { endpoint, session, page } = await open(t);
  await page.fill('[name=expirationSeconds]', '60');
  await page.click('#join-form button[value=join]');
  await page.waitForSelector('#error:not([hidden])');
  assert.deepEqual(posted(endpoint), [{ meetingNumber: '85746065432', role: 0, expirationSeconds: 60 }]);
  assert.equal(await page.textContent('#error-code'), 'ENDPOINT_REFUSED');
  assert.equal(await page.textContent('#error-message'), 'Your endpoint refused the request (HTTP 400):');
  assert.deepEqual(await page.$$eval('#error-details li', (items) => items.map((i) => i.textContent)),
    ['expirationSeconds: Value must in between 1800 and 172800']);
  assert.equal(await page.getAttribute('[name=expirationSeconds]', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#status'), /No signature/);
  assert.equal(await page.isHidden('#preflight'), true);
  await assertNothingSentToZoom(session);
  // The browser's own report of the 400, and nothing else.
  assert.deepEqual(session.ourErrors(), ['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});

for (const [fault, finding] of [['exp-too-far', 'EXP_TOO_LONG'], ['another-meeting', 'MN_MISMATCH'], ['iat-in-milliseconds', 'TIME_IN_MILLISECONDS']]) {
  test(`a token with a fault (${fault}) is named by the preflight and stopped before any request to Zoom`, async (t) => {
    const { endpoint, session, page } = await open(t);
    endpoint.fault = fault;
    await page.click('#join-form button[value=join]');
    await page.waitForSelector('#preflight:not([hidden])');
    assert.equal(await page.inputValue('#token'), endpoint.issued[0]);
    assert.match(await page.textContent('#status'), /Join blocked/);
    const codes = await page.$$eval('#inspection .finding.error', (items) => items.map((i) => i.dataset.code));
    assert.ok(codes.includes(finding), `${finding} not in ${codes}`);
    assert.equal(await page.isHidden('#join'), true);
    await assertNothingSentToZoom(session);
    assert.deepEqual(session.ourErrors(), []);
  });
}

function listening(server) {
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server.address().port)));
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort() {
  const server = createServer();
  const port = await listening(server);
  await new Promise((closed) => server.close(closed));
  return port;
}

/** A server on 127.0.0.1 that takes connections and never answers; closed after the test. */
async function silentPort(t) {
  const sockets = new Set();
  const server = createServer((socket) => sockets.add(socket));
  const port = await listening(server);
  t.after(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((closed) => server.close(closed));
  });
  return port;
}

test('an endpoint that cannot be reached, allows no CORS, is not allowed by the policy or does not answer gets a clear message', async (t) => {
  const { endpoint, session, page } = await open(t, { endpointOptions: { cors: false }, path: '/?endpointTimeout=1500' });
  const origin = session.origin;
  const attempt = async (url, code = 'ENDPOINT_UNREACHABLE') => {
    await page.fill('[name=authEndpoint]', url);
    await page.click('#join-form button[value=check]');
    await page.waitForFunction((text) => document.getElementById('error-message').textContent.includes(text), url);
    assert.equal(await page.textContent('#error-code'), code);
    assert.equal(await page.getAttribute('[name=authEndpoint]', 'aria-invalid'), 'true');
    return page.textContent('#error-message');
  };

  const closed = `http://127.0.0.1:${await closedPort()}/`;
  const unreachable = await attempt(closed);
  assert.match(unreachable, /nothing answered there, or the endpoint does not allow CORS from this page's origin/);
  assert.ok(unreachable.includes(`(${origin})`) && unreachable.includes('as Zoom\'s sample does with cors()'), unreachable);
  assert.doesNotMatch(unreachable, /ENDPOINT_ORIGIN/);

  // Playwright's routing answers CORS preflights itself, so here the POST arrives, but the browser
  // keeps its answer from the page (no Access-Control-Allow-Origin), as it would the preflight's.
  await attempt(endpoint.url);
  assert.equal(endpoint.issued.length, 1);

  // Off this machine, the page's policy must allow the origin: the message says how.
  const elsewhere = await attempt('http://auth.example.test:4000/');
  assert.match(elsewhere, /start it with ENDPOINT_ORIGIN=http:\/\/auth\.example\.test:4000 make serve/);

  const silent = `http://127.0.0.1:${await silentPort(t)}/`;
  assert.equal(await attempt(silent, 'ENDPOINT_TIMEOUT'), `No answer from ${silent} after 1.5 s.`);

  // A URL with credentials is refused before any request: the page remembers and shows the URL.
  const issued = endpoint.issued.length;
  await page.fill('[name=authEndpoint]', `http://user:pw-in-url@127.0.0.1:${await closedPort()}/`);
  await page.click('#join-form button[value=check]');
  await page.waitForFunction(() => /user name or password/.test(document.getElementById('error-message').textContent));
  assert.equal(await page.textContent('#error-code'), 'ENDPOINT_URL_INVALID');
  assert.doesNotMatch(await page.textContent('#error-message'), /pw-in-url/);
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('zoomsig-harness') ?? ''), /pw-in-url/);
  assert.equal(endpoint.issued.length, issued);

  assert.equal(await page.isHidden('#preflight'), true);
  await assertNothingSentToZoom(session);
  // The browser reports each refused connection itself; nothing else went wrong.
  const refusals = /^Failed to load resource: net::ERR_(CONNECTION_REFUSED|FAILED)$|blocked by CORS policy|Content Security Policy/;
  assert.ok(session.ourErrors().every((error) => refusals.test(error)), session.ourErrors().join('\n'));
});
