"""Which of two articles came first: dates, a fetch time only as a bound, and dates carried back."""

from __future__ import annotations

from datetime import UTC, datetime

from newstrace.records import Article
from newstrace.trace.direction import Derivation, derives_by_reuse, no_later_than, published_before, same_time

MARCH_5 = datetime(2024, 3, 5, tzinfo=UTC)
MARCH_6 = datetime(2024, 3, 6, tzinfo=UTC)
FETCHED = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def _article(published: datetime | None = None, fetched: datetime | None = None) -> Article:
    return Article(title="Quay closed", body=["The quay is closed."], published=published, fetched=fetched)


def test_dates_order_two_articles_but_a_fetch_time_is_only_a_bound() -> None:
    assert published_before(_article(MARCH_5), _article(MARCH_6)) is True
    assert published_before(_article(MARCH_6), _article(MARCH_5)) is False
    assert published_before(_article(MARCH_5), _article(MARCH_5)) is None  # a day's date, time unknown
    # fetched long after the other was published: it may be older still
    assert published_before(_article(MARCH_5), _article(fetched=FETCHED)) is None
    assert published_before(_article(fetched=FETCHED), _article(MARCH_5)) is None
    # fetched before the other was published: it existed first
    assert published_before(_article(fetched=MARCH_5), _article(MARCH_6)) is True
    assert published_before(_article(MARCH_6), _article(fetched=MARCH_5)) is False
    assert published_before(_article(fetched=MARCH_5), _article(fetched=MARCH_6)) is None


def test_the_text_with_markedly_more_of_its_words_in_the_other_derives_from_it() -> None:
    assert derives_by_reuse(0.95, 0.70) is True
    assert derives_by_reuse(0.70, 0.95) is False
    assert derives_by_reuse(0.95, 0.93) is None  # a copy: too close to tell


def test_a_date_travels_back_to_undated_sources_but_not_along_a_guess() -> None:
    published = {"a": None, "b": None, "c": MARCH_6, "d": MARCH_5, "e": None}
    derivations = [
        Derivation("a", "b", "reuse"),  # a → b → c: a and b are no later than c
        Derivation("b", "c", "citation"),
        Derivation("a", "d", "reuse"),  # and a no later than d, which is earlier
        Derivation("e", "d", "seen"),  # only the order seen: no date travels
    ]
    bounds = no_later_than(published, derivations)
    assert set(bounds) == {"a", "b"}
    assert (bounds["a"].time, bounds["a"].dated_key, bounds["a"].basis) == (MARCH_5, "d", "reuse")
    assert (bounds["b"].time, bounds["b"].dated_key, bounds["b"].basis) == (MARCH_6, "c", "citation")


def test_a_days_date_does_not_order_an_article_against_a_time_on_that_day() -> None:
    noon = datetime(2024, 3, 5, 11, 46, tzinfo=UTC)
    assert published_before(_article(MARCH_5), _article(noon)) is None
    assert published_before(_article(noon), _article(MARCH_6)) is True
    assert same_time(MARCH_5, noon) and not same_time(noon, noon.replace(hour=12))
