"""One document through the document stages: what a worker runs, here or on another machine.

The stages are a pure function of the document (its bytes, its sidecar's bytes)
and the build's config, so a worker needs nothing else: no disk, no shared
state. An exception in a stage (RecursionError included) ends the document's
conversion with the reason on the document; the engine that runs the task
enforces the time budget.
"""
from __future__ import annotations

import pickle
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document

MAX_REASON = 300  # characters of an exception's message kept in the reason

#: Exceptions that say something about the machine, not the document: never cached.
TRANSIENT = (MemoryError, OSError)


@dataclass
class Outcome:
    """What became of one document in a worker."""

    payload: bytes | None  # the pickled Document as it left the stages; None when the worker gave up
    error: str = ""  # why there is no payload: "gave up after 30 s in extract", "the worker stopped in …"
    seconds: dict[str, float] = field(default_factory=dict)  # time spent in each stage
    cpu: dict[str, float] = field(default_factory=dict)  # processor time of each stage (less noisy on a busy machine)
    cacheable: bool = True  # the same input would give the same result again
    timed_out: bool = False


def failure(stage: str, err: BaseException) -> str:
    """The report line of an exception in a stage.

    >>> failure("extract", RecursionError("maximum recursion depth exceeded"))
    'extract failed: RecursionError: maximum recursion depth exceeded'
    """
    message = str(err).replace("\n", " ")
    if len(message) > MAX_REASON:
        message = message[:MAX_REASON] + "…"
    return f"{stage} failed: {type(err).__name__}: {message}" if message else f"{stage} failed: {type(err).__name__}"


def gave_up(budget: float, stage: str) -> str:
    """The report line of a document that ran out of time.

    >>> gave_up(30.0, "extract")
    'gave up after 30 s in extract'
    """
    return f"gave up after {budget:g} s in {stage}"


def run_stages(doc: Document, stages: Sequence, config, entering: Callable[[int], None] | None = None) -> Outcome:
    """Run `stages` over `doc` in order; `entering(i)` is called as stage i starts."""
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    cacheable = True
    for i, stage in enumerate(stages):
        if doc.error and not getattr(stage, "sees_failures", False):
            break
        if entering is not None:
            entering(i)
        start, processor = time.perf_counter(), time.process_time()
        try:
            stage.apply(doc, config)
        except Exception as err:  # one bad page must not stop the build
            doc.error = failure(stage.name, err)
            cacheable = not isinstance(err, TRANSIENT)
        seconds[stage.name] = time.perf_counter() - start
        cpu[stage.name] = time.process_time() - processor
    # What comes back (and is cached) is what the collection stages read: not the source's text again.
    return Outcome(pickle.dumps(doc.shed(), protocol=pickle.HIGHEST_PROTOCOL), seconds=seconds, cpu=cpu,
                   cacheable=cacheable)


#: Tiny documents run through the stages once per worker before it takes real ones: what the stages
#: load on first use (jieba's dictionary, the HTML extractors) is then not charged to a document's budget.
WARM_UP = (
    ("warm-up.txt", ("关于加强知识产权保护工作的通知\n发布日期：2021-11-01 来源：新华社\n"
                     "各地区、各部门：为加强知识产权保护，现将有关事项通知如下。\n一、总体要求\n"
                     "（一）坚持依法保护，根据《中华人民共和国专利法》做好工作。\n")),
    ("warm-up.html", ("<html><head><title>知识产权保护工作会议召开</title></head><body><div class='nav'>首页 新闻</div>"
                      "<h1>知识产权保护工作会议召开</h1><p>会议强调，要加强知识产权保护，促进创新发展。</p>"
                      "<p>会议要求各地区各部门认真贯彻落实，确保取得实效。</p></body></html>")),
)


def warm_up(stages: Sequence, config) -> None:
    """Run `stages` over the `WARM_UP` documents; whatever happens is ignored."""
    for name, text in WARM_UP:
        try:
            run_stages(Document(path=Path(name), relpath=name, data=text.encode("utf-8")), stages, config)
        except Exception:  # a warm-up proves nothing; the real documents are judged on their own
            pass
