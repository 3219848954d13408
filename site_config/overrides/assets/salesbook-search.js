// salesbook: the header search of the served site, backed by Pagefind.
// It fills Material's own search markup (partials/pagefind.html), so results look
// like Material's; Pagefind loads on first use and fetches only the index chunks
// a query needs.
(() => {
  "use strict";
  const box = document.querySelector("[data-sb-search]");
  if (!box) return;
  const toggle = document.getElementById("__search");
  const input = box.querySelector("[data-sb-search-query]");
  const output = box.querySelector("[data-sb-search-result]");
  const meta = output.querySelector(".md-search-result__meta");
  const list = output.querySelector(".md-search-result__list");
  const say = JSON.parse(output.dataset.sbMessages);
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const shown = 10;
  const sectionsShown = 3;
  let engine = null;
  let latest = 0;
  let timer = 0;

  function load() {
    engine ??= import(new URL("pagefind/pagefind.js", base).href).then(async (pagefind) => {
      await pagefind.options({ baseUrl: base.pathname, excerptLength: 36 });
      await pagefind.init();
      return pagefind;
    });
    return engine;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Pagefind's excerpts are the page's own text, escaped, with <mark> around hits;
  // titles are escaped text too, so they are decoded rather than inserted as HTML.
  function excerpt(html) {
    const p = element("p");
    p.innerHTML = html.replace(/^[.\s]+/, "");
    return p;
  }

  function text(escaped) {
    return new DOMParser().parseFromString(escaped, "text/html").body.textContent;
  }

  function article(title, html, level, section) {
    const link = element("a", "md-search-result__link");
    link.tabIndex = -1;
    const body = element("article", "md-search-result__article md-typeset");
    if (level === 1) body.append(element("div", "md-search-result__icon md-icon"));
    if (section) body.append(element("span", "sb-search-section", section));
    body.append(element(level === 1 ? "h1" : "h2", "", text(title)), excerpt(html));
    link.append(body);
    return link;
  }

  function item(result) {
    const li = element("li", "md-search-result__item");
    const top = article(result.meta.title || result.url, result.excerpt, 1, result.meta.section);
    top.href = result.url;
    li.append(top);
    const title = result.meta.title;
    const sections = (result.sub_results || []).filter((sub) => sub.url.includes("#") && sub.title !== title);
    for (const sub of sections.slice(0, sectionsShown)) {
      const link = article(sub.title, sub.excerpt, 2);
      link.href = sub.url;
      li.append(link);
    }
    return li;
  }

  function count(n) {
    if (n === 0) return say.none;
    return n === 1 ? say.one : say.other.replace("#", n);
  }

  async function search(query) {
    const mine = ++latest;
    if (!query.trim()) {
      meta.textContent = say.placeholder;
      list.replaceChildren();
      output.dataset.query = "";
      return;
    }
    try {
      const pagefind = await load();
      const found = await pagefind.search(query);
      const results = await Promise.all(found.results.slice(0, shown).map((r) => r.data()));
      if (mine !== latest) return;
      meta.textContent = count(found.results.length);
      list.replaceChildren(...results.map(item));
    } catch (error) {
      if (mine !== latest) return;
      meta.textContent = say.failed;
      list.replaceChildren();
      console.error(error);
    }
    output.dataset.query = query;
  }

  function links() {
    return [...list.querySelectorAll("a.md-search-result__link")];
  }

  function open() {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  }

  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      load();
      setTimeout(() => input.focus(), 0);
    }
  });
  input.addEventListener("focus", () => { if (!toggle.checked) open(); });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 120);
  });
  box.querySelector("form").addEventListener("reset", () => setTimeout(() => search(""), 0));
  box.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) close();
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]");
    if (!toggle.checked) {
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["/", "s", "f"].includes(event.key)) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const all = links();
      if (!all.length) return;
      event.preventDefault();
      const at = all.indexOf(document.activeElement);
      const next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
      (next < 0 ? input : all[next]).focus();
    }
  });
})();
