"""Metadata fields as Chinese pages state them: labels, dates and bylines.

Shared by the text-dump and the HTML paths, so a byline reads the same way
whatever the input format.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import HAN

#: Label → field. Longer labels first so 文章来源 wins over 来源.
LABELS = {
    "成文日期": "written_date",
    "发布日期": "date", "发布时间": "date", "发表时间": "date", "发表日期": "date", "日期": "date",
    "时间": "date", "更新时间": "date", "发表于": "date", "发布于": "date",
    "文章来源": "source", "稿件来源": "source", "信息来源": "source", "新闻来源": "source",
    "来源": "source", "出处": "source",
    "作者": "author", "记者": "author", "撰文": "author",
    "责任编辑": "editor", "责编": "editor", "编辑": "editor",
}
_LABEL_RE = re.compile(
    r"(?P<label>%s)\s*[:：]\s*|(?P<stamp>发表于|发布于)\s*(?=(?:19|20)\d{2})" % "|".join(
        sorted(LABELS, key=len, reverse=True))
)
# A value ends at the next label, a wide gap, a bracket, or the end.
_VALUE_END = re.compile(r"\s{2,}|\s(?=\S+\s*[:：])|[|｜【\[（(）)]|\s*$")

_DATE_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年년]\s*(?P<m>\d{1,2})\s*[-/.月월]\s*(?P<d>\d{1,2})(?!\d)"),  # 년 월: Korean
]
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_CN_DATE = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
def _cn_number(text: str) -> int:
    """二〇二一 → 2021 (digit by digit); 十一 → 11; 二十三 → 23."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def parse_date(text: str) -> str | None:
    """The first full date in `text` as YYYY-MM-DD, or None.

    >>> parse_date("发布时间：2005年5月7日 21:23"), parse_date("二〇二一年十一月一日")
    ('2005-05-07', '2021-11-01')
    """
    found = []
    for pattern in _DATE_PATTERNS:
        found += [(m.start(), m) for m in pattern.finditer(text)]
    found += [(m.start(), m) for m in _CN_DATE.finditer(text)]
    for _, m in sorted(found, key=lambda item: item[0]):
        try:
            y, mo, d = (int(m[k]) if m[k].isdigit() else _cn_number(m[k]) for k in ("y", "m", "d"))
        except (KeyError, ValueError):
            continue
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_SHORT_STAMP = re.compile(r"^(?P<y>\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?$")


def short_stamp_date(text: str) -> str | None:
    """A post's time stamp with a two-digit year, year first as Chinese dates are (a microblog's).

    Without a time it is no stamp: 13-5-24 alone may be anything.

    >>> short_stamp_date("24-5-13 17:07"), short_stamp_date("13-5-24")
    ('2024-05-13', None)
    """
    m = _SHORT_STAMP.match(text.strip())
    return parse_date(f"20{m['y']}-{m['m']}-{m['d']}") if m else None


def labelled_fields(text: str) -> list[tuple[str, str]]:
    """(field, value) pairs of a metadata line like '发布日期：2021-11-01 来源：中新社'."""
    out = []
    for m in _LABEL_RE.finditer(text):
        rest = text[m.end():]
        if m["stamp"]:  # 发表于 2004年12月27日 12:40 - (阅读:3): the date is the value
            date = parse_date(rest[:40])
            if date:
                out.append(("date", date))
            continue
        value = rest[: _VALUE_END.search(rest).start()].strip(" :：,，;；")
        if value and LABELS[m["label"]].endswith("date"):
            value = _SHORT_YEAR.sub(lambda y: f"20{y[1]}-{y[2]}-{y[3]}", value)  # 发布时间：18-03-08
        if value:
            out.append((LABELS[m["label"]], value))
    return out


