import pytest

from scrapedocs.extract import derived_title, extract
from scrapedocs.extract.fields import labelled_fields, parse_date
from scrapedocs.model import BEFORE

from helpers import make_doc

BODY = "近日，国务院印发《关于加强知识产权保护的若干意见》，对今后一个时期的工作作出部署，要求各地区认真贯彻落实。"


def doc_with(head, body, tail=()):
    doc = make_doc("\n".join([*head, *body, *tail]))
    for line in doc.lines:
        line.kept = line.text in body
    return extract(doc)


def test_dates_in_the_forms_chinese_sites_print():
    assert parse_date("2005年5月7日") == "2005-05-07"
    assert parse_date("发布时间：2005-5-7 21:23:57") == "2005-05-07"
    assert parse_date("2021.11.01") == "2021-11-01"
    assert parse_date("二〇二一年十一月一日") == "2021-11-01"
    assert parse_date("2021年11月") is None
    assert parse_date("13:45") is None


def test_labelled_fields_split_on_gaps_and_labels():
    fields = labelled_fields("发布日期：2021-11-01 来源：中新社 作者：孙自法 浏览次数：1105")
    assert fields == [("date", "2021-11-01"), ("source", "中新社"), ("author", "孙自法")]


def test_metadata_comes_from_header_and_footer():
    doc = doc_with(
        ["当前位置：首页 > 新闻", "国务院印发知识产权保护意见", "发布时间：2022年3月4日 来源：新华社"],
        [BODY],
        ["责任编辑：李四", "免责声明：转载文章链接：https://example.cn/a/1.html，如有侵权请联系。"],
    )
    assert doc.meta["source_file"] == "page.txt"
    assert doc.meta["date"] == "2022-03-04"
    assert doc.meta["source"] == "新华社"
    assert doc.meta["editor"] == "李四"
    assert doc.meta["url"] == "https://example.cn/a/1.html"
    assert doc.meta["lang"] == "zh"


def test_unknown_fields_are_absent_not_guessed():
    doc = doc_with([], [BODY])
    assert set(doc.meta) == {"source_file", "title", "lang"}


def test_title_is_the_first_plain_head_line():
    doc = make_doc("\n".join(["首页 > 新闻", "知识产权保护意见发布", "2022-03-04", BODY]))
    reasons = ["breadcrumb", BEFORE, "metadata", ""]
    for line, reason in zip(doc.lines, reasons):
        line.kept, line.reason = not reason, reason
    doc = extract(doc)
    assert doc.meta["title"] == "知识产权保护意见发布"
    assert doc.meta["date"] == "2022-03-04"


def test_outlet_on_its_own_line_beside_the_date():
    doc = make_doc("\n".join(["标题在这里", "新华网综合", "2020-12-05", BODY]))
    for line, reason in zip(doc.lines, [BEFORE, BEFORE, "metadata", ""]):
        line.kept, line.reason = not reason, reason
    assert extract(doc).meta["source"] == "新华网综合"


def test_closing_byline_gives_the_author():
    doc = doc_with([], [BODY + "（记者 孙自法）"])
    assert doc.meta["author"] == "孙自法"


def test_summary_becomes_description():
    doc = doc_with(["核心提示：国务院印发意见。"], [BODY])
    assert doc.meta["description"] == "国务院印发意见。"


def test_english_page_gets_a_short_derived_title():
    first = ("Xinhua, Beijing, May 3. The State Council recently issued a long and detailed plan on "
             "intellectual property protection and use for the next five years, officials said.")
    doc = doc_with([], [first, "It covers patents."])
    assert doc.meta["lang"] == "en"
    assert doc.meta["title"].startswith("The State Council recently issued")
    assert len(doc.meta["title"]) < len(first) / 2


def test_a_chinese_post_of_program_code_is_chinese():
    code = ["<html>", "<head>", "<title>My JSP 'register.jsp' starting page</title>", "</head>",
            "String path = request.getContextPath();", "public void destroy() {", "    super.destroy(); // log", "}"]
    doc = doc_with([], ["第十三周作业：用 JSP 和 Servlet 写一个注册页面，代码如下。", *code * 5])
    assert doc.meta["lang"] == "zh"


def test_chinese_derived_title_is_short():
    doc = make_doc("国务院近日印发关于知识产权保护的若干意见并要求各地各部门结合实际认真贯彻落实，确保取得实效。")
    doc.lines[0].kept = True
    title = derived_title(doc)
    assert len(title) <= 31 and title.startswith("国务院近日印发")


# ---------------------------------------------------------------- headlines (issues 9 and 10)

