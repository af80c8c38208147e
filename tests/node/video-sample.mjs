// The independent reference for Video SDK tokens (issue 14), with the real jsrsasign package:
// how Zoom's videosdk-auth-endpoint-sample builds one (in the order of zoomsig's contract), how
// Zoom's videosdk-web-sample builds one in the browser, and a seeded generator of the option sets
// the tests feed both sides. Written from the description of both samples (the project's notes,
// zoom-videosdk-token.md section 2), not copied from Zoom's code. Nothing here calls zoomsig.
import jsrsasign from 'jsrsasign';
import { ordinarySecret } from './zoom-sample.mjs';

const { KJUR } = jsrsasign;
const HEADER = JSON.stringify({ alg: 'HS256', typ: 'JWT' });

export const GEO_REGIONS = ['AU', 'BR', 'CA', 'CN', 'DE', 'HK', 'IN', 'JP', 'MX', 'NL', 'SG', 'US'];

// The endpoint sample's reading of a request body: numbers may come as strings and are
// parseInt'ed; null (a JSON body's "not given") and, by zoomsig's contract, '' for the optional
// strings mean "left out" (the sample itself would write ""; the contract leaves them out).
const given = (value) => (value === null ? undefined : value);
const int = (value) => (given(value) === undefined ? undefined : parseInt(value, 10));
const optionalText = (value) => (given(value) === '' ? undefined : given(value));

// A string or an array of region codes, white space stripped, joined with ','.
function geoRegions(value) {
  if (given(value) === undefined) return undefined;
  const joined = (Array.isArray(value) ? value.join(',') : value).replace(/\s+/g, '');
  return joined === '' ? undefined : joined;
}

/**
 * The Video SDK token as Zoom's auth endpoint sample builds it: exp = iat + (expirationSeconds ||
 * 7200), members that are undefined vanish in JSON.stringify, payload in the contract's order
 * (user_key after user_identity, cloud_recording_transcript_option after
 * cloud_recording_election), signed by jsrsasign with the secret's UTF-8 bytes. `iat` must be
 * given: the reference has no clock.
 */
export function endpointVideoToken(options) {
  const { iat } = options;
  if (!Number.isInteger(iat)) throw new TypeError('endpointVideoToken needs an explicit iat');
  const payload = {
    app_key: options.sdkKey,
    role_type: int(options.role),
    tpc: options.topic,
    version: 1,
    iat,
    exp: iat + (int(options.expirationSeconds) || 7200),
    user_identity: optionalText(options.userIdentity),
    user_key: optionalText(options.userKey),
    session_key: optionalText(options.sessionKey),
    geo_regions: geoRegions(options.geoRegions),
    cloud_recording_option: int(options.cloudRecordingOption),
    cloud_recording_election: int(options.cloudRecordingElection),
    cloud_recording_transcript_option: int(options.cloudRecordingTranscriptOption),
    telemetry_tracking_id: given(options.telemetryTrackingId) === false ? undefined : given(options.telemetryTrackingId),
    video_webrtc_mode: int(options.videoWebRtcMode),
    audio_webrtc_mode: int(options.audioWebRtcMode),
  };
  return KJUR.jws.JWS.sign('HS256', HEADER, JSON.stringify(payload), { utf8: options.sdkSecret });
}

/**
 * The token-building shape of Zoom's videosdk-web-sample, which signs in the browser with whatever
 * `kjur` is given (the real jsrsasign's KJUR, or zoomsig's): positional arguments with the
 * sample's defaults, iat = Math.round(nowMs / 1000) - 30, exp = iat + 2 h, payload app_key, iat,
 * exp, tpc, role_type, then the cloud recording claims through parseInt (so '' gives NaN, which
 * JSON.stringify writes as null), then session_key, user_identity and telemetry_tracking_id
 * when non-empty. No version claim. The secret goes to KJUR as a plain string.
 */
