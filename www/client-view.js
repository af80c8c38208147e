// The Client View join, in a tab of its own as in Zoom's CDN sample, so the form page keeps what
// was typed. The form page sends what join needs (never the secret) and the Meeting SDK version to
// load by postMessage when this tab says it is ready; this tab joins, shows the outcome in a small
// badge that stays clear of Zoom's dialog, and sends the outcome back. Nothing is stored but a
// mark, in this tab's sessionStorage, that it has joined: reloading the tab does not join again.
import { renderJoinResult } from './report-view.js';
import { joinClientView, servedVersion } from './zoom-sdk.js';

const status = document.getElementById('client-status');
const badge = document.getElementById('client-panel');
const opener = window.opener;
const JOINED_MARK = 'zoomsig-client-view-joined';

function waitForJoin() {
  return new Promise((take) => {
    window.addEventListener('message', function listen(event) {
      if (event.origin !== location.origin || event.source !== opener || event.data?.type !== 'zoomsig-join') return;
      window.removeEventListener('message', listen);
      take(event.data);
    });
    opener.postMessage({ type: 'zoomsig-client-view-ready' }, location.origin);
  });
}

/** What crosses back to the form page: plain data only (an Error does not survive postMessage as itself). */
function plainOutcome(outcome) {
  if (outcome.ok || outcome.timedOut || outcome.notLoaded) return outcome;
  const { error } = outcome;
  if (error instanceof Error) return { ok: false, error: { name: error.name, message: error.message } };
  try {
    return { ok: false, error: structuredClone(error) };
  } catch {
    return { ok: false, error: String(error) };
  }
}

function openedByTheForm() {
  try {
    return Boolean(opener) && opener.location.origin === location.origin;
  } catch {
    return false; // another origin's page opened this tab
  }
}

if (new URLSearchParams(location.search).has('left')) {
  status.textContent = 'You left the meeting. Close this tab to go back to the form.';
} else if (sessionStorage.getItem(JOINED_MARK)) {
  status.textContent = 'This tab has joined once already, and reloading it does not join again: use "Check and join" on the form page.';
} else if (!openedByTheForm()) {
  status.textContent = 'Nothing to join: open this from the form page ("Check and join" with the Client View).';
} else {
  const { join, report, sdkVersion: asked, timeoutMs } = await waitForJoin();
  sessionStorage.setItem(JOINED_MARK, 'yes');
  const sdkVersion = servedVersion(asked);
  const zoomsig = await import('/pkg/zoomsig.js').catch((error) => {
    status.textContent = `zoomsig did not load (${error.message}): failures will not be explained.`;
    return null;
  });
  const explainJoinError = zoomsig ? (await zoomsig.default(), zoomsig.explainJoinError) : null;
  status.textContent = `Joining meeting ${join.meetingNumber} with the Client View of Meeting SDK ${sdkVersion}…`;
  const leaveUrl = new URL('client-view.html?left', location.href).href;
  const outcome = await joinClientView(join, timeoutMs, leaveUrl, sdkVersion).catch((error) => ({ ok: false, error }));
  const result = document.getElementById('join-result');
  renderJoinResult(result, outcome, report, explainJoinError, timeoutMs / 1000, 'client');
  status.textContent = outcome.ok
    ? `Joined with Meeting SDK ${sdkVersion}.`
    : `Join failed${result.dataset.code ? ` (${result.dataset.code})` : ''} with Meeting SDK ${sdkVersion}: why is on the form page, and here when opened.`;
  badge.dataset.outcome = result.dataset.outcome;
  opener.postMessage({ type: 'zoomsig-join-outcome', outcome: plainOutcome(outcome) }, location.origin);
}
