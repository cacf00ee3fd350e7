"""Keep the provenance of active stories current as articles join them, incrementally.

The tracker holds the last trace of a bounded number of stories in memory; a story not held is traced
in full from the store the next time it is asked for.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from newstrace.records import Claim
from newstrace.store import Store
from newstrace.trace.citations import article_key
from newstrace.trace.provenance import Provenance, trace_story

# Stories whose provenance stays in memory between articles (least recently updated leave first).
STORIES_KEPT = 256


@dataclass(slots=True)
class StoryTrace:
    provenance: Provenance
    claims: dict[str, list[Claim]]  # article key → its claims


class ProvenanceTracker:
    def __init__(self, store: Store, kept: int = STORIES_KEPT) -> None:
        self.store = store
        self.kept = kept
        self._traces: OrderedDict[int, StoryTrace] = OrderedDict()
        self._lock = threading.RLock()  # the web app reads while the main job writes

    def get(self, story_id: int) -> StoryTrace | None:
        """The story's current trace: from memory when held and no article joined since."""
        with self._lock:
            held = self._traces.get(story_id)
            if held is not None and {e.article_id for e in held.provenance.timeline} == (
                self.store.story_article_ids(story_id)
            ):
                return held
            return self.update(story_id, incremental=held is not None)

    def update(self, story_id: int, incremental: bool = True) -> StoryTrace | None:
        """Trace a story after articles joined it; ``incremental`` grows the held trace instead."""
        with self._lock:
            return self._update(story_id, incremental)

    def _update(self, story_id: int, incremental: bool) -> StoryTrace | None:
        articles = self.store.story_articles(story_id)
        if not articles:
            return None
        by_id = self.store.story_claims(story_id)
        claims = {article_key(a): by_id.get(a.id or 0, []) for a in articles}
        previous = self._traces.pop(story_id, None) if incremental else None
        if previous is not None and not {e.key for e in previous.provenance.timeline} <= set(claims):
            previous = None  # articles left the story (a split): trace it afresh
        trace = StoryTrace(trace_story(articles, claims, previous.provenance if previous else None), claims)
        self._traces[story_id] = trace
        while len(self._traces) > self.kept:
            self._traces.popitem(last=False)
        provenance = trace.provenance
        origin = provenance.origin.name if provenance.origin.kind != "unknown" else None
        self.store.set_story_provenance(
            story_id, provenance.independent_families, len(provenance.drift), origin
        )
        return trace

    def forget(self) -> None:
        with self._lock:
            self._traces.clear()
