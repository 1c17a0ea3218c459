"""What the HTML extractor knows about tags and class names."""
from __future__ import annotations

import re

from ...text import HAN

#: Tags whose content no reader sees as text: removed outright.
NEVER_TEXT = {"script", "style", "noscript", "template", "iframe", "button", "select", "textarea", "input", "svg",
              "canvas", "object", "embed", "audio", "video", "link", "meta", "title"}
#: Tags that are rarely article text: marked as noise, and their text still offered to the ensemble.
NOISE_TAGS = {"nav", "header", "footer", "aside", "form"}
#: Class/id words that name noise: share bars, comments, pagers, related lists, calendars, …
NOISE_WORDS = re.compile(
    r"share|comment|pinglun|reply|pager|pagination|pagebox|related|relate|recommend|xiangguan|tuijian|calendar|"
    r"breadcrumb|crumb|sidebar|side_bar|side-bar|footer|copyright|advert|qrcode|erweima|toolbar|"
    r"hotnews|hot_news|hot-news|ranking|paihang|login|statement|disclaimer|more_news|morenews|"
    r"(?:^|[\s_-])(?:nav|navbar|menu|ad|ads|tags?|rank|hot|header|foot|weixin|wechat|search|print|fontsize|"
    r"tool|tools|bdshare|jiathis|zan|dianzan)(?:$|[\s_-]|\d)",
    re.I,
)
#: Class/id words of article containers: never dropped as noise.
ARTICLE_WORDS = re.compile(r"article|content|main|post|body|text|detail|zhengwen|正文", re.I)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "ul", "ol", "li", "table", "tbody", "thead", "tfoot",
              "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd",
              "figure", "figcaption", "center", "br", "hr", "body", "html", "address", "fieldset", "caption"}
PARAGRAPH_TAGS = {"p", "pre", "td", "blockquote", "li", "dd", "h2", "h3", "h4", "h5", "h6"}
CANDIDATE_TAGS = {"div", "article", "section", "main", "td", "body", "center", "blockquote", "font", "span", "ul"}

_CHARS = re.compile(f"[{HAN}A-Za-z0-9]")
_PUNCT = re.compile(r"[，。、；：！？,;!?]")
_GENERIC_ALT = re.compile(r"^(?:图片?|image|img|photo|pic|picture|logo|icon|\d+|[\w-]+\.(?:jpe?g|png|gif|webp))$", re.I)
