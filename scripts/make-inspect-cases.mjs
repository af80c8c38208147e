// Writes tests/data/inspect-cases.json: tokens built here, independently of zoomsig (Node's crypto
// and the real jsrsasign), each for one problem inspectSignature must find, with the exact set of
// finding codes expected. Run: node scripts/make-inspect-cases.mjs
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import jsrsasign from 'jsrsasign';

const NOW = 1764201600;
const KEY = 'abcdEFGHijklMNOPqrst12';
const SECRET = 'fakeClientSecretForTesting0123456';
const HEX_SECRET = '0123456789abcdef0123456789ABCDEF';
// Valid base64, as a Java developer's secret string is when jjwt decodes it.
const BASE64_SECRET = 'c2VjcmV0LWJ5dGVzLWZvci1qand0';
const IAT = NOW - 30;

const b64u = (text) => Buffer.from(text, 'utf8').toString('base64url');
const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
const mac = (input, key, alg = 'sha256') => createHmac(alg, key).update(input).digest();

const HEADER = JSON.stringify({ alg: 'HS256', typ: 'JWT' });
function payload(changes = {}) {
  const base = { appKey: KEY, sdkKey: KEY, mn: '85746065432', role: 0, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200 };
  const out = { ...base, ...changes };
  for (const [name, value] of Object.entries(out)) if (value === undefined) delete out[name];
  return JSON.stringify(out);
}

// A compact JWS over the exact segment text given.
function sign(headerText, payloadText, key = SECRET, { alg = 'sha256', encode = b64u, encodeMac } = {}) {
  const input = `${encode(headerText)}.${encode(payloadText)}`;
  const signature = mac(input, key, alg);
  return `${input}.${encodeMac ? encodeMac(signature) : signature.toString('base64url')}`;
}

const good = sign(HEADER, payload());

// Zoom's sample signature before March 2022 (meetingsdk-auth-endpoint-sample before bdc3292),
// made with a JWT app's API key and secret, the timestamp in milliseconds back-dated 30 s.
function legacySignature(apiSecret, { apiKey = 'JwtAppApiKey0123456', meetingNumber = '85746065432', role = 0 } = {}) {
  const timestamp = NOW * 1000 - 30000;
  const message = Buffer.from(apiKey + meetingNumber + timestamp + role).toString('base64');
  const hash = createHmac('sha256', apiSecret).update(message).digest('base64');
  return Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64');
}
const context = { sdkSecret: SECRET, now: NOW };
const cases = [];
function add(name, token, expect, extraContext = {}) {
  cases.push({ name, token, context: { ...context, ...extraContext }, expect: [...new Set(expect)].sort() });
}

// A payload whose standard base64 has `+` or `/` (found by varying a claim the checks ignore).
function payloadWithStandardAlphabet() {
  for (let i = 0; ; i += 1) {
    const text = payload({ mn: '85746065432', note: `x${i}?>~` });
    if (/[+/]/.test(b64(text)) && !b64(text).includes('=')) return text;
  }
}
// A payload whose base64 needs padding.
function paddedPayload() {
  for (let i = 0; ; i += 1) {
    const text = payload({ note: 'p'.repeat(i) });
    if (b64(text).endsWith('=')) return text;
  }
}

add('a good token, checked against everything join will get', good, ['SIGNATURE_VERIFIED'],
  { sdkKey: KEY, meetingNumber: 85746065432, zak: '' });
add('the real jsrsasign, as Zoom\'s sample calls it', jsrsasign.KJUR.jws.JWS.sign('HS256', HEADER, payload({ mn: 85746065432, role: 1, video_webrtc_mode: 1 }), SECRET),
  ['SIGNATURE_VERIFIED'], { meetingNumber: '85746065432', zak: 'a-zak-token' });
