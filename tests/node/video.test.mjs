// generateVideoToken (issue 14) against an independent reference (tests/node/video-sample.mjs:
// Zoom's videosdk-auth-endpoint-sample and videosdk-web-sample rebuilt with the real jsrsasign)
// and Node's own HMAC, through the full package and the signer-only module: random option sets
// from a seed (ZOOMSIG_SEED=N replays a run), the random telemetry id, the default clock, every
// refusal of the contract, hostile values, the web sample's KJUR code run with zoomsig's KJUR,
// and inspectSignature on tests/data/video-cases.json (scripts/make-video-cases.mjs).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import jsrsasign from 'jsrsasign';
import * as signer from '../../pkg/signer/zoomsig_signer.js';
import { EXPECTED } from './hostile-reference.mjs';
import { runHostile } from './hostile.mjs';
import zoomsig from './load-package.mjs';
import { GEO_REGIONS, endpointVideoToken, randomVideoOptions, randomWebSampleArguments, webSampleVideoToken } from './video-sample.mjs';
import { seededRandom } from './zoom-sample.mjs';

const signerWasm = signer.initSync({ module: readFileSync(new URL('../../pkg/signer/zoomsig_signer_bg.wasm', import.meta.url)) });
const fullWasm = zoomsig.initSync({ module: readFileSync(new URL('../../pkg/zoomsig_bg.wasm', import.meta.url)) });

const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);
const MODULES = [
  ['the full package', zoomsig, 1500, fullWasm.memory],
  ['the signer-only module', signer, 1000, signerWasm.memory],
];

const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
const shown = (options) => JSON.stringify({ ...options, sdkSecret: '…' });

