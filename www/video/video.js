// The Video SDK harness: make a Video SDK token, preflight it against exactly what
// client.join(topic, token, userName, password) will get, show the findings, then join with Zoom's
// real Video SDK and explain how it ended.
// The secret is read from its field when needed and kept nowhere else: not in storage, the URL or
// the console.
import { renderJoinResult, renderReport } from '../report-view.js';
import { failedJoin, loadScripts, oneJoinAtATime, withTimeout } from '../zoom-sdk.js';

/** The version of @zoom/videosdk that package.json pins and /videosdk/ serves. */
const SDK_VERSION = '2.5.0';
const VIDEOSDK = `${location.origin}/videosdk`;

const form = document.getElementById('join-form');
const status = document.getElementById('status');
const params = new URLSearchParams(location.search);
// Above the SDK's own 30 s client timeout, so that an unreachable Zoom is the SDK's answer.
const JOIN_TIMEOUT_MS = Number(params.get('joinTimeout')) || 35000;
const REMEMBERED = 'zoomsig-video-harness';
// Only these fields are remembered between visits: nothing secret (no session key, no password),
// no tokens.
const REMEMBER_FIELDS = ['sdkKey', 'expirationSeconds', 'topic', 'role', 'userName', 'userIdentity', 'identityClaim',
  'geoRegions', 'cloudRecordingOption', 'cloudRecordingElection', 'cloudRecordingTranscriptOption',
  'videoWebRtcMode', 'audioWebRtcMode'];
// Optional claims given as numbers when chosen; "not set" leaves them out.
const NUMBER_OPTIONS = ['cloudRecordingOption', 'cloudRecordingElection', 'cloudRecordingTranscriptOption',
  'videoWebRtcMode', 'audioWebRtcMode'];
// The package, loaded at the end (a failed load is said on the page, not left as "Loading...").
let zoomsig;
// The SDK's client is one per page (createClient returns the same one); init once, again after a failure.
let initialised = null;

function field(name) {
  return form.elements.namedItem(name);
}

function showIsolation() {
  document.getElementById('isolation').textContent = window.crossOriginIsolated
    ? 'Cross-origin isolated: yes (SharedArrayBuffer is available for the SDK\'s best media paths).'
    : 'Cross-origin isolated: no (no SharedArrayBuffer: joining works, some media features fall back). Serve with COOP/COEP headers, as `make serve` does.';
}

function remember() {
  const secret = field('sdkSecret').value.trim();
  const kept = Object.fromEntries(REMEMBER_FIELDS.map((name) => [name, field(name).value]));
  // A secret typed into another field (the key, most likely) is still the secret: never keep it.
  for (const name of REMEMBER_FIELDS) if (secret !== '' && kept[name].trim() === secret) kept[name] = '';
  kept.telemetryTrackingId = field('telemetryTrackingId').checked;
  localStorage.setItem(REMEMBERED, JSON.stringify(kept));
}

function restore() {
  try {
    const kept = JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}');
    for (const name of REMEMBER_FIELDS) if (typeof kept[name] === 'string' && kept[name] !== '') field(name).value = kept[name];
    if (typeof kept.telemetryTrackingId === 'boolean') field('telemetryTrackingId').checked = kept.telemetryTrackingId;
  } catch {
    localStorage.removeItem(REMEMBERED);
  }
}

function clearMarks() {
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  document.getElementById('error').hidden = true;
}

/** The form field an error's `field` names (userKey and userIdentity share one). */
function inputFor(name) {
  return field(name === 'userKey' ? 'userIdentity' : name);
}

