"""The text of a notice: its 文号 line, its signature (落款), the issuer its title names, its frame."""
from __future__ import annotations

import re

from ...model import Line
from ...structure import NUM
from ...text import HAN
from ..fields import parse_date

#: 文号 as printed: 国发〔2021〕20号, 国办发明电〔2020〕5号, 国务院令第732号, 国家知识产权局公告第四二七号.
DOC_NUMBER = re.compile(
    rf"[{HAN}]{{1,16}}[〔\[［【(（]\s*(?:19|20)\d{{2}}\s*[〕\]］】)）]\s*(?:第\s*)?\d{{1,4}}\s*号"
    rf"|[{HAN}]{{0,16}}(?:令|公告)\s*(?:[〔\[［(（]\s*(?:19|20)\d{{2}}\s*[〕\]］)）]\s*)?第\s*[\d{NUM}]{{1,5}}\s*号"
)


def doc_number_line(texts: list[str]) -> str | None:
    """The 文号 standing on its own line under the title.

    >>> doc_number_line(["国发〔2021〕20号", "各省、自治区、直辖市人民政府："])
    '国发〔2021〕20号'
    >>> doc_number_line(["根据《通知》（国发〔2016〕86号）要求，……"]) is None
    True
    """
    for text in texts:
        text = text.strip(" \u3000")
        if DOC_NUMBER.fullmatch(text):
            return re.sub(r"\s+", "", text)
    return None


def doc_number_in_title(title: str) -> str | None:
    """A 文号 the title ends with, in brackets: 关于…的通知（国办发〔2021〕5号）.

    >>> doc_number_in_title("国务院办公厅关于加强知识产权保护的通知（国办发〔2021〕5号）")
    '国办发〔2021〕5号'
    """
    m = re.search(rf"[（(]\s*({DOC_NUMBER.pattern})\s*[）)]\s*$", title)
    return re.sub(r"\s+", "", m[1]) if m else None


#: The end of an organ's name: 国务院, …办公厅, …委员会, …部, …局, 中共中央, …人民政府 …
_ORGAN = re.compile(
    rf"^[{HAN}]{{0,20}}(?:国务院|中央|办公厅|办公室|委员会|常委会|委|部|局|署|院|政府|厅|银行|总局|法院|检察院"
    rf"|联合会|协会|小组|中心|党组|军委|人大|政协|办)$"
)
_SIGNATURE_DATE = re.compile(
    rf"^\s*(?:(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[〇零一二三四五六七八九]{{4}}年[{NUM}]{{1,2}}月[{NUM}]{{1,3}}日)\s*$"
)


def organs(text: str) -> list[str] | None:
    """The organ names a line consists of ('中共中央办公厅 国务院办公厅'), or None when it is anything else.

    Letter-spaced names (国  务  院) are read whole.

    >>> organs("中共中央办公厅　国务院办公厅"), organs("国 务 院"), organs("请认真贯彻执行")
    (['中共中央办公厅', '国务院办公厅'], ['国务院'], None)
    """
    parts = [p for p in re.split(r"[\s\u3000、，,]+", text.strip()) if p]
    if parts and all(len(p) == 1 for p in parts):
        parts = ["".join(parts)]
    if not parts or len(parts) > 6 or not all(_ORGAN.match(p) and len(p) >= 2 for p in parts):
        return None
    return parts


MAX_SIGNATURE_LINES = 3  # issuer lines above the date: a joint notice has two or three


