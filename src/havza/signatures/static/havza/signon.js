// The sign form's proof of work (ALTCHA v1): find the number N for which
// SHA-256(salt + N) is the challenge, with the browser's own crypto. No other host is asked.
(function () {
  "use strict";
  var form = document.querySelector("form.sign-form");
  if (!form || !window.crypto || !window.crypto.subtle) return;
  var status = form.querySelector(".sign-check");
  var button = form.querySelector("button[type=submit]");
  var field = form.querySelector("input[name=altcha]");
  var encoder = new TextEncoder();

  function hex(buffer) {
    var bytes = new Uint8Array(buffer), out = "";
    for (var i = 0; i < bytes.length; i++) out += bytes[i].toString(16).padStart(2, "0");
    return out;
  }

  async function solve(c) {
    for (var n = 0; n <= c.maxNumber; n++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(c.salt + n));
      if (hex(digest) === c.challenge) return n;
    }
    return null;
  }

  async function run() {
    button.disabled = true;
    status.textContent = status.dataset.working;
    var response = await fetch(form.dataset.challenge, { credentials: "omit" });
    var c = await response.json();
    var number = await solve(c);
    if (number === null) return;
    field.value = btoa(JSON.stringify({
      algorithm: c.algorithm, challenge: c.challenge, number: number,
      salt: c.salt, signature: c.signature
    }));
    status.textContent = status.dataset.ready;
    button.disabled = false;
  }

  run();
})();
