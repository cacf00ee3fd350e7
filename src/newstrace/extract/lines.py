"""Lines of scraped page text, their features, and the trained classifier that marks article lines.

A page that reaches us as plain text (every visible line: menus, prompts, captions, body, footer)
is split into :class:`PageLine` records. :func:`line_features` turns each line into a vector of
cheap shape features (length, punctuation, capitalisation, stop words, cue words, position) plus the
same features averaged over windows of neighbours, because an article body is a run of long,
sentence-like lines while navigation is a run of short ones.

:func:`score_lines` applies the shipped model (``newstrace/data/text_extractor/model.json``, written
by ``benchmarks/train_text_extractor.py``): two stages of gradient-boosted trees, the second of which
also sees the first stage's probabilities of the neighbouring lines. The trees are stored as plain
JSON arrays and evaluated here with numpy, so the file does not depend on a scikit-learn version.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any

import numpy as np

from newstrace.extract.cues import (
    is_image_credit_line,
    parse_cited_sources,
    parse_topics,
    split_caption_credit,
)
from newstrace.extract.glued import unglued

MODEL_RESOURCE = "model.json"


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common function words of the languages news sites most often publish in; the share of them in a
# line separates prose from menus and names in every one of these languages.
STOP_WORDS: frozenset[str] = _word_set(
    """a an the and or but of to in on at for with by from as is are was were be been has have had
    it its this that these those he she they we you i his her their our not no will would said says
    who which what when where than then there also after before about into over more most
    der die das und ist nicht ein eine den dem des mit von zu im auf für sich auch es sie wir
    le la les et est un une des du dans pour que qui pas sur au avec ce il elle sont
    el los las y es un una del en por con que se lo su para al como
    o os as e um uma do da em no na para com não que se
    и в не на что с по это как он она они к из за от для
    il di che è per non con gli una della"""
)

BOILERPLATE_WORDS: frozenset[str] = _word_set(
    """subscribe subscription subscribers newsletter newsletters sign login log cookie cookies
    share shares tweet facebook twitter whatsapp linkedin pinterest instagram youtube email reddit
    follow advertisement advertising sponsored privacy policy terms copyright rights reserved
    reply comments comment menu search notifications notification allow download app apps
    related recommended trending popular newest read more click here home contact careers
    abonnieren anmelden teilen werbung datenschutz impressum partager connexion publicité
    compartir suscríbete publicidad privacidad подписаться поделиться реклама войти"""
)

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_URL_RE = re.compile(r"https?://|www\.|\.com\b|\.org\b|\.net\b|@\w", re.IGNORECASE)
_DATE_RE = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}\s*(?:am|pm)?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:updated|published|posted)\b|\b(?:19|20)\d{2}\b)",
    re.IGNORECASE,
)
# a reader comment's header: "Alex on September 17, 2018 at 6:34 am said:", "Reply", "Antworten"
_COMMENT_HEADER_RE = re.compile(
    r"\b(?:said|says|wrote|schrieb|sagt|dit|dice|disse|escribió|написал)\s*:\s*$|"
    r"^(?:reply|responder|antworten|répondre|rispondi|ответить|report|log in to reply)$",
    re.IGNORECASE,
)
_TERMINAL = tuple('.!?…"”’»)')
_LONG_LINE_WORDS = 15  # "long" lines for the neighbourhood density features
_WINDOWS = (1, 3, 8, 20)
_BLOCK_MIN_WORDS = 8  # lines shorter than this count against the densest block (tried 5, 8, 12)
_BLOCK_CAP_WORDS = 60  # one very long line (a terms-of-use blob) must not make a block alone


@dataclass(frozen=True, slots=True)
class PageLine:
    """One non-empty line of page text, with the blank-line layout around it."""

    index: int  # position among the non-empty lines
    text: str
    blank_before: bool
    blank_after: bool


# a page dump that opens with its date as a label ("date 2023-06-21 Searchers looking for …"), on one of
# its first lines (under the headline too); "date 2025-02": a month alone dates nothing and is dropped
_DATE_LABEL_RE = re.compile(
    r"^\s*date\s*[:=]?\s*(?:((?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?)"
    r"|(?:19|20)\d{2}(?:-\d{2})?)\s+(?=\S)"
)
_DATE_LABEL_LINES = 3  # the non-empty lines at the top of the page searched for that label


def _split_date_label(raw: list[str]) -> list[str]:
    """``raw`` with the first date label among the top lines put on a line of its own (or dropped)."""
    seen = 0
    for position, line in enumerate(raw):
        if not line.strip():
            continue
        match = _DATE_LABEL_RE.match(line)
        if match:
            label = [match.group(1), ""] if match.group(1) else []
            return [*raw[:position], *label, line[match.end() :], *raw[position + 1 :]]
        seen += 1
        if seen >= _DATE_LABEL_LINES:
            break
    return raw


def split_page_lines(text: str) -> list[PageLine]:
    """The non-empty lines of ``text``, whitespace-normalised, with their blank-line neighbours (a
    date label at the top of the page, and pieces a scraper glued together, are lines of their own)."""
    raw = _split_date_label(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    raw = [piece for line in raw for piece in unglued(line)]  # a byline glued to the line before it
    kept: list[tuple[str, bool, int]] = []
    blank = True
    for position, line in enumerate(raw):
        clean = " ".join(line.split())
        if clean:
            kept.append((clean, blank, position))
            blank = False
        else:
            blank = True
    lines: list[PageLine] = []
    for i, (clean, blank_before, position) in enumerate(kept):
        next_position = kept[i + 1][2] if i + 1 < len(kept) else len(raw)
        lines.append(PageLine(i, clean, blank_before, next_position > position + 1))
    return lines


def _own_features(line: PageLine, count: int, repeats: int) -> list[float]:
    text = line.text
    words = _WORD_RE.findall(text)
    n_words = len(words)
    n_chars = len(text)
    lower = [word.lower() for word in words]
    capitalised = sum(1 for word in words if word[:1].isupper())
    punctuation = sum(1 for ch in text if not ch.isalnum() and not ch.isspace())
    digits = sum(1 for ch in text if ch.isdigit())
    is_cue = bool(
        split_caption_credit(text)
        or is_image_credit_line(text)
        or parse_cited_sources(text) is not None
        or parse_topics(text) is not None
    )
    return [
        math.log1p(n_chars),
        math.log1p(n_words),
        float(text.endswith(_TERMINAL)),
        punctuation / max(n_chars, 1),
        digits / max(n_chars, 1),
        capitalised / max(n_words, 1),
        sum(1 for word in lower if word in STOP_WORDS) / max(n_words, 1),
        sum(1 for word in lower if word in BOILERPLATE_WORDS) / max(n_words, 1),
        line.index / max(count - 1, 1),
        float(bool(_URL_RE.search(text))),
        float(any(sep in text for sep in ("|", "»", "›", "•", "·"))),
        float(min(repeats, 3)),
        float(is_cue),
        float(line.blank_before),
        float(line.blank_after),
        text.count(",") / max(n_words, 1),
        float(text.isupper() and n_words > 0),
        float(bool(_DATE_RE.search(text)) and n_words <= 12),
        float(text.count(". ") + text.count("? ") + text.count("! ")),
        float(bool(re.match(r"^(?:by|von|par|por|di|от)\s", text, re.IGNORECASE))),
        float(text[:1] in "“\"'‘«—–-•*"),
    ]


OWN_FEATURE_NAMES: tuple[str, ...] = (
    "log_chars", "log_words", "terminal_punct", "punct_ratio", "digit_ratio", "capitalised_ratio",
    "stopword_ratio", "boilerplate_ratio", "position", "has_url", "has_separator", "repeats", "is_cue",
    "blank_before", "blank_after", "commas_per_word", "all_caps", "date_like", "inner_sentences",
    "starts_by", "starts_quote_or_bullet",
)  # fmt: skip


def _contexts(values: list[float]) -> list[list[float]]:
    """Each value's neighbours: previous, next, and the window means of several radii."""
    prefix = [0.0, *accumulate(values)]
    n = len(values)
    rows = []
    for i in range(n):
        row = [values[i - 1] if i > 0 else 0.0, values[i + 1] if i + 1 < n else 0.0]
        for radius in _WINDOWS:
            lo, hi = max(0, i - radius), min(n, i + radius + 1)
            row.append((prefix[hi] - prefix[lo]) / (hi - lo))
        rows.append(row)
    return rows


