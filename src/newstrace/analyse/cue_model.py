"""A small logistic model that spots reporting and stance cues the lexicon rules miss.

News marks attributions with a long tail of cue words beyond "said": stance verbs ("wants",
"supports", "believes"), nouns ("criticism of", "endorsement") and phrases. The model scores
one token of a sentence from generic features only: the token's lower-cased form when it is one of
a vocabulary of common English cue words, its crude stem and suffix, the classes of the words
around it ("that", a subject pronoun, "to", a quote, a capitalised word, an auxiliary …) and its
position. No n-grams of the text and no names are used.

The weights (``src/newstrace/data/claims/cue_model.json``) were fitted by
``benchmarks/train_cue_model.py`` on PolNeAR train (L1-regularised logistic regression); the
threshold in that file was chosen on a held-out part of train, and the file documents both.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newstrace.analyse.lexicon import CLOSING_QUOTES, DETERMINERS, QUOTE_CHARS, Token, words_of

_SUBJECTS = frozenset(["he", "she", "they", "we", "i", "it", "there", "you"])
_AUXILIARIES = words_of(
    "has have had is are was were be been will would could should may might can did does do not "
    "n't also never still repeatedly"
)
_PREPOSITIONS = frozenset(["on", "about", "for", "of", "with", "against", "in", "at", "by", "from", "over"])
_PRONOUN_OBJECTS = frozenset(["him", "her", "them", "us", "me", "it"])


@dataclass(frozen=True, slots=True)
class CueModel:
    """Weights by feature name, the intercept, the decision threshold and the word vocabulary."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    vocabulary: frozenset[str]


def stem(word: str) -> str:
    """A crude stem: "supports", "supported", "supporting" → "support"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _suffix(word: str) -> str:
    for suffix in ("ing", "ed", "ly", "ion", "s"):
        if word.endswith(suffix):
            return suffix
    return "-"


def word_class(token: Token | None) -> str:
    """A coarse class of a neighbouring token."""
    if token is None:
        return "edge"
    lower = token.lower
    if lower == "that":
        return "that"
    if lower == "to":
        return "to"
    if lower in _SUBJECTS:
        return "subject"
    if lower in _PRONOUN_OBJECTS:
        return "object"
    if lower in DETERMINERS:
        return "determiner"
    if lower in _AUXILIARIES:
        return "auxiliary"
    if lower in _PREPOSITIONS:
        return "preposition"
    if token.text in QUOTE_CHARS or token.text in CLOSING_QUOTES or token.text == "``":
        return "quote"
    if token.text == ":":
        return "colon"
    if token.text in ",;":
        return "comma"
    if not token.text[0].isalnum():
        return "punct"
    if token.capitalised:
        return "capital"
    if lower.endswith("ly"):
        return "adverb"
    return "word"


def features(
    tokens: list[Token], i: int, vocabulary: frozenset[str], classes: list[str] | None = None
) -> list[str]:
    """The active binary features of ``tokens[i]`` as a candidate cue (``classes``: the tokens'
    ``word_class`` when already known)."""
    token = tokens[i]
    lower = token.lower
    known = lower if lower in vocabulary else "<other>"
    root = stem(lower)
    known_stem = root if root in vocabulary else "<other>"
    n = len(tokens)
    if classes is None:
        classes = [word_class(tokens[j]) if abs(j - i) <= 2 else "" for j in range(n)]
    before = classes[i - 1] if i > 0 else "edge"
    before2 = classes[i - 2] if i > 1 else "edge"
    after = classes[i + 1] if i + 1 < n else "edge"
    after2 = classes[i + 2] if i + 2 < n else "edge"
    position = min(4, int(5 * i / max(len(tokens), 1)))
    return [
        f"w={known}",
        f"stem={known_stem}",
        f"suffix={_suffix(lower)}",
        f"before={before}",
        f"before2={before2}|{before}",
        f"after={after}",
        f"after2={after}|{after2}",
        f"position={position}",
        f"capital={token.capitalised and i > 0}",
        f"w={known}|after={after}",
        f"w={known}|before={before}",
        f"stem={known_stem}|after={after}",
        f"suffix={_suffix(lower)}|after={after}",
        f"suffix={_suffix(lower)}|before={before}",
    ]


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel | None:
    """The packaged English cue model, or None when the package ships none."""
    path = resources.files("newstrace.data").joinpath("claims/cue_model.json")
    if not path.is_file():
        return None
    raw = json.loads(path.read_text("utf-8"))
    return CueModel(
        weights={str(k): float(v) for k, v in raw["weights"].items()},
        intercept=float(raw["intercept"]),
        threshold=float(raw["threshold"]),
        vocabulary=frozenset(raw["vocabulary"]),
    )


def cue_probability(model: CueModel, tokens: list[Token], i: int, classes: list[str] | None = None) -> float:
    """The model's probability that ``tokens[i]`` is (part of) an attribution cue."""
    weights = model.weights
    score = model.intercept + sum(weights.get(f, 0.0) for f in features(tokens, i, model.vocabulary, classes))
    return 1.0 / (1.0 + math.exp(-score))


def sentence_scores(model: CueModel | None, tokens: list[Token]) -> list[float | None]:
    """``cue_probability`` of every candidate token of a sentence (None for the others, or for
    every token without a model), the word classes computed once."""
    if model is None:
        return [None] * len(tokens)
    classes = [word_class(token) for token in tokens]
    return [
        cue_probability(model, tokens, i, classes) if is_candidate(token) else None
        for i, token in enumerate(tokens)
    ]


def is_candidate(token: Token) -> bool:
    """Words only: the model never scores punctuation, numbers or very short tokens."""
    return token.text.isalpha() and len(token.text) > 2
