// Quick exit, inlined in every page's <head> so it works the moment HTML arrives.
// Tap "Exit this page", press Shift 3 times in 5 s or Escape twice in 2 s: the page
// blanks in the same frame and is replaced by the neutral site. Links inside the site
// replace the history entry, so a visit is one entry. No storage, no requests.
(function () {
  var d = document, exitTo = "", shifts = [], escapes = [], quiet;
  function leave(href) {
    exitTo = href;
    d.documentElement.style.display = "none";
    d.title = "";
    location.replace(href);
  }
  function say(text) {
    var status = d.getElementById("exit-status");
    if (status) status.textContent = text;
    clearTimeout(quiet);
    quiet = setTimeout(function () { if (status) status.textContent = ""; }, 5000);
  }
  function count(presses, within, needed, key) {
    var now = Date.now();
    while (presses.length && now - presses[0] > within) presses.shift();
    presses.push(now);
    var left = needed - presses.length, link = d.querySelector("a[data-exit]");
    if (!link) return;
    if (left <= 0) { say("Exiting this page"); leave(link.href); }
    else say("Press " + key + " " + left + " more time" + (left > 1 ? "s" : "") + " to exit this page");
  }
  d.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.repeat || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) return;
    if (e.key === "Shift") count(shifts, 5000, 3, "Shift");
    else if (e.key === "Escape") count(escapes, 2000, 2, "Escape");
  });
  d.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || e.defaultPrevented || e.button) return;
    if (a.hasAttribute("data-exit")) { e.preventDefault(); leave(a.href); return; }
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || a.target || a.hasAttribute("download")
      || a.origin !== location.origin || a.closest("leptos-island")) return;
    e.preventDefault();
    location.replace(a.pathname === location.pathname && a.hash ? a.hash : a.href);
  });
  // Back from the neutral site must never show this page again.
  addEventListener("pageshow", function (e) { if (e.persisted && exitTo) leave(exitTo); });
})();
