// The CDN sample's meeting page: reads the meeting settings and the signature from its address
// and joins with the Client View, whose files this server serves at /zoom/ (so nothing is
// fetched from Zoom's CDN). The outcome goes to #join_result, explained by zoomsig when it fails.
(function () {
  'use strict';
  var testTool = window.testTool;
  var query = testTool.parseQuery();
  var result = document.getElementById('join_result');
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
    var text = outcome + ': ' + JSON.stringify(answer);
    if (outcome === 'error' && window.zoomsig) {
      zoomsig.ready.then(function () {
        var explanation = zoomsig.explainJoinError(answer);
        result.textContent = text + '\n' + explanation.name + ': ' + explanation.meaning;
        console.log('zoomsig: join failed:', explanation);
      });
    }
    result.textContent = text;
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
