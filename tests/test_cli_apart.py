"""A step run in a forked child: its value, its errors and its output come back; its death is named."""
import os
import signal
import threading

import pytest

from scrapedocs.cli import apart

pytestmark = pytest.mark.skipif(not apart.available(), reason="fork: Linux only")


def _pid_and(value):
    return os.getpid(), value


def test_the_step_runs_in_another_process_and_its_value_comes_back():
    pid, value = apart.run_apart("a step", _pid_and, {"pages": [1, 2, 3]})
    assert pid != os.getpid() and value == {"pages": [1, 2, 3]}


class Refused(Exception):
    pass


def _refuse(reason):
    raise Refused(reason)


def test_what_the_step_raises_is_raised_here_with_the_childs_traceback():
    with pytest.raises(Refused, match="no such folder") as raised:
        apart.run_apart("a step", _refuse, "no such folder")
    assert any("_refuse" in note for note in raised.value.__notes__)


class Unpicklable(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.lock = threading.Lock()  # a lock does not pickle


def _raise_unpicklable():
    raise Unpicklable("odd")


def test_an_error_that_cannot_cross_whole_still_says_what_it_was():
    with pytest.raises(RuntimeError, match="Unpicklable: odd"):
        apart.run_apart("a step", _raise_unpicklable)


def _die():
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_child_killed_without_an_answer_is_named():
    with pytest.raises(apart.ChildDied, match=r"the conversion stopped: killed by SIGKILL \(out of memory\?\)"):
        apart.run_apart("the conversion", _die)


def _speak():
    print("converted 3 of 3 sources")
    return 0


def test_what_the_child_prints_is_on_the_console_once(capfd):
    print("before", end="")  # buffered here: printed by this process only
    assert apart.run_apart("a step", _speak) == 0
    out = capfd.readouterr().out
    assert out.count("before") == 1 and out.count("converted 3 of 3 sources") == 1
