// The web app's own script (the report's highlighting is storyline.render's report.js).
// Clicking or pressing Enter on a statement lists its counterparts in the other sources; "Another
// report" adds a paste box. Text is set with textContent only: article text stays inert.
(function () {
  "use strict";
  var panel = document.getElementById("counterparts");

  function ids(el) { return (el.getAttribute("data-finding") || "").split(/\s+/).filter(Boolean); }

  function show(el) {
    if (!panel) return;
    var own = el.closest(".col");
    var wanted = ids(el);
    var seen = {};
    panel.replaceChildren();
    document.querySelectorAll(".col [data-finding]").forEach(function (x) {
      var col = x.closest(".col");
      if (col === own || !ids(x).some(function (i) { return wanted.indexOf(i) >= 0; })) return;
      var name = col.getAttribute("aria-label") || "";
      var key = name + "|" + x.textContent;
      if (seen[key]) return;
      seen[key] = true;
      var p = document.createElement("p");
      var who = document.createElement("strong");
      who.textContent = name + ": ";
      p.append(who, document.createTextNode(x.textContent));
      panel.appendChild(p);
    });
    var head = document.createElement("h3");
    head.textContent = panel.childElementCount ? "In the other sources" : "No counterpart: only this source says it";
    panel.prepend(head);
    panel.hidden = false;
  }

  document.addEventListener("click", function (e) {
    var st = e.target.closest && e.target.closest(".col [data-finding]");
    if (st) show(st);
  });
  document.addEventListener("keydown", function (e) {
    var st = e.target.closest && e.target.closest(".col [data-finding]");
    if (st && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); show(st); }
    if (e.key === "Escape" && panel) panel.hidden = true;
  });

  document.querySelectorAll("button.more-text").forEach(function (btn) {
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var boxes = btn.parentElement.querySelectorAll("fieldset.paste");
      var n = boxes.length;
      var box = boxes[n - 1].cloneNode(true);
      box.querySelector("legend").textContent = "Report " + (n + 1);
      box.querySelectorAll("label").forEach(function (l) { l.htmlFor = l.htmlFor.replace(/\d+$/, String(n)); });
      box.querySelectorAll("textarea, input").forEach(function (f) {
        f.id = f.id.replace(/\d+$/, String(n));
        f.value = "";
      });
      btn.before(box);
      box.querySelector("textarea").focus();
    });
  });
})();
