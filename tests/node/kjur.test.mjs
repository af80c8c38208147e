// KJUR.jws.JWS.sign and verify against the real jsrsasign package (11.1.5), over random headers,
// payloads, keys and algorithms from a seed (ZOOMSIG_SEED replays a run): every token jsrsasign
// makes, zoomsig makes byte for byte; wherever jsrsasign throws, zoomsig throws a ZoomsigError.
// Tokens signed with a key whose bytes the test can name are also checked with Node's HMAC.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import jsrsasign from 'jsrsasign';
import zoomsig from './load-package.mjs';
import { seededRandom } from './zoom-sample.mjs';

const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);
const CASES = 3000;
const theirs = jsrsasign.KJUR.jws.JWS;
const ours = zoomsig.KJUR.jws.JWS;

// ---------------------------------------------------------------- random values

function generators(random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => random() < p;
  const CHARSETS = {
    ascii: () => String.fromCharCode(0x20 + int(95)),
    alnum: () => pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    hex: () => pick('0123456789abcdefABCDEF'),
    latin1: () => String.fromCharCode(0xa0 + int(96)),
    nonLatin: () => pick(['会', '議', '秘', 'Ω', 'ж', 'ß', '€', '\u2028', '😀', '\u{1f510}', 'ǅ', '\u0100']),
    control: () => String.fromCharCode(int(32)),
    json: () => pick(['"', '\\', '/', '{', '}', '[', ']', ':', ',', ' ']),
    lone: () => String.fromCharCode(pick([0xd800, 0xdbff, 0xdc00, 0xdfff]) - int(3) * (chance(0.5) ? 0 : 1)),
  };
  const text = (length, kinds) => {
    let out = '';
    for (let i = 0; i < length; i += 1) out += CHARSETS[pick(kinds)]();
    return out;
  };
  const anyText = (max = 12) =>
    text(int(max), pick([['ascii'], ['ascii', 'latin1'], ['ascii', 'nonLatin'], ['ascii', 'json', 'control'], ['alnum'], ['ascii', 'nonLatin', 'lone']]));
  // Numbers written with at most 15 significant digits, in several spellings.
  const numberToken = () =>
    pick([
      () => String(int(100000) - 50000),
      () => (random() * 1000).toFixed(int(4)),
      () => `${int(10)}e${int(30) - 15}`,
      () => `${int(999) + 1}E+${int(25)}`,
      () => pick(['-0', '0', '1.50', '1e400', '-1e-400', '0.0000001', '123456789012345']),
    ])();
  const KEYS = ['alg', 'typ', 'kid', 'cty', 'x5t', 'a', 'b', '0', '1', '10', '2', 'length', 'toString', 'crit', 'exp', ''];
  const jsonValue = (depth = 0) => {
    const kind = depth > 2 ? int(4) : int(6);
    if (kind === 0) return null;
    if (kind === 1) return chance(0.5);
    if (kind === 2) return Number(numberToken());
    if (kind === 3) return anyText(8);
    if (kind === 4) return Array.from({ length: int(3) }, () => jsonValue(depth + 1));
    return jsonObject(depth + 1);
  };
  const jsonObject = (depth = 0) => {
    const object = {};
    for (let i = int(4); i > 0; i -= 1) object[pick(KEYS.slice(1))] = jsonValue(depth);
    return object;
  };
  const algName = () => pick(['HS256', 'HS384', 'HS512']);

  // A header object, and how it says alg.
  const headerObject = () => {
    const object = chance(0.5) ? { typ: 'JWT' } : {};
    Object.assign(object, chance(0.4) ? jsonObject(1) : {});
    delete object.alg;
    return object;
  };
  // JSON text written the way JSON.stringify writes it, or with spacing, or jsrsasign-lenient.
  const strictText = (object) => JSON.stringify(object, null, pick([undefined, undefined, 1, '\t', ' \r\n']));
  const lenientText = (object) => {
    // The tokens of the JSON text, then joined with separators json-sans-eval skips (or that
    // change what it sees, like a letter glued to a number).
    const tokens = JSON.stringify(object).match(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\]]/g) ?? [];
    let out = '';
    for (const token of tokens) {
      out += pick([' ', ':', ',', ' : ', ', ', ';', '\t', '\n', ' x ', 'x', '-', ':,', ' ']);
      out += chance(0.05) ? pick(['}', ']', '{', '[', '"k"', '7']) : '';
      out += chance(0.03) ? '' : token;
    }
    return out + pick(['', ' ', ',', '}', ' garbage']);
  };
  const setAlg = (object, alg, mode) => {
    if (mode === 'absent') return object;
    const value = { same: alg, other: pick(['HS256', 'HS384', 'HS512', 'RS256', 'ES256']), odd: pick([['HS256'], 256, null, true, {}, 'hs256', '']) }[mode];
    return chance(0.5) ? { alg: value, ...object } : { ...object, alg: value };
  };

  return { int, pick, chance, text, anyText, jsonValue, jsonObject, numberToken, algName, headerObject, strictText, lenientText, setAlg };
}

