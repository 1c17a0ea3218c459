#!/usr/bin/env python3
"""Write the made-up notice dev set: tests/fixtures/notices/ (HTML pages, text dumps, gold.json).

We have no real State Council notice pages here (no network but package
registries), so these are *made-up* notices laid out the way government sites
lay them out: gov.cn's older page (an information table of label cells with
spacing spans, the 文号 centred under the title, the 落款 right-aligned, an
attachment after it), gov.cn's newer page (the table twice: desktop and
mobile), a provincial 信息公开 page (label spans in a list, other label words),
a reprint without any table (the 文号 line and the 落款 only) and a joint
notice with a letter-spaced signature. Addressee lines (主送机关) take the
shapes gov.cn gives them: one line; several lines, one paragraph each; a long
line broken by <br> before a short `武警总部：` on its own; a line split into
<span>s; a short one broken by <br> standing first when the 文号 is only in the
information table; one left above the editor's div that wraps the text. Each page also gets a crawler text dump made with inscriptis (`pip
install inscriptis`; not a dependency of the project), as the extraction dev
set does.

The gold is the spec each page is written from, never the converter's output.

Usage: python benchmarks/notices/make_notices.py
"""
from __future__ import annotations

import html
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "notices"

NOTICES = [
    dict(name="guofa_plan", layout="govcn_old", title="国务院关于印发“十四五”市场监管现代化规划的通知",
         number="国发〔2021〕30号", issuer=["国务院"], written="2021-12-14", published="2021-12-28", type="通知",
         index="000014349/2021-00151", topic="市场监管、安全生产监管\\市场监管",
         addressee=["各省、自治区、直辖市人民政府，国务院各部委、各直属机构，", "各军区、各军兵种、各总部，武警总部："],
         body=["现将《“十四五”市场监管现代化规划》印发给你们，请认真贯彻执行。"],
         attachment=("“十四五”市场监管现代化规划", ["一、发展基础和面临形势", "（一）发展基础。",
                     "“十三五”时期，市场监管体制改革深入推进，统一的市场监管框架基本建立，监管效能不断提升。",
                     "二、总体要求", "（二）指导思想。",
                     "以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。"])),
    dict(name="guobanfa_opinion", layout="govcn_new", title="国务院办公厅关于进一步加强知识产权运用工作的意见",
         number="国办发〔2022〕11号", issuer=["国务院办公厅"], written="2022-03-02", published="2022-03-09", type="意见",
         index="000014349/2022-00021", topic="科技、教育\\知识产权",
         addressee=["各省、自治区、直辖市人民政府，国务院各部委、各直属机构："], editor_div=True,
         body=["知识产权运用是实现知识产权价值的关键环节。为进一步加强知识产权运用工作，经国务院同意，现提出以下意见。",
               "一、总体要求", "坚持市场主导、政府引导，健全知识产权运用体系，促进创新成果更多惠及人民。",
               "二、重点任务", "（一）完善知识产权转化机制。支持高校和科研机构建立专业化技术转移机构。",
               "（二）拓展知识产权金融服务。鼓励金融机构开发知识产权质押融资产品。",
               "本意见自印发之日起施行。"], effective="2022-03-02"),
    dict(name="guohan_reply", layout="province", title="国务院关于同意在天津市开展知识产权综合改革试点的批复",
         number="国函〔2021〕88号", issuer=["国务院"], written="2021-08-19", published="2021-08-30", type="批复",
         index="11120000MB1A23456X/2021-00088", topic="科技、教育",
         number_line=False, addressee=["天津市人民政府、", "国家知识产权局："], addressee_layout="br",
         body=["你们关于在天津市开展知识产权综合改革试点的请示收悉。现批复如下：",
               "一、同意在天津市开展知识产权综合改革试点，试点期为三年。",
               "二、天津市人民政府要切实加强组织领导，确保试点工作取得实效。"]),
    dict(name="mingdian_notice", layout="reprint", title="国务院办公厅关于做好知识产权保护宣传周有关工作的通知",
         number="国办发明电〔2020〕5号", issuer=["国务院办公厅"], written="2020-04-10", published=None, type="通知",
         addressee=["各省、自治区、直辖市人民政府，国务院各部委、各直属机构，各军区、各军兵种、各总部、", "武警总部："],
         addressee_layout="br",
         body=["为做好今年全国知识产权宣传周有关工作，营造尊重知识、崇尚创新的社会氛围，经国务院同意，现就有关事项通知如下。",
               "一、各地区、各部门要精心组织宣传活动，突出保护知识产权就是保护创新的主题。",
               "二、要加强统筹协调，确保各项活动安全有序开展。"]),
    dict(name="joint_opinion", layout="govcn_old", title="中共中央办公厅 国务院办公厅印发《关于强化知识产权保护的意见》的通知",
         number="中办发〔2019〕56号", issuer=["中共中央办公厅", "国务院办公厅"], written="2019-11-24",
         published="2019-11-24", type="通知", index="000014349/2019-00190", topic="科技、教育\\知识产权",
         spaced_signature=True,
         addressee=["各省、自治区、直辖市党委和人民政府，", "中央和国家机关各部委，", "解放军各大单位，各人民团体："],
         body=["《关于强化知识产权保护的意见》已经中央领导同志同意，现印发给你们，请结合实际认真贯彻落实。"]),
    dict(name="regulation_order", layout="govcn_new", title="专利代理条例",
         number="中华人民共和国国务院令第706号", issuer=["国务院"], written="2018-11-06", published="2018-11-13",
         type="条例", index="000014349/2018-00211", topic="科技、教育\\知识产权", signature=False,
         body=["第一章 总则", "第一条 为了规范专利代理行为，保障委托人、专利代理机构和专利代理师的合法权益，制定本条例。",
               "第二条 本条例所称专利代理，是指专利代理机构接受委托，以委托人的名义办理专利事务的行为。",
               "第二章 专利代理机构", "第三条 专利代理机构应当依法设立。", "第四条 本条例自2019年3月1日起施行。"],
         effective="2019-03-01"),
    dict(name="cnipa_notice", layout="province", title="国家知识产权局关于开展2021年专利代理行业专项整治工作的通知",
         number="国知发运字〔2021〕12号", issuer=["国家知识产权局"], written="2021-04-02", published="2021-04-08",
         type="通知", index="11100000MB0341032Y/2021-00060", topic="专利",
         addressee=["各省、自治区、直辖市和新疆生产建设兵团知识产权局："], addressee_layout="spans",
         body=["为进一步规范专利代理行为，维护专利代理行业秩序，国家知识产权局决定开展专项整治工作。现将有关事项通知如下：",
               "一、整治重点", "重点整治无资质专利代理、以不正当手段招揽业务等违法违规行为。",
               "二、工作要求", "各地要加强组织领导，及时报送工作进展。本通知自发布之日起施行。"], effective="2021-04-08"),
    dict(name="guofa_decision", layout="reprint", title="国务院关于修改和废止部分行政法规的决定",
         number="国务院令第752号", issuer=["国务院"], written="2022-03-29", published=None, type="决定",
         body=["为了依法推进简政放权、放管结合、优化服务改革，国务院对涉及的行政法规进行了清理。经过清理，国务院决定：",
               "一、对14部行政法规的部分条款予以修改。", "二、对6部行政法规予以废止。",
               "本决定自2022年5月1日起施行。"], effective="2022-05-01"),
]

