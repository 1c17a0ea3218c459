"""People and organisations a document names: a lexicon, and names next to a title or a speech verb.

Organisations: the lexicon's names (`scrapedocs/data/lexicon.yml`, extended by
a `lexicon.yml` in the project folder), and a place followed by an institution
(广东省知识产权局, 北京知识产权法院), all found by one Aho-Corasick pass.

People: the lexicon's names, and two or three Han characters starting with a
common surname where a title stands before them (局长申长雨) or a title or a
speech verb after them (申长雨表示, 习近平总书记). A candidate is dropped when
the dictionary knows it, or its first two characters, as something other than
a name (高度, 方面, 江苏; 任务新), when it holds a title or a function word
(任委员, 王伟在, 向大家), or when a longer name found in the same text starts
with it (白光 in 白光清). No part-of-speech tagger runs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..restore import HAN
from .lexicon import Project, lexicon
from .terms import dictionary

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
    "石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤申易甘习温乔庞葛康伍聂章鲁牛"
)
TITLES = (
    "总书记 书记 国家主席 主席 总理 副总理 国务委员 部长 副部长 局长 副局长 司长 副司长 主任 副主任 院长 副院长 处长 厅长 "
    "教授 副教授 研究员 记者 编辑 同志 委员 代表 会长 副会长 秘书长 总裁 董事长 总经理 专家 律师 法官 检察官 大使 发言人"
).split()
SPEECH = "说 表示 指出 强调 认为 介绍 提出 要求 主持 出席 会见 接受 透露 坦言 谈到 称".split()
#: Characters that never end or sit inside a given name here: function words, units, institutions.
NOT_NAME = frozenset("的了在是和与及等对为也都将要并把被从向于这那其之不已还就又而上下中个们年月日号省市县区局部委会院所处厅司称说")
#: Parts of speech a given name never has (pronouns, adverbs, prepositions, conjunctions, …).
FUNCTION_TAGS = frozenset("rdpcumqfyoe")
COMMON = 5000  # a word this frequent in jieba's corpus is not a given name (大家, 社会; not 建国, 海洋)
_HAN = re.compile(f"[{HAN}]")
_BEFORE = re.compile("|".join(sorted(TITLES, key=len, reverse=True)))  # a name follows
_AFTER = re.compile("|".join(sorted(TITLES + SPEECH, key=len, reverse=True)))  # a name precedes
#: What may follow a name that a title introduces (局长申长雨在…, 司长白光清30日…).
_FOLLOW = re.compile(
    r"[\s，。、；：！？,.;:!?（(“”\"0-9]|$|" + "|".join(SPEECH + ["在", "等", "和", "与", "同志", "一行", "率", "就", "也", "还",
                                                               "对", "向", "为", "到", "参加", "调研", "考察",
                                                               "摄", "报道"])
)


@lru_cache(maxsize=4)
def _automaton(project: bytes | None = None):
    """Every lexicon name, and every place + institution (广东省知识产权局), in one automaton."""
    import ahocorasick

    lex = lexicon(project)
    auto = ahocorasick.Automaton()
    for name in lex.organisations:
        auto.add_word(name, ("organisations", name))
    for place in lex.places:
        for suffix in ("", "省", "市", "自治区"):
            for institution in lex.institutions:
                name = place + suffix + institution
                auto.add_word(name, ("organisations", name))
    for name in lex.people:
        auto.add_word(name, ("people", name))
    if len(auto):
        auto.make_automaton()
        return auto
    return None


def named(text: str, project: Project = Project()) -> dict[str, set[str]]:
    """Lexicon organisations and people in `text`, longest match first."""
    found: dict[str, set[str]] = {"organisations": set(), "people": set()}
    auto = _automaton(project.lexicon)
    if auto is not None:
        for _, (kind, name) in auto.iter_long(text):
            found[kind].add(name)
    return found


def _is_name(candidate: str, dic) -> bool:
    if len(candidate) < 2 or candidate[0] not in SURNAMES or not all(_HAN.match(c) for c in candidate):
        return False
    if any(c in NOT_NAME for c in candidate[1:]) or any(t in candidate for t in TITLES):
        return False
    tag = dic.tag(candidate)
    if tag:
        return tag.startswith("nr")  # a name the dictionary knows (王建国), or a word (高度, 方面, 江苏)
    if len(candidate) == 3:
        head, given = dic.tag(candidate[:2]), dic.tag(candidate[1:])
        if head and not head.startswith("nr"):
            return False  # 任务新 (新任务新要求)
        if given and (given[0] in FUNCTION_TAGS or dic.frequency(candidate[1:]) >= COMMON):
            return False  # 向大家 (向大家表示), not 王建国
    return True


def people_in(text: str, project: Project = Project()) -> set[str]:
    """Names standing next to a title or a speech verb in `text`.

    >>> sorted(people_in("局长申长雨在会上指出，司长白光清30日表示，会议高度评价。王伟表示同意。"))
    ['王伟', '申长雨', '白光清']
    """
    dic = dictionary(project)
    found = set()
    for m in _AFTER.finditer(text):  # 申长雨表示, 习近平总书记
        for size in (3, 2):
            candidate = text[max(0, m.start() - size):m.start()]
            if len(candidate) == size and _is_name(candidate, dic):
                found.add(candidate)
                break
    for m in _BEFORE.finditer(text):  # 局长申长雨在…
        for size in (3, 2):
            candidate = text[m.end():m.end() + size]
            if len(candidate) == size and _is_name(candidate, dic) and _FOLLOW.match(text, m.end() + size):
                found.add(candidate)
                break
    # A shorter name inside a longer one found too (白光 in 白光清) is a segmentation slip.
    return {n for n in found if not any(n != m and m.startswith(n) for m in found)}
