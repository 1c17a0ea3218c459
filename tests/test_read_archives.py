"""read/archives, read/mhtml, read/mirror, provenance: pages as crawlers and browsers save them.

Archives are written by real writers (warcio's WARCWriter; `wget --warc-file` against a
local http.server) and converted by the whole pipeline, as a user's build would.
"""
from __future__ import annotations

import gzip
import io
import json
import shutil
import tracemalloc
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from crawls import Rec, article_pages, list_page, pack_wacz, serve, wget_crawl, write_warc

from scrapedocs.config import BuildConfig
from scrapedocs.model import Collection
from scrapedocs.pipeline import build_collection
from scrapedocs.publish.report import console_summary, report
from scrapedocs.read.archives import index_containers
from scrapedocs.read.sources import scan

ROOT = Path(__file__).resolve().parent.parent


def build(folder: Path, **settings) -> Collection:
    """The whole conversion of `folder`, as `build_docs.py --no-site --no-cache` runs it."""
    settings.setdefault("use_cache", False)
    return build_collection(BuildConfig(input_dir=folder, project_dir=folder.parent, jobs=2, **settings))


def pages(collection: Collection) -> dict[str, object]:
    return {doc.meta.get("url"): doc for doc in collection.published}


def records(collection: Collection) -> dict[tuple[str, str], str]:
    return {(r.source, r.kind): r.reason for r in collection.records}


