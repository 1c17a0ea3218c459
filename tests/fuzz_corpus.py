"""Markdown-shaped hostile sources, generated: the shapes that make Python-Markdown, its extensions,
the theme or the search indexer take time that grows faster than the page (issue 17, item 3).

`make_fuzz(folder, scale)` writes every shape as a text dump, an HTML page and a Markdown file, each
an ordinary article (title, date line, prose of made-up words, so that no two are reprints) around
its hostile part, plus the document the link-heavy pages cite, and returns what it wrote. At
`scale` 1 the sizes are the issue's: 10,000 of one Markdown character in one paragraph, a
10,000-item list, lists and quotes 1,000 deep, a table row of 10,000 cells, 5,000 headings, a 2 MB
paragraph citing one document about 16,000 times (the issue's input: 13,000). The test suite
builds a smaller scale (every size still past the limits of `scrapedocs.render.limits`, so the
same mechanisms act); `benchmarks/bench_fuzz.py` builds scale 1 and times it.
"""
from __future__ import annotations

import html
import random
from dataclasses import dataclass
from pathlib import Path

CITED = "关于加强知识产权保护的意见"
#: The sentence of the issue's input: it cites 《关于加强知识产权保护的意见》, again and again.
CITING = f"各地区各部门要认真贯彻落实《{CITED}》，切实加强知识产权保护工作，"
#: The article around the hostile part, with made-up words of its own in each file.
LEAD = "国务院近日印发关于{}保护工作的通知，对今后一个时期的{}工作作出部署。"
TAIL = "通知要求各地区各部门认真贯彻落实，确保{}措施取得实效，为{}发展提供有力保障。"
#: The characters Markdown reads as syntax in a paragraph, and the HTML ones.
CHARACTERS = {"bracket": "[", "star": "*", "underscore": "_", "backtick": "`", "lt": "<", "amp": "&", "pipe": "|"}
FORMATS = ("txt", "html", "md")


@dataclass
class Source:
    source: str  # path under the input folder
    shape: str  # what is hostile in it ("star", "links", "headings", …)
    format: str  # "txt", "html" or "md"


def _count(n: int, scale: float) -> int:
    return max(1, int(n * scale))


class _Words:
    """Made-up two-character words, different in every file: no two inputs are reprints of each other."""

    def __init__(self, name: str):
        self.rng = random.Random(name)

    def __call__(self) -> str:
        return "".join(chr(0x4E00 + self.rng.randrange(0x5000)) for _ in range(2))


