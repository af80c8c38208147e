// The `zoomsig` command (issue 15) as a user gets it: pkg/ packed with `npm pack`, the tarball
// installed into a fresh project without a registry, then run as node_modules/.bin/zoomsig and
// through npx, with the secret in the environment. Expected tokens come from the real jsrsasign
// the way Zoom's samples call it (zoom-sample.mjs, video-sample.mjs) and from Node's HMAC.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import zoomsig from './load-package.mjs';
import { endpointVideoToken } from './video-sample.mjs';
import { ordinarySecret, sampleSignature, seededRandom } from './zoom-sample.mjs';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
const SEED = Number(process.env.ZOOMSIG_SEED ?? Date.now() % 2 ** 31);
const SECRET = ordinarySecret(seededRandom(SEED));
const SECRET_VARIABLE = 'ZOOM_MEETING_SDK_SECRET';
const KEY = 'abcdEFGHijklMNOPqrst12';
const MEETING = '85746065432';
const IAT = 1764201600;

let workDir;
let project;

before(() => {
  workDir = mkdtempSync(join(tmpdir(), 'zoomsig-cli-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', PKG, '--json', '--pack-destination', workDir], { encoding: 'utf8' }));
  project = join(workDir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "cli-trial", "private": true }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(workDir, packed[0].filename)], {
    cwd: project,
    stdio: 'ignore',
  });
});

after(() => rmSync(workDir, { recursive: true, force: true }));

// Runs the installed command with only the environment given (and PATH, HOME for npx), and checks
// that the secret is in none of its output.
function run(args, { env = {}, input = '', via = 'bin' } = {}) {
  const [file, prefix] = via === 'npx' ? ['npx', ['--no-install', 'zoomsig']] : [join(project, 'node_modules/.bin/zoomsig'), []];
  const result = spawnSync(file, [...prefix, ...args], {
    cwd: project,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    input,
    encoding: 'utf8',
  });
  assert.equal(result.error, undefined);
  for (const stream of ['stdout', 'stderr']) {
    assert.ok(!result[stream].includes(SECRET), `the secret is in the ${stream} of zoomsig ${args.join(' ')}`);
  }
  return result;
}

const withSecret = { env: { [SECRET_VARIABLE]: SECRET } };
const signArgs = ['sign', '--key', KEY, '--secret-env', SECRET_VARIABLE, '--meeting', MEETING];
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

