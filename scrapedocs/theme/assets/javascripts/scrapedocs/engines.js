/*
 * The search engines behind the header's search box (search.js): Pagefind on the website,
 * a script index in the offline bundle (opened from file://, where Pagefind's loader cannot
 * fetch). Both take the same query terms and rank alike.
 *
 * Query semantics, the same for both engines:
 * - the query is folded to Simplified (what the index holds), whatever script it is in;
 * - terms separated by spaces must all occur (AND), each exactly as written: Han
 *   characters as a substring (区块链 does not match a page that only has 区域, 申长雨 does
 *   not match 申请 or 长远, 产权 matches 知识产权), other words whole (case aside); a phrase
 *   in quotes ("…", “…”, 「…」) is one term;
 * - pages carrying a document's text rank above other pages (cited-document placeholders),
 *   then the pages whose title holds every term, then the others; newest first within each.
 *
 * The website's index holds each run of Han characters as its overlapping pairs in the
 * title parts and as its characters in the text parts (scrapedocs/publish/search/text.py),
 * so a Han term is asked as the phrase of its pairs or of its characters: exact substring
 * semantics either way; the first results, from the title parts, read lists far shorter
 * than a character's, and a text part's lists are bounded by the part.
 *
 * window.scrapedocsSearch = {root, parse(query) → terms, engine() → Promise of
 * {note, search(terms) → Promise of {count, done, listen(callback), load(i) → Promise of a
 * result}}, compact(text)}: `count` results are final; more may come until `done`, and
 * `listen` is called each time.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var ROOT = new URL("../../../", here); // this file is assets/javascripts/scrapedocs/engines.js
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var QUOTES = { '"': '"', "“": "”", "「": "」", "『": "』", "”": "”" };

  // ------------------------------------------------------------------ queries

  /* The query's terms: [{text, pattern}], quoted phrases kept whole. */
  function parse(query) {
    var terms = [];
    var re = /(["“「『”])([^"“”「」『』]*)(["”」』]|$)|(\S+)/g;
    var m;
    while ((m = re.exec(query))) {
      var text = (m[2] !== undefined ? m[2] : m[4]).trim();
      if (!text) continue;
      var quoted = m[1] !== undefined && QUOTES[m[1]] !== undefined;
      terms.push({ text: text.toLowerCase(), pattern: pattern(text.toLowerCase()) });
    }
    return terms;
  }

  /* A term as the offline engine matches it, like Pagefind's exact phrases: Han characters
   * in a row (spaces between them ignored), other words whole. */
  function pattern(text) {
    var tokens = text.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\s\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g) || [];
    var han = function (t) { return HAN.test(t); };
    var source = "";
    tokens.forEach(function (token, i) {
      if (i) source += han(token) || han(tokens[i - 1]) ? "\\s*" : "\\s+";
      source += token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    // A word's ends: not inside a longer word (a letter or digit that is not Han).
    var wordChar = "(?![\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff])[\\p{L}\\p{N}]";
    if (tokens.length && !han(tokens[0])) source = "(?<!" + wordChar + ")" + source;
    if (tokens.length && !han(tokens[tokens.length - 1])) source += "(?!" + wordChar + ")";
    return new RegExp(source, "gu");
  }

  function compact(text) {
    return text.replace(/\s+/g, "").toLowerCase();
  }

  // ------------------------------------------------------------------ engines

  /* The index words of a term, as the index has them (scrapedocs/publish/search/text.py):
   * with `pairs` (a title part), each Han run as its overlapping pairs, then its last
   * character alone when something follows it in the term, written as `hanWord`s; without
   * (a text part), each Han character as it is; other words as they are. With pairs, a
   * term ending in a lone Han character after something else (2020年) cannot be asked
   * exactly: that character starts a pair in the page (年发) or stands alone (年。).
   * Returns {words, last}: `last` is that character (or the whole term when it is one Han
   * character), "" otherwise. */
  function indexWords(text, pairs) {
    var pieces = text.match(HAN_OR_WORD) || [];
    var words = [];
    var run = [];
    var last = "";
    pieces.forEach(function (piece, i) {
      if (HAN.test(piece)) {
        if (!pairs) {
          var word = COMPATIBILITY.test(piece) ? hanWord(piece) : piece; // text.py's _char_word
          words.push(word);
          if (pieces.length === 1) last = word;
          return;
        }
        run.push(piece);
        if (i < pieces.length - 1) return;
      }
      if (run.length) {
        for (var k = 0; k + 1 < run.length; k++) words.push(hanWord(run[k] + run[k + 1]));
        var end = i === pieces.length - 1 && HAN.test(piece);
        if (!end) words.push(hanWord(run[run.length - 1]));
        else if (run.length === 1) last = hanWord(run[0]);
        run = [];
      }
      if (!HAN.test(piece)) words.push(piece);
    });
    return { words: words, last: last };
  }

  /* A Han pair or character as the index writes it (text.py's han_word): q and the code
   * points in hex, which Pagefind keeps whole (it would cut Han characters its own way). */
  function hanWord(chars) {
    var out = "q";
    for (var i = 0; i < chars.length; i++) out += ("000" + chars.charCodeAt(i).toString(16)).slice(-4);
    return out;
  }
  var HAN_WORD = /^q((?:[0-9a-f]{4}){1,2})$/;
  // CJK compatibility ideographs: Pagefind's search decomposes them, so the text parts
  // write them as `hanWord`s.
  var COMPATIBILITY = /[\uf900-\ufaff]/;

  /* How Pagefind is asked for a term: the exact phrase of its words. In a title part, a
   * lone Han character as a prefix (中 → 中, 中国, 中央 …: every word holding it starts with
   * it), and a term ending in a lone character after something else as the phrase of the
   * rest, each candidate then checked against its text (`verify`). In a text part every
   * term is asked exactly (a lone character is a word there; `prefix` only marks it for
   * `answer`'s check). */
  function ask(term, pairs) {
    var cut = indexWords(term.text, pairs);
    if (!cut.words.length) return { query: cut.last, prefix: cut.last, verify: false, term: term };
    var prefix = pairs ? "" : cut.last;
    return { query: '"' + cut.words.join(" ") + '"', prefix: prefix, verify: pairs && !!cut.last, term: term };
  }

  /* Pagefind's results for an ask. Asked a prefix no word has, Pagefind falls back to the
   * words that are a prefix of it (q4e2d → q, any page with a "Q"): when the first page
   * found does not hold the character, nothing holds it. */
  function answer(ask, found) {
    var results = found.results;
    if (!ask.prefix || !results.length) return Promise.resolve(results);
    return results[0].data().then(function (data) {
      return decode(data.content).toLowerCase().indexOf(ask.term.text) === -1 ? [] : results;
    });
  }

  /* The text of a fragment's content (index words) from word `from` on, as a reader reads
   * it: a pair stands for its first character, block breaks become new lines. */
  function decode(content, from) {
    var words = content.split(/\s+/);
    var out = "";
    var previous = "";
    for (var i = from || 0; i < words.length; i++) {
      var word = words[i];
      if (!word) continue;
      if (word === "¶") {
        if (previous && previous !== "\n") { out += "\n"; previous = "\n"; }
        continue;
      }
      var han = HAN_WORD.exec(word);
      var piece = han ? String.fromCharCode(parseInt(han[1].slice(0, 4), 16)) : word;
      if (previous && previous !== "\n" && !CJK_END.test(previous) && !CJK_START.test(piece)) out += " ";
      out += piece;
      previous = piece;
    }
    return out;
  }
  var HAN_CLASS = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var HAN_OR_WORD = new RegExp("[" + HAN_CLASS + "]|[^\\s" + HAN_CLASS + "]+", "g");
  var CJK = "\\u3000-\\u303f" + HAN_CLASS + "\\uff00-\\uffef“”‘’—…";
  var CJK_END = new RegExp("[" + CJK + "]$");
  var CJK_START = new RegExp("^[" + CJK + "]");

  /* Pagefind (the website). The index is cut into parts, separate Pagefind bundles listed
   * in rank order in pagefind/shards.json (scrapedocs/publish/search/parts.py): for the
   * documents, then for the other pages, title parts (titles only) then text parts. Pages
   * are ranked documents first; then the pages whose title holds every term, then the
   * others; newest first within each; each part returns its pages in that order (its sort
   * key). The parts are searched in order, two at a time (a worker each), and a result is
   * final, so shown, once every part before its own has answered: a common word is in a
   * recent title, so its first result comes from the first title part, whatever the size
   * of the collection; the count is complete when the last part has answered.
   * In a text part, each page's record starts with its title, padded to `head` word
   * positions: a page whose every term occurs before that position was listed by a title
   * part and is skipped. Each term is searched alone, the results intersected. */
  function pagefindEngine() {
    var folder = new URL("pagefind/", ROOT);
    return fetch(new URL("shards.json", folder)).then(function (response) {
      if (!response.ok) throw new Error("no Pagefind index");
      return response.json();
    }).then(function (manifest) {
      var parts = manifest.parts;
      var head = manifest.head;
      // Two modules (two URLs of Pagefind's script), hence two workers: the parts share them.
      var modules = parts.slice(0, WORKERS).map(function (part) {
        return import(new URL(part.path + "pagefind.js", folder).href);
      });
      var instances = {};
      function instance(n) {
        if (!instances[n]) {
          instances[n] = modules[n % modules.length].then(function (pagefind) {
            var created = pagefind.createInstance({ basePath: new URL(parts[n].path, folder).href, baseUrl: ROOT.pathname });
            return created.init().then(function () { return created; });
          });
        }
        return instances[n];
      }
      // Started before the first keystroke: the first title and text parts of the documents.
      var firstText = parts.findIndex(function (p) { return p.band === "text"; });
      [0, firstText].forEach(function (n) { if (n >= 0 && n < parts.length) instance(n).catch(function () {}); });
      return Promise.all(modules).then(function () { return searcher(parts, head, instance); });
    });
  }
  var WORKERS = 2;

  /* The first position of a match (a prefix ask lists every occurrence). */
  function least(positions) {
    var out = Infinity;
    for (var i = 0; i < positions.length; i++) if (positions[i] < out) out = positions[i];
    return out;
  }
  var PREFETCH = 10; // the results search.js shows first

  function searcher(parts, head, instance) {
    var current = null;
    return {
      note: "",
      search: function (terms) {
        if (current) current.cancelled = true;
        var asksOf = { // by band: pairs in the title parts, characters in the text parts
          title: terms.map(function (t) { return ask(t, true); }),
          text: terms.map(function (t) { return ask(t, false); }),
        };
        var state = current = { cancelled: false };
        var stages = parts.map(function () { return null; });
        var result = { count: 0, done: !parts.length, hits: [], load: load, listen: listen };
        var listeners = [];
        var next = 0;
        var running = 0;
        var shown = 0;
        function listen(callback) { listeners.push(callback); }
        // The first part alone (it holds the first results), then two at a time; the first
        // results' fragments are fetched before more parts are searched, as a worker busy
        // searching answers nothing else.
        var prefetched = 0;
        function pump() {
          while (!state.cancelled && running < (stages[0] ? WORKERS : 1) && next < parts.length) {
            var n = next++;
            running++;
            searchPart(n).then(function (n, hits) {
              stages[n] = hits;
            }.bind(null, n), function (n, error) {
              console.error(error);
              stages[n] = [];
            }.bind(null, n)).then(function () {
              running--;
              release();
              var first = result.hits.slice(prefetched, PREFETCH);
              prefetched += first.length;
              return Promise.all(first.map(function (hit) { return hit.result.data().catch(function () {}); }));
            }).then(pump);
          }
        }
        function release() {
          var before = result.count;
          while (shown < parts.length && stages[shown]) {
            result.hits.push.apply(result.hits, stages[shown]);
            shown++;
          }
          result.count = result.hits.length;
          var done = shown === parts.length;
          if (result.count !== before || done !== result.done) {
            result.done = done;
            listeners.forEach(function (f) { f(result); });
          }
        }
        function searchPart(n) {
          var part = parts[n];
          var asks = asksOf[part.band];
          return instance(n).then(function (pagefind) {
            return Promise.all(asks.map(function (a) { return pagefind.search(a.query, { sort: { rank: "asc" } }); }));
          }).then(function (found) {
            return Promise.all(found.map(function (r, k) { return answer(asks[k], r); }));
          }).then(function (found) {
            var maps = found.map(function (results) {
              return new Map(results.map(function (x) { return [x.id, x]; }));
            });
            var hits = [];
            found[0].forEach(function (r) {
              if (!maps.every(function (m) { return m.has(r.id); })) return;
              var inTitle = part.band === "title" || maps.every(function (m, k) {
                return asks[k].verify || least(m.get(r.id).words) < head;
              });
              hits.push({ result: r, part: part, inTitle: inTitle });
            });
            if (!asks.some(function (a) { return a.verify; })) return hits.filter(keep);
            // A term that Pagefind cannot ask exactly: each candidate read and checked, in order.
            return Promise.all(hits.map(function (hit) {
              return hit.result.data().then(function (data) {
                var texts = part.band === "title" ? [decode(data.content).toLowerCase()]
                  : [decode(data.content.split(/\s+/).slice(0, head).join(" ")).toLowerCase(),
                    decode(data.content, head).toLowerCase()];
                var ok = asks.every(function (a) {
                  return !a.verify || texts.some(function (t) { return find(a.term.pattern, t, 0); });
                });
                if (part.band === "text") {
                  hit.inTitle = asks.every(function (a, k) {
                    return a.verify ? !!find(a.term.pattern, texts[0], 0)
                      : least(maps[k].get(hit.result.id).words) < head;
                  });
                }
                return ok ? hit : null;
              });
            })).then(function (checked) { return checked.filter(Boolean).filter(keep); });
          });
        }
        // A page found by a title part is not listed again by its text part.
        function keep(hit) { return hit.part.band === "title" || !hit.inTitle; }
        function load(i) {
          var hit = result.hits[i];
          return hit.result.data().then(function (data) {
            var text = decode(data.content, hit.part.band === "text" ? head : 0);
            var doc = { text: text, lower: text.toLowerCase() };
            var first = find(terms[0].pattern, doc.lower, 0) || { index: 0, 0: "" };
            return {
              url: new URL(data.url, location.href).href,
              title: data.meta.title || "",
              meta: ["date", "doc_number", "issuer", "source"]
                .map(function (k) { return data.meta[k]; }).filter(Boolean).join(" · "),
              excerpt: excerpt(doc, first, terms),
            };
          });
        }
        pump();
        return Promise.resolve(result);
      },
    };
  }

  /* The offline bundle: search/offline-index.js, a script (file:// allows scripts, not
   * fetch), searched by substring. */
  function offlineEngine() {
    return new Promise(function (resolve, reject) {
      if (window.__scrapedocsSearch) return resolve(window.__scrapedocsSearch);
      var tag = document.createElement("script");
      tag.src = new URL("search/offline-index.js", ROOT).href;
      tag.onload = function () { resolve(window.__scrapedocsSearch); };
      tag.onerror = function () { reject(new Error("no offline index")); };
      document.head.appendChild(tag);
    }).then(function (index) {
      var docs = index.docs.map(function (d) {
        return { url: d[0], title: d[1], document: d[2] === "document", meta: d[3], text: d[4],
          lower: null };
      });
      return {
        note: index.full ? "" : "search.offline.partial", // a message of search.js
        search: function (terms) {
          var hits = [];
          docs.forEach(function (doc, order) {
            if (doc.lower === null) doc.lower = doc.text.toLowerCase();
            var first = null;
            var inTitle = true;
            var titleEnd = doc.lower.indexOf("\n");
            for (var i = 0; i < terms.length; i++) {
              var m = find(terms[i].pattern, doc.lower, 0);
              if (!m) return;
              if (!i) first = m;
              if (titleEnd !== -1 && m.index + m[0].length > titleEnd) inTitle = false;
            }
            hits.push({ doc: doc, inTitle: inTitle, first: first, order: order });
          });
          // Ranked as the website ranks: documents, then title matches, then index order
          // (newest first: offline.py writes the pages in rank order).
          hits.sort(function (x, y) {
            return (y.doc.document - x.doc.document) || (y.inTitle - x.inTitle) || (x.order - y.order);
          });
          return Promise.resolve({
            count: hits.length,
            done: true,
            listen: function () {},
            load: function (i) {
              var hit = hits[i];
              return Promise.resolve({
                url: new URL(hit.doc.url, ROOT).href,
                title: hit.doc.title,
                meta: hit.doc.meta,
                excerpt: excerpt(hit.doc, hit.first, terms),
              });
            },
          });
        },
      };
    });
  }

  function find(regex, text, from) {
    regex.lastIndex = from;
    return regex.exec(text);
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* Some 36 characters around the first term's first occurrence, every term marked. */
  function excerpt(doc, first, terms) {
    var start = Math.max(0, first.index - 14);
    var end = Math.min(doc.text.length, first.index + first[0].length + 22);
    var lower = doc.lower;
    var marks = [];
    terms.forEach(function (t) {
      for (var m = find(t.pattern, lower, start); m && m.index < end; m = find(t.pattern, lower, m.index + Math.max(1, m[0].length))) {
        marks.push([m.index, Math.min(end, m.index + m[0].length)]);
      }
    });
    marks.sort(function (x, y) { return x[0] - y[0]; });
    var html = "";
    var pos = start;
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      html += escapeHtml(doc.text.slice(pos, m[0])) + "<mark>" + escapeHtml(doc.text.slice(m[0], m[1])) + "</mark>";
      pos = m[1];
    });
    html += escapeHtml(doc.text.slice(pos, end));
    return (start > 0 ? "…" : "") + html.replace(/\n/g, " · ") + (end < doc.text.length ? "…" : "");
  }

  var engine = null;
  function getEngine() {
    if (!engine) {
      var online = location.protocol === "http:" || location.protocol === "https:";
      engine = (online ? pagefindEngine().catch(offlineEngine) : offlineEngine());
    }
    return engine;
  }

  window.scrapedocsSearch = { root: ROOT, parse: parse, engine: getEngine, compact: compact };
})();
