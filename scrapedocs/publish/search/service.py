"""Pagefind's indexing service (`pagefind --service`) from its extended build's wheel."""
from __future__ import annotations

import base64
import json
import subprocess
import tempfile
from pathlib import Path

from ..errors import OutputError


def binary() -> Path:
    """The extended Pagefind binary from the `pagefind-bin-extended` wheel.

    The content reaches it already cut into words, so its Chinese segmenter has nothing
    left to do, and the plain build would index alike.
    """
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise OutputError("Pagefind's extended build is missing: pip install 'pagefind[extended]'") from None
    return Path(get_executable())


class Service:
    """Pagefind's indexing service (`pagefind --service`), spoken to one request at a time.

    The protocol is the one Pagefind's own Python and Node APIs use: base64-encoded JSON
    messages, each followed by a comma. The `pagefind` package's asyncio client polls for
    replies every 0.1 s, which caps it at ten records a second; this client blocks on the
    pipe instead.
    """

    def __init__(self, executable: Path):
        self._log = tempfile.TemporaryFile()
        self._proc = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._log)
        self._id = 0

    def send(self, payload: dict) -> dict:
        self._id += 1
        message = json.dumps({"message_id": self._id, "payload": payload}, ensure_ascii=False)
        try:
            self._proc.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self._proc.stdin.flush()
            reply = self._read()
        except OSError as e:  # BrokenPipeError included
            raise OutputError(f"Pagefind stopped: {e}; {self._stderr()}") from None
        answer = reply.get("payload") or {}
        if answer.get("type") == "Error":
            raise OutputError(f"Pagefind: {answer.get('message')}")
        return answer

    def _read(self) -> dict:
        data = bytearray()
        while not data.endswith(b","):
            chunk = self._proc.stdout.read1(1 << 16)  # one request at a time: never past the reply
            if not chunk:
                raise OSError("no reply")
            data += chunk
        return json.loads(base64.b64decode(bytes(data[:-1])))

    def _stderr(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()[-500:]

    def close(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._log.close()
