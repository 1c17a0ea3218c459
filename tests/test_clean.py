from scrapedocs.clean import clean
from scrapedocs.clean.chrome import fold
from scrapedocs.clean.dump import best_segment

from helpers import kept, make_doc

ARTICLE = [
    "近日，国务院印发《关于加强知识产权保护的若干意见》，对今后一个时期的工作作出部署，要求各地区各部门认真贯彻落实。",
    "意见提出，到2025年，知识产权保护社会满意度达到并保持较高水平，保护能力有效提升，保护体系更加完善。",
    "意见强调，要健全知识产权保护法律体系，加快专利法、商标法、著作权法等修改完善，推动地理标志立法。",
]

NEWS_PAGE = "\n".join([
    "您的位置：首页 > 新闻中心 > 政策解读",
    "",
    "国务院印发知识产权保护意见",
    "发布时间：2022-03-04  来源：新华社  作者：王小明  浏览次数：2331",
    "【字体：大 中 小】【打印】【关闭】",
    *ARTICLE,
    "责任编辑：李四",
    "上一篇：关于开展专项行动的通知",
    "下一篇：知识产权局召开座谈会",
    "相关新闻",
    "知识产权局召开座谈会",
    "专项行动取得阶段成效",
    "免责声明：",
    "本网站转载的文章仅供参考，不代表本网站立场。如有侵权，请联系我们删除。",
    "联系电话：010-12345678  邮箱：web@example.cn",
    "Copyright © 2022 某某网 版权所有  京ICP备12345678号-1",
    "京公网安备 11010502030000号",
])


def test_news_page_keeps_exactly_the_article():
    doc = clean(make_doc(NEWS_PAGE))
    assert kept(doc) == ARTICLE


def test_removed_lines_carry_a_reason():
    doc = clean(make_doc(NEWS_PAGE))
    reasons = {line.text.strip(): line.reason for line in doc.removed}
    assert reasons["您的位置：首页 > 新闻中心 > 政策解读"] == "breadcrumb"
    assert reasons["京公网安备 11010502030000号"] == "icp"
    assert reasons["上一篇：关于开展专项行动的通知"] == "previous/next"
    assert all(reasons.values())


def test_short_first_and_last_paragraphs_survive():
    page = "\n".join(["网站首页 >> 讲话", "在全省工作会议上的讲话", "同志们：", *ARTICLE, "谢谢大家！", "（完）",
                      "分享到：微信 微博", "返回顶部"])
    assert kept(clean(make_doc(page))) == ["同志们：", *ARTICLE, "谢谢大家！", "（完）"]


def test_outline_heading_opening_the_article_is_kept():
    page = "\n".join(["某某局2021年工作报告", "一、总体要求", *ARTICLE, "二、主要任务", *ARTICLE])
    assert kept(clean(make_doc(page)))[0] == "一、总体要求"
    assert "二、主要任务" in kept(clean(make_doc(page)))


def test_traditional_chrome_with_pinyin_is_recognised():
    page = "\n".join(["當前位置: 首頁 ? 資訊 ? 正文", "發(fā)布日期:2021-11-01??瀏覽次數(shù):1105",
                      *ARTICLE, "免責聲明:", "本網(wǎng)站部分內(nèi)容僅供參考,不代表本站立場。"])
    assert kept(clean(make_doc(page))) == ARTICLE


def test_article_sentence_mentioning_copyright_is_not_chrome():
    line = ("著作权人享有版权所有的各项权利，包括复制权、发行权、出租权、展览权、表演权、放映权、广播权、"
            "信息网络传播权等，任何单位和个人未经许可不得侵犯，否则将依法承担相应的法律责任。")
    assert line in kept(clean(make_doc("\n".join([*ARTICLE, line, *ARTICLE]))))


def test_menu_lines_and_lone_placeholders_are_removed():
    page = "\n".join(["首页 新闻 政策 解读 服务 互动 关于", "?", *ARTICLE, "?", "?"])
    doc = clean(make_doc(page))
    assert kept(doc) == ARTICLE
    assert {line.reason for line in doc.removed} >= {"breadcrumb", "placeholder"}


def test_repeated_summary_is_removed_but_a_distinct_one_kept():
    repeated = "核心提示：" + ARTICLE[0][:40]
    assert repeated not in kept(clean(make_doc("\n".join([repeated, *ARTICLE]))))
    doc = clean(make_doc("\n".join(["标题", repeated, *ARTICLE[1:]])))
    assert repeated in kept(doc)