GOVCN_CHROME_HEAD = ('<div class="header"><a href="/">首页</a> | <a href="/zhengce/">政策</a> | <a href="/hudong/">互动</a>'
                     ' | <a href="/fuwu/">服务</a> | <a href="/shuju/">数据</a></div>'
                     '<div class="BreadcrumbNav">首页 &gt; 政策 &gt; 国务院文件 &gt; 国务院文件</div>')
GOVCN_FOOTER = ('<div class="footer"><p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>'
                '<p>版权所有：中国政府网　中文域名：中国政府网.政务</p><p>网站标识码bm01000001　京ICP备05070218号</p></div>')


def cn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def _label(text: str, spaced: bool = False) -> str:
    if spaced and len(text) == 2:
        return f"{text[0]}<span style=\"margin-left:2em\"></span>{text[1]}："
    if spaced and len(text) == 3:
        return f"{text[0]}<span style=\"margin-left:0.5em\"></span>{text[1]}<span></span>{text[2]}："
    return text + "："


def _addressee(lines: list[str], layout: str) -> list[str]:
    """The addressee (主送机关) as gov.cn writes it: a paragraph per line, one paragraph broken by <br>, or <span>s."""
    e = html.escape
    if layout == "br":
        return ["<p>" + "<br/>".join(e(line) for line in lines) + "</p>"]
    if layout == "spans":  # the editor's markup cuts a line where two items meet: <span>各省</span><span>、自治区…
        spans = []
        for line in lines:
            head, sep, tail = line.partition("、")
            spans += [head, sep + tail] if sep else [line]
        return ["<p>" + "".join(f"<span>{e(span)}</span>" for span in spans) + "</p>"]
    return [f"<p>{e(line)}</p>" for line in lines]


