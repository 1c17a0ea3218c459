import yaml
from helpers import make_doc

from scrapedocs.model import Block
from scrapedocs.render import escape, render


def test_markdown_characters_render_as_written():
    assert escape("*重点*_任务_ [1]") == r"\*重点\*\_任务\_ \[1\]"
    assert escape("# 不是标题") == r"\# 不是标题"
    assert escape("1. 不是列表") == r"1\. 不是列表"
    assert escape("- 不是列表") == r"\- 不是列表"
    assert escape("2019年") == "2019年"


def test_html_and_script_are_escaped():
    assert escape('<script>alert("x")</script>') == '&lt;script&gt;alert("x")&lt;/script&gt;'
    assert escape("AT&T &copy;") == "AT&amp;T &amp;copy;"


def test_page_has_ordered_front_matter_and_blocks():
    doc = make_doc("")
    doc.meta = {"lang": "zh", "title": "标题: 含冒号", "source_file": "a.txt", "date": "2021-11-01"}
    doc.blocks = [Block("heading", "一、总体要求", level=2), Block("paragraph", "正文。"),
                  Block("paragraph", "本法所称专利。", lead="第二条")]
    md = render(doc).markdown
    head, body = md.split("---\n")[1], md.split("---\n", 2)[2]
    assert list(yaml.safe_load(head)) == ["source_file", "title", "date", "lang"]
    assert yaml.safe_load(head)["title"] == "标题: 含冒号"
    assert body == "\n## 一、总体要求\n\n正文。\n\n**第二条** 本法所称专利。\n"


def test_link_spans_become_relative_links_and_text_stays_escaped():
    from scrapedocs.model import Link

    doc = make_doc("")
    doc.slug = "news/a"
    text = "印发《规划*》，见《纲要》。"
    doc.blocks = [Block("paragraph", text, links=[Link(2, 7, "articles/plan.md"), Link(9, 13, "cited/outline.md")])]
    doc.appendix = ["## 被引用\n\n- 引用句"]
    body = render(doc).markdown.split("---\n", 2)[2]
    assert "[《规划\\*》](../plan.md)" in body
    assert "[《纲要》](../../cited/outline.md)" in body
    # generated lists close the page, shown but left out of search
    assert body.endswith('<div data-pagefind-ignore markdown="1">\n\n## 被引用\n\n- 引用句\n\n</div>\n')


def test_front_matter_values_are_inert_wherever_a_theme_prints_them():
    doc = make_doc("")
    doc.meta = {"source_file": "<img src=x onerror=alert(1)>.txt", "title": 'A "Plan" <script>alert(1)</script>',
                "description": "x\" onload=\"alert(1)", "author": "AT&T's", "tags": ["<b>", 'a"b'],
                "url": 'https://x.cn/a?b=1&c="2"', "date": "2021-11-01", "excerpt": True}
    meta = yaml.safe_load(render(doc).markdown.split("---\n")[1])
    assert meta == {"source_file": "＜img src=x onerror=alert(1)＞.txt", "title": "A “Plan” ＜script＞alert(1)＜/script＞",
                    "date": "2021-11-01", "excerpt": True, "author": "AT＆T’s", "url": "https://x.cn/a?b=1&c=%222%22",
                    "description": "x“ onload=”alert(1)", "tags": ["＜b＞", "a”b"]}
    assert doc.meta["title"] == 'A "Plan" <script>alert(1)</script>'  # the pages' own Markdown escapes it


def test_values_no_stage_should_produce_are_dropped_with_a_warning():
    doc = make_doc("")
    doc.meta = {"title": "标题", "description": ["<b>a</b>"], "date": "not a date", "lang": "zh\"><x", "tags": "一个",
                "keywords": {"a": 1}, "excerpt": False, "url": "javascript:alert(1)"}
    meta = yaml.safe_load(render(doc).markdown.split("---\n")[1])
    assert meta == {"title": "标题", "tags": ["一个"]}
    assert len(doc.warnings) == 5 and all(w.startswith("metadata field '") for w in doc.warnings)


def test_a_huge_metadata_value_is_cut_with_a_warning():
    doc = make_doc("")
    doc.meta = {"title": "标题" * 2000}
    meta = yaml.safe_load(render(doc).markdown.split("---\n")[1])
    assert len(meta["title"]) == 1000 and meta["title"].endswith("…")
    assert doc.warnings == ["metadata field 'title' cut to 1,000 characters"]


# --- limits: a page's cost in the site build is bounded (render/limits.py) ----------------------

def _site_html(markdown_text: str, path: str = "articles/x.md") -> str:
    """The page's HTML as the site renders it (mkdocs.yml's Markdown configuration, MkDocs' own render)."""
    from conftest import ROOT
    from scrapedocs.config import site_markdown
    from scrapedocs.render.html import render_markdown, settings

    return render_markdown(path, markdown_text, settings(site_markdown(ROOT / "mkdocs.yml"), str(ROOT / "docs")))["html"]


