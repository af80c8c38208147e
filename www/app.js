// The page: reads the form, calls zoomsig's generateSignature, shows the token decoded.
// The secret is read from the form at the moment of use and kept nowhere else.
import init, { generateSignature } from '/pkg/zoomsig.js';

const form = document.getElementById('signature-form');
const status = document.getElementById('status');
const submit = form.querySelector('button[type="submit"]');

function decodeSegment(segment) {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function describeDuration(seconds) {
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  return `${sign}${hours} h ${minutes} min`;
}

function readOptions() {
  const data = new FormData(form);
  const options = {
    sdkKey: data.get('sdkKey'),
    sdkSecret: data.get('sdkSecret'),
    meetingNumber: data.get('meetingNumber'),
    role: Number(data.get('role')),
  };
  const expiration = data.get('expirationSeconds');
  if (expiration !== '') options.expirationSeconds = Number(expiration);
  return options;
}

function showError(error) {
  document.getElementById('result').hidden = true;
  const box = document.getElementById('error');
  box.hidden = false;
  document.getElementById('error-code').textContent = error.code ?? error.name;
  document.getElementById('error-message').textContent = error.message;
  const field = form.elements.namedItem(error.field === 'clientId' ? 'sdkKey' : error.field);
  if (field instanceof HTMLElement) {
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  }
}

function showToken(token) {
  document.getElementById('error').hidden = true;
  const [header, payload] = token.split('.').slice(0, 2).map(decodeSegment);
  document.getElementById('token').value = token;
  document.getElementById('header').textContent = JSON.stringify(header, null, 2);
  document.getElementById('payload').textContent = JSON.stringify(payload, null, 2);
  const left = payload.exp - Math.floor(Date.now() / 1000);
  document.getElementById('expiry').textContent =
    `Issued ${new Date(payload.iat * 1000).toLocaleString()}; expires ` +
    `${new Date(payload.exp * 1000).toLocaleString()} (in ${describeDuration(left)}).`;
  document.getElementById('result').hidden = false;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  try {
    showToken(generateSignature(readOptions()));
    status.textContent = 'Signature made.';
  } catch (error) {
    showError(error);
    status.textContent = 'Signature not made: see below.';
  }
});

document.getElementById('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText(document.getElementById('token').value);
  status.textContent = 'Signature copied.';
});

try {
  await init();
  submit.disabled = false;
  status.textContent = 'Ready.';
} catch (error) {
  status.textContent = `The wasm module did not load: ${error.message}`;
}