def test_english_article_is_kept_whole():
    page = "\n".join([
        "Beijing, May 3. The office issued new guidelines on patent examination, which take effect in June.",
        "Officials said the guidelines would shorten examination times, and improve quality.",
        "The rules also cover trademarks.",
    ])
    assert kept(clean(make_doc(page))) == page.split("\n")


def test_page_without_article_is_an_error():
    doc = clean(make_doc("首页 新闻 政策 解读 服务\n版权所有 © 2020\n京ICP备123号"))
    assert doc.error and not doc.body


def test_best_segment_is_the_maximum_sum_run():
    assert best_segment([-5, 10, -3, 8, -20, 4]) == (1, 4)
    assert best_segment([-1, -2]) == (0, 0)


def test_fold_matches_on_simplified_ascii_without_pinyin():
    assert fold("瀏覽次數(shù)：12") == "浏览次数:12"


# ---------------------------------------------------------------- tables, posts, comments (issues 10 and 11)

def test_a_markdown_table_in_a_dump_is_content():
    table = ["| 项目 | 费用 | 周期 |", "| --- | --- | --- |", "| 商标注册 | 300元 | 12个月 |", "| 专利申请 | 950元 | 24个月 |"]
    doc = clean(make_doc("\n".join(["首页 > 服务", ARTICLE[0], *table, ARTICLE[1]])))
    assert kept(doc) == [ARTICLE[0], *table, ARTICLE[1]]


def test_a_brochures_aligned_rows_are_content_not_a_menu():
    rows = ["服务项目    收费标准    办理周期", "商标注册    300元    12个月", "专利申请    950元    24个月",
            "版权登记    免费    30天"]
    doc = clean(make_doc("\n".join(["网站首页 关于我们 服务项目 联系我们", ARTICLE[0], *rows, ARTICLE[1]])))
    assert kept(doc) == [ARTICLE[0], *rows, ARTICLE[1]]


def test_a_blog_dump_keeps_the_first_post_only():
    other = "另一篇日志的正文：周末去山里走了走，空气很好，拍了不少照片，回来以后整理了一个晚上才弄完。"
    page = ["某某的博客", "首页 | 日志 | 相册", "专利申请的一点体会", *ARTICLE,
            "发表于 2004年12月27日 12:40 - (阅读:35;评论:2)", "周末游记", other, other,
            "发表于 2004年12月20日 09:10 - (阅读:12;评论:0)"]
    doc = clean(make_doc("\n".join(page)))
    assert kept(doc) == ARTICLE


def test_a_forum_dump_keeps_the_first_post_not_the_replies():
    reply = "回复：我的经验是先找代理机构咨询，他们会告诉你要准备哪些材料，流程大概两到三年，耐心等待就好。"
    page = ["知识产权论坛 > 专利", "楼主 发表于 2005-8-12 16:12", *ARTICLE,
            "2楼 发表于 2005-8-12 17:30", reply, "3楼 发表于 2005-8-13 09:02", reply + "补充一句。", "← 返回"]
    doc = clean(make_doc("\n".join(page)))
    assert kept(doc) == ARTICLE


def test_a_bbs_dump_laid_out_in_two_columns_is_its_first_post_not_a_quote_of_it():
    """A sidebar beside the post puts a menu word before each paragraph; a reply quotes the post line by line."""
    menu = ["精华区", "未名博客", "俱乐部"]
    first = [f"{word}                    {text}" for word, text in zip(menu, ARTICLE)]
    quoted = [piece for text in ARTICLE for piece in (": " + text[:38], text[38:])]
    page = ["首页 分类讨论区 新闻中心", "发信人: lawyer (律师), 信区: Law", "标 题: 专利代理人考试", *first, "--",
            "※ 来源:·BBS 某某空间站·[FROM: 10.]", "发信人: user (网友), 信区: Law", "标 题: Re: 专利代理人考试",
            "说得对", "【 在 lawyer (律师) 的大作中提到: 】", *quoted, "--", "版权所有 某某空间站"]
    doc = clean(make_doc("\n".join(page)))
    assert kept(doc) == first


