// The harness: make (or take) a signature, preflight it against exactly what join will get, show
// the findings, then join with Zoom's real SDK and explain how it ended.
// The secret is read from its field when needed and kept nowhere else: not in storage, the URL,
// the console, or the Client View hand-over. With "From your auth endpoint" it is not used at all
// (its field is disabled): the person's own endpoint signs, and the page checks and joins with
// what it answers.
import { renderJoinResult, renderReport } from './report-view.js';
import { SDK_PATHS, SDK_VERSION, joinComponentView, oneJoinAtATime, servedVersion } from './zoom-sdk.js';

const form = document.getElementById('join-form');
const checkForm = document.getElementById('check-form');
const status = document.getElementById('status');
const params = new URLSearchParams(location.search);
const JOIN_TIMEOUT_MS = Number(params.get('joinTimeout')) || 35000;
const ENDPOINT_TIMEOUT_MS = Number(params.get('endpointTimeout')) || 10000;
// The hosts whose endpoints `make serve`'s Content-Security-Policy allows at any port.
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'];
const REMEMBERED = 'zoomsig-harness';
// Only these fields are remembered between visits: nothing secret, no tokens.
const REMEMBER_FIELDS = ['sdkKey', 'meetingNumber', 'userName', 'userEmail', 'role', 'view', 'expirationSeconds', 'authEndpoint', 'sdkVersion'];
// These are remembered only once they differ from their default, so nothing changes for those who never use them.
const REMEMBER_UNLESS = { authEndpoint: '', sdkVersion: SDK_VERSION };
// How each Meeting SDK version sends the signature to Zoom, said next to the choice.
const SDK_NOTES = {
  '6.2.0': 'Both views POST the signature to zoom.us/api/v1/wc/info.',
  '4.1.0': 'The version Zoom\'s Angular sample pins. Both views send the signature and the passcode to zoom.us/api/v1/wc/info'
    + ' in the URL of a JSONP GET, where 6.2.0 POSTs them.',
};
// The package, loaded at the end (a failed load is said on the page, not left as "Loading...").
let zoomsig;
// The Meeting SDK version whose Component View this page has loaded: an SDK cannot be unloaded, so
// another version needs a reload (the Client View gets a fresh tab each time).
let componentViewVersion = null;

function field(name) {
  return form.elements.namedItem(name);
}

function showIsolation() {
  document.getElementById('isolation').textContent = window.crossOriginIsolated
    ? 'Cross-origin isolated: yes (SharedArrayBuffer is available, so the SDK can show gallery view).'
    : 'Cross-origin isolated: no (no SharedArrayBuffer: the SDK falls back, without gallery view). Serve with COOP/COEP headers, as `make serve` does.';
}

function remember() {
  const secret = field('sdkSecret').value.trim();
  const kept = Object.fromEntries(REMEMBER_FIELDS.map((name) => [name, field(name).value])
    .filter(([name, value]) => value !== REMEMBER_UNLESS[name]));
  // A secret typed into another field (the key, most likely) is still the secret: never keep it.
  for (const name of Object.keys(kept)) if (secret !== '' && kept[name].trim() === secret) kept[name] = '';
  // Nor an endpoint URL with credentials in it (its request is refused too).
  const endpoint = URL.canParse(kept.authEndpoint ?? '') ? new URL(kept.authEndpoint) : null;
  if (endpoint && (endpoint.username || endpoint.password)) delete kept.authEndpoint;
  localStorage.setItem(REMEMBERED, JSON.stringify(kept));
}

function restore() {
  try {
    const kept = JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}');
    for (const name of REMEMBER_FIELDS) if (typeof kept[name] === 'string' && kept[name] !== '') field(name).value = kept[name];
  } catch {
    localStorage.removeItem(REMEMBERED);
  }
}

/** The Meeting SDK version the join will load: the one chosen, when this server serves it. */
function chosenSdkVersion() {
  return servedVersion(field('sdkVersion').value);
}

/** Says which SDK version is chosen, and keeps it in the address (the default adds nothing), so a reload keeps it. */
function showSdkVersion() {
  const version = chosenSdkVersion();
  field('sdkVersion').value = version;
  document.getElementById('sdk-version').textContent = `Meeting SDK ${version}`;
  document.getElementById('sdk-note').textContent = `Meeting SDK ${version}, loaded from this server (${SDK_PATHS[version]}/). ${SDK_NOTES[version]}`;
  const address = new URL(location.href);
  const inAddress = version === SDK_VERSION ? null : version;
  if (address.searchParams.get('sdk') === inAddress) return;
  if (inAddress) address.searchParams.set('sdk', inAddress);
  else address.searchParams.delete('sdk');
  history.replaceState(history.state, '', address);
}

