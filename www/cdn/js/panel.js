// What the CDN pages show of zoomsig's answers, drawn by the harness's own renderer (a module,
// beside the sample's classic scripts, which call it through `window.zoomsigPanel`).
import { renderJoinResult, renderReport } from '/report-view.js';

window.zoomsigPanel = {
  /** The preflight on the form page: findings, then what only Zoom can see, the first one prominent. */
  showReport(container, report) {
    renderReport(container, report);
    container.hidden = false;
  },
  /** The join's outcome on the meeting page, explained with the report of its token. */
  showJoin(container, outcome, report, explainJoinError) {
    renderJoinResult(container, outcome, report, explainJoinError, 90, 'client');
  },
};
window.dispatchEvent(new Event('zoomsig-panel-ready'));