def densest_block(word_counts: list[float]) -> tuple[int, int]:
    """The run of lines with the most words beyond :data:`_BLOCK_MIN_WORDS` a line (maximum subarray).

    Menus, link lists and footers are runs of short lines; the article is the run of long ones.
    """
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, count in enumerate(word_counts):
        if total <= 0:
            total, start = 0.0, i
        total += min(count, _BLOCK_CAP_WORDS) - _BLOCK_MIN_WORDS
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _headline_index(lines: list[PageLine]) -> int | None:
    """The first later line that repeats most of the first line (html-text prints the <title> first)."""
    if not lines:
        return None
    title_words = set(_WORD_RE.findall(lines[0].text.casefold()))
    for line in lines[1:]:
        words = set(_WORD_RE.findall(line.text.casefold()))
        if (
            len(words) >= 2
            and len(words & title_words) / max(len(words), 1) >= 0.8
            and len(words) * 2 >= len(title_words) * 0.5
        ):
            return line.index
    return None


def _running_count(flags: list[bool]) -> list[int]:
    """How many flagged lines come before each line."""
    counts, total = [], 0
    for flag in flags:
        counts.append(total)
        total += flag
    return counts


def line_features(lines: list[PageLine]) -> list[list[float]]:
    """One feature vector per line: its own shape features and its neighbourhood's."""
    repeats = Counter(line.text for line in lines)
    own = [_own_features(line, len(lines), repeats[line.text]) for line in lines]
    log_words = [row[1] for row in own]
    long_line = [float(row[1] >= math.log1p(_LONG_LINE_WORDS)) for row in own]
    terminal = [row[2] for row in own]
    stop = [row[6] for row in own]
    longest = max(log_words, default=1.0) or 1.0
    block_start, block_end = densest_block([math.expm1(value) for value in log_words])
    headline = _headline_index(lines)
    comments_before = _running_count([bool(_COMMENT_HEADER_RE.search(line.text)) for line in lines])
    contexts = [_contexts(values) for values in (log_words, long_line, terminal, stop)]
    rows: list[list[float]] = []
    for i, row in enumerate(own):
        distance = block_start - i if i < block_start else max(0, i - block_end)
        rows.append(
            [
                *row,
                log_words[i] / longest,
                float(distance == 0),
                math.log1p(distance),
                float(i < block_start),
                float(headline is not None and i > headline),
                math.log1p(i - headline) if headline is not None and i > headline else 0.0,
                math.log1p(comments_before[i]),
                *(value for context in contexts for value in context[i]),
            ]
        )
    return rows


