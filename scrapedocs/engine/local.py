"""The document stages in worker processes on this machine (`--jobs N`).

Each worker takes one document at a time over its pipe and, as it enters a
stage, writes the stage's number into a shared integer. The parent waits on
the pipes with a deadline: a worker still busy when its document's time budget
runs out is killed and replaced, and the document gets "gave up after 30 s in
<stage>"; a worker that dies (a crash in C code, the kernel's OOM killer) is
replaced too, and its document says so. A worker may grow by `WORKER_MEMORY`
at most: beyond, an allocation fails with MemoryError in the stage (reported
like any exception), so one page cannot exhaust the machine and have the
kernel kill the build itself. Results are handed back as they come, with the
document's position, so the caller keeps input order.
"""
from __future__ import annotations

import gc
import multiprocessing
import pickle
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.connection import wait

from ..model import Document
from .task import Outcome, gave_up, run_stages

POLL = 1.0  # seconds between deadline checks when nothing arrives
WORKER_MEMORY = 2 << 30  # bytes of address space a worker may add to what it starts with


def _limit_memory() -> None:
    """Cap the worker's address space at its size now plus `WORKER_MEMORY` (Linux; elsewhere nothing)."""
    try:
        import resource

        with open("/proc/self/statm") as f:
            size = int(f.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + WORKER_MEMORY
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass


def _context():
    # fork: a worker starts in milliseconds with every module the parent imported (jieba's
    # dictionary, OpenCC), so replacing a killed worker is cheap. Elsewhere fork is unsafe.
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _serve(conn, stage_number, stages, config) -> None:
    """A worker: convert the documents that arrive on `conn` until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    # What the worker inherited from the parent is never garbage here: keep the collector off it
    # (it would scan it and, writing to it, copy the shared pages into the worker).
    gc.enable()
    gc.freeze()
    _limit_memory()

    def entering(i: int) -> None:
        stage_number.value = i

    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):
            return
        doc = pickle.loads(message)
        outcome = run_stages(doc, stages, config, entering)
        conn.send_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))


class _Worker:
    def __init__(self, ctx, stages, config):
        self.stage = ctx.RawValue("i", 0)
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, self.stage, stages, config), daemon=True,
                                   name="scrapedocs-worker")
        self.process.start()
        child.close()
        self.task: int | None = None
        self.started = 0.0

    def send(self, index: int, doc: Document) -> None:
        self.stage.value = 0
        self.task, self.started = index, time.monotonic()
        self.conn.send_bytes(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


class LocalExecutor:
    """Up to `jobs` worker processes; a document over `time_budget` seconds is given up."""

    def __init__(self, stages: Sequence, config, jobs: int, time_budget: float):
        self.stages, self.config = list(stages), config
        self.jobs, self.budget = max(1, jobs), time_budget

    def run(self, docs: Sequence[Document]) -> Iterator[tuple[int, Outcome]]:
        """(position, outcome) of every document, in the order they finish."""
        if not docs:
            return
        ctx = _context()
        queue = deque(range(len(docs)))
        workers = [_Worker(ctx, self.stages, self.config) for _ in range(min(self.jobs, len(docs)))]
        try:
            while queue or any(w.task is not None for w in workers):
                for w in workers:
                    if w.task is None and queue:
                        i = queue.popleft()
                        w.send(i, docs[i])
                busy = {w.conn: w for w in workers if w.task is not None}
                deadline = min(w.started for w in busy.values()) + self.budget
                timeout = min(POLL, max(0.0, deadline - time.monotonic()))
                for conn in wait(list(busy), timeout):
                    w = busy[conn]
                    index = w.task
                    try:
                        message = conn.recv_bytes()
                    except (EOFError, OSError):  # the worker died
                        stage = self.stages[w.stage.value].name
                        w.process.join(timeout=5)
                        code = w.process.exitcode
                        workers[workers.index(w)] = self._replace(ctx, w)
                        yield index, Outcome(None, f"the worker stopped in {stage} (exit code {code})",
                                             cacheable=False)
                        continue
                    w.task = None
                    if queue:  # keep the worker busy before handling the result
                        i = queue.popleft()
                        w.send(i, docs[i])
                    yield index, pickle.loads(message)
                now = time.monotonic()
                for k, w in enumerate(workers):
                    if w.task is not None and now - w.started > self.budget and not w.conn.poll():
                        index, stage = w.task, self.stages[w.stage.value].name
                        workers[k] = self._replace(ctx, w)
                        yield index, Outcome(None, gave_up(self.budget, stage), timed_out=True)
        finally:
            for w in workers:
                w.stop(kill=True)

    def _replace(self, ctx, worker: _Worker) -> _Worker:
        worker.stop(kill=True)
        return _Worker(ctx, self.stages, self.config)
