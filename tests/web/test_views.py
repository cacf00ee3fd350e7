"""The pure pieces behind the pages: claim marking, provenance from stored records, the SVG charts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from newstrace.records import Article, Claim
from newstrace.web.charts import derivation_svg, timeline_svg
from newstrace.web.marking import mark_article, mark_paragraph
from newstrace.web.provenance import (
    DerivationEdge,
    claim_rows,
    claims_for_table,
    coverage_timeline,
    derivation_edges,
    story_provenance,
)


def _claim(sentence: str, certainty: str, cues: list[str]) -> Claim:
    return Claim(sentence=sentence, start=0, end=len(sentence), certainty=certainty, cues=cues)  # type: ignore[arg-type]


def test_marking_cuts_claims_and_cue_words_without_losing_text() -> None:
    paragraph = "Police said the man may have fled. Nobody else was hurt."
    claim = _claim("Police said the man may have fled.", "hedged", ["may"])
    segments = mark_paragraph(paragraph, [claim])
    assert "".join(s.text for s in segments) == paragraph
    assert [s.text for s in segments if s.cue] == ["may"]
    assert {s.certainty for s in segments} == {"hedged", None}


def test_marking_a_stored_article(web_store: Any) -> None:
    core = web_store.core
    for article_id in range(1, 30):
        article = core.article(article_id)
        claims = core.claims(article_id)
        if article is None or not claims:
            continue
        paragraphs = mark_article(article, claims)
        assert ["".join(s.text for s in p) for p in paragraphs] == article.body
        found = {s.claim for p in paragraphs for s in p if s.claim is not None}
        in_body = {i for i, c in enumerate(claims) if any(c.sentence in p for p in article.body)}
        assert found == in_body


def test_provenance_of_a_stored_story(web_store: Any) -> None:
    core = web_store.core
    story = core.stories(order="biggest", limit=1)[0]
    provenance = story_provenance(core, story.id)
    assert provenance is not None
    _summary, articles = core.story(story.id)
    ids = {a.id for a in articles}
    assert provenance.origin is not None and provenance.origin.article_id in ids
    assert all(e.source_article in ids and e.derived_article in ids for e in provenance.edges)
    assert sum(b.articles for b in provenance.timeline) == sum(
        1 for a in articles if a.published or a.fetched
    )
    assert len(provenance.claims) == sum(len(core.claims(a.id)) for a in articles)
    assert story_provenance(core, 10**9) is None


def test_timeline_buckets_follow_the_span() -> None:
    start = datetime(2024, 3, 1, 9, 15, tzinfo=UTC)

    def article(hours: float, source: str) -> Article:
        return Article(title="t", body=["b"], source=source, published=start + timedelta(hours=hours))

    hourly, size = coverage_timeline([article(0, "a"), article(0.5, "b"), article(5, "a")])
    assert size == "hour" and [b.articles for b in hourly] == [2, 1] and hourly[0].outlets == ["a", "b"]
    daily, size = coverage_timeline([article(0, "a"), article(24 * 10, "b")])
    assert size == "day" and len(daily) == 2
    assert coverage_timeline([Article(title="undated", body=["x"])]) == ([], "day")


def test_a_copied_article_derives_from_the_earlier_one(web_store: Any) -> None:
    source = web_store.core.article(1)
    copy = Article(title=source.title, body=[*source.body, "One added line."], id=10**6)
    unrelated = Article(
        title="x", body=["Completely different words about the weather in spring."], id=10**6 + 1
    )
    edges = derivation_edges([source, copy, unrelated])
    assert edges == [DerivationEdge(source.id, copy.id, "reuse", edges[0].share)] and edges[0].share > 0.8


def test_drift_marks_the_same_claim_told_with_another_certainty() -> None:
    first = Article(title="a", body=["x"], id=1, source="one.example")
    second = Article(title="b", body=["y"], id=2, source="two.example")
    claims = {
        1: [_claim("The bridge collapsed because of the storm.", "asserted", [])],
        2: [
            _claim("The bridge may have collapsed because of the storm.", "hedged", ["may"]),
            _claim("Traffic was diverted to the ring road.", "asserted", []),
        ],
    }
    rows = claim_rows([first, second], claims)
    assert [r.certainty for r in rows] == ["asserted", "asserted", "hedged"]
    drift = {r.sentence for r in rows if r.drift}
    assert drift == {
        "The bridge collapsed because of the storm.",
        "The bridge may have collapsed because of the storm.",
    }
    assert len(claims_for_table(rows, 1)) == 2


def test_charts_escape_their_labels() -> None:
    start = datetime(2024, 3, 1, tzinfo=UTC)
    buckets, size = coverage_timeline(
        [Article(title="t", body=["b"], source="<script>x</script>", published=start)]
    )
    svg = str(timeline_svg(buckets, size))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    graph = str(derivation_svg([1, 2], {1: "<b>one</b>", 2: "two"}, [DerivationEdge(1, 2, "copy", 1.0)]))
    assert "<b>" not in graph and "&lt;b&gt;one" in graph
    assert str(timeline_svg([], "day")) == "" and str(derivation_svg([1], {}, [])) == ""
