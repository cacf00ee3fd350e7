"""Head lines of scraped text: date stamps that are never headlines."""

from __future__ import annotations

import pytest

from newstrace.extract.text_head import is_time_stamp


@pytest.mark.parametrize(
    "line",
    [
        "Saturday, August 24, 2013",
        "23 July 2013 Last updated at 13: 42 GMT",
        "9: 53 AM, MON 22 JUL 2013",
        "Sunday, March 17, 2013 | 5: 00 PM",
        "11 / 28 / 05",
        "8: 24am:",
        "Published on Friday, 27 September 2013",
        "Updated 1:39 am, November 20, 2019",
    ],
)
def test_date_and_time_stamps(line: str) -> None:
    assert is_time_stamp(line)


@pytest.mark.parametrize(
    "line",
    [
        "27 / 09 / 2013-Turkmenistan to hold first-ever parliamentary elections",
        "1 dead, 2 hurt in Mich. office shooting",
        "May Day rally at 5 pm",
        "THE WHITE HOUSE",
        "1/2 of voters undecided",
        "",
    ],
)
def test_headlines_holding_numbers_are_not_stamps(line: str) -> None:
    assert not is_time_stamp(line)
