"""MkDocs hook: front matter of generated pages is scraped text, never markup.

Material prints page titles (navigation, header, footer, <title>, search index)
and the description/author meta tags without escaping. The converter already
writes every value inert (`scrapedocs.schema.inert`: no < > & " '), since
Zensical does not run MkDocs hooks; this hook is the second layer, for pages
edited by hand: every text value, in a list too (tags), becomes escaped
`Markup`. Templates that already apply `| e` leave `Markup` alone, so nothing
is escaped twice.
"""
from markupsafe import Markup, escape


def _escaped(value):
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


def on_page_markdown(markdown, *, page, config, files):
    for key, value in list(page.meta.items()):
        page.meta[key] = _escaped(value)
    return markdown


# --- Search: sub-words and Traditional forms (issue #4, item 7) -------------------------
# Material indexes Chinese as jieba words and matches a query word as a prefix, so 产权
# (inside 知识产权) and a Traditional query (數據 for 数据) find nothing. After the build,
# every search entry gets a `variants` field (declared in mkdocs.yml): the sub-words
# jieba.cut_for_search finds inside its words, and the Traditional form of each word.
# The field is indexed but never displayed.
def _variants(text):
    import re

    import jieba
    from opencc import OpenCC

    s2t = _variants.s2t = getattr(_variants, "s2t", None) or OpenCC("s2t").convert
    words = {w for w in re.split(r"[\s\u200b]+", text) if re.search(r"[\u3400-\u9fff]", w)}
    extra = set()
    for word in words:
        if len(word) > 2:
            extra.update(w for w in jieba.cut_for_search(word) if len(w) >= 2)
    for word in words | extra:
        extra.add(s2t(word))
    return "\u200b".join(sorted(extra - words))


def on_post_build(config):
    import json
    import os

    path = os.path.join(config["site_dir"], "search", "search_index.json")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as f:
        index = json.load(f)
    if "variants" not in index.get("config", {}).get("fields", {}):
        return
    for entry in index.get("docs", []):
        variants = _variants(entry.get("title", "") + "\u200b" + entry.get("text", ""))
        if variants:
            entry["variants"] = variants
    with open(path, "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False, separators=(",", ":"))
