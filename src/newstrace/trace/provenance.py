"""Provenance of a story: where it came from and how it changed as it travelled.

``trace_story`` takes a story's articles and their claims and returns a ``Provenance``: the coverage
timeline (copies marked), the cited-source graph, derivation edges (text reuse and citations between
the story's own articles, with their evidence and direction), the likely origin (``origin.py``), the
independent source families, the primary sources whose words the articles relay (``relayed.py``),
the claims aligned across articles and the certainty-drift flags.

Reuse is measured on the reporters' own words: quotations are blanked first (``quotations.py``), so two
reports sharing only a quoted statement share its speaker, not each other's text. The degree of
reuse agrees with the share reused: a copy is at least MIN_COPY_SHARE of the later text, and the
timeline calls an article a copy only when most of it is (MIN_DIRECT_SHARE).

Direction has one source of truth: each pair's order is decided once (``direction.py``: dates, else
a citation of the other's outlet, else the texts, else the order seen) and says how it is known
(``basis``); edges, "copy of" marks, the timeline (an undated article sits at the date of a dated
article derived from it), the origin and the drift comparisons all follow that order.

Incremental: given the ``previous`` provenance of the same story, only the articles it has not seen
are shingled, aligned (against the texts they share shingles with) and added to the claim index;
citations, edges, families and flags are rebuilt from the kept pairwise results, which is linear in
the story's size. The previous provenance's indexes move into the new one and grow in place (so
keep using the new one); an article already seen is not re-read, so a re-analysed article needs a
full trace.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from newstrace.records import Article, Claim
from newstrace.trace.citations import (
    CitationGraph,
    KeyedMentions,
    article_key,
    resolve_citations,
)
from newstrace.trace.cited_claims import cited_claims
from newstrace.trace.datelines import dated_by_dateline
from newstrace.trace.direction import (
    Basis,
    DateBound,
    Derivation,
    KnownOrder,
    derives_by_reuse,
    no_later_than,
    published_before,
    seen_order_is_biased,
)
from newstrace.trace.drift import (
    ClaimGroup,
    ClaimIndex,
    ClaimOccurrence,
    DriftFlag,
    claim_stems,
    drift_flags,
)
from newstrace.trace.families import source_families
from newstrace.trace.origin import FAMILY_KINDS, Origin, find_origin
from newstrace.trace.quotations import mask_quotes, quotation_spans
from newstrace.trace.relayed import PrimarySource, Quotation, article_quotations, primary_sources
from newstrace.trace.responsibility import responsibility_flags
from newstrace.trace.reuse import (
    MAX_CANDIDATES,
    MIN_SHINGLE_CONTAINMENT,
    Passage,
    ReuseDegree,
    ReuseIndex,
    classify_reuse,
)
from newstrace.trace.sourcing import OWN_TEXT_CUES

EdgeKind = Literal["reuse", "citation", "reuse+citation"]
Direction = Literal["earlier-to-later", "common-source", "unordered"]
_UNKNOWN_TIME = 1e12  # order of an article with no time: after every dated one, in arrival order
_MAX_PASSAGES = 5  # passages kept as evidence per edge
# A reuse edge needs this share of the later text inside aligned passages. On Clough & Stevenson's
# corpus no independent answer reaches it (the most is 0.09) while 15 of 19 heavy, 19 of 19 light
# and 17 of 19 cut-and-paste answers do; in ECB+ stories the pairs under it share names and stock
# phrases (benchmarks/provenance.py prints how many ECB+ articles get an edge).
MIN_EDGE_SHARE = 0.1
MIN_EXTRA_SHARE = 0.1  # a second source of one article must add this share of its text to be an edge
# A copy is most of a text: the label "copy" needs this share of the later text (outside quotations)
# in aligned passages, else a pasted passage in an article of its own words is a light reuse. On Clough
# & Stevenson's corpus 15 of the 17 cut-and-paste answers that align at all reach it (the others: 0.0
# twice, labels the benchmark shows to contradict the text), light revisions span 0.14-0.99.
MIN_COPY_SHARE = 0.3
# An article with this share of its own words in another's text took them from it, even when both cite
# one outside source: a shared cited source explains a smaller overlap, not a rewrite of a whole report.
MIN_DIRECT_SHARE = 0.5
# What a degree says of the reused passages (how they were taken; the share says how much)
_DEGREE_WORDS = {"copy": "pasted word for word", "light": "lightly revised", "heavy": "heavily revised"}


@dataclass(slots=True)
class TimelineEntry:
    key: str
    article_id: int | None
    outlet: str | None  # its own; with none, the outlet whose wire dateline (or signature) it carries
    title: str
    time: datetime | None
    time_kind: Literal["published", "fetched", "unknown"]
    copy_of: str | None = None  # the earlier article this one copies (cut-and-paste, most of its text)
    reused_share: float = 0.0  # share of its text (by characters) found in an earlier article
    language: str | None = None
    # undated, but a dated article derives from it: it was published no later than that article
    no_later_than: datetime | None = None
    no_later_basis: Basis | None = None  # how the derivation that carries the date back is known
    by_dateline: bool = False  # dated by its wire dateline's day, the page giving no date (``datelines.py``)


@dataclass(slots=True)
class PairReuse:
    """Text reuse between two articles of the story, ``later`` reusing ``earlier``."""

    later: str
    earlier: str
    degree: ReuseDegree
    later_share: float
    earlier_share: float
    passages: list[Passage]  # a_* offsets in the later text, b_* in the earlier
    basis: Basis  # how ``later`` is known to derive from ``earlier`` rather than the other way
    later_words_in_earlier: float = 0.0  # share of the later text's distinct words in the earlier
    earlier_words_in_later: float = 0.0

    def reversed(self, degree: ReuseDegree, basis: Basis) -> PairReuse:
        """The same reuse read the other way: ``earlier`` reusing ``later``."""
        passages = [
            Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.b_words, p.a_words) for p in self.passages
        ]
        return PairReuse(
            self.earlier, self.later, degree, self.earlier_share, self.later_share, passages, basis,
            self.earlier_words_in_later, self.later_words_in_earlier,
        )  # fmt: skip


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
    basis: Basis = "dated"  # how the direction is known (dates, a citation, the texts, or only as seen)


@dataclass(slots=True)
class ProvenanceState:
    """What an incremental update reuses: the shingle and claim indexes and the pairwise results."""

    reuse_index: ReuseIndex
    claim_index: ClaimIndex
    pairs: list[PairReuse]
    texts: dict[str, int]  # article key → length of the text that was shingled
    mentions: KeyedMentions = field(default_factory=dict)  # each article's sources, read once
    quotations: dict[str, list[Quotation]] = field(default_factory=dict)  # each article's, read once
    stems: dict[str, frozenset[str]] = field(default_factory=dict)  # each article's claim stems, read once


@dataclass(slots=True)
class Provenance:
    timeline: list[TimelineEntry]
    origin: Origin
    edges: list[DerivationEdge]
    citations: CitationGraph
    # article keys; articles that reuse or cite one another (or one outlet), or repeat one unnamed
    # source's words, count once
    families: list[list[str]]
    claim_groups: list[ClaimGroup]
    drift: list[DriftFlag]
    # whose own words the articles quote, each once however many relay it (``relayed.py``)
    primary_sources: list[PrimarySource]
    state: ProvenanceState = field(repr=False, compare=False)

    @property
    def independent_families(self) -> int:
        return len(self.families)

    def copies(self) -> dict[int, int]:
        """Stored article id → the id of the article it copies (cut-and-paste), as the timeline says."""
        ids = {entry.key: entry.article_id for entry in self.timeline}
        return {
            entry.article_id: copied
            for entry in self.timeline
            if entry.article_id is not None and entry.copy_of is not None
            for copied in [ids.get(entry.copy_of)]
            if copied is not None
        }


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


def _orient(
    index: ReuseIndex, key: str, other: str, articles: dict[str, Article], orders: dict[str, float]
) -> tuple[str, str, Basis]:
    """(later, earlier, basis) of two articles that share text: by their dates, else (one dated, one
    only fetched, or both dated the same) by their texts, else in the order seen (see ``direction.py``)."""
    before = published_before(articles[key], articles[other])
    if before is not None:
        return (other, key, "dated") if before else (key, other, "dated")
    if seen_order_is_biased(articles[key], articles[other]):
        derives = derives_by_reuse(index.word_containment(key, other), index.word_containment(other, key))
        if derives is not None:
            return (key, other, "reuse") if derives else (other, key, "reuse")
    # the order seen; at one time, by URL or content hash (never by the order the articles came in)
    ahead = (orders[key], articles[key].key) >= (orders[other], articles[other].key)
    later, earlier = (key, other) if ahead else (other, key)
    return later, earlier, "seen"


def _add_reuse(
    state: ProvenanceState, key: str, text: str, articles: dict[str, Article], orders: dict[str, float]
) -> None:
    """Index ``text`` (the article's text with its quotations blanked) and keep its reuse pairs."""
    index = state.reuse_index
    for candidate in index.add(key, text)[:MAX_CANDIDATES]:
        later, earlier, basis = _orient(index, key, candidate.key, articles, orders)
        if index.containment(later, earlier) < MIN_SHINGLE_CONTAINMENT:
            continue
        degree = classify_reuse(index.features(later, earlier))
        if degree == "independent":
            continue
        alignment = index.align(later, earlier)
        if not alignment.passages or alignment.a_share < MIN_EDGE_SHARE:
            continue  # too little shared running text to show as evidence
        degree = degree_for_share(degree, alignment.a_share)
        state.pairs.append(
            PairReuse(
                later, earlier, degree, alignment.a_share, alignment.b_share, alignment.passages, basis,
                index.word_containment(later, earlier), index.word_containment(earlier, later),
            )
        )  # fmt: skip


def degree_for_share(degree: ReuseDegree, share: float) -> ReuseDegree:
    """The degree of reuse as the share reused allows: a copy needs MIN_COPY_SHARE of the later text."""
    return "light" if degree == "copy" and share < MIN_COPY_SHARE else degree


def _outlet_citations(graph: CitationGraph) -> set[tuple[str, str]]:
    """(citing, cited) article keys: ``citing`` names the outlet ``cited`` comes from (a dateline is
    an article's credit of its own text: two copies of one agency cite no one)."""
    return {
        (c.article_key, own)
        for c in graph.citations
        if c.cue not in OWN_TEXT_CUES
        for own in graph.nodes[c.node_key].ingested_as
        if own != c.article_key
    }


def _signing_outlets(graph: CitationGraph) -> dict[str, str]:
    """Article key → the outlet whose text the article carries, as its wire dateline or its signature
    says ("(Agency) – …", "when contacted by clarion.example"): the article is that outlet's copy."""
    names: dict[str, set[str]] = {}
    for citation in graph.citations:
        if citation.cue in OWN_TEXT_CUES:
            names.setdefault(citation.article_key, set()).add(graph.nodes[citation.node_key].name)
    return {key: " and ".join(sorted(held)) for key, held in names.items()}


def _cited_pairs(pairs: list[PairReuse], graph: CitationGraph, index: ReuseIndex) -> list[PairReuse]:
    """The pairs whose order no date settles, turned by citations: an article that names the other's
    outlet derives from it, whatever its text or the order seen say."""
    cites = _outlet_citations(graph)
    turned = []
    for pair in pairs:
        forward, backward = (pair.later, pair.earlier) in cites, (pair.earlier, pair.later) in cites
        if pair.basis == "dated" or forward == backward:
            turned.append(pair)
        elif forward:
            turned.append(replace(pair, basis="citation"))
        else:
            degree = classify_reuse(index.features(pair.earlier, pair.later))
            degree = degree_for_share(pair.degree if degree == "independent" else degree, pair.earlier_share)
            turned.append(pair.reversed(degree, "citation"))
    return turned


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


def _direction_note(pair: PairReuse) -> list[str]:
    if pair.basis == "reuse":
        return [
            f"order by reuse, no dates tell: {pair.later_words_in_earlier:.0%} of the later text's words are "
            f"in the earlier, {pair.earlier_words_in_later:.0%} of the earlier's in the later"
        ]
    if pair.basis == "seen":
        return ["order as seen: neither dates, a citation nor the texts tell which came first"]
    return []


def _edges(
    pairs: list[PairReuse],
    graph: CitationGraph,
    articles: dict[str, Article],
    orders: dict[str, float],
    supported: set[tuple[str, str, str]],
) -> list[DerivationEdge]:
    edges: dict[tuple[str, str], DerivationEdge] = {}
    for pair in pairs:
        common = [
            n
            for n in graph.cited_by(pair.later) & graph.cited_by(pair.earlier)
            if not graph.nodes[n].ingested and graph.nodes[n].kind in FAMILY_KINDS
        ]
        untimed = orders[pair.later] >= _UNKNOWN_TIME and orders[pair.earlier] >= _UNKNOWN_TIME
        direction: Direction = "unordered" if pair.basis == "seen" and untimed else "earlier-to-later"
        via = None
        if common and pair.degree != "copy" and pair.later_share < MIN_DIRECT_SHARE:
            direction, via = "common-source", sorted(common)[0]
        edges[(pair.earlier, pair.later)] = DerivationEdge(
            pair.earlier, pair.later, "reuse", direction, pair.degree, pair.later_share, via,
            pair.passages[:_MAX_PASSAGES],
            [f"{pair.degree} reuse ({_DEGREE_WORDS[pair.degree]}): {pair.later_share:.0%} of the later text, "
             f"{len(pair.passages)} passages",
             *_direction_note(pair)],
            pair.basis,
        )  # fmt: skip
    for citation in graph.citations:
        if citation.cue in OWN_TEXT_CUES:
            continue  # the article is the agency's (the outlet's) copy: it credits its text, takes no one's
        node = graph.nodes[citation.node_key]
        target = citation.article_key
        # the outlet's articles that dates do not show to be later: a citation says which came first
        possible = [
            k
            for k in node.ingested_as
            if k != target and published_before(articles[target], articles[k]) is not True
        ]
        if not possible:
            continue
        # the cited outlet's article this one reuses text from, else one that carries a claim the
        # citation names the outlet for (the latest seen before this article, else the first); an
        # outlet's article that shares neither text nor the cited claim is not what this one cites
        carrying = [k for k in possible if (target, node.key, k) in supported]
        seen_before = [k for k in carrying if orders[k] <= orders[target]]
        fallback = (
            max(seen_before, key=lambda k: (orders[k], k))
            if seen_before
            else min(carrying, key=lambda k: (orders[k], k), default=None)
        )
        source = next((k for k in possible if (k, target) in edges), fallback)
        if source is None:
            continue
        basis: Basis = "dated" if published_before(articles[source], articles[target]) else "citation"
        note = f'cites {node.name} ({citation.cue}): "{citation.evidence[:160]}"'
        edge = edges.get((source, target))
        if edge is None:
            edges[(source, target)] = DerivationEdge(
                source, target, "citation", "earlier-to-later", evidence=[note], basis=basis
            )
        elif note not in edge.evidence:
            edge.kind = "reuse+citation" if edge.kind == "reuse" else edge.kind
            edge.direction = "earlier-to-later"
            edge.basis = "dated" if edge.basis == "dated" else basis
            edge.evidence = [e for e in edge.evidence if not e.startswith("order ")] + [note]
    return list(edges.values())


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


def _ranked(
    keys: list[str],
    orders: dict[str, float],
    bounds: dict[str, DateBound],
    edges: list[DerivationEdge],
    stable: dict[str, str],
) -> list[str]:
    """The story's articles in time order, each after the articles it is known to derive from: an
    undated article that a dated one derives from sits at that date; the rest at their date, else
    when seen. Derivations known only as seen follow the time order and do not constrain it. Of
    articles at one time (a day's date without its time), the one more articles derive from comes
    first, then by ``stable`` (each article's URL or content hash), never by the order they came in."""
    sources: dict[str, set[str]] = {k: set() for k in keys}
    derived: dict[str, int] = dict.fromkeys(keys, 0)
    for e in edges:
        if e.basis != "seen" and e.direction != "common-source" and e.source_key != e.target_key:
            sources[e.target_key].add(e.source_key)
            derived[e.source_key] += 1

    def when(key: str) -> tuple[float, int, int, float, str]:
        bound = bounds.get(key)
        at, kind = (bound.time.timestamp(), 0) if bound else (orders[key], 1)
        return at, kind, -derived[key], orders[key], stable[key]

    ranked: list[str] = []
    placed: set[str] = set()
    waiting = sorted(keys, key=when)
    while waiting:
        # the earliest article whose sources are all placed; on a cycle of evidence, the earliest
        ready = next((k for k in waiting if sources[k] <= placed), waiting[0])
        waiting.remove(ready)
        ranked.append(ready)
        placed.add(ready)
    return ranked


def _start(articles: dict[str, Article]) -> datetime | None:
    """When the story starts: its earliest publication date (a fetch time is none)."""
    return min((a.published for a in articles.values() if a.published is not None), default=None)


def trace_story(
    articles: list[Article], claims_by_article: dict[str, list[Claim]], previous: Provenance | None = None
) -> Provenance:
    """The provenance of one story (``claims_by_article`` keyed by ``article_key``)."""
    articles, by_dateline = dated_by_dateline(articles)
    keyed = {article_key(a): a for a in articles}
    orders = {key: _order(a, i) for i, (key, a) in enumerate(keyed.items())}
    keys = sorted(keyed, key=lambda k: (orders[k], keyed[k].key))
    state = (
        previous.state if previous is not None else ProvenanceState(ReuseIndex.empty(), ClaimIndex(), [], {})
    )
    for key in keys:
        if key in state.reuse_index:
            continue
        text = _story_text(keyed[key])
        state.texts[key] = len(text)
        spans = quotation_spans(text)
        claims = claims_by_article.get(key, [])
        state.quotations[key] = article_quotations(key, text, claims, spans)
        _add_reuse(state, key, mask_quotes(text, spans), keyed, orders)
        moment, _ = _time(keyed[key])
        state.claim_index.add_article(key, claims, moment, orders[key], text, spans)
    graph = resolve_citations([keyed[k] for k in keys], claims_by_article, state.mentions)
    pairs = _cited_pairs(
        [p for p in state.pairs if p.later in keyed and p.earlier in keyed], graph, state.reuse_index
    )
    groups = [g for g in state.claim_index.groups() if all(o.article_key in keyed for o in g.occurrences)]
    stems = state.stems

    def stems_of(key: str) -> frozenset[str]:
        if key not in stems:
            stems[key] = claim_stems(_story_text(keyed[key]))
        return stems[key]

    supported = cited_claims(groups, graph, stems_of)
    edges = _edges(_direct_sources(pairs, orders, state.texts), graph, keyed, orders, supported)
    derivations = [
        Derivation(e.source_key, e.target_key, e.basis) for e in edges if e.direction != "common-source"
    ]
    bounds = no_later_than({k: keyed[k].published for k in keys}, derivations)
    ranked = _ranked(keys, orders, bounds, edges, {k: a.key for k, a in keyed.items()})
    rank = {key: i for i, key in enumerate(ranked)}
    edges.sort(key=lambda e: (rank[e.target_key], rank[e.source_key]))
    reporting = source_families(ranked, edges, graph, [])
    family_of = {key: i for i, family in enumerate(reporting) for key in family}
    sources = primary_sources(state.quotations, graph, ranked, family_of)
    families = source_families(ranked, edges, graph, sources)
    # a copy of the other article, not a new report with a passage pasted in: most of its text is copied
    copied = [e for e in reversed(edges) if e.degree == "copy" and e.share >= MIN_DIRECT_SHARE]
    copy_of = {e.target_key: e.source_key for e in copied}
    timeline = []
    signing = _signing_outlets(graph)
    for key in ranked:
        article = keyed[key]
        moment, kind = _time(article)
        bound = bounds.get(key)
        outlet = article.source or signing.get(key)
        timeline.append(
            TimelineEntry(key, article.id, outlet, article.title, moment, kind,
                          copy_of.get(key), _reused_share(key, pairs, state.texts[key]), article.language,
                          bound.time if bound else None, bound.basis if bound else None,
                          bool(by_dateline) and article.key in by_dateline)
        )  # fmt: skip
    sources_of: dict[str, set[str]] = {}
    for edge in edges:
        if edge.direction != "common-source":
            sources_of.setdefault(edge.target_key, set()).add(edge.source_key)
    known = KnownOrder(keyed, derivations, bounds)
    occurrences = [o for o in state.claim_index.occurrences if o.article_key in keyed]
    claimed, flagged = responsibility_flags(occurrences, graph, rank, known)
    return Provenance(
        timeline=timeline,
        origin=find_origin(timeline, edges, graph, bounds, _story_text(keyed[ranked[0]]) if ranked else ""),
        edges=edges,
        citations=graph,
        families=families,
        claim_groups=groups + claimed,
        drift=drift_flags(
            groups, _NewSourceRule.build(families, graph), sources_of, rank, _start(keyed), known
        )
        + flagged,
        primary_sources=sources,
        state=state,
    )
