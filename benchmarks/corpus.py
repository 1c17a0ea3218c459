#!/usr/bin/env python3
"""A generated collection of distinct, realistic scraped pages, deterministic from a seed.

Not test data: the scale benchmark (`bench_scale.py`) converts what this writes.
Each document is an article (a title, outline headings, ~12 KB of paragraphs)
wrapped in one of several sites' boilerplate of the kind `seeds/` shows —
breadcrumbs, toolbars, metadata lines, view counters, footers with copyright and
ICP numbers — some in Traditional script with inline pinyin (`產(chǎn)權(quán)`),
`?` for lost characters and NFKC-flattened punctuation, a few machine-translated
into English, a share as raw HTML pages. Documents cite one another by title in
《》 (a few are cited a lot), some define a short name (以下简称《意见》), dates
span ten years, outlets are many.

Paragraphs are sentences drawn from a word-bigram chain trained on the Chinese
of `seeds/` and of the extraction dev set, with numbers, places, organisations
and topics varied, so every paragraph is new and no two documents are reprints
of each other. Document `i` depends only on (seed, i): editing or regenerating
one never changes the others.

    python benchmarks/corpus.py 1000 /tmp/corpus [--seed 1] [--html 0.2]
"""
from __future__ import annotations

import argparse
import bisect
import gzip
import html
import json
import random
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOPICS = [
    "专利", "商标", "地理标志", "著作权", "版权", "集成电路布图设计", "植物新品种", "商业秘密", "知识产权保护",
    "知识产权运用", "专利审查", "商标注册", "知识产权国际合作", "知识产权质押融资", "知识产权公共服务",
    "专利导航", "数据知识产权", "海外知识产权纠纷应对", "知识产权强国建设", "反不正当竞争", "品牌建设",
    "知识产权人才培养", "专利转化运用", "知识产权行政执法", "知识产权司法保护", "中医药传统知识保护",
    "非物质文化遗产保护", "遗传资源保护", "软件正版化", "知识产权信用监管",
]
ORGS = [
    "国家知识产权局", "国务院", "最高人民法院", "最高人民检察院", "商务部", "市场监管总局", "国家版权局",
    "科技部", "工业和信息化部", "农业农村部", "文化和旅游部", "海关总署", "公安部", "中国贸促会",
    "世界知识产权组织", "国家发展改革委", "财政部", "教育部", "中央宣传部", "司法部",
]
PLACES = [
    "北京市", "上海市", "天津市", "重庆市", "江苏省", "浙江省", "广东省", "山东省", "四川省", "湖北省",
    "湖南省", "河南省", "河北省", "福建省", "安徽省", "陕西省", "辽宁省", "吉林省", "黑龙江省", "江西省",
    "云南省", "贵州省", "甘肃省", "青海省", "海南省", "山西省", "广西壮族自治区", "内蒙古自治区",
    "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "深圳市", "苏州市", "杭州市", "成都市", "武汉市",
    "西安市", "南京市", "青岛市", "宁波市", "厦门市", "长沙市", "郑州市", "合肥市", "济南市", "沈阳市",
]
OUTLETS = [
    "新华社", "人民网", "中新社", "光明日报", "经济日报", "中国知识产权报", "法治日报", "央视新闻", "中国青年报",
    "澎湃新闻", "国家知识产权局", "知识产权报社", "科技日报", "中国日报网", "21世纪经济报道", "第一财经",
    "南方日报", "北京日报", "解放日报", "浙江日报", "新京报", "中国经济网", "中国政府网", "中国法院网",
]
DOC_TYPES = ["通知", "意见", "办法", "规划", "实施方案", "行动计划", "指导意见", "工作要点", "若干措施", "管理办法"]
ACTIONS = ["加强", "进一步加强", "深化", "推进", "做好", "全面提升", "促进", "规范", "完善", "强化", "支持"]
PEOPLE = ["申长雨", "甘绍宁", "何志敏", "贺化", "白光清", "廖涛", "胡文辉", "赵梅生", "王培章", "易继明",
          "吴汉东", "刘春田", "张平", "李明德", "陶鑫良", "马一德", "郑胜利", "冯晓青", "孔祥俊", "陈杰"]
