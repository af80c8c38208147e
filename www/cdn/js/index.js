// The CDN sample's form page. The signature is made here, as Zoom's meetingsdk-auth-endpoint-sample
// makes it with jsrsasign, but by the KJUR that /pkg/classic/zoomsig.js provides; zoomsig then checks
// it before the meeting page sends it to Zoom.
(function () {
  'use strict';
  var testTool = window.testTool;
  var form = document.getElementById('meeting_form');
  var join = document.getElementById('join_meeting');
  var status = document.getElementById('status');
  var preflight = document.getElementById('preflight');
  // The version of the Client View that meeting.html loads (the npm package /zoom/ serves).
  var SDK_VERSION = '6.2.0';
  // The last preflight, handed to the meeting page when it asks (it holds no secret).
  var lastReport = null;

  if (typeof window.zoomsig === 'undefined') {
    status.textContent = 'zoomsig did not load: /pkg/classic/zoomsig.js is missing or failed. ' +
      'Build it with `make serve` (or `make build`), which writes pkg/.';
    return;
  }
  // zoomsig.js loads its wasm asynchronously (zoomsig.inline.js would be ready at once).
  zoomsig.ready.then(function () {
    join.disabled = false;
    status.textContent = 'Ready.';
  }, function (error) {
    status.textContent = error.message;
  });

  // A pasted join link: the passcode in it (testTool reads the meeting number from it).
  document.getElementById('meeting_number').addEventListener('input', function (event) {
    var passcode = event.target.value.match(/pwd=([\w.-]+)/);
    if (passcode) document.getElementById('meeting_pwd').value = passcode[1];
  });

  function signature(sdkKey, sdkSecret, config) {
    var iat = Math.round(new Date().getTime() / 1000) - 30;
    var exp = iat + 60 * 60 * 2;
    var oHeader = { alg: 'HS256', typ: 'JWT' };
    var oPayload = {
      appKey: sdkKey,
      sdkKey: sdkKey,
      mn: config.mn,
      role: config.role,
      iat: iat,
      exp: exp,
      tokenExp: exp,
    };
    var sHeader = JSON.stringify(oHeader);
    var sPayload = JSON.stringify(oPayload);
    return KJUR.jws.JWS.sign('HS256', sHeader, sPayload, sdkSecret);
  }

  // The meeting page asks for the preflight, to explain a refused join with it.
  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || !event.data || event.data.type !== 'zoomsig-report-request') return;
    event.source.postMessage({ type: 'zoomsig-report', report: lastReport }, location.origin);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var config = testTool.getMeetingConfig();
    var sdkKey = document.getElementById('sdk_key').value.trim();
    var sdkSecret = document.getElementById('sdk_secret').value;
    if (!config.mn || !sdkKey || !sdkSecret) {
      status.textContent = 'The SDK key, the secret and the meeting number are needed.';
      return;
    }
    var signed;
    try {
      signed = signature(sdkKey, sdkSecret, config);
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    // What can be known offline: Zoom's server would only answer "Signature is invalid".
    var report = zoomsig.inspectSignature(signed, {
      sdkSecret: sdkSecret, sdkKey: sdkKey, meetingNumber: config.mn, sdkVersion: SDK_VERSION,
    });
    lastReport = report;
    if (window.zoomsigPanel) window.zoomsigPanel.showReport(preflight, report);
    if (!report.ok) {
      var errors = report.findings.filter(function (finding) { return finding.severity === 'error'; });
      status.textContent = 'Not joined: Zoom would refuse this signature. ' + errors.map(function (finding) {
        return finding.code + ': ' + finding.message + ' ' + finding.fix;
      }).join('\n');
      return;
    }
    config.signature = signed;
    window.open('/cdn/meeting.html?' + testTool.serialize(config), '_blank');
    var first = report.remaining[0];
    status.textContent = 'Signed, and everything checkable offline passed; the meeting page joins in a new tab.' +
      (first ? ' If Zoom refuses it, check first: ' + first.code + '.' : '');
  });
})();
