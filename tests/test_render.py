import yaml

from scrapedocs.model import Block
from scrapedocs.render import escape, render

from helpers import make_doc


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
