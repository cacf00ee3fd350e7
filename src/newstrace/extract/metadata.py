"""Article metadata from an HTML page: JSON-LD, OpenGraph, ``<meta>``, the visible headline and byline.

:func:`read_page_metadata` gathers what the page declares; :func:`resolve_metadata` chooses one
value per field. Trafilatura's own guesses (its htmldate date, its title and author) come in as a
:class:`FallbackMetadata` and are used only where the page's structured data says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newstrace.extract.authors import choose_authors, site_owner
from newstrace.extract.bylines import Byline, prefixed_bylines, visible_bylines
from newstrace.extract.jsonld import LinkedData, read_linked_data
from newstrace.extract.titles import (
    H1_AGREEMENT,
    LONE_H1_WORDS,
    TAIL_PART_WORDS,
    choose_title,
    normalise_title,
    title_parts,
)

_DATE_META_KEYS: tuple[str, ...] = (
    "article:published_time", "og:article:published_time", "datepublished", "publishdate",
    "publish-date", "publish_date", "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "published_time", "citation_publication_date",
)  # fmt: skip
_AUTHOR_META_KEYS: tuple[str, ...] = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
)
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MIN_STANDFIRST_WORDS = 6
_MAX_TOPIC_WORDS = 6  # shorter descriptions are taglines or keyword lists


@dataclass(slots=True)
class FallbackMetadata:
    """Guesses from another extractor (trafilatura), used when the page declares nothing better."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    description: str | None = None


@dataclass(slots=True)
class PageMetadata:
    """What a page declares about itself, before choosing."""

    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property → contents
    linked: LinkedData = field(default_factory=LinkedData)
    title_tag: str | None = None
    h1s: list[str] = field(default_factory=list)
    canonical: str | None = None
    html_lang: str | None = None
    bylines: list[Byline] = field(default_factory=list)
    time_elements: list[str] = field(default_factory=list)  # datetime attributes of <time>, in page order
    dek: str | None = None  # a visible standfirst element's text

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, []):
                if value.strip():
                    return " ".join(value.split())
        return None


DateSource = Literal["meta", "jsonld", "time", "htmldate", "jsonld_modified", "meta_modified"]


@dataclass(frozen=True, slots=True)
class MetadataPolicy:
    """The choices :func:`resolve_metadata` makes, as settings so the benchmark can cross-validate them.

    Defaults were chosen by 5-fold cross-validation over the 711 WCXB pages (``python
    benchmarks/wcxb.py --cv``: each fold picks the value best on the other four folds and is
    scored on its own pages; the script prints the held-out figure and each fold's choice).
    """

    # where the publication date is read, first found wins. Every fold put <meta> (or JSON-LD)
    # first and a <time> element before htmldate's guess; the folds differed only on where JSON-LD
    # goes, orders within 0.5 % of each other (held-out 0.844). Modified dates lose: when they
    # differ from the published date, the published date is right on 9 pages in 10.
    date_order: tuple[DateSource, ...] = ("meta", "jsonld", "time", "htmldate")
    # a structured author (JSON-LD, meta) that names the site is taken when nothing else names
    # anyone (one-person blogs; organisations credited as author); 5 folds of 5 chose True
    site_as_last_resort: bool = True
    # when nothing names anyone, a site named after a person (og:site_name or <title> suffix
    # "Ann Lee" on annlee.dev) is taken as the author; 5 folds of 5 chose True (held-out names 0.841)
    site_owner: bool = True
    # share of words an <h1> must share with a suffix-free meta title to be taken as the headline;
    # 5 folds of 5 chose 0.6 (held-out title exact 0.893)
    h1_agreement: float = H1_AGREEMENT
    # a lone <h1> at least this many words long is the headline (None: only when it agrees);
    # 4 folds of 5 chose 7, one 9 (held-out title exact 0.892)
    lone_h1_words: int | None = LONE_H1_WORDS
    # a chosen title's last " | part" / " - part" of at most this many words is dropped (None:
    # never); 3 folds of 5 chose 4, one 2, one 5 (held-out title exact 0.890)
    tail_part_words: int | None = TAIL_PART_WORDS


