// The independent reference: how Zoom's meetingsdk-auth-endpoint-sample makes a signature, with the
// real jsrsasign package, plus a seeded generator of the option sets the tests feed both sides.
import jsrsasign from 'jsrsasign';

const { KJUR } = jsrsasign;

// The sample's request handling, for the options generateSignature takes: role, expirationSeconds
// and videoWebRtcMode are parseInt'ed, meetingNumber is passed through, exp defaults to 2 h.
export function sampleSignature(options) {
  const key = options.sdkKey ?? options.clientId;
  const secret = options.sdkSecret ?? options.clientSecret;
  const role = parseInt(options.role, 10);
  const expirationSeconds =
    options.expirationSeconds === undefined ? undefined : parseInt(options.expirationSeconds, 10);
  const videoWebRtcMode =
    options.videoWebRtcMode === undefined ? undefined : parseInt(options.videoWebRtcMode, 10);
  const iat = options.iat;
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 60 * 60 * 2;
  const oHeader = { alg: 'HS256', typ: 'JWT' };
  const oPayload = {
    appKey: key,
    // Zoom's endpoint writes both; includeSdkKey: false is the payload without the deprecated one.
    sdkKey: options.includeSdkKey === false ? undefined : key,
    mn: options.meetingNumber,
    role,
    iat,
    exp,
    tokenExp: exp,
    video_webrtc_mode: videoWebRtcMode,
  };
  return KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader), JSON.stringify(oPayload), secret);
}

// Small seeded PRNG (mulberry32) so that failures reproduce from the printed seed.
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

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function pick(random, items) {
  return items[Math.floor(random() * items.length)];
}

function randomText(random, alphabet, min, max) {
  const length = min + Math.floor(random() * (max - min + 1));
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

// An "ordinary" secret as Zoom issues them: alphanumeric, never an even-length all-hex string
// (jsrsasign would hex-decode that one, which is a separate, known difference).
export function ordinarySecret(random) {
  for (;;) {
    const secret = randomText(random, ALPHANUMERIC, 16, 40);
    if (!(secret.length % 2 === 0 && /^[0-9A-Fa-f]+$/.test(secret))) return secret;
  }
}

export function randomOptions(random) {
  const key = randomText(random, ALPHANUMERIC + '_-', 10, 36);
  const digits = randomText(random, '0123456789', 9, 11).replace(/^0/, '1');
  const options = {};
  options[random() < 0.8 ? 'sdkKey' : 'clientId'] = key;
  options[random() < 0.8 ? 'sdkSecret' : 'clientSecret'] = ordinarySecret(random);
  options.meetingNumber = random() < 0.5 ? digits : Number(digits);
  options.role = pick(random, [0, 1, 0, 1, '0', '1']);
  const lifetime = 1800 + Math.floor(random() * (172800 - 1800 + 1));
  const expiration = random();
  if (expiration < 0.4) options.expirationSeconds = lifetime;
  else if (expiration < 0.55) options.expirationSeconds = String(lifetime);
  const mode = random();
  if (mode < 0.4) options.videoWebRtcMode = pick(random, [0, 1]);
  else if (mode < 0.5) options.videoWebRtcMode = pick(random, ['0', '1']);
  const withSdkKey = random();
  if (withSdkKey < 0.15) options.includeSdkKey = false;
  else if (withSdkKey < 0.25) options.includeSdkKey = true;
  options.iat = 1600000000 + Math.floor(random() * 300000000);
  return options;
}