def _text(html: str) -> str:
    import lxml.html

    return "".join(lxml.html.fragment_fromstring(html, create_parent="div").itertext()).replace("¶", "")  # permalinks


def _squeezed(text: str) -> str:
    import re

    return re.sub(r"\s+", "", text)


def test_a_long_paragraph_of_links_is_split_at_sentence_ends_keeping_every_character_and_link():
    from scrapedocs.model import Link
    from scrapedocs.render.limits import MAX_LINKS, MAX_PARAGRAPH

    sentence = "根据《关于加强知识产权保护的意见》第{}条，各地落实保护措施。"
    text, links = "", []
    for i in range(400):  # 400 sentences, each linking a different document: 20 links at most per piece
        part = sentence.format(i)
        start = len(text) + part.index("《")
        links.append(Link(start, start + len("《关于加强知识产权保护的意见》"), f"cited/{i}.md"))
        text += part
    doc = make_doc("")
    doc.slug = "a"
    doc.blocks = [Block("paragraph", text, links=links, lead="第一条")]
    render(doc)
    pieces = [b.strip() for b in doc.markdown.split("---\n", 2)[2].split("\n\n") if b.strip()]
    pieces = [p for p in pieces if not p.startswith("[《")]  # the reference definitions at the end
    assert len(pieces) >= 400 // MAX_LINKS
    assert all(piece.count("](") <= MAX_LINKS and len(piece) < 2 * MAX_PARAGRAPH for piece in pieces)
    assert pieces[0].startswith("**第一条** 根据") and all(p.endswith("。") for p in pieces)
    html = _site_html(doc.markdown)
    assert _squeezed(_text(html)) == "第一条" + text  # nothing dropped
    assert html.count("<a href=") == 400  # every link kept
    assert doc.degraded == ["paragraphs over 3,000 characters or 20 links split at sentence ends: 1"]


def test_a_sentence_without_ends_is_cut_at_pauses_then_at_the_limit_never_inside_a_link():
    from scrapedocs.model import Link
    from scrapedocs.render.limits import MAX_PARAGRAPH, split

    text = "知识产权" * 500 + "，" + "保护" * 3000
    pause = text.index("，") + 1
    links = [Link(pause + 100, pause + 110, "cited/x.md"),  # inside the second piece
             Link(pause + MAX_PARAGRAPH - 2, pause + MAX_PARAGRAPH + 5, "cited/y.md")]  # across its limit
    pieces = split(Block("paragraph", text, links=links))
    assert "".join(p.text for p in pieces) == text
    assert len(pieces[0].text) == pause and pieces[0].text.endswith("，")  # the pause, not the limit
    assert len(pieces[1].text) == MAX_PARAGRAPH - 2  # the limit, moved before the link it would cut
    assert all(len(p.text) <= MAX_PARAGRAPH for p in pieces)
    spans = [p.text[lk.start:lk.end] for p in pieces for lk in p.links]
    assert spans == [text[lk.start:lk.end] for lk in links], "each link whole, in one piece"


def test_a_page_past_its_budget_writes_later_blocks_as_plain_text_nothing_live_nothing_lost():
    from scrapedocs.render.limits import PAGE_BUDGET, ENTITY_COST

    hostile = "<img src=x onerror=alert(1)>*_`[&|" * 40
    count = int(PAGE_BUDGET / (ENTITY_COST * 60 * 2)) + 10  # more paragraphs than the budget affords
    doc = make_doc("")
    doc.blocks = [Block("heading", "一、<总体>", level=2)] + [Block("paragraph", f"{i}{hostile}") for i in range(count)]
    render(doc)
    body = doc.markdown.split("---\n", 2)[2]
    assert body.count("\n<p>") > 0 and "\\*" in body  # both forms on the page
    html = _site_html(doc.markdown)
    assert "<img" not in html and "onerror=alert(1)&gt;" in html
    assert _squeezed(_text(html)) == _squeezed("".join(["一、<总体>"] + [b.text for b in doc.blocks[1:]]))
    assert any("past the page's Markdown budget" in note for note in doc.degraded)


def test_huge_tables_and_too_many_headings_are_written_plainer():
    from scrapedocs.render.limits import MAX_HEADINGS, MAX_TABLE_CELLS

    doc = make_doc("")
    cells = [f"c{i}" for i in range(MAX_TABLE_CELLS + 1)]
    doc.blocks = ([Block("table", "| " + " | ".join(cells) + " |\n| " + " | ".join("---" for _ in cells) + " |")]
                  + [Block("heading", f"第{i}节", level=3) for i in range(MAX_HEADINGS + 5)])
    render(doc)
    html = _site_html(doc.markdown)
    assert "<table>" not in html and "c0 | c1 | c2" in html and f"c{MAX_TABLE_CELLS}" in html
    assert html.count("<h3") == MAX_HEADINGS and html.count("<strong>第") == 5
    assert {"tables over 2,000 cells written as one paragraph per row: 1",
            "headings after the first 1,000 written as bold paragraphs: 5"} <= set(doc.degraded)