def front_matter(doc) -> dict:
    import yaml

    return yaml.safe_load(doc.markdown.split("---\n")[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, bytes]:
    """Three article pages and a list page linking to them, by path."""
    found = article_pages(tmp_path_factory.mktemp("site"), 4)
    found["news/index.html"] = list_page([f"a/{i}.html" for i in range(12)])  # 8 of them never crawled
    return found


def crawl_records(site: dict[str, bytes], host: str = "http://www.example.gov.cn/") -> list[Rec]:
    recs = [Rec(host + path, body, date=f"2024-05-01T10:0{i}:00Z") for i, (path, body) in enumerate(site.items())]
    recs += [
        Rec(host + "old", status="301 Moved Permanently", headers=[("Location", host + "a/0.html")]),
        Rec(host + "gone.html", b"<h1>Not Found</h1>", status="404 Not Found"),
        Rec(host + "err.html", b"oops", status="500 Internal Server Error"),
        Rec(host + "logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        Rec(host + "app.js", b"alert(1)", content_type="application/javascript"),
        Rec(host + "site.css", b"p{}", content_type="text/css"),
        Rec(host + "rules.pdf", b"%PDF-1.4", content_type="application/pdf"),
        Rec(host + "a/1.html", b"GET /a/1.html HTTP/1.1\r\nHost: www.example.gov.cn\r\n\r\n", kind="request",
            content_type="application/http; msgtype=request"),
        Rec(host + "a/1.html", b"outlinks: /a/2.html\n", kind="metadata", content_type="application/warc-fields"),
    ]
    return recs


# ---------------------------------------------------------------- WARC


@pytest.mark.parametrize("compressed, version", [(True, "WARC/1.0"), (False, "WARC/1.1")])
def test_warc_pages_become_pages_and_every_record_is_accounted(tmp_path, site, compressed, version):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    recs = crawl_records(site)
    written = write_warc(seeds / name, recs, gzip=compressed, version=version)
    a0 = next(w for w, r in zip(written, recs) if r.url.endswith("a/0.html"))
    # In a second archive: a capture of a/2 a day later, a revisit of a/0, a revisit of a capture not in the input.
    more = [Rec("http://www.example.gov.cn/a/2.html", site["a/2.html"].replace(b"</h1>", "</h1><p>更新的段落内容。</p>".encode()),
                date="2024-05-02T09:00:00Z"),
            Rec("http://www.example.gov.cn/a/0.html", kind="revisit", refers_to=a0, date="2024-06-01T08:00:00Z"),
            Rec("http://www.example.gov.cn/a/9.html", kind="revisit", date="2024-06-01T08:00:00Z")]
    write_warc(seeds / ("more." + name), more, gzip=compressed, version=version)
    collection = build(seeds)

    published = pages(collection)
    assert set(published) == {f"http://www.example.gov.cn/a/{i}.html" for i in range(4)}
    a0_doc = published["http://www.example.gov.cn/a/0.html"]
    meta = front_matter(a0_doc)
    assert meta["retrieved"] == "2024-06-01T08:00:00Z"  # the revisit: unchanged then
    assert meta["url"] == "http://www.example.gov.cn/a/0.html" and meta.get("date") != "2024-06-01"
    assert "更新的段落内容" in published["http://www.example.gov.cn/a/2.html"].markdown  # the newest capture
    assert a0_doc.relpath == f"more.{name}#http://www.example.gov.cn/a/0.html"
    assert a0_doc.page == "articles/www-example-gov-cn/a/0.md"

    lines = records(collection)
    base = f"{name}#http://www.example.gov.cn/"
    assert lines[(base + "old", "redirect")] == "redirect (301) to http://www.example.gov.cn/a/0.html"
    assert lines[(base + "gone.html", "error")] == "HTTP 404 Not Found"
    assert lines[(base + "err.html", "error")].startswith("HTTP 500")
    for path, kind in (("logo.png", "image"), ("app.js", "script"), ("site.css", "style"), ("rules.pdf", "PDF"),
                       ("a/1.html", "request"), ("a/1.html", "metadata")):
        assert (base + path, kind) in lines
    assert any(k == "warcinfo" for _, k in lines)
    assert lines[(base + "a/2.html", "duplicate")].startswith("an older capture of this URL (2024-05-01")
    assert "unchanged since its capture of 2024-05-01T10:00:00Z" in lines[(f"more.{base}a/0.html", "revisit")]
    assert "not in the input" in lines[(f"more.{base}a/9.html", "revisit")]
    # Every record written is a source or a line (a/0's response and its revisit: one page and the revisit's line).
    assert len(collection.docs) + len(collection.records) == 2 + len(recs) + len(more)
    news = next(d for d in collection.docs if d.relpath == f"{base}news/index.html")
    assert news.rejected and news.error.startswith("a list page: 12 links")


def test_the_http_charset_is_used_when_the_page_declares_none(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    titles = ["关于加强知识产权保护工作的意见", "關於推進商標品牌建設的指導意見", "关于完善专利审查制度的通知"]
    topics = ["知识产权保护", "商標品牌建設", "专利审查"]

    def page(k: int, head: str = "") -> str:
        sentence = "為深入推進{t}，第{i}項工作要求各地區各部門認真執行{t}的部署，確保取得實效。" if k == 1 else \
            "为深入推进{t}，第{i}项工作要求各地区各部门认真执行{t}的部署，确保取得实效。"
        body = "".join(f"<p>{sentence.format(t=topics[k], i=i)}</p>" for i in range(6))
        return f"<html><head>{head}<title>{titles[k]}</title></head><body><h1>{titles[k]}</h1>{body}</body></html>"

    write_warc(seeds / "c.warc.gz", [
        Rec("http://x.cn/gbk.html", page(0).encode("gbk"), content_type="text/html; charset=GBK"),
        Rec("http://x.cn/big5.html", page(1).encode("big5"), content_type="text/html; charset=big5"),
        Rec("http://x.cn/meta.html", page(2, "<meta charset='utf-8'>").encode("utf-8"),
            content_type="text/html; charset=gbk"),
    ])
    found = pages(build(seeds))
    assert found["http://x.cn/gbk.html"].meta["title"] == titles[0]
    assert "商标品牌建设" in found["http://x.cn/big5.html"].markdown  # Big5 read, then shown in Simplified
    assert found["http://x.cn/meta.html"].meta["title"] == titles[2]  # the page's own declaration and bytes win


def test_compressed_and_chunked_bodies_are_read(tmp_path, site):
    import brotli

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    html = site["a/1.html"]
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(html[k:k + 500]), html[k:k + 500]) for k in range(0, len(html), 500))
    write_warc(seeds / "c.warc.gz", [
        Rec("http://x.cn/gzip.html", gzip.compress(html), headers=[("Content-Encoding", "gzip")]),
        Rec("http://x.cn/br.html", brotli.compress(html), headers=[("Content-Encoding", "br")]),
        Rec("http://x.cn/chunked.html", chunked + b"0\r\n\r\n", headers=[("Transfer-Encoding", "chunked")]),
    ])
    collection = build(seeds)
    titles = {doc.meta["url"]: doc.meta["title"] for doc in collection.docs if not doc.error}
    assert len(set(titles.values())) == 1 and len(titles) == 3, [d.error for d in collection.docs]


def test_a_crawl_gives_the_same_articles_as_the_same_pages_as_files(tmp_path, site):
    files, crawl = tmp_path / "files" / "seeds", tmp_path / "crawl" / "seeds"
    for path, data in site.items():
        (files / "www.example.gov.cn" / path).parent.mkdir(parents=True, exist_ok=True)
        (files / "www.example.gov.cn" / path).write_bytes(data)
    crawl.mkdir(parents=True)
    write_warc(crawl / "c.warc.gz", crawl_records(site))
    as_files, as_records = pages(build(files)), pages(build(crawl))
    assert set(as_files) == set(as_records) and len(as_files) == 4  # mirror paths give the same URLs
    for url, doc in as_files.items():
        other = as_records[url]
        assert (doc.meta["title"], [line.text for line in doc.body]) == \
            (other.meta["title"], [line.text for line in other.body])
        assert doc.slug == other.slug  # the same page name from a mirror's path and a crawl's URL


def test_a_recrawl_converts_only_the_changed_payloads(tmp_path, site):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    settings = {"use_cache": True, "report": tmp_path / "build" / "report.json"}
    write_warc(seeds / "may.warc.gz", crawl_records(site))
    first = build(seeds, **settings)
    assert first.stats["converted"] == 5
    (seeds / "may.warc.gz").unlink()
    recs = crawl_records(site)
    for r in recs:
        r.date = r.date.replace("2024-05-01", "2024-06-01")
        if r.url.endswith("a/3.html"):
            r.body = r.body.replace(b"</h1>", "</h1><p>六月的抓取多了这一段内容。</p>".encode())
    write_warc(seeds / "june.warc.gz", recs)
    second = build(seeds, **settings)
    assert (second.stats["converted"], second.stats["cached"]) == (1, 4)
    for doc in second.published:
        assert doc.relpath.startswith("june.warc.gz#")
        assert front_matter(doc)["retrieved"].startswith("2024-06-01")
        assert front_matter(doc)["source_file"] == "june.warc.gz"
    assert "六月的抓取" in pages(second)["http://www.example.gov.cn/a/3.html"].markdown


# ---------------------------------------------------------------- WACZ, JSON lines, MHTML, mirrors


def test_wacz_is_read_with_its_page_list_and_hostile_names_refused(tmp_path, site):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_warc(tmp_path / "data.warc.gz", crawl_records(site))
    outside = tmp_path / "outside.txt"
    pack_wacz(seeds / "crawl.wacz", {"data.warc.gz": (tmp_path / "data.warc.gz").read_bytes()},
              pages=["http://www.example.gov.cn/a/0.html", "http://www.example.gov.cn/never-fetched.html"],
              extra={"../outside.txt": b"zip-slip", "/etc/evil.warc.gz": b"x",
                     "archive/../../up.warc.gz": b"x", "indexes/index.cdx": b"cdx"})
    collection = build(seeds)
    assert len(collection.published) == 4
    lines = records(collection)
    assert ("crawl.wacz#../outside.txt", "unsafe name") in lines
    assert ("crawl.wacz#/etc/evil.warc.gz", "unsafe name") in lines
    assert ("crawl.wacz#archive/../../up.warc.gz", "unsafe name") in lines
    assert ("crawl.wacz#http://www.example.gov.cn/never-fetched.html", "not captured") in lines
    assert ("crawl.wacz#indexes/index.cdx", "WACZ file") in lines
    assert not outside.exists() and not (tmp_path.parent / "up.warc.gz").exists()
    doc = pages(collection)["http://www.example.gov.cn/a/0.html"]
    assert doc.relpath == "crawl.wacz#http://www.example.gov.cn/a/0.html"


def test_json_lines_fields_are_checked_like_a_sidecar(tmp_path, site):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    lines = [
        {"html": site["a/0.html"].decode(), "url": "https://s.example.cn/0", "retrieved": "2024-07-01T08:00:00+08:00",
         "title": "由抓取程序给出的标题", "author": ["列表", "不是文本"], "template": "404.html"},
        {"markdown": "# 标题二\n\n" + "这是用 Markdown 写成的正文，内容足够长，可以成为一页。" * 4, "date": "2023-03-01"},
        "not an object",
        {"title": "没有正文"},
    ]
    text = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{broken\n\n"
    (seeds / "scrape.jsonl").write_text(text, encoding="utf-8")
    (seeds / "again.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": "第三页的正文。" * 20}).encode()))
    collection = build(seeds)
    docs = {doc.relpath: doc for doc in collection.docs}
    first = docs["scrape.jsonl#line 1"]
    meta = front_matter(first)
    assert (meta["title"], meta["url"], meta["retrieved"]) == ("由抓取程序给出的标题", "https://s.example.cn/0",
                                                               "2024-07-01T00:00:00Z")
    assert "JSON line: field 'template' ignored: not a documented field" in first.warnings
    assert "JSON line: field 'author' ignored: a list where text is expected" in first.warnings
    assert front_matter(docs["scrape.jsonl#line 2"])["date"] == "2023-03-01"
    assert not docs["again.jsonl.gz#line 1"].error
    found = records(collection)
    assert found[("scrape.jsonl#line 3", "bad line")].startswith("not a JSON object")
    assert found[("scrape.jsonl#line 4", "bad line")].startswith("no page")
    assert found[("scrape.jsonl#line 5", "bad line")].startswith("not valid JSON")