add('empty', '', ['TOKEN_EMPTY']);
add('only white space', ' \n\t', ['TOKEN_EMPTY']);
add('far longer than any signature', `${good}.${'A'.repeat(20000)}`, ['TOKEN_TOO_LONG']);
add('the whole endpoint response', JSON.stringify({ signature: good, sdkKey: KEY }), ['TOKEN_NOT_JWT']);
add('two parts', good.split('.').slice(0, 2).join('.'), ['TOKEN_NOT_JWT']);
add('a trailing newline', `${good}\n`, ['TOKEN_NOT_TRIMMED', 'SIGNATURE_VERIFIED']);
add('quoted', `"${good}"`, ['TOKEN_NOT_TRIMMED', 'SIGNATURE_VERIFIED']);
add('padded segments (Java getUrlEncoder)', sign(HEADER, paddedPayload(), SECRET, {
  encode: (t) => Buffer.from(t).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
  encodeMac: (m) => m.toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
}), ['BASE64_PADDING', 'SIGNATURE_VERIFIED', 'UNKNOWN_CLAIM']);
add('standard base64 alphabet', sign(HEADER, payloadWithStandardAlphabet(), SECRET, { encode: b64 }),
  ['BASE64_ALPHABET', 'SIGNATURE_VERIFIED', 'UNKNOWN_CLAIM']);
add('a payload segment that is not base64', `${b64u(HEADER)}.eyJhcHBLZXki*.${'A'.repeat(43)}`,
  ['SEGMENT_NOT_BASE64', 'SIGNATURE_MISMATCH']);
add('a header that is not JSON', sign('hello', payload()), ['HEADER_NOT_JSON']);
add('a payload that is not JSON', sign(HEADER, 'hello world'), ['PAYLOAD_NOT_JSON', 'SIGNATURE_VERIFIED']);
add('a payload that is a JSON array', sign(HEADER, '[1,2]'), ['PAYLOAD_NOT_JSON', 'SIGNATURE_VERIFIED']);
add('HS512 instead of HS256', sign(JSON.stringify({ alg: 'HS512', typ: 'JWT' }), payload(), SECRET, { alg: 'sha512' }),
  ['ALG_NOT_HS256', 'SIGNATURE_VERIFIED']);
add('no typ', sign(JSON.stringify({ alg: 'HS256' }), payload()), ['TYP_NOT_JWT', 'SIGNATURE_VERIFIED']);
add('a Video SDK token for a meeting join', sign(HEADER, JSON.stringify({ app_key: KEY, role_type: 0, tpc: 'session', version: 1, iat: IAT, exp: IAT + 7200 })),
  ['VIDEO_SDK_TOKEN', 'SIGNATURE_VERIFIED'], { meetingNumber: '85746065432' });
add('a JWT app REST API token', sign(HEADER, JSON.stringify({ iss: KEY, exp: IAT + 7200 })),
  ['REST_API_JWT', 'SIGNATURE_VERIFIED']);
add('no key claim', sign(HEADER, payload({ appKey: undefined, sdkKey: undefined })), ['KEY_MISSING', 'SIGNATURE_VERIFIED']);
add('a key that is not a string', sign(HEADER, payload({ appKey: 12345 })), ['KEY_NOT_STRING', 'SIGNATURE_VERIFIED']);
add('only sdkKey (pre-5.0 shape)', sign(HEADER, payload({ appKey: undefined })), ['APPKEY_MISSING', 'SIGNATURE_VERIFIED']);
add('appKey and sdkKey differ', sign(HEADER, payload({ sdkKey: 'otherKeyValue0000000' })), ['KEY_MISMATCH', 'SIGNATURE_VERIFIED']);
add('the secret typed as the key', sign(HEADER, payload({ appKey: SECRET, sdkKey: SECRET })),
  ['SECRET_IN_TOKEN', 'SIGNATURE_VERIFIED']);
