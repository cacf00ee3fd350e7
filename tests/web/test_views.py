"""The pure pieces behind the pages: claim marking, the web's view of the core's trace, the SVG charts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from web_helpers import load_fixture_story

from newstrace.analyse.language import first_by_language
from newstrace.records import Claim
from newstrace.store.pages import CERTAINTIES
from newstrace.trace.provenance import trace_story
from newstrace.trace.tracker import StoryTrace
from newstrace.web.charts import coverage_buckets, derivation_svg, timeline_svg
from newstrace.web.marking import mark_article, mark_paragraph
from newstrace.web.provenance import (
    EdgeView,
    StoryProvenance,
    TimelineRow,
    groups_for_table,
    provenance_view,
)


def _claim(sentence: str, certainty: str, cues: list[str]) -> Claim:
    return Claim(sentence=sentence, start=0, end=len(sentence), certainty=certainty, cues=cues)  # type: ignore[arg-type]


def _fixture_view() -> tuple[StoryProvenance, dict[str, Any]]:
    fixture = load_fixture_story()
    trace = StoryTrace(trace_story(fixture.articles, fixture.claims), fixture.claims)
    return provenance_view(1, trace), fixture.gold


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


def test_the_view_carries_the_cores_origin_edges_families_and_drift() -> None:
    view, gold = _fixture_view()
    assert (view.origin.kind, view.origin.name) == (gold["origin"]["kind"], gold["origin"]["name"])
    assert view.origin.article_id is None and "People" in view.origin.evidence
    assert view.independent_sources == gold["families"] == len(view.families)
    found = {(e.target_article, e.kind.split("+")[0]) for e in view.edges}
    for edge in gold["edges"]:
        assert (int(edge["target"]), edge["kind"]) in found, edge
        match = next(e for e in view.edges if e.target_article == int(edge["target"]))
        assert str(match.source_article) in edge["sources"] and match.evidence
    copy = next(e for e in view.edges if e.target_article == 3)
    assert copy.degree == "copy" and copy.share > 0.5 and copy.passages >= 1
    flags = {(f.kind, f.article_id) for f in view.drift}
    assert {(f["kind"], int(f["article"])) for f in gold["flags"]} <= flags
    assert all(f.label and f.before and f.after for f in view.drift)
    assert [r.article_id for r in view.timeline] == [1, 2, 3, 4, 5, 6, 7]  # one hour apart
    assert next(r for r in view.timeline if r.article_id == 3).copy_of == 1
    assert {r.article_id for r in view.timeline if r.drift} == {f.article_id for f in view.drift}


def test_cited_sources_are_the_citation_graph_nodes() -> None:
    view, _gold = _fixture_view()
    people = next(c for c in view.cited_sources if c.name == "People")
    assert people.kind == "outlet" and not people.ingested and people.articles >= 2
    counts = [c.articles for c in view.cited_sources]
    assert counts == sorted(counts, reverse=True)
    alpha = [c for c in view.cited_sources if c.name == "Alpha Wire"]
    assert alpha and alpha[0].ingested  # article 5 cites an outlet whose article is in the story


def test_claim_groups_are_ordered_by_certainty_and_carry_their_flags() -> None:
    view, _gold = _fixture_view()
    ranks = [CERTAINTIES.index(g.certainty) for g in view.claim_groups]
    assert ranks == sorted(ranks) and view.claim_groups
    flagged = {f.group_id for f in view.drift}
    assert flagged <= {g.id for g in view.claim_groups}
    for group in view.claim_groups:
        assert {f.group_id for f in group.drift} <= {group.id}
        assert group.articles == len({o.article_id for o in group.occurrences})
        if group.drift:
            assert any(o.drift for o in group.occurrences)
    assert sum(view.certainty_counts.values()) == view.claims
    assert len(groups_for_table(view.claim_groups, 1)) == len({g.certainty for g in view.claim_groups})


def test_the_view_of_a_stored_story_matches_the_core(web_store: Any) -> None:
    core = web_store.core
    story = core.stories(order="biggest", limit=1)[0]
    trace = core.tracker.get(story.id)
    view = provenance_view(story.id, trace)
    prov = core.provenance(story.id)
    assert len(view.timeline) == story.size == len(prov.timeline)
    assert (
        view.independent_sources
        == prov.independent_families
        == core.store.get_story(story.id).independent_sources
    )
    assert len(view.edges) == len(prov.edges) and len(view.drift) == len(prov.drift)
    assert len(view.cited_sources) == len(prov.citations.nodes)
    assert view.claims == sum(len(core.claims(r.article_id)) for r in view.timeline)


def _row(hours: float, outlet: str, copy_of: int | None = None) -> TimelineRow:
    start = datetime(2024, 3, 1, 9, 15, tzinfo=UTC)
    return TimelineRow(
        str(hours), 1, outlet, "t", start + timedelta(hours=hours), "published", copy_of, 0.0, False
    )


def test_timeline_buckets_follow_the_span() -> None:
    hourly, size = coverage_buckets([_row(0, "a"), _row(0.5, "b", copy_of=1), _row(5, "a")])
    assert size == "hour" and [b.articles for b in hourly] == [2, 1] and hourly[0].outlets == ["a", "b"]
    assert [b.copies for b in hourly] == [1, 0]
    daily, size = coverage_buckets([_row(0, "a"), _row(24 * 10, "b")])
    assert size == "day" and len(daily) == 2
    undated = TimelineRow("x", 1, "a", "t", None, "unknown", None, 0.0, False)
    assert coverage_buckets([undated]) == ([], "day")


def test_first_article_in_each_language() -> None:
    rows = [_row(0, "a"), _row(1, "b"), _row(2, "c"), _row(3, "d")]
    for row, language in zip(rows, ["ru", "en", "ru", "de"], strict=True):
        row.language = language
    first = [(r.language, r.outlet) for r in first_by_language(rows)]
    assert first == [("ru", "a"), ("en", "b"), ("de", "d")]


def test_charts_escape_their_labels() -> None:
    buckets, size = coverage_buckets([_row(0, "<script>x</script>")])
    svg = str(timeline_svg(buckets, size))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    edge = EdgeView(1, 2, "1", "2", "reuse", "earlier-to-later", "copy", 1.0, None, ["<b>x</b>"], 1)
    graph = str(derivation_svg(["1", "2"], {"1": "<b>one</b>", "2": "two"}, [edge]))
    assert (
        "<b>" not in graph and "&lt;b&gt;one" in graph and 'class="edge reuse copy earlier-to-later"' in graph
    )
    assert str(timeline_svg([], "day")) == "" and str(derivation_svg(["1"], {}, [])) == ""


def test_timeline_buckets_leave_out_a_fetch_time() -> None:
    fetched = TimelineRow("f", 2, "b", "t", datetime(2031, 1, 1, tzinfo=UTC), "fetched", None, 0.0, False)
    buckets, size = coverage_buckets([_row(0, "a"), _row(2, "a"), fetched])
    assert size == "hour" and sum(b.articles for b in buckets) == 2
