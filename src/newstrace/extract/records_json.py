"""Articles from JSON objects: newstrace's own export, and the common shapes of news data sets.

Accepted keys (first found wins): title; body (list of paragraphs) or text/content/articleBody
(paragraphs split on blank lines, else on lines); url/link; canonical_url; source/outlet/site;
standfirst/description/summary; authors/author/byline; published/date/published_at/datePublished;
language/lang; captions; cited_sources; topics/tags/keywords.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from newstrace.extract.cues import site_of
from newstrace.extract.errors import ExtractionError
from newstrace.extract.text_head import is_time_stamp
from newstrace.records import Article, Caption

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-ZÀ-ÖØ-Þ0-9])")
_TITLE_WORDS = 25  # longest headline
_SHORT_TITLE_WORDS = 15  # a line this short is a headline even with a full stop


def _first(record: dict[str, Any], *names: str) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def parse_datetime(value: Any) -> datetime | None:
    """ISO 8601, RFC 2822 or a Unix timestamp; naive times are taken as UTC."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, UTC)
    text = str(value).strip()
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _paragraphs(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(p).strip() for p in value if str(p).strip()]
    text = str(value or "").strip()
    parts = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    return [p.strip() for p in parts if p.strip()]


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[;,|]", value) if v.strip()]
    out = []
    for item in value:
        name = item.get("name") if isinstance(item, dict) else item
        if name and str(name).strip():
            out.append(str(name).strip())
    return out


def _captions(value: Any) -> list[Caption]:
    captions = []
    for item in value or []:
        if isinstance(item, dict) and item.get("text"):
            captions.append(Caption(text=str(item["text"]), credit=item.get("credit")))
        elif isinstance(item, str) and item.strip():
            captions.append(Caption(text=item.strip()))
    return captions


def _title_from_text(body: list[str]) -> tuple[str, list[str]]:
    """A record without a title: its first line when that is headline-shaped, else the first
    sentence of its first paragraph (which stays in the text)."""
    size = len(body[0].split())
    if len(body) > 1 and (size <= _SHORT_TITLE_WORDS or (size <= _TITLE_WORDS and not body[0].endswith("."))):
        return body[0], body[1:]
    words = _SENTENCE_END.split(body[0], maxsplit=1)[0].split()
    return " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else ""), body


def _headline_after_stamps(body: list[str]) -> tuple[str | None, list[str]]:
    """The first paragraph that is not a time stamp, as the title, and the text without it (with it,
    when it is the only text: a headline alone is its own text)."""
    index = next((i for i, p in enumerate(body) if not is_time_stamp(p)), None)
    if index is None:
        return None, body
    rest = body[:index] + body[index + 1 :]
    return body[index], rest if any(not is_time_stamp(p) for p in rest) else body


def article_from_record(record: dict[str, Any], location: str | None = None) -> Article:
    """Build an Article from one JSON object; raise ExtractionError when it holds no article."""
    if not isinstance(record, dict):
        raise ExtractionError(f"expected a JSON object, got {type(record).__name__}")
    body = _paragraphs(_first(record, "body", "text", "content", "articleBody", "maintext"))
    title = _first(record, "title", "headline")
    if title and is_time_stamp(str(title)):  # a scraped page's time stamp taken for its title
        title, body = _headline_after_stamps(body)
    if not title and body:
        title, body = _title_from_text(body)
    if not title or not (body or record.get("standfirst")):
        raise ExtractionError("the record has no title and text")
    url = _first(record, "url", "link")
    source = _first(record, "source", "outlet", "site", "source_domain")
    if isinstance(source, dict):
        source = source.get("name") or source.get("domain")
    if not source and url:
        source = site_of(str(url))
    return Article(
        title=" ".join(str(title).split()),
        body=body,
        url=str(url) if url else None,
        canonical_url=_first(record, "canonical_url"),
        source=str(source) if source else None,
        standfirst=_first(record, "standfirst", "description", "summary"),
        authors=_names(_first(record, "authors", "author", "byline")),
        published=parse_datetime(_first(record, "published", "date", "published_at", "datePublished")),
        fetched=parse_datetime(_first(record, "fetched", "fetched_at")),
        language=_first(record, "language", "lang"),
        captions=_captions(record.get("captions")),
        cited_sources=_names(record.get("cited_sources")),
        topics=_names(_first(record, "topics", "tags", "keywords")),
        extracted_by=str(record.get("extracted_by") or "jsonl"),
        location=location,
    )


def article_from_json_line(line: bytes | str, location: str | None = None) -> Article:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ExtractionError(f"not valid JSON: {error}") from error
    return article_from_record(record, location)
