"""A wire dateline's day dates an article the page gives no date, in the year of its story."""

from __future__ import annotations

from datetime import UTC, datetime

from newstrace.records import Article
from newstrace.trace.datelines import dated_by_dateline, dateline_day


def test_a_datelines_day_dates_an_undated_article_in_the_year_of_its_story() -> None:
    dated = Article(
        title="Quay shut", body=["The quay was shut."], published=datetime(2019, 2, 18, 9, tzinfo=UTC)
    )
    wire = Article(title="Inquiry opened", body=["HARBOURTOWN, February 19. /HRZ/. An inquiry was opened."],
                   url="https://example.org/inquiry")  # fmt: skip
    assert dateline_day(wire) == (2, 19, None)
    articles, by_dateline = dated_by_dateline([dated, wire])
    assert articles[1].published == datetime(2019, 2, 19, tzinfo=UTC) and by_dateline == {wire.key}
    # a day far from every dated article of the story is another year's, or a misread: no date
    far = Article(title="Old inquiry", body=["HARBOURTOWN, August 3. /HRZ/. An inquiry closed."])
    assert dated_by_dateline([dated, far])[0][1].published is None
    # a story with no dated article gives no year
    assert dated_by_dateline([wire])[0][0].published is None


def test_a_dateline_opening_the_standfirst_dates_the_article_too() -> None:
    dated = Article(
        title="Quay shut", body=["The quay was shut."], published=datetime(2019, 2, 18, 9, tzinfo=UTC)
    )
    wire = Article(
        title="Inquiry opened",
        standfirst="HARBOURTOWN, Feb 19 (Clarion Wire) - An inquiry into the quay was opened.",
        body=["The port authority said it would cooperate."],
        url="https://example.org/inquiry-opened",
    )
    assert dateline_day(wire) == (2, 19, None)
    assert dated_by_dateline([dated, wire])[0][1].published == datetime(2019, 2, 19, tzinfo=UTC)
