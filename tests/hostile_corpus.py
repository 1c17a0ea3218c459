"""A hostile corpus, generated: what an attacker or an unlucky colleague drops into the input folder.

`make_corpus(folder, outside)` writes every case into `folder` (and a few
secrets into `outside`, a folder next to it that must never be read) and
returns what each file must become: a page, a failure with a reason, a
skipped file with a reason, or a sidecar read with its source. Payloads call
`alert(…)` and set `window.__pwned`, so a browser pass can tell when one runs.
"""
from __future__ import annotations

import io
import os
import random
from dataclasses import dataclass
from pathlib import Path

#: Written only outside the input folder: it must appear nowhere in docs/, the site or the report.
CANARY = "CANARY7f3a9c-outside-the-input-folder"

PAYLOADS = [
    "<script>alert('script');window.__pwned=1</script>",
    "<img src=x onerror=\"alert('img');window.__pwned=1\">",
    "<svg onload=\"alert('svg')\"><circle r=1></svg>",
    "<iframe srcdoc=\"<script>parent.alert('srcdoc')</script>\"></iframe>",
    "<a href=\"javascript:alert('js-link')\">点我</a>",
    "<a href=\"data:text/html,<script>alert('data')</script>\">数据</a>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('refresh')\">",
    "<details open ontoggle=\"alert('toggle')\">x</details>",
    "<body onload=\"alert('body')\">",
    "<style>@import 'javascript:alert(1)';</style>",
    "<base href=\"javascript:alert('base')//\">",
    "<form action=\"javascript:alert('form')\"><button>提交</button></form>",
    "<object data=\"data:text/html,<script>alert('object')</script>\"></object>",
    "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert('math')\">x</maction></math>",
    "&lt;script&gt;alert('entity')&lt;/script&gt;",
    "&#60;img src=x onerror=alert('numeric')&#62;",
]
#: Markdown-only tricks: links, images, attribute lists, include lines, autolinks.
MARKDOWN_PAYLOADS = [
    "[链接](javascript:alert('md-link'))",
    "[链接2](  JaVaScRiPt:alert('md-link2') )",
    "![图片](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert('autolink')>",
    "[引用式][evil]\n\n[evil]: javascript:alert('ref')",
    "段落 {: onclick=\"alert('attr')\" }",
    "<div markdown=\"1\" onmouseover=\"alert('div')\">**粗体**</div>",
]
INCLUDES = ['--8<-- "index.md"', '--8<-- "../../../etc/passwd"', '--8<-- "missing-file.md"', "--8<--",
            "articles/.table.md", "--8<--", ';--8<-- "index.md"', '-8<- "index.md"']

SENTENCES = [
    "国务院近日印发关于加强知识产权保护的若干意见，对今后一个时期的工作作出部署。",
    "意见要求各地区各部门认真贯彻落实，确保各项措施取得实效。",
    "国家知识产权局表示，将进一步完善专利审查制度，提高审查质量和效率。",
    "会议指出，要加快构建知识产权大保护工作格局，强化司法保护。",
    "商标注册便利化改革持续推进，平均审查周期进一步缩短。",
    "地理标志产品保护制度不断健全，助力乡村振兴和区域经济发展。",
    "各地知识产权管理部门加强执法协作，严厉打击侵权假冒行为。",
    "数据显示，我国发明专利拥有量稳步增长，质量效益明显提升。",
    "要推动知识产权运营服务体系建设，促进创新成果转移转化。",
    "加强知识产权国际合作，积极参与全球知识产权治理。",
    "高校和科研院所要完善知识产权管理制度，提升专利转化率。",
    "中小企业知识产权服务平台建设取得积极进展。",
    "集成电路布图设计保护工作稳步开展，服务产业发展。",
    "植物新品种保护水平进一步提高，种业创新活力增强。",
    "版权产业发展势头良好，对国民经济的贡献持续扩大。",
    "知识产权质押融资规模不断扩大，缓解了科技企业融资难题。",
    "仲裁调解机制逐步完善，纠纷多元化解渠道更加通畅。",
    "海关知识产权保护力度加大，查扣侵权货物数量明显增加。",
    "知识产权信用体系建设加快推进，失信行为受到联合惩戒。",
    "人才队伍建设得到加强，专业化水平不断提高。",
    "公共服务网点覆盖范围持续扩大，服务效能显著提升。",
    "审查员队伍规模稳中有增，审查能力持续增强。",
    "专利侵权纠纷行政裁决试点工作扎实推进。",
    "营商环境持续优化，市场主体创新积极性不断提高。",
]