// One random call: [alg, header, payload, key] and what it exercises.
function randomCall(g) {
  const { int, pick, chance } = g;
  const shape = {};
  // Half the calls are meant to sign; in the other half each argument may be a wrong one.
  const faulty = chance(0.5);
  const choose = (valid, wrong) => (faulty && chance(0.35) ? pick(wrong) : pick(valid));
  const alg = (shape.alg = choose(['name', 'name', 'name', 'null', 'undefined', 'empty'], ['unsupported', 'null', 'empty']));
  const name = g.algName();
  const algArg = { name, null: null, undefined, empty: '', unsupported: pick(['RS256', 'ES256', 'PS384', 'HS1', 'hs256', 'HS256 ']) }[alg];
  const headerAlg = (shape.headerAlg =
    alg === 'name' || alg === 'unsupported' ? choose(['absent', 'same'], ['other', 'odd']) : choose(['same'], ['absent', 'other', 'odd']));

  let header;
  const object = g.headerObject();
  const withAlg = g.setAlg(object, alg === 'name' || alg === 'unsupported' ? algArg : name, headerAlg);
  shape.header = choose(['object', 'strict', 'strict', 'lenient'], ['garbage', 'other', 'lenient']);
  if (shape.header === 'object') header = withAlg;
  else if (shape.header === 'strict') header = g.strictText(withAlg);
  else if (shape.header === 'lenient') header = g.lenientText(withAlg);
  else if (shape.header === 'garbage') header = pick(['', 'nope', '[1,2]', '["a"]', 'null', '"text"', '{"a":1', '1 2 3', '{"a":{}', '{"l":[{"length"} 1.5]}', g.anyText(10)]);
  else header = pick([5, true, undefined, null, () => 1]);

  shape.payload = choose(['text', 'text', 'json', 'object', 'array', 'null'], ['other']);
  const payload = {
    text: () => g.anyText(40),
    json: () => JSON.stringify(g.jsonObject()),
    object: () => g.jsonObject(),
    array: () => [g.jsonValue(), g.jsonValue()],
    null: () => null,
    other: () => pick([5, undefined, false]),
  }[shape.payload]();

  shape.key = choose(
    ['secret', 'secret', 'hexEven', 'hexOdd', 'latin1', 'nonLatin', 'lone', 'empty', 'utf8', 'utf8', 'hex', 'b64', 'b64u', 'rstr', 'several'],
    ['badHex', 'noForm', 'missing', 'several'],
  );
  const hexEven = () => g.text(2 * (1 + int(32)), ['hex']);
  const b64ish = () => g.text(int(40), pick([['alnum'], ['alnum', 'json'], ['alnum', 'nonLatin']])) + pick(['', '=', '==', '=x', '-_', '+/']);
  const key = {
    secret: () => g.text(20 + int(20), ['alnum']),
    hexEven,
    hexOdd: () => g.text(2 * int(20) + 1, ['hex']),
    latin1: () => g.text(4 + int(20), ['alnum', 'latin1']),
    nonLatin: () => g.text(4 + int(20), ['alnum', 'nonLatin']),
    lone: () => g.text(4 + int(10), ['alnum', 'lone']),
    empty: () => '',
    utf8: () => ({ utf8: g.text(int(30), pick([['alnum'], ['alnum', 'latin1', 'nonLatin'], ['hex'], ['alnum', 'lone']])) }),
    hex: () => ({ hex: hexEven() }),
    badHex: () => ({ hex: pick(['', 'abc', 'zz', '0x12', ' 12', '12 ']) }),
    b64: () => ({ b64: b64ish() }),
    b64u: () => ({ b64u: b64ish() }),
    rstr: () => ({ rstr: g.text(int(30), ['alnum', 'latin1', 'nonLatin', 'lone']) }),
    several: () => ({ hex: chance(0.7) ? hexEven() : 'xyz', utf8: g.anyText(10), ...(chance(0.5) ? { b64u: b64ish() } : {}) }),
    noForm: () => pick([{}, { secret: 'x' }, []]),
    missing: () => pick([undefined, null, 42, true]),
  }[shape.key]();
  return { args: [algArg, header, payload, key], shape };
}

