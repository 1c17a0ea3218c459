"""Collection stage: citations become links; every cited document gets a page.

Policy documents cite each other by full title in 《》, by a short name the
citing text defines (以下简称《意见》), by a drafting-stage name and in
translation. The stage

1. builds a *registry* of the documents the collection knows: the title of
   every source page, every title cited in 《》 (nested 〈〉 too), short names
   defined in a text (bound to that text only) and `aliases.yml`;
2. scans every paragraph once with an Aho-Corasick automaton of all folded
   titles and aliases (linear in the text), keeps the longest match at each
   place and turns it into a `Link` — to the page that carries the document's
   text when the collection holds it, otherwise to the document's page under
   `cited/`; generic short names (纲要, 规划, 意见, …) link only where defined,
   and an alias shared by two documents links nowhere and is reported;
3. writes a page per cited document (`cited/<key>.md`: title, aliases, the
   pages that carry or report on it, every citing page with its sentence),
   `cited/index.md` (what the collection holds, and the to-do list of what
   it does not) and a 被引用 section at the end of every cited source page.

Matching folds script (Traditional → Simplified), width, quotes, dashes, an
optional 年 after a year and a leading 中华人民共和国.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .model import Block, Collection, Document, Link
from .render import escape
from .restore import to_simplified

CITED = "cited"  # generated folder: one page per cited document
ALIASES_FILE = Path(__file__).resolve().parent.parent / "aliases.yml"

#: Short names that mean a document only where a text defines them.
GENERIC = {
    "纲要", "规划", "意见", "方案", "建议", "决定", "通知", "办法", "条例", "规定", "细则", "计划",
    "报告", "纲领", "公告", "通告", "指南", "指引", "规则", "实施方案", "行动计划", "工作方案",
    "十四五规划", "十三五规划", "法", "本法", "本规划", "本纲要", "本意见", "本办法",
}
MIN_KEY = 4  # folded characters: shorter titles (《建议》) name no document by themselves
MIN_BARE = 6  # a title learned from 《》 links without its 《》 only when this long (not 中国专利 in 中国专利周)
QUOTES = set("“”‘’\"'「」『』〝〞＂＇`")
DASHES = set("—–－‐‑‒―~～〜")
OPEN, CLOSE = "《〈", "》〉"
PREFIX = "中华人民共和国"
SENTENCE_END = "。！？!?；;\n"
MAX_SENTENCE = 160
OPENING = 300  # characters of the first paragraph that say what a page reports on

# A short name the text defines for the title just before it: 《…》（以下简称《意见》）
_DEFINE = re.compile(
    r"《(?P<full>[^《》]{2,80})》[^《》。；]{0,12}?[（(]\s*(?:以下|下文)?简称[：:]?\s*"
    r"(?P<q>[《“\"「]?)(?P<short>[^》”\"」）)，,、]{1,20})[》”\"」]?\s*[）)]"
)


# --------------------------------------------------------------------------- folding

@lru_cache(maxsize=65536)
def _fold_char(c: str) -> str:
    if c in QUOTES or c in OPEN or c in CLOSE or c.isspace() or c == "\u200b":
        return ""
    if c in DASHES:
        return "-"
    return unicodedata.normalize("NFKC", c).lower()


def fold_map(text: str) -> tuple[str, list[int]]:
    """`text` folded for matching, and for each folded character the index of its source character.

    >>> fold_map("《知识产权强国建设纲要（2021—2035年）》")[0]
    '知识产权强国建设纲要(2021-2035)'
    """
    simple = to_simplified(text)
    if len(simple) != len(text):  # a phrase conversion changed the length: keep positions exact
        simple = text
    out: list[str] = []
    pos: list[int] = []
    for i, c in enumerate(simple):
        for f in _fold_char(c):
            out.append(f)
            pos.append(i)
    # An optional 年 after a year: (2021-2035年) ≡ (2021-2035)
    keep = [
        not (ch == "年" and k and out[k - 1].isdigit() and (k + 1 == len(out) or out[k + 1] in ")-,"))
        for k, ch in enumerate(out)
    ]
    if not all(keep):
        out = [c for c, k in zip(out, keep) if k]
        pos = [p for p, k in zip(pos, keep) if k]
    return "".join(out), pos


def fold(title: str) -> str:
    """The key a title is known by: folded, without a leading 中华人民共和国.

    >>> fold("《中华人民共和国專利法》") == fold("专利法")
    True
    >>> fold("“十四五”国家知识产权保护和运用规划") == fold("《\\"十四五\\"国家知识产权保护和运用规划》")
    True
    """
    key = fold_map(title)[0]
    return key[len(PREFIX):] if key.startswith(PREFIX) and len(key) > len(PREFIX) else key


def key_slug(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def is_generic(key: str) -> bool:
    return key in GENERIC or len(key) < 2


# --------------------------------------------------------------------------- registry

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


def load_aliases(path: Path = ALIASES_FILE) -> list[dict]:
    """`aliases.yml`: a list of {title, aliases: [...]}; missing file → nothing."""
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = data.get("documents", []) if isinstance(data, dict) else data
    return [item for item in items or [] if isinstance(item, dict) and item.get("title")]


def bracket_titles(text: str) -> list[tuple[int, int, str]]:
    """Every title in 《》 or 〈〉 (nested ones too): (start, end) of the content, and the content.

    >>> [t for _, _, t in bracket_titles("《关于〈专利法〉的说明》和《纲要》")]
    ['专利法', '关于〈专利法〉的说明', '纲要']
    """
    out, stack = [], []
    for i, c in enumerate(text):
        if c in OPEN:
            stack.append((c, i))
        elif c in CLOSE and stack:
            if OPEN.index(stack[-1][0]) == CLOSE.index(c):
                _, start = stack.pop()
                out.append((start + 1, i, text[start + 1:i]))
            else:  # unbalanced: forget the open bracket
                stack.pop()
    return out


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", "", title.strip().strip("《》〈〉"))


def _paragraphs(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind == "paragraph"]


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

    def add_title(self, title: str, page: Document | None = None) -> Entry | None:
        key = fold(title)
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
    def build(cls, docs: list[Document], aliases: list[dict]) -> "Registry":
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
        for doc in docs:
            title = doc.meta.get("title")
            if title:
                reg.add_title(str(title), page=doc)
            for block in _paragraphs(doc):
                for _, _, cited in bracket_titles(block.text):
                    entry = reg.add_title(cited)
                    if entry is not None:
                        entry.forms[_clean_title(cited)] += 1
                for m in _DEFINE.finditer(block.text):
                    full, short = fold(m["full"]), fold(m["short"])
                    if full in reg.entries and short and short != full:
                        reg.local[doc.relpath][short] = full
        return reg

    def automaton(self):
        """One Aho-Corasick automaton of every global alias and every defined short name."""
        import ahocorasick

        auto = ahocorasick.Automaton()
        keys = set(self.aliases)
        for names in self.local.values():
            keys |= set(names)
        for key in keys:
            auto.add_word(key, key)
        if keys:
            auto.make_automaton()
        return auto if keys else None

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


# --------------------------------------------------------------------------- matching

@dataclass
class Mention:
    start: int
    end: int
    entry: Entry


def _enclosing(text: str) -> list[int]:
    """For each character, the index of the innermost open 《/〈 around it, or -1."""
    out, stack = [-1] * len(text), []
    for i, c in enumerate(text):
        if c in CLOSE and stack:
            stack.pop()
        out[i] = stack[-1] if stack else -1
        if c in OPEN:
            stack.append(i)
    return out


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def find_mentions(text: str, doc: Document, reg: Registry, auto, ambiguous: list[str] | None = None) -> list[Mention]:
    """The registry's documents named in `text`, longest match first, never overlapping."""
    if auto is None or not text:
        return []
    folded, pos = fold_map(text)
    if not folded:
        return []
    candidates = []
    for end, alias in auto.iter(folded):
        start = end - len(alias) + 1
        candidates.append((start, end + 1, alias))
    # Longest first, then leftmost: a longer title wins over the shorter one inside it.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = [False] * len(folded)
    inside = _enclosing(text)
    found = []
    for fs, fe, alias in candidates:
        if any(taken[fs:fe]):
            continue
        s, e = pos[fs], pos[fe - 1] + 1
        # An English alias must be a whole phrase, not part of a longer word.
        if _ascii_word(text[s]) and s > 0 and _ascii_word(text[s - 1]):
            continue
        if _ascii_word(text[e - 1]) and e < len(text) and _ascii_word(text[e]):
            continue
        # Widen to a leading 中华人民共和国 and to the 《》 around the title.
        if text[max(0, s - len(PREFIX)):s] == PREFIX:
            s -= len(PREFIX)
        # A title opening with a quote (“十四五”时期…) keeps its quote inside the link.
        if s > 0 and text[s - 1] in "“‘\"" and text[s:e].count("”") + text[s:e].count("’") > text[s:e].count("“") + text[s:e].count("‘"):
            s -= 1
        quoted = False
        if s > 0 and e < len(text) and text[s - 1] in OPEN + "“\"「" and text[e] in CLOSE + "”\"」":
            s, e, quoted = s - 1, e + 1, True
        # Inside a longer 《》 title, a shorter one is a different document.
        open_at = inside[s] if s < len(inside) else -1
        if open_at >= 0 and not quoted and not (open_at == s - 1):
            continue
        entry, is_ambiguous = reg.resolve(alias, doc, quoted)
        if entry is not None and entry.page is doc:
            continue  # the page's own title: no link, and the titles inside it still count
        if is_ambiguous and ambiguous is not None:
            ambiguous.append(f"{doc.relpath}: ambiguous mention {text[s:e]!r} "
                             f"({', '.join(sorted(reg.entries[k].display for k in reg.aliases[alias] if k in reg.entries))}): not linked")
        if entry is None:
            continue
        for k in range(fs, fe):
            taken[k] = True
        found.append(Mention(s, e, entry))
    return sorted(found, key=lambda m: m.start)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end)."""
    left = max((text.rfind(c, 0, start) for c in SENTENCE_END), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    sentence = text[left:right].strip()
    if len(sentence) > MAX_SENTENCE:
        a = max(left, start - MAX_SENTENCE // 2)
        sentence = ("…" if a > left else "") + text[a:a + MAX_SENTENCE].strip() + "…"
    return sentence


def opening(doc: Document) -> str:
    """The start of the first paragraph: where a report names what it reports on."""
    for block in _paragraphs(doc):
        text = block.text.strip()
        if text:
            return text[:OPENING]
    return ""


# --------------------------------------------------------------------------- the stage

def _rel(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _item(doc: Document, page: str, sentence: str = "", note: str = "") -> str:
    title = escape(str(doc.meta.get("title") or doc.slug)).replace("\n", " ")
    line = f"- [{title}]({_rel(doc.page, page)})"
    if note:
        line += f" {note}"
    if sentence:
        line += f" ：“{escape(sentence)}”"
    return line


def target_of(entry: Entry, doc: Document) -> str | None:
    """Where a mention of `entry` in `doc` links: its text when held, else its page; never `doc` itself."""
    if entry.page is not None:
        return None if entry.page is doc else entry.page.page
    if doc in entry.holders:
        return None  # the page carries this very document
    holders = [h for h in entry.holders if h is not doc]
    if len(holders) == 1:
        return holders[0].page
    return entry.path


def link_collection(collection: Collection) -> Collection:
    """The `link` stage: registry, mention links, cited-document pages, backlinks."""
    docs = collection.published
    by_path = {doc.relpath: doc for doc in docs}
    reg = Registry.build(docs, load_aliases())
    for doc in collection.docs:  # a merged reprint: its page is its twin's, its title names that page
        twin = by_path.get(doc.merged_into) if doc.merged_into and not doc.error else None
        if twin is not None:
            doc.slug = twin.slug
            title = str(doc.meta.get("title") or "")
            if fold(title) not in reg.entries:
                reg.add_title(title, page=twin)
    collection.warnings.extend(reg.reported)
    auto = reg.automaton()
    # Which pages carry a document (title names it) or report on it (opening names it).
    for doc in docs:
        title = str(doc.meta.get("title") or "")
        for m in find_mentions(title, doc, reg, auto):
            if m.entry.page is None and doc not in m.entry.holders:
                m.entry.holders.append(doc)
        for m in find_mentions(opening(doc), doc, reg, auto):
            if m.entry.page is None and doc not in m.entry.holders and doc not in m.entry.reports:
                m.entry.reports.append(doc)
    ambiguous: list[str] = []
    for doc in docs:
        for block in _paragraphs(doc):
            for m in find_mentions(block.text, doc, reg, auto, ambiguous):
                if any(link.start < m.end and m.start < link.end for link in block.links):
                    continue  # never inside an existing link
                target = target_of(m.entry, doc)
                if m.entry.page is not doc:
                    m.entry.citations.append((doc, sentence_around(block.text, m.start, m.end)))
                if target:
                    block.links.append(Link(m.start, m.end, target))
    collection.warnings.extend(dict.fromkeys(ambiguous))
    _backlinks(docs, reg)
    _cited_pages(collection, reg)
    return collection


def _unique(citations: list[tuple[Document, str]]) -> list[tuple[Document, str]]:
    """One line per citing page and sentence, in page order."""
    seen, out = set(), []
    for doc, sentence in citations:
        if (doc.page, sentence) not in seen:
            seen.add((doc.page, sentence))
            out.append((doc, sentence))
    return sorted(out, key=lambda c: c[0].page)


def _backlinks(docs: list[Document], reg: Registry) -> None:
    """被引用: on each source page, the pages citing it or a document it carries or reports on."""
    cited_by: dict[int, list[str]] = defaultdict(list)
    for entry in sorted(reg.entries.values(), key=lambda e: e.key):
        if entry.page is not None:
            for citing, sentence in _unique(entry.citations):
                cited_by[id(entry.page)].append(_item(citing, entry.page.page, sentence))
            continue
        for doc, verb in [(d, "全文") for d in entry.holders] + [(d, "报道") for d in entry.reports]:
            page = doc.page
            head = f"- 本页{'收录' if verb == '全文' else '报道'}[{escape(entry.display)}]({_rel(entry.path, page)})，引用它的页面："
            lines = [_item(c, page, s).replace("- ", "    - ", 1) for c, s in _unique(entry.citations) if c is not doc]
            if lines:
                cited_by[id(doc)].append("\n".join([head] + lines))
    for doc in docs:
        if cited_by.get(id(doc)):
            doc.appendix.append("## 被引用\n\n" + "\n".join(cited_by[id(doc)]))


def _cited_pages(collection: Collection, reg: Registry) -> None:
    entries = [e for e in reg.entries.values() if e.page is None and (e.citations or e.holders or e.reports)]
    entries.sort(key=lambda e: e.display)
    held, missing = [], []
    for entry in entries:
        page = entry.path
        parts = [f"# {escape(entry.display)}", ""]
        names = sorted(set(entry.forms) | entry.aliases - {entry.display})
        if names:
            parts += ["**又称**：" + "；".join(escape(n) for n in names), ""]
        if entry.holders:
            parts += ["## 全文", ""] + [_item(d, page) for d in entry.holders] + [""]
        if entry.reports:
            parts += ["## 报道", ""] + [_item(d, page) for d in entry.reports] + [""]
        if not entry.holders:
            parts += ["!!! note \"文库尚未收录\"", "", "    本站还没有这份文件的全文。", ""]
        citations = _unique(entry.citations)
        if citations:
            parts += ["## 引用它的页面", ""] + [_item(d, page, s) for d, s in citations] + [""]
        collection.pages[page] = "\n".join(parts).rstrip() + "\n"
        line = f"- [{escape(entry.display)}]({_rel(page, f'{CITED}/index.md')}) （被 {len({id(d) for d, _ in citations})} 个页面引用）"
        (held if entry.holders else missing).append(line)
    index = ["# 引用的文件", "",
             "文库各页引用的政策文件。每份文件一页：它的名称、别名、收录它的页面和引用它的页面。", ""]
    index += ["## 文库已收录全文", ""] + (held or ["（无）"]) + [""]
    index += ["## 尚未收录（待补充）", "", "这些文件被引用，但文库还没有它们的全文。", ""] + (missing or ["（无）"])
    collection.pages[f"{CITED}/index.md"] = "\n".join(index).rstrip() + "\n"
