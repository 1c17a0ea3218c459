"""How a site wraps an article: the seeds' kinds of boilerplate around it, as a text dump or an HTML page."""
from __future__ import annotations

import html
import random
import unicodedata
from functools import lru_cache

from .articles import Spec
from .vocabulary import ORGS, PEOPLE, TOPICS

_PINYIN_TARGETS = set("产权务发规设数览强国际经济识划关护运专")


@lru_cache(maxsize=1)
def _converters():
    from opencc import OpenCC
    from pypinyin import Style, pinyin

    return OpenCC("s2t"), lambda c: pinyin(c, style=Style.TONE)[0][0]


def _traditional(text: str, rng: random.Random, pinyin_share: float) -> str:
    """Traditional script, with inline pinyin after some converted characters, as some sites garble it."""
    s2t, tone = _converters()
    trad = s2t.convert(text)
    if pinyin_share <= 0 or len(trad) != len(text):
        return trad
    out = []
    for simple, t in zip(text, trad):
        out.append(t)
        if simple in _PINYIN_TARGETS and simple != t and rng.random() < pinyin_share:
            out.append(f"({tone(simple)})")
    return "".join(out)


def _flatten(text: str) -> str:
    """NFKC-flattened punctuation (，→, ：→: （→( ), as some crawlers store it."""
    return "".join(unicodedata.normalize("NFKC", c) if c in "，：；（）！？" else c for c in text)


def _date_form(date: str, rng: random.Random) -> str:
    y, m, d = date.split("-")
    return rng.choice([date, f"{y}年{m}月{d}日", f"{y}/{int(m)}/{int(d)}", f"{y}-{m}-{d} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"])


def _footer(rng: random.Random, site: str) -> list[str]:
    year = rng.randint(2019, 2024)
    return [
        rng.choice(["关于我们 - 联系我们", "关于我们 | 联系我们 | 网站地图 | 法律声明", "网站地图 | 联系方式 | 投稿须知"]),
        rng.choice(["微信公众号", "关注微信", "微信扫一扫关注我们"]),
        f"Copyright © {year} {site} All Rights Reserved",
        f"{rng.choice(['京', '沪', '粤', '苏', '浙', '陕', '渝'])}ICP备{rng.randint(10000000, 99999999)}号-{rng.randint(1, 12)}",
    ]


