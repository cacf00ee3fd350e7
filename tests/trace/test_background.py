"""Background: a sentence naming a date well before the story's start."""

from __future__ import annotations

from datetime import UTC, datetime

from newstrace.trace.background import is_background

START = datetime(2031, 4, 19, tzinfo=UTC)


def test_an_earlier_day_month_or_year_is_background() -> None:
    assert is_background("The skipper announced his retirement on February 7 in a video.", START)
    assert is_background("In July 2029, the Gazette reported the yard had closed.", START)
    assert is_background("The ferry first sailed in 2019.", START)


def test_the_story_own_days_and_dates_to_come_are_not() -> None:
    assert not is_background("The crane fell on April 18, the harbour master said.", START)
    assert not is_background("The inquiry opens on the May 2 sitting.", START)  # a date to come
    assert not is_background("It was claimed he had moved out in April.", START)
    assert not is_background("The crane fell on Tuesday.", START)
    assert not is_background("The skipper retired on February 7.", None)  # no date to compare with
