"""Lines a scraper ran together, split apart again before the page's lines are read.

Scraped text sometimes glues the byline to the end of the line before it ("… • 41 commentsBy: Jane
Roe (HWN)"), or a caption, its credit and the dateline opening the body into one line ("The quay at
dawn. jdoe/Adobe Stock HWN —"). Each piece is a line of its own again, so that the byline is read as
one, the caption leaves the body and the dateline opens the paragraph under it.
"""

from __future__ import annotations

import re

# "By:" or "By" and a capitalised name glued to the word before it, with no space between them
_GLUED_BYLINE_RE = re.compile(r"(?<=[a-z\d])(?=(?:By|BY):?\s+[A-Z])")
# a dateline of capitals ending a line after a caption and its credit: "… dawn. jdoe/Adobe Stock HWN —"
_TRAILING_DATELINE_RE = re.compile(
    r"^(?P<head>.*[.!?]\s.*?\S)\s+(?P<dateline>\(?[A-Z]{2,}\)?(?:\s\(?[A-Z]{2,}\)?){0,2}\s[—–-])$"
)


def unglued(line: str) -> list[str]:
    """The pieces of one line of page text that a scraper ran together (the line itself if none)."""
    pieces = [piece for piece in _GLUED_BYLINE_RE.split(line) if piece.strip()] or [line]
    last = _TRAILING_DATELINE_RE.match(pieces[-1])
    if last:
        pieces[-1:] = [last["head"], last["dateline"]]
    return pieces