def test_a_page_whose_inputs_did_not_change_is_taken_from_the_docs_folder(tmp_path):
    """The render stage keeps a digest of each page's inputs (render.memo): a rebuild reads an unchanged
    page from docs/ instead of writing it again; a changed title updates the page citing it; a page
    changed by hand in docs/ is written again; the pages always equal a build without the cache."""
    from pathlib import Path

    import scrapedocs.render.memo as memo
    from helpers import write_corpus
    from scrapedocs import publish
    from scrapedocs.config import BuildConfig
    from scrapedocs.pipeline import build_collection

    seeds, docs = tmp_path / "in", tmp_path / "docs"
    titles = write_corpus(seeds, 5)
    config = BuildConfig(input_dir=seeds, docs_dir=docs, report=tmp_path / "build" / "report.json",
                         project_dir=tmp_path, jobs=1)
    rendered: list[str] = []

    def build(**change) -> dict[str, str]:
        from dataclasses import replace

        rendered.clear()
        files = publish.plan(build_collection(replace(config, **change)))
        if not change:
            publish.write(files, docs)
        return files

    original = memo.render
    memo.render = lambda doc: rendered.append(doc.page) or original(doc)
    try:
        first = build()
        assert len(rendered) == 5
        assert build() == first and rendered == []
        (seeds / "doc00.txt").write_text((seeds / "doc00.txt").read_text(encoding="utf-8")
                                         .replace(titles[0], titles[0].replace("通知", "决定")), encoding="utf-8")
        again = build()
        assert again == build(use_cache=False)
        assert titles[0].replace("通知", "决定") in again["articles/" + Path(rendered[0]).name]
        cites = next(path for path, text in first.items() if path.startswith("articles/") and f"《{titles[0]}》" in text)
        assert cites in rendered and again[cites] != first[cites], "the citing page links the new title"
        page = docs / cites
        page.write_text(page.read_text(encoding="utf-8") + "手工加的一段。\n", encoding="utf-8")
        assert build() == again and rendered == [cites]
    finally:
        memo.render = original


def test_the_digest_of_a_pages_inputs_changes_with_each_thing_render_reads():
    """`render.memo.inputs` keys the page kept from the last build: it must change when anything the
    page is written from changes (else an edit would publish a stale page)."""
    import copy

    from scrapedocs.model import Link
    from scrapedocs.render.memo import inputs

    doc = make_doc("")
    doc.slug, doc.meta = "a", {"title": "甲", "date": "2021-01-01"}
    doc.blocks = [Block("paragraph", "依照《专利法》办理。", links=[Link(2, 7, "articles/b.md")]),
                  Block("heading", "一、总则", level=2)]
    doc.appendix = ["## 被引用\n\n- [乙](b.md)"]
    base = inputs(doc, "v1")
    assert base == inputs(copy.deepcopy(doc), "v1")
    changes = [
        lambda d: setattr(d, "slug", "b"),
        lambda d: d.meta.update(title="乙"),
        lambda d: d.meta.update(tags=["专利"]),
        lambda d: setattr(d.blocks[0], "text", "依照《专利法》办理！"),
        lambda d: setattr(d.blocks[1], "kind", "paragraph"),
        lambda d: setattr(d.blocks[1], "level", 3),
        lambda d: setattr(d.blocks[0], "lead", "第一条"),
        lambda d: setattr(d.blocks[0].links[0], "start", 3),
        lambda d: setattr(d.blocks[0].links[0], "end", 6),
        lambda d: setattr(d.blocks[0].links[0], "target", "cited/x.md"),
        lambda d: d.blocks[1].links.append(Link(0, 1, "articles/c.md")),
        lambda d: d.blocks.append(Block("paragraph", "又一段。")),
        lambda d: d.appendix.append("## 相关文档"),
    ]
    for change in changes:
        changed = copy.deepcopy(doc)
        change(changed)
        assert inputs(changed, "v1") != base
    assert inputs(doc, "v2") != base
    doc.meta["odd"] = lambda: None  # cannot be pickled: no digest, the page is rendered
    assert inputs(doc, "v1") is None


def test_writing_the_docs_folder_trusts_only_the_very_pages_the_render_stage_read_there(tmp_path):
    """`Collection.on_disk`: a page whose Markdown is the string read from docs/ is not read again to
    compare; any other string (a page rendered again, an equal copy) is compared with the file."""
    from scrapedocs import publish

    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "a.md").write_text("old\n", encoding="utf-8")
    read = (docs / "articles" / "a.md").read_text(encoding="utf-8")
    assert publish.differences({"articles/a.md": read}, docs, {"articles/a.md": read}) == []
    fresh = "".join(["ne", "w\n"])
    assert publish.differences({"articles/a.md": fresh}, docs, {"articles/a.md": "".join(["ne", "w\n"])}) == ["articles/a.md"]
    assert publish.write({"articles/a.md": fresh}, docs, on_disk={"articles/a.md": read}) == ["articles/a.md"]
    assert (docs / "articles" / "a.md").read_text(encoding="utf-8") == "new\n"
