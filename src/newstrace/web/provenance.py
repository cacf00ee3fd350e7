"""A story's provenance as the web face shows it: a thin, pure projection of the core's trace.

The core computes everything (``core.tracker.get(story_id)`` → :class:`~newstrace.trace.tracker.
StoryTrace`: timeline, origin, derivation edges with evidence, citation graph, source families,
claim groups and drift flags); this module only re-keys it by article id, names the citation nodes,
and sorts the claim groups by certainty for display. The same records are the story page's JSON twin.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from newstrace.analyse.language import first_by_language
from newstrace.store.pages import CERTAINTIES
from newstrace.trace.drift import ClaimGroup, DriftFlag
from newstrace.trace.provenance import Provenance

if TYPE_CHECKING:
    from newstrace.trace.tracker import StoryTrace

DRIFT_LABELS = {
    "headline-overstates": "headline overstates the body",
    "hedge-dropped": "hedge dropped",
    "denial-appears": "denial appears",
    "contradicted": "denial contradicted",
}


@dataclass(slots=True)
class TimelineRow:
    """One article of the story, in time order."""

    key: str
    article_id: int | None
    outlet: str | None
    title: str
    time: datetime | None
    time_kind: str  # published, fetched or unknown
    copy_of: int | None  # the article it copies (cut-and-paste), by id
    reused_share: float  # share of its text found in earlier articles
    drift: bool  # one of its sentences carries a drift flag
    language: str | None = None


@dataclass(slots=True)
class OriginView:
    kind: str  # article, external (a source cited but not ingested) or unknown
    name: str
    evidence: str
    article_id: int | None  # set when the origin is one of the story's articles


@dataclass(slots=True)
class EdgeView:
    """One derivation edge: ``target_article`` took text from (or cites) ``source_article``."""

    source_article: int | None
    target_article: int | None
    source_key: str
    target_key: str
    kind: str  # reuse, citation or reuse+citation
    direction: str  # earlier-to-later, common-source or unordered
    degree: str | None  # copy, heavy or light reuse
    share: float
    via: str | None  # the cited source both took it from (direction common-source), by name
    evidence: list[str]
    passages: int


@dataclass(slots=True)
class CitedSource:
    name: str
    kind: str  # person, organisation, outlet, footage
    articles: int  # how many of the story's articles cite it
    ingested: bool  # one of the story's articles is from this source
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DriftView:
    kind: str
    label: str
    group_id: int
    article_id: int | None
    earlier_article_id: int | None
    before: str
    after: str
    sentence: str
    evidence: str


@dataclass(slots=True)
class ClaimOccurrenceView:
    article_id: int | None
    outlet: str | None
    sentence: str
    certainty: str
    cues: list[str]
    source: str | None
    in_headline: bool
    drift: list[str]  # the drift kinds flagged on this occurrence


@dataclass(slots=True)
class ClaimGroupView:
    """The same claim across articles; ``certainty`` is the one most of them state it with."""

    id: int
    sentence: str
    certainty: str
    articles: int
    occurrences: list[ClaimOccurrenceView]
    drift: list[DriftView]


@dataclass(slots=True)
class StoryProvenance:
    story_id: int
    origin: OriginView
    timeline: list[TimelineRow]
    edges: list[EdgeView]
    cited_sources: list[CitedSource]
    independent_sources: int  # source families: articles that reuse or cite one another count once
    families: list[list[int | str]]  # article ids (keys for articles without one), earliest first
    claim_groups: list[ClaimGroupView]  # by certainty, drifting groups first
    drift: list[DriftView]
    claims: int  # every claim of the story's articles
    certainty_counts: dict[str, int]
    first_by_language: list[TimelineRow]  # the earliest article in each language, earliest first


def _article_ids(prov: Provenance) -> dict[str, int | None]:
    return {entry.key: entry.article_id for entry in prov.timeline}


def _drift_view(flag: DriftFlag, ids: dict[str, int | None]) -> DriftView:
    return DriftView(
        flag.kind, DRIFT_LABELS.get(flag.kind, flag.kind), flag.group_id, ids.get(flag.article_key),
        ids.get(flag.earlier_key) if flag.earlier_key else None, flag.before, flag.after, flag.sentence,
        flag.evidence,
    )  # fmt: skip


def _group_certainty(group: ClaimGroup) -> str:
    """The certainty most occurrences have; on a tie the surest (CERTAINTIES order)."""
    counts = Counter(o.certainty for o in group.occurrences)
    return min(counts, key=lambda c: (-counts[c], CERTAINTIES.index(c) if c in CERTAINTIES else 99))


def _group_view(
    group: ClaimGroup, flags: list[DriftView], ids: dict[str, int | None], outlets: dict[str, str | None]
) -> ClaimGroupView:
    flagged: dict[str, list[str]] = {}
    for flag in flags:
        flagged.setdefault(flag.sentence, []).append(flag.kind)
    occurrences = [
        ClaimOccurrenceView(
            ids.get(o.article_key), outlets.get(o.article_key), o.sentence, o.certainty, list(o.cues),
            o.source, o.in_headline, flagged.get(o.sentence, []),
        )
        for o in group.occurrences
    ]  # fmt: skip
    return ClaimGroupView(
        group.id, group.sentence, _group_certainty(group), len(group.article_keys), occurrences, flags
    )


def _claim_groups(prov: Provenance, drift: list[DriftView]) -> list[ClaimGroupView]:
    ids = _article_ids(prov)
    outlets = {entry.key: entry.outlet for entry in prov.timeline}
    by_group: dict[int, list[DriftView]] = {}
    for flag in drift:
        by_group.setdefault(flag.group_id, []).append(flag)
    views = [_group_view(g, by_group.get(g.id, []), ids, outlets) for g in prov.claim_groups]
    rank: dict[str, int] = {c: i for i, c in enumerate(CERTAINTIES)}
    return sorted(views, key=lambda v: (rank.get(v.certainty, len(rank)), not v.drift, -v.articles, v.id))


def _edge_view(prov: Provenance, ids: dict[str, int | None]) -> list[EdgeView]:
    nodes = prov.citations.nodes
    return [
        EdgeView(
            ids.get(e.source_key), ids.get(e.target_key), e.source_key, e.target_key, e.kind, e.direction,
            e.degree, round(e.share, 3), nodes[e.via].name if e.via in nodes else e.via, list(e.evidence),
            len(e.passages),
        )
        for e in prov.edges
    ]  # fmt: skip


def _cited_sources(prov: Provenance) -> list[CitedSource]:
    found = [
        CitedSource(n.name, n.kind, len(set(n.cited_by)), n.ingested, [a for a in n.aliases if a != n.name])
        for n in prov.citations.nodes.values()
    ]
    return sorted(found, key=lambda c: (-c.articles, c.name.lower()))


def provenance_view(story_id: int, trace: StoryTrace) -> StoryProvenance:
    """The web's view of a story's trace (pure)."""
    prov = trace.provenance
    ids = _article_ids(prov)
    drift = [_drift_view(f, ids) for f in prov.drift]
    flagged = {f.article_key for f in prov.drift}
    timeline = [
        TimelineRow(
            e.key, e.article_id, e.outlet, e.title, e.time, e.time_kind,
            ids.get(e.copy_of) if e.copy_of else None, round(e.reused_share, 3), e.key in flagged,
            e.language,
        )
        for e in prov.timeline
    ]  # fmt: skip
    origin = prov.origin
    counts = Counter(c.certainty for claims in trace.claims.values() for c in claims)
    return StoryProvenance(
        story_id=story_id,
        origin=OriginView(
            origin.kind,
            origin.name,
            origin.evidence,
            ids.get(origin.key or "") if origin.kind == "article" else None,
        ),
        timeline=timeline,
        edges=_edge_view(prov, ids),
        cited_sources=_cited_sources(prov),
        independent_sources=prov.independent_families,
        families=[[ids.get(k) or k for k in family] for family in prov.families],
        claim_groups=_claim_groups(prov, drift),
        drift=drift,
        claims=sum(counts.values()),
        certainty_counts={c: counts[c] for c in CERTAINTIES if counts[c]},
        first_by_language=first_by_language(timeline),
    )



def groups_for_table(groups: list[ClaimGroupView], per_certainty: int) -> list[ClaimGroupView]:
    """At most ``per_certainty`` groups of each certainty (drifting ones come first), in table order."""
    seen: Counter[str] = Counter()
    kept = []
    for group in groups:
        seen[group.certainty] += 1
        if seen[group.certainty] <= per_certainty:
            kept.append(group)
    return kept
