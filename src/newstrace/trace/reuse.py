"""Text reuse between two texts: aligned passages, the share of each text reused, the degree of reuse.

Passages are found by hashing word n-gram shingles (``SHINGLE`` words, lower-cased, punctuation
dropped) of both texts and chaining the shared shingles into runs that follow the same diagonal, so
that a run survives light edits (a changed word, a dropped clause) as long as the gap between two
matching shingles stays under ``MAX_GAP`` words in both texts. Everything is linear in the length of
the texts plus the number of shared shingles: no all-pairs word comparison.

``classify_reuse`` labels the degree of reuse of a later text from an earlier one with the four
classes of Clough & Stevenson's short-answer corpus: ``copy`` (cut-and-paste), ``light`` (light
revision), ``heavy`` (heavy revision) and ``independent``.
"""

from __future__ import annotations

import difflib
import functools
import json
import math
import re
import zlib
from dataclasses import dataclass
from importlib import resources
from typing import Literal

ReuseDegree = Literal["copy", "light", "heavy", "independent"]
REUSE_DEGREES: tuple[ReuseDegree, ...] = ("independent", "heavy", "light", "copy")

SHINGLE = 3  # words per shingle: 3 keeps chance matches rare in news text yet survives one-word edits
MAX_GAP = 6  # words of edit tolerated between two matching shingles of one passage
MIN_PASSAGE_WORDS = 6  # a passage shorter than this is a stock phrase, not reuse

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its lower-cased form and its character offsets."""

    word: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of shared words: character offsets in ``a`` and ``b`` and its length in words of each."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_words: int
    b_words: int


@dataclass(frozen=True, slots=True)
class ReuseAlignment:
    """The passages two texts share and the share of each text's words that they cover."""

    passages: list[Passage]
    a_share: float  # share of a's words inside a passage
    b_share: float
    a_words: int
    b_words: int
    shared_shingles: int  # distinct shingles the two texts have in common
    a_containment: float  # share of a's distinct shingles found in b
    b_containment: float

    @property
    def longest_a(self) -> int:
        return max((p.a_words for p in self.passages), default=0)


@dataclass(frozen=True, slots=True)
class ReuseFeatures:
    """What the reuse classifier looks at, for a text ``derived`` that may reuse a ``source``."""

    word_containment: float  # share of derived's distinct words found in source
    bigram_containment: float  # share of derived's distinct word bigrams found in source
    long_containment: float  # share of derived's distinct word 8-grams found in source (verbatim runs)
    common_order_share: float  # words of derived in the longest order-preserving match with source
    common_block_share: float  # the same, counting only matching blocks of 4+ words

    def vector(self) -> list[float]:
        return [
            self.word_containment,
            self.bigram_containment,
            self.long_containment,
            self.common_order_share,
            self.common_block_share,
        ]


@dataclass(frozen=True, slots=True)
class ReuseModel:
    """A multinomial logistic regression over standardised ``ReuseFeatures`` (see ``load_reuse_model``)."""

    classes: tuple[ReuseDegree, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]  # one row per class
    intercept: tuple[float, ...]


