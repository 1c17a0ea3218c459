"""What each generated document says: its title, date, outlet, outline headings and paragraphs."""
from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass

from .language import chain
from .vocabulary import (
    ACTIONS,
    DOC_TYPES,
    ORGS,
    OUTLETS,
    PEOPLE,
    PLACES,
    POLICY_ENDINGS,
    SHORT_NAMES,
    TOPICS,
    WELL_KNOWN,
    cn,
)


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
                blocks.append(("heading", f"{cn(section)}、{rng.choice(ACTIONS)}{rng.choice(TOPICS)}{rng.choice(['', '工作', '体系建设', '能力'])}"))
            elif outline and rng.random() < 0.2:
                sub += 1
                blocks.append(("heading", f"（{cn(sub)}）{rng.choice(ACTIONS)}{rng.choice(TOPICS)}。"))
            text = self._paragraph(rng, spec, cites)
            blocks.append(("paragraph", text))
            length += len(text)
        if rng.random() < 0.3:
            blocks.append(("paragraph", f"（{rng.choice(['完', '记者 ' + rng.choice(PEOPLE), '本报记者 ' + rng.choice(PEOPLE)])}）"))
        return spec, blocks
