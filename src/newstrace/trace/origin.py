"""Where a story likely comes from: an outside source its earliest article cites, the publication most
of its articles relay, or else its earliest article, with how sure that is.

A source with articles in the story counts as outside it when all of them are dated after the
earliest article: what that article cites it for is an earlier report of its own. A picture's credit
is never an origin (a photograph's agency is no report the story rests on), nor is an outlet signing
its own text, nor a source answering the story ("in response to the study, the council said"). A
study's journal ("published Monday in the journal X") is a publication the story comes from. Of the
sources the earliest article cites, the one most articles of the story cite wins; on a tie, one named
in a sentence of the story's own time before one named in background ("In July 2019, Us Weekly
reported …"), then the one named first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from newstrace.trace.background import is_background
from newstrace.trace.citations import Citation, CitationGraph, CitationNode
from newstrace.trace.direction import BASIS_WORDS, Basis, DateBound, same_time
from newstrace.trace.sourcing import IMAGE_CREDIT_CUE, OWN_TEXT_CUES

if TYPE_CHECKING:  # provenance.py builds on this module: its records are only annotations here
    from newstrace.trace.provenance import DerivationEdge, TimelineEntry

# A source outside the story that articles take text from: two articles that both rest on one outlet's
# report (or one piece of footage) count once. Organisations and people are not: many outlets hear
# the same police statement or minister each for themselves.
FAMILY_KINDS = ("outlet", "footage")
_ORIGIN_KINDS = ("outlet", "organisation", "footage")  # what a story can start from outside the corpus


@dataclass(slots=True)
class Origin:
    kind: Literal["article", "external", "unknown"]
    key: str | None  # an article key or a citation node key
    name: str
    evidence: str
    # how sure: "dated" (dates put it first), "reuse"/"citation" (undated, but a dated article derives
    # from it), "seen" (first dated or seen, but undated articles may be older); None: no article
    basis: Basis | None = None

    @property
    def certainty(self) -> str:
        return BASIS_WORDS[self.basis] if self.basis else "no articles"


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M").removesuffix(" 00:00")


def _first_note(first: TimelineEntry, bounds: dict[str, DateBound]) -> str:
    """How the earliest article is known to be the earliest, in words."""
    name = f"{first.key}, {first.outlet or 'unknown outlet'}"
    bound = bounds.get(first.key)
    if bound is not None:
        how = BASIS_WORDS[bound.basis]
        return (
            f"{name}: no date of its own, but {bound.dated_key} (published {_when(bound.time)}) derives "
            f"from it ({how}), so it is no later"
        )
    if first.time is None:
        return f"{name}: no date, first of those seen"
    return f"{name}: {'published' if first.time_kind == 'published' else 'first seen'} {_when(first.time)}"


def _same_time(timeline: list[TimelineEntry]) -> list[str]:
    """Articles published at the earliest article's time (often a day's date without its time): which
    of them came first no date tells."""
    first = timeline[0]
    if first.time_kind != "published" or first.time is None:
        return []
    return [
        e.key
        for e in timeline[1:]
        if e.time_kind == "published" and e.time is not None and same_time(e.time, first.time)
    ]


def _tie_note(first: TimelineEntry, tied: list[str], edges: list[DerivationEdge]) -> str:
    """How the earliest article was put before those of its own date, in words."""
    if not tied:
        return ""
    derived = sum(1 for e in edges if e.source_key == first.key and e.basis != "seen")
    why = f"{derived} article(s) derive from it" if derived else "by its address or text, no evidence"
    return f"; dated the same as {', '.join(tied)}, listed first as {why}"


def _undated_rivals(timeline: list[TimelineEntry], edges: list[DerivationEdge]) -> list[str]:
    """Articles with no date that derive from no other article: any of them may be older than the first."""
    derived = {e.target_key for e in edges if e.basis != "seen" and e.direction != "common-source"}
    return [e.key for e in timeline[1:] if e.time_kind != "published" and e.key not in derived]


def find_origin(
    timeline: list[TimelineEntry],
    edges: list[DerivationEdge],
    graph: CitationGraph,
    bounds: dict[str, DateBound],
    first_text: str,
) -> Origin:
    """The likely origin: the outside source the earliest article (``first_text``) cites, else the
    publication most articles relay, else the earliest article itself."""
    if not timeline:
        return Origin("unknown", None, "", "the story has no articles")
    first = timeline[0]
    rivals = _undated_rivals(timeline, edges)
    tied = _same_time(timeline)
    basis: Basis = first.no_later_basis or (
        "dated" if first.time_kind == "published" and not rivals and not tied else "seen"
    )
    caveat = _tie_note(first, tied, edges) + (
        f"; {len(rivals)} undated article(s) may be older" if rivals else ""
    )
    reporting = _reporting_citations(graph)
    later = _only_later(graph, timeline)
    external = [
        graph.nodes[n]
        for n in {c.node_key for c in reporting if c.article_key == first.key}
        if (not graph.nodes[n].ingested or n in later)
        and graph.nodes[n].kind in _ORIGIN_KINDS
        and _is_named(graph.nodes[n])
    ]
    if external:
        lead = _lead_rank(first, first_text, [c for c in reporting if c.article_key == first.key])
        node = max(external, key=lambda n: (len(n.cited_by), lead(n.key), -len(n.key)))
        whose = (
            f"its article(s) in the story ({', '.join(node.ingested_as)}) are dated later"
            if node.ingested
            else "none of the story's articles is"
        )
        return Origin(
            "external", node.key, node.name,
            f"the earliest article ({_first_note(first, bounds)}) cites {node.name}, which "
            f"{len(node.cited_by)} article(s) of the story cite and {whose}{caveat}",
            basis,
        )  # fmt: skip
    relayed = _most_cited_publication(graph, reporting, len(timeline))
    if relayed is not None:
        return Origin(
            "external", relayed.key, relayed.name,
            f"{len(relayed.cited_by)} of the story's {len(timeline)} articles cite {relayed.name}, which "
            f"none of them is; the earliest article ({first.outlet or first.key}) names no outside source",
            "citation",
        )  # fmt: skip
    derived = sum(1 for e in edges if e.source_key == first.key)
    return Origin(
        "article", first.key, first.title,
        f"earliest article ({_first_note(first, bounds)}); {derived} article(s) derive from it{caveat}",
        basis,
    )  # fmt: skip


def _only_later(graph: CitationGraph, timeline: list[TimelineEntry]) -> set[str]:
    """The nodes whose articles in the story are all dated after the earliest article: what the earliest
    article cites them for is an earlier report of theirs, not in the story."""
    start = timeline[0].time
    if start is None or timeline[0].time_kind != "published":
        return set()
    entries = {e.key: e for e in timeline}

    def later(key: str) -> bool:
        moment = entries[key].time if key in entries and entries[key].time_kind == "published" else None
        return moment is not None and moment > start and not same_time(moment, start)

    return {n.key for n in graph.nodes.values() if n.ingested and all(later(k) for k in n.ingested_as)}


def _is_named(node: CitationNode) -> bool:
    """A source with a name ("Pentagon", "AFRICOM"), not one the articles only point at ("the
    military"): only a named source can be a story's origin outside the corpus."""
    return any(word[:1].isupper() for word in node.name.split())


def _most_cited_publication(
    graph: CitationGraph, reporting: list[Citation], articles: int
) -> CitationNode | None:
    """An outlet or piece of footage outside the corpus that at least half the story's articles (two
    or more) relay: the report they all rest on, though the earliest ingested one does not say so."""
    relaying: dict[str, set[str]] = {}
    for c in reporting:
        relaying.setdefault(c.node_key, set()).add(c.article_key)
    relayed = [
        n
        for n in graph.nodes.values()
        if not n.ingested and n.kind in FAMILY_KINDS and len(relaying.get(n.key, ())) >= max(2, articles / 2)
    ]
    return max(relayed, key=lambda n: (len(relaying[n.key]), -len(n.key)), default=None)


# A sentence in which a source answers the story: "In response to the study, the Harbour Council said",
# "the firm responded", "reacting to the report"
_RESPONSE_RE = re.compile(
    r"\b(?:in (?:a )?(?:response|reply|reaction) to|responding to|reacting to|replying to"
    r"|respond(?:ed|s)|react(?:ed|s)|replied)\b",
    re.IGNORECASE,
)


def _reporting_citations(graph: CitationGraph) -> list[Citation]:
    """The citations of what the articles report: not a picture's credit (a photograph's agency is no
    report the story rests on), nor the credit of an article's own text, nor a source answering the
    story ("In response to the study, the Harbour Council said …": the story came first)."""
    return [
        c
        for c in graph.citations
        if c.cue != IMAGE_CREDIT_CUE and c.cue not in OWN_TEXT_CUES and not _RESPONSE_RE.search(c.evidence)
    ]


def _lead_rank(
    entry: TimelineEntry, text: str, citations: list[Citation]
) -> Callable[[str], tuple[bool, float]]:
    """How current and how early each node's citation is in the earliest article (``text``): a source
    named in a sentence of the story's own time ranks before one named in background, then the one
    named first (the lead names what a report rests on)."""
    ranks: dict[str, tuple[bool, float]] = {}
    for c in citations:
        # "In July 2019, the magazine reported …": the story's background, not where this report comes from
        current = not is_background(c.evidence, entry.time)
        found = text.find(c.evidence[:80])
        rank = (current, -float(found if found >= 0 else len(text)))
        ranks[c.node_key] = max(ranks.get(c.node_key, rank), rank)
    return lambda key: ranks.get(key, (False, -math.inf))