// ---------------------------------------------------------------- running both

function attempt(fn) {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

const clone = (value) => (typeof value === 'object' && value !== null ? structuredClone(value) : value);

function withWarnings(fn) {
  const warnings = [];
  const original = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  try {
    return { result: fn(), warnings };
  } finally {
    console.warn = original;
  }
}

// The key bytes as the test reads jsrsasign's documented rules, for the forms Node can decode
// the same way (base64 forms excluded: jsrsasign's decoder is its own).
function keyBytes(key) {
  const lowBytes = (s) => Buffer.from(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i) & 0xff));
  if (typeof key === 'string') return /^([0-9A-Fa-f]{2})+$/.test(key) ? Buffer.from(key, 'hex') : lowBytes(key);
  if (key && typeof key === 'object' && !('b64' in key) && !('b64u' in key)) {
    if ('rstr' in key) return lowBytes(key.rstr);
    if ('utf8' in key) return Buffer.from(key.utf8, 'utf8');
    if ('hex' in key) return Buffer.from(key.hex, 'hex');
  }
  return null;
}

function checkedWithNodeHmac(token, key) {
  const bytes = keyBytes(key);
  if (!bytes) return false;
  const [head, body, mac] = token.split('.');
  // The MAC's length says which HMAC it is (the header may be one only jsrsasign reads).
  const hash = { 43: 'sha256', 64: 'sha384', 86: 'sha512' }[mac.length];
  const expected = createHmac(hash, bytes).update(`${head}.${body}`).digest('base64url');
  assert.equal(mac, expected, 'Node HMAC');
  return true;
}

// What the warning rule says for a key: a plain string that is even-length all-hex, or not ASCII.
const warns = (key) => typeof key === 'string' && (/^([0-9A-Fa-f]{2})+$/.test(key) || /[^\x00-\x7f]/.test(key));

function show(args) {
  return JSON.stringify(args, (_, v) => (v === undefined ? '<undefined>' : typeof v === 'function' ? '<function>' : v));
}

// ---------------------------------------------------------------- tests

