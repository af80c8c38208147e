// The Client View join, on its own page as in Zoom's CDN sample. It gets what join needs from the
// form page (never the secret), joins, and explains the outcome; it never waits forever.
import init, { explainJoinError } from '/pkg/zoomsig.js';
import { renderJoinResult } from './report-view.js';
import { joinClientView } from './zoom-sdk.js';

const status = document.getElementById('client-status');
const handOver = sessionStorage.getItem('zoomsig-client-view');
sessionStorage.removeItem('zoomsig-client-view');

if (!handOver) {
  status.textContent = 'Nothing to join: start from the form.';
} else {
  const { join, findings, timeoutMs } = JSON.parse(handOver);
  await init();
  status.textContent = `Joining meeting ${join.meetingNumber} with the Client View…`;
  const outcome = await joinClientView(join, timeoutMs).catch((error) => ({ ok: false, error }));
  const result = document.getElementById('join-result');
  renderJoinResult(result, outcome, findings, explainJoinError, timeoutMs / 1000);
  status.textContent = outcome.ok ? 'Joined.' : 'Join failed:';
}
