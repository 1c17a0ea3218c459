"""The gate before a slow pattern: it may let a line through that the pattern rejects, never the reverse."""
import random
import re

import pytest

from scrapedocs.clean.chrome import CHROME_PATTERNS, DISCLAIMER_PHRASES, fold
from scrapedocs.prefilter import Gate, Gates, factors

PATTERNS = [*CHROME_PATTERNS, ("disclaimer phrases", DISCLAIMER_PHRASES)]
CHROME_LINES = [
    "当前位置：首页 > 新闻中心 > 正文", "首页 » 政策", "字体：[大 中 小]", "【打印本页】【关闭窗口】", "浏览次数：1024",
    "Copyright © 2021 国家知识产权局 版权所有", "COPYRİGHT 2020", "CopyRight (C) 2019", "京ICP备12345678号",
    "京icp证 030173号", "京公网安备 11010502030143号", "免责声明：本站文章仅供参考", "未经许可不得转载",
    "广告 领峰环球8大交易优势 ×", "ADVERTISEMENT", "Sponſored", "回复【福利】查看", "扫描下方二维码关注我们",
    "信报财经新闻·8 小时前", "* 网友123 今天 12:08:37", "今天20:58 举报 赞 38回复", "上一篇：关于印发…的通知",
    "电话：010-12345678", "E-MAIL: ip@example.cn", "Qq交谈", "QQ: 12345678", "在线咨询", "工作时间：9:00-17:00",
    "责任编辑：王伟", "【1】【2】【3】", "核心提示：会议强调", "【 在 Kelvin 的大作中提到: 】", ": 引用的一行", "——", "？？",
]
PROSE = "会议强调，要加强知识产权保护，促进创新发展。各地区各部门要认真贯彻落实，确保取得实效。"


def _variants(line: str, rng: random.Random) -> list[str]:
    """The line folded, in other letter cases (with the letters `re` also matches to ASCII: K ſ ı İ), amid prose."""
    swaps = {"k": "\u212a", "s": "\u017f", "i": "\u0131", "I": "\u0130"}
    out = [fold(line), line.swapcase(), line.upper(), line.lower(), "".join(swaps.get(ch, ch) for ch in line)]
    out += [PROSE[:rng.randrange(len(PROSE))] + v + PROSE[rng.randrange(len(PROSE)):] for v in list(out)]
    return out


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_the_gate_never_rules_out_a_line_the_pattern_matches(name, pattern):
    rng = random.Random(name)
    lines = [v for line in CHROME_LINES for v in _variants(line, rng)] + [PROSE]
    assert any(pattern.search(line) for line in lines)  # the lines exercise the pattern
    gate = Gate(pattern)
    for line in lines:
        if pattern.search(line):
            assert gate.may_match(line), line


def test_most_chrome_patterns_have_a_gate_and_it_rules_prose_out():
    gated = [name for name, pattern in PATTERNS if factors(pattern) is not None]
    assert len(gated) >= len(PATTERNS) - 1  # all but the placeholder pattern (a line of punctuation)
    assert not any(Gate(pattern).may_match(PROSE) for name, pattern in PATTERNS if name in gated)


def test_a_pattern_without_required_strings_lets_every_line_through():
    assert factors(re.compile(r"\d{4}\s\d{2}")) is None
    assert Gate(re.compile(r"\d{4}\s\d{2}")).may_match("知识产权")


def test_the_gates_of_a_list_open_what_each_gate_opens():
    rng = random.Random("gates")
    lines = [v for line in CHROME_LINES for v in _variants(line, rng)] + [PROSE, "", "ſ版权所有"]
    patterns = [pattern for _, pattern in PATTERNS] + [re.compile(r"\d{4}\s\d{2}")]  # the last: no factors
    gates, each = Gates(patterns), [Gate(pattern) for pattern in patterns]
    for line in lines:
        assert gates.open(line) == [i for i, gate in enumerate(each) if gate.may_match(line)], line
