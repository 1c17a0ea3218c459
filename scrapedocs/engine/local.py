"""The document stages in worker processes on this machine (`--jobs N`).

Each worker first runs the stages over two tiny documents (`task.warm_up`),
so what they load on first use is not charged to a real document; then it
takes one document at a time over its pipe, writing into shared memory when
it started it and which stage it is in. The parent waits on the pipes and
checks the clock: a worker still busy when its document's time budget runs
out is killed and replaced, and the document gets "gave up after 30 s in
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
from .task import Outcome, gave_up, run_stages, warm_up

POLL = 1.0  # seconds between deadline checks when nothing arrives (at most)
START_LIMIT = 300.0  # seconds a worker may take to start a document sent to it (warming up)
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


def _serve(conn, stage_number, started, stages, config, warm: bool) -> None:
    """A worker: convert the documents that arrive on `conn` until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    # What the worker inherited from the parent is never garbage here: keep the collector off it
    # (it would scan it and, writing to it, copy the shared pages into the worker).
    gc.enable()
    gc.freeze()
    _limit_memory()
    if warm:
        warm_up(stages, config)

    def entering(i: int) -> None:
        stage_number.value = i

    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):
            return
        stage_number.value = 0
        started.value = time.monotonic()  # the budget runs from here (one clock for all processes)
        outcome = run_stages(pickle.loads(message), stages, config, entering)
        conn.send_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        started.value = 0.0


class _Worker:
    def __init__(self, ctx, stages, config, warm: bool):
        self.stage = ctx.RawValue("i", 0)  # the stage the worker is in
        self.started = ctx.RawValue("d", 0.0)  # when it started its document; 0: not started yet
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, self.stage, self.started, stages, config, warm),
                                   daemon=True, name="scrapedocs-worker")
        self.process.start()
        child.close()
        self.task: int | None = None
        self.sent = 0.0

    def send(self, index: int, doc: Document) -> None:
        self.task, self.sent = index, time.monotonic()
        self.conn.send_bytes(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))

    def overdue(self, now: float, budget: float) -> str:
        """"budget" when its document has run out of time, "start" when it never started it, else ""."""
        if self.task is None or self.conn.poll():  # idle, or its result is waiting to be read
            return ""
        started = self.started.value
        if started and started >= self.sent:
            return "budget" if now - started > budget else ""
        return "start" if now - self.sent > START_LIMIT else ""

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
        self.warm = True  # off for good if warming up ever kills or hangs a worker
        self._started = None  # (docs, context, queue, workers) once `start` ran

    def start(self, docs: Sequence[Document]) -> None:
        """Start the workers on `docs` now, and come back: they warm up and convert while the caller does
        something else (takes the others from the cache) until it asks for the outcomes with `run(docs)`."""
        if not docs or self._started is not None:
            return
        ctx = _context()
        queue = deque(range(len(docs)))
        workers = [self._start(ctx) for _ in range(min(self.jobs, len(docs)))]
        for w in workers:
            if queue:
                i = queue.popleft()
                w.send(i, docs[i])
        self._started = (docs, ctx, queue, workers)

    def run(self, docs: Sequence[Document]) -> Iterator[tuple[int, Outcome]]:
        """(position, outcome) of every document, in the order they finish."""
        if not docs:
            return
        if self._started is None or self._started[0] is not docs:
            self.stop()
            self.start(docs)
        _, ctx, queue, workers = self._started
        poll = min(POLL, self.budget / 4)
        try:
            while queue or any(w.task is not None for w in workers):
                for w in workers:
                    if w.task is None and queue:
                        i = queue.popleft()
                        w.send(i, docs[i])
                busy = {w.conn: w for w in workers if w.task is not None}
                for conn in wait(list(busy), poll):
                    w = busy[conn]
                    index = w.task
                    try:
                        message = conn.recv_bytes()
                    except (EOFError, OSError):  # the worker died
                        w.process.join(timeout=5)
                        code, began = w.process.exitcode, w.started.value >= w.sent
                        stage = self.stages[w.stage.value].name
                        workers[workers.index(w)] = self._replace(ctx, w, warm=began)
                        if not began:  # it died warming up: not the document's doing
                            queue.appendleft(index)
                            continue
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
                    late = w.overdue(now, self.budget)
                    if late == "budget":
                        index, stage = w.task, self.stages[w.stage.value].name
                        workers[k] = self._replace(ctx, w)
                        yield index, Outcome(None, gave_up(self.budget, stage), timed_out=True)
                    elif late == "start":  # stuck warming up: try again without
                        queue.appendleft(w.task)
                        workers[k] = self._replace(ctx, w, warm=False)
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop the workers `start` started (a run that ended, or was never asked for)."""
        if self._started is not None:
            for w in self._started[3]:
                w.stop(kill=True)
            self._started = None

    def _start(self, ctx) -> _Worker:
        return _Worker(ctx, self.stages, self.config, self.warm)

    def _replace(self, ctx, worker: _Worker, warm: bool = True) -> _Worker:
        worker.stop(kill=True)
        self.warm = self.warm and warm
        return self._start(ctx)
