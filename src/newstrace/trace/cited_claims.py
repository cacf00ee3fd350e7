"""Which of a cited outlet's articles in the story an article took what it cites the outlet for.

An article naming an outlet ("the victim was 22, HRZ said") took that from one of the outlet's
reports, not necessarily from the one the story holds: an agency files many. It derives from the
outlet's article in the story only when that article carries what it is cited for: the citing
sentence's claim is in one claim group with a claim of the outlet's article, or most of the citing
sentence's words (the outlet's name aside) are in the outlet's article. A citation in sentences too
short to tell may come from any of the outlet's articles.
"""

from __future__ import annotations

from collections.abc import Callable

from newstrace.trace.citations import CitationGraph
from newstrace.trace.drift import MIN_SHARED_STEMS, ClaimGroup, claim_stems

# Share of the content words of a sentence naming an outlet (the outlet's name aside) that must be
# exceeded in one of its articles for the sentence to have taken them from it. Set by hand: a sentence
# relaying a report repeats its wording (the benchmark's citing sentences share all of theirs), while
# another report of the same outlet on the same event shares the event's words (in the tester stories
# details relayed from an agency shared 0.78 and 0.8 of theirs with a later, unrelated article of it).
MIN_CITED_WORDS = 0.8


def cited_claims(
    groups: list[ClaimGroup], graph: CitationGraph, stems_of: Callable[[str], frozenset[str]]
) -> set[tuple[str, str, str]]:
    """(citing article, node, cited article): the citing article names the node in a claim that the
    cited article carries too (one claim group), or in a sentence whose words are in the cited
    article's text: it took that claim from the node's article. A citation in sentences too short to
    tell may come from any of the node's articles."""
    found: set[tuple[str, str, str]] = set()
    cited: dict[str, set[str]] = {}
    for c in graph.citations:
        cited.setdefault(c.article_key, set()).add(c.node_key)
        node = graph.nodes[c.node_key]
        if not node.ingested:
            continue
        named = set().union(*(claim_stems(alias) for alias in node.aliases))
        said = [words for s in c.sentences if len(words := claim_stems(s) - named) >= MIN_SHARED_STEMS]
        for k in node.ingested_as:
            if k == c.article_key:
                continue
            if not said or any(len(w & stems_of(k)) > MIN_CITED_WORDS * len(w) for w in said):
                found.add((c.article_key, c.node_key, k))
    for group in groups:
        keys = {o.article_key for o in group.occurrences}
        for o in group.occurrences:
            sentence = o.sentence.lower()
            for node_key in cited.get(o.article_key, set()):
                if any(alias.lower() in sentence for alias in graph.nodes[node_key].aliases):
                    found |= {(o.article_key, node_key, k) for k in keys if k != o.article_key}
    return found
