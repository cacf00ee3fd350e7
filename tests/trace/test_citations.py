"""Citations: names normalised by general rules and resolved to one node per source."""

from __future__ import annotations

from newstrace.records import Article, Claim
from newstrace.trace.citations import normalise_source, resolve_citations


def test_outlet_spellings_share_a_key() -> None:
    keys = {
        normalise_source(n)
        for n in ("The Daily Clarion", "Daily Clarion", "dailyclarion.co.uk", "ClarionOnline")
    }
    assert len(keys) == 1
    assert normalise_source("https://www.example-herald.com/world/x.html") == normalise_source(
        "Example Herald"
    )
    assert normalise_source("Reuters") != normalise_source("Daily Clarion")


def _article(key: int, source: str, body: list[str], cited: list[str] | None = None) -> Article:
    return Article(title=f"Article {key}", body=body, source=source, id=key, cited_sources=cited or [])


def test_aliases_across_articles_become_one_node_and_ingested_outlets_are_marked() -> None:
    articles = [
        _article(1, "Northern Ledger", ["The council approved the plan on Monday."]),
        _article(
            2, "harbourgazette.co.uk", ["According to the Northern Ledger, the council approved the plan."]
        ),
        _article(
            3, "Valley Times", ["The plan was approved, northernledger.com reported."], ["Harbour Gazette"]
        ),
        _article(
            4,
            "Valley Times",
            ["Ms Alvarez said the vote was close.", "Alvarez added that a review would follow."],
        ),
    ]
    claims = {
        "4": [
            Claim(
                "Ms Alvarez said the vote was close.",
                0,
                35,
                "attributed",
                ["said"],
                "Maria Alvarez",
                "person",
            ),
            Claim(
                "Alvarez added that a review would follow.",
                36,
                77,
                "attributed",
                ["added"],
                "Alvarez",
                "person",
            ),
        ]
    }
    graph = resolve_citations(articles, claims)
    ledger = graph.nodes[normalise_source("Northern Ledger")]
    assert set(ledger.cited_by) == {"2", "3"} and ledger.ingested_as == ["1"]
    gazette = graph.nodes[normalise_source("Harbour Gazette")]
    assert gazette.cited_by == ["3"] and gazette.ingested_as == ["2"]
    people = [n for n in graph.nodes.values() if n.kind == "person"]
    assert len(people) == 1 and people[0].name in {"Maria Alvarez", "Alvarez"}
    assert graph.find("northernledger.com") == ledger.key


def test_acronym_written_in_capitals_joins_the_full_name() -> None:
    articles = [
        _article(1, "A", ["The findings were published, according to the Regional Health Authority."]),
        _article(2, "B", ["The RHA reported the findings on Tuesday."]),
    ]
    graph = resolve_citations(articles, {})
    assert len(graph.nodes) == 1
    assert set(next(iter(graph.nodes.values())).cited_by) == {"1", "2"}


def test_an_article_citing_its_own_outlet_is_not_a_citation() -> None:
    graph = resolve_citations(
        [_article(1, "Valley Times", ["The Valley Times reported the fire first."])], {}
    )
    assert graph.nodes == {}
