"""trace_story on the ECB+ fixture story (documented rewrites: a copy, a hedge dropped, a citation,
an overstating headline, a denial) and incremental updates."""

from __future__ import annotations

from datetime import UTC, datetime

from newstrace.records import Article
from newstrace.trace.provenance import trace_story
from story_fixture import load_fixture_story


def test_fixture_story_edges_flags_families_and_origin() -> None:
    story = load_fixture_story()
    articles, claims, gold = story.articles, story.claims, story.gold
    prov = trace_story(articles, claims)
    for edge in gold["edges"]:
        assert any(
            e.target_key == edge["target"] and e.source_key in edge["sources"] and edge["kind"] in e.kind
            for e in prov.edges
        ), edge
    expected_flags = {(f["kind"], f["article"]) for f in gold["flags"]}
    assert {(f.kind, f.article_key) for f in prov.drift} == expected_flags
    assert prov.independent_families == gold["families"]
    assert (prov.origin.kind, prov.origin.name) == (gold["origin"]["kind"], gold["origin"]["name"])


def test_timeline_is_in_time_order_with_copies_marked() -> None:
    story = load_fixture_story()
    articles, claims = story.articles, story.claims
    prov = trace_story(list(reversed(articles)), claims)
    times = [e.time for e in prov.timeline]
    assert times == sorted(t for t in times if t is not None)
    copies = {e.key: e.copy_of for e in prov.timeline if e.copy_of}
    assert copies == {"3": "1"}
    assert next(e for e in prov.timeline if e.key == "3").reused_share > 0.8


def test_shared_quotes_alone_make_no_derivation_edge() -> None:
    story = load_fixture_story()
    articles, claims = story.articles, story.claims
    prov = trace_story(articles, claims)
    independent = {"2", "7"}  # separate reports that quote the same statement
    assert not any({e.source_key, e.target_key} & independent for e in prov.edges)


def test_incremental_update_equals_a_full_trace() -> None:
    story = load_fixture_story()
    articles, claims = story.articles, story.claims
    full = trace_story(articles, claims)
    partial = trace_story(articles[:4], claims)
    aligned_before = len(partial.state.reuse_index.texts)
    updated = trace_story(articles, claims, previous=partial)
    assert aligned_before == 4 and len(updated.state.reuse_index.texts) == len(articles)
    assert [(e.source_key, e.target_key, e.kind) for e in updated.edges] == [
        (e.source_key, e.target_key, e.kind) for e in full.edges
    ]
    assert {(f.kind, f.article_key) for f in updated.drift} == {(f.kind, f.article_key) for f in full.drift}
    assert updated.families == full.families
    assert len(updated.state.mentions) == len(articles)  # each article's sources read once, then kept
    assert {(n.key, tuple(sorted(n.cited_by))) for n in updated.citations.nodes.values()} == {
        (n.key, tuple(sorted(n.cited_by))) for n in full.citations.nodes.values()
    }


def test_articles_without_times_or_ids_still_trace() -> None:
    story = load_fixture_story()
    articles = story.articles
    bare = [
        Article(title=a.title, body=a.body, source=a.source, url=f"https://example.org/{a.id}")
        for a in articles
    ]
    prov = trace_story(bare, {})
    assert len(prov.timeline) == len(bare) and all(e.time_kind == "unknown" for e in prov.timeline)
    assert any(e.degree == "copy" and e.direction == "unordered" for e in prov.edges)


def test_a_publication_most_articles_relay_is_the_origin_though_the_first_does_not_name_it() -> None:
    body = "The pair have been quietly spending time together, a source said."
    relayed = f"According to The Evening Courier, {body[0].lower()}{body[1:]}"
    articles = [
        Article(title="The pair are said to be meeting", body=[body], source="first.example", id=1,
                published=datetime(2023, 9, 13, 12, tzinfo=UTC)),
        *[
            Article(title=f"Report {i}", body=[relayed],
                    source=f"site{i}.example", id=i, published=datetime(2023, 9, 13, 12 + i, tzinfo=UTC))
            for i in (2, 3)
        ],
    ]  # fmt: skip
    origin = trace_story(articles, {}).origin
    assert (origin.kind, origin.name) == ("external", "The Evening Courier")
    assert trace_story(articles[:2], {}).origin.kind == "article"  # one relay of two is not enough
