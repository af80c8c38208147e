#!/usr/bin/env node
// The `zoomsig` command: makes Meeting SDK signatures and Video SDK tokens, checks a token where it
// is made, and explains a join error, with the wasm of the package it ships in. The secret comes
// only from an environment variable or standard input: a command line is visible to every process
// on the machine.
import { readFileSync } from 'node:fs';
import { explainJoinError, generateSignature, generateVideoToken, initSync, inspectSignature } from '../zoomsig.js';

const USAGE = `Usage:
  zoomsig sign --key KEY --secret-env NAME --meeting NUMBER --role 0|1
               [--expiration SECONDS] [--iat SECONDS] [--video-webrtc-mode 0|1]
      Prints a Meeting SDK signature. --client-id is another name for --key.
  zoomsig sign-video --key KEY --secret-env NAME --topic TOPIC --role 0|1
               [--expiration SECONDS] [--iat SECONDS] [--session-key KEY]
               [--user-identity ID | --user-key ID] [--geo-regions US,DE]
               [--cloud-recording-option 0|1] [--cloud-recording-election 0|1]
               [--cloud-recording-transcript-option 0|1|2] [--telemetry-tracking-id [ID]]
               [--video-webrtc-mode 0|1] [--audio-webrtc-mode 0|1]
      Prints a Video SDK token (--telemetry-tracking-id without an ID: a fresh UUID).
  zoomsig inspect TOKEN|- [--secret-env NAME] [--key KEY] [--meeting NUMBER] [--topic TOPIC]
               [--sdk meeting|video] [--sdk-version X.Y.Z] [--zak ZAK] [--now SECONDS] [--json]
      Checks a token (- reads it from standard input): what is wrong, and what remains to check.
  zoomsig explain CODE [--sdk meeting|video] [--reason TEXT]
      Says what a join error code means, its causes and fixes.
  zoomsig --version
      Prints the package's version.

The secret: --secret-env NAME reads it from the environment variable NAME, --secret-stdin from the
first line of standard input. It is never taken on the command line.

Exit status: 0 done (inspect: no error found), 1 an error in what was given (inspect: in the
token; sign, sign-video: an option zoomsig refused), 2 the command itself was misused.
`;

// Misuse of the command itself (exit 2), as opposed to an input the library refuses (exit 1).
class UsageError extends Error {}

const VALUE = 'value';
const FLAG = 'flag';
// --telemetry-tracking-id takes an ID, or none for `true` (a fresh UUID).
const OPTIONAL_VALUE = 'optional value';

// Names under which people try to pass the secret itself.
const SECRET_ON_COMMAND_LINE = new Set(['secret', 'sdk-secret', 'client-secret', 'sdkSecret', 'clientSecret']);

// Library options that are numbers: given as decimal digits they are passed as numbers; anything
// else is passed as the text typed, so that the library's own error names what is wrong with it.
const NUMERIC = new Set([
  'role', 'expirationSeconds', 'iat', 'now', 'videoWebRtcMode', 'audioWebRtcMode',
  'cloudRecordingOption', 'cloudRecordingElection', 'cloudRecordingTranscriptOption',
]);

const SECRET_SOURCES = { 'secret-env': { takes: VALUE }, 'secret-stdin': { takes: FLAG } };

