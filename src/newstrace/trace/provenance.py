"""Provenance of a story: where it came from and how it changed as it travelled.

``trace_story`` takes a story's articles and their claims and returns a ``Provenance``: the coverage
timeline (copies marked), the cited-source graph, derivation edges (text reuse and citations between
the story's own articles, with their evidence and direction), the likely origin, the independent
source families, the claims aligned across articles and the certainty-drift flags.

Incremental: given the ``previous`` provenance of the same story, only the articles it has not seen
are shingled, aligned (against the texts they share shingles with) and added to the claim index;
citations, edges, families and flags are rebuilt from the kept pairwise results, which is linear in
the story's size. The previous provenance's indexes move into the new one and grow in place (so
keep using the new one); an article already seen is not re-read, so a re-analysed article needs a
full trace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from newstrace.records import Article, Claim
from newstrace.trace.citations import (
    CitationGraph,
    CitationNode,
    KeyedMentions,
    article_key,
    resolve_citations,
)
from newstrace.trace.drift import ClaimGroup, ClaimIndex, ClaimOccurrence, DriftFlag, drift_flags
from newstrace.trace.reuse import (
    MAX_CANDIDATES,
    MIN_SHINGLE_CONTAINMENT,
    Passage,
    ReuseDegree,
    ReuseIndex,
    classify_reuse,
    mask_quotes,
)

EdgeKind = Literal["reuse", "citation", "reuse+citation"]
Direction = Literal["earlier-to-later", "common-source", "unordered"]
_UNKNOWN_TIME = 1e12  # order of an article with no time: after every dated one, in arrival order
# A source outside the story that articles take text from: two articles that both rest on one outlet's
# report (or one piece of footage) count once. Organisations and people are not: many outlets hear
# the same police statement or minister each for themselves.
_FAMILY_KINDS = ("outlet", "footage")
_ORIGIN_KINDS = ("outlet", "organisation", "footage")  # what a story can start from outside the corpus
_MAX_PASSAGES = 5  # passages kept as evidence per edge
# A reuse edge needs this share of the later text inside aligned passages. On Clough & Stevenson's
# corpus no independent answer reaches it (the most is 0.09) while 15 of 19 heavy, 19 of 19 light
# and 17 of 19 cut-and-paste answers do; in ECB+ stories the pairs under it share names and stock
# phrases (benchmarks/provenance.py prints how many ECB+ articles get an edge).
MIN_EDGE_SHARE = 0.1
MIN_EXTRA_SHARE = 0.1  # a second source of one article must add this share of its text to be an edge


@dataclass(slots=True)
class TimelineEntry:
    key: str
    article_id: int | None
    outlet: str | None
    title: str
    time: datetime | None
    time_kind: Literal["published", "fetched", "unknown"]
    copy_of: str | None = None  # the earlier article this one copies (cut-and-paste)
    reused_share: float = 0.0  # share of its text (by characters) found in an earlier article
    language: str | None = None


@dataclass(slots=True)
class PairReuse:
    """Text reuse between two articles of the story, ``later`` reusing ``earlier``."""

    later: str
    earlier: str
    degree: ReuseDegree
    later_share: float
    earlier_share: float
    passages: list[Passage]  # a_* offsets in the later text, b_* in the earlier
    ordered: bool  # False when neither article has a time


@dataclass(slots=True)
class DerivationEdge:
    source_key: str
    target_key: str
    kind: EdgeKind
    direction: Direction
    degree: ReuseDegree | None = None
    share: float = 0.0  # share of the target's text reused from the source
    via: str | None = None  # the cited source both took it from (direction "common-source")
    passages: list[Passage] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Origin:
    kind: Literal["article", "external", "unknown"]
    key: str | None  # an article key or a citation node key
    name: str
    evidence: str


@dataclass(slots=True)
class ProvenanceState:
    """What an incremental update reuses: the shingle and claim indexes and the pairwise results."""

    reuse_index: ReuseIndex
    claim_index: ClaimIndex
    pairs: list[PairReuse]
    texts: dict[str, int]  # article key → length of the text that was shingled
    mentions: KeyedMentions = field(default_factory=dict)  # each article's sources, read once


@dataclass(slots=True)
class Provenance:
    timeline: list[TimelineEntry]
    origin: Origin
    edges: list[DerivationEdge]
    citations: CitationGraph
    families: list[list[str]]  # article keys; articles that reuse or cite one another count once
    claim_groups: list[ClaimGroup]
    drift: list[DriftFlag]
    state: ProvenanceState = field(repr=False, compare=False)

    @property
    def independent_families(self) -> int:
        return len(self.families)


def _time(article: Article) -> tuple[datetime | None, Literal["published", "fetched", "unknown"]]:
    if article.published is not None:
        return article.published, "published"
    if article.fetched is not None:
        return article.fetched, "fetched"
    return None, "unknown"


def _order(article: Article, arrival: int) -> float:
    moment, _ = _time(article)
    return moment.timestamp() if moment is not None else _UNKNOWN_TIME + arrival


def _story_text(article: Article) -> str:
    return article.title + "\n\n" + article.text


def _add_reuse(state: ProvenanceState, key: str, text: str, orders: dict[str, float]) -> None:
    for candidate in state.reuse_index.add(key, mask_quotes(text))[:MAX_CANDIDATES]:
        other = candidate.key
        later, earlier = (key, other) if (orders[key], key) >= (orders[other], other) else (other, key)
        if state.reuse_index.containment(later, earlier) < MIN_SHINGLE_CONTAINMENT:
            continue
        degree = classify_reuse(state.reuse_index.features(later, earlier))
        if degree == "independent":
            continue
        alignment = state.reuse_index.align(later, earlier)
        if not alignment.passages or alignment.a_share < MIN_EDGE_SHARE:
            continue  # too little shared running text to show as evidence
        ordered = orders[later] < _UNKNOWN_TIME or orders[earlier] < _UNKNOWN_TIME
        state.pairs.append(
            PairReuse(
                later, earlier, degree, alignment.a_share, alignment.b_share, alignment.passages, ordered
            )
        )


def _union_length(spans: list[tuple[int, int]]) -> int:
    covered, reach = 0, 0
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            covered, reach = covered + end - start, end
    return covered


def _reused_share(key: str, pairs: list[PairReuse], length: int) -> float:
    spans = [(p.a_start, p.a_end) for pair in pairs if pair.later == key for p in pair.passages]
    return _union_length(spans) / length if length else 0.0


def _direct_sources(
    pairs: list[PairReuse], orders: dict[str, float], lengths: dict[str, int]
) -> list[PairReuse]:
    """Per article, the source it reused most (the earliest on a tie: a copy of a copy points at the
    first), plus any other source that adds MIN_EXTRA_SHARE of its text (a compilation)."""
    by_later: dict[str, list[PairReuse]] = {}
    for pair in pairs:
        by_later.setdefault(pair.later, []).append(pair)
    kept: list[PairReuse] = []
    for later, options in by_later.items():
        options.sort(key=lambda p: (-round(p.later_share, 2), orders[p.earlier], p.earlier))
        spans: list[tuple[int, int]] = []
        for pair in options:
            extra = [(p.a_start, p.a_end) for p in pair.passages]
            added = _union_length(spans + extra) - _union_length(spans)
            if not spans or added >= MIN_EXTRA_SHARE * lengths[later]:
                kept.append(pair)
                spans += extra
    return kept


def _edges(pairs: list[PairReuse], graph: CitationGraph, orders: dict[str, float]) -> list[DerivationEdge]:
    edges: dict[tuple[str, str], DerivationEdge] = {}
    for pair in pairs:
        common = [
            n
            for n in graph.cited_by(pair.later) & graph.cited_by(pair.earlier)
            if not graph.nodes[n].ingested and graph.nodes[n].kind in _FAMILY_KINDS
        ]
        direction: Direction = "earlier-to-later" if pair.ordered else "unordered"
        via = None
        if common and pair.degree != "copy":
            direction, via = "common-source", sorted(common)[0]
        edges[(pair.earlier, pair.later)] = DerivationEdge(
            pair.earlier, pair.later, "reuse", direction, pair.degree, pair.later_share, via,
            pair.passages[:_MAX_PASSAGES],
            [f"{pair.degree} reuse: {pair.later_share:.0%} of the later text, {len(pair.passages)} passages"],
        )  # fmt: skip
    for citation in graph.citations:
        node = graph.nodes[citation.node_key]
        target = citation.article_key
        earlier = [k for k in node.ingested_as if k != target and orders[k] <= orders[target]]
        if not earlier:
            continue
        # the cited outlet's article this one reuses text from, else its latest one before this article
        source = next(
            (k for k in earlier if (k, target) in edges), max(earlier, key=lambda k: (orders[k], k))
        )
        note = f'cites {node.name} ({citation.cue}): "{citation.evidence[:160]}"'
        edge = edges.get((source, target))
        if edge is None:
            edges[(source, target)] = DerivationEdge(
                source, target, "citation", "earlier-to-later", evidence=[note]
            )
        elif note not in edge.evidence:
            edge.kind = "reuse+citation" if edge.kind == "reuse" else edge.kind
            edge.direction = "earlier-to-later"
            edge.evidence.append(note)
    return sorted(edges.values(), key=lambda e: (orders[e.target_key], orders[e.source_key]))


def _families(keys: list[str], edges: list[DerivationEdge], graph: CitationGraph) -> list[list[str]]:
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    for edge in edges:
        union(edge.source_key, edge.target_key)
    for node in graph.nodes.values():
        if node.kind in _FAMILY_KINDS:
            members = [k for k in node.cited_by + node.ingested_as if k in parent]
            for other in members[1:]:
                union(members[0], other)
    groups: dict[str, list[str]] = {}
    for key in keys:  # keys come in time order, so each family lists its earliest article first
        groups.setdefault(find(key), []).append(key)
    return list(groups.values())


def _origin(timeline: list[TimelineEntry], edges: list[DerivationEdge], graph: CitationGraph) -> Origin:
    if not timeline:
        return Origin("unknown", None, "", "the story has no articles")
    first = timeline[0]
    external = [
        graph.nodes[n]
        for n in graph.cited_by(first.key)
        if not graph.nodes[n].ingested and graph.nodes[n].kind in _ORIGIN_KINDS
    ]
    if external:
        node = max(external, key=lambda n: (len(n.cited_by), -len(n.key)))
        return Origin(
            "external", node.key, node.name,
            f"the earliest article ({first.outlet or first.key}) cites {node.name}, "
            f"which {len(node.cited_by)} article(s) of the story cite and none of the story's articles is",
        )  # fmt: skip
    relayed = _most_cited_publication(graph, len(timeline))
    if relayed is not None:
        return Origin(
            "external", relayed.key, relayed.name,
            f"{len(relayed.cited_by)} of the story's {len(timeline)} articles cite {relayed.name}, which "
            f"none of them is; the earliest article ({first.outlet or first.key}) names no outside source",
        )  # fmt: skip
    derived = sum(1 for e in edges if e.source_key == first.key)
    return Origin(
        "article", first.key, first.title,
        f"earliest article ({first.outlet or 'unknown outlet'}); {derived} article(s) derive from it",
    )  # fmt: skip


def _most_cited_publication(graph: CitationGraph, articles: int) -> CitationNode | None:
    """An outlet or piece of footage outside the corpus that at least half the story's articles (two
    or more) relay: the report they all rest on, though the earliest ingested one does not say so."""
    relayed = [
        n
        for n in graph.nodes.values()
        if not n.ingested and n.kind in _FAMILY_KINDS and len(n.cited_by) >= max(2, articles / 2)
    ]
    return max(relayed, key=lambda n: (len(n.cited_by), -len(n.key)), default=None)


@dataclass(slots=True)
class _NewSourceRule:
    """Whether an article brings a source independent of the earlier articles carrying a claim: it is
    in another source family, or the claim rests on a source none of those articles cites."""

    family_of: dict[str, int]
    cited: dict[str, set[str]]
    graph: CitationGraph

    @classmethod
    def build(cls, families: list[list[str]], graph: CitationGraph) -> _NewSourceRule:
        cited: dict[str, set[str]] = {}
        for c in graph.citations:
            cited.setdefault(c.article_key, set()).add(c.node_key)
        return cls({key: i for i, family in enumerate(families) for key in family}, cited, graph)

    def __call__(self, occurrence: ClaimOccurrence, earlier: list[ClaimOccurrence]) -> bool:
        earlier_keys = {o.article_key for o in earlier}
        family = self.family_of.get(occurrence.article_key)
        if all(self.family_of.get(k) != family for k in earlier_keys):
            return True
        earlier_cited = set().union(*(self.cited.get(k, set()) for k in earlier_keys))
        node = self.graph.find(occurrence.source) if occurrence.source else None
        return node is not None and node not in earlier_cited


def trace_story(
    articles: list[Article], claims_by_article: dict[str, list[Claim]], previous: Provenance | None = None
) -> Provenance:
    """The provenance of one story (``claims_by_article`` keyed by ``article_key``)."""
    keyed = {article_key(a): a for a in articles}
    orders = {key: _order(a, i) for i, (key, a) in enumerate(keyed.items())}
    keys = sorted(keyed, key=lambda k: (orders[k], k))
    state = (
        previous.state if previous is not None else ProvenanceState(ReuseIndex.empty(), ClaimIndex(), [], {})
    )
    for key in keys:
        if key in state.reuse_index:
            continue
        text = _story_text(keyed[key])
        state.texts[key] = len(text)
        _add_reuse(state, key, text, orders)
        moment, _ = _time(keyed[key])
        state.claim_index.add_article(key, claims_by_article.get(key, []), moment, orders[key])
    graph = resolve_citations([keyed[k] for k in keys], claims_by_article, state.mentions)
    pairs = [p for p in state.pairs if p.later in keyed and p.earlier in keyed]
    edges = _edges(_direct_sources(pairs, orders, state.texts), graph, orders)
    families = _families(keys, edges, graph)
    copy_of = {e.target_key: e.source_key for e in reversed(edges) if e.degree == "copy"}
    timeline = []
    for key in keys:
        article = keyed[key]
        moment, kind = _time(article)
        timeline.append(
            TimelineEntry(key, article.id, article.source, article.title, moment, kind,
                          copy_of.get(key), _reused_share(key, pairs, state.texts[key]), article.language)
        )  # fmt: skip
    groups = [g for g in state.claim_index.groups() if all(o.article_key in keyed for o in g.occurrences)]
    sources_of: dict[str, set[str]] = {}
    for edge in edges:
        if edge.direction != "common-source":
            sources_of.setdefault(edge.target_key, set()).add(edge.source_key)
    return Provenance(
        timeline=timeline,
        origin=_origin(timeline, edges, graph),
        edges=edges,
        citations=graph,
        families=families,
        claim_groups=groups,
        drift=drift_flags(groups, _NewSourceRule.build(families, graph), sources_of),
        state=state,
    )
