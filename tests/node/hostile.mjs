// Careless and hostile callers, for every export: values of every JavaScript kind where strings or
// options are expected, revoked Proxies and throwing getters and traps at every depth, huge and
// deeply nested inputs, lone surrogates. Plain JavaScript with no Node imports, so that the same
// run works in Node (tests/node/hostile.test.mjs) and in a browser page
// (tests/browser/hostile.test.mjs).
//
// `runHostile(zoomsig, options)` calls the exports with such values and checks, after every call:
// it returned or threw an Error with a string `code`; a known-good call still gives the token the
// references made (`options.expected`: hostile-reference.mjs);
// the secret is in no error, no report and no console line. It returns a summary and the
// list of failures (empty when all is well).

export const SECRET = 'Hostile5ecretNotHexValue';
const KEY = 'abcdEFGHijklMNOPqrst12';
const MEETING = '85746065432';
/** The known-good calls; their tokens come from the references (jsrsasign), passed to runHostile. */
export const GOOD_OPTIONS = { sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING, role: 0, iat: 1764201600 };
const TOPIC = 'Weekly sync';
export const GOOD_VIDEO_OPTIONS = { sdkKey: KEY, sdkSecret: SECRET, topic: TOPIC, role: 1, iat: 1764201600 };

/** Small seeded PRNG (mulberry32), so that a failing run replays from its seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function revoked(target = {}) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

function trapping(target, trap) {
  return new Proxy(target, { [trap]() { throw new TypeError(`${trap} trap`); } });
}

function nested(depth, make) {
  let value = {};
  for (let i = 0; i < depth; i += 1) value = make(value);
  return value;
}

/** A factory of hostile values; `pick()` gives one at random, `any(depth)` may nest them. */
export function hostileValues(random) {
  const int = (n) => Math.floor(random() * n);
  const pickFrom = (list) => list[int(list.length)];
  const throwing = (message) => () => { throw new Error(message); };
  const makers = [
    () => undefined,
    () => null,
    () => pickFrom([true, false]),
    () => pickFrom([0, -0, 1, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 31, 1e21, 85746065432, 8574606, 1764201600000]),
    () => pickFrom([0n, 1n, 85746065432n, 2n ** 80n, -5n]),
    () => Symbol(pickFrom(['x', 'sdkKey', ''])),
    () => pickFrom(['', ' ', '0', '1', 'HS256', 'none', 'x'.repeat(int(50)), '\u0000', '\ud800', 'a\udc00b', '\ud83d', '😀', 'é会', '\n', '{}', '[]', '.', '..', 'a.b.c', 'eyJ.eyJ.', MEETING, `${MEETING}\n`, '857 4606 5432']),
    () => pickFrom(['[', '{', '{"a":', '"', '1', '-', 'e']).repeat(pickFrom([1000, 100000, 1000000])),
    () => 'x'.repeat(pickFrom([70000, 1 << 20])),
    () => ({}),
    () => [],
    () => [1, 'two', null],
    () => Object.create(null),
    () => function named() {},
    () => () => 1,
    () => new Date(0),
    () => /re/g,
    () => new Map([['sdkKey', KEY]]),
    () => Object.freeze({ alg: 'HS256' }),
    () => revoked(),
    () => revoked([]),
    () => trapping({}, pickFrom(['get', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has'])),
    () => trapping([], pickFrom(['get', 'ownKeys', 'getPrototypeOf'])),
    () => ({ get sdkKey() { throw new Error('getter'); }, get alg() { throw new Error('getter'); }, get errorCode() { throw new Error('getter'); } }),
    () => ({ toString: throwing('toString'), valueOf: throwing('valueOf') }),
    () => ({ [Symbol.toPrimitive]: throwing('toPrimitive') }),
    () => ({ toJSON: throwing('toJSON') }),
    () => ({ length: pickFrom([2 ** 31, 1e8, 2 ** 32 - 1, -1, NaN]) }),
    () => { const sparse = []; sparse.length = pickFrom([2 ** 32 - 1, 1e7]); return sparse; },
    () => { const list = []; Object.defineProperty(list, 0, { get: throwing('index getter'), enumerable: true }); return list; },
    () => { const cycle = {}; cycle.self = cycle; return cycle; },
    () => nested(pickFrom([100, 10000]), (inner) => ({ a: inner })),
    () => nested(pickFrom([100, 10000]), (inner) => [inner]),
    () => new Error('an error'),
    () => Object.defineProperty(new TypeError('x'), 'message', { get: throwing('message getter') }),
    () => ({ hex: revoked(), utf8: revoked() }),
    () => ({ utf8: pickFrom(['\ud800', 5, null, revoked()]) }),
    () => ({ hex: pickFrom(['zz', 'abc', 'ABCD', '']) }),
  ];
  const pick = () => makers[int(makers.length)]();
  // An object of mostly plausible members with hostile ones mixed in, or a hostile value itself.
  const any = (names = []) => {
    if (random() < 0.5 || names.length === 0) return pick();
    const object = {};
    for (const name of names) if (random() < 0.6) object[name] = random() < 0.5 ? pick() : plausible(name);
    if (random() < 0.2) object[pickFrom(['x'.repeat(pickFrom([70, 10_000_000])), 'meetingnumber', 'sdk_key', '__proto__', ''])] = pick();
    if (random() < 0.2) Object.defineProperty(object, pickFrom(names), { get: throwing('member getter'), enumerable: true });
    return random() < 0.1 ? trapping(object, pickFrom(['get', 'ownKeys', 'getOwnPropertyDescriptor'])) : object;
  };
  const plausible = (name) => ({
    sdkKey: KEY, clientId: KEY, sdkSecret: SECRET, clientSecret: SECRET, meetingNumber: MEETING, role: pickFrom([0, 1, '0']),
    expirationSeconds: 7200, videoWebRtcMode: 1, iat: 1764201600, zak: '', now: 1764201600, errorCode: 3712, reason: 'Invalid signature.',
    topic: pickFrom([TOPIC, 'x'.repeat(200)]), sessionKey: 'session-1', userIdentity: 'user-1', userKey: 'user-1',
    geoRegions: pickFrom(['US,AU', ['US', 'AU']]), cloudRecordingOption: 1, cloudRecordingElection: 0,
    cloudRecordingTranscriptOption: 2, telemetryTrackingId: pickFrom([true, 'trace-1']), audioWebRtcMode: 0,
    sdk: pickFrom(['video', 'meeting']),
  })[name] ?? pick();
  return { pick, any, int, pickFrom };
}

const OPTION_NAMES = ['sdkKey', 'clientId', 'sdkSecret', 'clientSecret', 'meetingNumber', 'role', 'expirationSeconds', 'videoWebRtcMode', 'iat'];
const VIDEO_OPTION_NAMES = ['sdkKey', 'sdkSecret', 'topic', 'role', 'expirationSeconds', 'iat', 'sessionKey', 'userIdentity', 'userKey',
  'geoRegions', 'cloudRecordingOption', 'cloudRecordingElection', 'cloudRecordingTranscriptOption', 'telemetryTrackingId',
  'videoWebRtcMode', 'audioWebRtcMode'];
const CONTEXT_NAMES = ['sdkSecret', 'clientSecret', 'sdkKey', 'meetingNumber', 'zak', 'now', 'topic', 'sdk'];
const JOIN_ERROR_NAMES = ['errorCode', 'code', 'reason', 'errorMessage', 'result', 'message', 'type', 'name'];

/** The calls a hostile caller makes, by export; each returns what the export returned. */
function callers(zoomsig, values, goodToken, goodVideoToken) {
  const { any, pick, pickFrom } = values;
  const calls = {
    generateSignature: () => zoomsig.generateSignature(any(OPTION_NAMES)),
    secretAsKey: () => zoomsig.generateSignature({ ...GOOD_OPTIONS, sdkKey: SECRET }),
    // The secret where a name or another value goes: messages that quote what was given.
    secretAsOptionName: () => zoomsig.generateSignature({ ...GOOD_OPTIONS, [pickFrom([SECRET, `${SECRET}x`])]: 1 }),
    meetingNumberDigits: () => zoomsig.meetingNumberDigits(pick()),
  };
  if (zoomsig.generateVideoToken) {
    calls.generateVideoToken = () => zoomsig.generateVideoToken(any(VIDEO_OPTION_NAMES));
    calls.videoSecretAsKey = () => zoomsig.generateVideoToken({ ...GOOD_VIDEO_OPTIONS, sdkKey: SECRET });
    calls.secretAsGeoRegions = () => zoomsig.generateVideoToken({ ...GOOD_VIDEO_OPTIONS, geoRegions: pickFrom([SECRET, [SECRET], `US,${SECRET}`]) });
  }
  if (zoomsig.inspectSignature) {
    calls.inspectSignature = () => zoomsig.inspectSignature(
      pickFrom([goodToken, pick(), `${goodToken}x`, goodToken.replace('.', '..')]),
      pickFrom([undefined, any(CONTEXT_NAMES), { sdkSecret: SECRET, meetingNumber: pick(), sdkKey: pickFrom([KEY, SECRET]) }]),
    );
    calls.secretInContext = () => zoomsig.inspectSignature(goodToken, {
      sdkSecret: SECRET, [pickFrom(['sdkVersion', 'meetingNumber', 'sdkKey', 'topic', SECRET])]: SECRET,
    });
    calls.explainJoinError = () => zoomsig.explainJoinError(any(JOIN_ERROR_NAMES));
    if (goodVideoToken !== undefined) {
      calls.inspectVideoToken = () => zoomsig.inspectSignature(
        pickFrom([goodVideoToken, `${goodVideoToken}x`, goodToken, pick()]),
        pickFrom([undefined, any(CONTEXT_NAMES), { sdkSecret: SECRET, topic: pick(), sdk: pick(), sdkKey: pickFrom([KEY, SECRET]) }]),
      );
      calls.explainVideoJoinError = () => zoomsig.explainJoinError(
        any(JOIN_ERROR_NAMES),
        pickFrom([undefined, pick()]),
        pickFrom([{ sdk: 'video' }, pick(), any(['sdk'])]),
      );
    }
  }
  if (zoomsig.KJUR) {
    const { JWS } = zoomsig.KJUR.jws;
    const key = () => pickFrom([SECRET, { utf8: SECRET }, pick(), any(['hex', 'utf8', 'rstr', 'b64', 'b64u'])]);
    calls.kjurSign = () => JWS.sign(
      pickFrom(['HS256', null, pick()]),
      pickFrom(['{"alg":"HS256","typ":"JWT"}', { typ: 'JWT' }, pick(), any(['alg', 'typ'])]),
      pickFrom(['{}', { a: 1 }, pick(), any(['a'])]),
      key(),
    );
    // The secret passed first (alg forgotten), as a header's alg, or thrown by the caller's code.
    const secretAlgHeader = `${btoa(JSON.stringify({ alg: SECRET })).replace(/=+$/, '')}.e30.AAAA`;
    calls.kjurSecretMisplaced = () => pickFrom([
      () => JWS.sign(SECRET, '{"alg":"HS256"}', '{}'),
      () => JWS.sign(null, { alg: SECRET }, '{}', key()),
      () => JWS.sign('HS256', { get alg() { throw new Error(SECRET); } }, '{}', SECRET),
      () => JWS.sign('HS256', '{}', { toJSON() { throw new Error(SECRET); } }, { utf8: SECRET }),
      () => JWS.verify(secretAlgHeader, key(), ['HS256']),
      () => JWS.verify(goodToken, SECRET, [{ toString() { throw new Error(SECRET); } }]),
    ])();
    calls.kjurVerify = () => JWS.verify(pickFrom([goodToken, pick()]), key(), pickFrom([undefined, ['HS256'], pick(), any(['0', 'length'])]));
  }
  return calls;
}

/** The secret in `text`, whole or as the start of a quote cut short. */
function showsSecret(text) {
  return text.includes(SECRET.slice(0, 12));
}

function textOf(value) {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * Calls the exports of `zoomsig` (the full package, the signer-only module or the classic global)
 * `calls` times with hostile values from `seed`. Console lines are captured while it runs.
 * `only` limits the calls to those named (e.g. ['generateVideoToken', 'videoSecretAsKey']).
 */
export function runHostile(zoomsig, { seed = 1, calls = 5000, only, expected } = {}) {
  const random = seededRandom(seed);
  const values = hostileValues(random);
  const goodToken = zoomsig.generateSignature(GOOD_OPTIONS);
  const goodVideoToken = zoomsig.generateVideoToken?.(GOOD_VIDEO_OPTIONS);
  const byExport = callers(zoomsig, values, goodToken, goodVideoToken);
  const names = Object.keys(byExport).filter((name) => !only || only.includes(name));
  const failures = [];
  if (goodToken !== expected.token) failures.push(`the known-good call gives ${goodToken}, not the reference's ${expected.token}`);
  if (goodVideoToken !== undefined && goodVideoToken !== expected.videoToken) {
    failures.push(`the known-good Video SDK call gives ${goodVideoToken}, not the reference's ${expected.videoToken}`);
  }
  const codes = {};
  const lines = [];
  const saved = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    saved[level] = console[level];
    console[level] = (...args) => lines.push(args.map(String).join(' '));
  }
  try {
    for (let i = 0; i < calls && failures.length < 20; i += 1) {
      const name = names[values.int(names.length)];
      let returned;
      try {
        returned = byExport[name]();
      } catch (error) {
        if (!(error instanceof Error)) failures.push(`${name} #${i}: threw a non-Error ${typeof error}`);
        else if (typeof error.code !== 'string') failures.push(`${name} #${i}: ${error.name} without a code: ${error.message}`);
        else {
          codes[error.code] = (codes[error.code] ?? 0) + 1;
          if (showsSecret(`${error.message} ${error.code} ${error.field ?? ''}`)) failures.push(`${name} #${i}: the secret is in the error`);
        }
      }
      if ((name === 'secretAsKey' || name === 'videoSecretAsKey') && returned !== undefined) failures.push(`${name} #${i}: made a token carrying the secret`);
      if (showsSecret(textOf(returned))) failures.push(`${name} #${i}: the secret is in what it returned`);
      let again;
      try {
        again = zoomsig.generateSignature(GOOD_OPTIONS);
      } catch (error) {
        again = `threw ${error && error.message}`;
      }
      if (again !== goodToken) failures.push(`${name} #${i}: the known-good call now gives ${String(again).slice(0, 120)}`);
      if (goodVideoToken !== undefined) {
        try {
          again = zoomsig.generateVideoToken(GOOD_VIDEO_OPTIONS);
        } catch (error) {
          again = `threw ${error && error.message}`;
        }
        if (again !== goodVideoToken) failures.push(`${name} #${i}: the known-good Video SDK call now gives ${String(again).slice(0, 120)}`);
      }
    }
  } finally {
    Object.assign(console, saved);
  }
  for (const line of lines) if (showsSecret(line)) failures.push(`the secret was logged: ${line.slice(0, 120)}`);
  return { calls, exports: names, codes, consoleLines: lines.length, failures };
}

/** Refused calls of every kind, `rounds` times each: what a leak per refusal would pile up. */
export function refuseRepeatedly(zoomsig, rounds) {
  const gone = revoked();
  const getter = { get sdkKey() { throw new Error('getter'); } };
  const refusals = [
    () => zoomsig.generateSignature(getter),
    () => zoomsig.generateSignature({ ...GOOD_OPTIONS, role: gone }),
    () => zoomsig.generateSignature(gone),
    () => zoomsig.meetingNumberDigits(gone),
  ];
  if (zoomsig.generateVideoToken) {
    refusals.push(
      () => zoomsig.generateVideoToken(gone),
      () => zoomsig.generateVideoToken({ ...GOOD_VIDEO_OPTIONS, topic: gone }),
      () => zoomsig.generateVideoToken({ ...GOOD_VIDEO_OPTIONS, geoRegions: ['US', 'XX'] }),
    );
  }
  if (zoomsig.inspectSignature) {
    refusals.push(
      () => zoomsig.explainJoinError(gone),
      () => zoomsig.inspectSignature('a.b.c', gone),
      () => zoomsig.inspectSignature(gone),
    );
  }
  if (zoomsig.KJUR) {
    refusals.push(
      () => zoomsig.KJUR.jws.JWS.sign('HS256', gone, gone, gone),
      () => zoomsig.KJUR.jws.JWS.sign('HS256', { get alg() { throw new Error('getter'); } }, '{}', SECRET),
      () => zoomsig.KJUR.jws.JWS.sign('HS256', '{}', { toJSON() { throw new Error('toJSON'); } }, SECRET),
      () => zoomsig.KJUR.jws.JWS.sign('HS256', '{}', '{}', { get utf8() { throw new Error('getter'); } }),
      () => zoomsig.KJUR.jws.JWS.verify('eyJhbGciOiJIUzI1NiJ9.e30.x', SECRET, trapping([], 'get')),
      () => zoomsig.KJUR.jws.JWS.verify('eyJhbGciOiJIUzI1NiJ9.e30.x', SECRET, [{ toString() { throw new Error('toString'); } }]),
    );
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const refuse of refusals) {
      try {
        refuse();
      } catch {
        // Refusals are the point here; their shape is runHostile's business.
      }
    }
  }
  return refusals.length * rounds;
}
