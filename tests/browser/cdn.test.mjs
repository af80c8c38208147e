// The classic-script builds and the CDN-sample pages (www/cdn/) in Debian's Chromium, everything on
// 127.0.0.1. Zoom's hosts are answered by the test (never reached); the real Client View (6.2.0)
// posts the signature zoomsig's KJUR made, and jsrsasign, run here in Node, makes the same one.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import jsrsasign from 'jsrsasign';
import { chromium } from 'playwright-core';
import { STORY_KEY, STORY_RULED_OUT, STORY_SECRET } from './founding-story.mjs';
import { CHROMIUM_ARGS, formFields, openPage } from './harness.mjs';
import { sampleSignature, seededRandom } from '../node/zoom-sample.mjs';

const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'fakeClientSecretForTesting0123456';
const MEETING = '85746065432';
const JSRSASIGN = readFileSync(new URL('../../node_modules/jsrsasign/lib/jsrsasign-all-min.js', import.meta.url), 'utf8');
const CLASSIC = new URL('../../pkg/classic/', import.meta.url);

/** Polls `find` until it gives something, failing after `ms` (the Client View can hang). */
async function eventually(find, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

const segment = (token, i) => Buffer.from(token.split('.')[i], 'base64url').toString('utf8');

test('the CDN pages sign with zoomsig\'s KJUR, the Client View posts exactly what jsrsasign makes, and the founding story\'s 3712 is explained on the page', { timeout: 180_000 }, async () => {
  const zoomAnswer = (request) => (request.url.includes('/api/v1/wc/info')
    ? { json: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } }
    : null);
  const session = await openPage('/cdn/', { zoomAnswer });
  // The founding story's credentials: a JWT app's key and secret, which nothing offline can tell.
  const [KEY, SECRET] = [STORY_KEY, STORY_SECRET];
  try {
    const { page } = session;
    await page.waitForSelector('#join_meeting:not([disabled])', { timeout: 20_000 });
    // One script tag gave the page a KJUR (there was none) and the zoomsig global.
    assert.deepEqual(await page.evaluate(() => [typeof KJUR.jws.JWS.sign, typeof zoomsig.generateSignature, typeof zoomsig.KJUR.jws.JWS.verify, typeof wasm_bindgen]), ['function', 'function', 'function', 'undefined']);

    await page.fill('#sdk_key', KEY);
    await page.fill('#sdk_secret', SECRET);
    await page.fill('#display_name', 'CDN Test Zoë');
    await page.fill('#meeting_number', '857 4606 5432');
    await page.fill('#meeting_pwd', 'pass123');
    const [meeting] = await Promise.all([
      page.context().waitForEvent('page', { timeout: 20_000 }),
      page.click('#join_meeting'),
    ]);
    assert.ok(!meeting.url().includes(SECRET), 'the secret is in the meeting page address');
    // The form page shows its preflight: everything checkable passed, the key's app type first.
    await page.waitForSelector('#preflight:not([hidden]) ol.remaining');
    const preflight = await page.textContent('#preflight');
    assert.doesNotMatch(preflight, /No errors found/);
    assert.match(preflight, /Everything that can be checked offline passed/);
    assert.equal(await page.getAttribute('#preflight ol.remaining > li.first', 'data-code'), 'KEY_APP_TYPE');
    assert.match(await page.textContent('#status'), /check first: KEY_APP_TYPE/);

    const info = await eventually(
      () => session.zoomRequests.find((r) => r.method === 'POST' && r.url.includes('/api/v1/wc/info')),
      90_000,
      'the Client View to POST /api/v1/wc/info',
    );
    const fields = formFields(info);
    // jsrsasign, here in Node, signs the page's header and payload to the same token.
    const [header, payload] = [segment(fields.signature, 0), segment(fields.signature, 1)];
    assert.equal(header, '{"alg":"HS256","typ":"JWT"}');
    assert.equal(fields.signature, jsrsasign.KJUR.jws.JWS.sign('HS256', header, payload, SECRET));
    const claims = JSON.parse(payload);
    assert.deepEqual(Object.keys(claims), ['appKey', 'sdkKey', 'mn', 'role', 'iat', 'exp', 'tokenExp']);
    assert.equal(claims.appKey, KEY);
    assert.equal(claims.mn, MEETING);
    assert.equal(claims.role, 0);
    assert.equal(claims.exp - claims.iat, 7200);
    assert.equal(claims.tokenExp, claims.exp);
    assert.ok(Math.abs(claims.iat + 30 - Date.now() / 1000) < 120, `iat ${claims.iat}`);
    assert.equal(fields.apiKey, KEY);
    assert.equal(fields.meetingNumber, MEETING);

    // The SDK maps the answer to 3712; the page shows it, explained.
    const result = await meeting.waitForSelector('#join_result[data-outcome]', { state: 'attached', timeout: 60_000 });
    assert.equal(await result.getAttribute('data-outcome'), 'error');
    assert.equal(await result.getAttribute('data-error-code'), '3712');
    // zoomsig's explanation is on the page, with the form page's preflight: found, remaining and
    // ruled out, in that order; the badge stays clear of Zoom's dialog.
    await meeting.waitForFunction(() => /Open for why/.test(document.getElementById('join_summary').textContent));
    assert.match(await meeting.textContent('#join_summary'), /^zoomsig: join failed \(3712\); check first KEY_APP_TYPE\. Open for why\.$/);
    await meeting.click('#join_summary');
    assert.match(await meeting.locator('#join_result').innerText(), /Join failed: 3712 INVALID_SIGNATURE/);
    assert.equal(await meeting.textContent('#join_result .found-title'), 'Found in the token: nothing');
    const remaining = await meeting.$$eval('#join_result ol.remaining > li', (items) => items.map((i) => i.dataset.code));
    assert.equal(remaining[0], 'KEY_APP_TYPE');
    assert.ok(remaining.includes('KEY_SECRET_PAIR'));
    const ruledOut = await meeting.$$eval('#join_result ul.ruled-out > li', (items) => items.map((i) => i.dataset.code));
    for (const cause of STORY_RULED_OUT) assert.ok(ruledOut.includes(cause), `${cause} not in ${ruledOut}`);
    const order = await meeting.$$eval('#join_result > *', (nodes) => nodes.map((n) => n.className));
    const at = (name) => order.findIndex((c) => c.split(' ').includes(name));
    assert.ok(at('found-title') < at('remaining') && at('remaining') < at('ruled-out-box'), order.join(','));
    const dialog = await meeting.$eval('.zm-modal button', (button) => {
      let box = button;
      for (let node = button.parentElement; node && node.getBoundingClientRect().width < innerWidth * 0.9; node = node.parentElement) box = node;
      const r = box.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const badge = await meeting.locator('#zoomsig_panel').boundingBox();
    assert.ok(badge.x + badge.width <= dialog.x || badge.y >= dialog.y + dialog.height, `badge ${JSON.stringify(badge)} over dialog ${JSON.stringify(dialog)}`);
    await meeting.screenshot({ path: new URL('../../test-results/cdn-meeting-3712.png', import.meta.url).pathname });

    // Nothing left 127.0.0.1: the only requests to other hosts were Zoom's, answered here.
    assert.deepEqual(session.blocked, [], 'requests to hosts other than 127.0.0.1 and Zoom');
    for (const request of session.zoomRequests) assert.match(request.url, /^https:\/\/zoom\.us\//, request.url);
    assert.deepEqual(session.ourErrors(), [], 'console errors from our code');
    assert.ok(!session.consoleMessages.some((m) => m.includes(SECRET)), 'the secret was logged');
    for (const p of [page, meeting]) {
      const stored = await p.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
      assert.ok(!stored.includes(SECRET), 'the secret is in storage or cookies');
    }
  } finally {
    await session.close();
  }
});

// Random calls that the browser build of jsrsasign and zoomsig both take (no lone surrogates:
// jsrsasign's browser UTF-8 encoder throws on them where its Node one writes U+FFFD, as zoomsig does).
function browserCases(seed, count) {
  const random = seededRandom(seed);
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const text = (n, chars) => Array.from({ length: n }, () => pick(chars)).join('');
  const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
  const HEX = [...'0123456789abcdefABCDEF'];
  const WIDE = [...ALNUM, 'é', 'ß', 'Ω', '会', '議', '😀', '"', '\\', '\n'];
  return Array.from({ length: count }, () => {
    const alg = pick(['HS256', 'HS384', 'HS512']);
    const claims = { appKey: text(22, ALNUM), mn: text(11, [...'0123456789']), role: int(2), iat: 1764201600 + int(1e6), note: text(int(8), WIDE) };
    const header = pick([
      { alg, typ: 'JWT' },
      JSON.stringify({ alg, typ: 'JWT' }),
      '{"typ":"JWT"}',
      '{ "typ" : "JWT" ,}',
      { typ: 'JWT' },
      '{"alg":"HS999"}',
      'not json',
    ]);
    const payload = pick([claims, JSON.stringify(claims), text(int(20), WIDE)]);
    const key = pick([
      text(36, ALNUM),
      text(2 * (1 + int(20)), HEX),
      text(1 + 2 * int(10), HEX),
      text(12, WIDE),
      { utf8: text(12, WIDE) },
      { hex: text(2 * int(10), HEX) },
      { b64u: text(int(30), ALNUM) },
      { rstr: text(10, WIDE) },
    ]);
    return [alg, header, payload, key];
  });
}

test('in the browser, zoomsig.js gives what jsrsasign-all-min.js gives, and leaves the page\'s KJUR alone unless asked', { timeout: 60_000 }, async () => {
  const session = await openPage('/cdn/');
  const { page, origin } = session;
  try {
    const html = (body) => `<!DOCTYPE html><meta charset="utf-8"><body>${body}</body>`;
    await page.route(`${origin}/jsrsasign-all-min.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: JSRSASIGN }));
    await page.route(`${origin}/classic-test.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: html(`<script src="/jsrsasign-all-min.js"></script>
        <script>window.theirs = KJUR;</script>
        <script src="/pkg/classic/zoomsig.js"></script>
        <script>
          try { zoomsig.generateSignature({}); } catch (e) { window.early = e.message; }
        </script>`),
    }));
    await page.goto(`${origin}/classic-test.html`);
    assert.match(await page.evaluate(() => window.early), /before the WebAssembly module loaded; call it after zoomsig\.ready/);
    await page.evaluate(() => zoomsig.ready);
    // jsrsasign's KJUR stays the page's.
    assert.ok(await page.evaluate(() => KJUR === window.theirs && typeof KJUR.crypto.Mac === 'function'));

    const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);
    const cases = browserCases(SEED, 600);
    const { differences, signed } = await page.evaluate((cases) => {
      const run = (fn) => { try { return { token: fn() }; } catch (e) { return { threw: true }; } };
      const copy = (v) => (typeof v === 'object' ? structuredClone(v) : v);
      const warn = console.warn;
      console.warn = () => {};
      const found = [];
      let signed = 0;
      for (const args of cases) {
        const expected = run(() => window.theirs.jws.JWS.sign(...args.map(copy)));
        const actual = run(() => zoomsig.KJUR.jws.JWS.sign(...args.map(copy)));
        if (expected.token !== actual.token || !expected.threw !== !actual.threw) found.push({ args, expected, actual });
        if (expected.token) {
          signed += 1;
          const verified = [window.theirs.jws.JWS.verify(expected.token, copy(args[3])), zoomsig.KJUR.jws.JWS.verify(expected.token, copy(args[3]))];
          if (verified[0] !== true || verified[1] !== true) found.push({ args, verified });
        }
      }
      console.warn = warn;
      return { differences: found, signed };
    }, cases);
    assert.deepEqual(differences, [], `seed ${SEED}`);
    assert.ok(signed > cases.length / 3 && signed < cases.length, `${signed} of ${cases.length} signed`);

    // data-kjur="replace" replaces the page's KJUR (with a copy: zoomsig.KJUR stays zoomsig's).
    await page.route(`${origin}/classic-replace.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: html(`<script>window.KJUR = { mine: true };</script>
        <script src="/pkg/classic/zoomsig.js" data-kjur="replace"></script>`),
    }));
    await page.goto(`${origin}/classic-replace.html`);
    await page.evaluate(() => zoomsig.ready);
    assert.deepEqual(await page.evaluate(() => [KJUR.mine, typeof KJUR.jws.JWS.sign, KJUR === zoomsig.KJUR, KJUR.jws.JWS.sign('HS256', '{}', 'p', 'k') === zoomsig.KJUR.jws.JWS.sign('HS256', '{}', 'p', 'k')]), [undefined, 'function', false, true]);
    assert.deepEqual(session.ourErrors(), []);
    assert.deepEqual(session.blocked, []);
  } finally {
    await session.close();
  }
});

test('zoomsig.inline.js works from file:// and is ready as soon as it has run; zoomsig.js says why it cannot', { timeout: 60_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'zoomsig-classic-'));
  const page = (name, script) => {
    const file = join(folder, name);
    writeFileSync(file, `<!DOCTYPE html><meta charset="utf-8"><body>
      <script src="${new URL(script, CLASSIC).href}"></script>
      <script>
        try { window.atOnce = KJUR.jws.JWS.sign('HS256', '{"alg":"HS256","typ":"JWT"}', '{"mn":"85746065432"}', 'k'); }
        catch (e) { window.atOnce = 'threw: ' + e.message; }
        window.loaded = zoomsig.ready.then(() => 'ready', (e) => 'rejected: ' + e.message);
      </script></body>`);
    return pathToFileURL(file).href;
  };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const sent = [];
    await context.route(/^https?:/, (route) => { sent.push(route.request().url()); return route.abort(); });
    const errors = [];
    context.on('weberror', (error) => errors.push(error.error().message));
    const tab = await context.newPage();

    await tab.goto(page('inline.html', 'zoomsig.inline.js'));
    const expected = jsrsasign.KJUR.jws.JWS.sign('HS256', '{"alg":"HS256","typ":"JWT"}', '{"mn":"85746065432"}', 'k');
    assert.equal(await tab.evaluate(() => window.atOnce), expected);
    assert.equal(await tab.evaluate(() => window.loaded), 'ready');
    assert.equal(await tab.evaluate(() => zoomsig.explainJoinError(3712).code), 3712);

    await tab.goto(page('plain.html', 'zoomsig.js'));
    assert.match(await tab.evaluate(() => window.atOnce), /^threw: zoomsig: KJUR\.jws\.JWS\.sign was called before the WebAssembly module loaded/);
    assert.match(await tab.evaluate(() => window.loaded), /^rejected: zoomsig: could not load file:.*zoomsig_bg\.wasm .*use zoomsig\.inline\.js/);
    assert.deepEqual(sent, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the CDN form page leads with the hex reading of an all-hex secret, and joins nothing', async () => {
  const session = await openPage('/cdn/', { zoomAnswer: () => ({ json: {} }) });
  const { page } = session;
  try {
    await page.waitForSelector('#join_meeting:not([disabled])', { timeout: 20_000 });
    await page.fill('#sdk_key', KEY);
    // jsrsasign (and so KJUR here) reads an all-hex string as hex: the HMAC key is not what Zoom uses.
    await page.fill('#sdk_secret', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
    await page.fill('#meeting_number', MEETING);
    await page.click('#join_meeting');
    await page.waitForSelector('#preflight:not([hidden]) .finding');
    const codes = await page.$$eval('#preflight .finding.error', (items) => items.map((i) => i.dataset.code));
    assert.equal(codes[0], 'SECRET_HEX_DECODED', codes.join(','));
    // The mismatch is still said, but not as a wrong secret: the secret is right.
    assert.match(await page.textContent('#preflight [data-code=SECRET_HEX_DECODED]'), /The secret itself is probably right/);
    assert.doesNotMatch(await page.textContent('#preflight'), /secret of the same app/);
    assert.match(await page.textContent('#status'), /^Not joined: .*SECRET_HEX_DECODED/);
    assert.equal(page.context().pages().length, 1, 'a meeting page was opened');
    assert.deepEqual(session.zoomRequests, []);
  } finally {
    await session.close();
  }
});

test('the CDN form page, served off localhost, warns and asks before taking a secret', async () => {
  const session = await openPage('/cdn/', { host: '127.0.0.2' });
  const { page } = session;
  try {
    await page.waitForSelector('#remote-warning:not([hidden])');
    assert.match(await page.textContent('#remote-warning'), /not on localhost/);
    assert.equal(await page.isDisabled('#sdk_secret'), true);
    assert.equal(await page.getAttribute('#sdk_secret', 'autocomplete'), 'new-password');
    page.once('dialog', (dialog) => dialog.accept());
    await page.click('#accept-remote');
    assert.equal(await page.isDisabled('#sdk_secret'), false);
  } finally {
    await session.close();
  }
});

test('the CDN form page says when zoomsig.js did not load', async () => {
  const session = await openPage('/cdn/', { missing: [/^\/pkg\/classic\/zoomsig\.js$/] });
  try {
    await session.page.waitForFunction(() => /did not load/.test(document.getElementById('status').textContent));
    assert.match(await session.page.textContent('#status'), /\/pkg\/classic\/zoomsig\.js is missing/);
    assert.equal(await session.page.isDisabled('#join_meeting'), true);
  } finally {
    await session.close();
  }
});

// The README's recipe for Zoom's CDN sample as it is today: getSignature's fetch replaced.
test('the CDN sample as it is today, getSignature made by zoomsig: the Client View posts what Zoom\'s endpoint sample would sign', { timeout: 180_000 }, async () => {
  const zoomAnswer = (request) => (request.url.includes('/api/v1/wc/info')
    ? { json: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } }
    : null);
  const session = await openPage('/cdn/today.html', { zoomAnswer });
  try {
    const { page } = session;
    await page.waitForSelector('#join_meeting:not([disabled])', { timeout: 20_000 });
    await page.fill('#sdk_key', KEY);
    await page.fill('#sdk_secret', SECRET);
    await page.fill('#meeting_number', MEETING);
    await page.selectOption('#meeting_role', '1');
    const [meeting] = await Promise.all([
      page.context().waitForEvent('page', { timeout: 20_000 }),
      page.click('#join_meeting'),
    ]);
    const info = await eventually(
      () => session.zoomRequests.find((r) => r.method === 'POST' && r.url.includes('/api/v1/wc/info')),
      90_000,
      'the Client View to POST /api/v1/wc/info',
    );
    const { signature } = formFields(info);
    // The endpoint sample's payload, in its order, for the page's meeting number and role,
    // signed here by the real jsrsasign with the token's own iat.
    const { iat } = JSON.parse(segment(signature, 1));
    assert.equal(signature, sampleSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING, role: 1, iat }));
    assert.ok(Math.abs(iat + 30 - Date.now() / 1000) < 120, `iat ${iat}`);
    // The meeting page explains the refusal even without the form page's preflight.
    const result = await meeting.waitForSelector('#join_result[data-outcome]', { state: 'attached', timeout: 60_000 });
    assert.equal(await result.getAttribute('data-error-code'), '3712');
    assert.deepEqual(session.blocked, []);
    assert.deepEqual(session.ourErrors(), []);
  } finally {
    await session.close();
  }
});

test('the CDN sample as it is today: a wrong meeting number is refused by getSignature with its field, and no tab opens', async () => {
  const session = await openPage('/cdn/today.html');
  try {
    const { page } = session;
    await page.waitForSelector('#join_meeting:not([disabled])', { timeout: 20_000 });
    await page.fill('#sdk_key', KEY);
    await page.fill('#sdk_secret', SECRET);
    await page.fill('#meeting_number', '1234');
    let opened = false;
    page.context().on('page', () => { opened = true; });
    await page.click('#join_meeting');
    await page.waitForFunction(() => /INVALID_MEETING_NUMBER \(meetingNumber\)/.test(document.getElementById('status').textContent));
    assert.equal(opened, false);
    assert.doesNotMatch(await page.textContent('#status'), new RegExp(SECRET));
    assert.deepEqual(session.zoomRequests, []);
  } finally {
    await session.close();
  }
});
