// Renders an inspectSignature report (findings by severity, then what remains to check and what
// was ruled out) and the outcome of a join (explainJoinError with that report: what was found,
// what remains, what was ruled out). Shared by the harness's pages.

const SEVERITIES = [
  ['error', 'Errors: Zoom will refuse this signature'],
  ['warning', 'Warnings'],
  ['info', 'Notes'],
];

const SIGNATURE_STATUS = {
  verified: 'matches the secret',
  mismatch: 'does NOT match the secret',
  'no-secret': 'not checked (no secret given)',
  'not-a-jwt': 'not checked: this is not a JWT (nor Zoom\'s older signature)',
  unsigned: 'not checked: the token is not signed (empty third part)',
  unreadable: 'not checked: the third part is not base64url',
  'no-hmac-alg': 'not checked: the header names no HMAC algorithm',
};

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function describeSpan(seconds) {
  if (seconds >= 2 * 86400) return `${Math.floor(seconds / 86400)} days`;
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function describeTime(seconds, now) {
  if (seconds === null || seconds === undefined) return 'not readable';
  const delta = seconds - now;
  const relative = delta >= 0 ? `in ${describeSpan(delta)}` : `${describeSpan(-delta)} ago`;
  return `${new Date(seconds * 1000).toLocaleString()} (${relative})`;
}

export function findingsList(findings) {
  const wrapper = element('div', { class: 'findings' });
  for (const [severity, title] of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    const list = element('ul');
    for (const finding of group) {
      const item = element('li', { class: `finding ${severity}`, 'data-code': finding.code });
      item.append(
        element('code', {}, finding.code),
        ' ',
        element('span', { class: 'message' }, finding.message),
        element('div', { class: 'fix' }, `Fix: ${finding.fix}`),
      );
      if (finding.zoomErrors?.length > 0) {
        item.append(element('div', { class: 'zoom-errors' }, `Zoom usually answers: ${finding.zoomErrors.join(', ')}`));
      }
      list.append(item);
    }
    wrapper.append(element('h4', { class: severity }, `${title} (${group.length})`), list);
  }
  return wrapper;
}

/** What remains to check, the first one prominent. */
export function remainingList(remaining, title) {
  if (!remaining?.length) return [];
  const list = element('ol', { class: 'remaining' });
  remaining.forEach((cause, index) => {
    list.append(element('li', { class: index === 0 ? 'cause first' : 'cause', 'data-code': cause.code },
      element('code', {}, cause.code), ' ', element('span', { class: 'message' }, cause.message),
      element('div', { class: 'check' }, `Check: ${cause.check}`)));
  });
  return [element('h4', { class: 'remaining-title' }, title), list];
}

/** What was ruled out, folded away: it is the reassurance, not the news. */
export function ruledOutList(ruledOut, title) {
  if (!ruledOut?.length) return [];
  const list = element('ul', { class: 'ruled-out' });
  for (const cause of ruledOut) {
    list.append(element('li', { 'data-code': cause.code }, element('code', {}, cause.code), ` ${cause.because}`));
  }
  return [element('details', { class: 'ruled-out-box' }, element('summary', {}, `${title} (${ruledOut.length})`), list)];
}

/** Replaces `container`'s content with the report. */
export function renderReport(container, report) {
  const now = Math.floor(Date.now() / 1000);
  const verdict = report.ok
    ? element('p', { class: 'verdict passed' },
      report.remaining?.length
        ? 'Everything that can be checked offline passed. Zoom may still refuse it for a reason only Zoom can see: check these, the first one first.'
        : 'Everything that can be checked offline passed.')
    : element('p', { class: 'verdict bad' }, 'Zoom would refuse this signature:');
  const facts = element('dl', { class: 'facts' },
    element('dt', {}, 'Kind'), element('dd', {}, report.kind),
    element('dt', {}, 'Signature'), element('dd', { class: 'signature-status' }, SIGNATURE_STATUS[report.signatureStatus] ?? String(report.signatureStatus)),
    element('dt', {}, 'Issued'), element('dd', {}, describeTime(report.issuedAt, now)),
    element('dt', {}, 'Expires'), element('dd', {}, describeTime(report.expiresAt, now)));
  const decoded = element('div', { class: 'decoded' },
    element('div', {}, element('h4', {}, 'Header'), element('pre', { class: 'header-json' }, JSON.stringify(report.header, null, 2))),
    element('div', {}, element('h4', {}, 'Payload'), element('pre', { class: 'payload-json' }, JSON.stringify(report.payload, null, 2))));
  const open = report.ok ? 'What only Zoom can see: check by hand' : 'Also still open (what no offline check can see)';
  container.replaceChildren(verdict, findingsList(report.findings),
    ...remainingList(report.remaining, open),
    ...ruledOutList(report.ruledOut, 'Ruled out by the checks'), facts, decoded);
  container.dataset.ok = String(report.ok);
}

function describeError(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

const TIMEOUT_TEXT = {
  client: 'The Client View waits forever, without calling back, when the signature has no appKey/sdkKey or is not a JWT, and when the SDK cannot load its files. See the preflight findings and the browser console.',
  component: 'The Component View did not settle its join: it rejects at once for a malformed signature and within about 30 s when Zoom cannot be reached, so this usually means its files did not load or the page is blocked. See the browser console.',
  video: 'The Video SDK did not settle its join. It gives up by itself after 30 s when Zoom does not answer, but waits forever when Zoom answers with an error code it does not know, or when the session\'s connection closes after Zoom accepted the token. See the browser console and the network panel (the POST to zoom.us/wc/lsdk).',
};

/**
 * Shows how a join ended: success, the SDK's error explained with the report of the token
 * (found, remaining, ruled out, in that order), or a timeout. `view` is "component" or "client".
 */
export function renderJoinResult(container, result, report, explainJoinError, timeoutSeconds, view = 'component') {
  container.hidden = false;
  if (result.ok) {
    container.dataset.outcome = 'joined';
    container.replaceChildren(element('p', { class: 'verdict passed' }, 'Joined: the SDK accepted the signature and joined the meeting.'));
    return;
  }
  if (result.timedOut) {
    container.dataset.outcome = 'timeout';
    container.replaceChildren(
      element('p', { class: 'verdict bad' }, `No answer from the Zoom SDK after ${timeoutSeconds} s.`),
      element('p', {}, TIMEOUT_TEXT[view] ?? TIMEOUT_TEXT.component),
    );
    return;
  }
  if (result.notLoaded) {
    container.dataset.outcome = 'not-loaded';
    delete container.dataset.code;
    container.replaceChildren(
      element('p', { class: 'verdict bad' }, `The Zoom SDK did not load: ${result.notLoaded} could not be loaded.`),
      element('p', {}, 'Nothing was sent to Zoom, so this says nothing about the signature. `make serve` installs the SDK'
        + ' from npm and serves it from this server: check that the server is still running and that `npm ci` has run, then join again.'),
    );
    return;
  }
  const explanation = explainJoinError ? explainJoinError(result.error, report ?? null) : {
    code: result.error?.errorCode ?? null,
    name: 'NOT_EXPLAINED',
    meaning: 'zoomsig did not load, so this error is not explained here.',
    signatureRelated: false,
    causes: [],
    fixes: [],
  };
  container.dataset.outcome = 'error';
  container.dataset.code = String(explanation.code ?? '');
  const list = (title, items, className) => (items.length === 0 ? [] : [
    element('h4', {}, title),
    element('ul', { class: className }, ...items.map((text) => element('li', {}, text))),
  ]);
  const narrowed = Array.isArray(explanation.remaining);
  const found = (explanation.found ?? []).map((f) => element('li', { class: 'finding error', 'data-code': f.code },
    element('code', {}, f.code), ' ', element('span', { class: 'message' }, f.message), element('div', { class: 'fix' }, `Fix: ${f.fix}`)));
  container.replaceChildren(
    element('p', { class: 'verdict bad' }, `Join failed: ${explanation.code ?? 'no code'} ${explanation.name}`),
    element('p', { class: 'meaning' }, explanation.meaning),
    element('p', { class: 'raw' }, 'The SDK said: ', element('code', {}, describeError(result.error))),
    ...(narrowed
      ? [
        element('h4', { class: 'found-title' }, found.length ? 'Found in the token' : 'Found in the token: nothing'),
        ...(found.length ? [element('ul', { class: 'found' }, ...found)] : []),
        ...remainingList(explanation.remaining, 'What remains, most likely first'),
        ...ruledOutList(explanation.ruledOut, 'Ruled out by the preflight'),
        element('details', { class: 'all-causes' }, element('summary', {}, `Usual causes of ${explanation.code ?? 'this error'}, all of them`),
          element('ul', {}, ...explanation.causes.map((text) => element('li', {}, text)))),
      ]
      : list('Usual causes', explanation.causes, 'causes')),
    ...list('Fixes', explanation.fixes, 'fixes'),
  );
}
