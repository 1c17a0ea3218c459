"""The document stages in worker processes on this machine (`--jobs N`).

Each worker first runs the stages over two tiny documents (`task.warm_up`),
so what they load on first use is not charged to a real document; then it
takes the documents sent over its pipe one at a time, writing into shared
memory when it started each and which stage it is in. The parent sends a
worker its next document before it has finished the current one (`DEPTH`),
when the document fits the pipe's buffer, so a worker never waits for the
parent to read its result, store it and read the next source. The parent waits on the pipes and
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
import os
import pickle
import signal
import socket
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
DEPTH = 2  # documents sent to a worker at once: the one it converts, and the next one waiting in its pipe


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


def _context(fresh: bool = False):
    # fork: a worker starts in milliseconds with every module the parent imported (jieba's
    # dictionary, OpenCC), so replacing a killed worker is cheap. Elsewhere fork is unsafe.
    # `fresh`: a worker that must not inherit the parent's memory (the pages pass, which runs once the
    # parent holds every document: forked workers would keep the pages the parent then writes to, and the
    # build's memory would grow by the collection's size again), started as a new interpreter.
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") and not fresh else "spawn")


def _serve(conn, stage_number, started, begun, stages, config, warm: bool) -> None:
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
        begun.value += 1  # after `started`: the parent reads the count first
        outcome = run_stages(pickle.loads(message), stages, config, entering)
        conn.send_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        started.value = 0.0


def _room(conn) -> int:
    """Bytes the parent may write into a worker's pipe that the worker is not reading without waiting:
    a quarter of the socket's send buffer (0 when it cannot be told: then nothing is sent ahead)."""
    try:
        with socket.socket(fileno=os.dup(conn.fileno())) as sock:
            return sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) // 4
    except (OSError, ValueError):
        return 0


class _Worker:
    def __init__(self, ctx, stages, config, warm: bool):
        self.stage = ctx.RawValue("i", 0)  # the stage the worker is in
        self.started = ctx.RawValue("d", 0.0)  # when it started its current document
        self.begun = ctx.RawValue("q", 0)  # how many documents it has started
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, self.stage, self.started, self.begun, stages, config,
                                                        warm), daemon=True, name="scrapedocs-worker")
        self.process.start()
        child.close()
        self.room = _room(self.conn)
        self.tasks: deque[int] = deque()  # positions of the documents sent, not yet answered, oldest first
        self.done = 0  # results read from it
        self.since = 0.0  # when the oldest of `tasks` could start: it was sent, or the one before it answered

    def send(self, index: int, message: bytes) -> None:
        if not self.tasks:
            self.since = time.monotonic()
        self.tasks.append(index)
        self.conn.send_bytes(message)

    def answered(self) -> int:
        """The position of the document whose result was just read."""
        self.done += 1
        self.since = time.monotonic()
        return self.tasks.popleft()

    def current(self) -> bool:
        """Whether it has started the oldest document sent (a result not read yet counts as started)."""
        return self.begun.value > self.done

    def overdue(self, now: float, budget: float) -> str:
        """"budget" when its document has run out of time, "start" when it never started it, else ""."""
        if not self.tasks or self.conn.poll():  # idle, or its result is waiting to be read
            return ""
        if self.current():
            started = self.started.value  # 0: it has just finished (its result is on the way)
            return "budget" if started and now - started > budget else ""
        return "start" if now - self.since > START_LIMIT else ""

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _feed(w: _Worker, queue: deque, docs: Sequence[Document], held: dict[int, bytes]) -> None:
    """Send `w` documents from the front of `queue` until it holds `DEPTH`. A document sent ahead (the
    worker busy) must fit `room`, or the parent would wait on the worker while it waits on the parent:
    a larger one waits, pickled (`held`), until a worker is idle."""
    while queue and len(w.tasks) < DEPTH:
        i = queue[0]
        message = held.pop(i, None)
        if message is None:
            message = pickle.dumps(docs[i], protocol=pickle.HIGHEST_PROTOCOL)
        if w.tasks and len(message) > w.room:
            held[i] = message
            return
        queue.popleft()
        w.send(i, message)


class LocalExecutor:
    """Up to `jobs` worker processes; a document over `time_budget` seconds is given up. `fresh`: the
    workers start as new interpreters instead of forks of this process (`_context`)."""

    def __init__(self, stages: Sequence, config, jobs: int, time_budget: float, fresh: bool = False):
        self.stages, self.config = list(stages), config
        self.jobs, self.budget = max(1, jobs), time_budget
        self.fresh = fresh  # workers started as new interpreters, not forked (`_context`)
        self.warm = True  # off for good if warming up ever kills or hangs a worker
        self._started = None  # (docs, context, queue, workers, held) once `start` ran

    def start(self, docs: Sequence[Document]) -> None:
        """Start the workers on `docs` now, and come back: they warm up and convert while the caller does
        something else (takes the others from the cache) until it asks for the outcomes with `run(docs)`."""
        if not docs or self._started is not None:
            return
        ctx = _context(self.fresh)
        queue = deque(range(len(docs)))
        workers = [self._start(ctx) for _ in range(min(self.jobs, len(docs)))]
        held: dict[int, bytes] = {}
        for w in workers:
            _feed(w, queue, docs, held)
        self._started = (docs, ctx, queue, workers, held)

    def run(self, docs: Sequence[Document]) -> Iterator[tuple[int, Outcome]]:
        """(position, outcome) of every document, in the order they finish."""
        if not docs:
            return
        if self._started is None or self._started[0] is not docs:
            self.stop()
            self.start(docs)
        _, ctx, queue, workers, held = self._started
        poll = min(POLL, self.budget / 4)
        try:
            while queue or any(w.tasks for w in workers):
                for w in workers:
                    _feed(w, queue, docs, held)
                busy = {w.conn: w for w in workers if w.tasks}
                for conn in wait(list(busy), poll):
                    w = busy[conn]
                    try:
                        message = conn.recv_bytes()
                    except (EOFError, OSError):  # the worker died
                        w.process.join(timeout=5)
                        code, began = w.process.exitcode, w.current()
                        stage = self.stages[w.stage.value].name
                        index = w.tasks[0]
                        queue.extendleft(reversed(list(w.tasks)[1 if began else 0:]))  # not started: sent again
                        workers[workers.index(w)] = self._replace(ctx, w, warm=began)
                        if began:  # not when it died warming up: not the document's doing
                            yield index, Outcome(None, f"the worker stopped in {stage} (exit code {code})",
                                                 cacheable=False)
                        continue
                    index = w.answered()
                    _feed(w, queue, docs, held)  # keep the worker busy before handling the result
                    yield index, pickle.loads(message)
                now = time.monotonic()
                for k, w in enumerate(workers):
                    late = w.overdue(now, self.budget)
                    if late == "budget":
                        index, stage = w.tasks[0], self.stages[w.stage.value].name
                        queue.extendleft(reversed(list(w.tasks)[1:]))
                        workers[k] = self._replace(ctx, w)
                        yield index, Outcome(None, gave_up(self.budget, stage), timed_out=True)
                    elif late == "start":  # stuck warming up: try again without
                        queue.extendleft(reversed(w.tasks))
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