@dataclass(slots=True)
class ArticleMetadata:
    """One value per field, as the Article record wants them."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    canonical_url: str | None = None
    source: str | None = None
    language: str | None = None
    standfirst: str | None = None
    topics: list[str] = field(default_factory=list)


def read_page_metadata(tree: HtmlElement) -> PageMetadata:
    """Collect meta tags, JSON-LD, the title, the ``<h1>`` headlines and the visible byline."""
    page = PageMetadata(linked=read_linked_data(tree))
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content:
            page.meta.setdefault(key.strip().lower(), []).append(content)
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        page.title_tag = " ".join(title.text_content().split())
    page.h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    page.h1s = [h for h in page.h1s if h]
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            page.canonical = link.get("href", "").strip()
            break
    root = tree.getroottree().getroot()
    page.html_lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    page.bylines = visible_bylines(tree)
    page.bylines += [b for b in prefixed_bylines(tree) if all(b.names != seen.names for seen in page.bylines)]
    page.dek = _visible_dek(tree)
    page.time_elements = [t.get("datetime", "") for t in tree.iter("time") if t.get("datetime")]
    return page


def parse_date(text: str | None) -> datetime | None:
    """An ISO-like date or datetime ("2025-01-29T20:47:55+00:00", "2025-01-29"), else None."""
    if not text:
        return None
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        match = _ISO_DATE_RE.search(text)
        if not match:
            return None
        try:
            return datetime(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None


def _site_names(page: PageMetadata, url: str | None, fallback: FallbackMetadata) -> list[str]:
    names = [
        page.first("og:site_name", "application-name", "twitter:site"),
        page.linked.site_name,
        page.linked.publisher,
        fallback.sitename,
    ]
    host = urlsplit(url or page.canonical or "").hostname
    if host:
        host = host.removeprefix("www.")
        names += [host, host.rsplit(".", 1)[0]]
    return [n.lstrip("@") for n in names if n]


_DEK_CLASS_RE = re.compile(
    r"standfirst|(?:^|[-_ ])dek(?:$|[-_ ])|subhead|sub-title|subtitle|strapline|article-summary|"
    r"(?:^|[-_ ])lede(?:$|[-_ ])|article__summary|summary-text",
    re.IGNORECASE,
)
_MAX_STANDFIRST_WORDS = 80


def _visible_dek(tree: HtmlElement) -> str | None:
    """The text of the first element styled as a standfirst (dek, subhead, strapline)."""
    for element in tree.iter("p", "div", "h2", "span"):
        if _DEK_CLASS_RE.search(element.get("class") or ""):
            text = " ".join(element.text_content().split())
            if _MIN_STANDFIRST_WORDS <= len(text.split()) <= _MAX_STANDFIRST_WORDS:
                return text
    return None


def _standfirst(page: PageMetadata, fallback: FallbackMetadata) -> str | None:
    """A visible standfirst, else the page's description when it is long enough to be one.

    Whether a description is a dek or merely the body's first sentence is decided by the caller,
    which has the body (:func:`newstrace.extract.html.extract_html_article`).
    """
    if page.dek:
        return page.dek
    text = page.first("og:description", "description", "twitter:description") or page.linked.description
    text = text or fallback.description
    if text and _MIN_STANDFIRST_WORDS <= len(text.split()) <= _MAX_STANDFIRST_WORDS:
        return text
    return None


def _topics(page: PageMetadata) -> list[str]:
    topics: list[str] = []
    raw = page.meta.get("article:tag", []) + page.linked.keywords
    if not raw and page.first("news_keywords", "keywords"):
        raw = re.split(r"\s*[,;]\s*", page.first("news_keywords", "keywords") or "")
    for topic in raw:
        topic = " ".join(topic.split())
        if "@" in topic or "," in topic or len(topic.split()) > _MAX_TOPIC_WORDS:
            continue  # CMS codes ("@section,a-b") and sentences are not topics
        if topic and normalise_title(topic) not in {normalise_title(t) for t in topics}:
            topics.append(topic)
    return topics


def _language(page: PageMetadata) -> str | None:
    lang = page.html_lang or page.first("og:locale", "content-language", "language") or page.linked.language
    if not lang:
        return None
    return lang.replace("_", "-").split("-")[0].lower() or None


def _date_text(page: PageMetadata, fallback: FallbackMetadata, source: DateSource) -> str | None:
    if source == "meta":
        return page.first(*_DATE_META_KEYS)
    if source == "jsonld":
        return page.linked.date_published
    if source == "time":
        return page.time_elements[0] if page.time_elements else None
    if source == "htmldate":
        return fallback.date
    if source == "jsonld_modified":
        return page.linked.date_modified
    return page.first("article:modified_time", "og:updated_time", "datemodified", "last-modified")


def choose_date(
    page: PageMetadata, fallback: FallbackMetadata, order: tuple[DateSource, ...]
) -> datetime | None:
    """The first parseable date from the sources in ``order``."""
    for source in order:
        published = parse_date(_date_text(page, fallback, source))
        if published is not None:
            return published
    return None


def _owner_names(page: PageMetadata, sites: list[str]) -> list[str]:
    """The site's declared names and the last part of its <title> ("Headline | Ann Lee")."""
    names = [n for n in sites if "." not in n]
    for title in (page.title_tag, page.first("og:title")):
        parts = title_parts(title or "")
        if len(parts) > 1:
            names.append(parts[-1])
    return names


def resolve_metadata(
    page: PageMetadata, url: str | None, fallback: FallbackMetadata, policy: MetadataPolicy | None = None
) -> ArticleMetadata:
    """Choose each field from what the page declares, falling back on trafilatura's guesses."""
    policy = policy or MetadataPolicy()
    sites = _site_names(page, url, fallback)
    meta_titles = [
        t
        for t in (
            page.linked.headline,
            page.first("og:title", "twitter:title"),
            page.title_tag,
            fallback.title,
        )
        if t
    ]
    structured = [page.linked.authors] if page.linked.authors else []
    for key in _AUTHOR_META_KEYS:
        value = page.first(key)
        if value and not value.startswith(("http://", "https://")):
            structured.append([value])
    if fallback.author:
        structured.append(fallback.author.split("; "))
    canonical = page.canonical or page.first("og:url")
    authors = choose_authors(page.bylines, structured, sites, policy.site_as_last_resort)
    if not authors and policy.site_owner:
        authors = site_owner(_owner_names(page, sites), urlsplit(url or page.canonical or "").hostname)
    return ArticleMetadata(
        title=choose_title(
            page.h1s, meta_titles, sites, policy.h1_agreement, policy.lone_h1_words, policy.tail_part_words
        ),
        authors=authors,
        published=choose_date(page, fallback, policy.date_order),
        canonical_url=urljoin(url or "", canonical) if canonical else None,
        source=sites[0] if sites else None,
        language=_language(page),
        standfirst=_standfirst(page, fallback),
        topics=_topics(page),
    )
