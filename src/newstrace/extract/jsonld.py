"""Read the article's JSON-LD (schema.org) block: headline, authors, dates, keywords, publisher.

Pages often carry several blocks (Organization, WebSite, BreadcrumbList, Article …), sometimes in an
``@graph``, sometimes as a list, sometimes with broken JSON. We pick the first node whose ``@type``
is an article type, resolve ``{"@id": …}`` references to people within the page, and keep only
plain strings.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle",
        "techarticle", "liveblogposting", "posting", "socialmediaposting", "report", "medicalwebpage",
        "medicalscholarlyarticle", "advertisertcontentarticle", "satiricalarticle", "howto", "recipe",
    }
)  # fmt: skip
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "faqpage", "qapage", "collectionpage"})

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(slots=True)
class LinkedData:
    """What the page's JSON-LD says about its article (empty fields when it says nothing)."""

    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    author_is_organisation: bool = False
    date_published: str | None = None
    date_modified: str | None = None
    keywords: list[str] = field(default_factory=list)
    description: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    page_name: str | None = None


def _load_block(text: str) -> Any:
    text = _CONTROL_RE.sub(" ", text.strip())
    if text.startswith("<!--"):
        text = text.removeprefix("<!--").removesuffix("-->")
    try:
        return json.loads(text)
    except ValueError:
        # a trailing comma or a second object glued on: try the longest prefix that parses
        try:
            value, _ = json.JSONDecoder().raw_decode(text)
            return value
        except ValueError:
            return None


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _nodes(value["@graph"])


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds}


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float) and str(value).strip():
        return " ".join(html.unescape(str(value)).split())
    return None


def _people(value: Any, by_id: dict[str, dict[str, Any]]) -> tuple[list[str], bool]:
    """Names of the authors, and whether they are organisations rather than people."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    organisation = False
    for item in items:
        if isinstance(item, dict) and "name" not in item and str(item.get("@id")) in by_id:
            item = by_id[str(item.get("@id"))]
        if isinstance(item, dict) and "organization" in _types(item):
            organisation = True
        name = _text(item)
        if name and name not in names:
            names.append(name)
    return names, organisation


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        parts = re.split(r"\s*[,;]\s*", value)
    elif isinstance(value, list):
        parts = [p for p in (_text(v) for v in value) if p]
    else:
        parts = []
    return [" ".join(p.split()) for p in parts if p.strip()]


def read_linked_data(tree: HtmlElement) -> LinkedData:
    """The article node of the page's JSON-LD blocks (or an empty record)."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        nodes.extend(_nodes(_load_block(script.text)))
    by_id = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    data = LinkedData()
    article = next((n for n in nodes if _types(n) & ARTICLE_TYPES), None)
    page = next((n for n in nodes if _types(n) & PAGE_TYPES), None)
    site = next((n for n in nodes if "website" in _types(n)), None)
    if site is not None:
        data.site_name = _text(site.get("name"))
    if page is not None:
        data.page_name = _text(page.get("name"))
    node = article or page
    if node is None:
        return data
    data.headline = _text(node.get("headline")) or _text(node.get("name"))
    data.authors, data.author_is_organisation = _people(node.get("author"), by_id)
    data.date_published = _text(node.get("datePublished")) or _text(node.get("dateCreated"))
    data.date_modified = _text(node.get("dateModified"))
    data.keywords = _keywords(node.get("keywords"))
    data.description = _text(node.get("description"))
    publisher = node.get("publisher")
    if isinstance(publisher, dict) and "name" not in publisher and str(publisher.get("@id")) in by_id:
        publisher = by_id[str(publisher.get("@id"))]
    data.publisher = _text(publisher)
    data.url = _text(node.get("url")) or _text(node.get("mainEntityOfPage"))
    data.language = _text(node.get("inLanguage"))
    if page is not None and not data.date_published:
        data.date_published = _text(page.get("datePublished"))
    return data
