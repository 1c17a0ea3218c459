/* Filters over every document on the home page: year, issuer, type, outlet and title.
 *
 * The home page's table (articles/.table.md) shows the newest documents; this script
 * loads browse/documents.js (the filters' values and counts, and the list of parts written
 * by the converter) with a <script> tag, which works from file:// where fetch() does not,
 * and renders the rows matching the filters, a page at a time. The rows are in parts
 * (browse/documents-NNNN.js, newest first) loaded one after the other only as far as the
 * filters need: the newest part for the first pages, the parts holding a year for that
 * year, all of them for the other filters. Every value is set as text, never as HTML.
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

  function start(table, index, root, fileUrls) {
    var tbody = table.tBodies[0];
    var docs = []; // the rows of the parts loaded so far, newest first
    var loaded = 0, busy = false, failed = false;
    var firstRow = []; // the number of rows before each part
    index.parts.reduce(function (sum, part) { firstRow.push(sum); return sum + part.rows; }, 0);

    function toDoc(row) {
      var doc = {};
      index.columns.forEach(function (name, i) { doc[name] = row[i] || ""; });
      return doc;
    }

    // Load the next part the filters need, then show what is known (render asks again).
    function loadMore(wanted) {
      if (busy || failed || loaded >= wanted) return;
      busy = true;
      var script = document.createElement("script");
      script.src = root + "browse/" + index.parts[loaded].file;
      script.onload = function () {
        var part = window.scrapedocsDocumentPart;
        window.scrapedocsDocumentPart = null;
        (part ? part.rows : []).forEach(function (row) { docs.push(toDoc(row)); });
        loaded += 1;
        busy = false;
        render();
      };
      script.onerror = function () { failed = true; busy = false; render(); };
      document.head.appendChild(script);
    }

    var form = el("form", "doc-filter__form");
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var selects = {};
    FILTERS.forEach(function (filter) {
      var counts = index.counts[filter.key] || {};
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

    function filtering() {
      for (var key in selects) if (selects[key].value) return true;
      return !!query.value.trim();
    }

    // How many parts, from the newest, hold every row the filters can show.
    function partsNeeded() {
      if (!filtering()) {
        var last = (page + 1) * PER_PAGE - 1, n = 0;
        while (n < firstRow.length && firstRow[n] <= last) n += 1;
        return n;
      }
      var year = selects.year && selects.year.value;
      if (!year) return index.parts.length;
      var needed = 0;
      index.parts.forEach(function (part, i) { if (part.years.indexOf(year) >= 0) needed = i + 1; });
      return needed;
    }

    function render() {
      var wanted = partsNeeded();
      var found = filtering() ? docs.filter(matches) : docs;
      var count = filtering() ? found.length : index.total;
      var pages = Math.max(1, Math.ceil(count / PER_PAGE));
      page = Math.min(page, pages - 1);
      if (filtering() || loaded >= wanted) { // else the rows shown stay until their part is here
        while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
        found.slice(page * PER_PAGE, (page + 1) * PER_PAGE).forEach(function (doc) { tbody.appendChild(row(doc)); });
      }
      status.textContent = W("filter_found", { found: count, total: index.total })
        + (loaded < wanted && !failed ? " " + W("filter_loading") : "");
      while (pager.firstChild) pager.removeChild(pager.firstChild);
      if (pages > 1) {
        pager.appendChild(button(W("previous"), page - 1, page === 0));
        pager.appendChild(el("span", "doc-filter__page", W("page_of", { number: page + 1, total: pages })));
        pager.appendChild(button(W("next"), page + 1, page >= pages - 1));
      }
      loadMore(wanted);
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