export function webSampleVideoToken(
  kjur,
  nowMs,
  sdkKey,
  sdkSecret,
  topic,
  sessionKey = '',
  userIdentity = '',
  roleType = 1,
  cloudRecordingOption = '',
  cloudRecordingElection = '',
  telemetryTrackingId = '',
) {
  const iat = Math.round(nowMs / 1000) - 30;
  const payload = { app_key: sdkKey, iat, exp: iat + 60 * 60 * 2, tpc: topic, role_type: roleType };
  if (cloudRecordingElection === '' && cloudRecordingOption === '1') {
    payload.cloud_recording_option = 1;
  } else {
    payload.cloud_recording_option = parseInt(cloudRecordingOption, 10);
    payload.cloud_recording_election = parseInt(cloudRecordingElection, 10);
  }
  if (sessionKey) payload.session_key = sessionKey;
  if (userIdentity) payload.user_identity = userIdentity;
  if (telemetryTrackingId) payload.telemetry_tracking_id = telemetryTrackingId;
  return kjur.jws.JWS.sign('HS256', HEADER, JSON.stringify(payload), sdkSecret);
}

// ---------------------------------------------------------------- random inputs

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SYMBOLS = ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
// One or two UTF-16 code units each (the emoji are surrogate pairs); no lone surrogates.
const NON_ASCII_LETTERS = ['é', 'ß', 'ж', 'Ω', '会', '議', '€', 'ǅ', '😀', '🔐', '🎥'];
const NON_ASCII = [...NON_ASCII_LETTERS, '\u00a0', '\u2028'];

function tools(random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => random() < p;
  // Text of exactly `length` UTF-16 code units from the kinds of characters named.
  const text = (length, kinds) => {
    const sources = { alnum: ALPHANUMERIC, symbols: SYMBOLS, nonAscii: NON_ASCII, letters: NON_ASCII_LETTERS, hex: '0123456789abcdef' };
    let out = '';
    while (out.length < length) {
      let piece = pick(sources[pick(kinds)]);
      if (out.length + piece.length > length) piece = pick(ALPHANUMERIC);
      out += piece;
    }
    return out;
  };
  const length = (min, max) => (chance(0.1) ? max : chance(0.05) ? min : min + int(max - min + 1));
  return { int, pick, chance, text, length };
}

function randomTopic(t) {
  const kinds = t.pick([['alnum'], ['alnum', 'symbols'], ['alnum', 'symbols', 'nonAscii'], ['alnum', 'nonAscii']]);
  // Mostly words with inner spaces; now and then as given with spaces around it.
  const inner = t.text(t.length(1, 200), kinds);
  if (t.chance(0.05) && inner.length <= 198) return ` ${inner} `;
  return inner;
}

function randomRegions(t) {
  const chosen = GEO_REGIONS.filter(() => t.chance(0.3));
  if (chosen.length === 0) chosen.push(t.pick(GEO_REGIONS));
  for (let i = chosen.length - 1; i > 0; i -= 1) {
    const j = t.int(i + 1);
    [chosen[i], chosen[j]] = [chosen[j], chosen[i]];
  }
  return chosen;
}

