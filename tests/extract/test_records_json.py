"""Articles from JSON records: newstrace's export and common data set shapes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newstrace.extract.errors import ExtractionError
from newstrace.extract.records_json import article_from_json_line, article_from_record, parse_datetime
from newstrace.records import Article, Caption


def test_round_trip_of_the_export_format() -> None:
    article = Article(
        title="Quake hits",
        body=["A magnitude 6 earthquake struck.", "No damage."],
        url="https://example.org/a",
        authors=["A. Writer"],
        topics=["quake"],
        captions=[Caption("Rubble.", "Reuters")],
        published=datetime(2020, 1, 2, tzinfo=UTC),
    )
    again = article_from_json_line(json.dumps(article.to_dict()))
    assert (again.title, again.body, again.authors, again.captions, again.published) == (
        article.title,
        article.body,
        article.authors,
        article.captions,
        article.published,
    )
    assert again.source == "example.org"


def test_ecbplus_shape(shared_dir: Path) -> None:
    with (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").open(encoding="utf-8") as handle:
        line = handle.readline()
    article = article_from_json_line(line, "ecbplus-dev.jsonl:1")
    assert article.title.startswith("Perennial party girl Tara Reid")
    assert len(article.body) >= 3


def test_text_without_title_takes_first_line_and_dates_parse() -> None:
    article = article_from_record(
        {"text": "Headline here\nFirst paragraph.\nSecond.", "date": "Tue, 02 Jan 2018 10:00:00 GMT"}
    )
    assert article.title == "Headline here" and article.body == ["First paragraph.", "Second."]
    assert article.published == datetime(2018, 1, 2, 10, tzinfo=UTC)
    assert parse_datetime("not a date") is None


@pytest.mark.parametrize("line", ["{not json", "[1, 2]", '{"title": ""}', '{"url": "https://x.org"}'])
def test_bad_records_are_refused_with_a_reason(line: str) -> None:
    with pytest.raises(ExtractionError):
        article_from_json_line(line)


def test_a_time_stamp_given_as_title_gives_way_to_the_headline(shared_dir: Path) -> None:
    """ECB+ rows whose first scraped line, a time stamp, was taken for the title: the headline is the
    next line (taken out of the text, which keeps the stamp); a title that merely holds a number stays."""
    with (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    stamped = next(r for r in rows if r["title"].startswith("23 July 2013 Last updated at"))
    article = article_from_record(stamped)
    lines = stamped["text"].split("\n")
    assert (article.title, article.body) == (lines[1], [lines[0], *lines[2:]])
    headline = next(r for r in rows if r["title"].startswith("1 dead, 2 hurt"))
    assert article_from_record(headline).title == headline["title"]
    stamps_only = {
        "title": "8: 24am:",
        "text": "8: 24am:\nRed Sox bid for Teixeira\nThe offer is for eight years.",
    }
    assert article_from_record(stamps_only).title == "Red Sox bid for Teixeira"


def test_a_record_of_one_untitled_paragraph_is_titled_by_its_first_sentence() -> None:
    text = "Schwere Erdbeben haben die Region erschüttert. Mehr als 300 Menschen kamen ums Leben."
    article = article_from_record({"text": text, "lang": "de"})
    assert (article.title, article.body) == ("Schwere Erdbeben haben die Region erschüttert.", [text])


def test_an_untitled_record_opening_with_a_paragraph_keeps_it_in_the_text() -> None:
    lead = (
        "Le violent séisme qui a frappé lundi la Turquie et la Syrie a fait plus de 17.100 morts selon un "
        "dernier bilan. Les secours continuent de chercher des survivants."
    )
    article = article_from_record({"text": f"{lead}\n\nLes autorités turques ont décrété un deuil national."})
    assert article.title.startswith("Le violent séisme") and article.title.endswith("dernier bilan.")
    assert article.body[0] == lead and len(article.body) == 2


def test_a_headline_after_a_stamp_with_nothing_else_is_its_own_text() -> None:
    article = article_from_record({"title": "June 06, 2013", "body": ["Swimming star dies at 91"]})
    assert (article.title, article.body) == ("Swimming star dies at 91", ["Swimming star dies at 91"])
