"""trace_story on the ECB+ fixture story (documented rewrites: a copy, a hedge dropped, a citation,
an overstating headline, a denial) and incremental updates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstrace.records import Article, Caption, Claim
from newstrace.trace.provenance import MIN_COPY_SHARE, MIN_DIRECT_SHARE, degree_for_share, trace_story
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
    assert updated.primary_sources == full.primary_sources and len(updated.state.quotations) == len(articles)
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


_ORIGINAL = [
    "The harbour authority of Port Vella has closed the northern quay after a crane collapsed onto a "
    "cargo ship late on Tuesday evening.",
    "No one was hurt, but two containers fell into the water and divers were sent to recover them "
    "before the morning tide.",
    "It is not clear why the crane gave way; engineers from the port company began an inspection of "
    "the other cranes on Wednesday.",
    "The quay handles most of the island's grain imports, and shipping agents warned of delays of up "
    "to a week for vessels waiting offshore.",
    "Fishermen who use the neighbouring slipway said they had heard a loud crack shortly before the "
    "arm of the crane folded.",
    "The authority said the southern quay would stay open around the clock to take some of the "
    "traffic until the inspection is finished.",
    "A full report on the collapse is due to be handed to the island council within thirty days.",
]
# a rewrite: a new opening, two sentences dropped, a few words changed
_REWRITE = [
    "Port Vella: The harbour authority has closed the northern quay after a crane collapsed onto a "
    "cargo ship on Tuesday.",
    _ORIGINAL[1],
    "Reasons why the crane gave way are still unclear; engineers from the port company began an "
    "inspection of the other cranes.",
    _ORIGINAL[3],
    _ORIGINAL[5],
]
_SEEN = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
_DATED = datetime(2026, 4, 28, tzinfo=UTC)


def test_an_undated_original_is_not_outdated_by_its_dated_rewrite() -> None:
    original = Article(title="Crane collapse closes Port Vella quay", body=_ORIGINAL, id=1, fetched=_SEEN)
    rewrite = Article(title="Port Vella quay closed", body=_REWRITE, id=2, published=_DATED, fetched=_SEEN)
    for articles in ([original, rewrite], [rewrite, original]):
        prov = trace_story(articles, {})
        assert [(e.source_key, e.target_key, e.basis) for e in prov.edges] == [("1", "2", "reuse")]
        assert [e.key for e in prov.timeline] == ["1", "2"]
        assert (prov.timeline[0].no_later_than, prov.timeline[0].no_later_basis) == (_DATED, "reuse")
        assert (prov.origin.kind, prov.origin.key, prov.origin.basis) == ("article", "1", "reuse")
        assert prov.origin.certainty == "by reuse" and "no date of its own" in prov.origin.evidence


def test_a_citation_of_the_outlet_orders_two_texts_too_close_to_tell() -> None:
    original = Article(title="Crane collapse closes Port Vella quay", body=_ORIGINAL, id=1,
                       source="Harbour Post", fetched=_SEEN)  # fmt: skip
    relay = Article(title="Crane collapse closes Port Vella quay", id=2, published=_DATED, fetched=_SEEN,
                    body=[*_ORIGINAL, "The Harbour Post reported the collapse first."])  # fmt: skip
    prov = trace_story([relay, original], {})
    (edge,) = prov.edges
    assert (edge.source_key, edge.target_key, edge.kind, edge.basis) == (
        "1",
        "2",
        "reuse+citation",
        "citation",
    )
    assert (prov.origin.key, prov.origin.basis) == ("1", "citation")
    assert prov.timeline[1].copy_of == "1"


def test_an_origin_is_dated_only_when_no_undated_article_may_be_older() -> None:
    story = load_fixture_story()
    assert trace_story(story.articles, story.claims).origin.basis == "dated"
    undated = Article(title="Crane collapse closes Port Vella quay", body=_ORIGINAL, id=99, fetched=_SEEN)
    origin = trace_story([*story.articles, undated], story.claims).origin
    assert origin.name == "People" and origin.basis == "seen"
    assert "1 undated article(s) may be older" in origin.evidence


def test_two_copies_under_one_agency_dateline_cite_no_one_and_a_relay_cites_the_copy() -> None:
    articles = [
        Article(title="Quay shut", id=1, fetched=_SEEN,
                body=["Port Vella, April 27, 2026 (AFP)", "The northern quay was shut after a crane fell.",
                      "A report on the crane is due to the island council within a month."]),
        Article(title="Grain ships wait", id=2, fetched=_SEEN,
                body=["PORT VELLA (AFP) - Grain ships waited offshore on Wednesday."]),
        Article(title="Crane inquiry", id=3, published=_DATED,
                body=["The island council will receive a report on the crane within a month, AFP reported."]),
    ]  # fmt: skip
    prov = trace_story(articles, {})
    node = prov.citations.nodes["afp"]
    assert sorted(node.ingested_as) == ["1", "2"] and sorted(node.cited_by) == ["1", "2", "3"]
    assert [(e.target_key, e.kind, e.basis) for e in prov.edges] == [("3", "citation", "citation")]


def test_a_shared_single_quoted_statement_is_no_copy_and_a_pasted_paragraph_is_no_copy_of_the_article() -> (
    None
):
    said = (
        "A source told the Island Courier: ‘The crane had been failing its checks for months and nobody "
        "wanted to pay for the repairs before the grain season began.’"
    )
    first = Article(title="Crane collapse closes Port Vella quay", id=1, published=_DATED,
                    body=[_ORIGINAL[0], said, _ORIGINAL[4]])  # fmt: skip
    other = Article(title="Grain ships wait off Port Vella", id=2, published=_DATED + timedelta(hours=3),
                    body=["Six grain ships waited offshore as the island's main quay stayed shut.",
                          said.replace("‘", "'").replace("’", "'"),
                          "Agents expect the southern quay to take the traffic within days."])  # fmt: skip
    assert trace_story([first, other], {}).edges == []  # only the quoted source's words are shared
    own = [
        f"Agents said ship number {n} would have to wait for a berth on the southern side." for n in range(6)
    ]
    pasted = Article(
        title="Ships queue at Port Vella",
        id=3,
        published=_DATED + timedelta(hours=4),
        body=[_ORIGINAL[1], *own, "Captains complained about the cost of every day at anchor."],
    )
    (edge,) = trace_story([Article(title="Crane", id=1, published=_DATED, body=_ORIGINAL), pasted], {}).edges
    assert edge.share < MIN_COPY_SHARE and edge.degree != "copy"
    assert degree_for_share("copy", 0.12) == "light" and degree_for_share("copy", 0.6) == "copy"
    # two paragraphs pasted word for word into a report of its own: copied text, but no copy of the article
    own = [
        f"Agents said ship number {n} would have to wait for a berth on the southern side." for n in range(4)
    ]
    report = Article(title="Ships queue at Port Vella", id=4, published=_DATED + timedelta(hours=5),
                     body=[_ORIGINAL[1], _ORIGINAL[3], *own])  # fmt: skip
    prov = trace_story([Article(title="Crane", id=1, published=_DATED, body=_ORIGINAL), report], {})
    (edge,) = prov.edges
    assert edge.degree == "copy" and MIN_COPY_SHARE <= edge.share < MIN_DIRECT_SHARE
    assert [e.copy_of for e in prov.timeline] == [None, None]


def test_a_rewrite_of_most_of_a_report_derives_from_it_though_both_cite_one_outlet() -> None:
    cite = "The Island Courier first reported the collapse."
    original = Article(title="Crane collapse closes Port Vella quay", id=1, published=_DATED,
                       body=[*_ORIGINAL, cite])  # fmt: skip
    rewrite = Article(title="Port Vella quay closed", id=2, fetched=_SEEN, body=[*_REWRITE, cite])
    (edge,) = trace_story([original, rewrite], {}).edges
    assert (edge.source_key, edge.target_key, edge.direction, edge.via) == (
        "1",
        "2",
        "earlier-to-later",
        None,
    )
    assert edge.share >= MIN_DIRECT_SHARE


def test_a_picture_credit_or_a_background_citation_is_no_origin() -> None:
    body = [
        "In July 2019, the Evening Courier reported that the pair had split.",
        "The pair have split again, the Island Herald reports.",
    ]
    article = Article(title="The pair split again", id=1, published=_DATED, body=body,
                      captions=[Caption(text="The pair at the harbour", credit="PA")])  # fmt: skip
    origin = trace_story([article], {}).origin
    assert (origin.kind, origin.name) == ("external", "Island Herald")
    credited = Article(title="The pair split again", id=1, published=_DATED, body=["They split again."],
                       captions=[Caption(text="The pair at the harbour", credit="PA")])  # fmt: skip
    assert trace_story([credited], {}).origin.kind == "article"  # the picture agency is no origin


def test_a_spun_copy_signed_by_the_original_outlet_derives_from_it_with_no_citation_between_them() -> None:
    signed = "The harbour master declined to comment when contacted by Islandcourier.co.uk."
    spun = [s.replace("closed", "shut").replace("collapsed", "fell").replace("engineers", "technicians")
            for s in _ORIGINAL]  # fmt: skip
    original = Article(title="Crane collapse closes Port Vella quay", id=1, published=_DATED,
                       body=[*_ORIGINAL, signed])  # fmt: skip
    copy = Article(title="Crane collapse shuts Port Vella quay", id=2, fetched=_SEEN, body=[*spun, signed])
    prov = trace_story([copy, original], {})
    (edge,) = prov.edges
    assert (edge.source_key, edge.target_key, edge.kind, edge.direction, edge.via) == (
        "1", "2", "reuse", "earlier-to-later", None,
    )  # fmt: skip
    assert prov.citations.nodes["islandcourier"].ingested_as == ["1", "2"]


def test_of_articles_dated_the_same_day_the_one_others_derive_from_comes_first_whatever_the_order_seen() -> (
    None
):
    """A day's date without its time orders none of them: the evidence does (two rewrites of one report),
    then a rule that does not depend on the order the articles came in."""
    day = datetime(2031, 3, 4, tzinfo=UTC)
    second_rewrite = [*_REWRITE[:2], _ORIGINAL[4], _ORIGINAL[6]]
    texts = {
        "other": ["Ferry crews on the southern route said sailings ran to time on Tuesday and Wednesday."],
        "rewrite": _REWRITE,
        "second rewrite": second_rewrite,
        "original": _ORIGINAL,
    }
    orders = []
    for names in (list(texts), list(reversed(texts))):
        articles = [Article(title=f"Port Vella quay ({name})", body=texts[name], id=i, published=day)
                    for i, name in enumerate(names, 1)]  # fmt: skip
        prov = trace_story(articles, {})
        named = {str(a.id): a.title for a in articles}
        sources = {(named[e.source_key], named[e.target_key]) for e in prov.edges}
        assert ("Port Vella quay (original)", "Port Vella quay (rewrite)") in sources
        assert ("Port Vella quay (original)", "Port Vella quay (second rewrite)") in sources
        assert (prov.origin.kind, named[prov.origin.key or ""]) == ("article", "Port Vella quay (original)")
        # which came first no date tells: the origin says so, and why it lists this one first
        assert prov.origin.basis == "seen" and "2 article(s) derive from it" in prov.origin.evidence
        orders.append([named[e.key] for e in prov.timeline])
    assert orders[0] == orders[1]


def test_a_source_answering_the_story_is_no_origin_and_a_studys_journal_is() -> None:
    first = Article(
        title="Net makers at risk",
        body=["Net makers ran twice the risk, according to a study published Monday in the journal Quay Med.",
              "In response to the study, the Harbour Council told the Clarion that nets were safe."],
        id=1, published=_DATED,
    )  # fmt: skip
    second = Article(title="Nets and risk", body=["The study appeared in the journal Quay Med."], id=2,
                     published=_DATED + timedelta(days=1))  # fmt: skip
    claims = {
        "1": [Claim(first.body[1], 0, 9, "attributed", ["told"], "the Harbour Council", "organisation")]
    }
    origin = trace_story([first, second], claims).origin
    assert (origin.kind, origin.name) == ("external", "Quay Med")


def test_an_outlets_article_that_does_not_carry_what_it_is_cited_for_is_not_its_source() -> None:
    wire = Article(
        title="Inquiry opened into crane fall",
        source="HRZ",
        id=1,
        published=_DATED,
        body=["An inquiry into the crane fall was opened by the island council on Monday."],
    )
    relay = Article(
        title="Crane fell",
        id=2,
        published=_DATED,
        body=["The crane operator, a man of 52 from the island, was unhurt, HRZ reported."],
    )
    assert trace_story([wire, relay], {}).edges == []
    carried = Article(
        title="Operator unhurt",
        source="HRZ",
        id=3,
        published=_DATED,
        body=["The man at the controls, 52 and an islander, was unhurt, the crane operators said."],
    )
    edges = trace_story([wire, relay, carried], {}).edges
    assert [(e.source_key, e.target_key, e.kind) for e in edges] == [("3", "2", "citation")]


def test_a_wire_datelines_day_dates_the_article_in_the_timeline() -> None:
    dated = Article(title="Crane fell", body=["A crane fell on the quay."], id=1, published=_DATED)
    wire = Article(
        title="Inquiry", body=["HARBOURTOWN, April 29. /HRZ/. An inquiry was opened."], id=2, fetched=_SEEN
    )
    timeline = trace_story([wire, dated], {}).timeline
    assert [(e.key, e.by_dateline) for e in timeline] == [("1", False), ("2", True)]
    assert timeline[1].time == datetime(2026, 4, 29, tzinfo=UTC)


def test_an_outlet_whose_articles_in_the_story_are_all_later_is_an_origin_outside_it() -> None:
    first = Article(title="Crane falls", id=1, published=_DATED,
                    body=["A crane fell on the quay on Monday, HRZ reported."])  # fmt: skip
    later = Article(title="Inquiry opened", id=2, published=_DATED + timedelta(days=1), source="HRZ",
                    body=["An inquiry into the fall of the crane was opened by the council."])  # fmt: skip
    origin = trace_story([first, later], {}).origin
    assert (origin.kind, origin.name) == ("external", "HRZ") and "are dated later" in origin.evidence


def test_the_timeline_names_the_agency_whose_dateline_an_outlet_less_article_carries() -> None:
    day = datetime(2031, 5, 2, 9, tzinfo=UTC)
    carried = Article(
        title="Ferry service cut for the winter",
        body=["(Clarion News) – The island ferry will sail twice a week from November, its operator said."],
        id=1,
        published=day,
    )
    own = Article(
        title="Island ferry to sail less often",
        body=["The island ferry will sail only twice a week from November, the operator said on Friday."],
        id=2,
        source="Harbour Gazette",
        published=day + timedelta(hours=3),
    )
    prov = trace_story([carried, own], {})
    assert {e.key: e.outlet for e in prov.timeline} == {"1": "Clarion News", "2": "Harbour Gazette"}
