/* Filters over every document on the home page: year, issuer, type, outlet and title.
 *
 * The home page's table (articles/.table.md) shows the newest documents; this script
 * loads browse/documents.js (one row per document, written by the converter) with a
 * <script> tag, which works from file:// where fetch() does not, and then renders the
 * rows matching the filters, a page at a time. Every value is set as text, never as HTML.
 * Words typed in Traditional characters match the (Simplified) titles once chinese.js has
 * loaded its converter.
 * Without JavaScript the table and the browse pages still work.
 */
(function () {
  "use strict";

  var PER_PAGE = 50;
  var W = window.scrapedocsWords || String; // the site's words (words.js)
  var FILTERS = [
    { key: "year", label: "filter_year", order: "desc" },
    { key: "issuer", label: "filter_issuer", order: "count", split: "、" },
    { key: "doc_type", label: "filter_type", order: "count" },
    { key: "source", label: "filter_source", order: "count" }
  ];

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function valuesOf(doc, filter) {
    var value = doc[filter.key] || "";
    if (!value) return [];
    return filter.split ? value.split(filter.split).filter(Boolean) : [value];
  }

  function start(table, data, root, fileUrls) {
    var tbody = table.tBodies[0];
    var docs = data.rows.map(function (row) {
      var doc = {};
      data.columns.forEach(function (name, i) { doc[name] = row[i] || ""; });
      return doc;
    });

    var form = el("form", "doc-filter__form");
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var selects = {};
    FILTERS.forEach(function (filter) {
      var counts = {};
      docs.forEach(function (doc) {
        valuesOf(doc, filter).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      var values = Object.keys(counts);
      if (!values.length) return; // no document has this field yet
      values.sort(filter.order === "desc"
        ? function (a, b) { return a < b ? 1 : a > b ? -1 : 0; }
        : function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0); });
      var label = el("label", "doc-filter__field");
      label.appendChild(el("span", null, W(filter.label)));
      var select = el("select");
      select.name = filter.key;
      select.appendChild(new Option(W("filter_all"), ""));
      values.forEach(function (v) { select.appendChild(new Option(v + "（" + counts[v] + "）", v)); });
      select.addEventListener("change", function () { page = 0; render(); });
      label.appendChild(select);
      form.appendChild(label);
      selects[filter.key] = select;
    });
    var titleField = el("label", "doc-filter__field");
    titleField.appendChild(el("span", null, W("filter_title")));
    var query = el("input");
    query.type = "search";
    query.name = "title";
    var fold = null; // what the reader types → Simplified, as the titles are
    query.addEventListener("input", function () {
      page = 0;
      if (!fold && window.scrapedocsChinese) {
        fold = function (text) { return text; };
        window.scrapedocsChinese.folder().then(function (f) { fold = f; render(); });
      }
      render();
    });
    titleField.appendChild(query);
    form.appendChild(titleField);

    var status = el("p", "doc-filter__status");
    var pager = el("nav", "doc-filter__pager");
    pager.setAttribute("aria-label", W("filter_pager"));
    var box = el("div", "doc-filter");
    box.appendChild(form);
    box.appendChild(status);
    var scroll = table.closest(".md-typeset__scrollwrap") || table;
    scroll.parentNode.insertBefore(box, scroll);
    scroll.parentNode.insertBefore(pager, scroll.nextSibling);

    var page = 0;

    function matches(doc) {
      for (var i = 0; i < FILTERS.length; i++) {
        var select = selects[FILTERS[i].key];
        if (select && select.value && valuesOf(doc, FILTERS[i]).indexOf(select.value) < 0) return false;
      }
      var q = query.value.trim().toLowerCase(); // an English title matches whatever the case typed
      return !q || doc.title.toLowerCase().indexOf(fold ? fold(q) : q) >= 0;
    }

    function url(doc) {
      return root + doc.page + (fileUrls ? ".html" : "/");
    }

    function row(doc) {
      var tr = el("tr");
      var cell = el("td");
      var link = el("a", null, doc.title);
      link.href = url(doc);
      cell.appendChild(link);
      tr.appendChild(cell);
      [doc.doc_number, doc.issuer || doc.source, doc.doc_type, doc.date].forEach(function (value) {
        tr.appendChild(el("td", null, value));
      });
      return tr;
    }

    function button(label, target, disabled) {
      var b = el("button", "md-button", label);
      b.type = "button";
      b.disabled = disabled;
      b.addEventListener("click", function () { page = target; render(); });
      return b;
    }

    function render() {
      var found = docs.filter(matches);
      var pages = Math.max(1, Math.ceil(found.length / PER_PAGE));
      page = Math.min(page, pages - 1);
      while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
      found.slice(page * PER_PAGE, (page + 1) * PER_PAGE).forEach(function (doc) { tbody.appendChild(row(doc)); });
      status.textContent = W("filter_found", { found: found.length, total: docs.length });
      while (pager.firstChild) pager.removeChild(pager.firstChild);
      if (pages > 1) {
        pager.appendChild(button(W("previous"), page - 1, page === 0));
        pager.appendChild(el("span", "doc-filter__page", W("page_of", { number: page + 1, total: pages })));
        pager.appendChild(button(W("next"), page + 1, page >= pages - 1));
      }
    }

    render();
  }

  ready(function () {
    // The link to the browse pages under the home table, as MkDocs wrote it, tells which
    // table to filter, where the site's root is, and whether pages are folders (the
    // website) or .html files (the offline bundle).
    var probe = document.getElementById("browse-all");
    if (!probe) return;
    var match = (probe.getAttribute("href") || "").match(/^(.*?)browse\/(index\.html)?$/);
    var table = null;
    var tables = document.querySelectorAll("article table");
    for (var i = 0; i < tables.length; i++) {
      if (tables[i].compareDocumentPosition(probe) & Node.DOCUMENT_POSITION_FOLLOWING) table = tables[i];
    }
    if (!match || !table || !table.tBodies.length) return;
    var script = document.createElement("script");
    script.src = match[1] + "browse/documents.js";
    script.onload = function () {
      if (window.scrapedocsDocuments) start(table, window.scrapedocsDocuments, match[1], !!match[2]);
    };
    document.head.appendChild(script);
  });
})();
