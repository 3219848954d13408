// salesbook search: the query rules and the ranking, the one implementation both
// builds use (generator/search/ writes the index it reads). It runs in the page
// and, for the tests, in node.
//
// A query is normalised (NFKC, lower case, traditional to simplified with
// OpenCC's table), cut at punctuation and between Latin and Chinese, stripped of
// the team's stop words and matched against its synonym groups; what is left
// becomes character pairs, as the index stores text. Every part of the query is a
// "concept" that a unit matches or not: a pair, a Latin word, or a synonym group
// (matched by any of its terms). Units are ranked by BM25F weight times (the square root of) how much
// of the query they cover, so a unit matching most words still comes up when no
// unit matches all (shown as a partial match).
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.SalesbookSearchCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  const WORD = new RegExp(`[${CJK}]+|[a-z]+|[0-9]+`, "gu");
  const CJK_RUN = new RegExp(`^[${CJK}]+$`, "u");
  // A unit's BM25F sum is multiplied by its coverage (the share of the query's weight it holds) to
  // this power: the square root lets a unit holding the rep's main words in its heading beat one
  // that holds a further minor word in passing (tuning set, 284 questions: 1 -> 0.810 at 1, 0.3 to
  // 0.7 -> 0.827 to 0.831, 1.5 -> 0.785, 2 -> 0.771).
  const COVERAGE_POWER = 0.5;
  // A Latin word in a Chinese question names the product, standard or system asked about (MES,
  // GMP, PLC): a unit without it answers about something else, and its score counts this much
  // (tuning set, 344 questions: 0.3 to 0.7 the same, +1 at 1 and none worse).
  const LATIN = /^[a-z]/;
  const LATIN_MISSED = 0.5;
  const SCALE = 10;
  const WORDLIKE = 30;
  const PRECISE_ENOUGH = 0.8;
  // What a stop word or synonym of the rules gains when the query is cut into words: per pair it
  // spans, as much as a pair of fair cohesion (云上 yields to 上线, a word of the content); a
  // one-character stop word (吗, 的) as much as the most cohesive pair, so it always goes.
  const RULE_WORD_GAIN = 20;
  const LONE_RULE_WORD_GAIN = 45;
  const SECOND_OF_PAGE = 0.3;
  // A pair whose cohesion (pointwise mutual information times SCALE) is below this
  // is taken for two characters of neighbouring words (据会 in 数据会不会).
  const SEPARATE = 15;

  const FINAL_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*";

  // Decode a word's postings (generator/search/index.py `_encoded`) into
  // [cohesion, unit, weight, unit, weight, ...].
  function decode(text) {
    const numbers = [];
    let value = 0;
    for (const char of text) {
      const final = FINAL_DIGITS.indexOf(char);
      if (final < 0) {
        value = value * 32 + parseInt(char, 32);
        continue;
      }
      numbers.push(value * 32 + final);
      value = 0;
    }
    for (let i = 3; i < numbers.length; i += 2) numbers[i] += numbers[i - 2];
    return numbers;
  }

  function compileRules(rules) {
    const chars = Array.from(rules.t2s || "");
    const t2s = new Map();
    for (let i = 0; i + 1 < chars.length; i += 2) t2s.set(chars[i], chars[i + 1]);
    const simple = (word) => normalize(word, t2s);
    const stopwords = new Set(rules.stopwords.map(simple));
    const groups = rules.synonyms.map((group) => group.map(simple));
    const groupOf = new Map();
    groups.forEach((group, i) => group.forEach((term) => groupOf.set(term, i)));
    const answerOf = new Map();
    (rules.answers || []).forEach((kind, i) => kind.asked.forEach((word) => answerOf.set(simple(word), i)));
    const answerPatterns = (rules.answers || []).map((kind) => new RegExp(kind.pattern, "gu"));
    const longest = Math.max(1, ...[...stopwords, ...groupOf.keys(), ...answerOf.keys()].map((w) => Array.from(w).length));
    const regional = new Map(rules.regional || []);
    const longestRegional = Math.max(1, ...[...regional.keys()].map((w) => Array.from(w).length));
    return { t2s, stopwords, groups, groupOf, answerOf, answerPatterns, longest, regional, longestRegional };
  }

  function normalizeChar(char, t2s) {
    const folded = char.normalize("NFKC").toLowerCase();
    return t2s && t2s.has(folded) ? t2s.get(folded) : folded;
  }

  function normalize(text, t2s) {
    return Array.from(text, (char) => normalizeChar(char, t2s)).join("");
  }

  function tokens(text) {
    const found = [];
    for (const run of normalize(text).match(WORD) || []) {
      if (CJK_RUN.test(run) && run.length > 1) {
        for (let i = 0; i + 1 < run.length; i++) found.push(run.slice(i, i + 2));
      } else {
        found.push(run);
      }
    }
    return found;
  }

  function shardOf(token, shards) {
    let value = 0x811c9dc5;
    for (let i = 0; i < token.length; i++) {
      value ^= token.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % shards;
  }

  // A step asked for by its place (第二步, 第 3 步, 最后一步) is the unit whose heading has that
  // number (`#2`: 2. 到期提醒与开票), or the last numbered heading of its page (`#last`).
  const ORDINAL = "#";
  const LAST = "last";
  const STEP_ASKED = /第\s*([0-9]+|[一二两三四五六七八九十]+)\s*个?\s*步骤?|最后\s*一\s*个?\s*步骤?/gu;
  const CHINESE_DIGITS = "一二三四五六七八九";
  const CHINESE_TENS = { 十: 10, 百: 100, 千: 1000 };
  // A quantity in Chinese numerals (两百万, 第一周, 三个月) is read as the content writes it, in digits
  // (200万, 第1周, 3个月); one of something (一台, 一年) is left as it is, it is seldom a figure.
  const CHINESE_QUANTITY = /(?<!几)(第?)([一二两三四五六七八九十百千]+)(?=[多来余]?个?(?:月|周|年|天|小时|人|台|家|座|元|万|亿|测点))/gu;

  // Return the value of a number below 10,000 written in digits or Chinese numerals (三, 十二, 两百零五; 两 is 二).
  function numberOf(text) {
    if (/^[0-9]+$/.test(text)) return Number(text);
    let total = 0;
    let digit = 0;
    for (const char of text) {
      if (char in CHINESE_TENS) {
        total += (digit || 1) * CHINESE_TENS[char];
        digit = 0;
      } else {
        digit = char === "两" ? 2 : CHINESE_DIGITS.indexOf(char) + 1;
      }
    }
    return total + digit;
  }

  // Return `text` with its quantities in Chinese numerals written in digits (above).
  function digitsFor(text) {
    return text.replace(CHINESE_QUANTITY, (whole, ordinal, number) => (ordinal || numberOf(number) > 1 ? ordinal + numberOf(number) : whole));
  }

  // A year said from now (明年) is also the year the content writes (2027 年).
  const RELATIVE_YEARS = { 前年: -2, 去年: -1, 今年: 0, 明年: 1, 后年: 2 };
  const RELATIVE_YEAR = new RegExp(Object.keys(RELATIVE_YEARS).join("|"), "gu");

  // Return the query's Latin and number concepts ({ alts: [[term, ...], ...] }) and its runs of
  // Chinese characters, cut into words only once the index says which of their pairs are words.
  // A step asked for by its place and a year said from now become concepts of their own; `year`
  // is this year, which 今年 and 明年 count from.
  function understand(query, rules, year = new Date().getFullYear()) {
    const concepts = [];
    const runs = [];
    const lift = (text, pattern, conceptOf) => text.replace(pattern, (...match) => (concepts.push(conceptOf(...match)), " "));
    let text = mainlandWords(normalize(query, rules.t2s), rules);
    text = lift(text, STEP_ASKED, (_, number) => ({ alts: [[ORDINAL + (number ? numberOf(number) : LAST)]] }));
    text = lift(digitsFor(text), RELATIVE_YEAR, (word) => ({ alts: [[word], [String(year + RELATIVE_YEARS[word])]] }));
    for (const token of text.match(WORD) || []) {
      if (CJK_RUN.test(token)) runs.push(token);
      else if (rules.groupOf.has(token)) concepts.push(synonym(token, rules));
      else if (!rules.stopwords.has(token)) concepts.push({ alts: [[token]] });
    }
    return { concepts, runs };
  }

  // The index stores each synonym group as one word, `=` and its number (weighed by how rare the
  // word the rep typed is).
  function synonym(word, rules) {
    return { alts: [["=" + rules.groupOf.get(word)]], typed: word };
  }

  // Return every word of the rules (stop word, synonym, question word of a kind of answer) that a
  // run holds, overlapping ones included: [{ at, length, word }].
  function dictionaryWords(run, rules) {
    const found = [];
    for (let at = 0; at < run.length; at++) {
      for (let length = 1; length <= Math.min(rules.longest, run.length - at); length++) {
        const word = run.slice(at, at + length);
        if (rules.stopwords.has(word) || rules.groupOf.has(word) || rules.answerOf.has(word)) found.push({ at, length, word });
      }
    }
    return found;
  }

  // Whether a word of the rules keeps its characters when the query is cut: a stop word or a
  // question word does; only a synonym yields to a stronger word of the content at its edge.
  function keepsCharacters(word, rules) {
    return rules.stopwords.has(word) || rules.answerOf.has(word);
  }

  // Return the pairs of a run worth asking the index about: not those inside a word of the rules
  // (the rules know it already), nor those that take a character of a word that keeps them.
  function queryPairs(run, rules) {
    const words = dictionaryWords(run, rules);
    const inside = (i, word) => word.at <= i && i + 2 <= word.at + word.length;
    const touches = (i, word) => word.at <= i + 1 && i < word.at + word.length;
    return pairsOf(run).filter((_, i) => !words.some((word) => (word.length > 1 && inside(i, word)) || (keepsCharacters(word.word, rules) && touches(i, word))));
  }

  // Replace Taiwan and Hong Kong words by the content's mainland ones (闸道器 -> 网关), longest first.
  function mainlandWords(text, rules) {
    if (!rules.regional.size) return text;
    const chars = Array.from(text);
    let out = "";
    for (let i = 0; i < chars.length; ) {
      const word = longestAt(chars, i, rules.longestRegional, (w) => rules.regional.has(w));
      out += word ? rules.regional.get(word) : chars[i];
      i += word ? Array.from(word).length : 1;
    }
    return out;
  }

  function pairsOf(run) {
    const pairs = [];
    for (let i = 0; i + 1 < run.length; i++) pairs.push(run.slice(i, i + 2));
    return pairs;
  }

  // Return the pairs of a run that no word of its cut covers (where a homophone typo may hide).
  function uncovered(run, covered) {
    return pairsOf(run).filter((_, i) => !covered.has(i) && !covered.has(i + 1));
  }

  function readingsOf(table) {
    const readings = new Map();
    for (const entry of (table || "").split(",")) {
      const [character, ...rest] = Array.from(entry);
      if (character) readings.set(character, rest.join(""));
    }
    return readings;
  }

  // Return the cut of a run of greatest total gain: non-overlapping pairs (a pair gains its
  // cohesion above SEPARATE) and words of the rules (RULE_WORD_GAIN per pair a word spans; a
  // one-character stop word LONE_RULE_WORD_GAIN), so that a synonym never takes a character from
  // a stronger word (设备云上线: 上线, not 云上). Pieces: { at, length, word, known }.
  function bestCut(run, cohesion, rules) {
    const words = dictionaryWords(run, rules);
    const best = [{ score: 0, pieces: [] }];
    for (let end = 1; end <= run.length; end++) {
      let choice = best[end - 1];
      const consider = (piece, gain) => {
        if (gain > 0 && best[piece.at].score + gain > choice.score) choice = { score: best[piece.at].score + gain, pieces: [...best[piece.at].pieces, piece] };
      };
      if (end >= 2) consider({ at: end - 2, length: 2, word: run.slice(end - 2, end) }, cohesion(run.slice(end - 2, end)) - SEPARATE);
      for (const word of words.filter((w) => w.at + w.length === end)) {
        consider({ ...word, known: true }, word.length > 1 ? RULE_WORD_GAIN * (word.length - 1) : LONE_RULE_WORD_GAIN);
      }
      best.push(choice);
    }
    return best[run.length].pieces;
  }

  // Cut a run into words: the best cut's pairs, with every other pair cohesive enough to be a
  // word (设备 and 备云 of 设备云) unless it takes a character of a word that keeps them; the
  // rules' words that mean something (synonyms and question words; stop words are dropped); the
  // positions covered.
  function segment(run, postings, rules) {
    const cohesion = (pair) => (postings.has(pair) ? postings.get(pair)[0] : 0);
    const pieces = bestCut(run, cohesion, rules);
    const overlaps = (i, kind) => pieces.some((piece) => kind(piece) && piece.at <= i + 1 && i < piece.at + piece.length);
    const chosen = pieces.filter((piece) => !piece.known).map((piece) => piece.word);
    const likely = pairsOf(run).filter((pair, i) => cohesion(pair) >= WORDLIKE && !overlaps(i, (piece) => piece.known && keepsCharacters(piece.word, rules)));
    const anyKnown = pairsOf(run).filter((pair, i) => postings.has(pair) && !overlaps(i, (piece) => piece.known));
    const pairs = chosen.length || likely.length ? [...new Set([...chosen, ...likely])] : anyKnown;
    const covered = new Set(pieces.flatMap((piece) => Array.from({ length: piece.length }, (_, k) => piece.at + k)));
    for (const pair of pairs) for (let at = run.indexOf(pair); at >= 0; at = run.indexOf(pair, at + 1)) covered.add(at).add(at + 1);
    const known = pieces.filter((piece) => piece.known && (rules.groupOf.has(piece.word) || rules.answerOf.has(piece.word))).map((piece) => piece.word);
    return { pairs, known, covered };
  }

  // A character no word of its run covers (审 in 合同给法务审) is looked for in headings (`^审`).
  const TITLE_CHARACTER = "^";
  // A kind of answer (`?0`: a duration, asked for by 多久), stored with the heading characters.
  const ANSWER_KIND = "?";

  function conceptsOf(understood, postings, soundAlike, rules) {
    const concepts = [];
    for (const run of understood.runs) {
      const cut = segment(run, postings, rules);
      concepts.push(...cut.known.map((word) => ruleWord(word, rules)));
      concepts.push(...cut.pairs.map((pair) => ({ alts: [[pair]] })));
      Array.from(run).forEach((char, i) => cut.covered.has(i) || concepts.push({ alts: [[TITLE_CHARACTER + char]] }));
    }
    return dedupe([...understood.concepts, ...concepts, ...soundAlike]);
  }

  // Return the concept of a word of the rules: its synonym group, the kind of answer it asks for,
  // or either when it is both (多少钱: a price word, or an amount of money).
  function ruleWord(word, rules) {
    const group = rules.groupOf.has(word) ? synonym(word, rules) : { alts: [] };
    const kind = rules.answerOf.has(word) ? [[ANSWER_KIND + rules.answerOf.get(word)]] : [];
    return { ...group, alts: [...group.alts, ...kind] };
  }

  // Return the longest word of at most `longest` characters at `start` that `known` accepts ("" if none).
  function longestAt(chars, start, longest, known) {
    for (let length = Math.min(longest, chars.length - start); length >= 1; length--) {
      const word = chars.slice(start, start + length).join("");
      if (known(word)) return word;
    }
    return "";
  }

  function dedupe(concepts) {
    const seen = new Set();
    return concepts.filter((concept) => {
      const key = JSON.stringify(concept.alts);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  // Return the index words a query may need: its concepts' terms, the synonym groups and kinds of
  // answer of the rules' words its runs hold, their pairs, and their characters outside the words
  // that keep them (a character left over by the cut is looked for in headings).
  function termsOf(understood, rules) {
    const terms = understood.concepts.flatMap((c) => c.alts.flat());
    for (const run of understood.runs) {
      const words = dictionaryWords(run, rules);
      const kept = (i) => words.some((word) => keepsCharacters(word.word, rules) && word.at <= i && i < word.at + word.length);
      terms.push(...words.filter((word) => rules.groupOf.has(word.word)).map((word) => "=" + rules.groupOf.get(word.word)));
      terms.push(...words.filter((word) => rules.answerOf.has(word.word)).map((word) => ANSWER_KIND + rules.answerOf.get(word.word)));
      terms.push(...queryPairs(run, rules), ...Array.from(run).filter((_, i) => !kept(i)).map((char) => TITLE_CHARACTER + char));
    }
    return [...new Set(terms)];
  }

  function idf(df, units) {
    return Math.log(1 + (units - df + 0.5) / (df + 0.5));
  }

  // Score every unit that holds a query term; `postings` maps term -> [cohesion, unit, weight,
  // unit, weight, ...] (units ascending). `typedCount(concept)` says how many units hold the very
  // word the rep typed for a synonym group. The sums gather in flat arrays, a row per unit found
  // and a column per alternative of a concept: at 10,000 items one word holds thousands of units.
  function rank(concepts, postings, units, typedCount = () => 0) {
    const weights = termWeights(concepts, postings, units, typedCount);
    const live = concepts
      .map((concept) => ({ ...concept, alts: concept.alts.map((alt) => alt.filter((t) => postings.has(t))).filter((alt) => alt.length) }))
      .filter((concept) => concept.alts.length);
    if (!live.length) return [];
    const conceptWeight = live.map((c) => Math.max(...c.alts.map((alt) => mean(alt.map((t) => weights.get(t))))));
    const total = conceptWeight.reduce((a, b) => a + b, 0) || 1;
    const columns = live.flatMap((concept, c) => concept.alts.map((alt) => ({ c, alt, weight: alt.reduce((sum, t) => sum + weights.get(t), 0) })));
    const { found, share, score } = gather(columns, postings, weights, units);
    const width = columns.length;
    const scored = [];
    const latin = live.map((concept) => LATIN.test(concept.alts[0][0]));
    for (let row = 0; row < found.length; row++) {
      let covered = 0;
      let sum = 0;
      let missesLatin = false;
      for (let k = 0; k < width; ) {
        const c = columns[k].c;
        let whole = false;
        let best = 0;
        for (; k < width && columns[k].c === c; k++) {
          if (share[row * width + k] < 1 - 1e-9) continue;
          whole = true;
          best = Math.max(best, score[row * width + k]);
        }
        if (whole) covered += conceptWeight[c];
        else missesLatin ||= latin[c];
        sum += best;
      }
      const coverage = covered / total;
      scored.push({ unit: found[row], coverage, score: sum * Math.pow(coverage, COVERAGE_POWER) * (missesLatin ? LATIN_MISSED : 1) });
    }
    return scored.sort((a, b) => b.score - a.score || a.unit - b.unit);
  }

  // Return each term's weight: its idf, less for a pair of low cohesion; a synonym group's by how
  // rare the word the rep typed is.
  function termWeights(concepts, postings, units, typedCount) {
    const weights = new Map();
    for (const [term, flat] of postings) weights.set(term, idf((flat.length - 1) / 2, units) * Math.min(1, flat[0] / WORDLIKE));
    for (const concept of concepts) {
      const count = concept.typed ? typedCount(concept) : 0;
      if (count && postings.has(concept.alts[0][0])) weights.set(concept.alts[0][0], idf(count, units));
    }
    return weights;
  }

  // Add up, per unit found and per column (an alternative of a concept), how much of the
  // alternative's weight the unit holds (share) and its weighted score.
  function gather(columns, postings, weights, units) {
    const width = columns.length;
    const rowOf = new Int32Array(units).fill(-1);
    const postingsCount = columns.reduce((n, column) => n + column.alt.reduce((m, t) => m + (postings.get(t).length - 1) / 2, 0), 0);
    const rows = Math.min(units, postingsCount);
    const share = new Float64Array(rows * width);
    const score = new Float64Array(rows * width);
    const found = [];
    columns.forEach(({ alt, weight: altWeight }, k) => {
      for (const term of alt) {
        const flat = postings.get(term);
        const weight = weights.get(term);
        const part = altWeight > 0 ? weight / altWeight : 1 / alt.length;
        for (let i = 1; i < flat.length; i += 2) {
          let row = rowOf[flat[i]];
          if (row < 0) {
            row = rowOf[flat[i]] = found.length;
            found.push(flat[i]);
          }
          share[row * width + k] += part;
          score[row * width + k] += (weight * flat[i + 1]) / SCALE / alt.length;
        }
      }
    });
    return { found, share, score };
  }

  // Return the query's terms whose postings hold `unit` (the words its result marks).
  function heldTerms(unit, concepts, postings) {
    const held = new Set();
    for (const term of concepts.flatMap((concept) => concept.alts.flat())) if (postings.has(term) && holds(postings.get(term), unit)) held.add(term);
    return [...held];
  }

  // Whether postings [cohesion, unit, weight, ...] (units ascending) hold `unit`.
  function holds(flat, unit) {
    let low = 0;
    let high = (flat.length - 1) / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = flat[1 + 2 * middle];
      if (found === unit) return true;
      if (found < unit) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  function mean(values) {
    return values.reduce((a, b) => a + b, 0) / values.length;
  }

  // Keep at most two units per page, in rank order. The page's first is its best, except that
  // a question or a step covering as much of the query as the page's own unit, and scoring
  // nearly as well, is preferred to it (it is the more precise answer). A second unit follows
  // at its own rank when it scores at least SECOND_OF_PAGE of the first: the step a rep asks
  // about is often the runner-up on its page, behind the page or a neighbouring step.
  function fewPerPage(scored, pageOf, pageStarts) {
    const byPage = new Map();
    const shown = [];
    for (const hit of scored) {
      const page = pageOf(hit.unit);
      const first = byPage.get(page);
      if (!first) {
        const entry = { hit, seconded: false };
        byPage.set(page, entry);
        shown.push(entry);
      } else if (first.hit.unit === pageStarts[page] && !first.replaced && hit.coverage >= first.hit.coverage - 1e-9 && hit.score >= PRECISE_ENOUGH * first.hit.score) {
        Object.assign(first, { hit: { ...hit, score: first.hit.score }, replaced: true });
      } else if (!first.seconded && hit.score >= SECOND_OF_PAGE * first.hit.score) {
        first.seconded = true;
        shown.push({ hit });
      }
    }
    return shown.map((entry) => entry.hit);
  }

  // Return [start, end) ranges of `text` (in code units) where one of `terms` occurs.
  function marks(text, terms) {
    const folded = Array.from(text, (char) => normalizeChar(char));
    const offsets = [];
    let at = 0;
    for (const char of Array.from(text)) {
      offsets.push(at);
      at += char.length;
    }
    offsets.push(at);
    const ranges = [];
    for (const term of terms) {
      const length = Array.from(term).length;
      for (let i = 0; i + length <= folded.length; i++) {
        if (folded.slice(i, i + length).join("") !== term) continue;
        if (/[a-z0-9]/.test(term) && (/[a-z0-9]/.test(folded[i - 1] || "") || /[a-z0-9]/.test(folded[i + length] || ""))) continue;
        ranges.push([offsets[i], offsets[i + length]]);
      }
    }
    return merge(ranges);
  }

  function merge(ranges) {
    ranges.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    return merged;
  }

  // Return the window of about `length` characters of `text` that holds the most
  // matched words, as { start, end, marks } with marks relative to the text.
  function excerpt(text, terms, length) {
    const ranges = marks(text, terms);
    if (text.length <= length || !ranges.length) return { start: 0, end: Math.min(text.length, length), marks: ranges };
    let best = 0;
    let bestCount = -1;
    for (const [start] of ranges) {
      const from = Math.max(0, start - Math.floor(length / 4));
      const count = ranges.filter(([s, e]) => s >= from && e <= from + length).length;
      if (count > bestCount) {
        best = from;
        bestCount = count;
      }
    }
    const start = Math.max(0, Math.min(best, text.length - length));
    return { start, end: Math.min(text.length, start + length), marks: ranges };
  }

  // Return the words that show a result's term: a synonym group's words, the numbers with units
  // of a kind of answer that the result holds (4–6 周 for 多久), or the term itself.
  function markedAs(term, text, rules) {
    if (term.startsWith("=")) return rules.groups[term.slice(1)];
    if (!term.startsWith(ANSWER_KIND)) return [term];
    const pattern = rules.answerPatterns[Number(term.slice(1))];
    return [...new Set(Array.from(normalize(text).matchAll(pattern), (match) => match[0].trim()))];
  }

  // Return the sound key (~huikuan) of each of `pairs` whose readings the index knows.
  function soundKeys(pairs, readings) {
    const keys = new Map();
    for (const pair of pairs) {
      const [a, b] = Array.from(pair);
      if (readings.has(a) && readings.has(b)) keys.set(pair, "~" + readings.get(a) + readings.get(b));
    }
    return keys;
  }

  // Return the shard that holds `term`: a heading character's among the heading shards, a pair of
  // known readings with the words of its sound, any other word by its hash.
  function shardName(term, readings, meta) {
    if (term.startsWith(TITLE_CHARACTER) || term.startsWith(ANSWER_KIND) || term.startsWith(ORDINAL)) return "h/" + shardOf(term, meta.headingShards);
    const chars = Array.from(term);
    if (chars.length === 2 && readings.has(chars[0]) && readings.has(chars[1])) return "t/" + shardOf("~" + readings.get(chars[0]) + readings.get(chars[1]), meta.termShards);
    return "t/" + shardOf(term, meta.termShards);
  }

  // The search over an index whose shards `load(name)` returns (a promise); `loadBundle(name)`
  // loads a bundle of shards (see prefetch); `today()` says when the rep asks (今年, 明年).
  function createEngine(load, loadBundle, today = () => new Date()) {
    let opened = null;
    // Load the rules, and a small index's heading characters with them (nearly every
    // question needs them; the box is open while the rep types).
    function open() {
      opened ??= load("meta").then((meta) => {
        if (meta.headingShards === 1) load("h/0").catch(() => {});
        return { meta, rules: compileRules(meta.rules), readings: readingsOf(meta.readings) };
      });
      return opened;
    }
    function pageOf(meta, unit) {
      let low = 0;
      let high = meta.pageStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (meta.pageStarts[middle] <= unit) low = middle;
        else high = middle - 1;
      }
      return low;
    }
    async function search(query, limit) {
      const { meta, rules, readings } = await open();
      const understood = understand(query, rules, today().getFullYear());
      const postings = new Map();
      const fetchTerms = async (terms) => {
        const names = [...new Set(terms.map((term) => shardName(term, readings, meta)))];
        const shards = await Promise.all(names.map(load));
        const found = new Map();
        for (const shard of shards) for (const term of terms) if (shard[term]) found.set(term, shard[term]);
        return found;
      };
      // the sounds of the query's pairs come in the same round as its words (a homophone costs no extra wait)
      for (const [term, text] of await fetchTerms([...termsOf(understood, rules), ...soundKeys(understood.runs.flatMap((run) => queryPairs(run, rules)), readings).values()])) {
        if (!term.startsWith("~")) postings.set(term, decode(text));
      }
      const soundAlike = await homophones(understood, postings, rules, readings, fetchTerms);
      const typedCount = (concept) => meta.synonymCounts[concept.alts[0][0].slice(1)][rules.groups[concept.alts[0][0].slice(1)].indexOf(concept.typed)];
      const concepts = conceptsOf(understood, postings, soundAlike, rules);
      const ranked = rank(concepts, postings, meta.units, typedCount);
      const scored = fewPerPage(ranked, (unit) => pageOf(meta, unit), meta.pageStarts);
      const shown = scored.slice(0, limit);
      const docs = new Map();
      const docNames = [...new Set(shown.map((hit) => Math.floor(hit.unit / meta.unitsPerDocShard)))];
      await Promise.all(docNames.map((k) => load("d/" + k).then((rows) => docs.set(k, rows))));
      const results = shown.map((hit) => {
        const [url, title, page, section, text, internal] = docs.get(Math.floor(hit.unit / meta.unitsPerDocShard))[hit.unit % meta.unitsPerDocShard];
        const terms = heldTerms(hit.unit, concepts, postings).flatMap((term) => markedAs(term, `${title} ${text}`, rules));
        return { url, title, page, section, text, internal: internal === 1, coverage: hit.coverage, terms, partial: hit.coverage < 0.999 };
      });
      // "only partial matches" when none of those shown holds every word (a partial match may rank first)
      return { results, count: scored.length, partial: results.length > 0 && results.every((result) => result.partial) };
    }
    // Return concepts for the pairs no word covers that sound like words of the
    // index (会款 -> 回款), loading their postings into `postings`.
    async function homophones(understood, postings, rules, readings, fetchTerms) {
      const pairs = understood.runs.flatMap((run) => uncovered(run, segment(run, postings, rules).covered)).filter((pair) => !postings.has(pair));
      const keys = soundKeys(pairs, readings);
      if (!keys.size) return [];
      const sounds = await fetchTerms([...new Set(keys.values())]);
      const sharing = (pair) => (word) => word[0] === pair[0] || word[1] === pair[1];
      const alikes = [...keys]
        .filter(([, key]) => sounds.has(key))
        .map(([pair, key]) => sounds.get(key).match(/../gu).filter(sharing(pair)))
        .filter((words) => words.length);
      for (const [term, text] of await fetchTerms(alikes.flat())) postings.set(term, decode(text));
      return alikes.map((words) => ({ alts: words.map((word) => [word]) }));
    }

    // Load the whole index in the background when the build bundled it (a small index): all its
    // bundles at once, each many shards in one compressed request, handed to `loadBundle`. A
    // shard a search asks for meanwhile comes from its own request or its bundle, whichever is first.
    async function prefetch() {
      const { meta } = await open();
      await Promise.all(Array.from({ length: meta.bundles }, (_, k) => loadBundle("b/" + k)));
    }
    return { open, search, prefetch };
  }

  return { createEngine, decode, compileRules, normalize, tokens, shardOf, understand, termsOf, conceptsOf, rank, marks, excerpt };
});