def tokenise(text: str) -> list[Token]:
    return [Token(m.group(0).lower(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def shingle_hash(words: list[str] | tuple[str, ...]) -> int:
    """A stable 32-bit hash of a run of words (stable across processes, unlike ``hash``)."""
    return zlib.crc32(" ".join(words).encode("utf-8"))


def shingle_hashes(words: list[str], size: int = SHINGLE) -> list[int]:
    """The hash of the shingle starting at each word; a text shorter than ``size`` has one shingle."""
    if not words:
        return []
    if len(words) < size:
        return [shingle_hash(words)]
    return [shingle_hash(words[i : i + size]) for i in range(len(words) - size + 1)]


def _positions(hashes: list[int]) -> dict[int, list[int]]:
    index: dict[int, list[int]] = {}
    for i, h in enumerate(hashes):
        index.setdefault(h, []).append(i)
    return index


@dataclass(slots=True)
class _Run:
    a_first: int
    b_first: int
    a_last: int
    b_last: int
    a_covered: set[int]
    b_covered: set[int]


def _chain(a_hashes: list[int], b_index: dict[int, list[int]], size: int) -> list[_Run]:
    """Chain matching shingles into runs that advance in both texts with gaps of at most MAX_GAP."""
    runs: list[_Run] = []
    open_runs: list[_Run] = []
    for i, h in enumerate(a_hashes):
        b_positions = b_index.get(h)
        if not b_positions:
            continue
        open_runs = [r for r in open_runs if i - r.a_last <= MAX_GAP]
        for j in b_positions[:8]:  # a shingle repeated many times is boilerplate: follow a few
            followers = [r for r in open_runs if 0 < i - r.a_last <= MAX_GAP and 0 < j - r.b_last <= MAX_GAP]
            # the run whose diagonal this match keeps best (equal steps in both texts)
            best = min(followers, key=lambda r: abs((i - r.a_last) - (j - r.b_last)), default=None)
            if best is None:
                best = _Run(i, j, i, j, set(), set())
                runs.append(best)
                open_runs.append(best)
            best.a_last, best.b_last = i, j
            best.a_covered.update(range(i, i + size))
            best.b_covered.update(range(j, j + size))
    return runs


def align_reuse(a: str, b: str, size: int = SHINGLE) -> ReuseAlignment:
    """Align the passages ``a`` and ``b`` share (runs of shingles, tolerant of light edits)."""
    a_tokens, b_tokens = tokenise(a), tokenise(b)
    return align_tokens(a_tokens, b_tokens, size)


def align_tokens(
    a_tokens: list[Token],
    b_tokens: list[Token],
    size: int = SHINGLE,
    hashes: tuple[list[int], list[int]] | None = None,
) -> ReuseAlignment:
    """Align two tokenised texts (``hashes``: their shingle hashes, when already computed)."""
    if hashes is None:
        hashes = (
            shingle_hashes([t.word for t in a_tokens], size),
            shingle_hashes([t.word for t in b_tokens], size),
        )
    a_hashes, b_hashes = hashes
    b_index = _positions(b_hashes)
    shared = set(a_hashes) & set(b_index)
    runs = _chain(a_hashes, b_index, size) if shared else []
    passages: list[Passage] = []
    a_cov: set[int] = set()
    b_cov: set[int] = set()
    for run in runs:
        a_in = {k for k in run.a_covered if k < len(a_tokens)}
        b_in = {k for k in run.b_covered if k < len(b_tokens)}
        if min(len(a_in), len(b_in)) < min(MIN_PASSAGE_WORDS, len(a_tokens), len(b_tokens)):
            continue
        a_cov |= a_in
        b_cov |= b_in
        passages.append(
            Passage(
                a_start=a_tokens[min(a_in)].start,
                a_end=a_tokens[max(a_in)].end,
                b_start=b_tokens[min(b_in)].start,
                b_end=b_tokens[max(b_in)].end,
                a_words=len(a_in),
                b_words=len(b_in),
            )
        )
    passages.sort(key=lambda p: p.a_start)
    a_set, b_set = set(a_hashes), set(b_hashes)
    return ReuseAlignment(
        passages=passages,
        a_share=len(a_cov) / len(a_tokens) if a_tokens else 0.0,
        b_share=len(b_cov) / len(b_tokens) if b_tokens else 0.0,
        a_words=len(a_tokens),
        b_words=len(b_tokens),
        shared_shingles=len(shared),
        a_containment=len(shared) / len(a_set) if a_set else 0.0,
        b_containment=len(shared) / len(b_set) if b_set else 0.0,
    )


def _containment(derived: list[str], source: list[str], n: int) -> float:
    d = {tuple(derived[i : i + n]) for i in range(len(derived) - n + 1)}
    if not d:
        return 0.0
    s = {tuple(source[i : i + n]) for i in range(len(source) - n + 1)}
    return len(d & s) / len(d)


def _common_order(derived: list[str], source: list[str]) -> tuple[float, float]:
    """Shares of ``derived``'s words in blocks that match ``source`` in order: all blocks, 4+ word blocks."""
    if not derived:
        return 0.0, 0.0
    matcher = difflib.SequenceMatcher(None, derived, source, autojunk=False)
    sizes = [b.size for b in matcher.get_matching_blocks()]
    return sum(sizes) / len(derived), sum(n for n in sizes if n >= 4) / len(derived)


def reuse_features(derived: str, source: str) -> ReuseFeatures:
    """The features ``classify_reuse`` reads, for ``derived`` reusing ``source``."""
    return features_from_words([t.word for t in tokenise(derived)], [t.word for t in tokenise(source)])


def features_from_words(derived: list[str], source: list[str]) -> ReuseFeatures:
    order_share, block_share = _common_order(derived, source)
    return ReuseFeatures(
        word_containment=_containment(derived, source, 1),
        bigram_containment=_containment(derived, source, 2),
        long_containment=_containment(derived, source, 8),
        common_order_share=order_share,
        common_block_share=block_share,
    )


@functools.lru_cache(maxsize=1)
def load_reuse_model() -> ReuseModel:
    """The shipped reuse classifier (``data/reuse.json``; written by ``benchmarks/text_reuse.py``).

    Calibration: logistic regression (C chosen by inner 5-fold cross-validation from 1, 3, 10, 30)
    fitted on the five ``ReuseFeatures`` of the 95 answer/source pairs of Clough & Stevenson's
    short-answer corpus; ``benchmarks/text_reuse.py`` reports its accuracy by repeated stratified
    5-fold cross-validation and refits the shipped parameters with ``--write-model``; its
    ``--compare`` table scores the alternatives tried on the same folds (Greedy String Tiling, word
    LCS, Clough & Stevenson's features with Naive Bayes, stemmed overlaps, ordinal cuts), none better.
    Only the fitted numbers ship, never the corpus's texts.
    """
    raw = json.loads(resources.files("newstrace").joinpath("data/reuse.json").read_text(encoding="utf-8"))
    return ReuseModel(
        classes=tuple(raw["classes"]),
        mean=tuple(raw["mean"]),
        scale=tuple(raw["scale"]),
        coef=tuple(tuple(row) for row in raw["coef"]),
        intercept=tuple(raw["intercept"]),
    )


def reuse_probabilities(features: ReuseFeatures, model: ReuseModel | None = None) -> dict[ReuseDegree, float]:
    model = model or load_reuse_model()
    z = [(x - m) / s for x, m, s in zip(features.vector(), model.mean, model.scale, strict=True)]
    scores = [
        sum(w * v for w, v in zip(row, z, strict=True)) + b
        for row, b in zip(model.coef, model.intercept, strict=True)
    ]
    top = max(scores)
    exps = [math.exp(v - top) for v in scores]
    total = sum(exps)
    return {c: e / total for c, e in zip(model.classes, exps, strict=True)}


def classify_reuse(features: ReuseFeatures, model: ReuseModel | None = None) -> ReuseDegree:
    """The degree of reuse (copy, light, heavy, independent) of a text given its ``ReuseFeatures``."""
    probs = reuse_probabilities(features, model)
    return max(probs, key=lambda c: probs[c])


# A pair of texts becomes a candidate for alignment when it shares this many distinct shingles:
# the fewest a MIN_PASSAGE_WORDS passage can produce.
MIN_SHARED_SHINGLES = MIN_PASSAGE_WORDS - SHINGLE + 1
MAX_CANDIDATES = 5  # texts aligned per new text: the ones sharing most shingles with it
# A pair is classified only when the later text has at least this share of its shingles in the
# earlier one: a cheap gate before the costlier features. On Clough & Stevenson's corpus 55 of 57
# derived answers reach it (the other two are misclassified by the full model as well, see
# benchmarks/text_reuse.py) and 27 of 38 independent ones do not.
MIN_SHINGLE_CONTAINMENT = 0.03


@dataclass(slots=True)
class IndexedText:
    key: str
    tokens: list[Token]
    words: list[str]
    hashes: list[int]  # the shingle starting at each word
    shingles: set[int]
    seq: int  # order of arrival in the index


@dataclass(slots=True)
class ReuseCandidate:
    key: str
    shared_shingles: int


@dataclass(slots=True)
class ReuseIndex:
    """Shingle postings of a story's texts, so a new text is aligned only with the texts it overlaps.

    Adding a text costs its length plus the postings of its shingles; the candidates are the texts
    that share at least MIN_SHARED_SHINGLES shingles with it, most shared first. The index grows in
    place: a story's provenance keeps it and hands it to the next incremental update.
    """

    texts: dict[str, IndexedText]
    postings: dict[int, set[str]]

    @classmethod
    def empty(cls) -> ReuseIndex:
        return cls({}, {})

    def __contains__(self, key: str) -> bool:
        return key in self.texts

    def add(self, key: str, text: str) -> list[ReuseCandidate]:
        """Index ``text`` under ``key`` and return the indexed texts worth aligning it with."""
        tokens = tokenise(text)
        words = [t.word for t in tokens]
        hashes = shingle_hashes(words)
        shingles = set(hashes)
        counts: dict[str, int] = {}
        for h in shingles:
            for other in self.postings.get(h, ()):
                counts[other] = counts.get(other, 0) + 1
        for h in shingles:
            self.postings.setdefault(h, set()).add(key)
        self.texts[key] = IndexedText(key, tokens, words, hashes, shingles, len(self.texts))
        ranked = sorted(  # most shared first; on a tie the earliest indexed (the original before its copies)
            (ReuseCandidate(k, n) for k, n in counts.items() if n >= MIN_SHARED_SHINGLES and k != key),
            key=lambda c: (-c.shared_shingles, self.texts[c.key].seq),
        )
        return ranked

    def containment(self, derived_key: str, source_key: str) -> float:
        """Share of ``derived_key``'s shingles also in ``source_key``'s text."""
        derived = self.texts[derived_key].shingles
        return len(derived & self.texts[source_key].shingles) / len(derived) if derived else 0.0

    def word_containment(self, derived_key: str, source_key: str) -> float:
        """Share of ``derived_key``'s distinct words also in ``source_key``'s text."""
        derived = set(self.texts[derived_key].words)
        return len(derived & set(self.texts[source_key].words)) / len(derived) if derived else 0.0

    def align(self, a_key: str, b_key: str) -> ReuseAlignment:
        a, b = self.texts[a_key], self.texts[b_key]
        return align_tokens(a.tokens, b.tokens, hashes=(a.hashes, b.hashes))

    def features(self, derived_key: str, source_key: str) -> ReuseFeatures:
        return features_from_words(self.texts[derived_key].words, self.texts[source_key].words)
