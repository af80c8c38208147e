// Shared by every page that takes a secret (classic script, so that module and non-module pages
// can both load it): served from anywhere but this machine, the page says loudly that a secret
// typed into it can be read by whoever serves it, and the secret fields stay disabled until the
// person says they understand.
(function () {
  'use strict';
  var LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

  function banner() {
    var existing = document.getElementById('remote-warning');
    if (existing) return existing;
    var box = document.createElement('p');
    box.id = 'remote-warning';
    box.className = 'banner error';
    box.setAttribute('role', 'alert');
    var strong = document.createElement('strong');
    strong.textContent = 'This page is not on localhost.';
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'accept-remote';
    button.textContent = 'I understand: let me type a secret here';
    box.append(strong, ' Anyone who can load this page can read a secret typed into it. zoomsig is for ' +
      'local testing only: production signatures belong on your server. ', button);
    document.body.prepend(box);
    return box;
  }

  function guard() {
    if (LOCAL_HOSTS.indexOf(location.hostname) !== -1) return;
    var secretFields = document.querySelectorAll('input[type=password]');
    for (var i = 0; i < secretFields.length; i += 1) secretFields[i].disabled = true;
    var box = banner();
    box.hidden = false;
    document.getElementById('accept-remote').addEventListener('click', function () {
      var question = 'This page is served from another machine. A secret typed here can be read by ' +
        'whoever controls that server. Use it for local testing only?';
      if (!window.confirm(question)) return;
      for (var j = 0; j < secretFields.length; j += 1) secretFields[j].disabled = false;
      box.hidden = true;
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', guard);
  else guard();
})();
