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
 *   then pages where the terms occur earliest (title, metadata, first paragraphs).
 *
 * The index holds every Han character as a word of its own (scrapedocs/publish/search/),
 * so a Han term is asked as a phrase of characters: exact substring semantics.
 *
 * window.scrapedocsSearch = {root, parse(query) → terms, engine() → Promise of
 * {note, search(terms) → Promise of {count, load(i) → Promise of a result}}, compact(text)}.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var ROOT = new URL("../../../", here); // this file is assets/javascripts/scrapedocs/engines.js
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var HAN_G = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;
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

  /* Each Han character a word of its own, as the index has it. */
  function spaced(text) {
    return text.replace(HAN_G, " $1 ").replace(/\s+/g, " ").trim();
  }

  function compact(text) {
    return text.replace(/\s+/g, "").toLowerCase();
  }

  // ------------------------------------------------------------------ engines

  /* Pagefind (the website): each term searched alone as an exact phrase, the results
   * intersected. The index lists documents first, newest first, in shards that
   * are searched at once, each in its own worker (scrapedocs/publish/search/pagefind.py):
   * the documents in one or more shards, the other pages in one more; equally matching
   * results come back in index order. Ranked: documents first; then the pages where the
   * terms occur earliest (the title, the metadata, the first paragraphs); then index order.
   * No second, unquoted search to rank by: at 2,000 documents it takes seconds for four
   * characters. */
  function pagefindEngine() {
    var folder = new URL("pagefind/", ROOT);
    return fetch(new URL("shards.json", folder)).then(function (response) {
      if (!response.ok) throw new Error("no Pagefind index");
      return response.json();
    }).then(function (manifest) {
      return Promise.all(manifest.shards.map(function (shard) {
        var base = new URL(shard.path, folder);
        // A module per shard (its own URL), hence a worker per shard.
        return import(new URL("pagefind.js", base).href).then(function (pagefind) {
          var instance = pagefind.createInstance({ basePath: base.href, baseUrl: ROOT.pathname, excerptLength: 30 });
          return instance.init().then(function () {
            return { instance: instance, document: shard.kind === "document" };
          });
        });
      }));
    }).then(function (shards) {
      return {
        note: "",
        search: function (terms) {
          // Exact phrases even for one word: an unquoted word that no page has falls back to
          // a shorter one ("arbitration" found "a"); an exact word never does.
          var asks = terms.map(function (t) { return '"' + spaced(t.text) + '"'; });
          return Promise.all(shards.map(function (shard, number) {
            return Promise.all(asks.map(function (q) { return shard.instance.search(q); })).then(function (found) {
              return rankShard(found, number, shard.document);
            });
          })).then(function (perShard) {
            var hits = [].concat.apply([], perShard);
            hits.sort(function (x, y) {
              return (y.document - x.document) || (x.at - y.at) || (x.shard - y.shard) || (x.order - y.order);
            });
            return {
              count: hits.length,
              load: function (i) {
                return hits[i].result.data().then(function (data) {
                  return {
                    url: new URL(data.url, location.href).href,
                    title: data.meta.title || "",
                    meta: ["date", "doc_number", "issuer", "source"]
                      .map(function (k) { return data.meta[k]; }).filter(Boolean).join(" · "),
                    excerpt: pagefindExcerpt(data.excerpt),
                  };
                });
              },
            };
          });
        },
      };
    });
  }

  /* One shard's answer: the pages every term found, with what ranks them. */
  function rankShard(found, shard, document) {
    var maps = found.map(function (r) {
      return new Map(r.results.map(function (x) { return [x.id, x]; }));
    });
    var hits = [];
    found[0].results.forEach(function (result, order) {
      if (!maps.every(function (m) { return m.has(result.id); })) return;
      var at = maps.reduce(function (sum, m) {
        var words = m.get(result.id).words;
        return sum + (words && words.length ? words[0] : 1e6);
      }, 0);
      hits.push({ result: result, document: document, at: at, shard: shard, order: order });
    });
    return hits;
  }

  /* Pagefind's excerpt is HTML-escaped text, its words joined by spaces, <mark>s around
   * matched words (one per Han character): joined up again, so it reads as the page does
   * and a term is marked whole; block breaks (¶) shown as " · ". */
  var CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…";
  var CJK_SPACE = new RegExp("([" + CJK + "])((?:<\\/?mark>)*) ((?:<\\/?mark>)*)(?=[" + CJK + "])", "g");
  // Digits stand against Han characters in Chinese text (2020年): no space between them either.
  var CJK_DIGIT = new RegExp("([" + CJK + "])((?:<\\/?mark>)*) ((?:<\\/?mark>)*)(?=[0-9])|([0-9])((?:<\\/?mark>)*) ((?:<\\/?mark>)*)(?=[" + CJK + "])", "g");
  function pagefindExcerpt(html) {
    html = html.replace(/\s*¶\s*/g, " · ");
    for (var i = 0; i < 2; i++) html = html.replace(CJK_SPACE, "$1$2$3"); // overlapping matches
    for (var j = 0; j < 2; j++) html = html.replace(CJK_DIGIT, "$1$2$3$4$5$6");
    return html.replace(/<\/mark>(\s*)<mark>/g, "$1").replace(/(\s+)<\/mark>/g, "</mark>$1")
      .replace(/ · (?:· )+/g, " · ").replace(/^ · | · $/g, "");
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
            var at = 0;
            var first = null;
            for (var i = 0; i < terms.length; i++) {
              var m = find(terms[i].pattern, doc.lower, 0);
              if (!m) return;
              if (!i) first = m;
              at += m.index;
            }
            hits.push({ doc: doc, at: at, first: first, order: order });
          });
          // Ranked as the website ranks: documents, then earliest occurrence, then index order.
          hits.sort(function (x, y) {
            return (y.doc.document - x.doc.document) || (x.at - y.at) || (x.order - y.order);
          });
          return Promise.resolve({
            count: hits.length,
            load: function (i) {
              var hit = hits[i];
              return Promise.resolve({
                url: new URL(hit.doc.url, ROOT).href,
                title: hit.doc.title,
                meta: hit.doc.meta,
                excerpt: offlineExcerpt(hit.doc, hit.first, terms),
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
  function offlineExcerpt(doc, first, terms) {
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
