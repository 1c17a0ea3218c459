"""What every repair shares: it works on one line at a time."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps


def per_line(repair: Callable[[str], str]) -> Callable[[str], str]:
    """Apply a line repair to each line of `text` alone: one output line per input line."""

    @wraps(repair)
    def each_line(text: str) -> str:
        if "\n" not in text:
            return repair(text)
        return "\n".join(repair(line) for line in text.split("\n"))

    return each_line
