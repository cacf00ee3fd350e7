"""Independent source families: a story's articles grouped so that those resting on one another, or on
one outside report, count once.

Two articles are in one family when one copies, rewrites or cites the other (a derivation edge: a
citation edge only when the citing article rests on no other outlet's report), when
both rest on one outlet outside the story, or when both repeat the words an unnamed source gave one
report (``relayed.py``). An article rests on the outlets it credits (a source line, a closing credit,
a link), names in its lead (headline, standfirst, first paragraph) for what it reports ("according
to The Clarion"), or names in most of its sentences that name a source; an outlet it names further
down among its other sources gave it a detail among its own reporting ("the victim was 22, the
Clarion said"), and one outlet many reports take details from does not fuse them into one family.
An outlet it names only as whom a quotation was given to ("the coach told The Clarion") is where
that quotation comes from, and joins the article to the outlet's family only when it cites no outlet
for its report. So one outlet named in passing does not fuse two families that each rest on a report
of their own, and an article citing one outlet's interview beside another's report stays with the
report. A picture's credit (the agency that took a photograph), an outlet signing its own text (a
wire dateline) and a study's journal ("published in X": a public record each outlet reads for
itself, as a named speaker's statement) rest on no report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.trace.citations import CitationGraph
from newstrace.trace.disjoint import DisjointSets
from newstrace.trace.origin import FAMILY_KINDS
from newstrace.trace.relayed import PrimarySource
from newstrace.trace.sourcing import (
    ADDRESSEE_CUES,
    CREDIT_CUES,
    IMAGE_CREDIT_CUE,
    OWN_TEXT_CUES,
    PUBLISHED_CUE,
)

_NO_REPORT_CUES = (IMAGE_CREDIT_CUE, PUBLISHED_CUE, *OWN_TEXT_CUES)  # cited, but no report is relayed

if TYPE_CHECKING:  # provenance.py builds on this module: its records are only annotations here
    from newstrace.trace.provenance import DerivationEdge


def resting_on(graph: CitationGraph) -> dict[str, set[str]]:
    """Per article key, the outlets (or footage) its report rests on, the story's own outlets among
    them: those it credits or names in its lead for what it reports, else those it names in its lead
    as a quotation's addressee (see the module docstring)."""
    reported: dict[str, set[str]] = {}
    addressed: dict[str, set[str]] = {}
    named: dict[str, int] = {}  # per article, its sentences naming a source (each source counted apart)
    for c in graph.citations:
        if c.cue not in _NO_REPORT_CUES:
            named[c.article_key] = named.get(c.article_key, 0) + len(c.sentences)
    for c in graph.citations:
        node = graph.nodes[c.node_key]
        if not (node.kind in FAMILY_KINDS or node.ingested) or c.cue in _NO_REPORT_CUES:
            continue
        if not (c.in_lead or c.cue in CREDIT_CUES or 2 * len(c.sentences) > named[c.article_key]):
            continue  # a detail taken from an outlet among the article's own reporting
        held = addressed if c.cue in ADDRESSEE_CUES else reported
        held.setdefault(c.article_key, set()).add(c.node_key)
    return {key: reported.get(key) or addressed.get(key, set()) for key in reported.keys() | addressed.keys()}


def source_families(
    keys: list[str], edges: list[DerivationEdge], graph: CitationGraph, sources: list[PrimarySource]
) -> list[list[str]]:
    """The story's articles (``keys``, in time order) in families, each listing its earliest first."""
    index = {key: i for i, key in enumerate(keys)}
    groups = DisjointSets.of_size(len(keys))
    rests = resting_on(graph)
    outlets_of: dict[str, set[str]] = {}  # article key → the outlets the story's node says it is
    for node in graph.nodes.values():
        for key in node.ingested_as:
            outlets_of.setdefault(key, set()).add(node.key)
    reporting = {(c.article_key, c.node_key) for c in graph.citations if c.cue not in _NO_REPORT_CUES}
    for edge in edges:
        cited, resting = outlets_of.get(edge.source_key, set()), rests.get(edge.target_key, set())
        if edge.kind == "citation" and (
            (resting and not cited & resting) or not any((edge.target_key, n) in reporting for n in cited)
        ):
            continue  # a detail taken from the other's outlet (its report rests on another), or a picture
        groups.union(index[edge.source_key], index[edge.target_key])
    for node in graph.nodes.values():
        if node.kind in FAMILY_KINDS:
            members = node.ingested_as + [k for k in node.cited_by if node.key in rests.get(k, set())]
            members = [k for k in members if k in index]
            for other in members[1:]:
                groups.union(index[members[0]], index[other])
    for source in sources:
        if source.exclusive:  # an unnamed source's words: repeated from the one report that had them
            for other in source.article_keys[1:]:
                groups.union(index[source.article_keys[0]], index[other])
    families: dict[int, list[str]] = {}
    for key in keys:  # keys come in time order, so each family lists its earliest article first
        families.setdefault(groups.find(index[key]), []).append(key)
    return list(families.values())