def test_a_browser_save_gives_its_html_part_url_and_time(tmp_path, site):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    msg = MIMEMultipart("related", type="text/html")
    msg["Snapshot-Content-Location"] = "https://www.example.gov.cn/a/2.html"
    msg["Date"] = "Wed, 15 May 2024 09:30:00 +0800"
    html = MIMEText(site["a/2.html"].decode().replace("</h1>", "</h1><p>简体中文：国家知识产权局。</p>"), "html", "gb18030")
    html["Content-Location"] = "https://www.example.gov.cn/a/2.html"
    msg.attach(html)
    msg.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "png"))
    (seeds / "saved.mhtml").write_bytes(msg.as_bytes())
    (seeds / "not-mime.mht").write_bytes(b"just text, no MIME here")
    collection = build(seeds)
    doc = pages(collection)["https://www.example.gov.cn/a/2.html"]
    assert front_matter(doc)["retrieved"] == "2024-05-15T01:30:00Z"
    assert "国家知识产权局" in doc.markdown
    failed = {d.relpath: d.error for d in collection.docs if d.error}
    assert failed["not-mime.mht"].startswith("not a saved web page")


def test_mirrored_trees_give_urls_from_their_paths(tmp_path, site):
    seeds = tmp_path / "seeds"
    (seeds / "www.example.gov.cn" / "a").mkdir(parents=True)
    (seeds / "www.example.gov.cn" / "a" / "0.html").write_bytes(site["a/0.html"])
    (seeds / "notes" / "a").mkdir(parents=True)
    (seeds / "notes" / "a" / "1.html").write_bytes(site["a/1.html"])
    httrack = site["a/2.html"].replace(b"<head>", b"<head><!-- Mirrored from www.example.gov.cn/a/2.html by HTTrack "
                                                  b"Website Copier/3.x [XR&CO'2014], Wed, 15 May 2024 10:20:30 GMT -->")
    (seeds / "project" / "site").mkdir(parents=True)
    (seeds / "project" / "site" / "2.html").write_bytes(httrack)
    (seeds / "project" / "hts-log.txt").write_text("HTTrack3.49-2 launched on …", encoding="utf-8")
    collection = build(seeds)
    by_source = {doc.relpath: doc.meta for doc in collection.published}
    assert by_source["www.example.gov.cn/a/0.html"]["url"] == "http://www.example.gov.cn/a/0.html"
    assert "url" not in by_source["notes/a/1.html"]
    assert by_source["project/site/2.html"]["url"] == "http://www.example.gov.cn/a/2.html"
    assert by_source["project/site/2.html"]["retrieved"] == "2024-05-15T10:20:30Z"
    assert any(s.source == "project/hts-log.txt" for s in collection.skipped)