const COMMANDS = {
  sign: {
    options: {
      key: { takes: VALUE, as: 'sdkKey' },
      'client-id': { takes: VALUE, as: 'clientId' },
      ...SECRET_SOURCES,
      meeting: { takes: VALUE, as: 'meetingNumber' },
      role: { takes: VALUE, as: 'role' },
      expiration: { takes: VALUE, as: 'expirationSeconds' },
      iat: { takes: VALUE, as: 'iat' },
      'video-webrtc-mode': { takes: VALUE, as: 'videoWebRtcMode' },
    },
    run: (parsed) => sign(parsed, generateSignature),
  },
  'sign-video': {
    options: {
      key: { takes: VALUE, as: 'sdkKey' },
      ...SECRET_SOURCES,
      topic: { takes: VALUE, as: 'topic' },
      role: { takes: VALUE, as: 'role' },
      expiration: { takes: VALUE, as: 'expirationSeconds' },
      iat: { takes: VALUE, as: 'iat' },
      'session-key': { takes: VALUE, as: 'sessionKey' },
      'user-identity': { takes: VALUE, as: 'userIdentity' },
      'user-key': { takes: VALUE, as: 'userKey' },
      'geo-regions': { takes: VALUE, as: 'geoRegions' },
      'cloud-recording-option': { takes: VALUE, as: 'cloudRecordingOption' },
      'cloud-recording-election': { takes: VALUE, as: 'cloudRecordingElection' },
      'cloud-recording-transcript-option': { takes: VALUE, as: 'cloudRecordingTranscriptOption' },
      'telemetry-tracking-id': { takes: OPTIONAL_VALUE, as: 'telemetryTrackingId' },
      'video-webrtc-mode': { takes: VALUE, as: 'videoWebRtcMode' },
      'audio-webrtc-mode': { takes: VALUE, as: 'audioWebRtcMode' },
    },
    run: (parsed) => sign(parsed, generateVideoToken),
  },
  inspect: {
    operand: 'TOKEN (or -, to read it from standard input)',
    options: {
      ...SECRET_SOURCES,
      key: { takes: VALUE, as: 'sdkKey' },
      meeting: { takes: VALUE, as: 'meetingNumber' },
      topic: { takes: VALUE, as: 'topic' },
      sdk: { takes: VALUE, as: 'sdk' },
      'sdk-version': { takes: VALUE, as: 'sdkVersion' },
      zak: { takes: VALUE, as: 'zak' },
      now: { takes: VALUE, as: 'now' },
      json: { takes: FLAG },
    },
    run: inspect,
  },
  explain: {
    operand: 'CODE (a join error code such as 3712)',
    options: { sdk: { takes: VALUE }, reason: { takes: VALUE } },
    run: explain,
  },
};

// Names people reach for, and the option they mean.
const ALIASES = {
  'sdk-key': 'key', 'meeting-number': 'meeting', 'expiration-seconds': 'expiration', exp: 'expiration',
  token: 'inspect', verify: 'inspect', check: 'inspect', generate: 'sign', video: 'sign-video',
};

// Optimal string alignment distance: a typo is a few insertions, deletions, changes or swaps.
function editDistance(a, b) {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

function closest(name, candidates) {
  const plain = name.replace(/([a-z])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
  if (candidates.includes(plain)) return plain;
  if (candidates.includes(ALIASES[plain])) return ALIASES[plain];
  const [best] = candidates
    .map((candidate) => [candidate, editDistance(plain, candidate)])
    .filter(([, distance]) => distance <= Math.max(1, Math.floor(plain.length / 4)))
    .sort((a, b) => a[1] - b[1]);
  return best?.[0];
}

// A name as a message may show it: a long one (a pasted token or secret, perhaps) by its length only.
const shown = (name) => (name.length > 32 ? `(a value of ${name.length} characters)` : name);

// Before anything else, wherever it is: the value that follows is never read, let alone printed.
function refuseSecretOnCommandLine(args) {
  const end = args.indexOf('--');
  for (const arg of end === -1 ? args : args.slice(0, end)) {
    const name = arg.replace(/^--?/, '').split('=')[0];
    if (arg.startsWith('-') && SECRET_ON_COMMAND_LINE.has(name)) {
      throw new UsageError(
        `--${name} is refused: a command line is visible to every process on this machine (ps, ` +
          '/proc) and is kept in shell history. Put the secret in an environment variable and name ' +
          'it with --secret-env NAME, or pipe it in with --secret-stdin. If you just typed it, it ' +
          'may now be in your shell history.',
      );
    }
  }
}

function parse(command, args) {
  const { options, operand } = COMMANDS[command];
  const values = {};
  const operands = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '-' || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(arg.startsWith('--') ? 2 : 1, equals === -1 ? undefined : equals);
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);
    const option = arg.startsWith('--') && Object.hasOwn(options, name) ? options[name] : undefined;
    if (!option) {
      const meant = closest(name, Object.keys(options));
      const hint = meant ? ` (did you mean --${meant}?)` : '';
      throw new UsageError(`${command} has no option ${shown(arg.split('=')[0])}${hint}`);
    }
    if (name in values) throw new UsageError(`--${name} is given twice`);
    const next = args[i + 1];
    const nextIsValue = next !== undefined && !next.startsWith('--');
    if (option.takes === FLAG) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
    } else if (inline !== undefined) {
      values[name] = inline;
    } else if (nextIsValue) {
      values[name] = next;
      i += 1;
    } else if (option.takes === OPTIONAL_VALUE) {
      values[name] = true;
    } else {
      throw new UsageError(`--${name} needs a value`);
    }
  }
  if (operand && operands.length !== 1) {
    throw new UsageError(`${command} takes one ${operand}; got ${operands.length}`);
  }
  if (!operand && operands.length > 0) {
    throw new UsageError(`${command} takes no ${operands.length === 1 ? 'argument' : 'arguments'} besides its options; got ${operands.length}`);
  }
  return { command, values, operand: operands[0] };
}