test(`KJUR.jws.JWS.sign: byte-identical to jsrsasign over ${CASES} random calls (seed ${SEED})`, () => {
  const g = generators(seededRandom(SEED));
  const seen = {};
  const count = (name) => (seen[name] = (seen[name] ?? 0) + 1);
  let signed = 0;
  let refused = 0;
  let nodeChecked = 0;
  for (let i = 0; i < CASES; i += 1) {
    const { args, shape } = randomCall(g);
    const theirArgs = args.map(clone);
    const ourArgs = args.map(clone);
    const expected = attempt(() => theirs.sign(...theirArgs));
    const { result: actual, warnings } = withWarnings(() => attempt(() => ours.sign(...ourArgs)));
    const where = `case ${i} (seed ${SEED}) ${JSON.stringify(shape)}: ${show(args)}`;
    if (expected.ok) {
      assert.ok(actual.ok, `${where}\njsrsasign: ${expected.value}\nzoomsig threw: ${actual.error?.message}`);
      assert.equal(actual.value, expected.value, where);
      // A header object is changed as jsrsasign changes it (alg added when missing).
      assert.deepEqual(ourArgs[1], theirArgs[1], `${where}: header object after the call`);
      assert.equal(warnings.length, warns(args[3]) ? 1 : 0, `${where}: warnings ${warnings}`);
      if (checkedWithNodeHmac(actual.value, args[3])) nodeChecked += 1;
      signed += 1;
    } else {
      assert.ok(!actual.ok, `${where}\njsrsasign threw: ${expected.error?.message ?? expected.error}\nzoomsig: ${actual.value}`);
      assert.equal(actual.error.name, 'ZoomsigError', where);
      assert.match(actual.error.message, /^KJUR\.jws\.JWS\.sign: /, where);
      assert.equal(typeof actual.error.code, 'string', where);
      assert.notEqual(actual.error.code, 'HEADER_UNREPRODUCIBLE', where);
      assert.equal(warnings.length, 0, where);
      count(`error:${actual.error.code}`);
      refused += 1;
    }
    for (const [axis, value] of Object.entries(shape)) count(`${axis}:${value}`);
  }
  console.log(`sign: ${signed} identical tokens (${nodeChecked} also checked with Node's HMAC), ${refused} refused by both, seed ${SEED}`);
  // The generator really covered every form, and both outcomes of most.
  for (const axis of [
    'header:object', 'header:strict', 'header:lenient', 'header:garbage', 'header:other',
    'headerAlg:absent', 'headerAlg:same', 'headerAlg:other', 'headerAlg:odd',
    'payload:text', 'payload:json', 'payload:object', 'payload:array', 'payload:null', 'payload:other',
    'key:secret', 'key:hexEven', 'key:hexOdd', 'key:latin1', 'key:nonLatin', 'key:lone', 'key:empty',
    'key:utf8', 'key:hex', 'key:badHex', 'key:b64', 'key:b64u', 'key:rstr', 'key:several', 'key:noForm', 'key:missing',
    'alg:name', 'alg:null', 'alg:undefined', 'alg:empty', 'alg:unsupported',
    'error:ALG_MISMATCH', 'error:HEADER_NOT_JSON', 'error:KEY_MISSING', 'error:KEY_BAD_HEX', 'error:UNSUPPORTED_ALG',
    'error:HEADER_TYPE', 'error:PAYLOAD_TYPE', 'error:KEY_NO_FORM', 'error:KEY_TYPE', 'error:ALG_MISSING',
  ]) {
    assert.ok((seen[axis] ?? 0) >= 5, `${axis} seen ${seen[axis] ?? 0} times`);
  }
  assert.ok(signed > CASES / 4 && refused > CASES / 10, `${signed} signed, ${refused} refused`);
});

