"""The headline is the title: one test per kind of page where the site's name or a menu word used to win.

Pages are made up, shaped like the older pages of news sites, blogs and forums (site-only
`<title>`s, headlines in table cells and bold lines, menus and bylines above the article).
"""
import pytest

from scrapedocs.clean.headline import SelfName, named_title, title_parts
from scrapedocs.clean.html import explain_article

ARTICLE = "".join(f"<p>第{i}段正文，讲述事情的经过和各方的看法，文字足够长，标点齐全。这是第二句话。</p>" for i in range(1, 6))


def page(body: str, title: str = "", head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


def title_of(html: str) -> str | None:
    _, hints, _ = explain_article(html)
    return hints.get("title")


def test_a_title_that_is_only_the_site_gives_way_to_the_headline_above_the_article():
    html = page("<div class='logo'>网易娱乐</div><ul><li><a href='/'>首页</a></li><li><a href='/m'>电影</a></li></ul>"
                f"<h1>王菲新专辑发布 歌迷排队到深夜</h1><div class='info'>2005-06-01 网易娱乐</div><div>{ARTICLE}</div>",
                title="网易娱乐")
    assert title_of(html) == "王菲新专辑发布 歌迷排队到深夜"


@pytest.mark.parametrize("menu", ["显示", "导航", "正文"])
def test_a_menu_word_set_as_a_heading_is_not_the_title(menu):
    html = page(f"<h2>{menu}</h2><table><tr><td><b>北京大学举行百年校庆纪念大会</b></td></tr>"
                f"<tr><td>{ARTICLE}</td></tr></table>", title="北医新闻网")
    assert title_of(html) == "北京大学举行百年校庆纪念大会"


def test_a_blogs_name_in_its_header_is_not_the_posts_title():
    html = page("<div id='header'><h1>bjreader的博客</h1><div>记录读书与生活</div></div>"
                "<div id='sidebar'><a href='/a'>文章</a> <a href='/b'>相册</a></div>"
                + "<p>公告：欢迎光临。</p>" * 6
                + f"<div class='post'><div class='post-title'>读《围城》有感</div><div class='post-body'>{ARTICLE}</div>"
                  "<div class='post-footer'>发表于 2006-03-01 12:00 | 阅读(35) | 评论(2)</div></div>",
                title="bjreader的博客")
    assert title_of(html) == "读《围城》有感"


def test_a_blog_owners_name_as_the_page_title_is_not_the_posts_title():
    html = page("<div class='header'><h1>李建忠</h1></div>" + "<div class='nav'><a href='/'>首页</a></div>" * 6
                + f"<h3>关于软件设计的一点思考</h3><div class='postbody'>{ARTICLE}</div>", title="李建忠")
    assert title_of(html) == "关于软件设计的一点思考"


def test_a_byline_or_date_line_above_the_article_is_not_the_title():
    html = page("<div>本报讯 （实习记者 樊亮 张明超 记者惠禾）</div><div>2005年6月21日 星期二</div>"
                f"<div>{ARTICLE}</div>", title="13岁少年考上大学_新闻中心_北青网")
    assert title_of(html) == "13岁少年考上大学"


@pytest.mark.parametrize("title, expected", [
    ("多维博客 » 播客热潮的背后", "播客热潮的背后"),
    ("世艺网＞艺术教育＞少儿美术教育的误区", "少儿美术教育的误区"),
    ("下岗职工再就业（页 1） - 学术前沿", "下岗职工再就业"),
    ("金锺国 - 维基百科，自由的百科全书", "金锺国"),
    ("（99+ 封私信 / 87 条消息） 台湾突发地震 - 知乎", "台湾突发地震"),
    ("Ruby：极致的脚本语言 · Ruby China", "Ruby：极致的脚本语言"),
    ("大话四川-[原创]成都的茶馆和掏耳朵的师傅", "[原创]成都的茶馆和掏耳朵的师傅"),
])
def test_a_titles_site_parts_are_removed(title, expected):
    assert named_title(SelfName(title=title)) == expected


@pytest.mark.parametrize("title", ["-铜雀历史网", "北医新闻网", "CCTV.com", "blog.wenxuecity.com"])
def test_a_title_that_is_all_site_names_nothing(title):
    assert named_title(SelfName(title=title, url="http://blog.wenxuecity.com/x")) == ""


def test_a_blogs_name_in_the_title_gives_way_to_the_posts_title():
    html = page("<div id='banner'><h2>海姑娘</h2></div>" + "<p><a href='/1'>旧文一篇</a></p>" * 4
                + f"<div class='entry'><h3 class='entry-title'>温哥华的雨季</h3>"
                  "<div class='meta'>海姑娘 发表于 2005-11-02 10:21</div>"
                  f"<div class='entry-content'>{ARTICLE}</div></div>",
                title="海姑娘 | blog.wenxuecity.com", head="<meta property='og:url' content='http://blog.wenxuecity.com/blog/1'>")
    assert title_of(html) == "温哥华的雨季"


def test_the_sites_parts_are_judged_by_the_page_too():
    name = SelfName(title="新闻动态--中国地理学会官网", chrome=frozenset({"新闻动态"}))
    assert title_parts(name.title) == ["新闻动态", "中国地理学会官网"]
    html = page("<div class='nav'>新闻动态</div><h3>首页 - 新闻动态</h3>"
                "<h5>2019年中国人文地理学术年会在重庆成功举行！</h5><div>发布时间：2019-05-18 来源：中国地理学会</div>"
                f"<div>{ARTICLE}</div>", title=name.title)
    assert title_of(html) == "2019年中国人文地理学术年会在重庆成功举行！"


def test_a_headline_printed_on_two_lines_is_kept_whole():
    html = page("<div class='title'>对比试车</div><div class='title'>—测试昌河北斗星、爱迪尔(图)</div>"
                f"<div>{ARTICLE}</div>", title="对比试车—测试昌河北斗星、爱迪尔(图)_汽车频道")
    assert title_of(html) == "对比试车—测试昌河北斗星、爱迪尔(图)"


def test_a_title_that_did_not_decode_gives_way_to_the_visible_headline():
    html = page(f"<p align='center'><font size='5'><b>陈天华《警世钟》</b></font></p><div>{ARTICLE}</div>",
                title="China Ã¨Â­Â¦Ã¤Â¸â€“Ã©â€™Å¸")
    assert title_of(html) == "陈天华《警世钟》"


def test_labels_and_counters_printed_inside_the_headline_go():
    html = page(f"<h1><span>原创</span> 最不愁吃肉的国家 <span class='count'>241</span></h1><div>{ARTICLE}</div>",
                title="最不愁吃肉的国家_头条")
    assert title_of(html) == "最不愁吃肉的国家"


def test_column_labels_printed_inside_the_headline_stay():
    html = page(f"<h1>新华全媒+丨前4个月我国外贸向好态势进一步巩固</h1><div>{ARTICLE}</div>",
                title="新华全媒+丨前4个月我国外贸向好态势进一步巩固-新华网")
    assert title_of(html) == "新华全媒+丨前4个月我国外贸向好态势进一步巩固"


def test_a_short_headline_the_title_confirms_is_kept():
    html = page(f"<div>读古诗词网</div><h1>夜雨</h1><div>朝代：唐代</div><div>{ARTICLE}</div>",
                title="夜雨_原文、翻译及赏析_白居易诗词_读古诗词网")
    assert title_of(html) == "夜雨"


def test_an_outline_heading_inside_the_article_is_not_the_title():
    html = page(f"<div><h2>一、总体情况</h2>{ARTICLE}</div>", title="某市2019年统计公报")
    assert title_of(html) == "某市2019年统计公报"


def test_the_report_says_which_candidate_won_and_why():
    html = page(f"<h2>导航</h2><h1>王菲新专辑发布</h1><div>{ARTICLE}</div>", title="网易娱乐")
    _, hints, explanation = explain_article(html)
    title = explanation["title"]
    assert title["winner"]["text"] == hints["title"] == "王菲新专辑发布"
    assert title["why"]
    assert {"text": "导航", "refused": "a menu word"}.items() <= title["refused"][0].items()
