"""`scrapedocs --serve` follows edits: a source, a sidecar changed while it serves are on the page it serves
(the conversion and the site rebuilt, both incrementally; issue #18, item 2)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT
from helpers import write_corpus


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if page is not None and text in page:
            return page
        time.sleep(0.5)
    return None


def test_serve_follows_an_edited_source_and_a_sidecar(tmp_path):
    port = _free_port()
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8") + f"\ndev_addr: 127.0.0.1:{port}\n",
                      encoding="utf-8")
    write_corpus(tmp_path / "seeds", 6)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text((ROOT / "docs" / "index.md").read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "scrapedocs", "--serve", "--no-progress", "--jobs", "2"],
                              cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        home = _wait_for(base, "知识产权", 240)
        assert home is not None, (tmp_path / "serve.log").read_text(encoding="utf-8")
        report = json.loads((tmp_path / "build" / "report.json").read_text(encoding="utf-8"))
        page = next(entry["page"] for entry in report["inputs"] if entry["source"] == "doc03.txt")
        url = base + page[: -len(".md")] + "/"
        assert _wait_for(url, "<h1", 30) is not None

        source = tmp_path / "seeds" / "doc03.txt"
        source.write_text(source.read_text(encoding="utf-8").replace("版权所有", "服务时新增的一段正文。\n版权所有"),
                          encoding="utf-8")
        assert _wait_for(url, "服务时新增的一段正文", 120) is not None, (tmp_path / "serve.log").read_text(encoding="utf-8")

        (tmp_path / "seeds" / "doc03.yml").write_text("title: 旁注给的新标题\n", encoding="utf-8")
        assert _wait_for(url, "旁注给的新标题", 120) is not None, (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert "旁注给的新标题" in (_get(base) or "")  # the home page's table follows too
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
