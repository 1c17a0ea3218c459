/*
 * Search in Material's header, answered by Pagefind (the website) or by a script index
 * (the offline bundle, opened from file://, where Pagefind's loader cannot fetch).
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
 * so a Han word is asked as a phrase of characters: exact substring semantics.
 * Results open the page at the match: `?h=<term>&hc=<text before it>` (highlight.js part
 * below marks the terms on the page and scrolls to the one the excerpt showed).
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var ROOT = new URL("../../../", here); // this file is assets/javascripts/scrapedocs/search.js
  var PAGE = 10; // results rendered at a time; more as the reader scrolls
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var HAN_G = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;
  var QUOTES = { '"': '"', "“": "”", "「": "」", "『": "』", "”": "”" };

  var T = (function () {
    var strings = {
      "search.placeholder": "搜索",
      "search.reset": "清空当前内容",
      "search.result.placeholder": "键入以开始搜索",
      "search.result.none": "没有找到符合条件的结果",
      "search.result.one": "找到 1 个符合条件的结果",
      "search.result.other": "# 个符合条件的结果",
      "search.unavailable": "本页无法使用搜索：请通过网页服务器打开本站，或使用离线版。",
      "search.offline.partial": "离线版检索每篇文档的标题、元数据、各级标题和首段（文库较大，未收录全文）；联网版本检索全文。",
    };
    var config = document.getElementById("__config");
    try {
      var translations = JSON.parse(config.textContent).translations || {};
      Object.keys(translations).forEach(function (k) { if (k in strings) strings[k] = translations[k]; });
    } catch (e) { /* not Material: the defaults */ }
    return function (key, n) { return strings[key].replace("#", n); };
  })();

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
  function pagefindExcerpt(html) {
    html = html.replace(/\s*¶\s*/g, " · ");
    for (var i = 0; i < 2; i++) html = html.replace(CJK_SPACE, "$1$2$3"); // overlapping matches
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
        note: index.full ? "" : T("search.offline.partial"),
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

  // ------------------------------------------------------------------ the search box

  var ICONS = {
    search: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>',
    back: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z"/></svg>',
    close: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>',
  };

  /* Material's header search markup (partials/search.html), minus what would start
   * Material's own search (the form named "search", data-md-component). */
  function mount() {
    var header = document.querySelector(".md-header__inner");
    var toggle = document.getElementById("__search");
    if (!header || !toggle || document.querySelector("[data-md-component=search]")) return null;
    var label = document.createElement("label");
    label.className = "md-header__button md-icon sd-search-toggle";
    label.htmlFor = "__search";
    label.innerHTML = ICONS.search;
    var box = document.createElement("div");
    box.className = "md-search sd-search";
    box.setAttribute("role", "dialog");
    box.setAttribute("data-sd-keep", ""); // converts its own text to the reader's script
    box.innerHTML =
      '<label class="md-search__overlay" for="__search"></label>' +
      '<div class="md-search__inner" role="search">' +
      '<form class="md-search__form" name="sd-search">' +
      '<input type="text" class="md-search__input" name="query" autocapitalize="off" autocorrect="off"' +
      ' autocomplete="off" spellcheck="false" required>' +
      '<label class="md-search__icon md-icon" for="__search">' + ICONS.search + ICONS.back + "</label>" +
      '<nav class="md-search__options"><button type="reset" class="md-search__icon md-icon" tabindex="-1">' +
      ICONS.close + "</button></nav></form>" +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result"><div class="md-search-result__meta"></div>' +
      '<ol class="md-search-result__list" role="presentation"></ol></div></div></div></div>';
    var input = box.querySelector("input");
    input.placeholder = T("search.placeholder");
    input.setAttribute("aria-label", T("search.placeholder"));
    var reset = box.querySelector("button[type=reset]");
    reset.title = T("search.reset");
    reset.setAttribute("aria-label", T("search.reset"));
    var anchor = header.querySelector(".md-header__source");
    header.insertBefore(label, anchor);
    header.insertBefore(box, anchor);
    return {
      toggle: toggle,
      form: box.querySelector("form"),
      input: input,
      meta: box.querySelector(".md-search-result__meta"),
      list: box.querySelector(".md-search-result__list"),
      scroll: box.querySelector(".md-search__scrollwrap"),
    };
  }

  function setup(ui) {
    var current = null; // {terms, result, shown}
    var generation = 0;
    var toReader = identity; // the reader's script (简/繁), once its converter is loaded

    function show(message) {
      ui.meta.textContent = toReader(message);
    }

    function placeholder() {
      ui.list.innerHTML = "";
      show(T("search.result.placeholder"));
    }

    function run() {
      var query = ui.input.value;
      var mine = ++generation;
      if (!query.trim()) {
        current = null;
        placeholder();
        return Promise.resolve();
      }
      var chinese = window.scrapedocsChinese;
      return Promise.all([getEngine(), chinese ? chinese.folder() : identity, chinese ? chinese.toReader() : identity])
        .then(function (ready) {
          toReader = ready[2];
          var terms = parse(ready[1](query));
          if (!terms.length) {
            current = null;
            placeholder();
            return null;
          }
          return ready[0].search(terms).then(function (result) {
            if (mine !== generation) return;
            current = { terms: terms, result: result, shown: 0, note: ready[0].note };
            ui.list.innerHTML = "";
            var summary = result.count === 0 ? T("search.result.none")
              : result.count === 1 ? T("search.result.one") : T("search.result.other", result.count);
            show(summary + (ready[0].note ? "。" + ready[0].note : ""));
            return more();
          });
        })
        .catch(function (e) {
          if (mine !== generation) return;
          console.error(e);
          ui.list.innerHTML = "";
          show(T("search.unavailable"));
        });
    }

    var loading = null;
    function more() {
      if (!current || loading || current.shown >= current.result.count) return loading;
      var state = current;
      var from = state.shown;
      var to = Math.min(state.result.count, from + PAGE);
      state.shown = to;
      var jobs = [];
      for (var i = from; i < to; i++) jobs.push(state.result.load(i));
      loading = Promise.all(jobs).then(function (items) {
        if (state !== current) return;
        items.forEach(function (item) { ui.list.appendChild(render(item, state.terms, toReader)); });
      }).finally(function () {
        loading = null;
        if (state === current && ui.scroll.scrollHeight <= ui.scroll.clientHeight + 40) more();
      });
      return loading;
    }

    ui.input.addEventListener("focus", function () {
      if (!ui.toggle.checked) ui.toggle.checked = true;
      getEngine().catch(function () {});
      if (window.scrapedocsChinese) scrapedocsChinese.folder();
      if (!ui.input.value) placeholder();
    });
    ui.input.addEventListener("input", run);
    ui.form.addEventListener("reset", function () {
      setTimeout(function () { run(); ui.input.focus(); });
    });
    ui.form.addEventListener("submit", function (e) { e.preventDefault(); });
    ui.toggle.addEventListener("change", function () {
      if (ui.toggle.checked) ui.input.focus();
      else ui.input.blur();
    });
    ui.scroll.addEventListener("scroll", function () {
      if (ui.scroll.scrollTop + ui.scroll.clientHeight >= ui.scroll.scrollHeight - 80) more();
    });
    function followScript() {
      if (!window.scrapedocsChinese) return;
      scrapedocsChinese.toReader().then(function (convert) {
        toReader = convert;
        if (current) run();
        else if (!ui.input.value) placeholder();
      });
    }
    followScript();
    document.addEventListener("scrapedocs:script", followScript);

    // Keyboard, as in Material: / s f open, Esc closes, arrows move, Enter opens.
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      var active = document.activeElement;
      var typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
      if (!ui.toggle.checked) {
        if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
          e.preventDefault();
          ui.toggle.checked = true;
          ui.input.focus();
        }
        return;
      }
      var links = [ui.input].concat(Array.prototype.slice.call(ui.list.querySelectorAll("a[href]")));
      var index = links.indexOf(active);
      if (e.key === "Escape" || (e.key === "Tab" && index === -1)) {
        ui.toggle.checked = false;
        ui.input.blur();
        if (e.key === "Escape") e.preventDefault();
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        var step = e.key === "ArrowDown" ? 1 : -1;
        var next = links[(Math.max(index, 0) + step + links.length) % links.length];
        next.focus();
        if (next !== ui.input && links.indexOf(next) >= links.length - 2) more();
      } else if (e.key === "Enter" && active === ui.input) {
        e.preventDefault();
        var first = links[1];
        if (first) first.click();
      }
    });
  }

  function identity(text) { return text; }

  /* One result, as Material renders it; the excerpt converted to the reader's script. */
  function render(item, terms, convert) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    a.href = target(item, terms);
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = convert(item.title);
    article.appendChild(title);
    if (item.meta) {
      var meta = document.createElement("p");
      meta.className = "sd-search-result__meta";
      meta.textContent = convert(item.meta);
      article.appendChild(meta);
    }
    var excerpt = document.createElement("p");
    excerpt.innerHTML = item.excerpt; // escaped text and <mark>s only (built above)
    convertText(excerpt, convert);
    article.appendChild(excerpt);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function convertText(root, convert) {
    if (convert === identity) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = convert(node.nodeValue);
  }

  /* The page at the match: the terms to mark, and the text just before the one the excerpt shows. */
  function target(item, terms) {
    var url = new URL(item.url);
    var probe = document.createElement("div");
    probe.innerHTML = item.excerpt;
    var mark = probe.querySelector("mark");
    if (mark) {
      var before = "";
      for (var node = mark.previousSibling; node && before.length < 8; node = node.previousSibling) {
        before = node.textContent + before;
      }
      before = compact(before.replace(/…/g, "").split(" · ").pop()).slice(-6);
      if (before) url.searchParams.set("hc", before);
    }
    terms.forEach(function (t) { url.searchParams.append("h", t.text); });
    return url.href;
  }

  // ------------------------------------------------------------------ the page opened from a result

  /* Mark the terms of ?h= in the page's text and scroll to the occurrence the result's
   * excerpt showed (the one preceded by ?hc=), else to the first. */
  function highlight() {
    var params = new URLSearchParams(location.search);
    var terms = params.getAll("h").map(compact).filter(Boolean);
    if (!terms.length) return;
    var root = document.querySelector("[data-pagefind-body]") || document.querySelector("article") || document.body;
    var nodes = [];
    var text = "";
    var map = []; // index in `text` → [node, offset]
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        for (var el = node.parentNode; el && el !== root; el = el.parentNode) {
          if (/^(SCRIPT|STYLE|NOSCRIPT)$/.test(el.nodeName) || el.hasAttribute("data-pagefind-ignore") ||
              (el.classList && el.classList.contains("headerlink"))) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node);
      var value = node.nodeValue;
      for (var i = 0; i < value.length; i++) {
        if (/\s/.test(value[i])) continue;
        text += value[i].toLowerCase();
        map.push([node, i]);
      }
    }
    var ranges = [];
    terms.forEach(function (term) {
      for (var at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
        ranges.push([at, at + term.length]);
      }
    });
    if (!ranges.length) return;
    var context = compact(params.get("hc") || "");
    var wanted = context ? text.indexOf(context + terms[0]) : -1;
    wanted = wanted === -1 ? text.indexOf(terms[0]) : wanted + context.length;
    ranges.sort(function (a, b) { return b[0] - a[0]; }); // from the end: earlier offsets stay valid
    var focus = null;
    var limit = Infinity;
    ranges.forEach(function (r) {
      if (r[1] > limit) return; // overlaps one already marked
      limit = r[0];
      var marks = wrap(map, r[0], r[1]);
      if (r[0] === wanted && marks.length) focus = marks[0];
    });
    if (focus) {
      focus.classList.add("sd-mark--focus");
      focus.scrollIntoView({ block: "center" });
    }
  }

  /* Wrap text[start:end) in <mark>s, one per text node it spans. */
  function wrap(map, start, end) {
    var marks = [];
    var i = start;
    var segments = [];
    while (i < end) {
      var node = map[i][0];
      var from = map[i][1];
      var to = from;
      while (i < end && map[i][0] === node) { to = map[i][1] + 1; i++; }
      segments.push([node, from, to]);
    }
    segments.forEach(function (s) {
      var node = s[0];
      if (!node.parentNode || node.parentNode.classList && node.parentNode.classList.contains("sd-mark")) return;
      var middle = node.splitText(s[1]);
      middle.splitText(s[2] - s[1]);
      var mark = document.createElement("mark");
      mark.className = "sd-mark";
      middle.parentNode.replaceChild(mark, middle);
      mark.appendChild(middle);
      marks.push(mark);
    });
    return marks;
  }

  var ui = mount();
  if (ui) setup(ui);
  highlight();
})();