def _head_doc(head, body=(BODY,)):
    from scrapedocs.clean import clean

    return extract(clean(make_doc("\n".join([*head, *body]))))


def test_a_headline_that_contains_a_menu_word_is_still_the_title():
    doc = _head_doc(["网站首页 新闻中心 商标注册 专利申请 联系我们", "关于进一步加强商标注册管理工作的通知", "2022-03-04"])
    assert doc.meta["title"] == "关于进一步加强商标注册管理工作的通知"


def test_a_short_menu_line_with_the_same_word_is_not_the_title():
    doc = _head_doc(["用户注册", "2022-03-04"])
    assert doc.meta["title"] != "用户注册"


def test_a_clause_of_the_body_is_not_the_title():
    doc = _head_doc(["网站首页 > 通知公告", "国务院关于加强知识产权保护的通知", "各省、自治区、直辖市人民政府："])
    assert doc.meta["title"] == "国务院关于加强知识产权保护的通知"
    doc = _head_doc(["另一方面，"])
    assert doc.meta["title"] != "另一方面，"


def test_a_headline_the_cleaner_kept_with_the_article_is_the_title_not_its_first_clause():
    # A comma makes the headline look like a sentence, so the cleaner keeps it with the article.
    doc = _head_doc(["王小明：全面提升专利转化运用，助力乡村振兴"])
    assert doc.meta["title"] == "王小明：全面提升专利转化运用，助力乡村振兴"
    assert [line.text for line in doc.body][0] == BODY  # not repeated in the body


def test_a_short_first_sentence_is_not_taken_for_a_headline():
    doc = _head_doc(["会议强调，要加强保护。"])
    assert doc.meta["title"] != "会议强调，要加强保护。"


def test_an_injected_markup_line_under_the_headline_is_not_the_title():
    doc = _head_doc(["知识产权保护意见发布", '<iframe src="https://evil.example/x" width="1" height="1"></iframe>'])
    assert doc.meta["title"] == "知识产权保护意见发布"


# ---------------------------------------------------------------- dates and authors (issue 11)

@pytest.mark.parametrize("line, date", [
    ("发表于 2004年12月27日 12:40 - (阅读:35;评论:2)", "2004-12-27"),
    ("本贴由 老猫 于2005年8月12日16:12:21在〖知识产权〗发表", "2005-08-12"),
])
def test_post_stamps_give_the_date(line, date):
    assert doc_with([], [BODY], [line]).meta["date"] == date


def test_a_notice_is_dated_by_its_written_date():
    doc = doc_with(["发布日期：2021-11-05", "成文日期：2021-10-28"], [BODY])
    assert doc.meta["date"] == "2021-10-28"


@pytest.mark.parametrize("lines, author", [
    (["（ 责任编辑：王小明 ）"], "王小明"),
    (["责任编辑：杜硕_NB12556"], "杜硕"),
    (["编辑： 张三 来源： 法制日报 作者：李四 王五"], "李四 王五"),
    (["本报记者王小明李四发自北京"], "王小明 李四"),
    (["（赵六 上海报道）"], "赵六"),
    (["本贴由 老猫 于2005年8月12日16:12:21在〖知识产权〗发表"], "老猫"),
])
def test_bylines_in_the_forms_chinese_sites_print(lines, author):
    assert doc_with(lines, [BODY]).meta["author"] == author


def test_a_two_digit_year_in_a_labelled_date():
    assert doc_with(["发布时间：18-03-08 23:16"], [BODY]).meta["date"] == "2018-03-08"


def test_a_photographer_and_a_quoted_headline_are_not_the_author():
    doc = doc_with(["图片来源：每经记者 张蕊 摄"], [BODY], ["香港市民怒斥记者:中国是我的国家", "责任编辑：荀建国_NN7379"])
    assert doc.meta["author"] == "荀建国"


def test_an_outlets_reporter_alone_on_a_line_of_the_body():
    doc = doc_with([], [BODY, "扬子晚报记者 张楠", BODY + "又及。"])
    assert doc.meta["author"] == "张楠"


def test_a_link_glued_after_the_authors_is_not_a_name():
    assert doc_with([], [BODY], ["作者：余毅菁 向雪妮 返回富达，查看更多"]).meta["author"] == "余毅菁 向雪妮"


def test_a_paragraph_above_the_article_is_not_its_headline():
    """Two sentences are a paragraph, however many characters they have; the short line above is the headline."""
    doc = _head_doc(["关于加强知识产权保护的实施方案", "某日报北京5月1日电 有关部门日前印发方案。方案明确了今后三年的重点任务和分工。"])
    assert doc.meta["title"] == "关于加强知识产权保护的实施方案"
