"""Direct and partial quotes in news text: straight and curly, single and double, nested, and
quotes that run over several paragraphs.

News convention for a long quote: each paragraph of the quote opens with a quote mark and only the
last one closes it. So a double quote left open at the end of a paragraph continues when the next
paragraph opens with a quote mark; otherwise it is closed at the paragraph's end (typos happen).
German marks („…“, ‚…‘) close with the mark English opens with.
Single quotes mark partial quotes ('a new era'); an apostrophe inside a word (``Jean-Luc's``,
``we're``) is not a quote mark. The spans include their quote marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.records import Span

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹‚"
_SINGLE_CLOSE = "’›"
_OPEN_CONTEXT = " \t\n([{—–-/:;"
_PARAGRAPH = re.compile(r"\n\s*\n\s*|\n\s*(?![a-z])")  # a line break before lower case is a wrap


@dataclass(slots=True)
class _Open:
    position: int
    double: bool


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int) -> tuple[str, bool] | None:
    """Return ("open"|"close", is_double) for a quote mark at ``i``, or None for an apostrophe."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in _DOUBLE_OPEN:
        return ("open", True)
    if ch in _DOUBLE_CLOSE:
        return ("close", True)
    if ch == '"':  # a mark before punctuation closes, even after a space ("… rumori ", ha detto)
        opens = (before in _OPEN_CONTEXT or before in "'‘") and after not in ",.;:!?)"
        return ("open", True) if opens else ("close", True)
    if ch in _SINGLE_OPEN:
        return ("open", False)
    if ch in "'’":
        if _is_word_char(before) and _is_word_char(after):
            return None  # apostrophe: we're, Jean-Luc's
        if (before in _OPEN_CONTEXT or before in '"“') and not after.isspace():
            return ("open", False)
        if not before.isspace():
            return ("close", False)
    return None


def _scan_paragraph(
    text: str, start: int, end: int, carried: _Open | None
) -> tuple[list[Span], _Open | None]:
    """Quotes closed inside ``text[start:end]``; returns the double quote still open at its end."""
    spans: list[Span] = []
    double: _Open | None = carried
    single: _Open | None = None
    for i in range(start, end):
        if text[i] not in "\"'“”„«»‘’‹›‚":
            continue
        kind = _classify(text, i)
        if kind is None:
            continue
        role, is_double = kind
        opened = double if is_double else single
        if opened is not None and (text[opened.position], text[i]) in _LOW_PAIRS:
            role = "close"  # German „…“ and ‚…‘: the high mark closes what the low one opened
        if is_double:
            if role == "open" and double is None:
                double = _Open(i, True)
                single = None
            elif (
                role == "open"
                and double is not None
                and double.position < start
                and i == _first_char(text, start)
            ):
                continue  # the re-opening mark of a quote carried over from the last paragraph
            elif role == "close" and double is not None:
                spans.append(Span(double.position, i + 1, text[double.position : i + 1]))
                double = None
                single = None
            elif role == "open" and text[i] == '"' and double is not None:
                # a straight quote seen as opening while one is open: it closes it
                spans.append(Span(double.position, i + 1, text[double.position : i + 1]))
                double = None
        else:
            if role == "open" and single is None:
                single = _Open(i, False)
            elif role == "close" and single is not None:
                spans.append(Span(single.position, i + 1, text[single.position : i + 1]))
                single = None
    return spans, double


_LOW_PAIRS = frozenset([("„", "“"), ("‚", "‘")])


def _first_char(text: str, start: int) -> int:
    i = start
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    i = _first_char(text, start)
    return i < end and text[i] in '"“„«'


def find_quotes(text: str) -> list[Span]:
    """All quote spans in ``text`` (outer and nested), sorted by start offset."""
    bounds: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    spans: list[Span] = []
    carried: _Open | None = None
    for index, (start, end) in enumerate(bounds):
        found, still_open = _scan_paragraph(text, start, end, carried)
        spans.extend(found)
        carried = None
        if still_open is None:
            continue
        following = bounds[index + 1] if index + 1 < len(bounds) else None
        if following and _opens_with_quote(text, *following):
            carried = still_open
        else:
            close = end
            spans.append(Span(still_open.position, close, text[still_open.position : close]))
    return sorted(spans, key=lambda span: (span.start, -span.end))


def quote_containing(quotes: list[Span], start: int, end: int) -> Span | None:
    """The outermost double-or-single quote that contains [start, end), if any."""
    best: Span | None = None
    for quote in quotes:
        if (
            quote.start <= start
            and end <= quote.end
            and (best is None or quote.end - quote.start > best.end - best.start)
        ):
            best = quote
    return best