def article(name: str, sentences: int = 5) -> str:
    """A few distinct paragraphs of plain Chinese prose, different for each name (so no two merge as reprints)."""
    rng = random.Random(name)
    return "\n".join(rng.sample(SENTENCES, sentences)) + "\n"


@dataclass
class Case:
    source: str  # path under the input folder ("/" at the end for a folder); a record: "crawl.warc.gz#URL"
    expect: str  # "page", "failed", "skipped", "sidecar"; "container" (an archive), "record" (a line of it)
    reason: str = ""  # a phrase the failure or skip reason must contain
    injected: bool = False  # the page carries injected markup: the browser pass visits it


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def make_corpus(folder: Path, outside: Path, max_size: int, huge_record: int = 0) -> list[Case]:
    """Write the hostile corpus into `folder` (secrets into `outside`); what each file must become.

    `huge_record`: bytes of a record written into an archive as well (the benchmark writes 1 GB).
    """
    folder.mkdir(parents=True)
    outside.mkdir(parents=True)
    cases: list[Case] = []

    def add(name: str, data, expect: str = "page", reason: str = "", injected: bool = False):
        if data is not None:
            _write(folder, name, data)
        cases.append(Case(name, expect, reason, injected))

    # ---- secrets outside the input folder
    _write(outside, "secret.txt", f"{CANARY}\n" + article("secret") + f"{CANARY}\n")
    _write(outside, "secret.yml", f"title: {CANARY}\n")
    _write(outside, "dir/inner.txt", f"{CANARY}\n" + article("inner"))

    # ---- text dumps carrying markup, include lines and attribute lists
    # Payload lines above the article (one becomes the title today), then inside its paragraphs.
    sentences = article("xss.txt", 16).split("\n")
    add("dump/xss.txt", "首页 > 新闻\n" + "\n".join(PAYLOADS) + "\n"
        + "\n".join(s + p for s, p in zip(sentences, PAYLOADS)) + "\n" + "\n".join(INCLUDES)
        + "\n段落 {: onclick=\"alert('attr')\" }\n<!-- material/tags -->\n" + article("xss.txt-2"), injected=True)
    add("dump/includes.txt", "\n".join(INCLUDES[:4]) + "\n" + article("includes.txt"), injected=True)
    add("dump/outline.txt", "一、总体要求 {: onclick=\"alert('heading')\" }\n" + article("outline.txt")
        + "（一）<script>alert('sub')</script>工作原则\n" + article("outline2"), injected=True)

    # ---- HTML pages: payloads in the body, the <title>, <meta> and links
    head = ("<title>\"><script>alert('title')</script>标题 x\" onmouseover=\"alert(1)</title>"
            "<meta name=\"description\" content='\"><script>alert(\"desc\")</script>'>"
            "<meta name=\"keywords\" content=\"<img src=x onerror=alert('kw')>\">"
            "<meta name=\"author\" content=\"张三&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('refresh')\">"
            "<link rel=\"canonical\" href=\"javascript:alert('canonical')\">")
    body = "".join(f"<p>{s}{PAYLOADS[i % len(PAYLOADS)]}</p>" for i, s in enumerate(article("xss.html", 8).split("\n")))
    add("html/xss.html", f"<html><head>{head}</head><body onload=\"alert('onload')\"><div class='content'>{body}"
        "<p>&lt;script&gt;alert('entity')&lt;/script&gt;写在正文里的标签文字。</p></div></body></html>", injected=True)
    add("html/entities.htm", "<html><head><title>&lt;img src=x onerror=alert(1)&gt;</title></head><body><article>"
        + "".join(f"<p>{s}&lt;svg onload=alert('ent')&gt;</p>" for s in article("entities.htm").split("\n"))
        + "</article></body></html>", injected=True)
    add("html/quotes.html", "<html><head><title>x\" onload=\"alert('q')\" y=\"</title><meta name=description "
        "content=\"a&#34; onfocus=&#34;alert('q2')\"></head><body><div>"
        + "".join(f"<p>{s}</p>" for s in article("quotes.html").split("\n")) + "</div></body></html>", injected=True)
    # 1,200 nested <div>s: today a RecursionError in the extractor (issue 10, item 3).
    add("html/deep.html", "<html><body>" + "<div>" * 1200 + "".join(f"<p>{s}</p>" for s in article("deep").split("\n"))
        + "</div>" * 1200 + "</body></html>")

    # ---- Markdown pages: untrusted like the others
    md_body = "\n\n".join(["# 标题<script>alert('h1')</script>", article("xss.md")] + PAYLOADS + MARKDOWN_PAYLOADS
                          + INCLUDES + ["## 一、总体要求", "| 列一 | 列二<script>alert('cell')</script> |\n| --- | --- |\n"
                                        "| <img src=x onerror=alert('td')> | `--8<-- \"index.md\"` |",
                                        "```\n--8<-- \"index.md\"\n<script>alert('code')</script>\n```"])
    add("md/xss.md", "---\ntitle: '<script>alert(\"fm\")</script>\" onload=\"x'\ndescription: ['<b>a</b>', b]\n"
        "template: 404.html\nhide: [navigation, toc]\nsearch: {exclude: true}\ntags: ['<img src=x onerror=alert(1)>', "
        "'\"><svg onload=alert(1)>']\nurl: javascript:alert(1)\n---\n" + md_body, injected=True)
    add("md/includes.md", "\n".join(INCLUDES) + "\n\n" + article("includes.md"), injected=True)
    add("md/bad-front-matter.md", "---\ntitle: [unclosed\n---\n" + article("bad-fm.md"))
    add("md/yaml-tags.md", "---\ntitle: !!python/object/apply:os.system ['echo PWNED']\n---\n" + article("yaml-tags.md"))
    add("md/plain.md", "---\ntitle: 普通的 Markdown 页\ndate: 2021-11-01\ntags: [知识产权, 专利]\n---\n\n"
        + article("plain.md") + "\n| 项目 | 数量 |\n| --- | --- |\n| 专利 | 12 |\n")

    # ---- sidecars: unknown keys, wrong types, YAML tags, bombs, hostile slugs
    for name, sidecar in [
        ("side/template", "template: 404.html\nhide: [navigation]\nsearch: {exclude: true}\ntitle: 侧车标题\n"),
        ("side/lists", "description: ['<script>alert(1)</script>']\ntitle: ['<img src=x onerror=alert(1)>']\n"
                       "tags: ['<img src=x onerror=alert(\"tag\")>', {a: 1}]\nauthor: {name: x}\n"),
        ("side/tags", "tags: ['<img src=x onerror=alert(\"tag\")>', '\"><svg onload=alert(1)>', 'A&B']\n"
                      "title: 'x\" onmouseover=\"alert(1)'\nauthor: '\"><script>alert(1)</script>'\n"),
        ("side/types", "title: 2021\ndate: 2021-11-01\ntags: [1, 2.5]\nexcerpt: 'yes'\nurl: javascript:alert(1)\n"
                       "written_date: not a date\ndoc_number: 国发〔2021〕20号\nissuer: [a, b]\n"),
        ("side/python", "title: !!python/object/apply:os.system ['echo PWNED']\n"),
        ("side/binary", "source: !!binary aGVsbG8=\ntitle: !!set {a, b}\n"),
        ("side/bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                      "tags: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\ntitle: *d\n"),
        ("side/slug-table", "slug: _table\n"),
        ("side/slug-index", "slug: index\n"),
        ("side/slug-dots", "slug: ../../../../tmp/escaped\n"),
        ("side/slug-hidden", "slug: .hidden/x\n"),
        ("side/slug-clash", "slug: side/plain\n"),
        ("side/not-a-mapping", "- a\n- b\n"),
        ("side/gbk", "title: 标题\n".encode("gbk")),
    ]:
        add(f"{name}.txt", article(name), injected="alert" in str(sidecar))
        add(f"{name}.yml", sidecar, expect="sidecar")
    add("side/plain.txt", article("side/plain"))
    add("side/both.txt", article("side/both"))
    add("side/both.yml", "title: 两个侧车之一\n", expect="sidecar")
    add("side/both.yaml", "title: 两个侧车之二\n", expect="skipped", reason="second sidecar")
    add("side/orphan.yml", "title: 无主\n", expect="skipped", reason="without a source")

    # ---- names the site treats specially, and names that are markup
    add("_x.txt", article("_x"))
    add("_table.txt", article("_table"))
    add("index.txt", article("index.txt"))
    add("README.md", "# 说明\n\n" + article("README.md"))
    add("<img src=x onerror=alert('name')>.txt", article("name-xss"), injected=True)
    add("name\"quote'.txt", article("name-quote"), injected=True)
    add("Case.TXT", article("Case.TXT"))
    add("new\nline.txt", article("newline"))
    add("esc-\x1b[2J\x1b[31m.txt", b"", "failed", "empty file")  # named on the console: must not clear it

    # ---- encodings and sizes
    add("enc/utf16-no-bom.txt", ("标题\n" + article("utf16", 8)).encode("utf-16-le"))
    add("enc/utf16be-no-bom.txt", ("标题\n" + article("utf16be", 8)).encode("utf-16-be"))
    text = article("gbk-declared", 10)
    data = ("<html><head><meta charset=\"gb2312\"></head><body><div>"
            + "".join(f"<p>{s}</p>" for s in text.split("\n")) + "</div></body></html>").encode("gbk")
    cut = data.replace("。</p>".encode("gbk"), "。".encode("gbk")[:1] + b"</p>")  # strings cut mid-character
    add("enc/gbk-cut-declared.html", cut)
    gbk = bytearray(article("gbk-plain", 10).encode("gbk"))
    for i in (40, 120):  # two lead bytes followed by ASCII
        gbk[i + 1] = ord("x") if gbk[i] >= 0x81 else gbk[i + 1]
    add("enc/gbk-two-broken.txt", bytes(gbk))
    add("enc/big5.txt", article("big5").replace("国", "國").encode("big5", "replace"))
    add("enc/nul-bytes.txt", article("nul").encode("utf-8").replace("。".encode(), "。\x00".encode(), 3))
    add("enc/control.txt", "\x1b[2J\x1b[31m" + article("control") + "\x07\x08")
    add("enc/huge-line.txt", "长行" + "知识产权保护工作关系国家治理体系，" * 3000 + "。\n")
    add("enc/mojibake-latin1.html", b"<html><head><meta charset=\"iso-8859-1\"></head><body><div><p>"
        + article("latin1-declared").encode("gbk") + b"</p></div></body></html>")
    add("bad/empty.txt", b"", "failed", "empty file")
    add("bad/blank.md", b"  \n\n\t\n", "failed", "empty file")
    add("bad/bom-only.txt", b"\xef\xbb\xbf", "failed", "empty file")
    add("bad/image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "failed", "binary file")
    add("bad/binary.txt", bytes((i * 7919 + 13) % 256 for i in range(4000)), "failed", "binary file")
    add("bad/too-large.txt", "大" * (max_size // 3 + 1), "failed", "too large")
    add("bad/chrome-only.txt", "首页 新闻 政策 解读 服务\n版权所有 © 2020\n", "failed", "no article")

    # ---- files that are not sources
    add(".hidden.txt", article("hidden"), "skipped", "hidden file")
    add(".git/", None, "skipped", "hidden folder")
    _write(folder, ".git/config", "[core]\n")
    add("notes.pdf", b"%PDF-1.4\n", "skipped", "unknown extension")
    add("data.csv", "a,b\n1,2\n", "skipped", "unknown extension")
    add("Makefile", "all:\n", "skipped", "no file extension")
    os.mkfifo(folder / "pipe.txt")
    add("pipe.txt", None, "skipped", "named pipe")
    bad_name = os.fsencode(folder) + b"/latin1-\xe9t\xe9.txt"
    with open(bad_name, "wb") as f:
        f.write(article("latin1-name").encode("utf-8"))
    add("latin1-\ufffdt\ufffd.txt", None)

    # ---- symbolic links: outside is refused and never read; inside is read once
    def link(name: str, target: Path | str, expect: str, reason: str = ""):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)
        add(name + ("/" if expect == "skipped" and Path(folder / name).is_dir() else ""), None, expect, reason)

    link("links/outside.txt", outside / "secret.txt", "failed", "outside the input folder")
    link("links/relative-outside.md", os.path.relpath(outside / "secret.txt", folder / "links"), "failed",
         "outside the input folder")
    link("links/outside-dir", outside / "dir", "skipped", "outside the input folder")
    link("links/same.txt", folder / "_x.txt", "skipped", "same file as _x.txt")
    link("links/inside-dir", folder / "dump", "skipped", "read already")
    link("links/loop", "..", "skipped", "read already")
    link("links/broken.txt", folder / "no-such-file.txt", "failed", "broken symbolic link")
    add("links/with-sidecar.txt", article("with-sidecar"))
    link("links/with-sidecar.yml", outside / "secret.yml", "sidecar")

    # ---- text dumps: a Markdown table is content; a junk line under the headline is not the title
    add("dump/table.txt", "知识产权统计表\n" + article("table.txt") + "| 年份 | 专利授权量 |\n| --- | --- |\n"
        "| 2020 | 3639268 |\n| 2021 | 4601457 |\n" + article("table.txt-2"))
    add("dump/junk-title.txt", "关于加强知识产权保护的若干意见\n<iframe src=\"https://evil.example/\"></iframe>\n"
        + article("junk-title.txt", 8))
    _archives(folder, cases, max_size, huge_record)
    return cases


def _archives(folder: Path, cases: list[Case], max_size: int, huge_record: int) -> None:
    """Crawls and scrapes an attacker or a broken crawler leaves: markup in records and fields, hostile URLs,
    cut and damaged archives, decompression bombs, zip-slip names."""
    import gzip
    import json

    from crawls import Rec, pack_wacz, write_warc

    crawl = folder / "crawl"
    crawl.mkdir()
    host = "http://hostile.example.cn/"

    def page(name: str, extra: str = "") -> bytes:
        body = "".join(f"<p>{s}</p>" for s in article(name, 6).split("\n") if s)
        return f"<html><head><title>{name}</title></head><body>{extra}<div>{body}</div></body></html>".encode()

    def case(source: str, expect: str = "page", reason: str = "", injected: bool = False) -> None:
        cases.append(Case(source, expect, reason, injected))

    xss = "".join(f"<p>{s}{PAYLOADS[i]}</p>" for i, s in enumerate(article("xss.warc", 10).split("\n")[:10]))
    quoted = host + "q\"><script>alert('url')</script>.html"
    write_warc(crawl / "xss.warc.gz", [
        Rec(host + "xss.html", page("xss-record", xss)),
        Rec(quoted, page("quoted-url")),
        Rec(host + "go", status="302 Found", headers=[("Location", "javascript:alert('location')")]),
        Rec(host + "date.html", page("bad-date"), date="<script>alert('date')</script>"),
        Rec(host + "meta.html", page("meta-charset"), content_type="text/html; charset=\"><script>alert(1)</script>"),
    ])
    case("crawl/xss.warc.gz", "container")
    case(f"crawl/xss.warc.gz#{host}xss.html", injected=True)
    case(f"crawl/xss.warc.gz#{quoted}", injected=True)
    case(f"crawl/xss.warc.gz#{host}date.html")
    case(f"crawl/xss.warc.gz#{host}meta.html")
    case(f"crawl/xss.warc.gz#{host}go", "record", "redirect (302) to javascript:")

    write_warc(crawl / "cut.warc.gz", [Rec(host + f"cut/{i}.html", page(f"cut-{i}")) for i in range(3)])
    data = (crawl / "cut.warc.gz").read_bytes()
    (crawl / "cut.warc.gz").write_bytes(data[: len(data) - 150])  # the last gzip member cut short
    case("crawl/cut.warc.gz", "container")
    case(f"crawl/cut.warc.gz#{host}cut/0.html")
    case(f"crawl/cut.warc.gz#{host}cut/1.html")
    case("crawl/cut.warc.gz", "record", "cut")

    write_warc(crawl / "garbage.warc.gz", [Rec(host + f"garbage/{i}.html", page(f"garbage-{i}")) for i in range(2)])
    data = (crawl / "garbage.warc.gz").read_bytes()
    (crawl / "garbage.warc.gz").write_bytes(data + b"\x1f\x8b\x08\x00" + os.urandom(2000))
    case("crawl/garbage.warc.gz", "container")
    case(f"crawl/garbage.warc.gz#{host}garbage/0.html")
    case(f"crawl/garbage.warc.gz#{host}garbage/1.html")
    case("crawl/garbage.warc.gz", "record", "damaged")

    header = folder / "crawl" / "header.warc"
    write_warc(header, [Rec(host + "header/0.html", page("header-0")), Rec(host + "header/1.html", page("header-1"))],
               gzip=False)
    header.write_bytes(header.read_bytes().replace(b"Content-Length:", b"Content-Length\x00:", 1))  # the warcinfo's
    case("crawl/header.warc", "container")
    case("crawl/header.warc", "record", "damaged")
    case(f"crawl/header.warc#{host}header/0.html")
    case(f"crawl/header.warc#{host}header/1.html")

    bomb = gzip.compress(b"<html><body><p>" + b"\xe6\x96\x87" * (20 * max_size) + b"</p></body></html>", 9)
    big = [Rec(host + "bomb.html", bomb, headers=[("Content-Encoding", "gzip")]),
           Rec(host + "large.html", b"<p>" + b"a" * (2 * max_size) + b"</p>")]
    if huge_record:
        big.append(Rec(host + "huge.html", _Zeros(huge_record)))
    write_warc(crawl / "bomb.warc.gz", big)
    case("crawl/bomb.warc.gz", "container")
    case(f"crawl/bomb.warc.gz#{host}bomb.html", "failed", "too large")
    case(f"crawl/bomb.warc.gz#{host}large.html", "failed", "too large")
    if huge_record:
        case(f"crawl/bomb.warc.gz#{host}huge.html", "failed", "too large")

    write_warc(crawl / "inner.warc.gz", [Rec(host + "wacz.html", page("wacz-page"))])
    pack_wacz(crawl / "slip.wacz", {"inner.warc.gz": (crawl / "inner.warc.gz").read_bytes()}, pages=[host + "wacz.html"],
              extra={"../../escaped.txt": b"zip-slip", "/tmp/absolute.warc.gz": b"x", "archive/../../up.warc.gz": b"x"})
    (crawl / "inner.warc.gz").unlink()
    case("crawl/slip.wacz", "container")
    case(f"crawl/slip.wacz#{host}wacz.html")
    for name in ("../../escaped.txt", "/tmp/absolute.warc.gz", "archive/../../up.warc.gz"):
        case(f"crawl/slip.wacz#{name}", "record", "outside the archive")
    (crawl / "bad.wacz").write_bytes(b"PK\x03\x04" + os.urandom(100))
    case("crawl/bad.wacz", "skipped", "not a WACZ file")

    lines = [json.dumps({"html": page("jsonl-xss", xss).decode(), "url": "javascript:alert('url')",
                         "title": "<script>alert('jsonl-title')</script>标题", "tags": {"x": 1},
                         "template": "main.html", "retrieved": "<img src=x onerror=alert(1)>"}, ensure_ascii=False),
             "{\"html\": 1}", "[1, 2]", "{not json", json.dumps({"text": "x" * (3 * max_size)})]
    (crawl / "scrape.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    case("crawl/scrape.jsonl", "container")
    case("crawl/scrape.jsonl#line 1", injected=True)
    case("crawl/scrape.jsonl#line 2", "record", "no page")
    case("crawl/scrape.jsonl#line 3", "record", "not a JSON object")
    case("crawl/scrape.jsonl#line 4", "record", "not valid JSON")
    case("crawl/scrape.jsonl#line 5", "failed", "too large")


class _Zeros(io.RawIOBase):
    """A payload of n zero bytes, read in pieces: a huge record is written without being held."""

    def __init__(self, n: int):
        self.left = n

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = min(len(buffer), self.left)
        buffer[:size] = bytes(size)
        self.left -= size
        return size
