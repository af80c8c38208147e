// The CDN sample's meeting page: reads the meeting settings and the signature from its address
// and joins with the Client View, whose files this server serves at /zoom/ (so nothing is
// fetched from Zoom's CDN). A failed join is explained by zoomsig in a badge on the page, with
// the form page's preflight when it gives it (else the signature is inspected again, without
// the secret, which only the form page had).
(function () {
  'use strict';
  var testTool = window.testTool;
  var query = testTool.parseQuery();
  var result = document.getElementById('join_result');
  var panel = document.getElementById('zoomsig_panel');
  var summary = document.getElementById('join_summary');
  var SDK_VERSION = '6.2.0';
  var formReport = askFormPage();

  /** The form page's preflight of this signature, or null (no form page, or it did not answer). */
  function askFormPage() {
    return new Promise(function (resolve) {
      var opener = window.opener;
      if (!opener) return resolve(null);
      var timer = setTimeout(function () { resolve(null); }, 3000);
      window.addEventListener('message', function listen(event) {
        if (event.origin !== location.origin || event.source !== opener || !event.data || event.data.type !== 'zoomsig-report') return;
        window.removeEventListener('message', listen);
        clearTimeout(timer);
        var report = event.data.report;
        // Only the preflight of the signature this page joins with.
        resolve(report && report.payload && report.payload.mn === meetingConfig.meetingNumber ? report : null);
      });
      try {
        opener.postMessage({ type: 'zoomsig-report-request' }, location.origin);
      } catch (error) {
        resolve(null);
      }
    });
  }

  function whenPanelReady() {
    return new Promise(function (resolve) {
      if (window.zoomsigPanel) return resolve(window.zoomsigPanel);
      window.addEventListener('zoomsig-panel-ready', function () { resolve(window.zoomsigPanel); });
    });
  }

  function explain(outcome, answer) {
    if (!window.zoomsig) {
      summary.textContent = 'zoomsig did not load: ' + outcome + ' ' + JSON.stringify(answer);
      return;
    }
    Promise.all([zoomsig.ready, formReport, whenPanelReady()]).then(function (ready) {
      var report = ready[1] || zoomsig.inspectSignature(meetingConfig.signature, {
        meetingNumber: meetingConfig.meetingNumber, sdkVersion: SDK_VERSION,
      });
      var joined = outcome === 'joined' ? { ok: true }
        : outcome === 'timeout' ? { ok: false, timedOut: true } : { ok: false, error: answer };
      ready[2].showJoin(result, joined, report, zoomsig.explainJoinError);
      var remaining = result.querySelector('ol.remaining > li');
      var found = result.querySelector('ul.found > li');
      summary.textContent = outcome === 'joined' ? 'zoomsig: joined.'
        : 'zoomsig: join failed' + (result.dataset.code ? ' (' + result.dataset.code + ')' : '') +
          (found ? '; found ' + found.dataset.code : remaining ? '; check first ' + remaining.dataset.code : '') +
          '. Open for why.';
    }, function (error) {
      summary.textContent = 'zoomsig could not explain this: ' + error.message;
    });
  }
  var meetingConfig = {
    meetingNumber: query.mn,
    userName: query.name ? testTool.b64DecodeUnicode(query.name) : 'CDN#zoomsig',
    userEmail: query.email ? testTool.b64DecodeUnicode(query.email) : '',
    passWord: query.pwd || '',
    lang: query.lang || 'en-US',
    signature: query.signature || '',
    leaveUrl: '/cdn/index.html',
  };

  function settle(outcome, answer) {
    if (result.dataset.outcome) return;
    result.dataset.outcome = outcome;
    if (answer && answer.errorCode !== undefined) result.dataset.errorCode = String(answer.errorCode);
    panel.hidden = false;
    summary.textContent = 'zoomsig: ' + outcome + '…';
    explain(outcome, answer);
  }

  // The Client View never calls back for some malformed signatures: say so rather than wait.
  setTimeout(function () {
    settle('timeout', { message: 'no answer from the Client View in 90 s (it does not call back for some malformed signatures)' });
  }, 90000);

  ZoomMtg.setZoomJSLib(location.origin + '/zoom/lib', '/av');
  ZoomMtg.preLoadWasm();
  ZoomMtg.prepareWebSDK();
  ZoomMtg.init({
    leaveUrl: meetingConfig.leaveUrl,
    patchJsMedia: true,
    disableCORP: !window.crossOriginIsolated,
    success: function () {
      ZoomMtg.i18n.load(meetingConfig.lang);
      ZoomMtg.join({
        signature: meetingConfig.signature,
        meetingNumber: meetingConfig.meetingNumber,
        userName: meetingConfig.userName,
        userEmail: meetingConfig.userEmail,
        passWord: meetingConfig.passWord,
        success: function (answer) { settle('joined', answer); },
        error: function (answer) { settle('error', answer); },
      });
    },
    error: function (answer) { settle('error', answer); },
  });
})();
