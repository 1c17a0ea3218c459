"""The chrome lexicon: what a line of site chrome looks like, on any site.

Matching happens on a folded view of each line (pinyin annotations dropped,
Traditional folded to Simplified, full-width folded to ASCII), so the lexicon
is written once, in Simplified Chinese, and the source text itself is left for
the restore stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..prefilter import Gates, gate
from ..restore import fix_placeholders, strip_pinyin, to_simplified
from ..text import han_count, nfkc

_WORD_RE = re.compile(r"[A-Za-z]+")
# Sentence punctuation after folding (NFKC turns ，：；！？ into ASCII).
_PUNCT_RE = re.compile(r"[,;:!?。、]")
_SENTENCE_END_RE = re.compile(r"[。.!?;:…][”\"’)]?\s*$")

OUTLINE_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+、|\([一二三四五六七八九十百]+\)|"
    r"第[一二三四五六七八九十百零〇\d]+[章节編编部分])"
)
# A short parenthesised line ending the article: (完), (记者 孙自法), (本报记者 ...).
TRAILER = re.compile(r"^[(\[]\s*[^()\[\]]{1,24}[)\]]$")

#: Patterns that mark a line as chrome wherever it stands. Written against the
#: folded text: Simplified, ASCII punctuation.
CHROME_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("placeholder", re.compile(r"^[\W_]*$")),
    ("breadcrumb", re.compile(
        r"^(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|现在位置|位置)\s*[:>]"
        r"|^(?:首页|网站首页|主页|返回首页)(?:\s*(?:>>?|»|/|\||\?)|\s+\S)"
        r"|\S\s*(?:>>|»)\s*\S")),
    ("toolbar", re.compile(
        r"字体\s*:?\s*\[?\s*[大中小]|[放缩]大字体|字号\s*:|打印(?:本文|本页|此文|文章)|【\s*打印\s*】"
        r"|关闭(?:窗口|本页)|加入收藏|收藏本(?:文|页|站)|设为首页|分享到|一键分享|返回顶部|回到顶部"
        r"|违规举报|纠错|资讯搜索|^\[\s*\S{1,8}\s*\](?:\s*\[\s*\S{1,8}\s*\])+")),
    ("counter", re.compile(
        r"(?:浏览|阅读|点击|访问|查看)(?:次数|量|数|人数)?\s*:?\s*\d+|\d+\s*(?:次浏览|人阅读|次阅读|人浏览|次点击)")),
    ("copyright", re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved|版权所有|版权声明|powered by",
                             re.I)),
    ("icp", re.compile(r"icp\s*[备证]|公网安备|网安备\s*\d|网警备", re.I)),
    ("disclaimer", re.compile(r"^\s*[\[(【]?\s*(?:免责声明|免责申明|版权声明|郑重声明|特别声明|声明\s*:)"
                              r"|^.{0,10}转载请注明|未经.{0,6}(?:许可|授权|允许|同意).{0,12}(?:转载|复制|摘编)"
                              r"|(?:请勿|禁止|严禁|谢绝|不得)转载")),
    # An advertisement's label and its close button: 广告领峰环球8大交易优势 以专业领跑全行×
    ("advert", re.compile(r"^广告\s*\S.{0,80}[×✕]\s*$|^(?:广告|推广|advertisement|ad|sponsored)\s*$", re.I)),
    # What a self-media post's footer asks: 回复【福利】查看…, 点【在看】, 扫描下方二维码…
    ("subscribe", re.compile(r"^\s*\d*\s*[、.]?\s*回复\s*[【\[「]\S{1,12}[】\]」]|点击?(?:下方|底部)?菜单栏?|点\s*[【\[「]?在看"
                             r"|扫描?(?:下方|上方|文末)?(?:的)?二维码|长按(?:识别)?(?:下方)?二维码")),
    # A feed of other stories: each item's outlet and age (信报财经新闻·8 小时前, AASTOCKS·21 分钟前)
    # and their counts (中国气象爱好者 ⋅ 55评论 ⋅ 相关), and the button to hide one (不感兴趣)
    ("feed", re.compile(r"^\S.{0,24}?\s*[·・•⋅|]\s*(?:\d+\s*(?:秒|分钟|分鐘|小时|小時|天|日)前|昨天|前天|刚刚|\d+\s*(?:评论|阅读|浏览))"
                        r"(?:\s*[·・•⋅|]\s*\S{1,8})*\s*$|^不感兴趣$")),
    # Crawler dumps of comment threads: "* 网友名 今天 12:08:37", "今天20:58 举报 赞 38回复".
    ("comment", re.compile(
        r"^[*+•-]?\s*(?!发布|发表|时间|日期|来源|更新)[^:\s]{1,24}\s+"
        r"(?:今天|昨天|前天|\d{1,2}(?:分钟|小时|天)前|\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})"
        r"\s*\d{1,2}:\d{2}(?::\d{2})?$|举报\s*(?:赞|顶)\s*\d*\s*回复"
        # A comment's age standing alone: 13小时前, 刚刚, 昨天 12:08.
        r"|^(?:\d{1,2}\s*(?:秒|分钟|小时|天|周|个月)前|刚刚|(?:昨天|前天)\s*\d{1,2}:\d{2})$")),
    ("previous/next", re.compile(r"^\s*(?:上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇)")),
    ("contact", re.compile(
        r"(?:电话|热线|传真|手机|邮箱|e-?mail|QQ|微信号?)\s*:\s*[\w@.\-]{5,}"
        r"|QQ交谈|在线咨询|扫一扫|关注(?:微信|微博|我们)|微信公众号|官方微博|官方微信"
        r"|(?:工作|办公|营业|服务)时间\s*:", re.I)),
    ("metadata", re.compile(
        r"^\s*[\[(]?\s*(?:责任编辑|责编|编辑|本文来源|文章来源|稿件来源|信息来源|来源|出处|作者|发布(?:日期|时间)|发表时间|"
        r"更新时间|录入|审核|校对|供稿|摄影|字号|发信人|发信站|信区|排版|美编|监制|统筹|终审|审校)\s*[:|丨]")),
    ("pager", re.compile(r"^(?:\s*(?:【\d+】|\[\d+\]|第?\d+页)\s*){2,}$|^(?:首页|尾页|末页)\s")),
    ("summary", re.compile(r"^\s*(?:核心提示|内容提要|内容摘要|摘要|导读|导语)\s*:")),
    # A reply quoting an earlier post: its header (【 在 X 的大作中提到: 】, 原帖由 X 于 … 发表,
    # 以下是引用X在…的发言:, 引用:) and the BBS quote prefix ": " on each quoted line.
    ("quote", re.compile(
        r"^\s*[【\[]\s*在\s*\S.{0,40}的大作中提到\s*:?\s*[】\]]|^\s*原[帖贴]由\s*\S.{0,40}发表"
        r"|^\s*以下是引用.{1,40}的发言|^\s*引用\s*:\s*$|^\s*:\s*\S")),
]

#: Which chrome patterns may match a line, from one pass over it (most lines hold none of their words).
CHROME_GATES = Gates([pattern for _, pattern in CHROME_PATTERNS])

#: Chrome kinds that still count inside a table row (a footer laid out as a table).
STRONG_IN_TABLES = {"copyright", "icp", "breadcrumb"}

_PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_FIELD = re.compile(r"(?:来源|作者|时间|日期|编辑|记者|编者|通讯员)\s*:")
_DATE_TIME = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}")
_DATE_ONLY = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")

#: Phrases site chrome says in short lines: menus, lists, widgets.
NAV_PHRASES = re.compile(
    r"推荐|排行|热门|热点|最新|相关(?:阅读|文章|新闻|链接|资讯)|延伸阅读|更多|友情链接|联系我们|关于我们|网站地图"
    r"|网站导航|登录|注册|搜索|订阅|投稿|广告|帮助中心|隐私|使用条款|意见反馈|客户端|下载APP|扫码|二维码"
    r"|评论|留言|点赞|收藏|分享|转发|举报|关注")
#: Headings that open the lists sites put after an article: the article has ended.
STOPPERS = re.compile(
    r"^(?:[*+•-]\s+)?(?:相关|推荐|热门|精彩|延伸|猜你|网友|发表|我要|热评|编辑推荐|为您推荐|大家都在看|您可能|你可能|可能感兴趣"
    r"|最热|热读|热点|排行|作者最近|作者其他|小编最近|最近文章|更多文章|标签|关键词|tags?\b)\S{0,8}$", re.I)
#: Phrases of the boilerplate paragraphs sites put under an article.
DISCLAIMER_PHRASES = re.compile(
    r"本网站|本站|本网|本平台|仅供参考|仅供学习|仅供读者|不代表|立场|版权归|原作者|如有侵权|涉及侵权|侵权.{0,8}(?:联系|删除)"
    r"|联系我们|第一时间|予以删除|及时删除|转载请注明|请注明出处|未经(?:许可|授权|允许)|不得转载|不承担|任何(?:明示|担保)|主办|主管|承办")


@dataclass
class LineFeatures:
    folded: str
    han: int
    words: int
    punct: int
    chrome: str  # reason when a chrome pattern matches, else ""
    table: bool = False  # a row of a table (set by the dump classifier)

    @property
    def size(self) -> int:
        return self.han + 2 * self.words


def fold(text: str) -> str:
    """The matching view of a line: no pinyin or placeholders, Simplified, ASCII punctuation.

    >>> fold("發(fā)布日期：2021??來源")
    '发布日期:2021 来源'
    """
    return nfkc(to_simplified(fix_placeholders(strip_pinyin(text)))).strip()


STAMP = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:：]\s*\d{2}"
    r"|发表于|发表时间|回复于|回复时间|(?<!\d)\d+\s*楼|楼主|沙发|板凳|(?<![&\w])#\d+(?:楼|\s|$)|本贴由|本帖由|评论\s*[(（]\d+|阅读\s*[(（:：]\s*\d+"
    # the mail-style header of a Firebird-family BBS post (水木, 未名空间): 发信人: X (Y), 信区: Z
    r"|发信人\s*[:：]|发信站\s*[:：]"
)
MAX_STAMP_LINE = 60  # characters: a post's header or footer line, not a paragraph that mentions a date


#: A stamp that only posts carry: a date with its time, 发表于, 回复于, 本贴由 … 于.
POST_STAMP = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:：]\s*\d{2}"
    r"|发表于|回复于|本[贴帖]由\s*\S{1,20}\s*于")


def stamp_line(text: str) -> bool:
    """A short line that stamps a post: 发表于 2004年12月27日 12:40 - (阅读:3;评论:0), 2楼 2005-8-13 10:05."""
    return len(text) <= MAX_STAMP_LINE and bool(STAMP.search(text)) and not re.search(r"[。！？]", text)


#: A Markdown table row or its separator: | 指标 | 数值 |, |---|:---:|.
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")


def chrome_reason(folded: str, han: int, punct: int) -> str:
    """Name the kind of chrome a folded line is, or "" when it may be article text."""
    if TABLE_ROW.match(folded) and not any(p.search(folded) for n, p in CHROME_PATTERNS if n in STRONG_IN_TABLES):
        return ""  # a table's row is content, however menu-like its cells
    if len(folded) <= MAX_STAMP_LINE and POST_STAMP.search(folded) and not re.search(r"[。!?]", folded) \
            and re.search(r"发表|发布|回复|本[贴帖]由|楼", folded):
        return "stamp"  # 本贴由 老猫 于2005年8月12日16:12:21在〖版面〗发表, 2楼 发表于 …
    for i in CHROME_GATES.open(folded):
        name, pattern = CHROME_PATTERNS[i]
        if pattern.search(folded):
            if name in ("counter", "copyright", "contact") and han > 60 and punct > 3:
                continue  # a real sentence that happens to mention it
            if name == "contact" and han >= 20 and punct >= 2 and _SENTENCE_END_RE.search(folded):
                continue  # 通过官方微博发布……。
            if name == "breadcrumb" and punct > 3:
                continue
            return name
    short = han <= 30 and punct <= 1
    if short and (_PHONE.search(folded) or _EMAIL.search(folded)):
        return "contact"
    unpunctuated = han <= 40 and not re.search(r"[,;!?。]", folded)  # colons do not count: "来源:"
    if unpunctuated and (_DATE_ONLY.match(folded) or _FIELD.search(folded) or _DATE_TIME.search(folded)):
        return "metadata"
    if _DATE_TIME.search(folded) and not _FIELD.search(folded) and not _SENTENCE_END_RE.search(folded):
        return "listing"  # headlines with their time stamps: a list of other articles
    phrases = len(set(DISCLAIMER_PHRASES.findall(folded))) if gate(DISCLAIMER_PHRASES).may_match(folded) else 0
    if phrases >= 2 and (han <= 60 or phrases >= 3):  # a long paragraph may name its 主办 and 承办
        return "disclaimer"
    if short and (NAV_PHRASES.search(folded) or STOPPERS.match(folded)) and not OUTLINE_HEADING.match(folded):
        return "navigation"
    tokens = folded.split()
    if punct == 0 and (len(tokens) >= 4 and max(map(len, tokens)) <= 8 or folded.count("|") >= 2):
        return "menu"
    return ""


def features(text: str) -> LineFeatures:
    folded = fold(text)
    han = han_count(folded)
    words = len(_WORD_RE.findall(folded))
    punct = len(_PUNCT_RE.findall(folded))
    if han == 0 and words:  # Latin text: count sentence punctuation of its own
        punct = len(re.findall(r"[,.;:!?](?:\s|$)", folded))
    return LineFeatures(folded, han, words, punct, chrome_reason(folded, han, punct))