def text_page(spec: Spec, blocks: list[tuple[str, str]], rng: random.Random) -> str:
    body = [t for _, t in blocks]
    site = f"www.{rng.choice(['ipnews', 'cnipa-info', 'zscq', 'ipraction', 'chinaip', 'iprchn'])}{rng.randint(1, 99)}.com"
    if spec.style == "traditional":
        pinyin_share = rng.choice([0.0, 0.6, 0.9])
        def conv(s: str) -> str:
            return _flatten(_traditional(s, rng, pinyin_share))
        meta = f"發布日期:{spec.date}??來源:{spec.outlet}??作者:{rng.choice(PEOPLE)}??瀏覽次數:{rng.randint(100, 99999)}"
        lines = [conv(f"當前位置: 首頁 ? 資訊 ? {rng.choice(TOPICS)} ? 正文"), "", conv(spec.title), "",
                 conv(meta), conv("放大字體??縮小字體"),
                 conv("核心提示:" + body[0][:120]), ""]
        lines += [conv(t) + "\n" for t in body]
        lines += [conv(x) for x in ["【打印本文】 【關閉窗口】", "上一篇:" + rng.choice(TOPICS) + "工作會議召開"]] + _footer(rng, site)
    elif spec.style == "portal":
        lines = [f"首页 {rng.choice(TOPICS)} {spec.title}", "", spec.title, "",
                 f"{_date_form(spec.date, rng)}  来源：{spec.outlet}  {rng.choice(['', '作者：' + rng.choice(PEOPLE)])}", ""]
        lines += [t + "\n" for t in body]
        lines += ["免责声明:本文仅代表作者个人观点，与本网无关。", "上一篇", "下一篇", "", "为您推荐", "", "联系我们", "",
                  "在线咨询: QQ交谈", f"邮箱: {rng.randint(10000, 99999999)}@qq.com", "工作时间:周一至周五,8:00-18:00,节假日休息",
                  "返回顶部"]
        if rng.random() < 0.5:
            lines = [_flatten(x) for x in lines]
    elif spec.style == "menu":
        menu = " ".join(rng.sample(["首页", "新闻", "政策", "法规", "专利", "商标", "版权", "地方", "国际", "视频", "专题", "服务", "互动", "关于"], 10))
        lines = [menu, f"网站首页 >> {rng.choice(TOPICS)} >> {rng.choice(['要闻', '动态', '政策解读'])}", spec.title + "  ",
                 " ", " ", rng.choice(["新文", "原创", "转载"]), f"阅读{rng.randint(100, 9999)}", spec.outlet, _date_form(spec.date, rng), " ", ""]
        lines += ["\u3000\u3000" + t + "\n" for t in body]
        lines += _footer(rng, site)
    elif spec.style == "english":
        lines = [_english_title(spec, rng), "", f"{spec.outlet} {spec.date}", ""]
        lines += [_english_paragraph(rng) + "\n" for _ in range(max(4, len(body) // 2))]
    else:  # plain: the title, the article, a source line and a footer
        lines = [spec.title]
        out = []
        for kind, text in blocks:
            out.append(text)
        lines += out + [f"文章来源:{spec.outlet}", f"友情链接 · Link {' | '.join(rng.sample(ORGS, 4))}",
                        f"版权所有 {site} Powered by {rng.choice(['PHPCMS', 'DedeCMS', 'WordPress'])}"]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


_EN = ("intellectual property protection system rules international cooperation innovation patent trademark "
       "copyright office enforcement governance strengthen promote improve development quality national "
       "mechanism service public data market examination application review digital economy").split()


def _english_paragraph(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(2, 5)):
        words = [rng.choice(_EN) for _ in range(rng.randint(8, 20))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def _english_title(spec: Spec, rng: random.Random) -> str:
    return f"{rng.choice(['China', 'The State Council', 'CNIPA'])} {rng.choice(['issues', 'releases', 'publishes'])} " \
           f"{' '.join(rng.choice(_EN) for _ in range(4))} plan No. {spec.index}"


def html_page(spec: Spec, blocks: list[tuple[str, str]], rng: random.Random, pool: list[Spec]) -> str:
    """An HTML page of a news site; its sidebar links to other documents of `pool`."""
    e = html.escape
    nav = "".join(f'<li><a href="/{k}/">{e(w)}</a></li>' for k, w in enumerate(rng.sample(TOPICS, 8)))
    body = []
    for kind, text in blocks:
        body.append(f"<h3>{e(text)}</h3>" if kind == "heading" else f"<p>{e(text)}</p>")
    related = "".join(f'<li><a href="/a/{rng.randint(1, 99999)}.html">{e(s.title)}</a></li>'
                      for s in rng.sample(pool, min(6, len(pool))))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{e(spec.title)}_{e(spec.outlet)}</title>
<meta name="description" content="{e(blocks[0][1][:80])}">
<meta name="publishdate" content="{spec.date}">
<meta name="source" content="{e(spec.outlet)}">
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
<style>.nav li{{display:inline}}</style>
</head><body>
<div class="header"><div class="logo"><a href="/">{e(spec.outlet)}</a></div><ul class="nav">{nav}</ul>
<div class="search"><input type="text" placeholder="搜索"><button>搜索</button></div></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻中心</a> &gt; 正文</div>
<div class="main"><div class="article">
<h1>{e(spec.title)}</h1>
<div class="info"><span>{_date_form(spec.date, rng)}</span> <span>来源：{e(spec.outlet)}</span> <span>浏览次数：{rng.randint(10, 9999)}</span></div>
<div class="share">分享到：<a>微博</a> <a>微信</a> <a>QQ空间</a></div>
<div class="content" id="content">
{chr(10).join(body)}
</div>
<div class="editor">责任编辑：{e(rng.choice(PEOPLE))}</div>
</div>
<div class="side"><h4>相关阅读</h4><ul>{related}</ul></div></div>
<div class="footer"><p>版权所有 © {rng.randint(2015, 2024)} {e(spec.outlet)} 京ICP备{rng.randint(10000000, 99999999)}号</p>
<p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></p></div>
</body></html>
"""