// The library's options from the parsed ones, numbers typed as decimal digits passed as numbers.
function libraryOptions(command, values) {
  const result = {};
  for (const [name, value] of Object.entries(values)) {
    const as = COMMANDS[command].options[name].as;
    if (as === undefined) continue;
    result[as] = NUMERIC.has(as) && /^[0-9]+$/.test(value) ? Number(value) : value;
  }
  return result;
}

const readStdin = () => readFileSync(0, 'utf8');
// What a pipe or `echo` adds at the end is not part of the value.
const withoutFinalNewline = (text) => text.replace(/\r?\n$/, '');

// A name like ZOOM_SECRET is shown; a long run of mixed-case letters and digits is more likely the
// secret itself, typed where its variable's name goes, and is not.
const looksLikeSecret = (name) => name.length >= 16 && !name.includes('_') && /[a-z]/.test(name) && /[A-Z0-9]/.test(name);

function readSecret(values, { tokenFromStdin = false } = {}) {
  const name = values['secret-env'];
  if (name !== undefined && values['secret-stdin']) {
    throw new UsageError('give the secret one way: --secret-env NAME or --secret-stdin, not both');
  }
  if (values['secret-stdin']) {
    if (tokenFromStdin) {
      throw new UsageError('the token is read from standard input (-), so the secret cannot be: use --secret-env NAME');
    }
    const [firstLine] = readStdin().split(/\r?\n/);
    if (firstLine === '') throw new UsageError('--secret-stdin: the first line of standard input is empty');
    return firstLine;
  }
  if (name === undefined) return undefined;
  const variable = looksLikeSecret(name)
    ? 'the environment variable named by --secret-env (its name looks like a secret: --secret-env takes the name of the variable that holds the secret)'
    : `the environment variable ${name} (--secret-env)`;
  const secret = Object.hasOwn(process.env, name) ? process.env[name] : undefined;
  if (secret === undefined) throw new UsageError(`${variable} is not set`);
  if (secret === '') throw new UsageError(`${variable} is empty`);
  return secret;
}

function sign({ command, values }, generate) {
  const sdkSecret = readSecret(values);
  if (sdkSecret === undefined) {
    throw new UsageError(`${command} needs the secret: --secret-env NAME (the variable that holds it) or --secret-stdin`);
  }
  process.stdout.write(`${generate({ ...libraryOptions(command, values), sdkSecret })}\n`);
  return 0;
}

function checkSdk(sdk) {
  if (sdk !== undefined && sdk !== 'meeting' && sdk !== 'video') {
    throw new UsageError('--sdk takes meeting or video');
  }
}

const KINDS = {
  'meeting-sdk': 'a Meeting SDK signature',
  'video-sdk': 'a Video SDK token',
  'rest-api-jwt': "a JWT app's REST API token, not an SDK signature",
  'legacy-web-signature': "Zoom's signature of Web SDK 2.2 and earlier",
  unknown: 'not a token of a kind zoomsig knows',
};