def _shapes(scale: float, words: _Words) -> dict[str, list[tuple[str, str]]]:
    """Each shape as blocks: ("p", text), ("li", text), ("h", text), ("nested-…", depth + text), ("row", cells).

    Kept abstract, so that each format writes it in its own syntax.
    """
    shapes: dict[str, list[tuple[str, str]]] = {}
    n = _count(10_000, scale)
    for name, c in CHARACTERS.items():
        # One paragraph, the character every few words; pauses but no sentence end until the last.
        run = "".join(f"{words()}{c}{words()}{'，' if i % 10 == 9 else ''}" for i in range(n))
        shapes[name] = [("p", f"第一段说明{c}的用法：{run}完。")]
    shapes["list"] = [("li", f"第{i + 1}项：加强{words()}保护，完善{words()}制度。") for i in range(n)]
    depth = _count(1_000, scale)
    shapes["nested-list"] = [("nested-li", f"{i}\t第{i + 1}层{words()}列表项。") for i in range(depth)]
    shapes["nested-quote"] = [("nested-quote", f"{i}\t第{i + 1}层{words()}引文。") for i in range(depth)]
    shapes["table"] = [("row", "\t".join(f"第{i + 1}列{words()}" for i in range(n))),
                       ("row", "\t".join(f"{i}{words()}" for i in range(n)))]
    headings = _count(5_000, scale)
    titles = ["一、总体要求", "附件", "**", "第{}节 保护措施"]  # repeated, numbered, punctuation only
    shapes["headings"] = [block for i in range(headings)
                          for block in (("h", titles[i % 4].format(i)), ("p", f"本节说明{words()}保护措施。"))]
    sentence = CITING.replace("要认真", "要{}认真").replace("切实", "切实{}")
    repeats = _count(2_000_000 // len(CITING.encode("utf-8")), scale)
    shapes["links"] = [("p", "".join(sentence.format(words(), words()) for _ in range(repeats)) + "确保取得实效。")]
    return shapes


def _txt(title: str, blocks: list[tuple[str, str]]) -> str:
    lines, rows = [title, "发布日期：2021-11-01　来源：新华社"], 0
    for kind, text in blocks:
        if kind == "p":
            lines.append(text)
        elif kind == "li":
            lines.append(f"- {text}")
        elif kind == "h":
            lines.append(text)
        elif kind == "nested-li":
            depth, text = text.split("\t")
            lines.append("  " * int(depth) + f"- {text}")
        elif kind == "nested-quote":
            depth, text = text.split("\t")
            lines.append(">" * (int(depth) + 1) + f" {text}")
        elif kind == "row":
            cells = text.split("\t")
            lines.append("| " + " | ".join(cells) + " |")
            rows += 1
            if rows == 1:  # the header row: Markdown's rule after it
                lines.append("| " + " | ".join("---" for _ in cells) + " |")
    return "\n".join(lines) + "\n"


def _md(title: str, blocks: list[tuple[str, str]]) -> str:
    out, rows = ["---", f"title: {title}", "date: 2021-11-01", "---", ""], 0
    for kind, text in blocks:
        if kind == "h":
            out += [f"## {text}", ""]
        elif kind == "li":
            out.append(f"- {text}")
        elif kind == "nested-li":
            depth, text = text.split("\t")
            out.append("    " * int(depth) + f"- {text}")
        elif kind == "nested-quote":
            depth, text = text.split("\t")
            out += [">" * (int(depth) + 1) + f" {text}", ""]
        elif kind == "row":
            cells = text.split("\t")
            out.append("| " + " | ".join(cells) + " |")
            rows += 1
            if rows == 1:  # the header row
                out.append("| " + " | ".join("---" for _ in cells) + " |")
        else:
            out += ["", text, ""]
    return "\n".join(out) + "\n"


def _html(title: str, blocks: list[tuple[str, str]]) -> str:
    """A page of a news site: navigation, the article (a shape's blocks are of one kind, or headings
    and paragraphs), a footer."""
    e = html.escape
    body = [f"<h1>{e(title)}</h1>", "<p>发布日期：2021-11-01　来源：新华社</p>", f"<p>{e(blocks[0][1])}</p>"]
    for kind, text in blocks[1:-1]:
        if kind == "p":
            body.append(f"<p>{e(text)}</p>")
        elif kind == "h":
            body.append(f"<h2>{e(text)}</h2>")
    items = [text for kind, text in blocks if kind == "li"]
    if items:
        body.append("<ul>" + "".join(f"<li>{e(text)}</li>" for text in items) + "</ul>")
    nested = [(kind, text.split("\t")[1]) for kind, text in blocks if kind.startswith("nested")]
    if nested:
        lists = nested[0][0] == "nested-li"
        opening, closing = ("<ul><li>", "</li></ul>") if lists else ("<blockquote>", "</blockquote>")
        body.append("".join(f"{opening}<p>{e(text)}</p>" for _, text in nested) + closing * len(nested))
    rows = [text.split("\t") for kind, text in blocks if kind == "row"]
    if rows:
        body.append("<table>" + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
                    + "</table>")
    body.append(f"<p>{e(blocks[-1][1])}</p>")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(title)}</title></head>"
            f"<body><div class='nav'>首页 新闻 政策</div><article>{''.join(body)}</article>"
            "<div class='footer'>版权所有</div></body></html>")


WRITERS = {"txt": _txt, "html": _html, "md": _md}


def make_fuzz(folder: Path, scale: float = 1.0) -> list[Source]:
    """Write every shape in every format into `folder`, and the document they cite; what was written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    cited = folder / "cited.txt"
    words = _Words("cited")
    cited.write_text(f"{CITED}\n发布日期：2019-11-24　来源：新华社\n{LEAD.format(words(), words())}\n"
                     f"{TAIL.format(words(), words())}\n", encoding="utf-8")
    written.append(Source("cited.txt", "cited", "txt"))
    for fmt in FORMATS:
        words = _Words(fmt)
        for shape, blocks in _shapes(scale, words).items():
            title = f"关于{words()}{shape}的知识产权保护通知"
            blocks = [("p", LEAD.format(words(), words())), *blocks, ("p", TAIL.format(words(), words()))]
            name = f"{shape}.{fmt}"
            (folder / name).write_text(WRITERS[fmt](title, blocks), encoding="utf-8")
            written.append(Source(name, shape, fmt))
    return written