function verifiesWithNodeCrypto(token, secret) {
  const [header, payload, signature] = token.split('.');
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${header}.${payload}`).digest('base64url') === signature;
}

// A current token (the default iat, now - 30 s) for the inspect tests.
function freshToken() {
  const { status, stdout } = run([...signArgs, '--role', '0'], withSecret);
  assert.equal(status, 0);
  return stdout.trim();
}

// The numbered lines under "What remains to check", as [code, marked first].
function remainingCodes(stdout) {
  const section = stdout.split('What remains to check')[1] ?? '';
  return [...section.matchAll(/^ {2}\d+\. ([A-Z_]+)( \(check this first\))?:/gm)].map((m) => [m[1], Boolean(m[2])]);
}

test('the tarball installs the command as a bin, with the wasm it loads', () => {
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/zoomsig/package.json'), 'utf8'));
  assert.deepEqual(installed.bin, { zoomsig: './cli/zoomsig.mjs' });
  const { status, stdout } = run(['--help']);
  assert.equal(status, 0);
  assert.match(stdout, /zoomsig sign .*--secret-env NAME/);
  const none = run([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^Usage:/);
  const version = run(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout, `zoomsig ${installed.version}\n`);
  assert.match(installed.version, /^\d+\.\d+\.\d+/);
});

test(`sign: the token jsrsasign makes for the same payload, its HMAC verified by Node (seed ${SEED})`, () => {
  const cases = [
    [['--role', '0', '--iat', String(IAT)], { role: 0, iat: IAT }],
    [['--role', '1', '--iat', String(IAT), '--expiration', '1800', '--video-webrtc-mode', '1'],
      { role: 1, iat: IAT, expirationSeconds: 1800, videoWebRtcMode: 1 }],
  ];
  for (const [args, options] of cases) {
    const { status, stdout, stderr } = run([...signArgs, ...args], withSecret);
    assert.equal(status, 0, stderr);
    const token = stdout.trim();
    assert.equal(stdout, `${token}\n`);
    assert.equal(token, sampleSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING, ...options }));
    assert.ok(verifiesWithNodeCrypto(token, SECRET));
  }
});

test('sign --client-id and --secret-stdin (first line, newline stripped) give the same token', () => {
  const args = ['sign', '--client-id', KEY, '--secret-stdin', '--meeting', MEETING, '--role', '0', '--iat', String(IAT)];
  const { status, stdout } = run(args, { input: `${SECRET}\nnot read\n` });
  assert.equal(status, 0);
  assert.equal(stdout.trim(), sampleSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: MEETING, role: 0, iat: IAT }));
});

test("sign: an option the library refuses is its typed error, exit 1; the command's misuse is exit 2", () => {
  const refused = [
    [['--role', '2'], /^zoomsig: INVALID_ROLE \(role\): /],
    [['--role', '0', '--iat', String(IAT * 1000)], /^zoomsig: INVALID_IAT \(iat\): .*milliseconds/],
    [['--role', '0', '--expiration', '600'], /^zoomsig: INVALID_EXPIRATION \(expirationSeconds\): /],
  ];
  for (const [args, message] of refused) {
    const { status, stderr } = run([...signArgs, ...args], withSecret);
    assert.equal(status, 1, stderr);
    assert.match(stderr, message);
  }
  const pasted = run(['sign', '--key', KEY, '--secret-env', SECRET_VARIABLE, '--meeting', '857 4606 5432', '--role', '0'], withSecret);
  assert.equal(pasted.status, 1);
  assert.match(pasted.stderr, /INVALID_MEETING_NUMBER \(meetingNumber\): .*"85746065432"/);

  const misused = [
    [['--role', '0', '--meetng', MEETING], /has no option --meetng \(did you mean --meeting\?\)/],
    [['--role', '0', '--meetingNumber', MEETING], /did you mean --meeting\?/],
    [['--role'], /--role needs a value/],
    [['--role', '--iat', String(IAT)], /--role needs a value/],
    [['--role', '0', '--role', '1'], /--role is given twice/],
    [['--role', '0', 'extra'], /takes no argument/],
  ];
  for (const [args, message] of misused) {
    const { status, stderr } = run([...signArgs, ...args], withSecret);
    assert.equal(status, 2, stderr);
    assert.match(stderr, message);
  }
  const noSecret = run(['sign', '--key', KEY, '--meeting', MEETING, '--role', '0']);
  assert.equal(noSecret.status, 2);
  assert.match(noSecret.stderr, /needs the secret: --secret-env NAME/);
  const unknownCommand = run(['sing']);
  assert.equal(unknownCommand.status, 2);
  assert.match(unknownCommand.stderr, /no command sing \(did you mean sign\?\)/);
});

test('--secret is refused, wherever it is, for the command line is visible to other processes; its value is not echoed', () => {
  const value = 'typedOnTheCommandLine42';
  for (const args of [
    ['sign', '--key', KEY, '--secret', value, '--meeting', MEETING, '--role', '0'],
    ['inspect', 'x.y.z', `--secret=${value}`],
    ['--sdk-secret', value],
    ['sign', '--clientSecret', value],
  ]) {
    const { status, stdout, stderr } = run(args);
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, /is refused: a command line is visible to every process on this machine/);
    assert.match(stderr, /--secret-env NAME/);
    assert.ok(!`${stdout}${stderr}`.includes(value), `zoomsig ${args.join(' ')} echoed the value`);
  }
});

test('--secret-env names a variable that is unset or empty: exit 2, naming it', () => {
  const unset = run([...signArgs, '--role', '0']);
  assert.equal(unset.status, 2);
  assert.match(unset.stderr, new RegExp(`environment variable ${SECRET_VARIABLE} .* is not set`));
  const empty = run(['inspect', 'a.b.c', '--secret-env', SECRET_VARIABLE], { env: { [SECRET_VARIABLE]: '' } });
  assert.equal(empty.status, 2);
  assert.match(empty.stderr, new RegExp(`environment variable ${SECRET_VARIABLE} .* is empty`));
  // The secret typed where its variable's name goes is not echoed back.
  const secretAsName = run([...signArgs.slice(0, 3), '--secret-env', 'q7Hd0wLkR2xYp9Tz4VbN', '--meeting', MEETING, '--role', '0']);
  assert.equal(secretAsName.status, 2);
  assert.match(secretAsName.stderr, /its name looks like a secret/);
  assert.ok(!secretAsName.stderr.includes('q7Hd0wLkR2xYp9Tz4VbN'));
});

test('sign-video: the token of Zoom\'s videosdk-auth-endpoint-sample for every option, HMAC verified by Node', () => {
  const args = [
    'sign-video', '--key', KEY, '--secret-env', SECRET_VARIABLE, '--topic', 'Design Review', '--role', '1',
    '--iat', String(IAT), '--expiration', '3600', '--session-key', 'room-7', '--user-identity', 'user 42',
    '--geo-regions', 'US,DE', '--cloud-recording-option', '1', '--cloud-recording-election', '0',
    '--cloud-recording-transcript-option', '2', '--telemetry-tracking-id', 'trace-1',
    '--video-webrtc-mode', '1', '--audio-webrtc-mode', '0',
  ];
  const { status, stdout, stderr } = run(args, withSecret);
  assert.equal(status, 0, stderr);
  const token = stdout.trim();
  assert.equal(token, endpointVideoToken({
    sdkKey: KEY, sdkSecret: SECRET, topic: 'Design Review', role: '1', iat: IAT, expirationSeconds: '3600',
    sessionKey: 'room-7', userIdentity: 'user 42', geoRegions: 'US,DE', cloudRecordingOption: '1',
    cloudRecordingElection: '0', cloudRecordingTranscriptOption: '2', telemetryTrackingId: 'trace-1',
    videoWebRtcMode: '1', audioWebRtcMode: '0',
  }));
  assert.ok(verifiesWithNodeCrypto(token, SECRET));

  // --telemetry-tracking-id without a value is `true`: a fresh UUID v4.
  const minimal = ['sign-video', '--key', KEY, '--secret-env', SECRET_VARIABLE, '--topic', 'Design Review', '--role', '0'];
  const fresh = run([...minimal, '--telemetry-tracking-id', '--iat', String(IAT)], withSecret);
  assert.equal(fresh.status, 0, fresh.stderr);
  const { telemetry_tracking_id: id, ...rest } = claimsOf(fresh.stdout.trim());
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual(rest, claimsOf(endpointVideoToken({ sdkKey: KEY, sdkSecret: SECRET, topic: 'Design Review', role: 0, iat: IAT })));

  const refused = run([...minimal, '--geo-regions', 'us'], withSecret);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /^zoomsig: INVALID_GEO_REGIONS \(geoRegions\): /);
});

test('npx zoomsig inspect "$TOKEN" --secret-env ZOOM_MEETING_SDK_SECRET: a good token exits 0, KEY_APP_TYPE first', () => {
  const token = freshToken();
  for (const via of ['bin', 'npx']) {
    const { status, stdout, stderr } = run(['inspect', token, '--secret-env', SECRET_VARIABLE], { ...withSecret, via });
    assert.equal(status, 0, `${via}: ${stderr}`);
    assert.match(stdout, /^This is a Meeting SDK signature; its HMAC matches the secret\./);
    assert.match(stdout, /info SIGNATURE_VERIFIED/);
    const remaining = remainingCodes(stdout);
    assert.deepEqual(remaining[0], ['KEY_APP_TYPE', true]);
    assert.ok(remaining.slice(1).every(([, first]) => !first));
    assert.ok(remaining.some(([code]) => code === 'KEY_SECRET_PAIR'));
    assert.match(stdout, /Everything that can be checked offline passed; Zoom may still refuse it/);
  }
});

test('inspect: a token for another meeting exits 1 and names MN_MISMATCH; the JSON report is the library\'s', () => {
  const token = freshToken();
  const other = ['inspect', token, '--secret-env', SECRET_VARIABLE, '--key', KEY, '--meeting', '85746065433'];
  const { status, stdout } = run(other, withSecret);
  assert.equal(status, 1);
  assert.match(stdout, /error MN_MISMATCH \(mn\): /);
  assert.match(stdout, /1 error found: Zoom would refuse this token/);

  const json = run([...other, '--json'], withSecret);
  assert.equal(json.status, 1);
  const report = JSON.parse(json.stdout);
  assert.equal(report.ok, false);
  assert.ok(report.findings.some((finding) => finding.code === 'MN_MISMATCH' && finding.severity === 'error'));
  assert.ok(Array.isArray(report.remaining) && report.remaining.length > 0);
  assert.equal(report.signatureVerified, true);
  assert.deepEqual(
    report.findings.map((finding) => finding.code),
    zoomsig.inspectSignature(token, { sdkSecret: SECRET, sdkKey: KEY, meetingNumber: '85746065433' }).findings.map((finding) => finding.code),
  );

  const good = run(['inspect', token, '--secret-env', SECRET_VARIABLE, '--meeting', MEETING, '--json'], withSecret);
  assert.equal(good.status, 0);
  assert.equal(JSON.parse(good.stdout).remaining[0].code, 'KEY_APP_TYPE');
});

test('inspect - reads the token from standard input; --secret-stdin then is refused', () => {
  const token = freshToken();
  const { status, stdout } = run(['inspect', '-', '--secret-env', SECRET_VARIABLE, '--meeting', MEETING], { ...withSecret, input: `${token}\n` });
  assert.equal(status, 0);
  assert.match(stdout, /its HMAC matches the secret/);
  assert.doesNotMatch(stdout, /TOKEN_NOT_TRIMMED/);
  const wrongSecret = run(['inspect', '-', '--secret-env', 'OTHER_SECRET'], { env: { OTHER_SECRET: 'notTheSecret1' }, input: token });
  assert.equal(wrongSecret.status, 1);
  assert.match(wrongSecret.stdout, /error SIGNATURE_MISMATCH/);
  const both = run(['inspect', '-', '--secret-stdin'], { input: `${token}\n${SECRET}\n` });
  assert.equal(both.status, 2);
  assert.match(both.stderr, /the token is read from standard input/);
  const secretFromStdin = run(['inspect', token, '--secret-stdin'], { input: `${SECRET}\n` });
  assert.equal(secretFromStdin.status, 0);
  assert.match(secretFromStdin.stdout, /its HMAC matches the secret/);
});

test('inspect: a Video SDK token against its topic; bad usage exits 2', () => {
  const video = run(['sign-video', '--key', KEY, '--secret-env', SECRET_VARIABLE, '--topic', 'Design Review', '--role', '1'], withSecret).stdout.trim();
  const { status, stdout } = run(['inspect', video, '--secret-env', SECRET_VARIABLE, '--topic', 'design review'], withSecret);
  assert.equal(status, 0);
  assert.match(stdout, /^This is a Video SDK token/);
  assert.deepEqual(remainingCodes(stdout)[0], ['VIDEO_KEY_TYPE', true]);
  const otherTopic = run(['inspect', video, '--topic', 'Other'], withSecret);
  assert.equal(otherTopic.status, 1);
  assert.match(otherTopic.stdout, /error TPC_MISMATCH/);

  for (const [args, message] of [
    [['inspect'], /inspect takes one TOKEN/],
    [['inspect', video, video], /inspect takes one TOKEN/],
    [['inspect', video, '--sdk', 'zoom'], /--sdk takes meeting or video/],
    [['inspect', video, '--jsn'], /has no option --jsn \(did you mean --json\?\)/],
    [['inspect', video, '--json=yes'], /--json takes no value/],
    // What the library cannot use as context is the command's misuse too, not a finding.
    [['inspect', video, '--now', '12x'], /now must be whole seconds/],
    [['inspect', video, '--sdk-version', 'latest'], /sdkVersion/],
  ]) {
    const result = run(args);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, message);
  }
});

test('explain 3712 prints its meaning, causes and fixes; an unknown code exits 0, a non-number 2', () => {
  const { status, stdout } = run(['explain', '3712']);
  assert.equal(status, 0);
  const why = zoomsig.explainJoinError(3712);
  assert.ok(stdout.startsWith(`3712 INVALID_SIGNATURE: ${why.meaning}\n`));
  assert.ok(why.causes.length > 3);
  for (const line of [...why.causes, ...why.fixes]) assert.ok(stdout.includes(`  - ${line}\n`), line);

  const video = run(['explain', '200', '--sdk', 'video', '--reason', 'Verify JWT failed']);
  assert.equal(video.status, 0);
  assert.match(video.stdout, /^200 SESSION_FETCH_INFO_ERROR: /);
  assert.match(video.stdout, /Video SDK key/);

  const unknown = run(['explain', '99999']);
  assert.equal(unknown.status, 0);
  assert.match(unknown.stdout, /^99999 UNKNOWN: /);
  const notANumber = run(['explain', '37l2']);
  assert.equal(notANumber.status, 2);
  assert.match(notANumber.stderr, /explain takes a join error code, a number such as 3712/);
});
