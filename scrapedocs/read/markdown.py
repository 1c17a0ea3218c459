"""Markdown sources: untrusted pages like the others, turned into lines of data.

A `.md` file from a crawl or a colleague may hold raw `<script>`, event
handlers, `javascript:` links or include lines (`--8<--`) aimed at the site
build. It is therefore never passed through: its body is rendered with
Python-Markdown, sanitised with nh3 (an allow-list: script and style content
dropped, only http(s), relative and mailto URLs), and the sanitised HTML is
walked into the same lines an HTML page gives ("## heading", "- item",
"| a | b |", paragraphs). From there the page goes through the same stages as
any other (restore, citations linked, escaped by `render`), so nothing in it
can become markup, and an include line is shown as the text it is.

Front matter gives hints, validated like a sidecar (`metadata`): only the
documented fields, each of its type; anything else is dropped with a warning.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml

from ..model import Document, Line
from ..schema import validate_fields
from ..text import tidy

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
MAX_FRONT_MATTER = 65_536  # characters: front matter is a handful of fields
#: Include lines of pymdownx.snippets (`--8<-- "file"`, a bare `--8<--` block marker, `;--8<--` escapes).
INCLUDE = re.compile(r"^[ \t]*;*-+8<-+", re.M)

#: What sanitising keeps: text structure. Only text reaches the page; the allow-list decides which text.
TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
    "code", "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small", "span", "div", "a",
    "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure", "figcaption", "abbr", "q",
    "cite", "kbd", "samp", "var", "time", "section", "article", "header", "footer", "details", "summary", "address",
}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "td": {"colspan", "rowspan"},
              "th": {"colspan", "rowspan"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}
#: Elements dropped with everything inside them: their content is code or another document.
DROPPED = {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "textarea",
           "select", "title", "frameset", "frame", "applet", "noembed", "noframes", "xmp", "plaintext"}


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter (a mapping, else empty) and the body after it.

    >>> split_front_matter("---\\ntitle: 标题\\n---\\n正文\\n")
    ({'title': '标题'}, '正文\\n')
    """
    meta, body, _ = front_matter_and_body(text)
    return meta, body


