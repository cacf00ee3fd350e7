"""Claim alignment across articles and certainty-drift flags."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newstrace.records import Article, Claim
from newstrace.trace.drift import ClaimIndex, claim_stems, drift_flags
from newstrace.trace.provenance import trace_story


def _claim(sentence: str, certainty: str, headline: bool = False, source: str | None = None) -> Claim:
    return Claim(sentence, 0, len(sentence), certainty, [], source, "person" if source else "none", None,  # type: ignore[arg-type]
                 in_headline=headline)  # fmt: skip


def test_stems_ignore_hedges_and_reporting_verbs() -> None:
    hedged = claim_stems("The minister is reported to be planning to resign over the budget dispute.")
    asserted = claim_stems("The minister plans to resign over budget disputes.")
    assert hedged == asserted


def test_rewording_matches_and_different_claims_do_not() -> None:
    index = ClaimIndex()
    hedged = _claim("The minister is reportedly planning to resign over the budget row.", "hedged")
    index.add_article("1", [hedged], None, 1.0)
    index.add_article("2", [_claim("Budget row: the minister plans to resign, sources say.", "attributed"),
                            _claim("The opposition called for early elections in the spring.", "asserted")],
                      None, 2.0)  # fmt: skip
    groups = index.groups()
    assert len(groups) == 1
    assert [o.article_key for o in groups[0].occurrences] == ["1", "2"]


def _grouped(*sentences: str) -> list[list[str]]:
    """The claim groups of one claim per article, the articles in the given order, as article keys."""
    index = ClaimIndex()
    for i, sentence in enumerate(sentences):
        index.add_article(str(i), [_claim(sentence, "asserted")], None, float(i))
    return [[o.article_key for o in group.occurrences] for group in index.groups()]


def test_a_chain_of_matches_is_not_one_claim() -> None:
    """A matches B and B matches C, but A and C share nothing: a toll and tremors felt abroad are two
    claims, whichever comes first, even when one sentence tells both."""
    toll = "The earthquake killed hundreds of villagers in the mountains."
    both = "The earthquake killed hundreds of villagers, and tremors were felt in cities across the border."
    felt = "Tremors were felt in cities across the border, where office workers ran into the streets."
    assert _grouped(toll, both) == [["0", "1"]]
    assert _grouped(both, felt) == [["0", "1"]]
    assert _grouped(toll, felt) == []
    assert _grouped(toll, both, felt) == [["0", "1"]]
    assert _grouped(felt, both, toll) == [["0", "1"]]


def test_a_claim_joins_a_group_it_matches_the_first_wording_or_most_of() -> None:
    first = "The crane collapsed after a steel cable snapped on the northern quay."
    retold = "The crane collapsed on the northern quay when a steel cable snapped during loading."
    short = "A steel cable snapped and the crane collapsed."
    assert _grouped(first, retold, short) == [["0", "1", "2"]]


def test_different_figures_are_one_claim_only_when_the_rest_matches() -> None:
    short = "The quake killed 1,500 people in the district."
    longer = (
        "The quake killed 1,800 people, officials said, as rescuers dug through rubble in remote villages "
        "cut off by landslides."
    )
    assert _grouped(short, longer) == []  # a new toll with more news, not the same claim retold
    assert _grouped(short, longer.replace("1,800", "1,500")) == [["0", "1"]]
    assert _grouped("Four people were killed in the blast at the depot.",
                    "Five people were killed in the blast at the depot.") == [["0", "1"]]  # fmt: skip


def test_hedge_dropped_without_a_new_source_is_flagged_and_with_one_is_not() -> None:
    index = ClaimIndex()
    index.add_article("1", [_claim("The minister may resign over the budget row.", "speculative")], None, 1.0)
    index.add_article("2", [_claim("The minister will resign over the budget row.", "asserted")], None, 2.0)
    groups = index.groups()
    flagged = drift_flags(groups, lambda occurrence, earlier: False)
    assert [(f.kind, f.article_key, f.before, f.after) for f in flagged] == [
        ("hedge-dropped", "2", "speculative", "asserted")
    ]
    assert drift_flags(groups, lambda occurrence, earlier: True) == []


def test_a_negated_sentence_is_another_claim_not_a_dropped_hedge() -> None:
    index = ClaimIndex()
    hedged = _claim("The minister is reportedly planning to resign over the budget row.", "hedged")
    index.add_article("1", [hedged], None, 1.0)
    index.add_article("2", [_claim("The minister has not said whether the budget row will make him resign.",
                                   "asserted")], None, 2.0)  # fmt: skip
    assert index.groups() == []


def test_denial_after_the_claim_is_flagged() -> None:
    index = ClaimIndex()
    index.add_article("1", [_claim("The minister will resign over the budget row.", "asserted")], None, 1.0)
    denial = _claim("A spokesman denied the minister will resign over the budget row.", "denied")
    index.add_article("2", [denial], None, 2.0)
    flags = drift_flags(index.groups(), lambda occurrence, earlier: False)
    assert [(f.kind, f.article_key) for f in flags] == [("denial-appears", "2")]


def test_seed_headline_asserts_what_its_body_hedges(seed_text: str) -> None:
    """The seed page: its headline states as fact what its own body only says is reported."""
    paragraphs = [p.strip() for p in seed_text.split("\n\n") if p.strip()]
    headline = next(p for i, p in enumerate(paragraphs[1:], 1) if p == paragraphs[i - 1])  # printed twice
    hedged = next(p for p in paragraphs if "is reported to be" in p)
    article = Article(title=headline, body=[hedged], id=1, published=datetime(2017, 4, 20, tzinfo=UTC))
    claims = {"1": [_claim(headline, "asserted", headline=True), _claim(hedged, "hedged")]}
    flags = trace_story([article], claims).drift
    assert [(f.kind, f.before, f.after) for f in flags] == [("headline-overstates", "hedged", "asserted")]


def test_seed_with_the_claim_analyser_if_present(seed_text: str) -> None:
    claims_module = Path(__file__).resolve().parents[2] / "src" / "newstrace" / "analyse" / "claims.py"
    if not claims_module.exists():
        return
    from newstrace.analyse.claims import analyse_claims

    paragraphs = [p.strip() for p in seed_text.split("\n\n") if p.strip()]
    headline_at = next(i for i, p in enumerate(paragraphs[1:], 1) if p == paragraphs[i - 1])
    body = [p for p in paragraphs[headline_at + 1 :] if len(p.split()) > 8]
    article = Article(title=paragraphs[headline_at], body=body, id=1)
    flags = trace_story([article], {"1": analyse_claims(article)}).drift
    assert any(f.kind == "headline-overstates" and f.after == "asserted" for f in flags)


def test_each_wording_is_judged_against_what_it_matched_not_against_its_articles_other_claims() -> None:
    collapse = "collapsed after a steel cable snapped on the northern quay."
    sank = "two containers from the cargo ship sank beside the northern quay slipway."
    index = ClaimIndex()
    index.add_article("1", [_claim(f"The crane reportedly {collapse}", "hedged")], None, 1.0)
    index.add_article(
        "2",
        [_claim(f"The crane apparently {collapse}", "hedged"), _claim(sank.capitalize(), "asserted")],
        None,
        2.0,
    )
    # a later sentence matching both claims joins the one it matches most wordings of, and does not
    # chain the other claim into that group
    both = f"The crane collapsed after a steel cable snapped, and {sank}"
    index.add_article("3", [_claim(both, "asserted")], None, 3.0)
    (group,) = index.groups()
    assert [o.sentence for o in group.occurrences] == [
        f"The crane reportedly {collapse}", f"The crane apparently {collapse}", both
    ]
    # article 2 keeps the hedge of the claim it shares with 1; its asserted sentence is another claim.
    # Article 3 states plainly the collapse both hedged: its hedge dropped is the only flag
    flags = drift_flags([group], lambda occurrence, earlier: False)
    assert [(f.kind, f.article_key) for f in flags] == [("hedge-dropped", "3")]


def _said(
    sentence: str, certainty: str, source: str | None, kind: str, cues: list[str] | None = None
) -> Claim:
    return Claim(sentence, 0, len(sentence), certainty, cues or [], source, kind)  # type: ignore[arg-type]


def _kinds(flags: list) -> list[tuple[str, str, str, str]]:  # type: ignore[type-arg]
    return [(f.kind, f.article_key, f.before, f.after) for f in flags]


def test_naming_the_outlet_that_reported_it_drops_no_hedge() -> None:
    index = ClaimIndex()
    said = _claim("The skipper is said to have sold the trawler to a rival yard.", "hedged")
    index.add_article("1", [said], None, 1.0)
    reported = "The Harbour Post reported that the skipper sold the trawler to a rival yard."
    index.add_article(
        "2", [_said(reported, "attributed", "The Harbour Post", "outlet", ["reported"])], None, 2.0
    )
    assert drift_flags(index.groups(), lambda occurrence, earlier: False) == []


def test_a_question_states_nothing() -> None:
    index = ClaimIndex()
    said = _claim("The skipper is said to have sold the trawler to a rival yard.", "hedged")
    index.add_article("1", [said], None, 1.0)
    question = _said("So the skipper sold the trawler to a rival yard?", "attributed", "one reader", "person")
    index.add_article("2", [question], None, 2.0)
    assert index.groups() == []


def test_a_pull_quote_and_a_sentence_inside_a_quotation_are_not_the_outlets_voice() -> None:
    hedged = "The skipper reportedly sold the trawler to a rival yard."
    index = ClaimIndex()
    index.add_article("1", [_claim(hedged, "hedged")], None, 1.0)
    pull = "The skipper sold the trawler to a rival yard."
    index.add_article(
        "2", [_claim(hedged, "hedged"), _claim(pull, "asserted")], None, 2.0
    )  # restates its own
    text = "A friend said: ‘There was talk for weeks. The skipper sold the trawler to a rival yard.’"
    index.add_article("3", [_claim(pull, "asserted")], None, 3.0, text)
    assert drift_flags(index.groups(), lambda occurrence, earlier: False) == []


def test_an_attributed_past_event_stated_plainly_is_background_but_a_hedge_dropped_is_not() -> None:
    start = datetime(2031, 4, 19, tzinfo=UTC)
    index = ClaimIndex()
    posted = "The skipper announced his retirement on February 7 in a statement posted to his page."
    index.add_article("1", [_said(posted, "attributed", "a statement", "footage", ["posted"])], None, 1.0)
    index.add_article(
        "2", [_claim("The skipper announced his retirement on February 7.", "asserted")], None, 2.0
    )
    assert drift_flags(index.groups(), lambda occurrence, earlier: False, since=start) == []
    index = ClaimIndex()
    hedged = _claim("The skipper reportedly announced his retirement on February 7.", "hedged")
    index.add_article("1", [hedged], None, 1.0)
    index.add_article(
        "2", [_claim("The skipper announced his retirement on February 7.", "asserted")], None, 2.0
    )
    flags = drift_flags(index.groups(), lambda occurrence, earlier: False, since=start)
    assert _kinds(flags) == [("hedge-dropped", "2", "hedged", "asserted")]


def test_a_denial_confirmed_later_by_a_named_source_is_contradicted() -> None:
    claim = "Two reporters were arrested at the harbour protest on Thursday."
    denial = "The Evander police denied that two reporters were arrested at the harbour protest on Thursday."
    confirmed = "A Harbour Post spokesperson said two of its reporters were arrested at the harbour protest."
    index = ClaimIndex()
    index.add_article("1", [_claim(claim, "asserted")], None, 1.0)
    index.add_article(
        "2", [_said(denial, "denied", "The Evander police", "organisation", ["denied"])], None, 2.0
    )
    index.add_article("3", [_said(confirmed, "attributed", "A Harbour Post spokesperson", "organisation")],
                      None, 3.0)  # fmt: skip
    flags = drift_flags(index.groups(), lambda occurrence, earlier: False)
    assert _kinds(flags) == [
        ("denial-appears", "2", "asserted", "denied"),
        ("contradicted", "3", "denied", "attributed"),
    ]


def test_a_named_denial_of_a_named_confirmation_is_contradicted_but_a_source_restating_itself_is_not() -> (
    None
):
    confirmed = "Jon Arden confirmed he had sold the trawler to a rival yard in Evander."
    denial = "Mara Quill of the rival yard denied that it bought the trawler from Jon Arden in Evander."
    index = ClaimIndex()
    index.add_article("1", [_said(confirmed, "attributed", "Jon Arden", "person", ["confirmed"])], None, 1.0)
    index.add_article("2", [_said(denial, "denied", "Mara Quill", "person", ["denied"])], None, 2.0)
    flags = drift_flags(index.groups(), lambda occurrence, earlier: False)
    assert _kinds(flags) == [("contradicted", "2", "attributed", "denied")]
    index = ClaimIndex()
    index.add_article("1", [_said(confirmed, "attributed", "Jon Arden", "person", ["confirmed"])], None, 1.0)
    own = "Arden denied that he had sold the trawler to a rival yard in Evander."
    index.add_article("2", [_said(own, "denied", "Arden", "person", ["denied"])], None, 2.0)
    flags = drift_flags(index.groups(), lambda occurrence, earlier: False)
    assert _kinds(flags) == [("denial-appears", "2", "attributed", "denied")]


def test_a_named_source_that_could_not_confirm_contradicts_nothing() -> None:
    denial = "The Evander police denied that two reporters were arrested at the harbour protest on Thursday."
    unsure = "A Harbour Post spokesperson could not confirm that two reporters were arrested at the protest."
    index = ClaimIndex()
    index.add_article(
        "1", [_said(denial, "denied", "The Evander police", "organisation", ["denied"])], None, 1.0
    )
    index.add_article("2", [_said(unsure, "attributed", "A Harbour Post spokesperson", "organisation")],
                      None, 2.0)  # fmt: skip
    flags = drift_flags(index.groups(), lambda occurrence, earlier: False)
    assert "contradicted" not in [kind for kind, *_ in _kinds(flags)]


def test_claims_sharing_only_whom_they_are_about_do_not_match() -> None:
    """Names the story writes with a capital are whom a claim is about: a coach refusing to promise a
    player will stay is not his club rejecting a bid for that player."""
    index = ClaimIndex()
    bid = "Harbour City reportedly rejected a third offer for Ada Marsh."
    index.add_article("1", [_claim(bid, "hedged")], None, 1.0)
    stay = "Harbour City coach Ben Rook refuses to promise that Ada Marsh will stay at the club."
    index.add_article("2", [_claim(stay, "asserted")], None, 2.0)
    assert index.groups() == []
    # a rewording that says the same of them still matches
    again = "Harbour City rejected a third offer for Ada Marsh."
    index.add_article("3", [_claim(again, "asserted")], None, 3.0)
    (group,) = index.groups()
    assert [o.article_key for o in group.occurrences] == ["1", "3"]
    # most of the words shared, but they are names: what is said of them shares one word of three
    index = ClaimIndex()
    target = "Ada Marsh of Port Vella is the top target for Harbour City this window."
    index.add_article("1", [_claim(target, "asserted")], None, 1.0)
    refusal = "Harbour City coach Ben Rook refused to promise Ada Marsh of Port Vella would stay this window."
    index.add_article("2", [_claim(refusal, "asserted")], None, 2.0)
    assert index.groups() == []


def test_a_headline_under_a_report_label_relays_a_report_and_overstates_nothing() -> None:
    body = _said("Harbour City rejected a third offer for Ada Marsh, a local paper claims.", "attributed",
                 "a local paper", "outlet", ["claims"])  # fmt: skip
    flagged = {}
    for headline in ("Harbour City Reject Third Offer For Ada Marsh",
                     "Report: Harbour City Reject Third Offer For Ada Marsh",
                     "Reports | Harbour City Reject Third Offer For Ada Marsh"):  # fmt: skip
        index = ClaimIndex()
        index.add_article("1", [_claim(headline, "asserted", headline=True), body], None, 1.0)
        flagged[headline.split()[0]] = _kinds(drift_flags(index.groups(), lambda occurrence, earlier: False))
    assert flagged == {
        "Harbour": [("headline-overstates", "1", "attributed", "asserted")],
        "Report:": [],
        "Reports": [],
    }


def test_a_hedge_is_dropped_only_by_an_article_known_to_come_later() -> None:
    """No article is taken to follow another on the order seen alone: not an undated one a dated one,
    nor one of two undated ones (read in some order) or of two dated the same day the other; dates
    or a derivation between them order them."""
    day, seen = datetime(2031, 3, 4, tzinfo=UTC), datetime(2031, 3, 9, tzinfo=UTC)
    hedged = "Port officials are reportedly set to shut the northern quay for seven days."
    plain = "Port officials will shut the northern quay for a week."
    first_body = [hedged, "Fishing boats were moved to the southern slipway overnight."]
    second_body = [plain, "Ferry crews said they had not been told how long the works would last."]
    claims = {"1": [_claim(hedged, "hedged")], "2": [_claim(plain, "asserted")]}
    found = {}
    dates = {
        "a day later": (day, day.replace(day=5)),
        "undated": (day, None),
        "both undated": (None, None),
        "same day": (day, day),
    }
    for name, (first_date, second_date) in dates.items():
        articles = [  # both credit one outlet's report ("Source: Harbour Post")
            Article(title="Quay to shut", body=first_body, id=1, published=first_date, fetched=seen,
                    cited_sources=["Harbour Post"]),
            Article(title="Quay shut for a week", body=second_body, id=2, published=second_date,
                    fetched=seen.replace(hour=1), cited_sources=["Harbour Post"]),
        ]  # fmt: skip
        prov = trace_story(articles, claims)
        assert not prov.edges and prov.families == [["1", "2"]]  # one family: both rest on one report
        found[name] = _kinds(prov.drift)
    assert found == {
        "a day later": [("hedge-dropped", "2", "hedged", "asserted")],
        "undated": [],
        "both undated": [],
        "same day": [],
    }


def test_a_plain_attribution_asserted_or_a_changed_figure_drops_no_hedge() -> None:
    index = ClaimIndex()
    index.add_article("1", [_said("The crane fell on a town of 50,000 people, police said.", "attributed",
                                  "police", "organisation", ["said"])], None, 1.0)  # fmt: skip
    index.add_article("2", [_claim("The crane fell on a town of 50,000 people.", "asserted")], None, 2.0)
    assert drift_flags(index.groups(), lambda occurrence, earlier: False) == []
    index = ClaimIndex()
    four = _claim("Four dockers were reportedly killed when the crane fell on the quay.", "hedged")
    index.add_article("1", [four], None, 1.0)
    index.add_article("2", [_claim("Five dockers were killed when the crane fell on the quay.", "asserted")],
                      None, 2.0)  # fmt: skip
    assert drift_flags(index.groups(), lambda occurrence, earlier: False) == []


def test_a_hedge_in_the_words_dropped_by_an_attribution_taking_it_as_fact_is_flagged() -> None:
    index = ClaimIndex()
    hedged = "Lab research in the paper revealed that the dye appeared to be causing skin cells to swell."
    index.add_article("1", [_said(hedged, "attributed", "the paper", "footage", ["revealed"])], None, 1.0)
    as_fact = "The report showed that the dye made skin cells swell in lab research."
    index.add_article("2", [_said(as_fact, "attributed", "The report", "footage", ["showed"])], None, 2.0)
    flags = drift_flags(index.groups(), lambda occurrence, earlier: False)
    assert _kinds(flags) == [("hedge-dropped", "2", "hedged", "attributed")]
    index = ClaimIndex()
    index.add_article("1", [_said(hedged, "attributed", "the paper", "footage", ["revealed"])], None, 1.0)
    still = "The dye may make skin cells swell, Jan Roe said of the lab research."
    index.add_article("2", [_said(still, "attributed", "Jan Roe", "person", ["said"])], None, 2.0)
    assert drift_flags(index.groups(), lambda occurrence, earlier: False) == []


def test_a_headline_over_a_plainly_attributed_body_or_naming_its_source_overstates_nothing() -> None:
    body = _said("Five dockers died when the crane fell, the port said.", "attributed", "the port",
                 "organisation", ["said"])  # fmt: skip
    for headline in ("Five dockers die as crane falls", "Dockers died as crane fell, port board says"):
        index = ClaimIndex()
        index.add_article("1", [_claim(headline, "asserted", headline=True), body], None, 1.0)
        assert drift_flags(index.groups(), lambda occurrence, earlier: False) == [], headline
