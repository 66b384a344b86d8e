// Keys that step a story forward and back (ui/step_keys.py): a Streamlit component (protocol v1, no build step)
// with no picture of its own; it listens in the page around it.
//
// Rules:
// * ArrowRight, PageDown and Space press the "next" button, ArrowLeft and PageUp the "previous" one (presenter
//   clickers send PageDown and PageUp). A disabled or missing button is not pressed.
// * Never while typing: not in an input, text area, select or editable text, nor in a widget that uses these keys
//   itself (slider, list box, combo box, tabs, radio group, menu); Space also not on a button or link, which Space
//   presses. Not with Ctrl, Alt or Meta held.
// * The page's own document and every same-origin frame in it (the map, once clicked, has the focus) are listened
//   to. The listeners belong to this frame: when Streamlit removes it, the browser stops calling them.
(function () {
  "use strict";

  const NEXT = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1 };
  const OWN_KEYS = "input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='slider'], " +
    "[role='listbox'], [role='combobox'], [role='option'], [role='tab'], [role='radio'], [role='menu'], " +
    "[role='menuitem'], [role='spinbutton'], [role='textbox'], [role='grid']";
  const PRESSED_BY_SPACE = "button, a[href], summary, [role='button'], [role='checkbox'], [role='switch']";
  let args = null;
  const listened = new WeakSet();

  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }

  function typing(event) {
    const target = event.target && event.target.closest ? event.target : null;
    if (!target) return false;
    if (target.isContentEditable || target.closest(OWN_KEYS)) return true;
    return event.key === " " && !!target.closest(PRESSED_BY_SPACE);
  }

  function onKey(event) {
    const step = NEXT[event.key];
    if (!step || !args || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (typing(event)) return;
    let button = null;
    try {
      const key = step > 0 ? args.next_key : args.prev_key;
      button = window.parent.document.querySelector(".st-key-" + key + " button");
    } catch (e) { return; }
    event.preventDefault();  // no scrolling, no map panning: the key is the story's
    event.stopPropagation();
    if (button && !button.disabled) button.click();
  }

  function listen(doc) {
    if (!doc || listened.has(doc)) return;
    listened.add(doc);
    doc.addEventListener("keydown", onKey, true);
  }

  function listenEverywhere() {
    let doc;
    try { doc = window.parent.document; } catch (e) { return; }
    listen(doc);
    doc.querySelectorAll("iframe").forEach(function (frame) {
      if (frame.contentWindow === window) return;
      try { listen(frame.contentDocument); } catch (e) { /* another origin: not ours to listen to */ }
    });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || !event.data || event.data.type !== "streamlit:render") return;
    args = event.data.args || {};
    listenEverywhere();
    document.body.dataset.listening = "1";  // for the browser tests: keys work from now on
  });
  setInterval(listenEverywhere, 1000);  // frames drawn later (the map of the next step) and reloaded frames
  try {  // the focus moving into a frame (a click on the map): listen there before its first key
    window.parent.addEventListener("blur", listenEverywhere);
  } catch (e) { /* no page around: nothing to listen to */ }
  send("streamlit:componentReady", { apiVersion: 1 });
  send("streamlit:setFrameHeight", { height: 0 });
})();
