// Writes or clears the login cookie (ui/login_cookie.py): Streamlit cannot set cookies from Python.
// This frame is served by the app itself, so the cookie belongs to the app's origin; path "/" makes the
// browser send it with the next websocket of any page. Secure when the page came over https.
(function () {
  "use strict";
  var applied = null;

  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || !event.data || event.data.type !== "streamlit:render") return;
    var a = event.data.args || {};
    var wanted = JSON.stringify([a.action, a.name, a.value, a.max_age]);
    if (wanted === applied) return;
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    var name = String(a.name);
    if (a.action === "set") {
      document.cookie = name + "=" + encodeURIComponent(String(a.value)) + "; Path=/; Max-Age=" +
        Math.max(0, Math.floor(Number(a.max_age) || 0)) + "; SameSite=Strict" + secure;
    } else if (a.action === "clear") {
      document.cookie = name + "=; Path=/; Max-Age=0; SameSite=Strict" + secure;
    }
    applied = wanted;  // no value is sent back: that would rerun the page for nothing
  });

  send("streamlit:componentReady", { apiVersion: 1 });
  send("streamlit:setFrameHeight", { height: 0 });
})();
