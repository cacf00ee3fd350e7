"""Similarity across languages: the words two articles share, plus what their sentence vectors say.

Within one language, articles are compared by their term vectors (``features``). Across languages
few terms are shared: names (transliterated to one Latin form), numbers and loanwords. Those still
count, and a multilingual sentence vector (``analyse.embedding``) adds the rest: its cosine above a
floor, times a weight, is added to the term similarity, so the result lives on the same scale and is
held to the same bar as a same-language comparison. The floor keeps two events of the same kind
apart (two earthquakes read alike to a sentence encoder: cosine about 0.6), unless they also share
names and numbers; the same event across languages scores about 0.7 to 0.85.

Only languages the encoder was trained on take part; the others cluster among themselves by words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newstrace.analyse.embedding import ENCODER_LANGUAGES


@dataclass(frozen=True, slots=True)
class CrossLingualConfig:
    # Calibrated on the multilingual set (benchmarks/stories_multilingual.py) by cross-validation
    # over its events; see that script for the grid and the held-out figures.
    weight: float = 1.0  # added similarity per unit of sentence-vector cosine above ``floor``; 0: off
    floor: float = 0.6  # sentence-vector cosine that adds nothing
    candidates: int = 10  # stories retrieved by sentence vector for each article

    @property
    def enabled(self) -> bool:
        return self.weight > 0


def crosses(language: str, other: str) -> bool:
    """Whether two articles' languages differ and the encoder knows both."""
    return language != other and language in ENCODER_LANGUAGES and other in ENCODER_LANGUAGES


def dense_bonus(cosine: float, config: CrossLingualConfig) -> float:
    """What the sentence vectors add to a cross-lingual similarity."""
    return config.weight * max(0.0, cosine - config.floor)


def pair_similarity(
    term_similarity: float,
    languages: tuple[str, str],
    dense: tuple[np.ndarray | None, np.ndarray | None],
    config: CrossLingualConfig,
) -> float:
    """Two articles' similarity: their term cosine, plus the vector bonus when across languages."""
    a, b = dense
    if not config.enabled or a is None or b is None or not crosses(*languages):
        return term_similarity
    return term_similarity + dense_bonus(float(a @ b), config)