test(`KJUR.jws.JWS.verify: the same answers as jsrsasign over ${CASES} tokens (seed ${SEED})`, () => {
  const g = generators(seededRandom(SEED + 1));
  const { int, pick } = g;
  const seen = { true: 0, false: 0, threw: 0 };
  const b64u = (text) => Buffer.from(text, 'utf8').toString('base64url');
  for (let i = 0; i < CASES; i += 1) {
    const alg = g.algName();
    const key = pick([g.text(24, ['alnum']), g.text(16, ['hex']), { utf8: g.text(12, ['ascii', 'latin1', 'nonLatin']) }, { b64u: g.text(20, ['alnum']) }, g.text(8, ['alnum', 'latin1'])]);
    const header = pick([{ alg, typ: 'JWT' }, { alg }, { alg, crit: ['exp'], exp: 1 }, { alg, crit: pick([[], ['x'], 'exp', [1], ['toString'], ['']]) }]);
    const token = theirs.sign(alg, JSON.stringify(header), JSON.stringify(g.jsonObject()), clone(key));
    const [head, body, mac] = token.split('.');
    const variant = pick(['same', 'same', 'flip', 'short', 'long', 'otherKey', 'otherAlg', 'noAlg', 'junkHeader', 'parts', 'chars', 'empty', 'randomHeader', 'odd']);
    const flip = (s) => { const at = int(s.length); return s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1); };
    const candidate = {
      same: token,
      flip: `${head}.${body}.${flip(mac)}`,
      short: `${head}.${body}.${mac.slice(0, -1 - int(3))}`,
      long: `${head}.${body}.${mac}${pick(['A', 'AA', 'AAA', 'AAAA'])}`,
      otherKey: token,
      otherAlg: `${b64u(JSON.stringify({ alg: pick(['HS256', 'HS384', 'HS512', 'RS256', 'none', 'ES256']) }))}.${body}.${mac}`,
      noAlg: `${b64u('{"typ":"JWT"}')}.${body}.${mac}`,
      junkHeader: `${b64u(pick(['nope', '[]', '{"alg":256}', '{"alg" "HS256",}', '{"alg":["HS256"]}', '']))}.${body}.${mac}`,
      parts: pick([`${head}.${body}`, `${token}.x`, `${head}..${mac}`, '..', '.']),
      chars: pick([`${token}=`, `${token} `, token.replace('.', '+'), `${head}.${body}.${mac}\n`]),
      empty: '',
      randomHeader: `${g.text(int(20), ['alnum'])}.${body}.${mac}`,
      odd: `${head}.${body}.${mac}${pick(['A', 'Q', 'AAAAB'])}`,
    }[variant];
    const verifyKey = variant === 'otherKey' ? pick(['wrong-secret', { utf8: 'x' }, null, undefined, '-----BEGIN KEY-----', { hex: 'zz' }]) : key;
    const accept = pick([undefined, undefined, null, [], [alg], ['HS512', 'HS384'], ['HS256', 'HS384', 'HS512'], 'HS256', [alg, 'RS256']]);
    const expected = attempt(() => theirs.verify(candidate, clone(verifyKey), clone(accept)));
    const actual = attempt(() => ours.verify(candidate, clone(verifyKey), clone(accept)));
    const where = `case ${i} (seed ${SEED + 1}) ${variant}: ${show([candidate, verifyKey, accept])}`;
    if (expected.ok) {
      assert.ok(actual.ok, `${where}\njsrsasign: ${expected.value}\nzoomsig threw: ${actual.error?.message}`);
      assert.equal(actual.value, expected.value, where);
      seen[String(expected.value)] += 1;
    } else {
      assert.ok(!actual.ok, `${where}\njsrsasign threw: ${expected.error?.message ?? expected.error}\nzoomsig: ${actual.value}`);
      assert.equal(actual.error.name, 'ZoomsigError', where);
      assert.match(actual.error.message, /^KJUR\.jws\.JWS\.verify: /, where);
      seen.threw += 1;
    }
  }
  console.log(`verify: ${seen.true} true, ${seen.false} false, ${seen.threw} thrown by both, seed ${SEED + 1}`);
  for (const [outcome, n] of Object.entries(seen)) assert.ok(n > CASES / 20, `${outcome}: ${n}`);
});

test('a hex-looking or non-ASCII secret gets one console.warn, without the secret in it', () => {
  const secret = 'deadbeefcafe0123';
  for (const [key, expected] of [
    [secret, 1],
    ['Zoë secret', 1],
    ['秘密のキー', 1],
    ['abc', 0],
    ['deadbeefcafe012', 0],
    ['ordinaryZoomSecret42', 0],
    [{ utf8: secret }, 0],
    [{ hex: secret }, 0],
  ]) {
    const { result, warnings } = withWarnings(() => ours.sign('HS256', '{"typ":"JWT"}', 'p', key));
    assert.equal(result, theirs.sign('HS256', '{"typ":"JWT"}', 'p', key), JSON.stringify(key));
    assert.equal(warnings.length, expected, JSON.stringify(key));
    for (const warning of warnings) {
      assert.match(warning, /Zoom verifies with the UTF-8 bytes/);
      assert.ok(!warning.includes(typeof key === 'string' ? key : '\u0000'), 'the secret is not in the warning');
    }
  }
});

