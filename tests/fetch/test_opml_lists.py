"""OPML import/export, and the default feed list shipped with newstrace."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newstrace.fetch.detect import detect_kind
from newstrace.fetch.opml import OpmlError, default_sources, read_opml, write_opml
from newstrace.records import Source

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
  <outline text="World">
    <outline type="rss" text="Example World" title="Example World" xmlUrl="https://news.example/world.xml"
      htmlUrl="https://news.example/world"/>
    <outline text="Deeper"><outline type="rss" text="Wire" xmlUrl="https://wire.example/rss"/></outline>
  </outline>
  <outline type="rss" text="Duplicate" xmlUrl="https://news.example/world.xml"/>
  <outline type="link" text="Not a feed" url="https://blog.example/"/>
  <outline type="rss" text="Bad scheme" xmlUrl="javascript:alert(1)"/>
</body></opml>"""


def test_nested_outlines_are_read_once_each() -> None:
    sources = read_opml(NESTED)
    assert [(s.feed_url, s.name, s.home_url) for s in sources] == [
        ("https://news.example/world.xml", "Example World", "https://news.example/world"),
        ("https://wire.example/rss", "Wire", None),
    ]


def test_round_trip_keeps_everything() -> None:
    sources = [
        Source("https://news.example/rss", name="News & Views <EN>", home_url="https://news.example/",
               language="en", country="GB"),
        Source("https://nachrichten.example/feed", name="Nachrichten", language="de", country="DE",
               active=False),
    ]
    text = write_opml(sources, now=datetime(2026, 11, 26, tzinfo=UTC))
    assert detect_kind(text.encode()) == "opml"
    assert read_opml(text) == sources


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<rss version='2.0'/>", "not OPML: the root element is <rss>"),
        (b"<opml><body><outline", "malformed XML"),
        (b'<!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body><outline text="&a;"/></body></opml>',
         "hostile XML: EntitiesForbidden"),
    ],
)
def test_bad_opml(content: bytes, reason: str) -> None:
    with pytest.raises(OpmlError) as refused:
        read_opml(content)
    assert refused.value.reason.startswith(reason)


def test_the_default_list_is_broad() -> None:
    sources = default_sources()
    assert 25 <= len(sources) <= 40
    assert len({s.feed_url for s in sources}) == len(sources)
    assert all(s.feed_url.startswith("https://") and s.name and s.language and s.country for s in sources)
    assert len({s.language for s in sources}) >= 8
    assert len({s.country for s in sources}) >= 15
