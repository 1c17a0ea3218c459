"""Builders shared by the tests: documents made by hand, not from the seeds."""
from pathlib import Path

from scrapedocs.model import Document, Line


def make_doc(text: str, name: str = "page.txt") -> Document:
    """A `Document` as the read stage would hand it on, for the text given."""
    doc = Document(path=Path(name), relpath=name, raw=text)
    doc.lines = [Line(number=i, text=t) for i, t in enumerate(text.split("\n"), start=1)]
    return doc


def kept(doc: Document) -> list[str]:
    return [line.text.strip() for line in doc.body]


_WORDS = ("专利 商标 版权 地理标志 知识产权 保护 运用 审查 执法 司法 合作 国际 创新 企业 高校 服务 数据 平台 质押 融资 "
          "人才 培养 品牌 海外 纠纷 应对 信用 监管 导航 转化 许可 评估 北京 上海 江苏 浙江 广东 四川 湖北 陕西 "
          "加强 推进 完善 健全 促进 规范 提升 深化 落实 建立").split()


def write_corpus(folder, n: int = 6) -> list[str]:
    """n small, distinct text dumps (no two are reprints; the second cites the first by title); their titles."""
    import random

    folder.mkdir(parents=True, exist_ok=True)
    titles = []
    for i in range(n):
        rng = random.Random(i)
        title = f"关于{rng.choice(_WORDS)}{rng.choice(_WORDS)}工作的第{i + 1}号通知"
        paragraphs = []
        for _ in range(3):
            sentences = ["".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 12))) + "。" for _ in range(4)]
            paragraphs.append("".join(sentences))
        if i == 1:
            paragraphs[1] = f"根据《{titles[0]}》的要求，" + paragraphs[1]
        lines = ["首页 > 新闻 > 正文", title, f"发布日期：20{10 + i}-0{1 + i % 9}-1{i % 10}  来源：新华社", *paragraphs,
                 "版权所有 © 2024 某网站"]
        (folder / f"doc{i:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        titles.append(title)
    return titles
