// The page `make serve` serves: fill the form, get a signature, and check it independently
// (Node's HMAC and the claims), with no console error and nothing fetched from off this machine.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openPage } from './harness.mjs';

const SECRET = 'Sup3rSecretValue42';
let session;

before(async () => {
  session = await openPage('/');
  await session.page.waitForSelector('button[type="submit"]:not([disabled])');
});
after(() => session?.close());

function decode(segment) {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

test('the served wasm is the optimised build (wasm-opt stripped its name section)', async () => {
  const served = await session.page.evaluate(async () => {
    const response = await fetch('/pkg/zoomsig_bg.wasm');
    return { type: response.headers.get('content-type'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
  });
  assert.equal(served.type, 'application/wasm');
  const bytes = Buffer.from(served.bytes);
  assert.deepEqual(bytes, readFileSync(new URL('../../pkg/zoomsig_bg.wasm', import.meta.url)));
  assert.equal(bytes.includes(Buffer.from('\u0004name')), false, 'name section still present');
});

test('the form makes a signature that verifies and carries the claims typed', async () => {
  const { page } = session;
  await page.fill('[name=sdkKey]', 'abcdEFGHijklMNOPqrst12');
  await page.fill('[name=sdkSecret]', SECRET);
  await page.fill('[name=meetingNumber]', '85746065432');
  await page.selectOption('[name=role]', '1');
  await page.fill('[name=expirationSeconds]', '3600');
  await page.click('button[type=submit]');
  await page.waitForSelector('#result:not([hidden])');

  const token = await page.inputValue('#token');
  const [header, payload, signature] = token.split('.');
  const expected = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
  assert.equal(signature, expected);
  assert.deepEqual(decode(header), { alg: 'HS256', typ: 'JWT' });
  const claims = decode(payload);
  assert.equal(claims.appKey, 'abcdEFGHijklMNOPqrst12');
  assert.equal(claims.sdkKey, 'abcdEFGHijklMNOPqrst12');
  assert.equal(claims.mn, '85746065432');
  assert.equal(claims.role, 1);
  assert.equal(claims.exp - claims.iat, 3600);
  assert.equal(claims.tokenExp, claims.exp);

  const shown = JSON.parse(await page.textContent('#inspection .payload-json'));
  assert.deepEqual(shown, claims);
  // The page inspected what it made, against the secret and meeting number typed.
  assert.equal(await page.getAttribute('#inspection', 'data-ok'), 'true');
  const codes = await page.$$eval('#inspection .finding', (items) => items.map((i) => i.dataset.code));
  assert.deepEqual(codes, ['SIGNATURE_VERIFIED']);
  assert.match(await page.textContent('#expiry'), /expires .* \(in 0 h 59 min\)/);
});

test('a pasted meeting number is refused with the digits to use, and the field is marked', async () => {
  const { page } = session;
  await page.fill('[name=meetingNumber]', '857 4606 5432');
  await page.click('button[type=submit]');
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.textContent('#error-code'), 'INVALID_MEETING_NUMBER');
  assert.match(await page.textContent('#error-message'), /"85746065432"/);
  assert.equal(await page.getAttribute('[name=meetingNumber]', 'aria-invalid'), 'true');
  assert.equal(await page.isHidden('#result'), true);
});

test('a pasted signature is diagnosed, findings grouped by severity with their fixes', async () => {
  const { page } = session;
  const made = await page.inputValue('#token');
  // Expired, another meeting's number, and signed with the key as the secret: built here with
  // Node's crypto, not by the page.
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({
    appKey: 'abcdEFGHijklMNOPqrst12', sdkKey: 'abcdEFGHijklMNOPqrst12', mn: '85746065432', role: 0,
    iat: 1600000000, exp: 1600007200, tokenExp: 1600007200,
  })).toString('base64url');
  const mac = createHmac('sha256', 'abcdEFGHijklMNOPqrst12').update(`${header}.${payload}`).digest('base64url');
  await page.fill('#check-form [name=token]', `  ${header}.${payload}.${mac}\n`);
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
  assert.ok(made.length > 0);
});

test('no console errors, nothing fetched from outside 127.0.0.1, the secret not in the URL', async () => {
  assert.deepEqual(session.consoleErrors, []);
  assert.deepEqual(session.blocked, []);
  assert.ok(!session.page.url().includes(SECRET));
});