function showError(error) {
  document.getElementById('error').hidden = false;
  document.getElementById('error-code').textContent = error.code ?? error.name;
  document.getElementById('error-message').textContent = error.message;
  const input = inputFor(error.field);
  if (input instanceof HTMLElement) {
    // An optional claim's field is in the folded box: unfold it, or the mark is not seen.
    const folded = input.closest('details');
    if (folded) folded.open = true;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

/** The generateVideoToken options from the form: empty optional fields are left out. */
function tokenOptions(data) {
  const options = {
    sdkKey: data.get('sdkKey'),
    sdkSecret: data.get('sdkSecret'),
    topic: data.get('topic'),
    role: Number(data.get('role')),
  };
  if (data.get('expirationSeconds') !== '') options.expirationSeconds = Number(data.get('expirationSeconds'));
  if (data.get('sessionKey') !== '') options.sessionKey = data.get('sessionKey');
  if (data.get('userIdentity') !== '') options[data.get('identityClaim')] = data.get('userIdentity');
  if (data.get('geoRegions').trim() !== '') options.geoRegions = data.get('geoRegions');
  for (const name of NUMBER_OPTIONS) if (data.get(name) !== '') options[name] = Number(data.get(name));
  if (data.get('telemetryTrackingId')) options.telemetryTrackingId = true;
  return options;
}

/** Makes the token and preflights it; `{ join, report }`, or null when making it was refused. */
function makeAndCheck(data) {
  const options = tokenOptions(data);
  let token;
  try {
    token = zoomsig.generateVideoToken(options);
  } catch (error) {
    showError(error);
    status.textContent = 'No token: see the error below.';
    return null;
  }
  // Exactly what client.join will get.
  const join = { topic: options.topic, token, userName: data.get('userName'), password: data.get('password') };
  const report = zoomsig.inspectSignature(token, {
    sdkSecret: options.sdkSecret,
    sdkKey: options.sdkKey,
    topic: join.topic,
    sdk: 'video',
    sdkVersion: SDK_VERSION,
  });
  document.getElementById('token').value = token;
  renderReport(document.getElementById('inspection'), report);
  document.getElementById('preflight').hidden = false;
  return { join, report };
}

/** Says which Video SDK the page runs, and whether it is the one the preflight assumed. */
function showLoadedVersion(version) {
  document.getElementById('sdk-version').textContent = version === SDK_VERSION
    ? `Video SDK ${version}, loaded`
    : `Video SDK ${version}, loaded (the preflight assumed ${SDK_VERSION})`;
}

/** Loads the SDK from /videosdk/, inits it with the local assets and joins; settles with the outcome. */
function joinSession(join) {
  const attempt = (async () => {
    await loadScripts([`${VIDEOSDK}/index.umd.js`]);
    const ZoomVideo = window.WebVideoSDK.default;
    showLoadedVersion(ZoomVideo.VERSION);
    const client = ZoomVideo.createClient();
    // An absolute URL: the SDK ignores a relative one and fetches its assets from Zoom's CDN.
    initialised ??= client.init('en-US', `${VIDEOSDK}/lib`, { patchJsMedia: true })
      .catch((error) => { initialised = null; throw error; });
    await initialised;
    await client.join(join.topic, join.token, join.userName, join.password);
    return { ok: true };
  })().catch(failedJoin);
  return withTimeout(attempt, JOIN_TIMEOUT_MS);
}

async function checkAndJoin(wantsJoin) {
  clearMarks();
  remember();
  const data = new FormData(form);
  const made = makeAndCheck(data);
  const joinSection = document.getElementById('join');
  if (!made) {
    joinSection.hidden = true;
    return;
  }
  const { join, report } = made;
  if (!wantsJoin) {
    joinSection.hidden = true;
    status.textContent = report.ok
      ? 'Checked, not joined: everything checkable passed (see Preflight for what remains).'
      : 'Checked, not joined: the preflight found errors (see Preflight).';
    return;
  }
  if (!report.ok && !data.get('joinAnyway')) {
    joinSection.hidden = true;
    status.textContent = 'Join blocked: the preflight found errors (see Preflight). Fix them, or tick "Join anyway".';
    return;
  }
  const result = document.getElementById('join-result');
  joinSection.hidden = false;
  result.dataset.outcome = 'joining';
  delete result.dataset.code;
  result.textContent = 'Joining the session with the Video SDK…';
  status.textContent = 'Joining…';
  const outcome = await joinSession(join);
  const explain = (error, inspected) => zoomsig.explainJoinError(error, inspected, { sdk: 'video' });
  renderJoinResult(result, outcome, report, explain, JOIN_TIMEOUT_MS / 1000, 'video');
  status.textContent = result.dataset.outcome === 'joined' ? 'Joined.' : 'Join failed: see Join below.';
}

const submitButtons = form.querySelectorAll('button[type="submit"]');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // "Make and check" submits too, but joins nothing.
  const wantsJoin = event.submitter?.value !== 'check';
  oneJoinAtATime(submitButtons, () => checkAndJoin(wantsJoin), (error) => {
    status.textContent = `Something went wrong in the page: ${error.message}`;
  });
});

document.getElementById('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText(document.getElementById('token').value);
  status.textContent = 'Token copied.';
});

document.getElementById('sdk-version').textContent = `Video SDK ${SDK_VERSION}`;
showIsolation();
restore();
try {
  zoomsig = await import('/pkg/zoomsig.js');
} catch (error) {
  status.textContent = `zoomsig did not load: /pkg/zoomsig.js could not be imported (${error.message}). `
    + 'Build it with `make serve` (or `make build`), which writes pkg/.';
}
if (zoomsig) {
  try {
    await zoomsig.default();
    if (typeof zoomsig.generateVideoToken !== 'function') {
      status.textContent = 'This build of zoomsig has no generateVideoToken: rebuild it with `make build`.';
    } else {
      for (const button of submitButtons) button.disabled = false;
      status.textContent = 'Ready.';
    }
  } catch (error) {
    status.textContent = `The wasm module did not load: ${error.message}`;
  }
}
