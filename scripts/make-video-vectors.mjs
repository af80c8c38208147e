// Writes tests/data/video-token-vectors.json: Video SDK option sets and the token Zoom's
// videosdk-auth-endpoint-sample makes for each, with the real jsrsasign (tests/node/video-sample.mjs).
// The native and wasm suites check generateVideoToken against this file.
// Run: node scripts/make-video-vectors.mjs
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../tests/node/zoom-sample.mjs';
import { endpointVideoToken, randomVideoOptions } from '../tests/node/video-sample.mjs';

const random = seededRandom(20261202);
const fixed = [
  { sdkKey: 'vidKEYabcdEFGHijklMN01', sdkSecret: 'fakeVideoSdkSecretForTesting0123', topic: 'Design Review', role: 1, iat: 1764201600 },
  {
    sdkKey: 'vidKEYabcdEFGHijklMN01', sdkSecret: 'fakeVideoSdkSecretForTesting0123', topic: 'Sprechstunde für Zoë 会議',
    role: '0', expirationSeconds: '1800', sessionKey: 'team-7', userIdentity: 'user-42', geoRegions: 'US, DE',
    cloudRecordingOption: 1, cloudRecordingElection: '1', cloudRecordingTranscriptOption: 2,
    telemetryTrackingId: 'a1b2c3', videoWebRtcMode: 1, audioWebRtcMode: '0', iat: 1764201600,
  },
  { sdkKey: 'k', sdkSecret: 's', topic: 't', role: 1, userKey: 'u'.repeat(36), geoRegions: ['JP', 'SG'], iat: 946684800 },
];
const vectors = [...fixed];
while (vectors.length < 40) vectors.push(randomVideoOptions(random));
const out = vectors.map((options) => ({ options, token: endpointVideoToken(options) }));
writeFileSync(new URL('../tests/data/video-token-vectors.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${out.length} video token vectors`);