def signature(texts: list[str]) -> tuple[list[str], str, int] | None:
    """The first 落款: issuer line(s) then a date line (or both on one line). (issuers, date, index of the date line).

    >>> signature(["现将规划印发给你们，请认真贯彻执行。", "国务院", "2021年10月9日", "（此件公开发布）"])
    (['国务院'], '2021-10-09', 2)
    >>> signature(["国务院办公厅　　2021年10月9日"])
    (['国务院办公厅'], '2021-10-09', 0)
    """
    for i, text in enumerate(texts):
        text = text.strip()
        one_line = re.match(r"^(?P<org>.+?)[\s\u3000]+(?P<date>\S+年\S+月\S+日)$", text)
        if one_line and _SIGNATURE_DATE.match(one_line["date"]) and organs(one_line["org"]):
            return organs(one_line["org"]), parse_date(one_line["date"]), i
        if not _SIGNATURE_DATE.match(text):
            continue
        names: list[str] = []
        for above in reversed(texts[max(0, i - MAX_SIGNATURE_LINES):i]):
            found = organs(above)
            if not found:
                break
            names = found + names
        if names:
            return names, parse_date(text), i
    return None


_TITLE_ISSUER = re.compile(rf"^(?P<org>[{HAN}\s\u3000、]{{2,60}}?)(?:关于|印发|发布|转发|公布|颁布)")


def issuer_from_title(title: str) -> list[str] | None:
    """The issuer a 公文 title starts with: 国务院关于…的通知, 中共中央 国务院印发《…》.

    >>> issuer_from_title("国务院关于印发“十四五”国家知识产权保护和运用规划的通知")
    ['国务院']
    >>> issuer_from_title("中共中央 国务院印发《知识产权强国建设纲要（2021－2035年）》")
    ['中共中央', '国务院']
    >>> issuer_from_title("关于加强知识产权保护的意见") is None
    True
    """
    m = _TITLE_ISSUER.match(title.strip())
    return organs(m["org"]) if m else None


#: An organ a notice is addressed to: 各省, 自治区, 直辖市人民政府, 国务院各部委, 各直属机构, 武警总部, 各有关单位,
#: 中央和国家机关各部委, 新疆生产建设兵团知识产权局; one character after 各…委、办、局.
_ADDRESSED = re.compile(
    rf"^[{HAN}]{{0,30}}(?:政府|机构|部委|部门|单位|总部|部队|军区|军兵种|战区|党委|党组|兵团|团体|中央|委员会|常委会"
    rf"|办公厅|办公室|局|厅|委|办|院|署|部|会|中心|银行|法院|检察院|自治区|直辖市|省|市|县|区|州|盟|旗)$")
#: Words of site chrome that ends in a colon (主办单位：, 相关链接：): never an addressee.
_CHROME_WORDS = re.compile("主办|承办|协办|主管|技术支持|联系|链接|导航|地图|推荐|相关|评论|回复|分享|编辑|来源|作者|发布|时间"
                           "|日期|地址|电话|邮箱|备案|关注|扫码|下载|位置|登录|注册|搜索|举报")
MAX_ADDRESSEE_LINES = 4
MAX_ADDRESSEE_LINE = 120  # characters


def addressee(texts: list[str]) -> bool:
    """Whether `texts` are a notice's addressee (主送机关): organs joined by 、 and ，, the last line ending in a colon.

    Site chrome that ends in a colon names no organ, or names its own kind (主办单位：).

    >>> addressee(["各省、自治区、直辖市人民政府，国务院各部委、各直属机构，", "各军区、各军兵种、各总部，武警总部："])
    True
    >>> addressee(["武警总部："]), addressee(["天津市人民政府、国家知识产权局："]), addressee(["各省、自治区、直辖市人民政府，"])
    (True, True, False)
    >>> addressee(["相关链接："]), addressee(["主办单位："]), addressee(["现批复如下："]), addressee(["各部门要做好以下工作："])
    (False, False, False, False)
    """
    if not 0 < len(texts) <= MAX_ADDRESSEE_LINES:
        return False
    for i, text in enumerate(texts):
        text = text.strip(" \u3000")
        ends_block = bool(re.search(r"[：:]$", text))
        if ends_block != (i == len(texts) - 1) or len(text) > MAX_ADDRESSEE_LINE or _CHROME_WORDS.search(text):
            return False
        items = [item for item in re.split(r"[、，,：:\s\u3000]+", text) if item]
        if not items or not all(_ADDRESSED.match(item) for item in items):
            return False
    return True


