// salesbook serve: while the content has errors, show them over the page (the page
// itself stays the last good version). `salesbook serve` writes problems.json at the
// site root after every check; this script polls it and hides the panel once it is empty.
(() => {
  "use strict";
  const source = document.currentScript.src.replace(/assets\/salesbook-problems\.js.*$/, "problems.json");
  let shown = "";

  function panel(report) {
    const box = document.createElement("section");
    box.className = "sb-problems";
    box.setAttribute("role", "alert");
    const heading = document.createElement("h2");
    heading.textContent = report.heading;
    const hint = document.createElement("p");
    hint.textContent = report.hint;
    const list = document.createElement("ol");
    for (const line of report.lines) {
      const item = document.createElement("li");
      item.textContent = line;
      list.append(item);
    }
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = report.close;
    close.addEventListener("click", () => box.remove());
    box.append(heading, hint, list, close);
    return box;
  }

  async function refresh() {
    let report;
    try {
      const response = await fetch(source, { cache: "no-store" });
      if (!response.ok) return;
      report = await response.json();
    } catch {
      return;
    }
    const text = JSON.stringify(report);
    if (text === shown) return;
    shown = text;
    document.querySelectorAll(".sb-problems").forEach((old) => old.remove());
    if (report.lines.length) document.body.append(panel(report));
  }

  refresh();
  setInterval(refresh, 1500);
})();