def _paragraphs(n: dict) -> str:
    e = html.escape
    out = [f'<p style="text-align: center;">{e(n["number"])}</p>'] if n.get("number_line", True) else []
    out += _addressee(n.get("addressee", []), n.get("addressee_layout", "p"))
    # The CMS's editor div may wrap the text alone, the 文号 and the addressee left above it.
    out += ['<div class="TRS_Editor">'] if n.get("editor_div") else []
    out += [f"<p>{e(p)}</p>" for p in n["body"]]
    if n.get("signature", True):
        if n.get("spaced_signature"):
            out += [f'<p style="text-align: right;">{"&nbsp;&nbsp;".join(name)}</p>' for name in n["issuer"]]
        else:
            out += [f'<p style="text-align: right;">{e(name)}</p>' for name in n["issuer"]]
        out.append(f'<p style="text-align: right;">{cn_date(n["written"])}</p>')
        out.append("<p>（此件公开发布）</p>")
    if n.get("attachment"):
        title, items = n["attachment"]
        out.append(f'<p style="text-align: center;"><strong>{e(title)}</strong></p>')
        out += [f"<p>{e(p)}</p>" for p in items]
    out += ["</div>"] if n.get("editor_div") else []
    return "\n".join(out)


def govcn_old(n: dict) -> str:
    e = html.escape
    rows = [("索引号", n["index"], "主题分类", n["topic"]),
            ("发文机关", "　".join(n["issuer"]), "成文日期", cn_date(n["written"])),
            ("标题", n["title"], None, None),
            ("发文字号", n["number"], "发布日期", cn_date(n["published"]))]
    table = []
    for a, b, c, d in rows:
        cells = f'<td width="12%"><b>{_label(a, True)}</b></td><td width="38%">{e(b)}</td>'
        cells += f'<td width="12%"><b>{_label(c)}</b></td><td>{e(d)}</td>' if c else ""
        table.append(f"<tr>{cells}</tr>")
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{e(n['title'])}_国务院文件_中国政府网</title>"
            f'</head><body>{GOVCN_CHROME_HEAD}<div class="wrap"><table class="bd1" border="1">{"".join(table)}</table>'
            f'<table><tr><td class="b12c"><h1>{e(n["title"])}</h1></td></tr>'
            f'<tr><td id="UCAP-CONTENT" class="b12c">{_paragraphs(n)}</td></tr></table>'
            f'<div class="share">【我要纠错】 责任编辑：王洋</div></div>{GOVCN_FOOTER}</body></html>')


def govcn_new(n: dict) -> str:
    e = html.escape
    pc = (f'<div class="pctoday_box"><table class="border-table noneBorder pcTab">'
          f'<tr><td class="textLabel"><b>索 引 号：</b></td><td>{e(n["index"])}</td>'
          f'<td class="textLabel"><b>主题分类：</b></td><td>{e(n["topic"])}</td></tr>'
          f'<tr><td class="textLabel"><b>发文机关：</b></td><td>{e("　".join(n["issuer"]))}</td>'
          f'<td class="textLabel"><b>成文日期：</b></td><td>{cn_date(n["written"])}</td></tr>'
          f'<tr><td class="textLabel"><b>标　　题：</b></td><td colspan="3">{e(n["title"])}</td></tr>'
          f'<tr><td class="textLabel"><b>发文字号：</b></td><td>{e(n["number"])}</td>'
          f'<td class="textLabel"><b>发布日期：</b></td><td>{cn_date(n["published"])}</td></tr></table></div>')
    mobile = (f'<div class="mxxgk"><ul><li><span>标题：</span>{e(n["title"])}</li>'
              f'<li><span>发文机关：</span>{e("　".join(n["issuer"]))}</li>'
              f'<li><span>发文字号：</span>{e(n["number"])}</li><li><span>来源：</span>国务院办公厅</li>'
              f'<li><span>主题分类：</span>{e(n["topic"])}</li><li><span>公文种类：</span>{e(n["type"])}</li>'
              f'<li><span>成文日期：</span>{cn_date(n["written"])}</li></ul></div>')
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{e(n['title'])}_国务院文件_中国政府网</title>"
            f'<meta name="firstpublishedtime" content="{n["published"]}-09:00:00"></head><body>{GOVCN_CHROME_HEAD}'
            f'{pc}{mobile}<div class="article"><h1 id="ti">{e(n["title"])}</h1>'
            f'<div class="pages_content" id="UCAP-CONTENT">{_paragraphs(n)}</div></div>{GOVCN_FOOTER}</body></html>')