_SHORT_YEAR = re.compile(r"^([0-2]\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


_NAME = re.compile(f"^[{HAN}A-Za-z·・. ]{{2,30}}$")


_CREDIT_TAIL = re.compile(r"\s*(?:整合|综合|编译|报道|撰写|摄影?|整理|发自\S*)$")


_STAFF_CODE = re.compile(r"\s*[_＿-]?\s*[A-Za-z]{1,6}\d{2,}$")  # 杜硕_NB12556: the CMS's staff number


#: What a CMS prints where a person's name belongs when it has none: not an author.
NOT_A_PERSON = frozenset({"未知", "佚名", "匿名", "不详", "网络", "网友", "本站", "本网", "原创", "转载", "管理员",
                          "系统管理员", "超级管理员", "发布于", "发表于", "网络整理", "综合整理", "admin", "administrator", "unknown"})


#: A word that ends the names in a byline: the next field's label or a link glued on by the crawler.
_AFTER_NAMES = re.compile(r"^(?:返回|查看|更多|点击|分享|关注|收藏|打印|关闭|责任编辑|责编|编辑|阅读|来源|作者|发布|时间|日期)")


def person_names(value: str | None) -> str | None:
    """The people a found author value names, without what a CMS prints instead of a name or after it.

    >>> person_names("未知 责任编辑"), person_names("网络整理 阅读"), person_names("王小明 李四"), person_names("发布于")
    (None, None, '王小明 李四', None)
    """
    names = (value or "").split()
    names = names[:next((i for i, n in enumerate(names) if _AFTER_NAMES.match(n)), len(names))]
    names = [n for n in names if n.lower() not in NOT_A_PERSON]
    return " ".join(names) or None


def _person(value: str) -> str | None:
    """A person or outlet's name from a byline value ('张三 李四', not '104363').

    >>> _person("杜硕_NB12556"), _person(" 周雁 ）"), _person("104363"), _person("佚名")
    ('杜硕', '周雁', None, None)
    """
    value = re.split(r"[\s　]{2,}|[|｜/，,；;（(）)]|\s(?=\S+[:：])", value.strip())[0].strip(" :：[]【】")
    value = _STAFF_CODE.sub("", value)
    value = _CREDIT_TAIL.sub("", re.sub(r"^(?:本报|本台|本网)?(?:记者|通讯员|作者|文)\s*", "", value))
    if value.lower() in NOT_A_PERSON:
        return None
    return value if value and _NAME.match(value) and not value.isdigit() else None


_BYLINE_AUTHOR = re.compile(
    rf"(?:(?:作者|撰文|记者|文|撰稿)\s*[:：/／]|文\s*[/／、]\s*图\s*[:：/／]?|图\s*[/／、]\s*文\s*[:：/／]?)"
    rf"\s*(?P<a>[{HAN}A-Za-z·]{{2,12}}(?:[ 、，,][{HAN}·]{{2,4}})*)"
    rf"|(?:^|\s)作者\s+(?P<d>[{HAN}·]{{2,4}})(?:\s|$)"
    rf"|[（(]\s*(?:本报|本台)?记者\s*(?P<b>[{HAN}·]{{2,4}}(?:[ 、，,][{HAN}·]{{2,4}})*)"
    rf"|(?:本报|本台)?记者\s+(?P<c>[{HAN}·]{{2,4}}(?:[ 、][{HAN}·]{{2,4}})*)"
)


#: A law's or notice's adoption note (（2007年6月29日…会议通过）): a date inside the document, not its byline.
_ADOPTED = re.compile(r"通过|修正|修订|批准|公布|施行|印发")


@dataclass
class _Byline:
    date: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None


def byline_fields(lines: list[str]) -> _Byline:
    """Date, author, source and editor from the lines around the headline, first found wins."""
    found = _Byline()
    for line in lines:
        short = len(line) <= 60
        if len(line) > 200:
            line = line[:60]  # a long paragraph: only its opening may be a byline (记者 X)
        for name, value in labelled_fields(line):
            if name == "date" and not found.date:
                found.date = parse_date(value)
            elif name in ("author", "source", "editor") and not getattr(found, name):
                setattr(found, name, _person(value))
        if not found.date and short and not _ADOPTED.search(line):
            found.date = parse_date(line) or short_stamp_date(line)
        m = _BYLINE_AUTHOR.search(line)
        if m and not found.author:
            found.author = _person(m["a"] or m["b"] or m["c"] or m["d"] or "")
    return found



_CLOSING_BYLINE = re.compile(rf"(?:^[{HAN}]{{0,8}}?|[（(\s：:])(?:本报|本台)?(?:记者|采写|文[/／](?:图)?|撰文)\s*[:：]?\s*(?:[{HAN}]{{0,6}}记者\s*)?"
                             rf"(?P<name>[{HAN}·]{{2,4}}(?:[ 、][{HAN}·]{{2,4}})*)\s*[）)]?$")
MAX_BYLINE = 40  # characters; a closing byline is a short line


def closing_byline(lines: list[str]) -> str | None:
    """The author named in the article's own first or last lines: （记者 张三）, 扬子晚报记者 张楠."""
    for line in lines[-4:][::-1] + lines[:2]:
        text = line.strip()
        head = text[:MAX_BYLINE]
        m = _CLOSING_BYLINE.search(text) if len(text) <= MAX_BYLINE else _BYLINE_AUTHOR.search(head)
        if m:
            name = _person(m.groupdict().get("name") or next((g for g in m.groups() if g), ""))
            if name:
                return name
    return None


#: Frequent surnames: where a run of names written without a gap (本报记者王小明李四) splits.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤"
    "施樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞柳甘祝包尚符舒阮柯纪梅童凌毕裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪褚娄窦戚岑宫费卜冷晏瞿佟邬卞姬仇栾隋刁巫寇桑郎甄仲虞敖巩佘")


def split_names(run: str) -> list[str]:
    """Names written without a gap, split where a surname starts: 王小明李四 → 王小明, 李四.

    >>> split_names("王小明李四"), split_names("张三李小红"), split_names("欧阳娜娜")
    (['王小明', '李四'], ['张三', '李小红'], ['欧阳娜娜'])
    """
    if len(run) <= 3:
        return [run]
    for first in (3, 2):  # 王小明李四 is 3 + 2, 张三李小红 is 2 + 3: the surname decides
        rest = run[first:]
        if run[first] in SURNAMES and 2 <= len(rest) <= 3:
            return [run[:first], rest]
    return [run]


