"""Character classes and white-space helpers every stage shares."""
from __future__ import annotations

import re
import unicodedata
from itertools import islice

#: Han characters: CJK Unified Ideographs, Extension A and the compatibility block.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Chinese punctuation that may stand next to Chinese text (opening and closing).
CJK_PUNCT = "，。、；：！？“”‘’《》〈〉「」『』【】（）…—·"

_SPACE = re.compile(r"\s+")
_HAN_RUN = re.compile(f"[{HAN}]+")


def han_count(text: str) -> int:
    """How many Han characters `text` holds: its length less that of what remains once its runs of Han
    are cut out (a page's thousands of Han characters are never listed one by one).

    >>> han_count("知识产权 IP 保护。")
    6
    """
    return len(text) - len(_HAN_RUN.sub("", text))


#: Characters NFKC leaves as they are wherever they stand: normalized, of combining class 0, and
#: composing with nothing before them (tested against every character): ASCII, Han, the common
#: Chinese punctuation. `nfkc` normalizes only the runs of other characters.
NFKC_INERT = "\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff、。〈〉《》「」『』【】“”‘’—·"
_NOT_INERT = re.compile(f"[^{NFKC_INERT}]+")


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, normalizing only what is not `NFKC_INERT`, with the
    character before each such run (a combining mark composes with it): a Chinese line's Han and
    punctuation are not decomposed and composed again one by one.

    >>> nfkc("知识产权（ＩＰ）保护，Cafe\u0301。")
    '知识产权(IP)保护,Café。'
    """
    parts, done = [], 0
    for m in _NOT_INERT.finditer(text):
        start = max(m.start() - 1, done)
        parts += [text[done:start], unicodedata.normalize("NFKC", text[start:m.end()])]
        done = m.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


_CJK_SPACE = re.compile(f"(?<=[{HAN}，。、；：！？“”（）《》])[ \\t\\r]*\\n\\s*(?=[{HAN}，。、；：！？“”（）《》])")


def tidy(text: str) -> str:
    """White space of HTML source gone: line breaks between Chinese characters dropped, runs collapsed.

    >>> tidy("知识\\n  产权  保护 ")
    '知识产权 保护'
    """
    return _SPACE.sub(" ", _CJK_SPACE.sub("", text)).strip()


def node_text(node) -> str:
    """The text of a BeautifulSoup node (or string), white space collapsed."""
    get_text = getattr(node, "get_text", None)
    return _SPACE.sub(" ", get_text(" ") if get_text else str(node)).strip()


#: A line of a program listing (no Han): a statement ending in ; { }, a declaration, a comment, a line of markup.
_PROGRAM = re.compile(f"^[^{HAN}]*[;{{}}]\\s*(?://[^{HAN}]*)?$"
                      r"|^\s*(?:import|from|def|class|return|public|private|protected|function|var|let|const|#include)\b"
                      f"[^{HAN}]*$|^\\s*(?:\\*|//|/\\*)[^{HAN}]*$|^\\s*<[/!%?A-Za-z][^{HAN}]*>\\s*$")


def program_line(text: str) -> bool:
    """A line of program code, which a technical post may repeat and which says nothing of the page's language.

    >>> program_line('    super.destroy(); // log'), program_line(' * @param request'), program_line('保护知识产权;')
    (True, True, False)
    """
    return bool(_PROGRAM.search(text))


def at_least(pattern: re.Pattern, text: str, n: int) -> bool:
    """Whether `pattern` occurs `n` times in `text`, found only as far as the `n`th: a count compared
    with a small number (a line's Latin words) without listing a page's thousands of Han characters.

    >>> at_least(re.compile("[a-z]"), "abc", 3), at_least(re.compile("[a-z]"), "abc", 4), at_least(re.compile("x"), "", 0)
    (True, False, True)
    """
    return n <= 0 or next(islice(pattern.finditer(text), n - 1, None), None) is not None