@dataclass(frozen=True, slots=True)
class Booster:
    """A binary gradient-boosted tree ensemble: ``sigmoid(init + rate * sum of tree outputs)``.

    All trees are packed into flat arrays (scikit-learn's node layout, child indices made global);
    ``left == -1`` marks a leaf and ``roots`` holds each tree's first node.
    """

    init: float
    learning_rate: float
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(body) for each row, all trees walked together one level at a time."""
        node = np.broadcast_to(self.roots, (rows.shape[0], self.roots.shape[0])).copy()
        row_index = np.arange(rows.shape[0])[:, None]
        while True:
            left = self.left[node]
            inner = left >= 0
            if not inner.any():
                break
            goes_left = rows[row_index, self.feature[node]] <= self.threshold[node]
            node = np.where(inner, np.where(goes_left, left, self.right[node]), node)
        score = self.init + self.learning_rate * self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-score))


@dataclass(frozen=True, slots=True)
class LineModel:
    """Stage one sees the line features; stage two also sees stage one's neighbourhood probabilities."""

    stage1: Booster
    stage2: Booster
    threshold: float


def _booster_from_json(data: dict[str, Any]) -> Booster:
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    for tree in data["trees"]:
        offset = len(feature)
        roots.append(offset)
        feature += [max(f, 0) for f in tree["feature"]]
        threshold += tree["threshold"]
        left += [c + offset if c >= 0 else -1 for c in tree["left"]]
        right += [c + offset if c >= 0 else -1 for c in tree["right"]]
        value += tree["value"]
    return Booster(
        init=float(data["init"]),
        learning_rate=float(data["learning_rate"]),
        feature=np.asarray(feature, dtype=np.intp),
        threshold=np.asarray(threshold, dtype=np.float64),
        left=np.asarray(left, dtype=np.intp),
        right=np.asarray(right, dtype=np.intp),
        value=np.asarray(value, dtype=np.float64),
        roots=np.asarray(roots, dtype=np.intp),
    )


def model_from_json(data: dict[str, Any]) -> LineModel:
    """A model from the JSON written by ``benchmarks/train_text_extractor.py``."""
    return LineModel(
        stage1=_booster_from_json(data["stage1"]),
        stage2=_booster_from_json(data["stage2"]),
        threshold=float(data["threshold"]),
    )


@lru_cache(maxsize=1)
def load_line_model() -> LineModel:
    """The shipped model, read once on first use."""
    path = resources.files("newstrace").joinpath("data", "text_extractor", MODEL_RESOURCE)
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))


def stage2_features(rows: list[list[float]], first: list[float]) -> list[list[float]]:
    """Stage two's input: the line features plus stage one's probabilities around each line."""
    return [
        [*row, first[i], *context]
        for i, (row, context) in enumerate(zip(rows, _contexts(first), strict=True))
    ]


def score_lines(lines: list[PageLine], model: LineModel | None = None) -> list[float]:
    """The probability that each line belongs to the article body."""
    if not lines:
        return []
    model = model or load_line_model()
    rows = line_features(lines)
    first = model.stage1.probabilities(np.asarray(rows, dtype=np.float64)).tolist()
    second = model.stage2.probabilities(np.asarray(stage2_features(rows, first), dtype=np.float64))
    return [float(p) for p in second]