_RUN = f"[{HAN}·]"
#: Bylines without a label: reporters, correspondents, forum posters (first match wins).
UNLABELLED_AUTHOR = [
    # 本报记者王小明李四发自北京; 记者 张三 报道 (a photographer's 摄 credits a picture, not the text)
    re.compile(rf"(?:本报|本台|本网|本刊)?记者\s*(?P<run>{_RUN}{{2,6}}?)\s*(?:发自|报道)"),
    # 扬子晚报记者 张楠, alone on its line
    re.compile(rf"^{_RUN}{{0,8}}记者\s+(?P<run>{_RUN}{{2,4}}(?:[ 、]{_RUN}{{2,4}})*)\s*$"),
    # （张三 上海报道） （记者 张三 李四 北京报道）
    re.compile(rf"[（(]\s*(?:(?:本报|本台)?记者\s*)?(?P<run>{_RUN}{{2,4}}(?:[ 、]{_RUN}{{2,4}})*?)\s+{_RUN}{{2,4}}报道\s*[）)]"),
    # 本贴由 NAME 于2005年8月12日16:12:21在〖版面〗发表
    re.compile(r"本[贴帖]由\s*(?P<run>[^\s于]{1,20}?)\s*于\s*(?:19|20)\d{2}"),
    # 《棱镜》作者 周纯
    re.compile(rf"(?:^|\s|》)作者\s+(?P<run>{_RUN}{{2,4}})(?:\s|$)"),
    # 楼主：NAME / 发帖人：NAME
    re.compile(r"(?:楼主|发帖人|发信人|博主)\s*[:：]\s*(?P<run>[^\s:：,，(（]{2,20})"),
]
_EDITOR = re.compile(rf"(?:责任编辑|责编|编辑)\s*[:：|｜]\s*(?P<name>[{HAN}A-Za-z·]{{2,12}}(?:[_＿-]?[A-Za-z]{{1,6}}\d{{2,}})?"
                     rf"(?:[ 、][{HAN}·]{{2,4}})*)")


def unlabelled_author(text: str) -> str | None:
    """The author a byline names without a label (see `UNLABELLED_AUTHOR`), names joined by a space.

    >>> unlabelled_author("本报记者王小明李四发自北京"), unlabelled_author("（张三 上海报道）")
    ('王小明 李四', '张三')
    >>> unlabelled_author("本贴由 老猫 于2005年8月12日16:12:21在〖知识产权〗发表")
    '老猫'
    """
    for pattern in UNLABELLED_AUTHOR:
        m = pattern.search(text)
        if m:
            run = m["run"].strip()
            names = [n for part in re.split(r"[ 、]", run) for n in (split_names(part) if re.fullmatch(f"{_RUN}+", part)
                                                                    else [part])]
            name = " ".join(n for n in names if n)
            if name and not name.isdigit():
                return name
    return None


def editor_name(text: str) -> str | None:
    """The editor a line names: 责任编辑：杜硕_NB12556, （责任编辑：周雁）, 【责任编辑:张樵苏 】.

    >>> editor_name("【责任编辑:张樵苏 】"), editor_name("本文来源：新京报 责任编辑：杜硕_NB12556"), editor_name("编辑|禤志杰")
    ('张樵苏', '杜硕', '禤志杰')
    """
    m = _EDITOR.search(text)
    return _person(m["name"]) if m else None


def post_date(text: str) -> str | None:
    """The date a post stamp gives: 发表于 2004年12月27日 12:40, 本贴由 X 于2005年8月12日16:12:21.

    >>> post_date("发表于 2004年12月27日 12:40 - (阅读:3;评论:0)"), post_date("本贴由 老猫 于2005年8月12日16:12:21在")
    ('2004-12-27', '2005-08-12')
    """
    m = re.search(r"(?:发表于|发布于|回复于|本[贴帖]由.{0,20}?于)\s*(?=(?:19|20)\d{2})", text)
    return parse_date(text[m.end():m.end() + 30]) if m else None


_OUTLET_END = re.compile(r"(?:网|报|社|台|新闻|日报|晚报|早报|时报|杂志|频道|客户端|综合|官网|来源|发布|时间|日期)$")
_POSTER = re.compile(
    r"^(?P<name>[^\s:：,，。;；|｜/<>()（）【】\[\]\d][^\s:：,，。;；|｜/<>()（）【】\[\]]{1,15})\s+"
    r"(?:发表于|发布于|发布时间\s*[:：]?)?\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def poster(text: str) -> str | None:
    """The poster a stamp under the headline names: 华夏人文 2020-03-09 18:14:21, 老猫 发表于 2005-8-12 16:12.

    A forum's poster and a self-media account (头条号, 百家号) stand before the date; an outlet
    (新华网 2020-03-09) is a source, not a person, and is left alone.

    >>> poster("华夏人文 2020-03-09 18:14:21"), poster("老猫 发表于 2005-8-12 16:12"), poster("新华网 2020-03-09")
    ('华夏人文', '老猫', None)
    """
    m = _POSTER.match(text.strip())
    if not m or _OUTLET_END.search(m["name"]):
        return None
    return m["name"]
