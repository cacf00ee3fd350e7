"""Update events from a story's provenance: which drift belongs to the article that just joined."""

from __future__ import annotations

from datetime import UTC, datetime

from newstrace.alerts.events import story_signals
from newstrace.analyse.claims import analyse_claims
from newstrace.records import Article
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
