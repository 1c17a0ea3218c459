/*
 * Search in Material's header: the box Material shows with its own search plugin (off here:
 * its single index does not scale), answered by engines.js, results as Material renders
 * them, keyboard as in Material (/ s f open, Esc closes, arrows move, Enter opens). Results
 * open the page at the match (highlight.js): `?h=<term>&hc=<the text before it>`.
 * Titles, metadata and excerpts are set as text (excerpts: escaped text and <mark>s only).
 */
(function () {
  "use strict";

  var PAGE = 10; // results rendered at a time; more as the reader scrolls
  var search = window.scrapedocsSearch;
  if (!search) return;
  var compact = search.compact;

  // The site's words (words.js: the theme's strings table), Material's own translations first.
  var T = (function () {
    var W = window.scrapedocsWords || function (key) { return key; };
    var strings = {};
    ["search.placeholder", "search.reset", "search.result.placeholder", "search.result.none", "search.result.one",
     "search.result.other", "search.result.searching", "search.unavailable", "search.offline.partial",
     "search.sentence_end"].forEach(function (key) {
      strings[key] = W(key.replace(/\./g, "_"));
    });
    var config = document.getElementById("__config");
    try {
      var translations = JSON.parse(config.textContent).translations || {};
      Object.keys(translations).forEach(function (k) { if (k in strings) strings[k] = translations[k]; });
    } catch (e) { /* not Material: the defaults */ }
    return function (key, n) { return strings[key].replace("#", n); };
  })();

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
      return Promise.all([search.engine(), chinese ? chinese.folder() : identity, chinese ? chinese.toReader() : identity])
        .then(function (ready) {
          toReader = ready[2];
          var terms = search.parse(ready[1](query));
          if (!terms.length) {
            current = null;
            placeholder();
            return null;
          }
          return ready[0].search(terms).then(function (result) {
            if (mine !== generation) return;
            var state = current = { terms: terms, result: result, shown: 0, note: ready[0].note };
            ui.list.innerHTML = "";
            summarize(state);
            // Results come as the index's parts answer (engines.js): shown as they are final.
            result.listen(function () {
              if (state !== current) return;
              summarize(state);
              if (state.shown < PAGE || ui.scroll.scrollHeight <= ui.scroll.clientHeight + 40) more();
            });
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

    function summarize(state) {
      var result = state.result;
      var summary = !result.done ? T("search.result.searching", result.count)
        : result.count === 0 ? T("search.result.none")
          : result.count === 1 ? T("search.result.one") : T("search.result.other", result.count);
      show(summary + (state.note ? T("search.sentence_end") + T(state.note) : ""));
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
      search.engine().catch(function () {});
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
    var probe = document.createElement("template"); // inert: nothing in it loads or runs
    probe.innerHTML = item.excerpt;
    var mark = probe.content.querySelector("mark");
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

  var ui = mount();
  if (ui) setup(ui);

  // On the website, the engine starts once the page is idle: Pagefind's loader, its
  // WebAssembly and each shard's page list (a few hundred KB, cached by the browser), never
  // the index itself, whose chunks are fetched for the words a query asks. The first query
  // then pays only for its own chunks. The offline bundle's index is the whole text: loaded
  // when the reader first uses the search box, not with every page.
  if (ui && (location.protocol === "http:" || location.protocol === "https:")) {
    var warm = function () { search.engine().catch(function () {}); };
    if (window.requestIdleCallback) window.requestIdleCallback(warm, { timeout: 2000 });
    else window.addEventListener("load", function () { setTimeout(warm, 200); });
  }
})();
