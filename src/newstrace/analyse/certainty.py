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

from newstrace.analyse.lexicon import Lexicon, load_lexicon
from newstrace.records import Certainty, SourceKind

IDENTIFIABLE: frozenset[SourceKind] = frozenset({"person", "organisation", "outlet", "footage"})
SECOND_HAND: frozenset[SourceKind] = frozenset({"anonymous", "outlet"})
_CASE_SENSITIVE = frozenset({"may"})  # "May" in the middle of a sentence is the month
_WORDS = re.compile(r"\w+(?:['’]\w+)?")
_LEAD_WORDS = frozenset({"and", "but", "or", "so", "even", "only", "yet", "still"})
_MODALS = frozenset({"could", "would", "may", "might", "can", "will", "should", "must"})


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


def _matches(sentence: str, phrases: tuple[str, ...]) -> list[re.Match[str]]:
    if not phrases:
        return []
    return [
        m
        for m in _pattern(phrases).finditer(sentence)
        if not (m.group().lower() in _CASE_SENSITIVE and m.group()[0].isupper() and m.start() > 0)
    ]


def find_cues(sentence: str, phrases: tuple[str, ...], outside: tuple[int, int] | None = None) -> list[str]:
    """The phrases of ``phrases`` found in ``sentence`` (as written), in order, without overlaps;
    with ``outside``, those lying wholly inside that character range are left out."""
    return [
        " ".join(m.group().split())
        for m in _matches(sentence, phrases)
        if not (outside and outside[0] <= m.start() and m.end() <= outside[1])
    ]


@dataclass(frozen=True, slots=True)
class _Cues:
    """Cues of one class: those of the main clause, and those in a subordinate part (alternatives)."""

    main: list[str]
    subordinate: list[str]


def _in_main_clause(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """False for a cue in a relative or subordinate clause ("the firm where it was believed to"),
    in an opening prepositional phrase ("In the spot set to air Tuesday, …"), or an opening-only
    cue ("if", "perhaps") further in. Without the lexicon's clause words, every cue counts."""
    prefix = sentence[: match.start()]
    opening = _WORDS.findall(prefix)
    lead = [w.lower() for w in opening if w.lower() not in _LEAD_WORDS]
    if match.group().lower() in lexicon.initial_only:
        return not lead
    if opening and opening[0].lower() in lexicon.clause_openers and "," not in prefix:
        return False
    stretch = re.split(r"[,;:(—–]| -- | - ", prefix)[-1]
    return not any(w.lower() in lexicon.subordinators for w in _WORDS.findall(stretch))


def _modifies_report(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """A hedge right before a reporting verb hedges the report itself ("which purportedly shows")."""
    after = _WORDS.findall(sentence[match.end() :])[:1]
    return bool(after) and after[0].lower() in lexicon.verb_forms


def _split(sentence: str, matches: list[re.Match[str]], lexicon: Lexicon, hedge: bool = False) -> _Cues:
    main: list[str] = []
    subordinate: list[str] = []
    for match in matches:
        counts = _in_main_clause(sentence, match, lexicon) or (
            hedge and _modifies_report(sentence, match, lexicon)
        )
        (main if counts else subordinate).append(" ".join(match.group().split()))
    return _Cues(main, subordinate)


def _denial_cues(sentence: str, lexicon: Lexicon) -> _Cues:
    """Denials; "could deny them permits" (a modal before, a person after) rejects no claim."""
    kept: list[re.Match[str]] = []
    for match in _matches(sentence, lexicon.denials):
        before = _WORDS.findall(sentence[: match.start()])[-1:]
        after = _WORDS.findall(sentence[match.end() :])[:1]
        if (before and before[0].lower() in _MODALS) or (
            after and after[0].lower() in lexicon.denial_non_objects
        ):
            continue
        kept.append(match)
    return _split(sentence, kept, lexicon)


def _hedge_cues(sentence: str, lexicon: Lexicon, content: str | None) -> _Cues:
    where = sentence.find(content) if content else -1
    matches = [
        m
        for m in _matches(sentence, lexicon.hedges)
        if not (content and where >= 0 and where <= m.start() and m.end() <= where + len(content))
    ]
    return _split(sentence, matches, lexicon, hedge=True)


def _speculative_cues(sentence: str, lexicon: Lexicon) -> _Cues:
    cues = _split(sentence, _matches(sentence, lexicon.speculative), lexicon)
    if sentence.rstrip(" \"'”’»").endswith("?"):
        cues.main.append("?")
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
    sentence (``Smith reportedly said``) make it hedged. Cues in a subordinate clause only add
    alternatives (the guide's "main clause decides")."""
    lexicon = load_lexicon(language)
    identifiable = source_kind in IDENTIFIABLE
    denied = _denial_cues(sentence, lexicon)
    hedges = _hedge_cues(sentence, lexicon, content if identifiable else None)
    speculative = _speculative_cues(sentence, lexicon)
    anonymous = source_kind == "anonymous"
    attribution_cues = [reporting_cue] if reporting_cue else []
    also = [
        name
        for name, cues in (("denied", denied), ("hedged", hedges), ("speculative", speculative))
        if cues.subordinate and not cues.main
    ]

    def decide(certainty: Certainty, cues: list[str], alternatives: list[str]) -> CertaintyDecision:
        extra = [a for a in also if a != certainty and a not in alternatives]
        return CertaintyDecision(certainty, _unique(cues), alternatives + extra)

    if denied.main:
        alternatives = ["attributed"] if identifiable else []
        if hedges.main or any("confirm" in cue or "say" in cue for cue in denied.main):
            alternatives.append("hedged")
        return decide("denied", denied.main, alternatives)
    if hedges.main or anonymous:
        cues = hedges.main or attribution_cues
        alternatives = (["attributed"] if identifiable else []) + (
            ["speculative"] if speculative.main else []
        )
        return decide("hedged", cues, alternatives)
    if identifiable:
        return decide("attributed", attribution_cues, ["speculative"] if speculative.main else [])
    if speculative.main:
        return decide("speculative", speculative.main, [])
    return decide("asserted", [], [])


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