const HMAC_STATUS = {
  verified: 'its HMAC matches the secret',
  mismatch: 'its HMAC does not match the secret',
  'no-secret': 'its HMAC was not checked: no secret given (--secret-env NAME)',
};

function inspect({ command, values, operand }) {
  checkSdk(values.sdk);
  const tokenFromStdin = operand === '-';
  const sdkSecret = readSecret(values, { tokenFromStdin });
  const token = tokenFromStdin ? withoutFinalNewline(readStdin()) : operand;
  const context = libraryOptions(command, values);
  if (sdkSecret !== undefined) context.sdkSecret = sdkSecret;
  const report = inspectSignature(token, context);
  // A context the library could not use came from this command's options: misuse, not a finding.
  const unusable = report.findings.find((finding) => finding.code === 'CONTEXT_INVALID');
  if (unusable) throw new UsageError(unusable.message);
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report, errors));
  return errors === 0 ? 0 : 1;
}

function describeReport(report, errors) {
  const hmac = HMAC_STATUS[report.signatureStatus] ?? `its HMAC was not checked (${report.signatureStatus})`;
  const lines = [`This is ${KINDS[report.kind] ?? report.kind}; ${hmac}.`, ''];
  lines.push(report.findings.length === 0 ? 'Findings: none.' : 'Findings:');
  for (const finding of report.findings) {
    const field = finding.field ? ` (${finding.field})` : '';
    lines.push(`  ${finding.severity} ${finding.code}${field}: ${finding.message}`);
    if (finding.fix) lines.push(`      fix: ${finding.fix}`);
  }
  if (report.remaining.length > 0) {
    lines.push('', 'What remains to check (only Zoom can see it), most likely first:');
    report.remaining.forEach((cause, index) => {
      const first = index === 0 ? ' (check this first)' : '';
      lines.push(`  ${index + 1}. ${cause.code}${first}: ${cause.message}`, `      check: ${cause.check}`);
    });
  }
  lines.push(
    '',
    errors === 0
      ? 'Everything that can be checked offline passed; Zoom may still refuse it for a reason only Zoom can see (above).'
      : `${errors} ${errors === 1 ? 'error' : 'errors'} found: Zoom would refuse this token.`,
  );
  return `${lines.join('\n')}\n`;
}

function explain({ values, operand }) {
  checkSdk(values.sdk);
  if (!/^-?[0-9]+$/.test(operand)) {
    throw new UsageError(`explain takes a join error code, a number such as 3712; got ${shown(operand)}`);
  }
  const why = explainJoinError(
    { errorCode: Number(operand), reason: values.reason },
    undefined,
    values.sdk === undefined ? undefined : { sdk: values.sdk },
  );
  const lines = [`${why.code ?? operand} ${why.name}: ${why.meaning}`];
  const list = (title, items) => {
    if (items.length > 0) lines.push('', `${title}:`, ...items.map((item) => `  - ${item}`));
  };
  list('Causes', why.causes);
  list('Fixes', why.fixes);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function main(args) {
  const [command, ...rest] = args;
  if (command === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-V') {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`zoomsig ${version}\n`);
    return 0;
  }
  refuseSecretOnCommandLine(args);
  if (!Object.hasOwn(COMMANDS, command)) {
    const meant = closest(command.replace(/^-+/, ''), Object.keys(COMMANDS));
    const hint = meant ? ` (did you mean ${meant}?)` : '';
    throw new UsageError(`no command ${shown(command.split('=')[0])}${hint}; the commands are ${Object.keys(COMMANDS).join(', ')}`);
  }
  const parsed = parse(command, rest);
  if (parsed.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  initSync({ module: readFileSync(new URL('../zoomsig_bg.wasm', import.meta.url)) });
  return COMMANDS[command].run(parsed);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`zoomsig: ${error.message}\nRun zoomsig --help for the usage.\n`);
    process.exitCode = 2;
  } else if (error?.name === 'ZoomsigError') {
    const field = error.field ? ` (${error.field})` : '';
    process.stderr.write(`zoomsig: ${error.code}${field}: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
