"""Which events an article joining a story produces for the people following it.

The first time a story matches a subscription it is a ``new_story``. After that, only a real change
is an event, judged on the story's provenance after the article joined:

- ``new_source``: the story has more independent source families than when it was first alerted;
- ``named_source``: the new article attributes a claim to a named person or organisation where the
  story's earlier articles carried the same claim only as reported (an outlet, anonymous, or none):
  the named sentence matched a reported one of its claim group, and the two state the same thing
  (``same_statement``: what they say, not only whom it is about, the year or a figure that changed);
- ``denial``: the provenance flags a denial appearing in the new article;
- ``drift``: the provenance flags another certainty drift (hedge dropped, headline overstating, a
  denial contradicted by a named source) in the new article, or from it (it arrived late but is
  dated before the article that drifted).

Each kind is alerted at most once per (subscription, story): the outbox's unique key enforces it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newstrace.alerts.records import AlertContent, EventKind
from newstrace.records import Claim
from newstrace.trace.drift import MIN_SHARED_STEMS, ClaimGroup, ClaimOccurrence, case_evidence, claim_stems
from newstrace.trace.provenance import Provenance
from newstrace.trace.wording import figures

NAMED_KINDS = frozenset({"person", "organisation"})
REPORTED_KINDS = frozenset({"outlet", "anonymous", "none"})
# Share of the shorter sentence's words (names aside) the two sentences of a named source replacing a
# report must share: a retelling keeps most of what was reported ("the minister will resign over the
# row" → "the minister said he will resign over the row"); a quote that only shares its speaker's name
# and a year with a background line ("X helped found the firm in 2015") does not.
MIN_SAME_STATEMENT = 0.5


@dataclass(slots=True)
class StorySignals:
    """What the story looks like just after one article joined it."""

    independent_sources: int
    certainty: str  # the most frequent certainty class of the story's claims ("none" without claims)
    named_source: bool = False
    denial: bool = False
    drift: bool = False


def dominant_certainty(claims: list[Claim]) -> str:
    counts = Counter(c.certainty for c in claims)
    return counts.most_common(1)[0][0] if counts else "none"


def _said(sentence: str, source: str | None) -> frozenset[str]:
    """What a sentence says: its content-word stems but the names (words it writes with a capital
    inside it, its source's capitalised words: "Jane Roe", not "seismological centre"); numbers and
    years are no words here."""
    named = " ".join(w for w in (source or "").split() if w[:1].isupper())
    return claim_stems(sentence) - case_evidence(sentence)[0] - claim_stems(named)


def same_statement(named: ClaimOccurrence, reported: ClaimOccurrence) -> bool:
    """The named source's sentence states what the reported one did: they share MIN_SHARED_STEMS words
    of what they say (names aside), MIN_SAME_STATEMENT of the shorter one's, and give the same figures
    when both give some (a new toll from an official is news, not a report confirmed)."""
    numbers = figures(named.sentence), figures(reported.sentence)
    if numbers[0] and numbers[1] and numbers[0] != numbers[1]:
        return False
    said = _said(named.sentence, named.source), _said(reported.sentence, reported.source)
    shared = len(said[0] & said[1])
    return shared >= MIN_SHARED_STEMS and shared >= MIN_SAME_STATEMENT * min(len(said[0]), len(said[1]))


def names_a_reported_claim(new_key: str, groups: list[ClaimGroup], claims: dict[str, list[Claim]]) -> bool:
    """A sentence of the new article names the source of a claim the story's earlier articles carried
    only as reported: it matched one of their sentences and states the same thing."""
    by_sentence = {(key, c.sentence): c for key, found in claims.items() for c in found}

    def kind(o: ClaimOccurrence) -> str | None:
        claim = by_sentence.get((o.article_key, o.sentence))
        return claim.source_kind if claim is not None else None

    for group in groups:
        mine = [o for o in group.occurrences if o.article_key == new_key and kind(o) in NAMED_KINDS]
        earlier = [o for o in group.occurrences if o.article_key != new_key]
        if not mine or not earlier or not all(kind(o) in REPORTED_KINDS for o in earlier):
            continue
        if any(group.linked(m, o) and same_statement(m, o) for m in mine for o in earlier):
            return True
    return False


def story_signals(new_key: str, claims: dict[str, list[Claim]], provenance: Provenance) -> StorySignals:
    """Signals of a story from its provenance; ``claims`` maps each article key to its claims."""
    # a drift the new article shows, or reveals in another (an article that arrives late but is
    # dated earlier is the one an older article drifted from)
    flags = [f for f in provenance.drift if new_key in (f.article_key, f.earlier_key)]
    return StorySignals(
        independent_sources=max(provenance.independent_families, 1),
        certainty=dominant_certainty([c for found in claims.values() for c in found]),
        named_source=names_a_reported_claim(new_key, provenance.claim_groups, claims),
        denial=any(f.kind == "denial-appears" for f in flags),
        drift=any(f.kind != "denial-appears" for f in flags),
    )


def update_events(signals: StorySignals, first: AlertContent, done: set[str]) -> list[EventKind]:
    """The update events of an already-alerted story not yet sent (``first``: the new-story alert)."""
    events: list[EventKind] = []
    if signals.independent_sources > first.independent_sources:
        events.append("new_source")
    if signals.named_source:
        events.append("named_source")
    if signals.denial:
        events.append("denial")
    if signals.drift:
        events.append("drift")
    return [e for e in events if e not in done]
