"""The documents a collection knows: titles of its pages, titles cited in 《》, defined short names, aliases."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import Document
from .facts import clean_title, facts, paragraphs
from .fold import fold, key_slug

CITED = "cited"  # generated folder: one page per cited document
ALIASES_FILE = "aliases.yml"  # in the project folder (`BuildConfig.project_dir`)

#: Short names that mean a document only where a text defines them.
GENERIC = {
    "纲要", "规划", "意见", "方案", "建议", "决定", "通知", "办法", "条例", "规定", "细则", "计划",
    "报告", "纲领", "公告", "通告", "指南", "指引", "规则", "实施方案", "行动计划", "工作方案",
    "十四五规划", "十三五规划", "法", "本法", "本规划", "本纲要", "本意见", "本办法",
}
def is_generic(key: str) -> bool:
    return key in GENERIC or len(key) < 2


MIN_KEY = 4  # folded characters: shorter titles (《建议》) name no document by themselves
MIN_BARE = 6  # a title learned from 《》 links without its 《》 only when this long (not 中国专利 in 中国专利周)

@dataclass
class Entry:
    """A document the collection knows."""

    key: str
    title: str = ""  # canonical display title
    forms: Counter = field(default_factory=Counter)  # how it is written where cited
    aliases: set[str] = field(default_factory=set)  # display forms from aliases.yml
    page: Document | None = None  # the source page this entry is the title of
    holders: list[Document] = field(default_factory=list)  # pages whose title names it
    reports: list[Document] = field(default_factory=list)  # pages whose opening names it
    citations: list[tuple[Document, str]] = field(default_factory=list)
    fixed: bool = False  # title from aliases.yml: never replaced by a cited form

    @property
    def path(self) -> str:
        return f"{CITED}/{key_slug(self.key)}.md"

    @property
    def display(self) -> str:
        if self.title:
            return self.title
        if self.forms:
            return max(self.forms.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        return self.key


def load_aliases(path: Path) -> list[dict]:
    """`aliases.yml`: a list of {title, aliases: [...]}; missing file → nothing."""
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    items = data.get("documents", []) if isinstance(data, dict) else data
    return [item for item in items or [] if isinstance(item, dict) and item.get("title")]


_clean_title = clean_title
_paragraphs = paragraphs


class Registry:
    """Documents by folded key; aliases (global, or bound to the text defining them)."""

    def __init__(self):
        self.entries: dict[str, Entry] = {}
        self.aliases: dict[str, set[str]] = defaultdict(set)  # folded alias → entry keys (global)
        self.local: dict[str, dict[str, str]] = defaultdict(dict)  # doc relpath → folded short name → key
        self.reported: list[str] = []
        self.bare: set[str] = set()  # aliases that link without 《》 around them

    def entry(self, key: str) -> Entry:
        if key not in self.entries:
            self.entries[key] = Entry(key)
        return self.entries[key]

    def add_title(self, title: str, page: Document | None = None, key: str | None = None) -> Entry | None:
        """The entry of `title` (its folded `key` when known), created when new; the page it titles."""
        key = fold(title) if key is None else key
        if len(key) < MIN_KEY or is_generic(key):
            return None
        entry = self.entry(key)
        if page is not None:
            if entry.page is not None and entry.page is not page:
                self.reported.append(f"two pages share the title {title!r}: "
                                     f"{entry.page.relpath}, {page.relpath}; mentions of it are not linked")
                self.aliases[key].add("\0ambiguous")
            else:
                entry.page = page
        if page is not None or len(key) >= MIN_BARE:
            self.bare.add(key)
        self.aliases[key].add(key)
        return entry

    @classmethod
    def build(cls, docs: list[Document], aliases: list[dict]) -> Registry:
        reg = cls()
        for item in aliases:  # the user's word first: canonical titles
            entry = reg.add_title(str(item["title"]))
            if entry is None:
                continue
            entry.title, entry.fixed = _clean_title(str(item["title"])), True
            reg.bare.add(entry.key)
            for alias in item.get("aliases") or []:
                key = fold(str(alias))
                if key and not is_generic(key):
                    entry.aliases.add(str(alias))
                    reg.aliases[key].add(entry.key)
                    reg.bare.add(key)
        for doc in docs:  # from each document's facts (the `citations` stage): no text is read again
            known = facts(doc)
            if known["title"]:
                reg.add_title(known["title"], page=doc, key=known["title_key"])
            for key, written in known["cited"]:
                entry = reg.add_title(written, key=key)
                if entry is not None:
                    entry.forms[written] += 1
            for full, short in known["defines"]:
                if full in reg.entries and short and short != full:
                    reg.local[doc.relpath][short] = full
        return reg

    def automaton(self):
        """One Aho-Corasick automaton of every global alias (short names a text defines are looked for in it alone)."""
        import ahocorasick

        if not self.aliases:
            return None
        auto = ahocorasick.Automaton()
        for key in self.aliases:
            auto.add_word(key, key)
        auto.make_automaton()
        return auto

    def defined_in(self, doc: Document) -> list[str]:
        """The short names `doc` defines that are not global aliases too: `find_mentions` looks for them itself."""
        return [name for name in self.local.get(doc.relpath, {}) if name not in self.aliases]

    def resolve(self, alias: str, doc: Document, quoted: bool) -> tuple[Entry | None, bool]:
        """The entry `alias` names in `doc`, and whether the mention is ambiguous."""
        local = self.local.get(doc.relpath, {})
        if alias in local:
            if is_generic(alias) and not quoted:
                return None, False  # a generic short name counts only as 《意见》 or “意见”
            return self.entries[local[alias]], False
        keys = self.aliases.get(alias, set())
        if not keys or is_generic(alias) or not (quoted or alias in self.bare):
            return None, False
        if len(keys) > 1:
            return None, True
        return self.entries[next(iter(keys))], False