def front_matter_and_body(text: str) -> tuple[dict, str, str]:
    """Front matter, body, and why the front matter was ignored ("" when it was read)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text, ""
    if len(m[1]) > MAX_FRONT_MATTER:
        return {}, text[m.end():], f"front matter ignored: longer than {MAX_FRONT_MATTER:,} characters"
    try:
        meta = yaml.safe_load(m[1])
    except yaml.YAMLError as err:
        problem = str(getattr(err, "problem", "") or type(err).__name__)
        return {}, text[m.end():], f"front matter ignored: not valid YAML ({problem[:120]})"
    if meta is None:
        return {}, text[m.end():], ""
    if not isinstance(meta, dict):
        return {}, text[m.end():], "front matter ignored: not a mapping of field: value"
    return meta, text[m.end():], ""


#: Nesting prefixes (indentation, ">", list markers) longer than this are cut: Python-Markdown's time
#: grows faster than linearly with nesting depth (2,000 nested list items take minutes).
MAX_NESTING = 40
_CONTAINERS = re.compile(r"^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))+", re.M)


def _bounded(markdown_text: str) -> str:
    """Markdown with its nesting bounded: a prefix deeper than `MAX_NESTING` columns is cut there.

    >>> _bounded("  " * 100 + "- 项") == " " * 40 + "项"
    True
    """
    def cut(m: re.Match) -> str:
        prefix = m[0].expandtabs(4)
        return prefix if len(prefix) <= MAX_NESTING else prefix[:MAX_NESTING]

    return _CONTAINERS.sub(cut, markdown_text)


def sanitize(markdown_text: str) -> str:
    """Markdown → HTML that keeps only text structure (Python-Markdown, then nh3's allow-list).

    >>> sanitize('段落<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>')
    '<p>段落 <a rel="noopener noreferrer">x</a> <img src="x"></p>'
    """
    import markdown
    import nh3

    html = markdown.markdown(_bounded(markdown_text), extensions=["tables", "fenced_code", "sane_lists"], output_format="html")
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, clean_content_tags=DROPPED,
                     strip_comments=True)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {
    "p", "div", "li", "ul", "ol", "blockquote", "dl", "dt", "dd", "hr", "br", "pre", "table", "tr",
    "figure", "figcaption", "caption", "section", "article", "header", "footer", "details", "summary", "address",
}
_VOID = {"br", "hr", "img", "wbr"}


class _Lines(HTMLParser):
    """Sanitised HTML → (kind, text) lines, from the parser's events: no tree, so no depth limit, linear time."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, str]] = []
        self.buf: list[str] = []
        self.open: list[list] = []  # [tag, fresh] of the blocks around the text; an item is fresh until its first line
        self.tables = 0  # depth of <table>: only the outermost table's cells make rows
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.rows = 0  # rows of the current table
        self.pre = 0

    def flush(self) -> None:
        if self.cell is not None:
            return  # inside a cell: text stays in the cell
        raw = "".join(self.buf)
        self.buf.clear()
        texts = [tidy(t) for t in raw.split("\n")] if self.pre else [tidy(raw)]
        for text in filter(None, texts):
            kind = "p"
            for block in reversed(self.open):
                if block[0] in _HEADINGS or block[0] == "li":
                    kind = "p" if block[0] == "li" and not block[1] else block[0]  # an item's later lines
                    block[1] = False
                    break
            self.lines.append((kind, text))

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.flush()
            self.tables += 1
            if self.tables == 1:
                self.rows = 0
        elif self.tables == 1 and tag == "tr":
            self.row = []
        elif self.tables == 1 and tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BLOCKS:
            self.flush()
        if tag == "pre":
            self.pre += 1
        if tag == "img":
            self.handle_data(dict(attrs).get("alt") or "")
        if tag in _BLOCKS and tag not in _VOID and tag != "table":
            self.open.append([tag, True])

    def handle_endtag(self, tag):
        if tag == "table":
            self.tables = max(0, self.tables - 1)
            return
        if self.tables == 1 and tag in ("td", "th") and self.cell is not None:
            self.row.append(tidy("".join(self.cell)).replace("|", "｜"))
            self.cell = None
            return
        if self.tables == 1 and tag == "tr" and self.row is not None:
            if any(self.row):
                self.lines.append(("row", "| " + " | ".join(self.row) + " |"))
                self.rows += 1
                if self.rows == 1:  # Markdown needs a header rule after the first row
                    self.lines.append(("row", "| " + " | ".join("---" for _ in self.row) + " |"))
            self.row = None
        if tag in _BLOCKS and tag not in _VOID:
            self.flush()
            for i in range(len(self.open) - 1, -1, -1):  # the innermost open block of this tag
                if self.open[i][0] == tag:
                    del self.open[i:]
                    break
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data):
        (self.cell if self.cell is not None else self.buf).append(data)


def html_lines(html: str) -> list[tuple[str, str]]:
    """Sanitised HTML as (kind, text) lines: kind is "h1".."h6", "li", "row" or "p".

    >>> html_lines("<h2>一、总体</h2><p>正文<br>第二行</p><ul><li>条目</li></ul><table><tr><th>a|b</th></tr></table>")
    [('h2', '一、总体'), ('p', '正文'), ('p', '第二行'), ('li', '条目'), ('row', '| a｜b |'), ('row', '| --- |')]
    """
    parser = _Lines()
    parser.feed(html)
    parser.close()
    parser.cell = None
    parser.flush()
    return parser.lines


def read_markdown(doc: Document, text: str) -> Document:
    """A Markdown page (decoded `text`): front matter becomes validated hints, the body lines of data."""
    meta, body, problem = front_matter_and_body(text)
    if problem:
        doc.warnings.append(problem)
    doc.hints = validate_fields(meta, doc.warnings, "front matter")
    includes = len(INCLUDE.findall(body))
    if includes:
        doc.warnings.append(f"{includes} include line{'s' * (includes > 1)} (--8<--) shown as text, not followed")
    lines = html_lines(sanitize(body))
    title = doc.hints.get("title")
    if lines and lines[0][0] == "h1":  # the page's headline: front matter, not body
        if not title:
            doc.hints["title"] = title = lines[0][1]
        if re.sub(r"\s", "", lines[0][1]) == re.sub(r"\s", "", title):
            lines = lines[1:]
    doc.raw, doc.kind = body, "markdown"
    doc.lines = [Line(number=i, text=_line(kind, text)) for i, (kind, text) in enumerate(lines, start=1)]
    return doc


def _line(kind: str, text: str) -> str:
    """The line format an HTML page's article uses: "## heading", "- item", "| a | b |"."""
    if kind[0] == "h":
        return "#" * max(2, int(kind[1])) + " " + text
    return "- " + text if kind == "li" else text
