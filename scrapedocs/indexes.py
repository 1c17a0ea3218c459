"""Collection stage: indexes of the collection, tags and related documents.

Writes `indexes/timeline.md` (by year and month), `indexes/sources.md` (by
outlet), `indexes/organisations.md` and `indexes/people.md` (names from the
lexicon in `scrapedocs/data/lexicon.yml`, plus people jieba tags as names where
a title or a speech verb stands next to them), `indexes/tags.md` (Material's
tags listing); sets `tags` in each page's front matter from its keywords and
appends up to three related documents, by TF-IDF cosine over jieba tokens.
Related documents come from an inverted index whose postings are capped, so
the work stays linear in the corpus: no pair of documents is compared unless
they share a distinctive term.
"""
from __future__ import annotations

import math
import posixpath
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import yaml

from .model import Collection, Document
from .render import escape
from .restore import HAN

INDEXES = "indexes"
LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.yml"
RELATED = 3
TAGS = 4
TOP_TERMS = 40  # terms per document in the inverted index
POSTINGS = 200  # documents kept per term: the heaviest
MIN_SIMILARITY = 0.05
NOUNS = {"n", "nz", "vn", "nt", "ns", "eng", "nw"}
STOP = set("""
我们 他们 你们 这个 那个 一个 一些 没有 还是 就是 已经 以及 进一步 有关 相关 工作 方面 问题 情况 进行 开展 加强 推进
推动 提高 提升 实现 坚持 建设 发展 全面 重要 重大 更加 不断 积极 加快 深入 完善 健全 支持 促进 要求 强调 指出 表示
认为 目前 当前 今年 去年 明年 同时 其中 通过 作为 根据 按照 以来 以上 以下 之一 时期 年度 主要 重点 新 各 等 和 的
中国 国家 国际 时代 信息 关系 领域 职责 方面 制度 体系 水平 能力 部门 地方 全国 社会 经济 世界 人民 同志 记者 时间
""".split())
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
    "石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤申易甘"
)
_TITLE = "总书记|书记|主席|总理|副总理|部长|副部长|局长|副局长|司长|副司长|主任|副主任|院长|副院长|处长|厅长|教授|研究员|记者|编辑|同志|委员|代表|会长|秘书长|总裁|董事长|专家"
_SPEECH = "说|表示|指出|强调|认为|介绍|提出|要求|主持|出席|会见|接受"
_HAN_RUN = re.compile(f"[{HAN}]+|[A-Za-z][A-Za-z\\-]+")


def _rel(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _title(doc: Document) -> str:
    return escape(str(doc.meta.get("title") or doc.slug)).replace("\n", " ")


def _item(doc: Document, page: str, note: str = "") -> str:
    line = f"- [{_title(doc)}]({_rel(doc.page, page)})"
    return line + (f" {note}" if note else "")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8")) if LEXICON.is_file() else {}
    return {"organisations": list(data.get("organisations") or []), "people": list(data.get("people") or [])}


@lru_cache(maxsize=1)
def _tokenizer():
    """A private jieba tokenizer (part-of-speech tags) that knows the lexicon's names; jieba's global one is untouched."""
    import jieba
    import jieba.posseg

    base = jieba.Tokenizer()
    base.initialize()
    for name in lexicon()["people"]:
        base.add_word(name, freq=100000, tag="nr")
    for name in lexicon()["organisations"]:
        base.add_word(name, freq=100000, tag="nt")
    return jieba.posseg.POSTokenizer(base)


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind in ("paragraph", "heading") and b.text.strip()]


def tokens(doc: Document) -> list[tuple[str, str]]:
    """(word, part of speech) of the title and body, by jieba."""
    tok = _tokenizer()
    out = []
    for text in [str(doc.meta.get("title") or "")] + _texts(doc):
        out += [(p.word, p.flag) for p in tok.cut(text)]
    return out


def _terms(words: list[tuple[str, str]]) -> Counter:
    return Counter(w.lower() for w, f in words
                   if len(w) >= 2 and w not in STOP and _HAN_RUN.fullmatch(w) and (f[0] in "nv" or f == "eng"))


def _people(doc: Document, words: list[tuple[str, str]]) -> set[str]:
    """Names jieba tags as people, kept where a title precedes or a speech verb follows them."""
    text = "\n".join(_texts(doc))
    found = set()
    for w, f in set(words):
        if f == "nr" and 2 <= len(w) <= 3 and w[0] in SURNAMES:
            if re.search(rf"(?:{_TITLE}){re.escape(w)}|{re.escape(w)}(?:{_SPEECH})", text):
                found.add(w)
    # A shorter name inside a longer one found too (白光 in 白光清) is a segmentation slip.
    return {n for n in found if not any(n != m and m.startswith(n) for m in found)}


@lru_cache(maxsize=1)
def _lexicon_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for kind in ("organisations", "people"):
        for name in lexicon()[kind]:
            auto.add_word(name, (kind, name))
    auto.make_automaton()
    return auto


def _named(doc: Document) -> dict[str, set[str]]:
    found = {"organisations": set(), "people": set()}
    text = "\n".join([str(doc.meta.get("title") or "")] + _texts(doc))
    for _, (kind, name) in _lexicon_automaton().iter_long(text):
        found[kind].add(name)
    return found


