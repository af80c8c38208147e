// The form page of Zoom's CDN sample as it is today, with the README's recipe applied: the body of
// getSignature, which fetched the signature from the auth endpoint, makes it with zoomsig. The
// rest keeps the sample's shape: the config from the form, the meeting page in a new tab.
(function () {
  'use strict';
  var testTool = window.testTool;
  var status = document.getElementById('status');
  var join = document.getElementById('join_meeting');

  if (typeof window.zoomsig === 'undefined') {
    status.textContent = 'zoomsig did not load: /pkg/classic/zoomsig.js is missing. Build it with `make build`.';
    return;
  }
  zoomsig.ready.then(function () {
    join.disabled = false;
    status.textContent = 'Ready.';
  }, function (error) {
    status.textContent = error.message;
  });

  // Was: fetch(authEndpoint, { method: 'POST', body: JSON.stringify({ meetingNumber, role }) }).
  // For local testing only: the secret is in the page.
  async function getSignature(meetingNumber, role) {
    await zoomsig.ready;
    return zoomsig.generateSignature({
      sdkKey: document.getElementById('sdk_key').value.trim(),
      sdkSecret: document.getElementById('sdk_secret').value,
      meetingNumber: meetingNumber,
      role: role,
    });
  }

  document.getElementById('meeting_form').addEventListener('submit', async function (event) {
    event.preventDefault();
    var config = testTool.getMeetingConfig();
    try {
      config.signature = await getSignature(config.mn, config.role);
    } catch (error) {
      // A ZoomsigError names the field and the fix.
      status.textContent = error.code + ' (' + error.field + '): ' + error.message;
      return;
    }
    window.open('/cdn/meeting.html?' + testTool.serialize(config), '_blank');
  });
})();
