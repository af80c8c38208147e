// The few helpers of the CDN sample's `testTool` that these pages use: the form's values, and
// handing them to the meeting page in its address (never the secret: it is not in the config).
(function () {
  'use strict';

  function value(id) {
    return document.getElementById(id).value;
  }

  // btoa of the UTF-8 bytes, so that names beyond Latin-1 survive the address.
  function b64EncodeUnicode(text) {
    return btoa(encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, function (_, hex) {
      return String.fromCharCode(parseInt(hex, 16));
    }));
  }

  function b64DecodeUnicode(text) {
    return decodeURIComponent(Array.prototype.map.call(atob(text), function (c) {
      return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
    }).join(''));
  }

  window.testTool = {
    b64EncodeUnicode: b64EncodeUnicode,
    b64DecodeUnicode: b64DecodeUnicode,
    /** The form's meeting settings, as the sample's meeting page reads them. */
    getMeetingConfig: function () {
      return {
        // zoomsig's reading of a pasted number or join link; anything else goes on as typed, for
        // inspectSignature to name.
        mn: zoomsig.meetingNumberDigits(value('meeting_number')) || value('meeting_number').trim(),
        name: b64EncodeUnicode(value('display_name')),
        pwd: value('meeting_pwd'),
        role: parseInt(value('meeting_role'), 10),
        email: b64EncodeUnicode(value('meeting_email')),
        lang: value('meeting_lang'),
      };
    },
    serialize: function (object) {
      return Object.keys(object).map(function (key) {
        return encodeURIComponent(key) + '=' + encodeURIComponent(object[key]);
      }).join('&');
    },
    parseQuery: function () {
      var query = {};
      new URLSearchParams(location.search).forEach(function (v, k) { query[k] = v; });
      return query;
    },
  };
})();
