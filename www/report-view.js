// Renders an inspectSignature report: decoded parts, times, and findings grouped by severity,
// each with its fix. Shared by every page that shows a diagnosis.

const SEVERITIES = [
  ['error', 'Errors: Zoom will refuse this signature'],
  ['warning', 'Warnings'],
  ['info', 'Notes'],
];

function element(tag, attributes = {}, ...children) {
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
  if (seconds === null) return 'not readable';
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
      if (finding.zoomErrors.length > 0) {
        item.append(element('div', { class: 'zoom-errors' }, `Zoom usually answers: ${finding.zoomErrors.join(', ')}`));
      }
      list.append(item);
    }
    wrapper.append(element('h4', { class: severity }, `${title} (${group.length})`), list);
  }
  return wrapper;
}

/** Replaces `container`'s content with the report. */
export function renderReport(container, report) {
  const now = Math.floor(Date.now() / 1000);
  const verdict = report.ok
    ? element('p', { class: 'verdict ok' }, 'No errors found offline.')
    : element('p', { class: 'verdict bad' }, 'Zoom would refuse this signature:');
  const facts = element('dl', { class: 'facts' },
    element('dt', {}, 'Kind'), element('dd', {}, report.kind),
    element('dt', {}, 'Signature'), element('dd', {},
      report.signatureVerified === null ? 'not checked (no secret given)'
        : report.signatureVerified ? 'matches the secret' : 'does NOT match the secret'),
    element('dt', {}, 'Issued'), element('dd', {}, describeTime(report.issuedAt, now)),
    element('dt', {}, 'Expires'), element('dd', {}, describeTime(report.expiresAt, now)));
  const decoded = element('div', { class: 'decoded' },
    element('div', {}, element('h4', {}, 'Header'), element('pre', { class: 'header-json' }, JSON.stringify(report.header, null, 2))),
    element('div', {}, element('h4', {}, 'Payload'), element('pre', { class: 'payload-json' }, JSON.stringify(report.payload, null, 2))));
  container.replaceChildren(verdict, findingsList(report.findings), facts, decoded);
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

/**
 * Shows how a join ended: success, the SDK's error explained with the preflight findings that
 * relate to it, or a timeout.
 */
export function renderJoinResult(container, result, findings, explainJoinError, timeoutSeconds) {
  container.hidden = false;
  if (result.ok) {
    container.dataset.outcome = 'joined';
    container.replaceChildren(element('p', { class: 'verdict ok' }, 'Joined: the SDK accepted the signature and joined the meeting.'));
    return;
  }
  if (result.timedOut) {
    container.dataset.outcome = 'timeout';
    container.replaceChildren(
      element('p', { class: 'verdict bad' }, `No answer from the Zoom SDK after ${timeoutSeconds} s.`),
      element('p', {}, 'The Client View waits forever, without calling back, when the signature has no appKey/sdkKey or is not a JWT, and when the SDK cannot load its files. See the preflight findings above and the browser console.'),
    );
    return;
  }
  const explanation = explainJoinError ? explainJoinError(result.error) : {
    code: result.error?.errorCode ?? null,
    name: 'NOT_EXPLAINED',
    meaning: 'zoomsig did not load, so this error is not explained here.',
    signatureRelated: false,
    causes: [],
    fixes: [],
  };
  container.dataset.outcome = 'error';
  container.dataset.code = String(explanation.code ?? '');
  const related = findings.filter((f) => f.severity !== 'info'
    && (f.zoomErrors.includes(explanation.code) || (explanation.signatureRelated && f.severity === 'error')));
  const list = (title, items) => (items.length === 0 ? [] : [
    element('h4', {}, title),
    element('ul', {}, ...items.map((text) => element('li', {}, text))),
  ]);
  container.replaceChildren(
    element('p', { class: 'verdict bad' }, `Join failed: ${explanation.code ?? 'no code'} ${explanation.name}`),
    element('p', { class: 'meaning' }, explanation.meaning),
    element('p', { class: 'raw' }, 'The SDK said: ', element('code', {}, describeError(result.error))),
    ...list('Usual causes', explanation.causes),
    ...list('Fixes', explanation.fixes),
    ...(related.length === 0 ? [] : [element('h4', {}, 'Preflight findings that lead to this'), findingsList(related)]),
  );
}