# ---------------------------------------------------------------- a real crawl, as the issue checks it


@pytest.fixture(scope="module")
def wget_warc(tmp_path_factory, site) -> Path:
    if not shutil.which("wget"):
        pytest.skip("wget is missing (make test-deps installs it)")
    root = tmp_path_factory.mktemp("served")
    for path, data in site.items():
        if path != "a/3.html":  # served as a legacy page instead
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(data)
    (root / "a" / "legacy.gbk.html").write_bytes(
        site["a/3.html"].decode().replace("</h1>", "</h1><p>以国标码编写的旧页面，没有声明字符集。</p>").encode("gbk", "replace"))
    index = list_page([f"a/{i}.html" for i in range(12)]).replace(
        b"</ul><div", b"<li><a href='/old'>old</a><a href='/missing.html'>x</a><a href='/a/legacy.gbk.html'>legacy"
                      b"</a><img src='/logo.png'></li></ul><div")
    (root / "index.html").write_bytes(index)
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    out = tmp_path_factory.mktemp("wget")
    with serve(root) as url:
        warc = wget_crawl(url + "/", out / "crawl.warc.gz", out / "work")
    assert warc.exists()
    return warc


def test_a_wget_crawl_is_converted_and_accounted(tmp_path, wget_warc, site):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(wget_warc, seeds / "crawl.warc.gz")
    collection = build(seeds)
    published = {url.split("/", 3)[3]: doc for url, doc in pages(collection).items()}
    assert set(published) == {"a/0.html", "a/1.html", "a/2.html", "a/legacy.gbk.html"}
    assert "以国标码编写的旧页面" in published["a/legacy.gbk.html"].markdown  # GBK from the HTTP header
    for doc in published.values():
        meta = front_matter(doc)
        assert meta["url"].startswith("http://127.0.0.1:") and meta["retrieved"][:4] >= "2024"
    kinds = {kind for _, kind in records(collection)}
    assert {"redirect", "error", "image", "request", "warcinfo"} <= kinds
    index = next(d for d in collection.docs if d.relpath.endswith("/"))  # http://127.0.0.1:PORT/
    assert index.rejected and index.error.startswith("a list page: 12 links")
    # As files: the same titles and bodies.
    files = tmp_path / "files"
    for path, data in site.items():
        if path.startswith("a/") and path != "a/3.html":
            (files / path).parent.mkdir(parents=True, exist_ok=True)
            (files / path).write_bytes(data)
    as_files = {doc.relpath: doc for doc in build(files).published}
    assert len(as_files) == 3
    for path, doc in as_files.items():
        assert (doc.meta["title"], [x.text for x in doc.body]) == \
            (published[path].meta["title"], [x.text for x in published[path].body])


