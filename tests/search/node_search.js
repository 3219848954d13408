// Run the site's own search module in node over a built site's index.
// Usage: node node_search.js SITE_DIR [ASKED_ON] < queries.json  (a JSON list of strings; ASKED_ON
// a date, 2026-12-01, that 今年 and 明年 count from: today when not given)
// Prints a JSON list: per query, whether only partial matches were found, and the results' url,
// title, page title, whether each is partial and the words it marks.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2];
const folder = path.join(site, "search");
const core = require(path.resolve(folder, "search-core.js"));
const shards = new Map();
const sandbox = { SalesbookSearch: { receive: (name, data) => shards.set(name, data) } };

function load(name) {
  if (!shards.has(name)) vm.runInNewContext(fs.readFileSync(path.join(folder, `${name}.js`), "utf8"), sandbox);
  return Promise.resolve(shards.get(name));
}

(async () => {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const asked = process.argv[3] ? new Date(process.argv[3]) : new Date();
  const engine = core.createEngine(load, undefined, () => asked);
  const out = [];
  for (const query of queries) {
    const found = await engine.search(query, 10);
    out.push({ partial: found.partial, results: found.results.map((r) => ({ url: r.url, title: r.title, page: r.page, partial: r.partial, terms: r.terms })) });
  }
  process.stdout.write(JSON.stringify(out));
})();
