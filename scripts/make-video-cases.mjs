// Writes tests/data/video-cases.json: Zoom Video SDK tokens built here, independently of zoomsig
// (Node's crypto, and the real jsrsasign through the references in tests/node/video-sample.mjs),
// each clean or with exactly one problem inspectSignature must find. `expect` holds the code the
// case was made for, plus SIGNATURE_VERIFIED when Node's crypto verifies the token with the secret.
// Run: node scripts/make-video-cases.mjs
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import jsrsasign from 'jsrsasign';
import { endpointVideoToken, webSampleVideoToken } from '../tests/node/video-sample.mjs';

const NOW = 1764201600;
const KEY = 'vidKEYabcdEFGHijklMN01';
const SECRET = 'fakeVideoSdkSecretForTesting0123';
const TOPIC = 'Design Review: Q3 & "next" steps';
const IAT = NOW - 30;

const b64u = (text) => Buffer.from(text, 'utf8').toString('base64url');
const HEADER = JSON.stringify({ alg: 'HS256', typ: 'JWT' });

// The payload in the endpoint sample's order; `changes` replaces members in place, appends new
// ones, and removes those set to undefined (as JSON.stringify leaves them out).
function payload(changes = {}) {
  const base = { app_key: KEY, role_type: 1, tpc: TOPIC, version: 1, iat: IAT, exp: IAT + 7200 };
  return JSON.stringify({ ...base, ...changes });
}

