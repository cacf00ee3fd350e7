"""Head lines of scraped text: date stamps that are never headlines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newstrace.extract.text_head import (
    is_byline,
    is_date_line,
    is_dated_label,
    is_published_note,
    is_time_stamp,
    parse_byline,
    parse_date,
    split_dated_byline,
    staff_byline,
    wire_credit_authors,
)


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
        "Last Updated : 07 March 2022, 21:15 IST",
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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated 1:39 am, November 20, 2019", datetime(2019, 11, 20, 1, 39)),  # no zone: as printed
        ("Posted: Mar. 4, 2021 11:46 AM", datetime(2021, 3, 4, 11, 46)),  # the page's own time: no zone
        ("9 September 2013 Last updated at 14: 39 GMT", datetime(2013, 9, 9, 14, 39, tzinfo=UTC)),
        ("Posted Jun 21, 2023 12:01 AM CDT", datetime(2023, 6, 21, 5, 1, tzinfo=UTC)),
        ("Updated 9:23 a.m. ET, June 21, 2023", datetime(2023, 6, 21, 13, 23, tzinfo=UTC)),  # EDT in June
        ("December 5, 2008 9:00 PM ET", datetime(2008, 12, 6, 2, 0, tzinfo=UTC)),  # EST in December
        ("20.06.2023 14.39", datetime(2023, 6, 20, 14, 39)),
        ("Saturday, August 24, 2013", datetime(2013, 8, 24)),
        ("June 3, 2019, 25 years on", datetime(2019, 6, 3)),  # a bare number is no time
        ("Harbourtown 10/25/2011 12:42:55 AM", datetime(2011, 10, 25, 0, 42)),  # the day settles the order
        ("25/10/2011 14:05", datetime(2011, 10, 25, 14, 5)),
        ("Postado Setembro 22, 2017", datetime(2017, 9, 22)),
        ("22 сентября 2017", datetime(2017, 9, 22)),
        ("22/06/2016 12h44 - Atualizado em 22/06/2016 14h36", datetime(2016, 6, 22, 12, 44)),
        ("Last Updated : 07 March 2022, 21:15 IST", datetime(2022, 3, 7, 15, 45, tzinfo=UTC)),  # UTC+5:30
        ("Updated: Feb 09, 2021, 04:20 PM SGT", datetime(2021, 2, 9, 8, 20, tzinfo=UTC)),
    ],
)
def test_dates_carry_the_printed_time_in_utc_when_a_zone_is_named(line: str, expected: datetime) -> None:
    parsed = parse_date(line)
    assert parsed == expected
    assert parsed is not None and parsed.tzinfo == expected.tzinfo  # no zone is claimed for a local time


def test_a_slashed_date_whose_order_is_unknown_is_no_date() -> None:
    assert parse_date("10/11/2011") is None


def test_a_relative_update_time_keeps_a_line_a_stamp() -> None:
    assert is_time_stamp("Published: Jun. 20, 2023 at 11:10 PM CDT|Updated: 42 minutes ago")


def test_a_wire_credit_names_its_reporters_not_its_editors() -> None:
    line = "Reporting by Ada Marsh and Ben Quay; Additional reporting by Cy Dock; Editing by Dee Eel"
    assert wire_credit_authors(line) == ["Ada Marsh", "Ben Quay", "Cy Dock"]
    assert wire_credit_authors("(Writing by Ada Marsh; editing by Ben Quay)") == ["Ada Marsh"]
    assert wire_credit_authors("The ferry operator said it would cut its routes.") == []


@pytest.mark.parametrize(
    ("line", "desk"),
    [("Staff Reporter", "Staff Reporter"), ("By Gazette Staff", "Gazette Staff"),
     ("- By Staff Writer", "Staff Writer"), ("Web Desk", "Web Desk"), ("Staff", None),
     ("Staff Sgt. Mia Holt", None), ("Staff shortages at the port", None),
     ("The staff of the harbour office", None), ("Mia Holt", None)],
)  # fmt: skip
def test_a_desk_byline_names_the_desk_and_nothing_else_does(line: str, desk: str | None) -> None:
    assert staff_byline(line) == desk


@pytest.mark.parametrize("line", ["Regional News of Thursday, 7 March 2024", "World | May 3, 2021"])
def test_a_section_label_with_its_date_is_a_dated_label(line: str) -> None:
    assert is_dated_label(line)


@pytest.mark.parametrize(
    "line", ["Storm kills 5 on May 3, 2021", "Thursday, 7 March 2024", "Harbour reopens"]
)
def test_headlines_and_bare_dates_are_no_dated_labels(line: str) -> None:
    assert not is_dated_label(line)


def test_a_stations_name_is_no_byline() -> None:
    assert not is_byline("Harbourtown Radio Online")
    assert not is_byline("Quay TV")
    assert is_byline("Jane Roe")


def test_a_stamp_with_its_last_change_is_a_stamp_and_dates_the_page() -> None:
    line = "12:00 AM, March 4, 2021 / LAST MODIFIED: 12:00 AM, March 4, 2021"
    assert is_time_stamp(line)
    assert parse_date(line) == datetime(2021, 3, 4)
    assert is_time_stamp("Sun., Mar. 7, 2021")


def test_a_note_saying_when_the_article_was_published_is_a_date_line() -> None:
    note = "This article was published March 4, 2021 at 4:30 a.m."
    assert is_published_note(note) and is_date_line(note)
    assert parse_date(note) == datetime(2021, 3, 4, 4, 30)
    assert not is_date_line("The ferry, built on March 4, 2021, ran aground near the quay on Sunday.")


def test_a_date_and_a_byline_on_one_line_are_both_read() -> None:
    assert split_dated_byline("Posted March 4, 2021, by Harbour 9 Web Staff") == (
        "Posted March 4, 2021",
        "by Harbour 9 Web Staff",
    )
    assert split_dated_byline("March 4, 2021 by Jane Roe") == ("March 4, 2021", "by Jane Roe")
    assert split_dated_byline("By 2030 the harbour will be closed") is None


def test_a_desk_compiling_wire_reports_is_a_desk_byline() -> None:
    assert staff_byline("Compiled by Quayside-Courier staff from wire reports") == "Quayside-Courier staff"


def test_an_outlet_after_the_reporters_name_is_no_author_and_an_outlet_alone_no_byline() -> None:
    assert parse_byline("By Jane Roe, Harbour Wire") == ["Jane Roe"]
    assert parse_byline("By: Jane Roe (Quayside News)") == ["Jane Roe"]
    assert parse_byline("Jane Roe and Mia Holt Quayside Courier") == ["Jane Roe", "Mia Holt"]
    assert is_byline("By Jane Roe, Harbour Wire")
    assert not is_byline("Port Calder Enquirer")