test('errors name the problem and are ZoomsigErrors with a code', () => {
  const cases = [
    [['HS256', '{"alg":"HS512"}', 'p', 'k'], 'ALG_MISMATCH', /HS256 != "HS512"/],
    [['HS256', 'not json', 'p', 'k'], 'HEADER_NOT_JSON', /not a JSON object/],
    [['HS256', '{}', 'p', undefined], 'KEY_MISSING', /pass the secret/],
    [['HS256', '{}', 'p', { hex: 'abc' }], 'KEY_BAD_HEX', /even-length hex/],
    [['RS256', '{}', 'p', 'k'], 'UNSUPPORTED_ALG', /supports HS256, HS384 and HS512/],
    [[null, '{}', 'p', 'k'], 'ALG_MISSING', /no algorithm/],
    [['HS256', '{}', 5, 'k'], 'PAYLOAD_TYPE', /got a number/],
    [['HS256', '{}', 'p', { secret: 'k' }], 'KEY_NO_FORM', /utf8/],
  ];
  for (const [args, code, message] of cases) {
    assert.throws(() => theirs.sign(...args.map(clone)), undefined, `jsrsasign throws too: ${show(args)}`);
    assert.throws(
      () => ours.sign(...args),
      (error) => error.name === 'ZoomsigError' && error.code === code && message.test(error.message),
      show(args),
    );
  }
});

test('documented refusals: what jsrsasign accepts only by accident, zoomsig refuses', () => {
  // jsrsasign signs `none` tokens (no MAC); zoomsig takes only the HMAC algorithms.
  assert.match(theirs.sign('none', '{}', 'p', 'k'), /\.$/);
  assert.throws(() => ours.sign('none', '{}', 'p', 'k'), { code: 'UNSUPPORTED_ALG' });
  // A __proto__ member sets the parsed header's prototype in jsrsasign's parser.
  assert.ok(theirs.sign(null, '{"__proto__":{"alg":"HS256"}}', 'p', 'k'));
  assert.throws(() => ours.sign(null, '{"__proto__":{"alg":"HS256"}}', 'p', 'k'), { code: 'HEADER_UNREPRODUCIBLE' });
  // Re-writing a header without alg needs the shortest digits of each number; zoomsig writes
  // numbers of up to 15 significant digits (a header with alg is signed as given, any number).
  assert.ok(theirs.sign('HS256', '{"n":0.30000000000000004}', 'p', 'k'));
  assert.throws(() => ours.sign('HS256', '{"n":0.30000000000000004}', 'p', 'k'), { code: 'HEADER_UNREPRODUCIBLE' });
  assert.equal(ours.sign('HS256', '{"alg":"HS256","n":0.30000000000000004}', 'p', 'k'), theirs.sign('HS256', '{"alg":"HS256","n":0.30000000000000004}', 'p', 'k'));
  // jsrsasign coerces non-string key members ({utf8: 5} signs with "5", {rstr: 5} with no key).
  assert.ok(theirs.sign('HS256', '{}', 'p', { utf8: 5 }));
  assert.throws(() => ours.sign('HS256', '{}', 'p', { utf8: 5 }), { code: 'KEY_MEMBER_TYPE' });
  // A non-string alg that jsrsasign loosely equals '' (0, false) takes the header's alg there.
  assert.ok(theirs.sign(0, '{"alg":"HS256"}', 'p', 'k'));
  assert.throws(() => ours.sign(0, '{"alg":"HS256"}', 'p', 'k'), { code: 'ALG_TYPE' });
});

test('KJUR is what jsrsasign exposes for these calls, and a header object is changed as jsrsasign changes it', () => {
  assert.equal(typeof ours.sign, 'function');
  assert.equal(typeof ours.verify, 'function');
  const theirHeader = { typ: 'JWT' };
  const ourHeader = { typ: 'JWT' };
  assert.equal(ours.sign('HS256', ourHeader, { a: 1 }, 'k'), theirs.sign('HS256', theirHeader, { a: 1 }, 'k'));
  assert.deepEqual(ourHeader, { typ: 'JWT', alg: 'HS256' });
  assert.deepEqual(ourHeader, theirHeader);
  // Detached, as jsrsasign's static functions work.
  const { sign } = zoomsig.KJUR.jws.JWS;
  assert.equal(sign('HS256', '{"alg":"HS256"}', 'p', 'k'), theirs.sign('HS256', '{"alg":"HS256"}', 'p', 'k'));
});
