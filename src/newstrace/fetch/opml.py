"""OPML feed lists: import them as Sources, export Sources as OPML 2.0."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import format_datetime
from importlib.resources import files

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as safe_fromstring

from newstrace.records import Source


class OpmlError(ValueError):
    """Content that is not a usable OPML document; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_opml(content: bytes | str) -> list[Source]:
    """Every outline with an ``xmlUrl`` (nested folders included), once per feed URL.

    ``language`` and ``country`` are read from attributes of those names when present (newstrace
    writes them; other readers ignore them).
    """
    try:
        root = safe_fromstring(content)
    except DefusedXmlException as exc:
        raise OpmlError(f"hostile XML: {type(exc).__name__}") from exc
    except (ParseError, ValueError) as exc:
        raise OpmlError(f"malformed XML: {' '.join(str(exc).split())[:160]}") from exc
    if root.tag.lower() != "opml":
        raise OpmlError(f"not OPML: the root element is <{root.tag}>")
    sources: list[Source] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        feed_url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not feed_url.startswith(("http://", "https://")) or feed_url in seen:
            continue
        seen.add(feed_url)
        sources.append(
            Source(
                feed_url=feed_url,
                name=(outline.get("title") or outline.get("text") or "").strip() or None,
                home_url=(outline.get("htmlUrl") or "").strip() or None,
                language=(outline.get("language") or "").strip() or None,
                country=(outline.get("country") or "").strip() or None,
                active=(outline.get("isDisabled") or "").lower() != "true",
            )
        )
    return sources


def write_opml(sources: Iterable[Source], title: str = "newstrace feeds", now: datetime | None = None) -> str:
    """An OPML 2.0 document listing ``sources`` (a disabled source gets ``isDisabled="true"``)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC))
    body = ET.SubElement(root, "body")
    for source in sources:
        attributes = {
            "type": "rss",
            "text": source.name or source.feed_url,
            "title": source.name or source.feed_url,
            "xmlUrl": source.feed_url,
            "htmlUrl": source.home_url,
            "language": source.language,
            "country": source.country,
            "isDisabled": None if source.active else "true",
        }
        ET.SubElement(body, "outline", {k: v for k, v in attributes.items() if v})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def default_sources() -> list[Source]:
    """The editable default feed list shipped with newstrace (``newstrace/data/feeds.opml``)."""
    return read_opml(files("newstrace").joinpath("data", "feeds.opml").read_bytes())
