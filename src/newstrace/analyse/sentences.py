"""Sentence splitting that survives news typography.

Rules, in order: a paragraph break always ends a sentence; ``.``, ``!``, ``?`` and ``…`` end one
when followed by white space and then something that can open a sentence (a capital, a digit, an
opening quote or bracket). Closing quotes and brackets after the stop stay with the sentence before
(``He said: "Go." Then`` splits after the quote). A stop does not end a sentence after a known
abbreviation (``Mr.``, ``Jan.``, ``U.S.``) or a capitalised plural rank (``Staff Sgts.``), after a
single capital letter (initials such as ``J. K. Rowling``), inside a number (``3.5``) or when the
next word starts in lower case (``"Go!" he said``), nor after a day's number before a month name
in a language that writes ordinals with a stop (``am 26. März``; the months come from the lexicon).
Full-width stops (``。``, ``！``, ``？``, as in Japanese and Chinese) end a sentence wherever they
stand, with the closing brackets after them (``」``, ``』``, ``）``): those scripts put no space
between sentences; not inside a quotation that the sentence goes on to report (``「帰る。」と言った。``,
``「遺憾だ。責任を感じる」と述べた。``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.records import Span

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_STOP = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*")
_WIDE_CLOSERS = _CLOSERS + "」』）】〉》"
_WIDE_STOP = re.compile(r"[。！？]+[" + re.escape(_WIDE_CLOSERS) + r"]*")
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
        "brig",
        "cpl",
        "pvt",
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


# Plural ranks and titles ("Staff Sgts. Ann Lee and Bo Chen", "Reps. Ann Lee and Bo Chen"): they end no
# sentence when printed with a capital, which keeps "ten reps. Then" a sentence end.
_PLURAL_TITLES = frozenset(
    {"sgts", "lts", "cpls", "capts", "cols", "gens", "majs", "pvts", "adms", "cmdrs", "reps", "sens", "govs",
     "drs", "profs", "revs", "supts", "dets", "insps"}
)  # fmt: skip


@lru_cache(maxsize=8)
def _abbreviations(language: str) -> frozenset[str]:
    from newstrace.analyse.attribution import load_lexicon

    return frozenset(load_lexicon(language).abbreviations) | _TITLE_ABBREVIATIONS


@lru_cache(maxsize=8)
def _months(language: str) -> frozenset[str]:
    from newstrace.analyse.attribution import load_lexicon

    return load_lexicon(language).months


def _is_ordinal_date(before: str, rest: str, months: frozenset[str]) -> bool:
    """``am 26. März``: a day number's stop before a month name (languages that write ordinals
    with a stop list their months in the lexicon)."""
    following = rest.split(maxsplit=1)[:1]
    return bool(
        months
        and following
        and following[0].strip(",.").lower() in months
        and re.search(r"(?<![\d.])\d{1,2}\.$", before)
    )


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if not word:
        return False
    if word in abbreviations or (word in _PLURAL_TITLES and match.group(1)[0].isupper()):
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


def _split_paragraph(
    text: str, offset: int, abbreviations: frozenset[str], months: frozenset[str] = frozenset()
) -> list[Span]:
    if _WIDE_STOP.search(text):
        return _split_wide(text, offset, abbreviations)
    return _split_spaced(text, offset, abbreviations, months)


def _split_spaced(
    text: str, offset: int, abbreviations: frozenset[str], months: frozenset[str] = frozenset()
) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _STOP.finditer(text):
        end = match.end()
        rest = text[end:]
        if rest and not rest[0].isspace():
            continue  # "3.5", "x.ru", "U.S.A"
        if match.group() == "." and _is_abbreviation(text[start : match.start() + 1], abbreviations):
            continue
        if match.group() == "." and _is_ordinal_date(text[start:end], rest, months):
            continue
        if not _opens_sentence(rest):
            continue
        _append(spans, text, start, end, offset)
        start = end
    _append(spans, text, start, len(text), offset)
    return spans


def _split_wide(text: str, offset: int, abbreviations: frozenset[str]) -> list[Span]:
    """A paragraph holding full-width stops: cut after each, then split each piece by the rules
    for spaced scripts (a Latin sentence quoted inside keeps its own stops)."""
    spans: list[Span] = []
    start = 0
    for match in [*_WIDE_STOP.finditer(text), None]:
        if match and match.group()[-1] in _WIDE_CLOSERS and text[match.end() : match.end() + 1] == "と":
            continue  # 「帰る。」と言った: a quotation inside the sentence
        if match and text.count("「", start, match.start()) > text.count("」", start, match.start()):
            continue  # a stop inside an open 「…」 quotation: the sentence reporting it goes on
        end = match.end() if match else len(text)
        spans.extend(_split_spaced(text[start:end], offset + start, abbreviations))
        start = end
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
    months = _months(language)
    spans: list[Span] = []
    position = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        spans.extend(_split_paragraph(text[position:end], position, abbreviations, months))
        if match:
            position = match.end()
    return spans