def test_a_dump_with_no_clear_article_keeps_its_readable_lines():
    doc = clean(make_doc("\n".join(["通知", "各有关单位", "请于本周五前报送材料", "联系电话：010-12345678"])))
    assert not doc.error and kept(doc) == ["通知", "各有关单位", "请于本周五前报送材料"]
    assert doc.warnings


def test_an_old_bbs_dump_is_its_post():
    post = ARTICLE
    page = ["首页 | 论坛 | 注册", "专利申请经验谈", "本贴由 老猫 于2005年8月12日16:12:21在〖知识产权〗发表.", *post, "回复：",
            "  * Re: 专利申请经验谈 - 小李 2005/8/12 17:00 (23 bytes)", "  * Re: 说得好，学习了 - 老王 2005/8/12 18:20 (0 bytes)",
            "← 返回 回复此贴", "Copyright © 2005 某某论坛 版权所有"]
    doc = clean(make_doc("\n".join(page)))
    assert kept(doc) == post
    assert doc.lines[2].reason == "stamp"


def test_code_blocks_in_a_technical_post_stay_inside_the_article():
    code = ["import json", "client = redis.Redis()", "def parse():", "    data = client.lpop('test')", "    return data"]
    page = ["首页 | 博客 | 关于", "Python 里的延迟调用", ARTICLE[0], *code, ARTICLE[1], *code, ARTICLE[2], "相关文章"]
    doc = clean(make_doc("\n".join(page)))
    assert kept(doc) == [ARTICLE[0], *[c.strip() for c in code], ARTICLE[1], *[c.strip() for c in code], ARTICLE[2]]


def test_a_most_read_list_under_the_article_is_not_article():
    teaser = "10月4日，我国本土确诊病例在近一个月以来首次单日新增清零，但在新疆，突如其来的反复，让众多游客陷入了尴尬。"
    doc = clean(make_doc("\n".join([*ARTICLE, "转载请注明出处：快科技", "  * 最热文章", "  * 滞留新疆的游客：8天行程秒变1日游",
                                    teaser, "    + 18"])))
    assert kept(doc) == ARTICLE


def test_a_long_paragraph_naming_its_organisers_is_not_a_disclaimer():
    first = ("为持续推动金融知识普及工作，提高社会公众防范风险的意识，9月20日，由中国人民银行常德市中心支行主办、"
             "常德市金融学会承办的金融知识宣传活动在常德市举行，吸引了众多市民参与，现场气氛热烈，市民纷纷表示收获很大。")
    doc = clean(make_doc("\n".join(["首页 > 新闻", first, *ARTICLE])))
    assert kept(doc) == [first, *ARTICLE]


def test_a_sentence_broken_over_short_lines_stays_in_the_article():
    broken = ["下周一，", "京沪高速施工就将进入第二阶段，", "也是对市民出行影响最大的一段。"]
    doc = clean(make_doc("\n".join(["首页 > 新闻", ARTICLE[0], *broken, ARTICLE[1], "标签", "热门推荐", "另一篇文章的标题"])))
    assert kept(doc) == [ARTICLE[0], *broken, ARTICLE[1]]


def test_a_headline_with_an_exclamation_and_its_dated_byline_are_not_the_article():
    doc = clean(make_doc("\n".join(["体育新闻 时政新闻", "阿婆接来电称其涉黑被骗上百万！诈骗团伙被端",
                                    "2019年09月11日 富达传媒 时政新闻 1665 0", *ARTICLE])))
    assert kept(doc) == ARTICLE


def test_a_long_disclaimer_set_inside_the_article_costs_no_paragraph():
    """The article runs across boilerplate inserted in its middle; the boilerplate line itself goes."""
    disclaimer = ("【免责声明：本网站转载的文章仅供参考，不代表本网站立场，版权归原作者所有。如有侵权，请联系我们删除。"
                  "本网站不承担任何明示或暗示的担保责任，转载请注明出处，未经许可不得转载，本站保留追究责任的权利。】")
    more = ["意见要求，各地区各部门要加强组织领导，细化工作措施，确保各项任务落到实处，按期完成。",
            "意见指出，要加强知识产权保护国际合作，积极参与世界知识产权组织框架下的全球知识产权治理。"]
    page = "\n".join(["国务院印发知识产权保护意见", *ARTICLE[:2], disclaimer, ARTICLE[2], *more])
    doc = clean(make_doc(page))
    assert kept(doc) == ARTICLE + more
    assert [line.reason for line in doc.lines if line.text == disclaimer] == ["disclaimer"]
