"""Which events an article joining a story produces for the people following it.

The first time a story matches a subscription it is a ``new_story``. After that, only a real change
is an event, judged on the story's provenance after the article joined:

- ``new_source``: the story has more independent source families than when it was first alerted;
- ``named_source``: the new article attributes a claim to a named person or organisation where the
  story's earlier articles carried the same claim only as reported (an outlet, anonymous, or none);
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
from newstrace.trace.provenance import Provenance

NAMED_KINDS = frozenset({"person", "organisation"})
REPORTED_KINDS = frozenset({"outlet", "anonymous", "none"})


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


def _names_a_reported_claim(new_key: str, provenance: Provenance, claims: dict[str, list[Claim]]) -> bool:
    by_sentence = {(key, c.sentence): c for key, found in claims.items() for c in found}
    for group in provenance.claim_groups:
        mine = [o for o in group.occurrences if o.article_key == new_key]
        earlier = [o for o in group.occurrences if o.article_key != new_key]
        if not mine or not earlier:
            continue
        named_now = any(
            (c := by_sentence.get((o.article_key, o.sentence))) is not None and c.source_kind in NAMED_KINDS
            for o in mine
        )
        only_reported = all(
            (c := by_sentence.get((o.article_key, o.sentence))) is not None
            and c.source_kind in REPORTED_KINDS
            for o in earlier
        )
        if named_now and only_reported:
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
        named_source=_names_a_reported_claim(new_key, provenance, claims),
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
