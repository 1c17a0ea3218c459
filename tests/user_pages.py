"""A user's own collection, unlike this repository's: made-up pages on environmental policy.

Written for the tests of `scrapedocs new` and of the installed tool: a new user's pages
(HTML saved from news and government sites, a text dump, a Markdown note), in Chinese and in
English, one citing another by title, none about intellectual property. Made up here, so the
tests own what the pages say.
"""
from __future__ import annotations

from pathlib import Path

ZH_PAGES = {
    "air.html": """<!doctype html><html><head><meta charset="utf-8"><title>关于加强大气污染防治工作的通知_生态环境局</title></head>
<body><div class="nav">首页 | 政务公开 | 新闻中心 | 办事服务</div>
<div class="article"><h1>关于加强大气污染防治工作的通知</h1>
<p class="info">发布时间：2023-04-12　来源：某市生态环境局</p>
<p>各区人民政府，市政府各部门：</p>
<p>为持续改善空气质量，切实保障人民群众身体健康，经市政府同意，现就加强大气污染防治工作通知如下。</p>
<p>一、严格控制工业排放。重点行业企业要全面执行特别排放限值，按期完成超低排放改造，确保污染物稳定达标排放。</p>
<p>二、加强移动源治理。加快淘汰老旧柴油货车，推广新能源公交车和出租车，严格查处冒黑烟车辆。</p>
<p>三、强化扬尘管控。建筑工地要做到围挡、覆盖、冲洗、湿法作业全覆盖，道路保洁要提高机械化作业比例。</p>
<p>四、完善重污染天气应对。各区要修订应急预案，落实减排清单，确保预警信息发布后措施及时到位。</p>
</div><div class="footer">版权所有：某市生态环境局　网站标识码：1234567890</div></body></html>
""",
    "water.txt": """首页 > 新闻中心 > 工作动态
某市召开水环境治理工作推进会
2023-06-20 08:30　来源：某市日报　作者：李明
6月19日，某市召开水环境治理工作推进会，总结上半年工作，部署下一阶段任务。
会议指出，今年以来，全市深入贯彻《关于加强大气污染防治工作的通知》和水污染防治行动计划，河湖水质持续向好，国控断面优良比例同比提高五个百分点。
会议要求，各区要压实河长责任，加快污水管网建设，推进黑臭水体整治，确保年底前城市建成区黑臭水体基本消除。
会议强调，要加强部门协作，完善监测网络，对超标排放行为依法从严查处，切实守护好一江碧水。
责任编辑：王芳
分享到：微信 微博 QQ空间
""",
    "forest.md": """---
title: 森林资源保护条例实施情况的调研报告
date: 2022-11-03
source: 某省林业局
---

今年以来，调研组赴多个县区，就森林资源保护条例的实施情况开展专题调研，听取汇报，查看现场，召开座谈会。

调研发现，各地普遍建立了林长制，森林覆盖率稳步提高，森林火灾和病虫害防控能力明显增强。

同时也存在基层管护力量不足、资金投入渠道单一、执法手段有限等问题，需要在下一步工作中着力解决。
""",
}

EN_PAGES = {
    "river.html": """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>City Launches River Restoration Plan | Green News</title></head>
<body><nav>Home | World | Environment | Business | Contact</nav>
<article><h1>City Launches River Restoration Plan</h1>
<p class="byline">By Anna Smith | Published March 3, 2023</p>
<p>The city council approved a ten-year plan on Thursday to restore the river that runs through the old industrial district, after decades of pollution from factories along its banks.</p>
<p>The plan sets aside money to remove contaminated sediment, rebuild the wetlands near the harbour and open a public path along both banks, officials said.</p>
<p>"This is the largest environmental project the city has undertaken," the mayor told reporters, adding that the first stage would begin in the autumn.</p>
<p>Local residents welcomed the decision but asked the council to publish regular reports on water quality so that progress can be checked by everyone.</p>
</article><footer>Copyright 2023 Green News. All rights reserved. Privacy | Terms</footer></body></html>
""",
    "coast.html": """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>New Rules Protect Coastal Wetlands | Green News</title></head>
<body><nav>Home | World | Environment | Business | Contact</nav>
<article><h1>New Rules Protect Coastal Wetlands</h1>
<p class="byline">By Tom Brown | Published July 14, 2023</p>
<p>The regional government published new rules on Friday that forbid building on coastal wetlands and require developers to restore any marsh they damage.</p>
<p>Scientists said the wetlands store large amounts of carbon and protect nearby towns from storm surges, which have grown stronger in recent years.</p>
<p>The rules follow the City Launches River Restoration Plan announced in March, and officials said both programmes would share monitoring stations.</p>
<p>Fishing groups said they supported the measures, provided that traditional small boats can still use the channels through the marsh.</p>
</article><footer>Copyright 2023 Green News. All rights reserved. Privacy | Terms</footer></body></html>
""",
}


def write_pages(folder: Path, pages: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