add('another app\'s key', good, ['KEY_NOT_EXPECTED', 'SIGNATURE_VERIFIED'], { sdkKey: 'otherKeyValue0000000' });
add('no mn', sign(HEADER, payload({ mn: undefined })), ['MN_MISSING', 'SIGNATURE_VERIFIED']);
add('mn with spaces', sign(HEADER, payload({ mn: '857 4606 5432' })), ['MN_NOT_DIGITS', 'SIGNATURE_VERIFIED']);
add('mn cut short by the sample\'s regex', sign(HEADER, payload({ mn: 8574606 })), ['MN_LENGTH', 'SIGNATURE_VERIFIED']);
add('mn of another meeting', good, ['MN_MISMATCH', 'SIGNATURE_VERIFIED'], { meetingNumber: '12345678901' });
add('no role', sign(HEADER, payload({ role: undefined })), ['ROLE_MISSING', 'SIGNATURE_VERIFIED']);
add('role 2', sign(HEADER, payload({ role: 2 })), ['ROLE_INVALID', 'SIGNATURE_VERIFIED']);
add('role as a string', sign(HEADER, payload({ role: '1' })), ['ROLE_INVALID', 'SIGNATURE_VERIFIED']);
add('host without a ZAK', sign(HEADER, payload({ role: 1 })), ['ROLE_HOST_WITHOUT_ZAK', 'SIGNATURE_VERIFIED'], { zak: '' });
add('no iat', sign(HEADER, payload({ iat: undefined })), ['IAT_MISSING', 'SIGNATURE_VERIFIED']);
add('no exp', sign(HEADER, payload({ exp: undefined })), ['EXP_MISSING', 'SIGNATURE_VERIFIED']);
add('iat as a string', sign(HEADER, payload({ iat: String(IAT) })), ['TIME_NOT_INTEGER', 'SIGNATURE_VERIFIED']);
add('exp with a fraction', sign(HEADER, payload({ exp: IAT + 7200.5 })), ['TIME_NOT_INTEGER', 'SIGNATURE_VERIFIED']);
add('times in milliseconds', sign(HEADER, payload({ iat: IAT * 1000, exp: (IAT + 7200) * 1000, tokenExp: (IAT + 7200) * 1000 })),
  ['TIME_IN_MILLISECONDS', 'SIGNATURE_VERIFIED']);
add('iat ten minutes ahead', sign(HEADER, payload({ iat: NOW + 600, exp: NOW + 600 + 7200, tokenExp: NOW + 600 + 7200 })),
  ['IAT_IN_FUTURE', 'SIGNATURE_VERIFIED']);
add('expired', sign(HEADER, payload({ iat: NOW - 8000, exp: NOW - 800, tokenExp: NOW - 800 })), ['EXPIRED', 'SIGNATURE_VERIFIED']);
add('expires in 200 s', sign(HEADER, payload({ iat: NOW - 7000, exp: NOW + 200, tokenExp: NOW + 200 })), ['EXPIRES_SOON', 'SIGNATURE_VERIFIED']);
add('exp 10 minutes after iat', sign(HEADER, payload({ exp: IAT + 600, tokenExp: IAT + 1800 })), ['EXP_TOO_SHORT', 'SIGNATURE_VERIFIED']);
add('exp 3 days after iat', sign(HEADER, payload({ exp: IAT + 259200, tokenExp: IAT + 259200 })), ['EXP_TOO_LONG', 'SIGNATURE_VERIFIED']);
add('no tokenExp', sign(HEADER, payload({ tokenExp: undefined })), ['TOKEN_EXP_MISSING', 'SIGNATURE_VERIFIED']);
add('tokenExp 100 s after iat', sign(HEADER, payload({ tokenExp: IAT + 100 })), ['TOKEN_EXP_TOO_SHORT', 'SIGNATURE_VERIFIED']);
add('video_webrtc_mode 2', sign(HEADER, payload({ video_webrtc_mode: 2 })), ['WEBRTC_MODE_INVALID', 'SIGNATURE_VERIFIED']);
add('meetingNumber instead of mn', sign(HEADER, payload({ mn: undefined, meetingNumber: '85746065432' })),
  ['MN_MISSING', 'UNKNOWN_CLAIM', 'SIGNATURE_VERIFIED']);
add('an extra claim', sign(HEADER, payload({ userEmail: 'a@example.com' })), ['UNKNOWN_CLAIM', 'SIGNATURE_VERIFIED']);
add('not signed', `${b64u(HEADER)}.${b64u(payload())}.`, ['SIGNATURE_EMPTY']);
add('another app\'s secret', sign(HEADER, payload(), 'someOtherAppsSecret000'), ['SIGNATURE_MISMATCH']);
add('key and secret swapped', sign(HEADER, payload(), KEY), ['SIGNATURE_MISMATCH', 'SECRET_IS_KEY']);
add('an all-hex secret through jsrsasign', jsrsasign.KJUR.jws.JWS.sign('HS256', HEADER, payload(), HEX_SECRET),
  ['SIGNATURE_MISMATCH', 'SECRET_HEX_DECODED'], { sdkSecret: HEX_SECRET });
add('a secret read with its trailing newline', sign(HEADER, payload(), `${SECRET}\n`), ['SIGNATURE_MISMATCH', 'SECRET_WHITESPACE']);
add('a misspelled context member', good, ['CONTEXT_INVALID', 'SIGNATURE_VERIFIED'], { meetingnumber: '85746065432' });
add('an Authorization header value', `Bearer ${good}`, ['TOKEN_NOT_TRIMMED', 'SIGNATURE_VERIFIED']);
add('a non-ASCII secret through jsrsasign (one byte per character)',
  jsrsasign.KJUR.jws.JWS.sign('HS256', HEADER, payload(), 'Zoë-sécret-€-value'), ['SIGNATURE_MISMATCH', 'SECRET_LOW_BYTES'],
  { sdkSecret: 'Zoë-sécret-€-value' });
add('a secret decoded as base64 (jjwt signWith(HS256, String))',
  sign(HEADER, payload(), Buffer.from(BASE64_SECRET, 'base64')), ['SIGNATURE_MISMATCH', 'SECRET_BASE64_DECODED'],
  { sdkSecret: BASE64_SECRET });
add('Zoom\'s signature before Web SDK 2.3, with its JWT app secret', legacySignature(SECRET), ['LEGACY_WEB_SIGNATURE', 'SIGNATURE_VERIFIED']);
add('Zoom\'s signature before Web SDK 2.3, another secret', legacySignature('anotherJwtAppSecret'), ['LEGACY_WEB_SIGNATURE', 'SIGNATURE_MISMATCH']);
add('Zoom\'s signature before Web SDK 2.3, no secret', legacySignature(SECRET), ['LEGACY_WEB_SIGNATURE'], { sdkSecret: undefined });
add('a JWT for Web SDK 2.2.0', good, ['OLD_SDK_VERSION', 'SIGNATURE_VERIFIED'], { sdkVersion: '2.2.0' });
add('Web SDK 2.9.7 also takes sdkKey in join', good, ['JOIN_NEEDS_SDK_KEY', 'SIGNATURE_VERIFIED'], { sdkVersion: '2.9.7' });
add('Web SDK 6.2.0 warns about the sdkKey claim', good, ['SDKKEY_DEPRECATED', 'SIGNATURE_VERIFIED'], { sdkVersion: '6.2.0' });
add('Web SDK 4.1.0 warns about it too (Zoom\'s Angular sample pins 4.1.0)', good, ['SDKKEY_DEPRECATED', 'SIGNATURE_VERIFIED'], { sdkVersion: '4.1.0' });
add('only sdkKey is fine for Web SDK 4.1.0', sign(HEADER, payload({ appKey: undefined })), ['SIGNATURE_VERIFIED'], { sdkVersion: '4.1.0' });
add('an sdkVersion that is not one', good, ['CONTEXT_INVALID', 'SIGNATURE_VERIFIED'], { sdkVersion: 'v6' });

writeFileSync(new URL('../tests/data/inspect-cases.json', import.meta.url), `${JSON.stringify({ now: NOW, secret: SECRET, cases }, null, 1)}\n`);
console.log(`wrote ${cases.length} cases`);