const uuid = (t) => {
  const hex = t.text(32, ['hex']);
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${t.pick('89ab')}${hex.slice(17, 20)}-${hex.slice(20)}`;
  return t.chance(0.3) ? id.toUpperCase() : id;
};

// Mostly secrets as Zoom issues them; now and then one that only {utf8: secret} signs right: all
// hex (jsrsasign would hex-decode a plain string) or not ASCII (it would take the low bytes).
function randomSecret(t, random) {
  const kind = random();
  if (kind < 0.1) return t.text(2 * (8 + t.int(17)), ['hex']);
  if (kind < 0.2) return `${ordinarySecret(random)}${t.text(1 + t.int(4), ['letters'])}`;
  return ordinarySecret(random);
}

/**
 * A valid option set for generateVideoToken covering every option in the contract, with an
 * explicit iat. Members come in a random order (the payload's order is the signer's business).
 */
export function randomVideoOptions(random) {
  const t = tools(random);
  const { chance, pick, int, text, length } = t;
  const entries = [
    ['sdkKey', text(10 + int(27), ['alnum']) + (chance(0.2) ? '_-x' : '')],
    ['sdkSecret', randomSecret(t, random)],
    ['topic', randomTopic(t)],
    ['role', pick([0, 1, 0, 1, '0', '1'])],
    ['iat', 1600000000 + int(300000000)],
  ];
  const add = (name, value) => entries.push([name, value]);
  const lifetime = pick([1800, 172800, 7200, 1800 + int(172800 - 1800 + 1)]);
  const expiration = random();
  if (expiration < 0.4) add('expirationSeconds', lifetime);
  else if (expiration < 0.55) add('expirationSeconds', String(lifetime));
  else if (expiration < 0.6) add('expirationSeconds', null);

  const textKinds = () => pick([['alnum'], ['alnum', 'symbols'], ['alnum', 'symbols', 'nonAscii']]);
  const session = random();
  if (session < 0.4) add('sessionKey', text(length(1, 36), textKinds()));
  else if (session < 0.45) add('sessionKey', '');
  else if (session < 0.5) add('sessionKey', null);
  // userIdentity (the name Zoom's samples still write) or userKey (the new one), never both.
  const identity = random();
  if (identity < 0.25) add('userIdentity', text(length(1, 35), textKinds()));
  else if (identity < 0.5) add('userKey', text(length(1, 36), textKinds()));
  else if (identity < 0.55) add(pick(['userIdentity', 'userKey']), pick(['', null]));

  const geo = random();
  const regions = randomRegions(t);
  if (geo < 0.15) add('geoRegions', regions.join(','));
  else if (geo < 0.25) add('geoRegions', regions.join(', '));
  else if (geo < 0.3) add('geoRegions', ` ${regions.join(' , ')} `);
  else if (geo < 0.45) add('geoRegions', regions);
  else if (geo < 0.51) add('geoRegions', pick(['', []]));

  const zeroOne = (name, pString) => {
    const p = random();
    if (p < 0.3) add(name, pick([0, 1]));
    else if (p < 0.3 + pString) add(name, pick(['0', '1']));
    else if (p < 0.35 + pString) add(name, null);
  };
  zeroOne('cloudRecordingOption', 0.1);
  zeroOne('cloudRecordingElection', 0.05);
  const transcript = random();
  if (transcript < 0.3) add('cloudRecordingTranscriptOption', pick([0, 1, 2]));
  else if (transcript < 0.35) add('cloudRecordingTranscriptOption', pick(['0', '1', '2']));

  const telemetry = random();
  if (telemetry < 0.15) add('telemetryTrackingId', uuid(t));
  else if (telemetry < 0.3) add('telemetryTrackingId', text(length(1, 128), textKinds()));
  else if (telemetry < 0.35) add('telemetryTrackingId', pick([false, null]));
  zeroOne('videoWebRtcMode', 0.1);
  zeroOne('audioWebRtcMode', 0.1);

  for (let i = entries.length - 1; i > 0; i -= 1) {
    const j = int(i + 1);
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return Object.fromEntries(entries);
}

/**
 * Random arguments for webSampleVideoToken after (kjur, nowMs): the sample's positional list,
 * cut short now and then so that its defaults apply (the key, secret and topic always given).
 */
export function randomWebSampleArguments(random) {
  const t = tools(random);
  const { chance, pick, text, length } = t;
  const args = [
    text(10 + t.int(27), ['alnum']),
    ordinarySecret(random),
    randomTopic(t),
    chance(0.5) ? text(length(1, 36), ['alnum', 'symbols']) : '',
    chance(0.5) ? text(length(1, 35), ['alnum', 'symbols', 'nonAscii']) : '',
    pick([0, 1]),
    pick(['', '0', '1']),
    pick(['', '0', '1']),
    chance(0.5) ? uuid(t) : '',
  ];
  return chance(0.2) ? args.slice(0, 3 + t.int(6)) : args;
}
