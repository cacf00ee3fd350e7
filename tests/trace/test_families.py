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
        6,
        ["Left out of the squad on Friday, the striker is expected to leave before the window closes.",
         "“Nobody at this club is for sale,” the coach said."],
        source="Clarion Sport",
    )  # fmt: skip
    prov = trace_story([outlet, *_ARTICLES], {})
    cited = {e.target_key for e in prov.edges if e.source_key == "6" and e.kind == "citation"}
    # each takes from the outlet's article what it names the outlet for: a citation edge, shown as evidence
    assert cited == {"1", "3", "4", "5"}
    assert sorted(sorted(f) for f in prov.families) == [["1", "2"], ["3", "4", "6"], ["5"]]


def test_an_outlet_many_reports_take_a_detail_from_fuses_no_families() -> None:
    wire = _article(10, ["HARBOURTOWN (HRZ) - The crane operator was 52, the port said."], source="HRZ")
    reports = [
        _article(11, ["A crane fell on the quay on Friday, the port authority said.", "Jan Roe saw it fall.",
                      "Ada Marsh said the quay shut.", "The operator was 52, HRZ said."]),
        _article(12, ["Two ships were held offshore after a crane fell, harbour officials said.",
                      "Ben Rook, the harbour master, said the quay would reopen.",
                      "HRZ said the operator was 52."]),
        _article(13, ["The crane that fell on the quay had been inspected in May, HRZ reported."]),
    ]  # fmt: skip
    graph = resolve_citations([wire, *reports], {})
    rests = resting_on(graph)
    assert rests.get("11", set()) == set() and rests.get("12", set()) == set() and rests["13"] == {"hrz"}
    assert source_families(["10", "11", "12", "13"], [], graph, []) == [["10", "13"], ["11"], ["12"]]


def test_a_rewrite_naming_the_outlet_only_as_an_addressee_joins_its_family_when_it_rests_on_no_other() -> (
    None
):
    said = "Jan Roe told Harbour News by email the nets passed a review of their dye and were safe."
    original = _article(20, [said], source="Harbour News")
    sent = "Nets are safe after their dye passed a review, Jan Roe said in an email to Harbour News."
    rewrite = _article(21, ["Nets are safe, a council says.", sent])
    prov = trace_story([original, rewrite], {})
    assert [(e.source_key, e.target_key, e.kind) for e in prov.edges] == [("20", "21", "citation")]
    assert prov.families == [["20", "21"]]
