// Little JavaScript: counterpart highlighting on the side-by-side view, more paste boxes, add progress.
// Everything shown is set with textContent, never innerHTML: article text stays inert.
(function () {
  "use strict";
  const panel = document.getElementById("counterparts");

  function findingIds(el) { return (el.dataset.f || "").split(" ").filter(Boolean); }

  function light(el, sticky) {
    document.querySelectorAll("mark.seg.lit").forEach((m) => m.classList.remove("lit"));
    const ids = findingIds(el);
    const matches = [];
    document.querySelectorAll("mark.seg[data-f]").forEach((m) => {
      if (findingIds(m).some((id) => ids.includes(id))) { m.classList.add("lit"); matches.push(m); }
    });
    if (!panel || !sticky) return;
    const own = el.closest(".column");
    panel.replaceChildren();
    const others = matches.filter((m) => m.closest(".column") !== own);
    const head = document.createElement("h4");
    head.textContent = others.length ? "Counterparts in the other sources" : "No counterpart: only this source says it";
    panel.appendChild(head);
    const seen = new Set();
    others.forEach((m) => {
      const col = m.closest(".column");
      const key = col.dataset.source + "|" + m.textContent;
      if (seen.has(key)) return;
      seen.add(key);
      const p = document.createElement("p");
      const who = document.createElement("strong");
      who.textContent = col.getAttribute("aria-label") + ": ";
      p.appendChild(who);
      p.appendChild(document.createTextNode(m.textContent));
      panel.appendChild(p);
    });
    panel.hidden = false;
  }

  document.querySelectorAll("mark.seg[data-f]").forEach((m) => {
    m.addEventListener("mouseenter", () => light(m, false));
    m.addEventListener("click", () => light(m, true));
    m.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); light(m, true); }
    });
    m.addEventListener("focus", () => light(m, false));
  });

  document.querySelectorAll("button.more-text").forEach((btn) => {
    btn.hidden = false;
    btn.addEventListener("click", () => {
      const boxes = btn.parentElement.querySelectorAll("textarea[name=text]");
      const last = boxes[boxes.length - 1];
      const n = boxes.length;
      const label = document.createElement("label");
      label.htmlFor = "text-" + n;
      label.textContent = "Report " + (n + 1);
      const box = document.createElement("textarea");
      box.id = "text-" + n; box.name = "text"; box.rows = last.rows;
      btn.before(label, box);
      box.focus();
    });
  });
})();
