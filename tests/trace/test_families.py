"""Source families: one outlet named in passing fuses no two families that rest on reports of their own."""

from __future__ import annotations

from newstrace.records import Article, Caption
from newstrace.trace.citations import resolve_citations
from newstrace.trace.families import resting_on, source_families
from newstrace.trace.provenance import trace_story


def _article(
    key: int, body: list[str], source: str | None = None, captions: list[Caption] | None = None
) -> Article:
    return Article(title=f"Quay story {key}", body=body, id=key, source=source, captions=captions or [])


_ARTICLES = [
    # rests on the Evening Ledger's report; names Clarion Sport only as whom the coach spoke to
    _article(
        1,
        [
            "According to The Evening Ledger, the club rejected a third bid for the striker.",
            "The coach told Clarion Sport: “Nobody here is for sale.”",
        ],
    ),
    _article(2, ["The club has turned down another offer, according to The Evening Ledger."]),
    # names no report: the outlet its quotation was given to is where it comes from
    _article(3, ["The coach told Clarion Sport that nobody at the club was for sale."]),
    _article(4, ["Clarion Sport reported that the striker was left out of the squad."]),
    # a picture's credit is no report the text rests on
    _article(5, ["The striker trained alone on Friday."], captions=[Caption("The striker", "Clarion Sport")]),
]


def test_an_outlet_named_as_a_quotations_addressee_joins_no_family_beside_a_report() -> None:
    graph = resolve_citations(_ARTICLES, {})
    cues = {(c.article_key, graph.nodes[c.node_key].name): c.cue for c in graph.citations}
    assert cues[("1", "Clarion Sport")] == "told" and cues[("5", "Clarion Sport")] == "image credit"
    names = {key: sorted(graph.nodes[n].name for n in nodes) for key, nodes in resting_on(graph).items()}
    assert names == {"1": ["The Evening Ledger"], "2": ["The Evening Ledger"], "3": ["Clarion Sport"],
                     "4": ["Clarion Sport"]}  # fmt: skip
    assert source_families(["1", "2", "3", "4", "5"], [], graph, []) == [["1", "2"], ["3", "4"], ["5"]]


def test_a_citation_of_an_outlet_in_the_story_joins_its_family_only_when_the_report_rests_on_it() -> None:
    outlet = _article(
        6, ["The striker is expected to leave before the window closes."], source="Clarion Sport"
    )
    prov = trace_story([outlet, *_ARTICLES], {})
    cited = {e.target_key for e in prov.edges if e.source_key == "6" and e.kind == "citation"}
    assert cited == {"1", "3", "4", "5"}  # each names the outlet: a citation edge, shown as evidence
    assert sorted(sorted(f) for f in prov.families) == [["1", "2"], ["3", "4", "6"], ["5"]]
