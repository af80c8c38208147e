// The harness: make (or take) a signature, preflight it against exactly what join will get, show
// the findings, then join with Zoom's real SDK and explain how it ended.
// The secret is read from its field when needed and kept nowhere else: not in storage, the URL,
// the console, or the Client View hand-over.
import { renderJoinResult, renderReport } from './report-view.js';
import { SDK_VERSION, joinComponentView } from './zoom-sdk.js';

const form = document.getElementById('join-form');
const checkForm = document.getElementById('check-form');
const status = document.getElementById('status');
const params = new URLSearchParams(location.search);
const JOIN_TIMEOUT_MS = Number(params.get('joinTimeout')) || 35000;
const REMEMBERED = 'zoomsig-harness';
// Only these fields are remembered between visits: nothing secret, no tokens.
const REMEMBER_FIELDS = ['sdkKey', 'meetingNumber', 'userName', 'userEmail', 'role', 'view', 'expirationSeconds'];
// The package, loaded at the end (a failed load is said on the page, not left as "Loading...").
let zoomsig;

function field(name) {
  return form.elements.namedItem(name);
}

function showIsolation() {
  document.getElementById('isolation').textContent = window.crossOriginIsolated
    ? 'Cross-origin isolated: yes (SharedArrayBuffer is available, so the SDK can show gallery view).'
    : 'Cross-origin isolated: no (no SharedArrayBuffer: the SDK falls back, without gallery view). Serve with COOP/COEP headers, as `make serve` does.';
}

function remember() {
  const kept = Object.fromEntries(REMEMBER_FIELDS.map((name) => [name, field(name).value]));
  // A secret typed into the key field is still the secret: never keep it.
  if (kept.sdkKey !== '' && kept.sdkKey.trim() === field('sdkSecret').value.trim()) kept.sdkKey = '';
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

function showSource() {
  const pasting = new FormData(form).get('source') === 'paste';
  document.getElementById('generate-fields').hidden = pasting;
  document.getElementById('paste-fields').hidden = !pasting;
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
  const input = field(error.field === 'clientId' ? 'sdkKey' : error.field);
  if (input instanceof HTMLElement) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

/** The signature to join with, made here or pasted; `null` when making it was refused. */
function takeSignature(data, meetingNumber) {
  if (data.get('source') === 'paste') {
    return { token: data.get('pastedSignature'), key: data.get('expectedKey').trim() || undefined };
  }
  const options = {
    sdkKey: data.get('sdkKey'),
    sdkSecret: data.get('sdkSecret'),
    meetingNumber,
    role: Number(data.get('role')),
  };
  if (data.get('expirationSeconds') !== '') options.expirationSeconds = Number(data.get('expirationSeconds'));
  if (data.get('leaveOutSdkKey')) options.includeSdkKey = false;
  try {
    return { token: zoomsig.generateSignature(options), key: options.sdkKey, secret: options.sdkSecret };
  } catch (error) {
    showError(error);
    return null;
  }
}

/** Makes (or takes) the signature and preflights it; the report, or null when none was made. */
function makeAndCheck(data, meetingNumber) {
  const signature = takeSignature(data, meetingNumber);
  if (!signature) {
    status.textContent = 'No signature: see the error below.';
    return null;
  }
  const report = zoomsig.inspectSignature(signature.token, {
    sdkSecret: signature.secret,
    sdkKey: signature.key,
    meetingNumber,
    zak: data.get('zak').trim(),
    sdkVersion: SDK_VERSION,
  });
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
  const made = makeAndCheck(data, meetingNumber);
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
  if (data.get('view') === 'client') {
    result.textContent = 'Joining with the Client View in a new tab (this form stays as it is)…';
    status.textContent = 'Joining in the Client View tab…';
    const outcome = await joinInClientViewTab(details, report);
    renderJoinResult(result, outcome, report, zoomsig.explainJoinError, JOIN_TIMEOUT_MS / 1000, 'client');
  } else {
    result.textContent = 'Joining with the Component View…';
    status.textContent = 'Joining…';
    const outcome = await joinComponentView(document.getElementById('meeting-root'), details, JOIN_TIMEOUT_MS);
    renderJoinResult(result, outcome, report, zoomsig.explainJoinError, JOIN_TIMEOUT_MS / 1000, 'component');
  }
  status.textContent = result.dataset.outcome === 'joined' ? 'Joined.' : 'Join failed: see Join below.';
}

/**
 * Opens the Client View in a tab of its own, as Zoom's CDN sample does, so that this form keeps
 * what was typed. Only what join needs goes over (never the secret), by postMessage to that tab
 * when it asks; nothing is stored. Settles with the tab's outcome.
 */
function joinInClientViewTab(details, report) {
  const tab = window.open('client-view.html', '_blank');
  if (!tab) return Promise.resolve({ ok: false, error: new Error('the browser blocked the Client View tab (allow pop-ups for this page)') });
  return new Promise((settle) => {
    const timer = setTimeout(() => settle({ ok: false, timedOut: true }), JOIN_TIMEOUT_MS + 15000);
    const listen = (event) => {
      if (event.origin !== location.origin || event.source !== tab) return;
      if (event.data?.type === 'zoomsig-client-view-ready') {
        tab.postMessage({ type: 'zoomsig-join', join: details, report, timeoutMs: JOIN_TIMEOUT_MS }, location.origin);
      } else if (event.data?.type === 'zoomsig-join-outcome') {
        clearTimeout(timer);
        window.removeEventListener('message', listen);
        settle(event.data.outcome);
      }
    };
    window.addEventListener('message', listen);
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // "Make and check" submits too, but joins nothing.
  const join = event.submitter?.value !== 'check';
  checkAndJoin(join).catch((error) => {
    status.textContent = `Something went wrong in the page: ${error.message}`;
  });
});
form.addEventListener('change', (event) => {
  if (event.target.name === 'source') showSource();
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
  context.sdkVersion = SDK_VERSION;
  const box = document.getElementById('check-report');
  renderReport(box, zoomsig.inspectSignature(data.get('token'), context));
  box.hidden = false;
});

document.getElementById('sdk-version').textContent = `Meeting SDK ${SDK_VERSION}`;
showIsolation();
restore();
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
