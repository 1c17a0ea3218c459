"""Sentences that read like the seeds: a word-bigram chain trained on the Chinese of seeds/ and the dev set."""
from __future__ import annotations

import bisect
import gzip
import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The dev set's text dumps the model learns from: a fixed list, so that the corpus stays the same
#: (for a seed) when the dev set grows.
DEVSET = ("163_1 163_9 baijiahao_2 cjddsb_1 cjn_1 cmse_1 csdn_1 ednchina_1 gamersky_gamersky gsc_1 guancha_3 "
          "gzggw_1 hexun_1 ifeng_1 ifeng_ifeng mingridapan_1 njxfhn_1 other_1 people_1 qq_qq readhub_readhub "
          "shanxi_1 sina_2 stcn_1 thepaper_5 xinhuanet_1 zsnews_1 zyyfy_1").split()


def _training_text() -> list[str]:
    """Chinese sentences from seeds/*.txt and the `DEVSET` text dumps."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in DEVSET:
        with gzip.open(ROOT / "tests" / "fixtures" / "devset" / f"{name}.txt.gz", "rt", encoding="utf-8",
                       errors="replace") as f:
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
