"""How sure the article is about a claim: asserted, attributed, hedged, speculative or denied.

The classes and their precedence are those of the project's certainty guide: denied > hedged >
(attributed when a named source carries the claim) > speculative > attributed > asserted. Cue words
come from the language's lexicon (``src/newstrace/data/claims/<language>.json``) and are returned as
evidence with the decision; classes that also apply are returned as alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newstrace.analyse.attribution import Lexicon, load_lexicon
from newstrace.records import Certainty, SourceKind

IDENTIFIABLE: frozenset[SourceKind] = frozenset({"person", "organisation", "outlet", "footage"})
SECOND_HAND: frozenset[SourceKind] = frozenset({"anonymous", "outlet"})
_CASE_SENSITIVE = frozenset({"may"})  # "May" in the middle of a sentence is the month


@dataclass(frozen=True, slots=True)
class CertaintyDecision:
    certainty: Certainty
    cues: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)


@lru_cache(maxsize=64)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def find_cues(sentence: str, phrases: tuple[str, ...], outside: tuple[int, int] | None = None) -> list[str]:
    """The phrases of ``phrases`` found in ``sentence`` (as written), in order, without overlaps;
    with ``outside``, those lying wholly inside that character range are left out."""
    if not phrases:
        return []
    found: list[str] = []
    for match in _pattern(phrases).finditer(sentence):
        word = match.group()
        if word.lower() in _CASE_SENSITIVE and word[0].isupper() and match.start() > 0:
            continue
        if outside and outside[0] <= match.start() and match.end() <= outside[1]:
            continue
        found.append(" ".join(word.split()))
    return found


def _denial_cues(sentence: str, lexicon: Lexicon) -> list[str]:
    return find_cues(sentence, lexicon.denials)


def _hedge_cues(sentence: str, lexicon: Lexicon, content: str | None) -> list[str]:
    where = sentence.find(content) if content else -1
    return find_cues(
        sentence, lexicon.hedges, (where, where + len(content)) if content and where >= 0 else None
    )


def _speculative_cues(sentence: str, lexicon: Lexicon) -> list[str]:
    cues = find_cues(sentence, lexicon.speculative)
    if sentence.rstrip(" \"'”’»").endswith("?"):
        cues.append("?")
    return cues


def classify_certainty(
    sentence: str,
    source_kind: SourceKind = "none",
    reporting_cue: str | None = None,
    language: str = "en",
    content: str | None = None,
) -> CertaintyDecision:
    """Decide the certainty class of one sentence, given who (if anyone) it was attributed to.

    ``content`` is what the source said (part of ``sentence``, or all of it inside a quote): a hedge
    in it is the source's, not the article's, so with a named source only hedges in the rest of the
    sentence (``Smith reportedly said``) make it hedged."""
    lexicon = load_lexicon(language)
    denied = _denial_cues(sentence, lexicon)
    hedges = _hedge_cues(sentence, lexicon, content if source_kind in IDENTIFIABLE else None)
    speculative = _speculative_cues(sentence, lexicon)
    identifiable = source_kind in IDENTIFIABLE
    anonymous = source_kind == "anonymous"
    attribution_cues = [reporting_cue] if reporting_cue else []

    if denied:
        alternatives = ["attributed"] if identifiable else []
        if hedges or any("confirm" in cue for cue in denied):
            alternatives.append("hedged")
        return CertaintyDecision("denied", denied, alternatives)
    if hedges or anonymous:
        cues = hedges or attribution_cues
        alternatives = (["attributed"] if identifiable else []) + (["speculative"] if speculative else [])
        return CertaintyDecision("hedged", _unique(cues), alternatives)
    if identifiable:
        return CertaintyDecision("attributed", attribution_cues, ["speculative"] if speculative else [])
    if speculative:
        return CertaintyDecision("speculative", _unique(speculative), [])
    return CertaintyDecision("asserted", [], [])


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
