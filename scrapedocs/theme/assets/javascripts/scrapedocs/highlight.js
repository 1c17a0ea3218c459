/*
 * The page opened from a search result (search.js links it with `?h=<term>&hc=<context>`):
 * the terms are marked in the page's searchable text and the occurrence the result's
 * excerpt showed (the one after the context) is scrolled to the middle of the screen.
 * Theme-agnostic: it reads [data-pagefind-body], else <article>.
 */
(function () {
  "use strict";

  function compact(text) {
    return text.replace(/\s+/g, "").toLowerCase();
  }

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

  highlight();
})();
