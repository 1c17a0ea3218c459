"""A step of the build run in a child process, so that the memory it took goes back to the system.

Python keeps what it allocated for a large collection (freed objects, half-empty arenas)
until its process ends: a conversion of 100,000 documents leaves gigabytes behind. Run in a
forked child, the conversion's memory is the child's, and the site build that follows (its
template workers, Pagefind) starts from a process that never held the collection.

What crosses back is the step's return value, or what it raised (with the child's traceback
as a note); the console is shared, so what the step prints appears as it happens.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable


class ChildDied(RuntimeError):
    """The child ended without an answer: killed (out of memory), or it crashed."""

    def __init__(self, what: str, exitcode: int | None):
        self.exitcode = exitcode
        if exitcode is not None and exitcode < 0:
            try:
                how = f"killed by {signal.Signals(-exitcode).name}"
            except ValueError:
                how = f"killed by signal {-exitcode}"
            if exitcode == -signal.SIGKILL:
                how += " (out of memory?)"
        else:
            how = f"exit status {exitcode}"
        super().__init__(f"{what} stopped: {how}")


def available() -> bool:
    """Only where fork is safe and cheap (Linux): elsewhere the step runs in this process."""
    return sys.platform.startswith("linux")


def run_apart(what: str, step: Callable, *args, meanwhile: Callable[[], None] | None = None):
    """`step(*args)` in a forked child: what it returns, or raises (`ChildDied` if it never answered).
    `meanwhile()` runs here once the child started (a thread it starts is not in the child)."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):  # what is buffered here must not be printed twice
        stream.flush()
    child = ctx.Process(target=_child, args=(send, step, args), name=f"scrapedocs-{what}")
    child.start()
    send.close()
    if meanwhile is not None:
        meanwhile()
    try:
        try:
            kind, value = receive.recv()
        except EOFError:
            child.join()
            raise ChildDied(what, child.exitcode) from None
        child.join()
    except BaseException:  # Ctrl+C reaches the child too: let it stop, never leave it behind
        child.join(10)
        if child.is_alive():
            child.kill()
            child.join()
        raise
    finally:
        receive.close()
    if kind == "raised":
        raise value
    return value


def _child(send, step: Callable, args: tuple) -> None:
    try:
        answer = ("returned", step(*args))
    except BaseException as err:  # everything crosses back: the parent decides what is an error
        answer = ("raised", _portable(err))
    try:
        send.send(answer)
    except Exception as err:  # the value itself does not pickle: say so rather than die silently
        send.send(("raised", RuntimeError(f"the result of the child cannot be sent back: {err!r}")))
    finally:
        send.close()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    os._exit(0)  # nothing of the parent's (atexit handlers, its pytest, its buffers) runs twice


def _portable(err: BaseException) -> BaseException:
    """`err` as it can be pickled, the child's traceback as a note (Python does not pickle tracebacks)."""
    text = "".join(traceback.format_exception(type(err), err, err.__traceback__))
    try:
        copy = pickle.loads(pickle.dumps(err))
    except Exception:
        copy = RuntimeError(f"{type(err).__name__}: {err}")
    if not isinstance(copy, KeyboardInterrupt):
        copy.add_note("in the child process:\n" + text.rstrip())
    return copy
