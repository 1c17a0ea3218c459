"""The document stages on an existing Dask cluster (`--executor dask://HOST:PORT`).

For collections too large for one machine: the optional extra
`scrapedocs[distributed]` (dask.distributed) on this machine, and scrapedocs
of the same version installed on the workers. Tasks carry the documents' bytes
— workers need no access to our disk — in batches (a task per document would
cost the scheduler more than the conversion), and at most a few batches per
worker thread are in flight, so the client never holds a million futures. The
collection stages then run here, on the documents that come back. A task that
fails as a whole (its worker died: a crash in C code, memory) has each of its
documents tried again alone, so the one that kills workers is reported and
its neighbours are not.

A Dask task cannot be killed from outside, so the time budget is enforced
inside the task: a check before every stage, and a watchdog that raises in the
task's thread when the document's time is up. That interrupts Python code; a
single call into C that never returns (a pathological regular expression)
still holds its worker thread until it does — run such collections locally,
where a worker over budget is killed.
"""
from __future__ import annotations

import ctypes
import pickle
import threading
import time
from collections.abc import Iterator, Sequence

from ..model import Document
from . import EngineError
from .cache import converter_version
from .task import Outcome, gave_up, run_stages, warm_up

BATCH = 16  # documents per task
IN_FLIGHT = 4  # batches per worker thread submitted ahead
CONNECT_TIMEOUT = "30s"


class GaveUp(BaseException):
    """Raised in a task's thread when its document's time is up (a BaseException: stages catch Exception)."""


class VersionMismatch(EngineError):
    pass


class _TaskFailed(Exception):
    pass


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def _convert_one(payload: bytes, stages: Sequence, config, budget: float) -> Outcome:
    """One document, given up when over `budget` seconds."""
    doc = pickle.loads(payload)
    start = time.monotonic()
    current = [0]  # the stage running, or the last one that ran
    lock = threading.Lock()
    state = {"done": False}
    me = threading.get_ident()

    def entering(i: int) -> None:
        if time.monotonic() - start > budget:
            raise GaveUp  # the stage before this one used the time
        current[0] = i

    def watchdog() -> None:
        with lock:
            if not state["done"]:
                _raise_in(me, GaveUp)

    timer = threading.Timer(budget, watchdog)
    timer.daemon = True
    try:
        timer.start()
        try:
            outcome = run_stages(doc, stages, config, entering)
        finally:
            with lock:
                state["done"] = True
                _raise_in(me, None)  # clear a GaveUp raised but not yet delivered
            timer.cancel()
    except GaveUp:
        return Outcome(None, gave_up(budget, stages[current[0]].name), timed_out=True)
    return outcome


_warm = threading.Lock()
#: (converter version, stage names) this worker process has warmed up for: the documents' stages and
#: the pages pass's are warmed apart (a worker whose first task rendered pages has no dictionary loaded).
_warmed: set[tuple[str, tuple[str, ...]]] = set()


def convert_batch(payloads: list[bytes], stages: Sequence, config, budget: float, version: str) -> list[Outcome]:
    """The Dask task: documents in, outcomes out."""
    if converter_version() != version:
        raise VersionMismatch("a Dask worker runs another version of scrapedocs (or of its libraries) than this "
                              "machine: install the same version on the workers")
    warmed = (version, tuple(stage.name for stage in stages))
    with _warm:  # once per worker process and stages, before any document's time counts
        if warmed not in _warmed:
            warm_up(stages, config)
            _warmed.add(warmed)
    return [_convert_one(p, stages, config, budget) for p in payloads]


def _address(address: str) -> str:
    return address if "://" in address else f"tcp://{address}"


class DaskExecutor:
    """Batches of documents as tasks on the cluster at `address` (HOST:PORT)."""

    def __init__(self, stages: Sequence, config, address: str, time_budget: float, batch: int = BATCH):
        self.stages, self.config = list(stages), config
        self.address, self.budget, self.batch = _address(address), time_budget, batch

    def run(self, docs: Sequence[Document]) -> Iterator[tuple[int, Outcome]]:
        if not docs:
            return
        try:
            from distributed import Client, as_completed
        except ImportError as err:
            raise EngineError("--executor dask:// needs dask.distributed: pip install 'scrapedocs[distributed]'") from err
        batches = [list(range(k, min(k + self.batch, len(docs)))) for k in range(0, len(docs), self.batch)]
        version = converter_version()
        try:
            client = Client(self.address, set_as_default=False, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as err:
            raise EngineError(f"cannot reach the Dask scheduler at {self.address}: {err}") from err
        with client:
            threads = sum(client.nthreads().values()) or 1
            pending = iter(batches)
            owner = {}

            def submit(indices):
                payloads = [pickle.dumps(docs[i], protocol=pickle.HIGHEST_PROTOCOL) for i in indices]
                future = client.submit(convert_batch, payloads, self.stages, self.config, self.budget, version,
                                       pure=False)
                owner[future.key] = indices
                return future

            suspects: list[int] = []
            first = [submit(b) for _, b in zip(range(threads * IN_FLIGHT), pending)]
            running = as_completed(first, loop=client.loop)
            for future in running:
                indices = owner.pop(future.key)
                try:
                    for index, outcome in zip(indices, self._result(future)):
                        yield index, outcome
                except _TaskFailed:
                    suspects += indices
                following = next(pending, None)
                if following is not None:
                    running.add(submit(following))
            # A task fails as a whole when its worker dies, and so may others that were on that worker:
            # each of their documents alone on the cluster, one at a time, tells which one did it.
            for index in sorted(suspects):
                future = submit([index])
                owner.pop(future.key)
                try:
                    outcome = self._result(future)[0]
                except _TaskFailed as failed:
                    outcome = Outcome(None, f"the Dask worker stopped while converting it ({failed})", cacheable=False)
                yield index, outcome

    @staticmethod
    def _result(future) -> list[Outcome]:
        try:
            return future.result()
        except VersionMismatch:
            raise
        except Exception as err:  # the task itself failed: its worker died (KilledWorker), …
            raise _TaskFailed(f"{type(err).__name__}: {err}"[:200]) from err
