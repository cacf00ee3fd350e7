"""An Atom feed per subscription (RFC 4287): the pull channel, read from the stored alerts.

Entries are keyed by the alert's idempotency key (``urn:newstrace:alert:<key>``), so a feed reader
never shows one alert twice.
"""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

from newstrace.alerts.channels.base import alert_line
from newstrace.alerts.records import Alert, Subscription

ATOM = "http://www.w3.org/2005/Atom"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(subscription: Subscription, alerts: list[Alert], self_url: str, now: datetime) -> bytes:
    """The feed document for one subscription's alerts (newest first)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"urn:newstrace:subscription:{subscription.id}")
    _sub(feed, "title", f"newstrace: {subscription.kind} “{subscription.value}”")
    updated = max((a.created_at for a in alerts), default=subscription.created_at or now)
    _sub(feed, "updated", updated.isoformat())
    _sub(feed, "link", rel="self", href=self_url)
    author = _sub(feed, "author")
    _sub(author, "name", "newstrace")
    for alert in sorted(alerts, key=lambda a: a.created_at, reverse=True):
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:newstrace:alert:{alert.idempotency_key}")
        _sub(entry, "title", f"{alert.content.summary}: {alert.content.title}")
        _sub(entry, "updated", alert.created_at.isoformat())
        _sub(entry, "link", href=alert.content.link)
        _sub(entry, "category", term=alert.kind)
        _sub(entry, "summary", alert_line(alert))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
