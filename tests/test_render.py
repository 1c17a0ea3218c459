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