WELL_KNOWN = [
    "知识产权强国建设纲要（2021—2035年）", "“十四五”国家知识产权保护和运用规划", "中华人民共和国专利法",
    "中华人民共和国商标法", "中华人民共和国著作权法", "关于强化知识产权保护的意见", "国家知识产权战略纲要",
    "中华人民共和国反不正当竞争法", "专利审查指南", "地理标志产品保护规定",
]
POLICY_ENDINGS = tuple(DOC_TYPES) + ("年）",)
SHORT_NAMES = {"意见": "意见", "规划": "规划", "纲要": "纲要", "办法": "办法", "方案": "方案", "通知": "通知"}
NUM = "一二三四五六七八九十"


def _cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (outline numbering up to 99)."""
    if n <= 10:
        return NUM[n - 1]
    tens, ones = divmod(n, 10)
    return (NUM[tens - 1] if tens > 1 else "") + "十" + (NUM[ones - 1] if ones else "")


# ------------------------------------------------------------------ the language model


def _training_text() -> list[str]:
    """Chinese sentences from seeds/*.txt and the dev set's text dumps."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for p in sorted((ROOT / "tests" / "fixtures" / "devset").glob("*.txt.gz")):
        with gzip.open(p, "rt", encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
    out = []
    for text in texts:
        for line in text.split("\n"):
            line = unicodedata.normalize("NFC", line.strip())
            han = sum(1 for c in line if "\u4e00" <= c <= "\u9fff")
            if line.count("。") >= 1 and len(line) > 40 and han > 0.6 * len(line):
                out += [s + "。" for s in line.split("。") if len(s) > 8]
    return out


@dataclass
class Chain:
    """A word-bigram chain: next words of each word with cumulative weights."""

    starts: list[str]
    nexts: dict[str, tuple[list[str], list[int]]]

    def sentence(self, rng: random.Random, max_words: int = 40) -> str:
        word = rng.choice(self.starts)
        out = [word]
        for _ in range(max_words):
            choices = self.nexts.get(word)
            if not choices:
                break
            words, cum = choices
            word = words[bisect.bisect_left(cum, rng.random() * cum[-1])]
            if word == "。":
                break
            out.append(word)
        text = "".join(out).strip("，、；：,;:")
        return text + "。"


@lru_cache(maxsize=1)
def chain() -> Chain:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    starts = []
    for sentence in _training_text():
        words = [w for w in jieba.lcut(sentence) if w.strip()]
        if len(words) < 4:
            continue
        starts.append(words[0])
        for a, b in zip(words, words[1:]):
            counts[a][b] += 1
    nexts = {}
    for a, following in counts.items():
        words = sorted(following)
        cum, total = [], 0
        for w in words:
            total += following[w]
            cum.append(total)
        nexts[a] = (words, cum)
    return Chain(sorted(starts), nexts)


# ------------------------------------------------------------------ documents


@dataclass
class Spec:
    """What a generated document is about; the benchmark checks titles against it."""

    index: int
    name: str  # file name
    title: str
    date: str  # ISO
    outlet: str
    style: str  # boilerplate family
    kind: str  # "txt" | "html"


def _titles(n: int, seed: int) -> list[str]:
    """n distinct titles of policy documents and news items."""
    rng = random.Random(seed * 7919 + 1)
    seen: set[str] = set()
    out = []
    while len(out) < n:
        k = rng.random()
        topic, org, place = rng.choice(TOPICS), rng.choice(ORGS), rng.choice(PLACES)
        year = rng.randint(2014, 2023)
        if k < 0.3:
            title = f"{org}关于{rng.choice(ACTIONS)}{topic}工作的{rng.choice(DOC_TYPES)}"
        elif k < 0.45:
            title = f"{place}{topic}{rng.choice(['发展规划', '行动计划', '实施方案', '三年行动方案'])}（{year}—{year + rng.choice([2, 3, 5])}年）"
        elif k < 0.7:
            growth = rng.randint(3, 60)
            title = f"{place}{year}年{topic}{rng.choice(['数量增长', '案件同比增长', '申请量增长', '授权量增长'])}{growth}%"
        elif k < 0.85:
            title = f"{rng.choice(PEOPLE)}：{rng.choice(ACTIONS)}{topic}，{rng.choice(['服务高质量发展', '激发创新活力', '优化营商环境', '助力乡村振兴'])}"
        else:
            title = f"{place}{rng.choice(['发布', '出台', '印发'])}{topic}{rng.choice(['新政', '十条措施', '典型案例', '白皮书'])}"
        if title in seen:
            title = f"{title}（{place}）" if f"{title}（{place}）" not in seen else ""
        if title:
            seen.add(title)
            out.append(title)
    return out


def specs(n: int, seed: int = 1, html_share: float = 0.2) -> list[Spec]:
    titles = _titles(n, seed)
    out = []
    for i, title in enumerate(titles):
        rng = random.Random(seed * 1_000_003 + i)
        date = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        kind = "html" if rng.random() < html_share else "txt"
        style = rng.choice(["traditional", "portal", "menu", "plain", "plain", "portal"]) if kind == "txt" else "html"
        if kind == "txt" and rng.random() < 0.03:
            style = "english"
        name = f"{date[:4]}/{i:06d}_{rng.getrandbits(32):08x}.{'html' if kind == 'html' else 'txt'}"
        out.append(Spec(i, name, title, date, rng.choice(OUTLETS), style, kind))
    return out


class Writer:
    """Writes document `i` of a collection of `specs`."""

    def __init__(self, all_specs: list[Spec], seed: int):
        self.specs, self.seed = all_specs, seed
        self.chain = chain()
        # Policy documents are what others cite; a few are cited a lot (Zipf-like), most rarely.
        self.policies = [s.title for s in all_specs if s.title.endswith(POLICY_ENDINGS)]
        self.cum = []
        total = 0.0
        for w in (1.0 / (1 + (k % 997)) ** 1.1 for k in range(len(self.policies))):
            total += w
            self.cum.append(total)

    def _cited(self, rng: random.Random, own: int) -> str:
        if rng.random() < 0.25 or not self.policies:
            return rng.choice(WELL_KNOWN)
        j = min(bisect.bisect_left(self.cum, rng.random() * self.cum[-1]), len(self.policies) - 1)
        return self.policies[j if self.policies[j] != self.specs[own].title else (j + 1) % len(self.policies)]

    def _sentence(self, rng: random.Random, spec: Spec) -> str:
        s = self.chain.sentence(rng)
        # Vary what makes a sentence particular: numbers, places, organisations, topics.
        s = re.sub(r"\d+(?:\.\d+)?", lambda m: str(rng.randint(2, 9999)) if "." not in m[0] else f"{rng.uniform(1, 99):.1f}", s)
        if rng.random() < 0.35:
            s = f"{rng.choice(PLACES)}{rng.choice(['在', '围绕', '聚焦'])}{rng.choice(TOPICS)}方面，" + s
        if rng.random() < 0.15:
            s = f"{rng.choice(ORGS)}{rng.choice(['指出', '表示', '强调', '要求'])}，" + s
        return s

    def _paragraph(self, rng: random.Random, spec: Spec, cites: list[str]) -> str:
        sentences = [self._sentence(rng, spec) for _ in range(rng.randint(2, 6))]
        if cites and rng.random() < 0.3:
            title = cites.pop()
            sentences.insert(rng.randrange(len(sentences) + 1),
                             f"{rng.choice(['根据', '按照', '为贯彻落实', '对照'])}《{title}》{rng.choice(['的要求', '的部署', '有关规定', '精神'])}，{rng.choice(ACTIONS)}{rng.choice(TOPICS)}工作。")
        return "".join(sentences)

    def article(self, i: int) -> tuple[Spec, list[tuple[str, str]]]:
        """The article of document i: (kind, text) blocks, kind in heading/paragraph."""
        spec = self.specs[i]
        rng = random.Random(self.seed * 1_000_003 + i + 17)
        size = rng.choice([6000, 9000, 11000, 12000, 13000, 15000, 18000]) // 3  # characters
        if rng.random() < 0.02:
            size *= 4  # a long law or report
        cites = [self._cited(rng, i) for _ in range(rng.choice([0, 1, 1, 2, 3, 5]))]
        blocks: list[tuple[str, str]] = []
        lead = f"{spec.outlet}{re.sub('(?:维吾尔|壮族|回族)?(?:自治区|省|市)$', '', rng.choice(PLACES))}{int(spec.date[5:7])}月{int(spec.date[8:])}日电 " + self._sentence(rng, spec)
        blocks.append(("paragraph", lead + self._sentence(rng, spec)))
        if rng.random() < 0.15:
            title, short = rng.choice(WELL_KNOWN[:2] + [s.title for s in self.specs[:50]]), rng.choice(list(SHORT_NAMES))
            blocks.append(("paragraph", f"近日，{rng.choice(ORGS)}印发《{title}》（以下简称《{short}》）。"
                                        f"《{short}》{rng.choice(['明确', '提出', '部署'])}了{rng.choice(TOPICS)}的主要任务。"
                                        + self._sentence(rng, spec)))
        outline = rng.random() < 0.6
        length, section, sub = sum(len(t) for _, t in blocks), 0, 0
        while length < size:
            if outline and (section == 0 or rng.random() < 0.2):
                section, sub = section + 1, 0
                blocks.append(("heading", f"{_cn(section)}、{rng.choice(ACTIONS)}{rng.choice(TOPICS)}{rng.choice(['', '工作', '体系建设', '能力'])}"))
            elif outline and rng.random() < 0.2:
                sub += 1
                blocks.append(("heading", f"（{_cn(sub)}）{rng.choice(ACTIONS)}{rng.choice(TOPICS)}。"))
            text = self._paragraph(rng, spec, cites)
            blocks.append(("paragraph", text))
            length += len(text)
        if rng.random() < 0.3:
            blocks.append(("paragraph", f"（{rng.choice(['完', '记者 ' + rng.choice(PEOPLE), '本报记者 ' + rng.choice(PEOPLE)])}）"))
        return spec, blocks


# ------------------------------------------------------------------ boilerplate

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


def html_page(spec: Spec, blocks: list[tuple[str, str]], rng: random.Random) -> str:
    e = html.escape
    nav = "".join(f'<li><a href="/{k}/">{e(w)}</a></li>' for k, w in enumerate(rng.sample(TOPICS, 8)))
    body = []
    for kind, text in blocks:
        body.append(f"<h3>{e(text)}</h3>" if kind == "heading" else f"<p>{e(text)}</p>")
    related = "".join(f'<li><a href="/a/{rng.randint(1, 99999)}.html">{e(s.title)}</a></li>'
                      for s in rng.sample(spec_pool(), min(6, len(spec_pool()))))
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


_POOL: list[Spec] = []


def spec_pool() -> list[Spec]:
    return _POOL


def document(writer: Writer, i: int) -> tuple[Spec, str]:
    """(spec, file text) of document i."""
    spec, blocks = writer.article(i)
    rng = random.Random(writer.seed * 1_000_003 + i + 31)
    if spec.kind == "html":
        return spec, html_page(spec, blocks, rng)
    return spec, text_page(spec, blocks, rng)


def generate(n: int, out: Path, seed: int = 1, html_share: float = 0.2) -> list[Spec]:
    """Write n documents under `out` (and `out/../specs.json`'s content is returned)."""
    all_specs = specs(n, seed, html_share)
    _POOL[:] = all_specs[:200]
    writer = Writer(all_specs, seed)
    for i in range(n):
        spec, text = document(writer, i)
        path = out / spec.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return all_specs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--html", type=float, default=0.2, help="share of raw HTML pages (default 0.2)")
    args = ap.parse_args()
    written = generate(args.n, args.out, args.seed, args.html)
    (args.out.parent / f"{args.out.name}.specs.json").write_text(
        json.dumps([s.__dict__ for s in written], ensure_ascii=False, indent=0), encoding="utf-8")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"{len(written)} documents, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
