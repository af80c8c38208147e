// The harness: make (or take) a signature, preflight it against exactly what join will get, show
// the findings, then join with Zoom's real SDK and explain how it ended.
// The secret is read from its field when needed and kept nowhere else: not in storage, the URL,
// the console, or the Client View hand-over.
import { renderJoinResult, renderReport } from './report-view.js';
import { joinComponentView } from './zoom-sdk.js';

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
  try {
    return { token: zoomsig.generateSignature(options), key: options.sdkKey, secret: options.sdkSecret };
  } catch (error) {
    showError(error);
    return null;
  }
}

async function checkAndJoin() {
  clearMarks();
  const meetingNumber = normaliseMeetingNumber();
  remember();
  const data = new FormData(form);
  const signature = takeSignature(data, meetingNumber);
  if (!signature) {
    status.textContent = 'No signature: see the error below.';
    return;
  }
  const zak = data.get('zak').trim();
  const report = zoomsig.inspectSignature(signature.token, {
    sdkSecret: signature.secret,
    sdkKey: signature.key,
    meetingNumber,
    zak,
  });
  document.getElementById('token').value = signature.token;
  renderReport(document.getElementById('inspection'), report);
  document.getElementById('preflight').hidden = false;
  const joinSection = document.getElementById('join');
  const result = document.getElementById('join-result');
  if (!report.ok && !data.get('joinAnyway')) {
    joinSection.hidden = true;
    status.textContent = 'Join blocked: the preflight found errors (see Preflight). Fix them, or tick "Join anyway".';
    return;
  }
  const join = {
    signature: signature.token,
    meetingNumber,
    passcode: data.get('passcode'),
    userName: data.get('userName'),
    userEmail: data.get('userEmail'),
    zak,
    obfToken: data.get('obfToken').trim(),
  };
  if (data.get('view') === 'client') {
    // The Client View takes over its page, as in Zoom's CDN sample. Only what join needs goes
    // over (the signature, not the secret), in this tab's sessionStorage, read once.
    sessionStorage.setItem('zoomsig-client-view', JSON.stringify({ join, findings: report.findings, timeoutMs: JOIN_TIMEOUT_MS }));
    location.assign('client-view.html');
    return;
  }
  joinSection.hidden = false;
  result.dataset.outcome = 'joining';
  result.textContent = 'Joining with the Component View…';
  status.textContent = 'Joining…';
  const outcome = await joinComponentView(document.getElementById('meeting-root'), join, JOIN_TIMEOUT_MS);
  renderJoinResult(result, outcome, report.findings, zoomsig.explainJoinError, JOIN_TIMEOUT_MS / 1000);
  status.textContent = outcome.ok ? 'Joined.' : 'Join failed: see Join below.';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  checkAndJoin().catch((error) => {
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
  const box = document.getElementById('check-report');
  renderReport(box, zoomsig.inspectSignature(data.get('token'), context));
  box.hidden = false;
});

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