function sign(payloadText, key = SECRET) {
  const input = `${b64u(HEADER)}.${b64u(payloadText)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

const context = { sdkSecret: SECRET, sdkKey: KEY, topic: TOPIC, sdk: 'video', now: NOW };
const cases = [];
function verifies(token) {
  const [header, body, signature] = token.split('.');
  return createHmac('sha256', SECRET).update(`${header}.${body}`).digest('base64url') === signature;
}
function add(name, token, made, extraContext = {}) {
  const expect = verifies(token) ? [...new Set([...made, 'SIGNATURE_VERIFIED'])] : made;
  const full = { ...context, ...extraContext };
  for (const [member, value] of Object.entries(full)) if (value === undefined) delete full[member];
  cases.push({ name, token, context: full, expect });
}

// Clean tokens.
const endpointOptions = { sdkKey: KEY, sdkSecret: SECRET, topic: TOPIC, role: 1, iat: IAT };
add('a clean token, as the endpoint sample makes it (jsrsasign)', endpointVideoToken(endpointOptions), ['SIGNATURE_VERIFIED']);
add('a clean token with every optional claim (jsrsasign)', endpointVideoToken({
  ...endpointOptions, expirationSeconds: 86400, userKey: 'user-42', sessionKey: 'session-key-1', geoRegions: ['US', 'DE'],
  cloudRecordingOption: 1, cloudRecordingElection: 1, cloudRecordingTranscriptOption: 2,
  telemetryTrackingId: '3b241101-e2bb-4255-8caf-4136c566a962', videoWebRtcMode: 1, audioWebRtcMode: 1,
}), ['SIGNATURE_VERIFIED']);
add('a clean participant token with user_identity (Node crypto)', sign(payload({ role_type: 0, user_identity: 'u'.repeat(35), session_key: 's'.repeat(36) })),
  ['SIGNATURE_VERIFIED']);
add('topic given to join in another case (Zoom lowercases it)', sign(payload()), ['SIGNATURE_VERIFIED'],
  { topic: TOPIC.toLowerCase() });

// Zoom's videosdk-web-sample, signing in the browser with jsrsasign: its defaults give
// "cloud_recording_option":null,"cloud_recording_election":null and no version claim.
const webSample = webSampleVideoToken(jsrsasign.KJUR, NOW * 1000, KEY, SECRET, TOPIC);
if (!Buffer.from(webSample.split('.')[1], 'base64url').toString().includes('"cloud_recording_option":null')) {
  throw new Error('the web sample token has lost its null claims');
}
add('the web sample\'s default token (null cloud recording claims, no version)', webSample, ['CLAIM_NULL']);

// One problem each.
add('no tpc', sign(payload({ tpc: undefined })), ['TPC_MISSING']);
add('tpc of 201 characters', sign(payload({ tpc: 't'.repeat(201) })), ['TPC_TOO_LONG'], { topic: 't'.repeat(201) });
add('tpc of another session', sign(payload({ tpc: 'Another session' })), ['TPC_MISMATCH']);
// Zoom compares session names after JavaScript's toLowerCase (not a full case fold: 'STRASSE'
// lowercases to 'strasse', not 'straße'); the expectation comes from toLowerCase itself.
for (const [tpc, topic] of [['ÄRZTE-RUNDE ΟΔΥΣΣΕΥΣ', 'ärzte-runde οδυσσευς'], ['STRASSE', 'Straße']]) {
  const made = tpc.toLowerCase() === topic.toLowerCase() ? [] : ['TPC_MISMATCH'];
  add(`tpc ${JSON.stringify(tpc)} and topic ${JSON.stringify(topic)}`, sign(payload({ tpc })), made, { topic });
}
add('no role_type', sign(payload({ role_type: undefined })), ['ROLE_TYPE_INVALID']);
add('role_type 2', sign(payload({ role_type: 2 })), ['ROLE_TYPE_INVALID']);
add('role_type as the string "1"', sign(payload({ role_type: '1' })), ['ROLE_TYPE_INVALID']);
add('version 2', sign(payload({ version: 2 })), ['VERSION_INVALID']);
add('session_key of 37 characters', sign(payload({ session_key: 's'.repeat(37) })), ['SESSION_KEY_TOO_LONG']);
add('user_identity of 37 characters', sign(payload({ user_identity: 'u'.repeat(37) })), ['USER_IDENTITY_TOO_LONG']);
add('user_key of 37 characters', sign(payload({ user_key: 'u'.repeat(37) })), ['USER_IDENTITY_TOO_LONG']);
add('geo_regions with an unknown region', sign(payload({ geo_regions: 'US,XX' })), ['GEO_REGION_INVALID']);
add('geo_regions in lower case', sign(payload({ geo_regions: 'us' })), ['GEO_REGION_INVALID']);
add('geo_regions as an array', sign(payload({ geo_regions: ['US', 'AU'] })), ['GEO_REGION_INVALID']);
add('cloud recording for a participant', sign(payload({ role_type: 0, cloud_recording_option: 1 })), ['CLOUD_RECORDING_NEEDS_HOST']);
add('a claim that is null', sign(payload({ cloud_recording_election: null })), ['CLAIM_NULL']);
add('a Meeting SDK signature where a Video SDK token is wanted', sign(JSON.stringify({
  appKey: KEY, sdkKey: KEY, mn: '85746065432', role: 0, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200,
})), ['MEETING_SDK_TOKEN']);
add('a Video SDK token where a Meeting SDK signature is wanted', sign(payload()), ['VIDEO_SDK_TOKEN'],
  { sdk: 'meeting', topic: undefined });
add('no app_key', sign(payload({ app_key: undefined })), ['KEY_MISSING']);
add('app_key of another app', sign(payload({ app_key: 'otherVideoKey000000000' })), ['KEY_NOT_EXPECTED']);
add('expired', sign(payload({ iat: NOW - 8000, exp: NOW - 800 })), ['EXPIRED']);
add('iat ten minutes ahead', sign(payload({ iat: NOW + 600, exp: NOW + 600 + 7200 })), ['IAT_IN_FUTURE']);
add('exp 10 minutes after iat', sign(payload({ exp: IAT + 600 })), ['EXP_TOO_SHORT']);
add('exp 3 days after iat', sign(payload({ exp: IAT + 259200 })), ['EXP_TOO_LONG']);
add('times in milliseconds', sign(payload({ iat: IAT * 1000, exp: (IAT + 7200) * 1000 })), ['TIME_IN_MILLISECONDS']);
add('iat as a string', sign(payload({ iat: String(IAT) })), ['TIME_NOT_INTEGER']);
add('another app\'s secret', sign(payload(), 'someOtherVideoSdkSecret0000'), ['SIGNATURE_MISMATCH']);

writeFileSync(new URL('../tests/data/video-cases.json', import.meta.url), `${JSON.stringify({ now: NOW, secret: SECRET, cases }, null, 1)}\n`);
console.log(`wrote ${cases.length} cases`);
