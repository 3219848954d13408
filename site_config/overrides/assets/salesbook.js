// salesbook: sortable section tables and their filters (by industry, region,
// product, funnel stage and tag), and the home page search box. The filter values
// of each row come from the generator, in the table wrapper's data-sb-rows attribute.
(() => {
  "use strict";
  const collator = new Intl.Collator("zh-CN", { numeric: true, sensitivity: "base" });

  function sortable(table) {
    const head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    [...head.cells].forEach((cell, column) => {
      cell.tabIndex = 0;
      cell.setAttribute("aria-sort", "none");
      cell.title = "点击排序";
      const sort = () => {
        const ascending = cell.getAttribute("aria-sort") !== "ascending";
        [...head.cells].forEach((other) => other.setAttribute("aria-sort", "none"));
        cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = [...body.rows].sort((a, b) => collator.compare(a.cells[column].textContent.trim(), b.cells[column].textContent.trim()));
        if (!ascending) rows.reverse();
        body.append(...rows);
      };
      cell.addEventListener("click", sort);
      cell.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sort();
        }
      });
    });
  }

  function filterable(index, form) {
    const table = index.querySelector("table");
    const facets = JSON.parse(index.dataset.sbRows || "[]");
    const rows = [...table.tBodies[0].rows];
    const counter = form.querySelector("output");
    const apply = () => {
      const chosen = [...form.elements].filter((field) => field.name && field.value);
      let visible = 0;
      rows.forEach((row, i) => {
        const match = chosen.every((field) => (facets[i][field.name] || []).includes(field.value));
        row.hidden = !match;
        visible += match ? 1 : 0;
      });
      counter.textContent = chosen.length ? `显示 ${visible} / ${rows.length} 篇` : "";
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
  }

  // The home page's big search box is a label for Material's search toggle;
  // make it open the search from the keyboard too.
  document.querySelectorAll(".sb-hero__search").forEach((box) => {
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        box.click();
      }
    });
  });

  document.querySelectorAll(".sb-index").forEach((index) => {
    const table = index.querySelector("table");
    if (!table) return;
    sortable(table);
    const form = document.querySelector("[data-sb-filters]");
    if (form) filterable(index, form);
  });
})();
