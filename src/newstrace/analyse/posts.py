"""Social posts pasted into a page's text, as an embedded post reads once the page is scraped:

    Blasts in the port city kill at least 50 people pic.twitter.com/K5vvNar0IV
    — China Xinhua News (@XHNews) August 13, 2015

The signature line (a dash, the account's name, its handle in brackets, the date) closes the post;
the post's text is the paragraph before it, or the text before the dash on the signature's own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.records import Span

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
SIGNATURE = re.compile(
    rf"[—–]\s*(?P<name>[^()\n—–]{{1,60}}?)\s*\(@(?P<handle>\w{{1,30}})\)\s*{MONTH} \d{{1,2}}, \d{{4}}"
)


@dataclass(frozen=True, slots=True)
class EmbeddedPost:
    """One post: its signature line, the account ("China Xinhua News (@XHNews)") and its text."""

    signature: Span
    author: Span
    handle: str
    content: Span | None


def embedded_posts(text: str) -> list[EmbeddedPost]:
    """The posts whose signature lines appear in ``text``, in order."""
    posts: list[EmbeddedPost] = []
    for match in SIGNATURE.finditer(text):
        start, end = match.start("name"), match.end("handle") + 1  # the name and "(@handle)"
        author = Span(start, end, text[start:end])
        posts.append(
            EmbeddedPost(
                signature=Span(match.start(), match.end(), match.group(0)),
                author=author,
                handle=match.group("handle"),
                content=_post_text(text, match.start()),
            )
        )
    return posts


def _post_text(text: str, dash: int) -> Span | None:
    """The text before the signature's dash on its line, else the last non-empty line before it."""
    line_start = text.rfind("\n", 0, dash) + 1
    if text[line_start:dash].strip():
        return _stripped(text, line_start, dash)
    before = text[:line_start].rstrip()
    if not before:
        return None
    start = before.rfind("\n") + 1
    return _stripped(text, start, len(before))


def _stripped(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None
