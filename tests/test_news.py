"""文种 only from evidence (issue 16, item 5), on made-up pages: 新闻 where the page prints what news prints,
博客, 论坛, 问答 for those kinds of pages, otherwise nothing; an official document's 文种 from its title as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_doc
from scrapedocs.clean import clean
from scrapedocs.extract import extract
from scrapedocs.extract.policy import apply_policy, explain
from scrapedocs.model import Collection, Document
from scrapedocs.pipeline import PIPELINE, convert
from scrapedocs.restore import restore_document

STORY = ("国家知识产权局近日发布数据，今年前四个月我国发明专利授权量同比增长，知识产权保护工作取得新进展。"
         "业内人士认为，这表明创新活力持续增强，相关政策效果逐步显现。")
MORE = "下一步，有关部门将继续完善知识产权保护体系，加大对侵权行为的打击力度，营造良好的创新环境。"


def dump(*lines: str, genre: str | None = None) -> Document:
    doc = make_doc("\n".join(lines))
    doc = clean(doc)
    if genre:
        doc.hints["genre"] = genre
    return apply_policy(extract(restore_document(doc)))


@pytest.mark.parametrize("opening", [
    "新华社北京5月20日电（记者 王小明）",
    "中新网5月20日电 ",
    "本报北京5月20日讯 ",
    "本报讯（记者 李四）",
    "新京报讯 ",
    "日前，记者从国家知识产权局获悉，",
])
def test_the_opening_of_a_news_story_is_evidence(opening):
    doc = dump("首页 > 新闻", "发明专利授权量同比增长", opening + STORY, MORE)
    assert doc.meta.get("doc_type") == "新闻", opening


def test_a_reporters_closing_byline_is_evidence():
    doc = dump("首页 > 新闻", "发明专利授权量同比增长", STORY, MORE, "（记者 孙自法）")
    assert doc.meta["doc_type"] == "新闻"


def test_an_outlet_and_a_date_in_the_byline_are_evidence():
    doc = dump("首页 > 新闻", "发明专利授权量同比增长", "2024年05月20日 09:05 环球网", STORY, MORE)
    assert doc.meta["doc_type"] == "新闻"
    assert "doc_type: 新闻 ← news (outlet and date in the byline: 环球网)" in explain(doc)


def test_an_english_dateline_is_evidence():
    doc = dump("Xinhua News Agency, Beijing, May 20. China granted more invention patents in the first four months "
               "of the year, the national intellectual property office said on Monday.",
               "The office will step up the protection of intellectual property rights.")
    assert doc.meta["lang"] == "en" and doc.meta["doc_type"] == "新闻"


def test_an_author_alone_is_not_news():
    """A blog post, a poem, an encyclopedia page that name their author are not news."""
    doc = dump("首页 > 随笔", "春日随想", "作者：张三", STORY, MORE)
    assert doc.meta.get("author") == "张三"
    assert "doc_type" not in doc.meta
    poem = dump("首页 > 古诗文", "静夜思", "作者：李白", "床前明月光，疑是地上霜。", "举头望明月，低头思故乡。")
    assert "doc_type" not in poem.meta


def test_a_reporter_named_inside_a_sentence_is_not_a_byline():
    doc = dump("首页 > 随笔", "一次采访", "他接受了中新社记者专访，谈到了自己多年来从事专利代理工作的经历和体会。", MORE)
    assert "doc_type" not in doc.meta


@pytest.mark.parametrize("genre, kind", [("blog", "博客"), ("forum", "论坛"), ("qa", "问答")])
def test_the_page_kind_the_clean_stage_found_gives_the_type(genre, kind):
    doc = dump("首页 > 社区", "发明专利授权量同比增长", "新华社北京5月20日电 " + STORY, MORE, genre=genre)
    assert doc.meta["doc_type"] == kind, "a thread quoting a news story is a thread"
    assert f"doc_type: {kind} ← page kind: {genre}" in explain(doc)


def test_an_unknown_page_kind_is_ignored():
    doc = dump("首页 > 随笔", "春日随想", STORY, MORE, genre="poem")
    assert "doc_type" not in doc.meta


def test_an_official_documents_title_wins():
    doc = dump("首页 > 新闻", "国家知识产权局关于开展专利代理行业专项整治工作的通知", "新华社北京5月20日电 " + STORY, MORE,
               genre="blog")
    assert doc.meta["doc_type"] == "通知"


def test_an_html_byline_above_the_article_is_evidence():
    html = ("<html><head><meta charset='utf-8'><title>发明专利授权量同比增长_新闻频道</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻</a></div>"
            "<h1>发明专利授权量同比增长</h1><div class='info'><span>2024年05月20日 09:05</span> <span>北京日报</span></div>"
            f"<div class='content'><p>{STORY}</p><p>{MORE}</p></div></body></html>")
    doc = Document(path=Path("story.html"), relpath="story.html", data=html.encode())
    doc = convert(Collection([doc]), [s for s in PIPELINE if s.name != "render"]).docs[0]
    assert doc.meta["doc_type"] == "新闻"
    assert any("北京日报" in line for line in explain(doc))
