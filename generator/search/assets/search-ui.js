// salesbook: the header search box. It loads the index shards with <script> tags
// (which work over HTTP and from file:// alike) and, when served, the rest of a small
// index as gzip-compressed bundles after the first results; asks search-core.js for the
// ranked answers and shows each as one result: where it is, its title and one
// short excerpt with the matched words marked. Tapping a result opens its anchor.
(() => {
  "use strict";
  const box = document.querySelector("[data-sb-search]");
  const core = window.SalesbookSearchCore;
  if (!box || !core) return;
  const toggle = document.getElementById("__search");
  const input = box.querySelector("[data-sb-search-query]");
  const output = box.querySelector("[data-sb-search-result]");
  const meta = output.querySelector(".md-search-result__meta");
  const list = output.querySelector(".md-search-result__list");
  const say = JSON.parse(output.dataset.sbMessages);
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const SHOWN = 10;
  const FIRST_SCREEN = 5;  // results a phone shows without scrolling
  const EXCERPT_CHARS = 64;
  const KEYSTROKE_MS = 120;
  const waiting = new Map();
  const loaded = new Map();
  let latest = 0;
  let timer = 0;

  window.SalesbookSearch = {
    receive(name, data) {
      const promise = waiting.get(name);
      waiting.delete(name);
      if (promise) promise.resolve(data);
      else if (!loaded.has(name)) loaded.set(name, Promise.resolve(data));  // a shard that came in a bundle
    },
  };

  function load(name) {
    if (!loaded.has(name)) {
      loaded.set(name, new Promise((resolve, reject) => {
        waiting.set(name, { resolve });
        const script = document.createElement("script");
        script.src = new URL(`search/${name}.js`, base).href;
        script.onerror = () => reject(new Error(`search shard ${name} did not load`));
        document.head.append(script);
      }));
    }
    return loaded.get(name);
  }

  // Fetch a bundle of shards ({shard: data}, gzip-compressed JSON) and hand each to `receive`
  // (a host that sends .gz with Content-Encoding: gzip has unpacked it already).
  async function loadBundle(name) {
    const response = await fetch(new URL(`search/${name}.gz`, base));
    if (!response.ok) throw new Error(`search bundle ${name} did not load`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const packed = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const text = packed ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text() : new TextDecoder().decode(bytes);
    for (const [shard, data] of Object.entries(JSON.parse(text))) window.SalesbookSearch.receive(shard, data);
  }

  const engine = core.createEngine(load, loadBundle);
  // bundles only pay over a network, and need the browser to unpack gzip (file:// reads shards from disk)
  const bundled = location.protocol.startsWith("http") && "DecompressionStream" in window;
  window.SalesbookSearch.engine = engine;  // for the bench, which times queries in the page

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Append `text` to `node` with <mark> around the ranges in `marks` (offsets from `offset`).
  function marked(node, text, marks, offset = 0) {
    let at = 0;
    for (const [from, to] of marks) {
      const start = Math.max(from - offset, at);
      const end = Math.min(to - offset, text.length);
      if (end <= start) continue;
      node.append(text.slice(at, start), element("mark", "", text.slice(start, end)));
      at = end;
    }
    node.append(text.slice(at));
    return node;
  }

  function item(result) {
    const li = element("li", "md-search-result__item sb-result");
    const link = element("a", "md-search-result__link");
    link.href = new URL(result.url, base).href;
    link.dataset.page = result.page;
    link.tabIndex = -1;
    const body = element("article", "md-search-result__article md-typeset");
    const where = element("div", "sb-result__where");
    if (result.internal) where.append(element("span", "sb-result__internal", say.internal));
    where.append(element("span", "sb-result__section", result.section));
    if (result.page !== result.title) where.append(element("span", "sb-result__page", result.page));
    if (result.partial) where.append(element("span", "sb-result__partial", say.partial));
    body.append(where, marked(element("h1", "sb-result__title"), result.title, core.marks(result.title, result.terms)));
    const cut = core.excerpt(result.text, result.terms, EXCERPT_CHARS);
    if (cut.end > cut.start) {
      const p = element("p", "sb-result__excerpt");
      if (cut.start > 0) p.append("…");
      marked(p, result.text.slice(cut.start, cut.end), cut.marks, cut.start);
      if (cut.end < result.text.length) p.append("…");
      body.append(p);
    }
    link.append(body);
    li.append(link);
    return li;
  }

  function summary(found) {
    if (!found.results.length) return say.none;
    if (found.partial) return say.partial_all;
    return found.count === 1 ? say.one : say.other.replace("#", found.count);
  }

  function show(found) {
    meta.textContent = summary(found);
    list.replaceChildren(...found.results.map(item));
  }

  // Show the first screen of results as soon as its excerpts have loaded, then the rest.
  async function search(query) {
    const mine = ++latest;
    if (!query.trim()) {
      meta.textContent = say.placeholder;
      list.replaceChildren();
      output.dataset.query = output.dataset.shown = "";
      return;
    }
    try {
      for (const limit of [FIRST_SCREEN, SHOWN]) {
        const found = await engine.search(query, limit);
        if (mine !== latest) return;
        show(found);
        output.dataset.shown = query;
      }
      // the rest of a small index loads once the results are shown, for the next searches
      if (bundled) window.SalesbookSearch.prefetched ??= engine.prefetch().catch(() => {});
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
      engine.open().catch(() => {});  // the rules, while the rep types
      setTimeout(() => input.focus(), 0);
    }
  });
  input.addEventListener("focus", () => { if (!toggle.checked) open(); });
  // Keystrokes wait a moment for the next one; text committed at once (an input method's
  // word, a paste) is searched at once; pinyin still being composed is not searched at all.
  input.addEventListener("input", (event) => {
    clearTimeout(timer);
    if (event.isComposing) return;
    const committed = event.inputType === "insertFromPaste" || (event.data || "").length > 1;
    timer = setTimeout(() => search(input.value), committed ? 0 : KEYSTROKE_MS);
  });
  input.addEventListener("compositionend", () => {
    clearTimeout(timer);
    search(input.value);
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