def addressee_from(texts: list[str], start: int) -> int:
    """How many lines from `texts[start]` on are a notice's addressee (0 when they are not one)."""
    return next((n for n in range(1, MAX_ADDRESSEE_LINES + 1)
                 if start + n <= len(texts) and addressee(texts[start:start + n])), 0)


def frame_above(texts: list[str], first: int) -> list[int]:
    """Indices of the lines just above `texts[first]`, a notice's first line of text, that are still the notice's.

    Its addressee (主送机关: one to four lines, the last ending in a colon; the
    extractor may have kept its last lines only) and the 文号 line above it (or
    above the text itself). Extractors cut them as short lines at the article's
    edge, or leave them outside the block they chose.

    >>> frame_above(["国务院文件", "国发〔2021〕30号", "各省、自治区、直辖市人民政府，", "武警总部：", "现将规划印发给你们。"], 4)
    [1, 2, 3]
    >>> frame_above(["天津市人民政府、", "国家知识产权局：", "你们的请示收悉。"], 1)
    [0]
    >>> frame_above(["分享到：", "现将规划印发给你们。"], 1)
    []
    """
    start = first
    for end in range(first, min(len(texts), first + MAX_ADDRESSEE_LINES - 1) + 1):  # the block is texts[begin:end]
        for begin in range(max(0, end - MAX_ADDRESSEE_LINES), min(first, end)):
            if begin < start and addressee(texts[begin:end]):
                start = begin
    if start > 0 and DOC_NUMBER.fullmatch(texts[start - 1].strip(" \u3000")):
        start -= 1
    return list(range(start, first))


_PUBLICATION_NOTE = re.compile(r"^[（(][^（）()]{2,16}[）)]$")  # （此件公开发布）


def notice_frame(lines: list[Line], rows: set[int]) -> set[int]:
    """Lines of a notice's frame that the cleaner cut as chrome: the 文号 line, the addressee, the 落款, and what lies between.

    Short lines without punctuation look like chrome, but a notice's 文号 and
    signature are its own text, and so is a short notice the cleaner passed
    over for the long attachment under it. Only lines next to the article are
    taken back: from a 文号 line a few lines above it down to the article, and
    the first signature (with a （此件公开发布） under it) within or just after it.
    """
    filled = [i for i, line in enumerate(lines) if line.text.strip() and i not in rows]
    kept = [i for i in filled if lines[i].kept]
    if not kept:
        return set()
    first, last = kept[0], kept[-1]
    above = [i for i in filled if i < first][-FRAME_ABOVE:]
    number_at = next((i for i in above if DOC_NUMBER.fullmatch(lines[i].text.strip(" \u3000"))), None)
    back = {i for i in above if number_at is not None and i >= number_at}
    opening = [lines[i].text for i in filled if i >= first][:MAX_ADDRESSEE_LINES]
    back |= {above[k] for k in frame_above([lines[i].text for i in above] + opening, len(above))}  # its addressee
    span = [i for i in filled if (number_at if number_at is not None else first) <= i]
    span = span[:span.index(last) + 1 + FRAME_BELOW] if last in span else span
    sign = signature([lines[i].text for i in span])
    if sign:
        date_at = span[sign[2]]
        if date_at <= last or all(not lines[i].kept for i in span if last < i < date_at):
            back |= {span[k] for k in range(max(0, sign[2] - len(sign[0])), sign[2] + 1)}
            after = next((i for i in span if i > date_at), None)
            if after is not None and _PUBLICATION_NOTE.match(lines[after].text.strip()):
                back.add(after)
    return {i for i in back if not lines[i].kept}


FRAME_ABOVE = 8  # non-blank lines above the article searched for the 文号 line
FRAME_BELOW = 6  # non-blank lines after it searched for the signature


HEAD_LINES = 12  # lines around the top of the article searched for the 文号 line