def test_a_wget_crawl_packed_as_wacz_gives_the_same_pages(tmp_path, wget_warc):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    pack_wacz(seeds / "crawl.wacz", {"crawl.warc.gz": wget_warc.read_bytes()}, pages=[])
    warc_seeds = tmp_path / "warc"
    warc_seeds.mkdir()
    shutil.copy(wget_warc, warc_seeds / "crawl.warc.gz")
    as_wacz, as_warc = build(seeds), build(warc_seeds)
    assert {(u, d.meta["title"]) for u, d in pages(as_wacz).items()} == \
        {(u, d.meta["title"]) for u, d in pages(as_warc).items()}
    assert sorted(k for _, k in records(as_wacz) if k != "WACZ file") == sorted(k for _, k in records(as_warc))


def test_the_citation_takes_the_fetch_date():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "scrapedocs" / "theme")), autoescape=False)
    template = env.get_template("partials/cite.html")
    meta = {"url": "http://www.example.gov.cn/a/0.html", "retrieved": "2024-06-01T08:00:00Z", "date": "2021-11-01"}
    config = {"theme": {"language": "zh"}}
    html = template.render(page={"meta": meta, "title": "关于加强知识产权保护的意见"}, config=config)
    assert "[EB/OL]. (2021-11-01)[2024-06-01]. http://www.example.gov.cn/a/0.html" in html
    assert "retrieved 2024-06-01" in html
    without = template.render(page={"meta": {**meta, "retrieved": ""}, "title": "x"}, config=config)
    assert 'data-cite-today="iso">引用日期' in without


# ---------------------------------------------------------------- hostile archives


def test_damaged_archives_give_lines_and_keep_what_can_be_read(tmp_path, site):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    def crawl(host: str) -> bytes:
        write_warc(tmp_path / "ok.warc.gz", crawl_records(site, f"http://{host}/"))
        return (tmp_path / "ok.warc.gz").read_bytes()

    data = crawl("cut.example.cn")
    (seeds / "cut.warc.gz").write_bytes(data[: len(data) - 200])  # the last gzip member cut
    data = crawl("garbage.example.cn")
    middle = _members(data)[3]
    (seeds / "garbage.warc.gz").write_bytes(data[:middle] + b"\x1f\x8b\x08GARBAGE" * 50 + data[middle:])
    plain = gzip.decompress(crawl("header.example.cn"))
    bad_header = plain.replace(b"WARC-Type: response", b"WARC-Type response\x00", 1)
    (seeds / "header.warc").write_bytes(bad_header)
    (seeds / "empty.warc.gz").write_bytes(b"")
    (seeds / "not-a-warc.warc").write_bytes(b"<html>hello</html>")
    (seeds / "not-a-zip.wacz").write_bytes(b"PK\x03\x04 broken")
    collection = build(seeds)
    damaged = [r for r in collection.records if r.kind == "damaged"]
    by_file = {name: [r.reason for r in damaged if r.source.split("#")[0] == name]
               for name in ("cut.warc.gz", "garbage.warc.gz", "header.warc", "not-a-warc.warc")}
    assert all(by_file.values()), by_file
    assert any("reading goes on" in reason for reason in by_file["garbage.warc.gz"])
    read = [doc for doc in collection.docs if not doc.error]  # reprints of each other across the archives included
    per_file = {name: sum(1 for d in read if d.relpath.startswith(name + "#")) for name in by_file}
    assert per_file["garbage.warc.gz"] == 4  # every page, before and after the garbage
    assert per_file["cut.warc.gz"] == 4 and per_file["header.warc"] == 3  # the page with the broken header is lost
    skipped = {s.source: s.reason for s in collection.skipped}
    assert skipped["not-a-zip.wacz"].startswith("not a WACZ file") and skipped["empty.warc.gz"].startswith("empty")


def _members(data: bytes) -> list[int]:
    from fastwarc.warc import ArchiveIterator

    return [rec.stream_pos for rec in ArchiveIterator(io.BytesIO(data))]


def test_bombs_and_huge_records_are_bounded_by_max_size(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    limit = 1_000_000
    bomb = gzip.compress(b"<html><body><p>" + b"a" * 200_000_000 + b"</p></body></html>", 9)
    huge = b"<html><body>" + b"<p>\xe6\x96\x87</p>" * 600_000 + b"</body></html>"  # 6 MB
    write_warc(seeds / "c.warc.gz", [
        Rec("http://x.cn/bomb.html", bomb, headers=[("Content-Encoding", "gzip")]),
        Rec("http://x.cn/huge.html", huge),
        Rec("http://x.cn/ok.html", b"<html><body><h1>" + "小标题".encode() + b"</h1>"
            + "<p>这是一篇足够长的正文，用来说明在炸弹之后的页面仍然会被读取。</p>".encode() * 5 + b"</body></html>"),
    ])
    tracemalloc.start()
    collection = build(seeds, max_bytes=limit)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    errors = {doc.relpath.split("#")[1]: doc.error for doc in collection.docs}
    assert errors["http://x.cn/bomb.html"].startswith("too large") and "--max-size" in errors["http://x.cn/bomb.html"]
    assert errors["http://x.cn/huge.html"].startswith("too large")
    assert errors["http://x.cn/ok.html"] == ""
    assert peak < 60_000_000  # the 200 MB bomb is never held


def _many(folder: Path, n: int, payload: int) -> Path:
    """A WARC of n 404 responses of `payload` bytes each: 1,000 written by warcio, the file concatenated
    (WARC files are concatenations of records)."""
    folder.mkdir()
    part = folder / "part.warc"
    write_warc(part, [Rec(f"http://x.cn/{i}", b"x" * payload, status="404 Not Found") for i in range(1000)], gzip=False)
    with open(folder / "many.warc", "wb") as out:
        for _ in range(n // 1000):
            out.write(part.read_bytes())
    part.unlink()
    return folder


def _indexed(folder: Path) -> tuple[object, int]:
    tracemalloc.start()
    index = index_containers(scan(folder).containers, folder, 20_000_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return index, peak


def test_a_warc_of_100000_tiny_records_is_read_in_memory_that_does_not_grow_with_payloads(tmp_path):
    index = index_containers(scan(_many(tmp_path / "many", 100_000, 10)).containers, tmp_path / "many", 20_000_000)
    assert len(index.records) == 100_100 and not index.captures  # and a warcinfo record per 1,000
    assert {r.kind for r in index.records} == {"error", "warcinfo"}
    small, small_peak = _indexed(_many(tmp_path / "small", 10_000, 10))
    large, large_peak = _indexed(_many(tmp_path / "large", 10_000, 20_000))  # 200 MB of payloads
    assert len(small.records) == len(large.records) == 10_010
    assert large_peak < 1.2 * small_peak + 1_000_000  # payloads are streamed past, never held
    assert small_peak / 10_010 < 1500  # bytes per record: its report line


def test_the_console_summarises_fifty_thousand_records_in_a_few_lines():
    from scrapedocs.read.sources import Skipped

    kinds = ["image", "request", "redirect", "error", "script"]
    collection = Collection([], records=[Skipped(f"c.warc.gz#http://x.cn/{i}", "…", kinds[i % 5]) for i in range(50_000)])
    line, details = console_summary(collection)
    assert len(details) <= 3
    assert details[0].startswith("records not published (50,000), by kind: 10,000 error, 10,000 redirect")
    assert len(report(collection)["records"]) == 50_000
