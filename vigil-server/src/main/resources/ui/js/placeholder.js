// Placeholder page script: names the signed-in user and signs out with the session's CSRF token.
(function () {
  'use strict';
  var csrf = null;

  fetch('/api/v1/auth/me', { credentials: 'same-origin' }).then(function (r) {
    if (r.status === 401) { window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname)); return null; }
    return r.json();
  }).then(function (me) {
    if (!me) return;
    csrf = me.csrf_token;
    document.getElementById('who').textContent = 'Signed in as ' + me.username + '.';
  });

  document.getElementById('sign-out').addEventListener('click', function () {
    fetch('/api/v1/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf || '' }
    }).then(function () { window.location.assign('/login'); });
  });
})();
