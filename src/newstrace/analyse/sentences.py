"""Sentence splitting that survives news typography.

Rules, in order: a paragraph break always ends a sentence; ``.``, ``!``, ``?`` and ``…`` end one
when followed by white space and then something that can open a sentence (a capital, a digit, an
opening quote or bracket). Closing quotes and brackets after the stop stay with the sentence before
(``He said: "Go." Then`` splits after the quote). A stop does not end a sentence after a known
abbreviation (``Mr.``, ``Jan.``, ``U.S.``), after a single capital letter (initials such as
``J. K. Rowling``), inside a number (``3.5``) or when the next word starts in lower case
(``"Go!" he said``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.records import Span

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_STOP = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*")
_PARAGRAPH = re.compile(r"\s*\n\s*\n\s*|\s*\n\s*(?![a-z])")  # a line break before lower case is a wrap
_WORD_BEFORE = re.compile(r"([\w.]+)$")

# Titles that are normally followed by a capitalised name; a stop after them never ends a sentence.
_TITLE_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "messrs",
        "mme",
        "mlle",
        "no",
        "nos",
        "fig",
        "vs",
        "op",
        "vol",
        "pp",
        "cf",
    ]
)


@lru_cache(maxsize=8)
def _abbreviations(language: str) -> frozenset[str]:
    from newstrace.analyse.attribution import load_lexicon

    return frozenset(load_lexicon(language).abbreviations) | _TITLE_ABBREVIATIONS


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if not word:
        return False
    if word in abbreviations:
        return True
    # initials: "J." in "J. K. Rowling", and dotted acronyms such as "U.S" or "a.m"
    if len(word) == 1 and word.isalpha() and match.group(1)[0].isupper():
        return True
    return bool(re.fullmatch(r"(?:\w\.)+\w", word))


def _opens_sentence(rest: str) -> bool:
    stripped = rest.lstrip()
    if not stripped:
        return True
    first = stripped[0]
    if first in _OPENERS:
        after = stripped[1:2]
        return not after or not after.islower()
    return first.isupper() or first.isdigit()


def _split_paragraph(text: str, offset: int, abbreviations: frozenset[str]) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _STOP.finditer(text):
        end = match.end()
        rest = text[end:]
        if rest and not rest[0].isspace():
            continue  # "3.5", "x.ru", "U.S.A"
        if match.group() == "." and _is_abbreviation(text[start : match.start() + 1], abbreviations):
            continue
        if not _opens_sentence(rest):
            continue
        _append(spans, text, start, end, offset)
        start = end
    _append(spans, text, start, len(text), offset)
    return spans


def _append(spans: list[Span], text: str, start: int, end: int, offset: int) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        spans.append(Span(offset + start + lead, offset + start + lead + len(piece), piece))


def split_sentences(text: str, language: str = "en") -> list[Span]:
    """Split ``text`` into sentences with character offsets into ``text``."""
    abbreviations = _abbreviations(language)
    spans: list[Span] = []
    position = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        spans.extend(_split_paragraph(text[position:end], position, abbreviations))
        if match:
            position = match.end()
    return spans
