"""HTML → article: one test per rule, on small hand-made pages; the dev set holds the floor."""
import pytest

from scrapedocs.clean.html import extract_article
from scrapedocs.extract.page import site_free_title

PARAGRAPHS = "".join(
    f"<p>第{i}段：知识产权保护工作关系国家治理体系和治理能力现代化，关系高质量发展，关系人民生活幸福。</p>" for i in range(1, 5)
)


def html(body: str, head: str = "<title>标题</title>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("title, expected", [
    ("多地项目连环爆雷 狂奔的龙湖集团_网易财经", "多地项目连环爆雷 狂奔的龙湖集团"),
    ("关于推进知识产权保护的意见 | 国家知识产权局", "关于推进知识产权保护的意见"),
    ("苹果发布新iPhone 11|苹果|新品_电信_新浪科技_新浪网", "苹果发布新iPhone 11"),
    ("女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网", "女儿出嫁，郑板桥画了几笔兰花当嫁妆"),
    ("华为发布新款芯片-新浪网", "华为发布新款芯片"),
    ("1-10月德清县固定资产投资结构趋稳趋优", "1-10月德清县固定资产投资结构趋稳趋优"),
])
def test_site_suffix_is_stripped_from_the_title(title, expected):
    assert site_free_title(title) == expected


def test_headline_on_the_page_names_the_title():
    page = html(f"<h1>棱镜|数据业大整顿</h1><div>{PARAGRAPHS}</div>", "<title>棱镜|数据业大整顿_财经_腾讯网</title>")
    lines, hints = extract_article(page)
    assert hints["title"] == "棱镜|数据业大整顿"
    assert "棱镜|数据业大整顿" not in lines  # the headline is front matter, not body


def test_noise_is_dropped_and_the_article_chosen():
    page = html(
        "<nav>首页 新闻 财经</nav><div class='share-bar'>分享到：微博 微信</div>"
        "<div class='sidebar'><ul><li><a href='/1'>热门文章一，很多很多字的标题。</a></li></ul></div>"
        f"<div class='article'>{PARAGRAPHS}<div class='pager'>上一页 1 2 3 下一页</div></div>"
        "<div id='comment-list'><p>网友：说得好，支持！我也这么认为，真的很好。</p></div>"
        "<div class='calendar'><table><tr><td>1</td><td>2</td></tr></table></div>"
        "<footer>版权所有 © 2021 某某网</footer><script>var a = '脚本，不是正文。';</script><!-- 注释，不是正文。 -->"
    )
    lines, _ = extract_article(page)
    assert len(lines) == 4 and all(line.startswith("第") for line in lines)


def test_link_lists_inside_the_article_are_dropped():
    links = "".join(f"<li><a href='/{i}'>相关阅读：另一篇文章的标题{i}</a></li>" for i in range(5))
    lines, _ = extract_article(html(f"<div>{PARAGRAPHS}<ul>{links}</ul></div>"))
    assert not any("相关阅读" in line for line in lines)


def test_headings_lists_tables_and_images_are_kept():
    body = (f"<div><h2>一、总体情况</h2>{PARAGRAPHS}<ul><li>第一项</li><li>第二项</li></ul>"
            "<table><tr><th>指标</th><th>数值</th></tr><tr><td>增加值</td><td>5.2%</td></tr></table>"
            "<img src='a.jpg' alt='会议现场'><img src='b.jpg' alt='IMG_001.jpg'></div>")
    lines, _ = extract_article(html(body))
    assert lines[0] == "## 一、总体情况"
    assert "- 第一项" in lines and "- 第二项" in lines
    assert ["| 指标 | 数值 |", "| --- | --- |", "| 增加值 | 5.2% |"] == [line for line in lines if line.startswith("|")]
    assert "会议现场" in lines and not any("IMG_001" in line for line in lines)


def test_meta_tags_and_canonical_url_become_hints():
    head = ('<title>标题_新华网</title><meta name="description" content="一句话摘要。">'
            '<meta name="keywords" content="知识产权,保护"><meta property="article:published_time" '
            'content="2021-11-01T08:00:00+08:00"><meta name="author" content="张三">'
            '<link rel="canonical" href="https://example.cn/a/1.html">')
    _, hints = extract_article(html(f"<div>{PARAGRAPHS}</div>", head))
    assert hints == {"title": "标题", "description": "一句话摘要。", "keywords": "知识产权,保护",
                     "date": "2021-11-01", "author": "张三", "url": "https://example.cn/a/1.html"}


def test_site_name_in_meta_author_is_not_an_author():
    head = '<title>标题_网易新闻</title><meta name="author" content="网易">'
    _, hints = extract_article(html(f"<div>{PARAGRAPHS}</div>", head))
    assert "author" not in hints


@pytest.mark.parametrize("byline, date", [
    ("2005年5月7日 21:23 来源：新华社", "2005-05-07"),
    ("发布时间：2005-5-7 21:23:57", "2005-05-07"),
    ("日期：2021.11.01", "2021-11-01"),
    ("二〇二一年十一月一日", "2021-11-01"),
])
def test_byline_dates_in_chinese_forms(byline, date):
    page = html(f"<h1>标题</h1><div class='info'>{byline}</div><div>{PARAGRAPHS}</div>")
    assert extract_article(page)[1]["date"] == date


def test_article_date_beats_copyright_year_and_sidebar_dates():
    page = html("<div class='list'><a href='/x'>旧闻 2019-01-01</a></div><h1>标题</h1>"
                f"<div>2021年3月5日 来源：人民网</div><div>{PARAGRAPHS}</div>"
                "<div>Copyright © 2023 版权所有</div>")
    assert extract_article(page)[1]["date"] == "2021-03-05"


@pytest.mark.parametrize("where, author", [
    ("<div>2021-03-05 来源：人民网 作者：李四</div>", "李四"),
    ("<p>（记者 王五）</p>", "王五"),
    ("<p>扬子晚报记者 张楠</p>", "张楠"),
])
def test_bylines_name_the_author(where, author):
    page = html(f"<h1>标题</h1>{where if '作者' in where else ''}<div>{PARAGRAPHS}"
                f"{where if '作者' not in where else ''}</div>")
    lines, hints = extract_article(page)
    assert hints["author"] == author and hints.get("source", "人民网") == "人民网"


def test_page_without_article_gives_no_lines():
    assert extract_article(html("<nav><a href='/'>首页</a></nav>"))[0] == []


# ---------------------------------------------------------------- the development set

def _scorer():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Floors on the hand-labelled dev set (tests/fixtures/devset, 68 pages): the scores reached, less a margin.
#: Measured when the set grew from 28 to 68 pages (html 0.981/0.897/0.295, text 0.908/0.779/0.227);
#: the new gold names editors as authors when a page names no writer, hence the low author floors.
FLOORS = {"scrapedocs-html": (0.96, 0.85, 0.25), "scrapedocs-text": (0.88, 0.72, 0.18)}  # F1, date, author


@pytest.mark.parametrize("system", sorted(FLOORS))
def test_devset_scores_hold_their_floor(system):
    scorer = _scorer()
    result = scorer.score(system, scorer.load_gold())
    f1, date, author = FLOORS[system]
    assert result["pages"] >= 20
    assert result["f1"] >= f1 and result["date"] >= date and result["author"] >= author, result
