(function () {
  "use strict";
  function ids(el) {
    return (el.getAttribute("data-finding") || "").split(/\s+/).filter(Boolean);
  }
  function peers(el) {
    var out = [];
    ids(el).forEach(function (id) {
      document.querySelectorAll('[data-finding~="' + CSS.escape(id) + '"]').forEach(function (x) {
        if (out.indexOf(x) < 0) out.push(x);
      });
    });
    return out;
  }
  function light(el, on) {
    peers(el).forEach(function (x) { x.classList.toggle("lit", on); });
    el.classList.toggle("here", on);
  }
  function statementOf(e) {
    return e.target && e.target.closest ? e.target.closest(".st") : null;
  }
  function bring(el) {
    var mine = el.closest(".col");
    document.querySelectorAll(".col .text").forEach(function (box) {
      if (mine && mine.contains(box)) return;
      var hit = peers(el).filter(function (x) { return box.contains(x); })[0];
      if (hit) box.scrollTop = hit.offsetTop - box.clientHeight / 3;
    });
  }
  document.addEventListener("mouseover", function (e) { var s = statementOf(e); if (s) light(s, true); });
  document.addEventListener("mouseout", function (e) { var s = statementOf(e); if (s) light(s, false); });
  document.addEventListener("focusin", function (e) { var s = statementOf(e); if (s) light(s, true); });
  document.addEventListener("focusout", function (e) { var s = statementOf(e); if (s) light(s, false); });
  document.addEventListener("click", function (e) { var s = statementOf(e); if (s) bring(s); });
  document.addEventListener("keydown", function (e) {
    var s = statementOf(e);
    if (s && e.key === "Enter") bring(s);
  });
})();
