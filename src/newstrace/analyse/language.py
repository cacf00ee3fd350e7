"""Language identification (py3langid: a compact, offline model shipped in its PyPI package)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol, TypeVar

# Below this many letters the identifier is little better than a guess; say "unknown" instead.
MIN_LETTERS = 20
# langid's normalised probability under which the answer is not trusted.
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:4000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return str(code) if confidence >= MIN_CONFIDENCE else None


class HasLanguage(Protocol):
    @property
    def language(self) -> str | None: ...


Item = TypeVar("Item", bound=HasLanguage)


def first_by_language(items: Iterable[Item]) -> list[Item]:
    """The first item in each language, in order of appearance (items in time order: the earliest
    article in each language of a story)."""
    first: dict[str, Item] = {}
    for item in items:
        if item.language:
            first.setdefault(item.language, item)
    return list(first.values())