def province(n: dict) -> str:
    e = html.escape
    info = (f'<div class="xxgk-info"><ul>'
            f'<li><span class="label">索引号：</span><span>{e(n["index"])}</span></li>'
            f'<li><span class="label">分类：</span><span>{e(n["topic"])}</span></li>'
            f'<li><span class="label">发布机构：</span><span>{e("、".join(n["issuer"]))}</span></li>'
            f'<li><span class="label">成文日期：</span><span>{n["written"]}</span></li>'
            f'<li><span class="label">文号：</span><span>{e(n["number"])}</span></li>'
            f'<li><span class="label">发布日期：</span><span>{n["published"]}</span></li>'
            f'<li><span class="label">名称：</span><span>{e(n["title"])}</span></li></ul></div>')
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{e(n['title'])}-信息公开-门户网站</title>"
            f'</head><body><div class="nav">网站首页 政务公开 政务服务 互动交流</div>{info}'
            f'<div class="detail"><h2 class="title">{e(n["title"])}</h2>'
            f'<div class="content">{_paragraphs(n)}</div></div>'
            f'<div class="foot">主办：门户网站 联系我们 网站地图</div></body></html>')


def reprint(n: dict) -> str:
    e = html.escape
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{e(n['title'])}_法律法规_法律网</title>"
            f'</head><body><div class="nav">首页 法律法规 司法解释 地方法规</div><div class="main">'
            f'<h1>{e(n["title"])}</h1><div class="info">来源：法律网　浏览次数：1024</div>'
            f'<div class="text">{_paragraphs(n)}</div></div>'
            f'<div class="related"><h3>相关文章</h3><ul><li><a href="/a/1.html">专利法实施细则</a></li>'
            f'<li><a href="/a/2.html">商标法</a></li></ul></div></body></html>')


LAYOUTS = {"govcn_old": govcn_old, "govcn_new": govcn_new, "province": province, "reprint": reprint}


def gold_body(n: dict) -> str:
    lines = [n["number"]] if n.get("number_line", True) else []
    lines += n.get("addressee", []) + n["body"]
    if n.get("signature", True):
        lines += n["issuer"] + [cn_date(n["written"]), "（此件公开发布）"]
    if n.get("attachment"):
        lines += [n["attachment"][0], *n["attachment"][1]]
    return "\n".join(lines)


def main() -> None:
    from inscriptis import get_text

    OUT.mkdir(parents=True, exist_ok=True)
    gold = {}
    for n in NOTICES:
        page = LAYOUTS[n["layout"]](n)
        (OUT / f"{n['name']}.html").write_text(page, encoding="utf-8")
        (OUT / f"{n['name']}.txt").write_text(get_text(page), encoding="utf-8")
        g = {"title": n["title"], "doc_number": n["number"], "issuer": "、".join(n["issuer"]),
             "doc_type": n["type"], "written_date": n["written"], "layout": n["layout"], "body": gold_body(n)}
        # A notice with an information table is dated by its 成文日期; a reprint by the date it states.
        g["date"] = n["written"]
        if n.get("effective"):
            g["effective_date"] = n["effective"]
        gold[n["name"]] = g
    (OUT / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(NOTICES)} notices × (HTML, text dump) written to {OUT}")


if __name__ == "__main__":
    main()
