"""Language identification (py3langid: a compact, offline model shipped in its PyPI package)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

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
