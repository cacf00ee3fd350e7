"""The records that travel along the pipeline: plain dataclasses, no behaviour beyond small helpers.

fetch → ``RawDocument`` → extract → ``Article`` → analyse (``Claim``, ``Entity``) → store →
cluster (``Story``) → trace (``Provenance``) → alert (``Alert``).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

import numpy as np

InputKind = Literal["text", "html", "feed", "warc", "jsonl", "sitemap", "urls", "opml"]
Certainty = Literal["asserted", "attributed", "hedged", "speculative", "denied"]
SourceKind = Literal["person", "organisation", "outlet", "footage", "anonymous", "none"]


def source_kind_label(kind: str) -> str:
    """How a source kind reads to people: "footage" stands for any record that speaks for itself
    (a video, a document, a statement, a post, a poll), so it is shown as "document/footage"."""
    return "document/footage" if kind == "footage" else kind
EntityKind = Literal["person", "organisation", "place", "other"]


@dataclass(slots=True)
class RawDocument:
    """One input item as fetched or read, before extraction.

    ``location`` names the item for people (a URL, a path, ``path#line`` or ``warc#offset``).
    ``content`` holds the bytes as received; ``kind`` is detected from the content.
    """

    location: str
    content: bytes
    kind: InputKind
    url: str | None = None
    fetched_at: datetime | None = None
    content_type: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)  # e.g. title/date from a feed entry

    @property
    def raw_hash(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(slots=True)
class Article:
    """A clean article: what every later stage reads."""

    title: str
    body: list[str]  # paragraphs
    url: str | None = None
    canonical_url: str | None = None
    source: str | None = None  # the outlet (domain or name)
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    fetched: datetime | None = None
    language: str | None = None
    captions: list[Caption] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    extracted_by: str = ""  # e.g. "text-rules/1", "trafilatura+meta/1", "jsonl"
    raw_hash: str | None = None
    location: str | None = None  # where the input came from
    id: int | None = None  # assigned by the store
    story_id: int | None = None
    copy_of: int | None = None  # near-duplicate of an earlier article
    # Multilingual sentence vector (``analyse.embedding``), computed once for story linking.
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def byline(self) -> str | None:
        return ", ".join(self.authors) or None

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)

    @property
    def content_hash(self) -> str:
        """Hash of what a reader sees: title and body, whitespace-normalised."""
        norm = " ".join((self.title + "\n" + self.text).split()).lower()
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()

    @property
    def key(self) -> str:
        """The identity used for idempotent writes: canonical URL, else the content hash."""
        return self.canonical_url or self.url or f"sha256:{self.content_hash}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(replace(self, embedding=None))
        del data["embedding"]
        for name in ("published", "fetched"):
            value = getattr(self, name)
            data[name] = value.isoformat() if value else None
        data["byline"] = self.byline
        data["content_hash"] = self.content_hash
        return data


@dataclass(slots=True)
class Entity:
    text: str
    kind: EntityKind
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Claim:
    """One claim sentence with who it rests on and how certain the article is about it."""

    sentence: str
    start: int
    end: int
    certainty: Certainty
    cues: list[str] = field(default_factory=list)  # the words that decided the certainty
    source: str | None = None
    source_kind: SourceKind = "none"
    reporting_cue: str | None = None
    quotes: list[Span] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    in_headline: bool = False


@dataclass(slots=True)
class FetchError:
    """A bad item: what it was and why; the batch goes on."""

    location: str
    reason: str


@dataclass(slots=True)
class Story:
    id: int | None
    title: str
    first_seen: datetime | None
    last_seen: datetime | None
    size: int = 0
    outlets: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    # from the story's provenance (kept current by the main job; see trace/)
    independent_sources: int = 0
    drift_flags: int = 0
    origin: str | None = None


@dataclass(slots=True)
class Source:
    """A followed feed (or site) and its fetch state, as the scheduler and the store see it."""

    feed_url: str
    name: str | None = None
    home_url: str | None = None
    language: str | None = None
    country: str | None = None
    etag: str | None = None
    last_modified: str | None = None  # the server's Last-Modified header, verbatim
    last_fetch: datetime | None = None
    next_due: datetime | None = None
    error_count: int = 0
    last_error: str | None = None
    active: bool = True
    id: int | None = None
