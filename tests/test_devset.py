"""The dev sets that benchmarks/score_extraction.py scores are well-formed (no extraction runs here).

A gold entry without its page, a page that does not decompress, an unknown kind or gold
paired with the wrong page would make the benchmark's figures quietly wrong.
"""
from __future__ import annotations

import gzip
import html
import json
import re
import unicodedata
from pathlib import Path

import pytest

from scrapedocs.read import decode

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Each set: its folder, where a page's sources are (NAME → paths), and the kinds its gold may name.
SETS = {
    "older": (FIXTURES / "devset", lambda name: [f"{name}.html.gz", f"{name}.txt.gz"],
              {"news", "blog", "forum", "notice", "other"}),
    "2024": (FIXTURES / "devset-2024", lambda name: [f"html/{name}.gz"], {"article", "forum"}),
}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ESCAPE = re.compile(r"\\+u([0-9a-fA-F]{4})")


def gold(set_name: str) -> dict[str, dict]:
    return json.loads((SETS[set_name][0] / "gold.json").read_text(encoding="utf-8"))


def letters(text: str) -> str:
    """Letters and digits only, NFKC, lower-case: what survives tags, spacing and escapes."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch)[0] in "LN").lower()


def page_letters(raw: str) -> str:
    r"""The page's text as letters, whether in markup, entities or script data (\uXXXX, however escaped)."""
    unescaped = _ESCAPE.sub(lambda m: "" if 0xD800 <= int(m[1], 16) < 0xE000 else chr(int(m[1], 16)), raw)
    return letters(html.unescape(re.sub(r"<[^>]*>", "", html.unescape(unescaped))))


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_every_gold_entry_has_its_pages_and_every_page_its_gold(set_name):
    folder, sources, _ = SETS[set_name]
    entries = gold(set_name)
    assert entries, f"{set_name}: empty gold.json"
    expected = {path for name in entries for path in sources(name)}
    found = {str(p.relative_to(folder)) for p in folder.rglob("*.gz")}
    assert not expected - found, f"{set_name}: gold entries without their page: {sorted(expected - found)}"
    assert not found - expected, f"{set_name}: pages without a gold entry: {sorted(found - expected)}"


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_gold_fields_are_well_formed(set_name):
    _, _, kinds = SETS[set_name]
    for name, entry in gold(set_name).items():
        assert entry.get("kind", "news") in kinds, f"{set_name} {name}: unknown kind {entry.get('kind')!r}"
        assert isinstance(entry["body"], str) and entry["body"].strip(), f"{set_name} {name}: no body"
        if entry.get("date"):
            assert DATE.fullmatch(entry["date"]), f"{set_name} {name}: date {entry['date']!r} is not YYYY-MM-DD"
        if "title" in entry:  # null: the page shows none
            assert entry["title"] is None or (isinstance(entry["title"], str) and entry["title"].strip()), name
        for key in ("author", "url"):
            assert isinstance(entry.get(key, ""), str), f"{set_name} {name}: {key} is not text"


def test_the_2024_set_states_title_and_url_everywhere():
    for name, entry in gold("2024").items():
        assert "title" in entry and entry["url"].startswith("http"), name


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_pages_decompress_and_their_gold_is_on_them(set_name):
    """At least half of the gold body's longer lines are on the page: gold belongs to this page.

    Not all of them: one 2024 thread's gold has replies the captured HTML does not contain
    (they were loaded by script), and a gallery's captions are double-escaped script data.
    """
    folder, sources, _ = SETS[set_name]
    for name, entry in gold(set_name).items():
        html_path, *dumps = (folder / path for path in sources(name))
        text = page_letters(decode(gzip.decompress(html_path.read_bytes())))
        assert text, f"{set_name} {name}: an empty page"
        for dump in dumps:
            assert gzip.decompress(dump.read_bytes()).decode("utf-8").strip(), f"{set_name} {dump.name}: empty"
        lines = [letters(line)[:12] for line in entry["body"].splitlines() if len(letters(line)) >= 12]
        on_page = sum(line in text for line in lines)
        assert not lines or on_page * 2 >= len(lines), f"{set_name} {name}: {on_page} of {len(lines)} gold lines on it"
