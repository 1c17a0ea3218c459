"""The interface's words (scrapedocs/strings.py, scrapedocs/theme/partials/strings.html).

One table for the converter, the templates and the scripts: every language has every word,
with the same placeholders, and every word the code, the templates and the scripts ask for
is in it (found by reading them, so a word added in one place and not the table fails here).
"""
from __future__ import annotations

import re
import string

from conftest import ROOT

from scrapedocs.strings import default_nav, table, words

PACKAGE = ROOT / "scrapedocs"
THEME = PACKAGE / "theme"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_word_with_the_same_placeholders():
    languages = table()
    assert set(languages) >= {"zh", "en"}
    zh = languages["zh"]
    for language, groups in languages.items():
        assert set(groups) == set(zh), language
        for group, entries in groups.items():
            assert set(entries) == set(zh[group]), (language, group, set(entries) ^ set(zh[group]))
            for key, text in entries.items():
                assert _placeholders(text) == _placeholders(zh[group][key]), (language, group, key)
                assert "<" not in text and "{{" not in text, (language, group, key)


def test_every_word_asked_for_is_in_the_table():
    zh = table()["zh"]
    asked = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "strings.py":  # its docstring's examples
            continue
        text = path.read_text(encoding="utf-8")
        asked |= set(re.findall(r"""\b(?:w|words)\(\s*f?["']([a-z_]+\.[a-z_{}]+)["']""", text))
    for path in THEME.rglob("*.html"):
        asked |= {f"{g}.{k}" for g, k in re.findall(r"\bt\.([a-z_]+)\.([a-z_]+)\b", path.read_text(encoding="utf-8"))}
    for path in (THEME / "assets" / "javascripts").rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        if "opencc-js" in path.parts:
            continue
        asked |= {f"js.{k}" for k in re.findall(r"""\bW\(\s*["']([a-z_]+)["']""", text)}
        asked |= {f"js.{k}" for k in re.findall(r"""label: "(filter_[a-z]+)\"""", text)}
        asked |= {f"js.{k.replace('.', '_')}" for k in re.findall(r"""\bT\(\s*"(search\.[a-z_.]+)\"""", text)}
    assert len(asked) > 60
    for key in asked:  # f-strings: nav.by_{name}, browse.{name}_unknown … expand over the table's own keys
        group, _, name = key.partition(".")
        pattern = re.compile(re.sub(r"\\\{[a-z_]+\\\}", "[a-z_]+", re.escape(name)) + "$")
        found = [k for k in zh.get(group, {}) if pattern.match(k)]
        assert found, f"{key} is not in the table"


def test_words_fall_back_and_fill_their_placeholders():
    assert words("zh")("list.group", label="2021年", count=3) == "2021年（3 篇）"
    assert words("en")("list.group", label="2021", count=3) == "2021 (3)"
    assert words("zh-Hant").language == "zh" and words("ja").language == "en" and words(None).language == "zh"


def test_the_default_navigation_names_the_generated_pages_in_each_language():
    for language in ("zh", "en"):
        nav = default_nav(language)
        assert list(nav[0].values()) == ["index.md"]
        assert list(nav[2].values()) == ["cited/index.md"]
    assert list(default_nav("en")[3]) == ["Indexes"] and list(default_nav("zh")[3]) == ["索引"]
