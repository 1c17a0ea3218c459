/*
 * 简/繁: the reader chooses to read the site in Simplified characters (as written) or in
 * Traditional (Taiwan or Hong Kong standard). The page text, its title and the navigation
 * are converted in the browser with OpenCC's tables (opencc-js, vendored in
 * assets/javascripts/opencc-js/), and the choice is remembered across pages
 * (localStorage). A head snippet (partials/chinese-head.html) hides the page until it is
 * converted, so a Traditional reader never sees it flash in Simplified.
 *
 * Also the folding search uses: what the reader types, in either script, becomes the
 * Simplified text the index holds (window.scrapedocsChinese.folder()).
 *
 * Japanese and Korean are not Chinese in another script: the text of a page whose document
 * is in Japanese or Korean (its <html lang>, or the data-lang its metadata block prints) and
 * of any element marked lang="ja" / "ko" is left as written; the site's own words around it
 * (header, navigation) still follow the reader's choice.
 */
(function () {
  "use strict";

  var KEY = "scrapedocs.script";
  // Each script named in itself, as a language menu names languages, whatever the site's language.
  var SCRIPTS = [
    { id: "cn", label: "简体", lang: null },
    { id: "tw", label: "繁體（臺灣）", lang: "zh-Hant-TW" },
    { id: "hk", label: "繁體（香港）", lang: "zh-Hant-HK" },
  ];
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var NOT_CHINESE = /^(ja|ko)(-|$)/i;
  var OTHER_LANGUAGE = 'body [lang|="ja"], body [lang|="ko"]';
  var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEXTAREA: 1, INPUT: 1, TEMPLATE: 1 };
  var ATTRIBUTES = ["title", "aria-label", "placeholder", "alt"];
  var here = document.currentScript ? document.currentScript.src : location.href;
  var VENDOR = new URL("../opencc-js/", here).href;

  function stored() {
    try {
      var value = localStorage.getItem(KEY);
      return SCRIPTS.some(function (s) { return s.id === value; }) ? value : "cn";
    } catch (e) {
      return "cn";
    }
  }

  // The two UMD builds both set window.OpenCC: load one at a time and keep each.
  var libraries = {};
  var queue = Promise.resolve();
  function library(name) {
    if (!libraries[name]) {
      libraries[name] = queue = queue.then(function () {
        return new Promise(function (resolve, reject) {
          var previous = window.OpenCC;
          var tag = document.createElement("script");
          tag.src = VENDOR + name + ".js";
          tag.onload = function () {
            var lib = window.OpenCC;
            window.OpenCC = previous;
            resolve(lib);
          };
          tag.onerror = function () { reject(new Error("cannot load " + tag.src)); };
          document.head.appendChild(tag);
        });
      });
      queue = queue.catch(function () {});
    }
    return libraries[name];
  }

  var converters = {};
  function converter(from, to) {
    var name = from === "cn" ? "cn2t" : "t2cn";
    var key = from + ">" + to;
    if (!converters[key]) {
      converters[key] = library(name).then(function (OpenCC) {
        return OpenCC.Converter({ from: from, to: to });
      });
    }
    return converters[key];
  }

  var api = {
    current: stored(),
    scripts: SCRIPTS,
    /* Promise of a function: Simplified text → the reader's script. */
    toReader: function () {
      var script = api.current;
      return script === "cn" ? Promise.resolve(identity) : converter("cn", script);
    },
    /* Promise of a function: what the reader types → Simplified, as the index is folded. */
    folder: function () {
      var from = api.current === "cn" ? "t" : api.current;
      return converter(from, "cn").catch(function () { return identity; });
    },
    choose: choose,
  };
  window.scrapedocsChinese = api;

  function identity(text) { return text; }

  // ---------------------------------------------------------------- the page

  var originals = new Map(); // text node or [element, attribute] → Simplified text
  var originalTitle = document.title;
  var originalLang = document.documentElement.getAttribute("lang");

  // A document in Japanese or Korean: its article (title, metadata, body) keeps its script.
  var metaBlock = document.querySelector(".article-meta[data-lang]");
  var foreignPage = NOT_CHINESE.test((metaBlock && metaBlock.getAttribute("data-lang")) || originalLang || "");
  if (foreignPage) {
    var article = document.querySelector(".md-content");
    if (article) article.setAttribute("data-sd-keep", "");
  }

  function keepsScript(el) {
    return el.hasAttribute && (el.hasAttribute("data-sd-keep") || NOT_CHINESE.test(el.getAttribute("lang") || ""));
  }

  function textNodes(root, visit) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        for (var el = node.parentNode; el && el !== root.parentNode; el = el.parentNode) {
          if (SKIP[el.nodeName] || keepsScript(el)) {
            return NodeFilter.FILTER_REJECT;
          }
        }
        return HAN.test(node.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      },
    });
    for (var node = walker.nextNode(); node; node = walker.nextNode()) visit(node);
  }

  function convertNode(node, convert) {
    var text = node.nodeValue;
    var converted = convert(text);
    if (converted !== text) {
      if (!originals.has(node)) originals.set(node, text);
      node.nodeValue = converted;
    }
  }

  function kept(node) {
    var el = node.nodeType === 1 ? node : node.parentNode;
    return !el || !el.closest || !!el.closest("[data-sd-keep], script, style, textarea, " + OTHER_LANGUAGE);
  }

  // Text the page's own scripts add later (the home page's filtered table…) is converted too.
  var watcher = null;
  function watch(convert) {
    if (watcher) watcher.disconnect();
    watcher = new MutationObserver(function (mutations) {
      mutations.forEach(function (m) {
        if (m.type === "characterData") {
          if (!kept(m.target) && HAN.test(m.target.nodeValue)) convertNode(m.target, convert);
          return;
        }
        m.addedNodes.forEach(function (added) {
          if (kept(added)) return;
          if (added.nodeType === 3) {
            if (HAN.test(added.nodeValue)) convertNode(added, convert);
          } else if (added.nodeType === 1) {
            textNodes(added, function (node) { convertNode(node, convert); });
          }
        });
      });
    });
    watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  function convertPage(convert, script) {
    restorePage();
    textNodes(document.body, function (node) { convertNode(node, convert); });
    watch(convert);
    ATTRIBUTES.forEach(function (name) {
      document.body.querySelectorAll("[" + name + "]").forEach(function (el) {
        if (el.closest("[data-sd-keep], " + OTHER_LANGUAGE)) return;
        var value = el.getAttribute(name);
        if (HAN.test(value)) {
          originals.set([el, name], value);
          el.setAttribute(name, convert(value));
        }
      });
    });
    if (foreignPage) return; // its title and its language are the document's
    document.title = convert(originalTitle);
    document.documentElement.setAttribute("lang", script.lang);
  }

  function restorePage() {
    if (watcher) watcher.disconnect();
    watcher = null;
    originals.forEach(function (text, target) {
      if (Array.isArray(target)) target[0].setAttribute(target[1], text);
      else target.nodeValue = text;
    });
    originals.clear();
    document.title = originalTitle;
    if (originalLang === null) document.documentElement.removeAttribute("lang");
    else document.documentElement.setAttribute("lang", originalLang);
  }

  /* The page is shown, in the script `id` (data-script says which, once converted). */
  function reveal(id) {
    document.documentElement.classList.remove("sd-converting");
    document.documentElement.setAttribute("data-script", id);
  }

  function apply(id) {
    var script = SCRIPTS.filter(function (s) { return s.id === id; })[0] || SCRIPTS[0];
    api.current = script.id;
    markChoice();
    if (script.id === "cn") {
      restorePage();
      reveal(script.id);
      document.dispatchEvent(new CustomEvent("scrapedocs:script", { detail: script.id }));
      return Promise.resolve();
    }
    return api.toReader().then(function (convert) {
      if (api.current === script.id) convertPage(convert, script);
    }).catch(function (e) {
      console.error("简/繁: " + e.message);
    }).then(function () {
      if (api.current !== script.id) return;
      reveal(script.id);
      document.dispatchEvent(new CustomEvent("scrapedocs:script", { detail: script.id }));
    });
  }

  function choose(id) {
    try {
      localStorage.setItem(KEY, id);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
    return apply(id);
  }

  // ---------------------------------------------------------------- the switch

  var button;
  function markChoice() {
    if (!button) return;
    button.textContent = api.current === "cn" ? "简" : "繁";
    button.parentNode.querySelectorAll("[data-script]").forEach(function (el) {
      el.setAttribute("aria-checked", String(el.getAttribute("data-script") === api.current));
    });
  }

  function mountSwitch() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var option = document.createElement("div");
    option.className = "md-header__option sd-script";
    option.setAttribute("data-sd-keep", "");
    option.setAttribute("translate", "no");
    option.innerHTML =
      '<div class="md-select">' +
      '<button class="md-header__button sd-script__button" type="button" aria-haspopup="true"' +
      '></button>' +
      '<div class="md-select__inner"><ul class="md-select__list" role="menu"></ul></div></div>';
    var menu = (window.scrapedocsWords || String)("script_menu");
    option.querySelector("button").setAttribute("aria-label", menu);
    option.querySelector("button").setAttribute("title", menu);
    var list = option.querySelector("ul");
    SCRIPTS.forEach(function (script) {
      var item = document.createElement("li");
      item.className = "md-select__item";
      var choice = document.createElement("button");
      choice.type = "button";
      choice.className = "md-select__link sd-script__choice";
      choice.setAttribute("role", "menuitemradio");
      choice.setAttribute("data-script", script.id);
      choice.setAttribute("lang", script.lang || "zh-Hans");
      choice.textContent = script.label;
      choice.addEventListener("click", function () {
        choose(script.id);
        choice.blur();
      });
      item.appendChild(choice);
      list.appendChild(item);
    });
    button = option.querySelector(".sd-script__button");
    var anchor = header.querySelector(".md-header__source, [data-md-component=search], .sd-search-toggle");
    header.insertBefore(option, anchor || null);
    markChoice();
  }

  mountSwitch();
  apply(api.current);
})();
