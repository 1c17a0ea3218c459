"""Lines that cannot be a headline, each refused by name: a date line, a byline, a counter, a menu word,
the site's name, an outline heading, text that did not decode."""
from __future__ import annotations

import re

from ...structure import outline_kind
from ..chrome import features
from .titles import COUNTER, MAX_HEADLINE, MIN_HEADLINE, SHORT_NAME, SelfName, _chars, key, site_part, unreadable

_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2})?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}:\d{2}"
                   r"|\d+\s*(?:秒|分钟|小时|天|周|个月|月|年)前|刚刚|昨天|前天")
_BYLINE = re.compile(r"本报讯|记者|通讯员|^\s*(?:文|图|作者|来源|编辑|责任编辑|发布|发表|时间|日期)\s*[:：/／|]|来源\s*[:：]|发表于|发布于"
                     r"|浏览|阅读\s*[(（:：]?\s*\d|评论\s*[(（:：]?\s*\d|点击\s*[:：]?\s*\d")
_SENTENCES = re.compile(r"[。；;].+[。；;]|[。；;]\s*\S{12,}")
_MENU = re.compile(r"^(?:首页|主页|显示|导航|菜单|登录|注册|搜索|返回|更多|正文|全文|目录|上一[页篇]|下一[页篇]|打印|关闭|分享|收藏"
                   r"|评论|回复|举报|点赞|相关\S{0,4}|推荐\S{0,4}|热门\S{0,4}|\S{0,4}排行\S{0,2}|当前位置\S*|您的位置\S*)$")



#: What the chrome lexicon (`clean.chrome`) finds in a line that is then no headline.
REFUSED_CHROME = {"breadcrumb", "toolbar", "counter", "copyright", "icp", "disclaimer", "previous/next", "contact",
                  "metadata", "pager", "stamp"}


def refusal(text: str, name: SelfName, titled: bool = False) -> str:
    """Why `text` cannot be the headline, or '' when it can. `titled`: the page's own title confirms it."""
    bare = text.lstrip("#").strip()
    if unreadable(bare):
        return "does not decode"
    if _MENU.match(bare):
        return "a menu word"
    if not titled and _chars(bare) < MIN_HEADLINE:
        return "too short"
    if len(bare) > MAX_HEADLINE:
        return "too long"
    if _SENTENCES.search(bare):
        return "a paragraph"
    if not titled and outline_kind(bare):
        return "an outline heading"
    chrome = features(bare).chrome
    if chrome in REFUSED_CHROME:
        return f"site chrome ({chrome})"
    if not titled and _BYLINE.search(bare):
        return "a byline"
    stripped = _DATE.sub("", bare)
    if _DATE.search(bare) and _chars(stripped) < 6:
        return "a date line"
    if COUNTER.match(bare) and not COUNTER.sub("", bare).strip():
        return "a counter"
    if not titled and site_part(bare, name) and _chars(bare) <= 20:
        return "the site's name"
    if not titled and _chars(bare) <= SHORT_NAME and key(bare) in name.chrome:
        return "the site's chrome"
    return ""