def build_indexes(collection: Collection) -> Collection:
    """The `indexes` stage."""
    docs = collection.published
    words = {id(doc): tokens(doc) for doc in docs}
    terms = {id(doc): _terms(words[id(doc)]) for doc in docs}
    df = Counter(t for doc in docs for t in terms[id(doc)])
    n = len(docs)
    vectors = {}
    for doc in docs:
        weights = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in terms[id(doc)].items()}
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors[id(doc)] = {t: w / norm for t, w in top}
    _related(docs, vectors)
    _tags(docs, vectors, terms, df, words)
    people = {id(doc): _named(doc)["people"] | _people(doc, words[id(doc)]) for doc in docs}
    orgs = {id(doc): _named(doc)["organisations"] for doc in docs}
    pages = collection.pages
    pages[f"{INDEXES}/index.md"] = _home()
    pages[f"{INDEXES}/timeline.md"] = _timeline(docs)
    pages[f"{INDEXES}/sources.md"] = _grouped(
        docs, "按来源", "各页面的来源媒体或网站。", lambda d: [str(d.meta["source"])] if d.meta.get("source") else ["（未注明来源）"],
        f"{INDEXES}/sources.md")
    pages[f"{INDEXES}/organisations.md"] = _grouped(
        docs, "按机构", "页面中提到的机构（据项目附带的机构名录）。", lambda d: sorted(orgs[id(d)]), f"{INDEXES}/organisations.md")
    pages[f"{INDEXES}/people.md"] = _grouped(
        docs, "按人物", "页面中提到的人物（据项目附带的人名录，以及 jieba 标注、且有职务或言语动词相邻的人名）。",
        lambda d: sorted(people[id(d)]), f"{INDEXES}/people.md")
    names = sorted({str(t) for doc in docs for t in doc.meta.get("tags") or []})
    pages[f"{INDEXES}/tags.md"] = ("# 标签\n\n由各页关键词生成的标签：" + escape("、".join(names) or "（无）")
                                   + "。\n\n<!-- material/tags -->\n")
    return collection


def _home() -> str:
    return "\n".join([
        "# 索引", "",
        "- [时间线](timeline.md)",
        "- [按来源](sources.md)",
        "- [按机构](organisations.md)",
        "- [按人物](people.md)",
        "- [标签](tags.md)",
        "- [引用的文件](../cited/index.md)",
    ]) + "\n"


def _related(docs: list[Document], vectors: dict) -> None:
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    by_id = {id(doc): doc for doc in docs}
    order = {id(doc): i for i, doc in enumerate(docs)}
    for doc in docs:
        for t, w in vectors[id(doc)].items():
            postings[t].append((w, order[id(doc)]))
    for t in postings:  # the heaviest documents of each term; bounded work per document
        postings[t] = sorted(postings[t], key=lambda p: (-p[0], p[1]))[:POSTINGS]
    for doc in docs:
        scores: Counter = Counter()
        for t, w in vectors[id(doc)].items():
            for w2, j in postings[t]:
                if j != order[id(doc)]:
                    scores[j] += w * w2
        best = sorted(((s, j) for j, s in scores.items() if s >= MIN_SIMILARITY), key=lambda p: (-p[0], p[1]))[:RELATED]
        if best:
            lines = [_item(docs[j], doc.page) for _, j in best]
            doc.appendix.append("## 相关文档\n\n" + "\n".join(lines))
    del by_id


def _tags(docs, vectors, terms, df, words) -> None:
    n = len(docs)
    nouns = {}
    for doc in docs:
        nouns[id(doc)] = {w.lower() for w, f in words[id(doc)] if f in NOUNS and len(w) >= 2 and not w.isascii()}
    for doc in docs:
        ranked = sorted(vectors[id(doc)].items(), key=lambda kv: (-kv[1], kv[0]))
        shared = [t for t, _ in ranked if t in nouns[id(doc)] and (df[t] >= 2 or n == 1)]
        if doc.meta.get("tags"):
            continue  # the user's tags (a sidecar) stand as given
        if shared:
            doc.meta["tags"] = shared[:TAGS]


def _timeline(docs: list[Document]) -> str:
    dated = sorted((d for d in docs if re.match(r"\d{4}-\d{2}", str(d.meta.get("date") or ""))),
                   key=lambda d: (str(d.meta["date"]), d.page), reverse=True)
    page = f"{INDEXES}/timeline.md"
    out = ["# 时间线", "", "按发布日期排列，最新的在前。", ""]
    year = month = None
    for doc in dated:
        date = str(doc.meta["date"])
        if date[:4] != year:
            year, month = date[:4], None
            out += [f"## {year}年", ""]
        if date[5:7] != month:
            month = date[5:7]
            out += [f"### {year}年{int(month)}月", ""]
        out.append(_item(doc, page, f"（{date}）"))
        out.append("")
    undated = sorted((d for d in docs if d not in dated), key=lambda d: d.page)
    if undated:
        out += ["## 未注明日期", ""] + [_item(d, page) for d in undated]
    return "\n".join(out).rstrip() + "\n"


def _grouped(docs, title, intro, keys, page) -> str:
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for key in keys(doc):
            groups[key].append(doc)
    out = [f"# {title}", "", intro, ""]
    if not groups:
        out.append("（无）")
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        out += [f"## {escape(key)}", ""] + [_item(d, page) for d in sorted(groups[key], key=lambda d: d.page)] + [""]
    return "\n".join(out).rstrip() + "\n"
