"""Made-up collections for the tests of lists and pages: distinct documents, some citing one.

Text dumps shaped like scraped pages (a menu line, the title, a byline, paragraphs, a
footer), with words drawn from a fixed vocabulary by a seeded generator, so no two
documents share enough text to merge as reprints. Metadata a test needs is set by a
sidecar (`NAME.yml`), as a user would.
"""
from __future__ import annotations

import random
from pathlib import Path

import yaml

WORDS = (
    "知识产权 专利 商标 版权 地理标志 审查 保护 运用 服务 管理 创新 企业 高校 科研 机构 市场 执法 司法 行政 制度 "
    "体系 改革 试点 示范 园区 产业 集群 品牌 质量 效率 周期 信息 数据 平台 公共 资源 人才 培训 宣传 教育 文化 合作 "
    "交流 国际 规则 谈判 协定 海外 维权 援助 纠纷 调解 仲裁 诉讼 赔偿 侵权 假冒 盗版 打击 整治 监测 预警 分析 评价 "
    "统计 指标 目标 任务 措施 保障 资金 政策 法规 条例 办法 意见 通知 规划 纲要 方案 计划 报告 总结 部署 推进 落实"
).split()


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    out = []
    for _ in range(sentences):
        out.append("".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))) + "。")
    return "".join(out)


def write_collection(folder: Path, n: int, cited_title: str = "", citing: int = 0,
                     meta=None, paragraphs: int = 6) -> list[Path]:
    """`n` sources in `folder`; the first `citing` of them after the first cite `cited_title` in 《》.

    When `cited_title` is given, source 0 is that document. `meta(i)` returns a sidecar mapping.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        rng = random.Random(i)
        title = cited_title if (cited_title and i == 0) else f"关于{rng.choice(WORDS)}{rng.choice(WORDS)}工作的第{i}号通知"
        day = f"20{10 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        body = [paragraph(rng) for _ in range(paragraphs)]
        if cited_title and 1 <= i <= citing:
            body[1] = f"根据《{cited_title}》的要求，" + body[1]
        lines = ["首页 > 政策 > 正文", "", title, "", f"发布日期：{day}  来源：政策文库测试站", ""]
        lines += [p + "\n" for p in body] + ["版权所有 © 测试站"]
        path = folder / f"doc{i:04d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        if meta is not None and meta(i):
            path.with_suffix(".yml").write_text(yaml.safe_dump(meta(i), allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths
