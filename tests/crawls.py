"""Crawls made the way crawlers make them, for the tests and benchmarks of `read/archives`.

WARC files are written by warcio's `WARCWriter` (the library Webrecorder's
tools and many crawlers use), WACZ files packed as browsertrix-crawler packs
them (`archive/*.warc.gz`, `pages/pages.jsonl`, `datapackage.json`), and a
real crawl is made by `wget --warc-file` against a local `http.server`.
"""
from __future__ import annotations

import hashlib
import http.server
import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import search_pages

from helpers import write_corpus


@dataclass
class Rec:
    """One record to write: a response (status, body, headers), a request, a revisit, …"""

    url: str
    body: bytes = b""
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    date: str = "2024-05-01T10:00:00Z"
    kind: str = "response"
    headers: list = field(default_factory=list)
    refers_to: object = None  # a written response record (warcio's) a revisit repeats


def write_warc(path: Path, records: list[Rec], gzip: bool = True, version: str = "WARC/1.0") -> list:
    """Write `records` with warcio into `path`; the warcio records written, in order."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    written = []
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gzip, warc_version=version)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "tests/crawls.py", "format": version}))
        for r in records:
            extra = {"WARC-Date": r.date}
            if r.kind == "response":
                http = StatusAndHeaders(r.status, [("Content-Type", r.content_type), *r.headers], protocol="HTTP/1.1")
                body = io.BytesIO(r.body) if isinstance(r.body, bytes) else r.body  # a stream: written as it is read
                rec = w.create_warc_record(r.url, "response", payload=body, http_headers=http, warc_headers_dict=extra)
            elif r.kind == "revisit":
                digest = r.refers_to.rec_headers.get_header("WARC-Payload-Digest") if r.refers_to else "sha1:NOTHERE"
                ref = r.refers_to.rec_headers if r.refers_to else None
                rec = w.create_revisit_record(r.url, digest=digest,
                                              refers_to_uri=ref.get_header("WARC-Target-URI") if ref else r.url,
                                              refers_to_date=ref.get_header("WARC-Date") if ref else "2020-01-01T00:00:00Z",
                                              warc_headers_dict=extra)
            else:
                rec = w.create_warc_record(r.url, r.kind, payload=io.BytesIO(r.body), warc_content_type=r.content_type,
                                           warc_headers_dict=extra)
            w.write_record(rec)
            written.append(rec)
    return written


def pack_wacz(path: Path, warcs: dict[str, bytes], pages: list[str], extra: dict[str, bytes] | None = None) -> None:
    """A WACZ as browsertrix-crawler writes it: WARCs stored under archive/, the page list, the datapackage."""
    members = {f"archive/{name}": data for name, data in warcs.items()}
    lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
    lines += [json.dumps({"id": str(i), "url": url, "ts": "2024-05-01T10:00:00Z"}) for i, url in enumerate(pages)]
    members["pages/pages.jsonl"] = ("\n".join(lines) + "\n").encode()
    resources = [{"name": Path(n).name, "path": n, "hash": "sha256:" + hashlib.sha256(d).hexdigest(), "bytes": len(d)}
                 for n, d in members.items()]
    members["datapackage.json"] = json.dumps({"profile": "data-package", "wacz_version": "1.1.1",
                                              "resources": resources}).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in {**members, **(extra or {})}.items():
            z.writestr(zipfile.ZipInfo(name, (2024, 5, 1, 10, 0, 0)), data,
                       zipfile.ZIP_STORED if name.endswith(".gz") else zipfile.ZIP_DEFLATED)


def article_pages(folder: Path, n: int) -> dict[str, bytes]:
    """n distinct article pages as HTML (site chrome around each), by file name: a/0.html, a/1.html, …"""
    texts = Path(folder) / "dumps"
    write_corpus(texts, n)
    pages = {}
    for i in range(n):
        lines = (texts / f"doc{i:02d}.txt").read_text(encoding="utf-8").split("\n")
        title, body = lines[1], [line for line in lines[2:] if line]
        nav = "".join(f"<li><a href='/c{k}/'>栏目{k}</a></li>" for k in range(6))
        html = (f"<html><head><title>{title}_示例网</title></head><body><ul class=nav>{nav}</ul>"
                f"<div class=article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in body)
                + "</div><div class=footer>版权所有 示例网</div></body></html>")
        pages[f"a/{i}.html"] = html.encode("utf-8")
    shutil.rmtree(texts)
    return pages


def list_page(links: list[str]) -> bytes:
    """A section front: a list of links to the articles, headlines only."""
    items = "".join(f"<li class=item><a href='/{href}'>关于知识产权保护工作的第{i}号通知全文发布</a><span>2024-05-0{1 + i % 9}</span></li>"
                    for i, href in enumerate(links))
    return (f"<html><head><title>新闻_示例网</title></head><body><ul class=nav><li><a href='/'>首页</a></li></ul>"
            f"<ul class=list>{items}</ul><div class=pager><a href='/index_2.html'>下一页</a></div></body></html>").encode()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files of a folder; /old redirects; .html is served as GBK when the folder says so (no meta charset)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".html": "text/html; charset=utf-8",
                      ".gbk.html": "text/html; charset=gbk"}

    def do_GET(self):  # noqa: N802
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/a/0.html")
            self.end_headers()
            return
        super().do_GET()

    def guess_type(self, path):
        return "text/html; charset=gbk" if str(path).endswith(".gbk.html") else super().guess_type(path)

    def log_message(self, *args):
        pass


def serve(folder: Path):
    """A local http.server on 127.0.0.1 serving `folder` (GBK pages as GBK); yields its base URL."""
    return search_pages.serve(folder, _Handler)


def wget_crawl(url: str, warc: Path, work: Path) -> Path:
    """`wget --recursive --warc-file` of `url` into `warc` (gzipped, one member per record); its path."""
    work.mkdir(parents=True, exist_ok=True)
    cmd = ["wget", "--recursive", "--level=3", "--no-parent", "--page-requisites", "--no-verbose", "--tries=1",
           "--timeout=10", "--delete-after", "--no-host-directories", f"--warc-file={warc.with_suffix('').with_suffix('')}",
           "--warc-header=operator: scrapedocs tests", url]
    subprocess.run(cmd, cwd=work, capture_output=True, timeout=300, check=False)  # exit 8 for the 404s crawled
    return warc
