"""Quotations in an article's text: where they are, and the text with them blanked out.

Two reports that quote the same statement share its words because they share its speaker, not because
one copied the other: story-level reuse is measured on the reporters' own words (``mask_quotes``),
and the quotations several articles repeat are read as the sources they relay (``relayed.py``).

Quotation marks are read per paragraph, by their shape and the characters around them, not by a
regular expression that pairs any two marks:

- double marks (“…”, "…", «…», „…“ (a “ after a space opens), ``…'') and single ones (‘…’, '…'); a
  single mark between two letters or digits is an apostrophe ("isn't", "Roe’s"), a closing-looking
  mark with nothing open is a plural possessive ("the players’ union"); a curly and a straight mark
  of one kind pair (pages mix ‘curly’ and 'straight' marks), a single mark inside a double quotation
  is part of it;
- a straight mark opens after a space, a bracket, a dash or the paragraph's start, and closes after a
  word or punctuation before a space, punctuation or the paragraph's end;
- a quotation still open at the end of its paragraph runs to that end: in print a quotation of
  several paragraphs opens each of them and closes only the last; when the next paragraph opens no
  quotation but closes one first ("… are safe.¶As shown by decades of use,” said Jan Roe), the
  quotation runs on to that close, its speaker named after it. A paragraph that opens with a mark of
  the kind left open continues that quotation (``QuoteSpan.continues``): one speaker's words, though
  each paragraph's part is a span of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‚"
_SINGLE_CLOSE = "’"
_OPENS_AFTER = " \t([{—–-:/"  # a straight mark after one of these (or a paragraph's start) opens
_TOKENISED_RE = re.compile(r"``.{0,2000}?''", re.DOTALL)  # ``…'' of tokenised corpora (PTB style)
MAX_QUOTE = 2000  # characters: a "quotation" longer than this is a mark never closed, not a quote


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation's character offsets in the text, its marks included."""

    start: int
    end: int
    # it opens its paragraph and carries on a quotation of the same kind of mark left open at the end
    # of the paragraph before (a quotation of several paragraphs): the same speaker's words
    continues: bool = False


def _kind(text: str, i: int, start: int, end: int) -> tuple[str, str] | None:
    """("double" | "single", "open" | "close" | "either") for the mark at ``i`` of the paragraph
    ``text[start:end]``, or None for an apostrophe."""
    mark = text[i]
    before = text[i - 1] if i > start else ""
    after = text[i + 1] if i + 1 < end else ""
    if mark in _DOUBLE_OPEN:
        # “ closes „ in German, after a word; after a space or at its paragraph's start, before words, it
        # opens (the next paragraph of a quotation of several, never the close of the one left open
        # before it); before a comma or a stop it closes whatever precedes it ("… the orchestra “, she said")
        opens = (not before or before in _OPENS_AFTER) and bool(after) and not after.isspace()
        opens = opens and after not in ",.;:!?)]"
        return "double", "open" if mark != "“" or opens else "either"
    if mark in _DOUBLE_CLOSE:
        return "double", "close"
    if mark in _SINGLE_OPEN:
        return "single", "open"
    if mark == _SINGLE_CLOSE:
        if before.isalnum() and after.isalnum():
            return None  # an apostrophe: "isn’t"
        return ("single", "close") if before and not before.isspace() else None
    family = "double" if mark == '"' else "single"
    if family == "single" and before.isalnum() and after.isalnum():
        return None  # "isn't"
    opens = (not before or before in _OPENS_AFTER) and bool(after) and not after.isspace()
    closes = bool(before) and not before.isspace() and not (after.isalnum())
    if opens and not closes:
        return family, "open"
    if closes and not opens:
        return family, "close"
    return (family, "either") if family == "double" else None


def _paragraph_quotes(
    text: str, start: int, end: int, opened: tuple[str, int] | None = None
) -> tuple[list[QuoteSpan], tuple[str, int] | None]:
    """The paragraph's quotations, and the one left open at its end (``opened``: one still open from
    the paragraph before, which the paragraph may close before any mark opens)."""
    spans: list[QuoteSpan] = []
    for i in range(start, end):
        if text[i] not in "“”«»„‘’‚\"'":
            continue
        kind = _kind(text, i, start, end)
        if kind is None:
            continue
        family, role = kind
        if opened is None:
            if role in ("open", "either"):
                opened = (family, i)
            continue
        if opened[1] < start and role == "open":
            opened = (family, i)  # the paragraph opens its own: the one before ended with its paragraph
            continue
        if role in ("close", "either") and family == opened[0]:
            if i - opened[1] <= MAX_QUOTE:
                spans.append(QuoteSpan(opened[1], i + 1))
            opened = None
    return spans, opened


def quotation_spans(text: str) -> list[QuoteSpan]:
    """The quotations of ``text``, in order (see the module docstring for how marks are read)."""
    spans = [QuoteSpan(m.start(), m.end()) for m in _TOKENISED_RE.finditer(text)]
    blanked = _TOKENISED_RE.sub(lambda m: " " * len(m.group(0)), text)
    at, carried_to = 0, 0  # carried_to: the end of the paragraph the carried quotation was left open in
    carried: tuple[str, int] | None = None
    continuing: set[int] = set()  # the offsets of the marks that continue a quotation left open
    for paragraph in blanked.split("\n"):
        end = at + len(paragraph)
        if carried is not None and not paragraph.strip():
            at = end + 1
            continue  # the blank line between two paragraphs
        found, left_open = _paragraph_quotes(blanked, at, end, carried)
        if carried is not None and not any(span.start == carried[1] for span in found):
            spans.append(QuoteSpan(carried[1], carried_to))  # it ended with its paragraph
            left_open = None if left_open == carried else left_open
            first = at + len(paragraph) - len(paragraph.lstrip())
            if _continues(blanked, first, end, carried[0], found, left_open):
                continuing.add(first)
        spans += found
        carried = left_open if left_open is not None and end - left_open[1] <= MAX_QUOTE else None
        at, carried_to = end + 1, end
    if carried is not None:
        spans.append(QuoteSpan(carried[1], carried_to))
    spans = [QuoteSpan(s.start, s.end, True) if s.start in continuing else s for s in spans]
    return sorted(spans, key=lambda s: s.start)


def _continues(
    text: str, first: int, end: int, family: str, found: list[QuoteSpan], left_open: tuple[str, int] | None
) -> bool:
    """The paragraph's first character (at ``first``) opens a quotation of the ``family`` of marks left
    open at the end of the paragraph before: the quotation of several paragraphs goes on."""
    if first >= end:
        return False
    opens_here = any(span.start == first for span in found) or (
        left_open is not None and left_open[1] == first
    )
    kind = _kind(text, first, first, end)
    return opens_here and kind is not None and kind[0] == family


def mask_quotes(text: str, spans: list[QuoteSpan] | None = None) -> str:
    """``text`` with its quotations (``spans``, when already found) blanked out (same length, so
    offsets still hold)."""
    chars = list(text)
    for span in quotation_spans(text) if spans is None else spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)
