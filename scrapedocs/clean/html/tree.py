"""Walks over a parsed page without recursion, so a page nested 50,000 deep costs what its size costs."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString


def is_text(node) -> bool:
    """A string a reader sees: not a comment, doctype or processing instruction."""
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def postorder(root: Tag, skip: Callable[[Tag], bool] = lambda tag: False) -> Iterator[Tag]:
    """The tags under `root` (itself included), children before parents; skipped tags are not entered."""
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            yield node
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents)
                     if isinstance(child, Tag) and not skip(child))


def preorder(root: Tag, skip: Callable[[Tag], bool] = lambda tag: False) -> Iterator[Tag]:
    """The tags under `root` in document order; a skipped tag is yielded but not entered."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if not skip(node):
            stack.extend(child for child in reversed(node.contents) if isinstance(child, Tag))


def depth_first_text(root: Tag) -> str:
    """All the visible text under `root`, in order (bs4's get_text, minus comments)."""
    return "".join(str(s) for s in root.descendants if is_text(s))


def max_depth(root: Tag) -> int:
    """How deeply the page nests its elements (the root is at depth 0)."""
    deepest, stack = 0, [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))
    return deepest
