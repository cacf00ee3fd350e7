"""Update events from a story's provenance: which drift belongs to the article that just joined."""

from __future__ import annotations

from datetime import UTC, datetime

from newstrace.alerts.events import names_a_reported_claim, story_signals
from newstrace.analyse.claims import analyse_claims
from newstrace.records import Article, Claim
from newstrace.trace.drift import ClaimGroup, ClaimOccurrence
from newstrace.trace.provenance import trace_story


def _article(article_id: int, sentence: str, day: int) -> Article:
    return Article(
        title=f"Budget talks, day {day}",
        body=[sentence, "Talks continue on Monday in the capital with all parties present."],
        id=article_id,
        published=datetime(2024, 3, day, tzinfo=UTC),
    )


def test_a_late_report_dated_earlier_reveals_the_drift_of_one_already_seen() -> None:
    """The rewrite that dropped the hedge arrived first; the hedged original, dated a day before,
    arrives second: its arrival is what shows the drift, so its signals carry it."""
    rewrite = _article(1, "The finance minister will resign over the failed budget talks.", 3)
    original = _article(
        2, "The finance minister is reported to be planning to resign over the failed budget talks.", 2
    )
    claims = {str(a.id): analyse_claims(a) for a in (rewrite, original)}
    provenance = trace_story([rewrite, original], claims)
    assert [(f.kind, f.article_key, f.earlier_key) for f in provenance.drift] == [("hedge-dropped", "1", "2")]
    assert story_signals("2", claims, provenance).drift
    assert story_signals("1", claims, provenance).drift
    assert not story_signals("2", {"2": claims["2"]}, trace_story([original], {"2": claims["2"]})).drift


def test_a_named_source_telling_what_reports_said_is_an_update() -> None:
    reported = Article(
        title="Budget talks collapse",
        body=["The finance minister will resign over the failed budget talks, reports say.",
              "Talks continue on Monday in the capital with all parties present."],
        id=1, published=datetime(2024, 3, 2, tzinfo=UTC),
    )  # fmt: skip
    named = Article(
        title="Minister to quit",
        body=["The finance minister, Jane Roe, said she will resign over the failed budget talks.",
              "Parliament meets again next week to choose a successor."],
        id=2, published=datetime(2024, 3, 3, tzinfo=UTC),
    )  # fmt: skip
    claims = {str(a.id): analyse_claims(a) for a in (reported, named)}
    provenance = trace_story([reported, named], claims)
    assert story_signals("2", claims, provenance).named_source
    alone = {"1": claims["1"]}
    assert not story_signals("1", alone, trace_story([reported], alone)).named_source


def _one_group(earlier: tuple[str, str | None, str], later: tuple[str, str | None, str]) -> tuple[
    list[ClaimGroup], dict[str, list[Claim]]
]:  # fmt: skip
    """Two sentences (sentence, source, source kind) of articles "1" and "2" matched into one group,
    as a loose match or a chain of matches would put them."""
    occurrences, claims = [], {}
    for i, (sentence, source, kind) in enumerate((earlier, later)):
        certainty = "asserted" if kind == "none" else "attributed"
        occurrences.append(
            ClaimOccurrence(i, str(i + 1), sentence, certainty, [], source, False, None, float(i), kind)  # type: ignore[arg-type]
        )
        claims[str(i + 1)] = [Claim(sentence, 0, len(sentence), certainty, [], source, kind, None)]  # type: ignore[arg-type]
    return [ClaimGroup(0, occurrences, {(0, 1)})], claims


def test_a_quote_sharing_only_a_name_and_a_year_with_a_background_line_is_no_update() -> None:
    background = ("Roe helped found Lumen Labs in 2015 before leaving to start a charity.", None, "none")
    quote = (
        "Ms Roe, who helped found the firm in 2015, said on social media she had loved her time there.",
        "Ms Roe", "person",
    )  # fmt: skip
    assert not names_a_reported_claim("2", *_one_group(background, quote))


def test_an_official_giving_another_toll_is_no_named_source_for_the_reported_one() -> None:
    reported = ("At least 1,500 people died in the earthquake, reports say.", "reports", "anonymous")
    official = (
        "The death toll from the earthquake rose to 1,800, home minister Jane Roe said.", "Jane Roe", "person"
    )
    assert not names_a_reported_claim("2", *_one_group(reported, official))
    confirmed = (
        "At least 1,500 people died in the earthquake, home minister Jane Roe said.", "Jane Roe", "person"
    )
    assert names_a_reported_claim("2", *_one_group(reported, confirmed))
