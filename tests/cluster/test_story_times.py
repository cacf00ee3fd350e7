"""When a story was first and last seen: publication dates, fetch times only for a story with none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstrace.cluster.stories import StoryClusterer
from newstrace.records import Article

_LINES = (
    "The harbour authority of Port Averley closed the northern quay after a crane collapsed.",
    "Two dock workers were treated for minor injuries, the authority said in a statement.",
    "Engineers will inspect the remaining cranes on the quay before it reopens to shipping.",
)
_ARCHIVE = datetime(2019, 4, 2, 8, 0)
_TODAY = datetime(2031, 6, 1, 9, 0)


def _report(
    i: int, published: datetime | None = None, fetched: datetime | None = None, article_id: int = 0
) -> Article:
    return Article(
        id=article_id or i + 1,
        title=f"Crane collapse closes Port Averley quay {'abc'[i % 3]}",
        body=list(_LINES),
        language="en",
        published=published,
        fetched=fetched,
    )


def _story(articles: list[Article]) -> tuple[datetime | None, datetime | None]:
    clusterer = StoryClusterer()
    for article in articles:
        clusterer.add_known(article, 7)
    story = clusterer.story_summary(7)
    return story.first_seen, story.last_seen


def test_an_old_article_read_today_does_not_make_its_story_news_of_today() -> None:
    dated = _report(0, published=_ARCHIVE, fetched=_TODAY)
    undated = _report(1, fetched=_TODAY + timedelta(hours=2))
    assert _story([dated, undated]) == (_ARCHIVE, _ARCHIVE)
    assert _story([undated, dated]) == (_ARCHIVE, _ARCHIVE)  # whichever came first


def test_a_story_with_no_dated_member_is_seen_at_its_fetch_times() -> None:
    first, later = _report(0, fetched=_TODAY), _report(1, fetched=_TODAY + timedelta(hours=5))
    assert _story([later, first]) == (_TODAY, _TODAY + timedelta(hours=5))


def test_dated_members_span_the_story_and_zones_are_read_as_utc() -> None:
    early = _report(0, published=datetime(2019, 4, 2, 10, 0, tzinfo=UTC))
    late = _report(1, published=datetime(2019, 4, 3, 12, 30))
    read_later = _report(2, fetched=datetime(2019, 4, 9))
    assert _story([early, read_later, late]) == (datetime(2019, 4, 2, 10, 0), datetime(2019, 4, 3, 12, 30))
