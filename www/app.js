// The page: reads the form, calls zoomsig's generateSignature, shows the token decoded.
// The secret is read from the form at the moment of use and kept nowhere else.
import init, { generateSignature, inspectSignature } from '/pkg/zoomsig.js';
import { renderReport } from './report-view.js';

const form = document.getElementById('signature-form');
const checkForm = document.getElementById('check-form');
const status = document.getElementById('status');

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

function showToken(token, options) {
  document.getElementById('error').hidden = true;
  document.getElementById('token').value = token;
  const report = inspectSignature(token, {
    sdkSecret: options.sdkSecret,
    sdkKey: options.sdkKey,
    meetingNumber: options.meetingNumber,
  });
  const left = report.expiresAt - Math.floor(Date.now() / 1000);
  document.getElementById('expiry').textContent =
    `Issued ${new Date(report.issuedAt * 1000).toLocaleString()}; expires ` +
    `${new Date(report.expiresAt * 1000).toLocaleString()} (in ${describeDuration(left)}).`;
  renderReport(document.getElementById('inspection'), report);
  document.getElementById('result').hidden = false;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  try {
    const options = readOptions();
    showToken(generateSignature(options), options);
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

checkForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(checkForm);
  const context = {};
  for (const name of ['sdkSecret', 'meetingNumber', 'sdkKey']) {
    const value = data.get(name).trim();
    if (value !== '') context[name] = value;
  }
  const box = document.getElementById('check-report');
  renderReport(box, inspectSignature(data.get('token'), context));
  box.hidden = false;
});

try {
  await init();
  for (const button of document.querySelectorAll('button[type="submit"]')) button.disabled = false;
  status.textContent = 'Ready.';
} catch (error) {
  status.textContent = `The wasm module did not load: ${error.message}`;
}
