// The Client View join, on its own page as in Zoom's CDN sample. It gets what join needs from the
// form page (never the secret), joins, and explains the outcome; it never waits forever.
import { renderJoinResult } from './report-view.js';
import { joinClientView } from './zoom-sdk.js';

const status = document.getElementById('client-status');
const handOver = sessionStorage.getItem('zoomsig-client-view');
sessionStorage.removeItem('zoomsig-client-view');

if (!handOver) {
  status.textContent = 'Nothing to join: start from the form.';
} else {
  const { join, findings, timeoutMs } = JSON.parse(handOver);
  const zoomsig = await import('/pkg/zoomsig.js').catch((error) => {
    status.textContent = `zoomsig did not load (${error.message}): failures will not be explained.`;
    return null;
  });
  const explainJoinError = zoomsig ? (await zoomsig.default(), zoomsig.explainJoinError) : null;
  status.textContent = `Joining meeting ${join.meetingNumber} with the Client View…`;
  const outcome = await joinClientView(join, timeoutMs).catch((error) => ({ ok: false, error }));
  const result = document.getElementById('join-result');
  renderJoinResult(result, outcome, findings, explainJoinError, timeoutMs / 1000);
  status.textContent = outcome.ok ? 'Joined.' : 'Join failed:';
}