/** Shows the parts of the form the chosen source uses; the others are disabled, so never read. */
function showSource() {
  const source = new FormData(form).get('source');
  for (const part of form.querySelectorAll('[data-for]')) {
    const shown = part.dataset.for.split(' ').includes(source);
    part.hidden = !shown;
    if (part instanceof HTMLFieldSetElement) part.disabled = !shown;
  }
}

let normalised = null;

/** Turns a pasted number or invite link into digits in the field, and says so. */
function normaliseMeetingNumber() {
  const input = field('meetingNumber');
  const typed = input.value.trim();
  const digits = zoomsig.meetingNumberDigits(typed);
  const note = document.getElementById('meeting-note');
  if (digits && digits !== typed) {
    input.value = digits;
    normalised = digits;
    note.textContent = `Turned "${typed}" into the meeting number ${digits}.`;
  } else if (typed !== normalised) {
    note.textContent = '';
  }
  return input.value.trim();
}

function clearMarks() {
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  document.getElementById('error').hidden = true;
}

function showError(error) {
  const box = document.getElementById('error');
  box.hidden = false;
  document.getElementById('error-code').textContent = error.code ?? error.name;
  document.getElementById('error-message').textContent = error.message;
  const details = document.getElementById('error-details');
  details.replaceChildren(...(error.details ?? []).map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  details.hidden = details.childElementCount === 0;
  const input = field(error.field === 'clientId' ? 'sdkKey' : error.field);
  if (input instanceof HTMLElement) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

/** The choices that shape the token, for generateSignature and for the auth endpoint alike. */
function tokenChoices(data) {
  const choices = { role: Number(data.get('role')) };
  if (data.get('expirationSeconds') !== '') choices.expirationSeconds = Number(data.get('expirationSeconds'));
  if (data.get('videoWebRtcMode') !== '') choices.videoWebRtcMode = Number(data.get('videoWebRtcMode'));
  return choices;
}

/** Why the auth endpoint gave no signature: `details` are the endpoint's own errors, as it sent them. */
class EndpointError extends Error {
  constructor(code, message, { field = 'authEndpoint', details = [] } = {}) {
    super(message);
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

function excerpt(text) {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function unreachable(url) {
  const advice = [`Could not reach ${url.href}: nothing answered there, or the endpoint does not allow CORS from`
    + ` this page's origin (${location.origin}). Is it running? It must allow CORS from this origin, as Zoom's`
    + ' sample does with cors(): answer the preflight (OPTIONS) and the POST with Access-Control-Allow-Origin.'];
  if (!LOOPBACK_HOSTS.includes(url.hostname) && url.origin !== location.origin) {
    advice.push('The page may also connect only where its server\'s Content-Security-Policy allows (with make serve:'
      + ` http://localhost:*, http://127.0.0.1:* and ENDPOINT_ORIGIN): start it with ENDPOINT_ORIGIN=${url.origin} make serve.`);
  }
  return new EndpointError('ENDPOINT_UNREACHABLE', advice.join(' '));
}

/**
 * POSTs the meeting's values to the person's auth endpoint, as Zoom's web sample posts them to
 * meetingsdk-auth-endpoint-sample, and takes the `{ signature, sdkKey }` it answers. No secret
 * goes anywhere: the endpoint has its own.
 */
async function signatureFromEndpoint(data, meetingNumber) {
  const typed = data.get('authEndpoint').trim();
  if (typed === '') throw new EndpointError('ENDPOINT_URL_MISSING', 'Type your auth endpoint\'s URL, e.g. http://localhost:4000 (where Zoom\'s sample listens).');
  const url = URL.canParse(typed) ? new URL(typed) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new EndpointError('ENDPOINT_URL_INVALID', `"${typed}" is not an http:// or https:// URL.`);
  }
  // The URL is remembered and shown in messages: it must carry no credentials.
  if (url.username || url.password) {
    throw new EndpointError('ENDPOINT_URL_INVALID', 'The endpoint URL has a user name or password in it: leave them out (this page remembers and shows the URL).');
  }
  let response;
  let text;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ meetingNumber, ...tokenChoices(data) }),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(ENDPOINT_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    if (error.name !== 'TimeoutError') throw unreachable(url);
    throw new EndpointError('ENDPOINT_TIMEOUT', `No answer from ${url.href} after ${ENDPOINT_TIMEOUT_MS / 1000} s.`);
  }
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  if (response.status === 400 && Array.isArray(answer?.errors)) {
    // Zoom's sample refuses a request as { errors: [{ property, reason }] }: shown as it is.
    throw new EndpointError('ENDPOINT_REFUSED', 'Your endpoint refused the request (HTTP 400):', {
      field: answer.errors[0]?.property,
      details: answer.errors.map((error) => (error?.property !== undefined ? `${error.property}: ${error.reason}` : JSON.stringify(error))),
    });
  }
  if (!response.ok) {
    throw new EndpointError('ENDPOINT_HTTP_ERROR', `Your endpoint answered HTTP ${response.status}: ${excerpt(text)}`);
  }
  if (answer === undefined) {
    throw new EndpointError('ENDPOINT_NOT_JSON', `Your endpoint answered, but not with JSON: ${excerpt(text)}`);
  }
  if (typeof answer?.signature !== 'string') {
    throw new EndpointError('ENDPOINT_NO_SIGNATURE', `Your endpoint's answer has no "signature" string (Zoom's sample answers { signature, sdkKey }): ${excerpt(text)}`);
  }
  const returnedKey = typeof answer.sdkKey === 'string' ? answer.sdkKey : undefined;
  return { token: answer.signature, key: returnedKey ?? (data.get('sdkKey').trim() || undefined), returnedKey, from: url.href };
}

/** The signature to join with, made here, pasted or from the auth endpoint; `null` when none came. */
async function takeSignature(data, meetingNumber) {
  if (data.get('source') === 'paste') {
    return { token: data.get('pastedSignature'), key: data.get('expectedKey').trim() || undefined };
  }
  if (data.get('source') === 'endpoint') {
    status.textContent = 'Asking your auth endpoint for a signature…';
    try {
      return await signatureFromEndpoint(data, meetingNumber);
    } catch (error) {
      if (!(error instanceof EndpointError)) throw error;
      showError(error);
      return null;
    }
  }
  const options = {
    sdkKey: data.get('sdkKey'),
    sdkSecret: data.get('sdkSecret'),
    meetingNumber,
    ...tokenChoices(data),
  };
  if (data.get('leaveOutSdkKey')) options.includeSdkKey = false;
  try {
    return { token: zoomsig.generateSignature(options), key: options.sdkKey, secret: options.sdkSecret };
  } catch (error) {
    showError(error);
    return null;
  }
}

/** Says where an endpoint's signature came from, and plainly that its HMAC is Zoom's to check. */
function describeSource(signature) {
  const note = document.getElementById('signature-source');
  note.hidden = !signature.from;
  if (!signature.from) return;
  const key = signature.returnedKey === undefined
    ? 'It returned no sdkKey'
    : `It returned the sdkKey ${signature.returnedKey}`;
  note.textContent = `From your auth endpoint, ${signature.from}. ${key}. The secret stays on your server, so the`
    + ' HMAC is not checked here ("not checked" below is expected, not a fault): Zoom checks it when you join,'
    + ' and whether the key and the secret belong together is among what remains.';
}

/** Makes (or takes) the signature and preflights it; the report, or null when none was made. */
async function makeAndCheck(data, meetingNumber) {
  const signature = await takeSignature(data, meetingNumber);
  if (!signature) {
    status.textContent = 'No signature: see the error below.';
    return null;
  }
  const report = zoomsig.inspectSignature(signature.token, {
    sdkSecret: signature.secret,
    sdkKey: signature.key,
    meetingNumber,
    zak: data.get('zak').trim(),
    sdkVersion: servedVersion(data.get('sdkVersion')),
  });
  describeSource(signature);
  document.getElementById('token').value = signature.token;
  renderReport(document.getElementById('inspection'), report);
  document.getElementById('preflight').hidden = false;
  return { signature, report };
}

async function checkAndJoin(join) {
  clearMarks();
  const meetingNumber = normaliseMeetingNumber();
  remember();
  const data = new FormData(form);
  const made = await makeAndCheck(data, meetingNumber);
  const joinSection = document.getElementById('join');
  if (!made) return;
  const { signature, report } = made;
  if (!join) {
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
  const sdkVersion = servedVersion(data.get('sdkVersion'));
  const view = data.get('view') === 'client' ? 'client' : 'component';
  if (view === 'component' && componentViewVersion && componentViewVersion !== sdkVersion) {
    joinSection.hidden = true;
    status.textContent = `Join blocked: this page has loaded the Component View of Meeting SDK ${componentViewVersion}, which cannot`
      + ` be unloaded. Reload the page to join with ${sdkVersion} (the choice is kept), or choose the Client View.`;
    return;
  }
  const details = {
    signature: signature.token,
    meetingNumber,
    passcode: data.get('passcode'),
    userName: data.get('userName'),
    userEmail: data.get('userEmail'),
    zak: data.get('zak').trim(),
    obfToken: data.get('obfToken').trim(),
  };
  const result = document.getElementById('join-result');
  joinSection.hidden = false;
  result.hidden = false;
  result.dataset.outcome = 'joining';
  document.getElementById('join-sdk').textContent = `Meeting SDK ${sdkVersion}, ${view === 'client' ? 'Client' : 'Component'} View, loaded from this server (${SDK_PATHS[sdkVersion]}/).`;
  if (view === 'client') {
    result.textContent = 'Joining with the Client View in a new tab (this form stays as it is)…';
    status.textContent = 'Joining in the Client View tab…';
    const outcome = await joinInClientViewTab(details, report, sdkVersion);
    renderJoinResult(result, outcome, report, zoomsig.explainJoinError, JOIN_TIMEOUT_MS / 1000, 'client');
  } else {
    result.textContent = 'Joining with the Component View…';
    status.textContent = 'Joining…';
    componentViewVersion = sdkVersion;
    const outcome = await joinComponentView(document.getElementById('meeting-root'), details, JOIN_TIMEOUT_MS, sdkVersion);
    renderJoinResult(result, outcome, report, zoomsig.explainJoinError, JOIN_TIMEOUT_MS / 1000, 'component');
  }
  status.textContent = result.dataset.outcome === 'joined' ? 'Joined.' : 'Join failed: see Join below.';
}

/**
 * Opens the Client View in a tab of its own, as Zoom's CDN sample does, so that this form keeps
 * what was typed. Only what join needs goes over (never the secret), by postMessage to that tab
 * when it asks, with the SDK version to load; nothing is stored. Settles with the tab's outcome.
 */
function joinInClientViewTab(details, report, sdkVersion) {
  const tab = window.open('client-view.html', '_blank');
  if (!tab) return Promise.resolve({ ok: false, error: new Error('the browser blocked the Client View tab (allow pop-ups for this page)') });
  return new Promise((settle) => {
    const timer = setTimeout(() => settle({ ok: false, timedOut: true }), JOIN_TIMEOUT_MS + 15000);
    const listen = (event) => {
      if (event.origin !== location.origin || event.source !== tab) return;
      if (event.data?.type === 'zoomsig-client-view-ready') {
        tab.postMessage({ type: 'zoomsig-join', join: details, report, sdkVersion, timeoutMs: JOIN_TIMEOUT_MS }, location.origin);
      } else if (event.data?.type === 'zoomsig-join-outcome') {
        clearTimeout(timer);
        window.removeEventListener('message', listen);
        settle(event.data.outcome);
      }
    };
    window.addEventListener('message', listen);
  });
}

const submitButtons = form.querySelectorAll('button[type="submit"]');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // "Make and check" submits too, but joins nothing.
  const join = event.submitter?.value !== 'check';
  oneJoinAtATime(submitButtons, () => checkAndJoin(join), (error) => {
    status.textContent = `Something went wrong in the page: ${error.message}`;
  });
});
form.addEventListener('change', (event) => {
  if (event.target.name === 'source') showSource();
  if (event.target.name === 'sdkVersion') showSdkVersion();
});
field('meetingNumber').addEventListener('blur', normaliseMeetingNumber);

document.getElementById('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText(document.getElementById('token').value);
  status.textContent = 'Signature copied.';
});

checkForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(checkForm);
  const context = {};
  for (const name of ['sdkSecret', 'meetingNumber', 'sdkKey']) {
    const value = data.get(name).trim();
    if (value !== '') context[name] = value;
  }
  context.sdkVersion = chosenSdkVersion();
  const box = document.getElementById('check-report');
  renderReport(box, zoomsig.inspectSignature(data.get('token'), context));
  box.hidden = false;
});

showIsolation();
restore();
if (params.has('sdk')) field('sdkVersion').value = params.get('sdk');
showSdkVersion();
showSource();
try {
  zoomsig = await import('/pkg/zoomsig.js');
} catch (error) {
  status.textContent = `zoomsig did not load: /pkg/zoomsig.js could not be imported (${error.message}). `
    + 'Build it with `make serve` (or `make build`), which writes pkg/.';
}
if (zoomsig) {
  try {
    await zoomsig.default();
    for (const button of document.querySelectorAll('button[type="submit"]')) button.disabled = false;
    status.textContent = 'Ready.';
  } catch (error) {
    status.textContent = `The wasm module did not load: ${error.message}`;
  }
}
