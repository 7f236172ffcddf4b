// The sign-in form: posts the credentials as JSON, then goes to ?next= (a path under /ui/ on
// this server only, so the page cannot be used to send people elsewhere) or /ui/.
(function () {
  'use strict';

  var form = document.getElementById('login-form');
  var username = document.getElementById('username');
  var password = document.getElementById('password');
  var submit = document.getElementById('login-submit');
  var error = document.getElementById('login-error');

  function destination() {
    var next = new URLSearchParams(window.location.search).get('next');
    if (!next || next.indexOf('/ui/') !== 0 || next.indexOf('//') !== -1 || next.indexOf('\\') !== -1) {
      return '/ui/';
    }
    try {
      var url = new URL(next, window.location.origin);
      if (url.origin !== window.location.origin || url.pathname.indexOf('/ui/') !== 0) return '/ui/';
      return url.pathname + url.search + url.hash;
    } catch (e) {
      return '/ui/';
    }
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  function sentence(text) {
    return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
  }

  async function signIn(event) {
    event.preventDefault();
    error.hidden = true;
    if (!username.value.trim() || !password.value) {
      showError('Enter your username and password.');
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    try {
      var response = await fetch('/api/v1/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: username.value.trim(), password: password.value })
      });
      if (response.ok) {
        window.location.assign(destination());
        return;
      }
      var message = 'Sign-in failed (HTTP ' + response.status + ').';
      try {
        var body = await response.json();
        if (body && body.error) message = sentence(body.error);
      } catch (ignored) {
        // not JSON: keep the status message
      }
      showError(message);
      password.value = '';
      password.focus();
    } catch (e) {
      showError('Cannot reach Vigil. Is the server running?');
    } finally {
      submit.disabled = false;
    }
  }

  form.addEventListener('submit', signIn);
})();
