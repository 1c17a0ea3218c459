/*
 * The words the scripts print, in the site's language: the `js` part of the theme's strings
 * table (partials/strings.html), which main.html writes into every page as JSON
 * (<script id="__scrapedocs">). window.scrapedocsWords("filter_found", {found: 3, total: 9}).
 */
(function () {
  "use strict";

  var words = {};
  try {
    words = JSON.parse(document.getElementById("__scrapedocs").textContent) || {};
  } catch (e) { /* a page without the table (not this theme's): the keys show */ }

  window.scrapedocsWords = function (key, values) {
    var text = Object.prototype.hasOwnProperty.call(words, key) ? String(words[key]) : key;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  };
})();