function verifiesWithNodeCrypto(token, secret) {
  const [header, payload, signature] = token.split('.');
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${header}.${payload}`);
  return mac.digest('base64url') === signature;
}

// ---------------------------------------------------------------- (a) byte identity

for (const [what, module, cases] of MODULES) {
  test(`${what}: byte-identical to the endpoint sample over ${cases} random option sets, HMAC checked by Node (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    const seen = {};
    const count = (shape, yes) => { seen[shape] = (seen[shape] ?? 0) + (yes ? 1 : 0); };
    for (let i = 0; i < cases; i += 1) {
      const options = randomVideoOptions(random);
      const token = module.generateVideoToken(options);
      assert.equal(token, endpointVideoToken(options), `case ${i} (seed ${SEED}): ${shown(options)}`);
      assert.ok(verifiesWithNodeCrypto(token, options.sdkSecret), `case ${i}: HMAC does not verify`);
      assert.equal(token.split('.')[0], 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
      const { topic, geoRegions: geo } = options;
      count('string role', typeof options.role === 'string');
      count('host', Number(options.role) === 1);
      count('string expiration', typeof options.expirationSeconds === 'string');
      count('no expiration', options.expirationSeconds == null);
      count('topic of 200', topic.length === 200);
      count('topic of 1', topic.length === 1);
      count('topic with symbols', /["\\{}<>&]/.test(topic));
      count('topic with non-ASCII', /[^\x00-\x7f]/.test(topic));
      count('topic with an astral character', /[\ud800-\udbff]/.test(topic));
      count('sessionKey', options.sessionKey);
      count('sessionKey of 36', options.sessionKey?.length === 36);
      count('userIdentity', options.userIdentity);
      count('userIdentity of 35', options.userIdentity?.length === 35);
      count('userKey', options.userKey);
      count('userKey of 36', options.userKey?.length === 36);
      count('geo array', Array.isArray(geo) && geo.length > 0);
      count('geo string', typeof geo === 'string' && geo.trim() !== '');
      count('geo with spaces', typeof geo === 'string' && / /.test(geo));
      count('geo empty', geo === '' || (Array.isArray(geo) && geo.length === 0));
      count('cloud option', options.cloudRecordingOption != null);
      count('cloud option as string', typeof options.cloudRecordingOption === 'string');
      count('cloud election', options.cloudRecordingElection != null);
      count('transcript 2', Number(options.cloudRecordingTranscriptOption) === 2);
      count('telemetry id', typeof options.telemetryTrackingId === 'string');
      count('video mode', options.videoWebRtcMode != null);
      count('audio mode as string', typeof options.audioWebRtcMode === 'string');
      count('all-hex secret', /^[0-9a-f]+$/.test(options.sdkSecret));
      count('non-ASCII secret', /[^\x00-\x7f]/.test(options.sdkSecret));
      count('a null member', Object.values(options).includes(null));
      count('an empty string member', Object.values(options).includes(''));
    }
    // The generator really covered every shape.
    // (Each shape has a chance of 2.5 % or more a case: 25 expected in 1000, so 10 is 3 sigma.)
    for (const [shape, n] of Object.entries(seen)) assert.ok(n >= cases / 100, `${shape}: only ${n} of ${cases}`);
  });
}

test('both modules make the same token for the same options', () => {
  const random = seededRandom(SEED + 5);
  for (let i = 0; i < 200; i += 1) {
    const options = randomVideoOptions(random);
    assert.equal(signer.generateVideoToken(options), zoomsig.generateVideoToken(options), `case ${i}`);
  }
});

// ---------------------------------------------------------------- (b) telemetryTrackingId: true

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

for (const [what, module] of MODULES) {
  test(`${what}: telemetryTrackingId true is a fresh lowercase UUID v4 each call, the rest as the sample makes it`, () => {
    const random = seededRandom(SEED + 2);
    const ids = [];
    for (let i = 0; i < 300; i += 1) {
      const options = { ...randomVideoOptions(random), telemetryTrackingId: true };
      const token = module.generateVideoToken(options);
      const id = claimsOf(token).telemetry_tracking_id;
      assert.match(id, UUID_V4, `case ${i}`);
      assert.equal(token, endpointVideoToken({ ...options, telemetryTrackingId: id }), `case ${i}: ${shown(options)}`);
      ids.push(id);
    }
    // The same options twice give two ids.
    const same = { sdkKey: 'abcdEFGHijklMNOPqrst12', sdkSecret: 'Vid30SecretNeverShown42', topic: 't', role: 1, iat: 1764201600, telemetryTrackingId: true };
    assert.notEqual(module.generateVideoToken(same), module.generateVideoToken(same));
    assert.equal(new Set(ids).size, ids.length, 'an id came twice');
    // Every random nibble varies (a counter, a clock or a constant would not), and the variant
    // takes all of 8, 9, a and b.
    const hex = ids.map((id) => id.replace(/-/g, ''));
    for (let position = 0; position < 32; position += 1) {
      const values = new Set(hex.map((h) => h[position]));
      if (position === 12) assert.deepEqual([...values], ['4']);
      else if (position === 16) assert.deepEqual([...values].sort(), ['8', '9', 'a', 'b']);
      else assert.ok(values.size >= 12, `nibble ${position} takes only ${[...values].sort().join('')}`);
    }
  });
}

// ---------------------------------------------------------------- (c) the default clock

for (const [what, module] of MODULES) {
  test(`${what}: without iat the token is the sample token for iat = now - 30 s, exp - iat = 7200 by default`, () => {
    const random = seededRandom(SEED + 3);
    for (let i = 0; i < 100; i += 1) {
      const { iat, ...options } = randomVideoOptions(random);
      if (i % 2 === 0) delete options.expirationSeconds;
      const before = Math.floor(Date.now() / 1000);
      const token = module.generateVideoToken(options);
      const after = Math.floor(Date.now() / 1000);
      const claims = claimsOf(token);
      assert.ok(claims.iat >= before - 30 && claims.iat <= after - 30, `iat ${claims.iat}, now ${before}..${after}`);
      const lifetime = options.expirationSeconds == null ? 7200 : Number(options.expirationSeconds);
      assert.equal(claims.exp - claims.iat, lifetime);
      if (i % 2 === 0) assert.equal(claims.exp - claims.iat, 7200);
      assert.equal(token, endpointVideoToken({ ...options, iat: claims.iat }), `case ${i}: ${shown(options)}`);
    }
  });
}

// ---------------------------------------------------------------- (d) refusals

const SECRET = 'Vid30SecretNeverShown42';
const KEY = 'abcdEFGHijklMNOPqrst12';
const BASE = { sdkKey: KEY, sdkSecret: SECRET, topic: 'Design review', role: 1, iat: 1764201600 };
const without = (name) => { const { [name]: _, ...rest } = BASE; return rest; };

// [options, code, field, what the message must also say]
const REFUSALS = [
  [null, 'INVALID_OPTIONS', 'options'],
  [undefined, 'INVALID_OPTIONS', 'options'],
  ['options', 'INVALID_OPTIONS', 'options'],
  [42, 'INVALID_OPTIONS', 'options'],
  [[BASE], 'INVALID_OPTIONS', 'options'],
  [{ ...BASE, sessionkey: 'k' }, 'UNKNOWN_OPTION', 'sessionkey', /sessionKey/],
  [{ ...BASE, sessionName: 'Design review' }, 'UNKNOWN_OPTION', 'sessionName'],
  [{ ...BASE, meetingNumber: '85746065432' }, 'UNKNOWN_OPTION', 'meetingNumber'],
  [{ ...BASE, audioCompatibleMode: 1 }, 'UNKNOWN_OPTION', 'audioCompatibleMode'],
  [{ ...BASE, user_key: 'u' }, 'UNKNOWN_OPTION', 'user_key', /userKey/],
  [{ ...BASE, secret: SECRET }, 'UNKNOWN_OPTION', 'secret'],
  [without('sdkKey'), 'MISSING_OPTION', 'sdkKey'],
  [without('sdkSecret'), 'MISSING_OPTION', 'sdkSecret'],
  [without('topic'), 'MISSING_OPTION', 'topic'],
  [without('role'), 'MISSING_OPTION', 'role'],
  [{ ...BASE, topic: null }, 'MISSING_OPTION', 'topic'],
  [{ ...BASE, role: undefined }, 'MISSING_OPTION', 'role'],
  [{ ...BASE, userIdentity: 'a', userKey: 'b' }, 'CONFLICTING_OPTIONS', 'userKey', /userIdentity/],
  [{ ...BASE, userIdentity: 'same', userKey: 'same' }, 'CONFLICTING_OPTIONS', 'userKey', /userIdentity/],
  [{ ...BASE, sdkKey: '' }, 'INVALID_KEY', 'sdkKey'],
  [{ ...BASE, sdkKey: ` ${KEY}\n` }, 'INVALID_KEY', 'sdkKey'],
  [{ ...BASE, sdkKey: 12345 }, 'INVALID_KEY', 'sdkKey'],
  [{ ...BASE, sdkSecret: '' }, 'EMPTY_SECRET', 'sdkSecret'],
  [{ ...BASE, sdkSecret: `${SECRET}\n` }, 'INVALID_SECRET', 'sdkSecret'],
  [{ ...BASE, sdkSecret: 12345 }, 'INVALID_SECRET', 'sdkSecret'],
  [{ ...BASE, sdkKey: SECRET }, 'SECRET_AS_KEY', 'sdkKey'],
  [{ ...BASE, topic: '' }, 'INVALID_TOPIC', 'topic'],
  [{ ...BASE, topic: 'x'.repeat(201) }, 'INVALID_TOPIC', 'topic', /200/],
  [{ ...BASE, topic: '😀'.repeat(101) }, 'INVALID_TOPIC', 'topic', /200/],
  [{ ...BASE, topic: 5 }, 'INVALID_TOPIC', 'topic'],
  [{ ...BASE, topic: SECRET.repeat(10) }, 'INVALID_TOPIC', 'topic'],
  [{ ...BASE, role: 2 }, 'INVALID_ROLE', 'role'],
  [{ ...BASE, role: '2' }, 'INVALID_ROLE', 'role'],
  [{ ...BASE, role: 'host' }, 'INVALID_ROLE', 'role'],
  [{ ...BASE, role: NaN }, 'INVALID_ROLE', 'role'],
  [{ ...BASE, role: true }, 'INVALID_ROLE', 'role'],
  [{ ...BASE, role: SECRET }, 'INVALID_ROLE', 'role'],
  [{ ...BASE, expirationSeconds: 1799 }, 'INVALID_EXPIRATION', 'expirationSeconds'],
  [{ ...BASE, expirationSeconds: 172801 }, 'INVALID_EXPIRATION', 'expirationSeconds'],
  [{ ...BASE, expirationSeconds: 7200 * 1000 }, 'INVALID_EXPIRATION', 'expirationSeconds'],
  [{ ...BASE, expirationSeconds: 1800.5 }, 'INVALID_EXPIRATION', 'expirationSeconds'],
  [{ ...BASE, expirationSeconds: '2h' }, 'INVALID_EXPIRATION', 'expirationSeconds'],
  [{ ...BASE, expirationSeconds: SECRET }, 'INVALID_EXPIRATION', 'expirationSeconds'],
  [{ ...BASE, iat: Date.now() }, 'INVALID_IAT', 'iat'],
  [{ ...BASE, iat: 1764201600.5 }, 'INVALID_IAT', 'iat'],
  [{ ...BASE, iat: SECRET }, 'INVALID_IAT', 'iat'],
  [{ ...BASE, sessionKey: 'k'.repeat(37) }, 'INVALID_SESSION_KEY', 'sessionKey', /36/],
  [{ ...BASE, sessionKey: 5 }, 'INVALID_SESSION_KEY', 'sessionKey'],
  [{ ...BASE, sessionKey: SECRET.repeat(2) }, 'INVALID_SESSION_KEY', 'sessionKey'],
  [{ ...BASE, userIdentity: 'u'.repeat(36) }, 'INVALID_USER_IDENTITY', 'userIdentity', /35/],
  [{ ...BASE, userIdentity: 5 }, 'INVALID_USER_IDENTITY', 'userIdentity'],
  [{ ...BASE, userIdentity: SECRET.repeat(2) }, 'INVALID_USER_IDENTITY', 'userIdentity'],
  [{ ...BASE, userKey: 'u'.repeat(37) }, 'INVALID_USER_IDENTITY', 'userKey', /36/],
  [{ ...BASE, userKey: 5 }, 'INVALID_USER_IDENTITY', 'userKey'],
  [{ ...BASE, geoRegions: 'US,XX' }, 'INVALID_GEO_REGIONS', 'geoRegions'],
  [{ ...BASE, geoRegions: 'us' }, 'INVALID_GEO_REGIONS', 'geoRegions'],
  [{ ...BASE, geoRegions: ['US', 'XX'] }, 'INVALID_GEO_REGIONS', 'geoRegions'],
  [{ ...BASE, geoRegions: ['US', 5] }, 'INVALID_GEO_REGIONS', 'geoRegions'],
  [{ ...BASE, geoRegions: 'US;AU' }, 'INVALID_GEO_REGIONS', 'geoRegions'],
  [{ ...BASE, geoRegions: 5 }, 'INVALID_GEO_REGIONS', 'geoRegions'],
  [{ ...BASE, geoRegions: SECRET }, 'INVALID_GEO_REGIONS', 'geoRegions'],
  [{ ...BASE, geoRegions: ['US', SECRET] }, 'INVALID_GEO_REGIONS', 'geoRegions'],
  [{ ...BASE, cloudRecordingOption: 2 }, 'INVALID_CLOUD_RECORDING', 'cloudRecordingOption'],
  [{ ...BASE, cloudRecordingOption: true }, 'INVALID_CLOUD_RECORDING', 'cloudRecordingOption'],
  [{ ...BASE, cloudRecordingElection: 2 }, 'INVALID_CLOUD_RECORDING', 'cloudRecordingElection'],
  [{ ...BASE, cloudRecordingElection: '01' }, 'INVALID_CLOUD_RECORDING', 'cloudRecordingElection'],
  [{ ...BASE, cloudRecordingTranscriptOption: 3 }, 'INVALID_CLOUD_RECORDING', 'cloudRecordingTranscriptOption'],
  [{ ...BASE, cloudRecordingTranscriptOption: -1 }, 'INVALID_CLOUD_RECORDING', 'cloudRecordingTranscriptOption'],
  [{ ...BASE, telemetryTrackingId: 'x'.repeat(129) }, 'INVALID_TELEMETRY_ID', 'telemetryTrackingId', /128/],
  [{ ...BASE, telemetryTrackingId: 5 }, 'INVALID_TELEMETRY_ID', 'telemetryTrackingId'],
  // The contract's "a non-empty string": unlike sessionKey and userKey, '' is refused, not left out.
  [{ ...BASE, telemetryTrackingId: '' }, 'INVALID_TELEMETRY_ID', 'telemetryTrackingId'],
  [{ ...BASE, telemetryTrackingId: SECRET.repeat(6) }, 'INVALID_TELEMETRY_ID', 'telemetryTrackingId'],
  [{ ...BASE, videoWebRtcMode: 2 }, 'INVALID_WEBRTC_MODE', 'videoWebRtcMode'],
  [{ ...BASE, videoWebRtcMode: true }, 'INVALID_WEBRTC_MODE', 'videoWebRtcMode'],
  [{ ...BASE, audioWebRtcMode: 2 }, 'INVALID_WEBRTC_MODE', 'audioWebRtcMode'],
  [{ ...BASE, audioWebRtcMode: 'on' }, 'INVALID_WEBRTC_MODE', 'audioWebRtcMode'],
];

function outcome(module, options) {
  try {
    return { token: module.generateVideoToken(options) };
  } catch (error) {
    return { isError: error instanceof Error, name: error.name, code: error.code, field: error.field, message: error.message };
  }
}

for (const [what, module] of MODULES) {
  test(`${what}: every refusal of the contract, with its code and field, naming the field and never the secret`, () => {
    // The base itself is fine, so each refusal below is for the one change.
    assert.equal(module.generateVideoToken(BASE), endpointVideoToken(BASE));
    const codes = new Set();
    for (const [options, code, field, also] of REFUSALS) {
      const where = JSON.stringify(options === undefined ? '<undefined>' : options)?.slice(0, 200);
      const got = outcome(module, options);
      assert.equal(got.token, undefined, `${where}: made a token`);
      assert.equal(got.isError, true, where);
      assert.equal(got.name, 'ZoomsigError', where);
      assert.equal(got.code, code, `${where}: ${got.message}`);
      assert.equal(got.field, field, `${where}: ${got.message}`);
      assert.match(got.message, new RegExp(field === 'options' ? 'options' : `\\b${field}\\b`), where);
      if (also) assert.match(got.message, also, where);
      assert.ok(!`${got.message} ${got.field}`.includes(SECRET), `${where}: the secret is in "${got.message}"`);
      assert.ok(got.message.length < 600, `${where}: a message of ${got.message.length} characters`);
      codes.add(code);
    }
    const contract = ['INVALID_OPTIONS', 'UNKNOWN_OPTION', 'MISSING_OPTION', 'CONFLICTING_OPTIONS', 'INVALID_KEY', 'EMPTY_SECRET',
      'INVALID_SECRET', 'SECRET_AS_KEY', 'INVALID_TOPIC', 'INVALID_ROLE', 'INVALID_EXPIRATION', 'INVALID_IAT', 'INVALID_SESSION_KEY',
      'INVALID_USER_IDENTITY', 'INVALID_GEO_REGIONS', 'INVALID_CLOUD_RECORDING', 'INVALID_TELEMETRY_ID', 'INVALID_WEBRTC_MODE'];
    assert.deepEqual([...codes].sort(), contract.sort());
  });
}

test('the signer-only module refuses exactly as the full package does (code, field, message)', () => {
  for (const [options] of REFUSALS) assert.deepEqual(outcome(signer, options), outcome(zoomsig, options));
  const random = seededRandom(SEED + 4);
  const breakages = [
    (o) => { o.topic = `${o.topic}${'x'.repeat(201)}`; },
    (o) => { o.role = 3; },
    (o) => { o.sessionKey = 's'.repeat(40); },
    (o) => { o.userIdentity = 'a'; o.userKey = 'b'; },
    (o) => { o.geoRegions = 'EU'; },
    (o) => { o.cloudRecordingTranscriptOption = 9; },
    (o) => { o.telemetryTrackingId = 't'.repeat(200); },
    (o) => { o.audioWebRtcMode = 7; },
    (o) => { o.expirationSeconds = 60; },
    (o) => { o.iat = Date.now(); },
    (o) => { o.topicName = o.topic; delete o.topic; },
  ];
  let refused = 0;
  for (let i = 0; i < 300; i += 1) {
    const options = randomVideoOptions(random);
    breakages[i % breakages.length](options);
    const expected = outcome(zoomsig, options);
    assert.deepEqual(outcome(signer, options), expected, `case ${i}`);
    refused += expected.code !== undefined;
  }
  assert.equal(refused, 300);
});

test('members given as undefined or null, and empty optional strings, are left out', () => {
  const full = { ...BASE, sessionKey: '', userIdentity: '', geoRegions: [], telemetryTrackingId: false, expirationSeconds: null,
    cloudRecordingOption: undefined, videoWebRtcMode: null, userKey: undefined };
  for (const module of [zoomsig, signer]) {
    assert.equal(module.generateVideoToken(full), endpointVideoToken(BASE));
    assert.equal(module.generateVideoToken({ ...BASE, geoRegions: '' }), endpointVideoToken(BASE));
    assert.equal(module.generateVideoToken({ ...BASE, userKey: '' }), endpointVideoToken(BASE));
    assert.deepEqual(Object.keys(claimsOf(module.generateVideoToken(full))), ['app_key', 'role_type', 'tpc', 'version', 'iat', 'exp']);
  }
});

test('the limits themselves are accepted, counted in UTF-16 code units as JS .length counts', () => {
  const edges = [
    { topic: '😀'.repeat(100) },
    { topic: 'x'.repeat(200) },
    { topic: '.' },
    { sessionKey: 's'.repeat(36) },
    { sessionKey: '🔐'.repeat(18) },
    { userIdentity: 'u'.repeat(35) },
    { userKey: 'u'.repeat(36) },
    { telemetryTrackingId: 't'.repeat(128) },
    { expirationSeconds: 1800 },
    { expirationSeconds: '172800' },
    { geoRegions: GEO_REGIONS.join(',') },
    { geoRegions: GEO_REGIONS },
    { geoRegions: ' US ,  AU ' },
    { cloudRecordingTranscriptOption: '2' },
  ];
  for (const module of [zoomsig, signer]) {
    for (const edge of edges) {
      const options = { ...BASE, ...edge };
      assert.equal(module.generateVideoToken(options), endpointVideoToken(options), JSON.stringify(edge));
    }
  }
});

// ---------------------------------------------------------------- (d) hostile values

function revoked(target = {}) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}
const throwing = (name) => Object.defineProperty({ ...BASE }, name, { get() { throw new Error(`${name} getter`); }, enumerable: true });
const HUGE = 'U'.repeat(10_000_000);

const HOSTILE = [
  revoked(),
  revoked([]),
  new Proxy({ ...BASE }, { ownKeys() { throw new Error('ownKeys trap'); } }),
  new Proxy({ ...BASE }, { get() { throw new Error('get trap'); } }),
  new Proxy({ ...BASE }, { getOwnPropertyDescriptor() { throw new Error('descriptor trap'); } }),
  ...['sdkKey', 'sdkSecret', 'topic', 'role', 'geoRegions', 'telemetryTrackingId', 'userKey'].flatMap((name) => [
    { ...BASE, [name]: revoked() },
    { ...BASE, [name]: revoked([]) },
    throwing(name),
    { ...BASE, [name]: Symbol(name) },
    { ...BASE, [name]: 1n },
    { ...BASE, [name]: { toString() { throw new Error('toString'); } } },
    { ...BASE, [name]: () => 'x' },
  ]),
  { ...BASE, geoRegions: [revoked()] },
  { ...BASE, geoRegions: Object.defineProperty(['US'], 0, { get() { throw new Error('index getter'); }, enumerable: true }) },
  { ...BASE, geoRegions: new Proxy(['US'], { get() { throw new Error('array get trap'); } }) },
  { ...BASE, geoRegions: [['US']] },
  { ...BASE, iat: 1764201600n },
  { ...BASE, expirationSeconds: 7200n },
  { ...BASE, role: 1n },
  { ...BASE, topic: 1764201600 },
  { ...BASE, sessionKey: 123456 },
  { ...BASE, userIdentity: 42 },
  { ...BASE, telemetryTrackingId: 1 },
  Symbol('options'),
  1n,
  () => BASE,
];
const HUGE_VALUES = [
  { ...BASE, topic: HUGE },
  { ...BASE, sessionKey: HUGE },
  { ...BASE, userIdentity: HUGE },
  { ...BASE, userKey: HUGE },
  { ...BASE, geoRegions: HUGE },
  { ...BASE, geoRegions: [HUGE] },
  { ...BASE, telemetryTrackingId: HUGE },
  { ...BASE, expirationSeconds: '7'.repeat(10_000_000) },
  { ...BASE, role: HUGE },
  { ...BASE, [HUGE]: 1 },
];

function refusedWithCode(module, options, where) {
  let token;
  try {
    token = module.generateVideoToken(options);
  } catch (error) {
    assert.ok(error instanceof Error, `${where}: threw a non-Error`);
    assert.equal(error.name, 'ZoomsigError', `${where}: ${error.name}: ${error.message}`);
    assert.equal(typeof error.code, 'string', where);
    assert.ok(!`${error.message} ${error.field ?? ''}`.includes(SECRET), `${where}: the secret is in the error`);
    assert.ok(error.message.length < 600 && String(error.field ?? '').length < 200, `${where}: an error of ${error.message.length} characters`);
    return error.code;
  }
  assert.fail(`${where}: made a token ${token.slice(0, 60)}…`);
}

for (const [what, module, , memory] of MODULES) {
  test(`${what}: hostile options give typed errors, and after thousands of them a valid call still works`, { timeout: 120_000 }, () => {
    const good = endpointVideoToken(BASE);
    const codes = {};
    for (let round = 0; round < 50; round += 1) {
      HOSTILE.forEach((options, i) => {
        const code = refusedWithCode(module, options, `hostile #${i}`);
        codes[code] = (codes[code] ?? 0) + 1;
      });
      assert.equal(module.generateVideoToken(BASE), good, `round ${round}`);
    }
    // Numbers where strings go are refused by the field's own check.
    assert.equal(refusedWithCode(module, { ...BASE, topic: 1764201600 }, 'topic'), 'INVALID_TOPIC');
    assert.equal(refusedWithCode(module, { ...BASE, sessionKey: 123456 }, 'sessionKey'), 'INVALID_SESSION_KEY');
    assert.equal(refusedWithCode(module, { ...BASE, telemetryTrackingId: 1 }, 'telemetryTrackingId'), 'INVALID_TELEMETRY_ID');
    assert.equal(refusedWithCode(module, revoked(), 'revoked'), 'INVALID_OPTIONS');
    assert.equal(refusedWithCode(module, throwing('topic'), 'getter'), 'INVALID_OPTIONS');
    const started = Date.now();
    HUGE_VALUES.forEach((options, i) => refusedWithCode(module, options, `10 MB #${i}`));
    assert.ok(Date.now() - started < 20_000, `10 MB values took ${Date.now() - started} ms`);
    assert.equal(module.generateVideoToken(BASE), good);
    assert.ok(Object.keys(codes).length >= 5, JSON.stringify(codes));
    assert.ok(memory.buffer.byteLength < 256 * 1024 * 1024, `${memory.buffer.byteLength} bytes`);
  });

  test(`${what}: 2000 random hostile Video SDK calls (hostile.mjs, seed ${SEED})`, { timeout: 120_000 }, () => {
    const summary = runHostile(module, { seed: SEED, calls: 2000, only: ['generateVideoToken', 'videoSecretAsKey'], expected: EXPECTED });
    assert.deepEqual(summary.exports.sort(), ['generateVideoToken', 'videoSecretAsKey']);
    assert.deepEqual(summary.failures, [], `seed ${SEED}: ${JSON.stringify(summary.codes)}`);
    assert.ok(Object.keys(summary.codes).length >= 8, `few kinds of refusal: ${JSON.stringify(summary.codes)}`);
    assert.equal(summary.codes.SECRET_AS_KEY > 0, true, JSON.stringify(summary.codes));
  });
}

// ---------------------------------------------------------------- (e) the web sample's KJUR code

test(`Zoom's videosdk-web-sample code gives the same token with zoomsig's KJUR as with jsrsasign's (500 inputs, seed ${SEED})`, () => {
  const random = seededRandom(SEED + 6);
  const ours = zoomsig.KJUR;
  const theirs = jsrsasign.KJUR;
  let withNulls = 0;
  for (let i = 0; i < 500; i += 1) {
    let args = randomWebSampleArguments(random);
    // Every tenth call with only what the sample requires: all its defaults.
    if (i % 10 === 0) args = args.slice(0, 3);
    const nowMs = i % 50 === 1 ? Date.now() : 1600000000000 + Math.floor(random() * 3e11);
    const expected = webSampleVideoToken(theirs, nowMs, ...args);
    const actual = webSampleVideoToken(ours, nowMs, ...args);
    assert.equal(actual, expected, `case ${i} (seed ${SEED}): ${JSON.stringify([nowMs, ...args.slice(0, 1), '…', ...args.slice(2)])}`);
    assert.ok(verifiesWithNodeCrypto(actual, args[1]), `case ${i}: HMAC`);
    const claims = claimsOf(actual);
    assert.equal(claims.iat, Math.round(nowMs / 1000) - 30);
    assert.equal(claims.exp - claims.iat, 7200);
    withNulls += claims.cloud_recording_option === null;
  }
  // The sample's usual token, with parseInt('') written as null, was among them.
  assert.ok(withNulls > 50, `${withNulls} with null claims`);
  const usual = webSampleVideoToken(theirs, 1764201600000, KEY, SECRET, 'Design review');
  assert.match(Buffer.from(usual.split('.')[1], 'base64url').toString(), /"role_type":1,"cloud_recording_option":null,"cloud_recording_election":null}$/);
  assert.equal(webSampleVideoToken(ours, 1764201600000, KEY, SECRET, 'Design review'), usual);
});

// ---------------------------------------------------------------- inspectSignature on the cases

test('inspectSignature finds in each case of tests/data/video-cases.json the problem it was made with', () => {
  const { cases } = JSON.parse(readFileSync(new URL('../data/video-cases.json', import.meta.url), 'utf8'));
  assert.ok(cases.length >= 25, `${cases.length} cases`);
  const missed = [];
  for (const { name, token, context, expect } of cases) {
    const report = zoomsig.inspectSignature(token, context);
    const codes = report.findings.map((f) => f.code);
    for (const code of expect) if (!codes.includes(code)) missed.push(`${name}: no ${code} in ${codes.join(', ')}`);
    if (context.sdkSecret) assert.ok(!JSON.stringify(report).includes(context.sdkSecret), `${name}: the secret is in the report`);
  }
  assert.deepEqual(missed, []);
});
