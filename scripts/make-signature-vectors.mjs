// Writes tests/data/signature-vectors.json: option sets and the token Zoom's sample makes for each
// with the real jsrsasign. The native and wasm test suites check zoomsig against this file.
// Run: node scripts/make-signature-vectors.mjs
import { writeFileSync } from 'node:fs';
import { randomOptions, sampleSignature, seededRandom } from '../tests/node/zoom-sample.mjs';

const random = seededRandom(20261127);
const fixed = [
  // The shapes of Zoom's two sample pages: mn as a string (Angular) and as a number (CDN).
  { sdkKey: 'abcdEFGHijklMNOPqrst12', sdkSecret: 'fakeClientSecretForTesting0123456',
    meetingNumber: '8512345678', role: 0, iat: 1764201600 },
  { clientId: 'abcdEFGHijklMNOPqrst12', clientSecret: 'fakeClientSecretForTesting0123456',
    meetingNumber: 85746065432, role: 1, expirationSeconds: 1800, videoWebRtcMode: 1,
    iat: 1764201600 },
  { sdkKey: 'k', sdkSecret: 's', meetingNumber: '123456789', role: '1',
    expirationSeconds: '172800', videoWebRtcMode: '0', iat: 946684800 },
];
const vectors = [...fixed];
while (vectors.length < 40) vectors.push(randomOptions(random));
const out = vectors.map((options) => ({ options, token: sampleSignature(options) }));
writeFileSync(
  new URL('../tests/data/signature-vectors.json', import.meta.url),
  `${JSON.stringify(out, null, 1)}\n`,
);
console.log(`wrote ${out.length} vectors`);
