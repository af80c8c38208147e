// Writes tests/data/diagnosis-cases.json: tokens built here, independently of zoomsig (Node's
// crypto and the real jsrsasign), for the doctor's differential diagnosis. The founding story (a
// JWT app's key and secret, signed in the page with jsrsasign the seed's way, for Web SDK 2.9.7),
// then for each cause of 3712 a token that has exactly that cause, and a clean token.
// Run: node scripts/make-diagnosis-cases.mjs
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import jsrsasign from 'jsrsasign';

const NOW = 1764201600;
const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'fakeClientSecretForTesting0123456';
const MEETING = '85746065432';
const IAT = NOW - 30;
const HEADER = JSON.stringify({ alg: 'HS256', typ: 'JWT' });
const b64u = (text) => Buffer.from(text, 'utf8').toString('base64url');

function payload(changes = {}) {
  const out = { appKey: KEY, sdkKey: KEY, mn: MEETING, role: 0, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200, ...changes };
  for (const [name, value] of Object.entries(out)) if (value === undefined) delete out[name];
  return JSON.stringify(out);
}

function sign(headerText, payloadText, key = SECRET, { alg = 'sha256', encode = b64u } = {}) {
  const input = `${encode(headerText)}.${encode(payloadText)}`;
  return `${input}.${createHmac(alg, key).update(input).digest('base64url')}`;
}

// A payload whose base64 needs padding: the meeting number shortened (11 to 9 digits) until its
// length makes some; the case's context joins that meeting.
function paddedPayload() {
  for (let digits = MEETING.length; digits >= 9; digits -= 1) {
    const mn = MEETING.slice(0, digits);
    const text = payload({ mn });
    if (Buffer.from(text).toString('base64').endsWith('=')) return { text, mn };
  }
  throw new Error('no meeting number of 9 to 11 digits gives a padded payload');
}
const padding = paddedPayload();

const context = { sdkSecret: SECRET, sdkKey: KEY, meetingNumber: MEETING, zak: '', now: NOW };

// The founding story: the seed's payload order, iat a minute back, signed in the page.
const story = { sdkKey: KEY, mn: MEETING, role: 0, iat: NOW - 60, exp: NOW - 60 + 7200, appKey: KEY, tokenExp: NOW - 60 + 7200 };
const foundingStory = {
  token: jsrsasign.KJUR.jws.JWS.sign('HS256', HEADER, JSON.stringify(story), SECRET),
  context: { sdkSecret: SECRET, sdkKey: KEY, meetingNumber: MEETING, sdkVersion: '2.9.7', now: NOW },
};

const padded = (text) => Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
const HEX_SECRET = '0123456789abcdef0123456789ABCDEF';
const causes = [
  { cause: 'SECRET_ENCODING', token: jsrsasign.KJUR.jws.JWS.sign('HS256', HEADER, payload(), HEX_SECRET), context: { ...context, sdkSecret: HEX_SECRET } },
  { cause: 'BASE64_FORM', token: sign(HEADER, padding.text, SECRET, { encode: padded }), context: { ...context, meetingNumber: padding.mn } },
  { cause: 'HEADER', token: sign(JSON.stringify({ alg: 'HS384', typ: 'JWT' }), payload(), SECRET, { alg: 'sha384' }), context },
  { cause: 'TIMES', token: sign(HEADER, payload({ exp: IAT + 600, tokenExp: IAT + 600 })), context },
  { cause: 'MEETING_MISMATCH', token: sign(HEADER, payload({ mn: '12345678901' })), context },
  { cause: 'APPKEY_MISSING', token: sign(HEADER, payload({ appKey: undefined })), context },
  { cause: 'KEY_APP_TYPE', token: sign(HEADER, JSON.stringify({ iss: KEY, exp: IAT + 7200 })), context },
  { cause: 'KEY_SECRET_PAIR', token: sign(HEADER, payload(), 'theSecretOfAnotherApp0000000000'), context },
  { cause: 'ROLE_HOST', token: sign(HEADER, payload({ role: 1 })), context },
];

const clean = { token: sign(HEADER, payload()), withSecret: context, withoutSecret: { ...context, sdkSecret: undefined } };

writeFileSync(new URL('../tests/data/diagnosis-cases.json', import.meta.url),
  `${JSON.stringify({ now: NOW, secret: SECRET, foundingStory, causes, clean }, null, 1)}\n`);
console.log(`wrote the founding story, ${causes.length} causes and a clean token`);
