"""Subscriptions: checking what a person asks to follow, and matching it against a story.

Matching is pure: it reads the story record, the article that just joined it, that article's
entities and the story's count of independent sources, and says whether a subscription wants it.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from newstrace.alerts.records import (
    CHANNEL_KINDS,
    DIGEST_MODES,
    SUBSCRIPTION_KINDS,
    DigestMode,
    Subscription,
    SubscriptionKind,
)
from newstrace.records import Article, Story

MAX_VALUE = 200
_WORD = re.compile(r"\w+")
_QUERY_TERM = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')


@dataclass(slots=True)
class StoryView:
    """What matching sees of a story at the moment an article joins it."""

    story: Story
    article: Article
    entities: list[str] = field(default_factory=list)  # the article's named entities
    independent_sources: int = 1


@dataclass(frozen=True, slots=True)
class QueryTerm:
    words: tuple[str, ...]  # one word, or a phrase
    negated: bool = False
    prefix: bool = False  # ``word*``


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def check_channel(channel: str) -> str:
    """The channel string, validated (raises ValueError)."""
    kind, _, target = channel.partition(":")
    if kind not in CHANNEL_KINDS:
        raise ValueError(f"channel must start with one of {', '.join(CHANNEL_KINDS)}")
    if kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", target):
        raise ValueError("email channel needs an address: email:someone@example.org")
    if kind == "webhook" and not re.match(r"https?://\S+$", target):
        raise ValueError("webhook channel needs an http(s) URL: webhook:https://example.org/hook")
    if kind == "apprise" and "://" not in target:
        raise ValueError("apprise channel needs an Apprise URL: apprise:SCHEMA://…")
    if kind in ("feed", "webpush") and target:
        raise ValueError(f"the {kind} channel takes no target")
    return channel


def new_subscription(
    user: str,
    kind: str,
    value: str,
    channel: str = "feed",
    *,
    language: str | None = None,
    min_sources: int = 1,
    digest: str = "immediate",
    quiet_hours: tuple[int, int] | None = None,
    now: datetime | None = None,
) -> Subscription:
    """A checked subscription with a fresh webhook secret (raises ValueError on bad input)."""
    value = " ".join(value.split())
    if kind not in SUBSCRIPTION_KINDS:
        raise ValueError(f"kind must be one of {', '.join(SUBSCRIPTION_KINDS)}")
    if not value or len(value) > MAX_VALUE:
        raise ValueError(f"a followed value has 1–{MAX_VALUE} characters")
    if kind == "query" and not any(not t.negated for t in parse_query(value)):
        raise ValueError("a query needs at least one word that must appear")
    if digest not in DIGEST_MODES:
        raise ValueError(f"digest must be one of {', '.join(DIGEST_MODES)}")
    if min_sources < 1:
        raise ValueError("min_sources is at least 1")
    if quiet_hours is not None and not all(0 <= h <= 23 for h in quiet_hours):
        raise ValueError("quiet hours are two hours of the day, 0–23 (UTC)")
    kind_: SubscriptionKind = kind  # type: ignore[assignment]
    digest_: DigestMode = digest  # type: ignore[assignment]
    return Subscription(
        user=user, kind=kind_, value=value, channel=check_channel(channel),
        language=language.lower() if language else None, min_sources=min_sources, digest=digest_,
        quiet_start=quiet_hours[0] if quiet_hours else None,
        quiet_end=quiet_hours[1] if quiet_hours else None,
        secret=secrets.token_urlsafe(32), created_at=now,
    )  # fmt: skip


def parse_quiet_hours(spec: str) -> tuple[int, int]:
    """``"22-7"`` → (22, 7): quiet from 22:00 to 07:00 UTC (raises ValueError)."""
    start, sep, end = spec.partition("-")
    if not sep or not start.strip().isdigit() or not end.strip().isdigit():
        raise ValueError("quiet hours look like 22-7 (from 22:00 to 07:00 UTC)")
    return int(start), int(end)


def parse_query(query: str) -> list[QueryTerm]:
    """Words and "quoted phrases", all required; ``-word`` excludes; ``word*`` matches a prefix."""
    terms = []
    for match in _QUERY_TERM.finditer(query):
        negated = bool(match.group(1) or match.group(3))
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        prefix = raw.endswith("*") and match.group(2) is None
        words = tuple(words_of(raw))
        if words:
            terms.append(QueryTerm(words, negated, prefix))
    return terms


def _contains(haystack: list[str], term: QueryTerm) -> bool:
    n = len(term.words)
    for i in range(len(haystack) - n + 1):
        window = haystack[i : i + n]
        if window[:-1] == list(term.words[:-1]) and (
            window[-1].startswith(term.words[-1]) if term.prefix else window[-1] == term.words[-1]
        ):
            return True
    return False


def query_matches(query: str, text: str) -> bool:
    haystack = words_of(text)
    terms = parse_query(query)
    return bool(terms) and all(_contains(haystack, t) != t.negated for t in terms)


def _name_matches(value: str, names: list[str]) -> bool:
    """The value's words appear, in order and contiguous, in one of the names."""
    term = QueryTerm(tuple(words_of(value)))
    return bool(term.words) and any(_contains(words_of(name), term) for name in names)


def _outlet_matches(value: str, outlets: list[str]) -> bool:
    wanted = fold(value).removeprefix("www.").strip("/")
    for outlet in outlets:
        have = fold(outlet).removeprefix("www.")
        if have == wanted or have.endswith("." + wanted):
            return True
    return False


def followed_first(sub: Subscription, outlets: list[str]) -> list[str]:
    """The story's outlets, those an outlet subscription follows first (a message lists only a few)."""
    if sub.kind != "outlet":
        return list(outlets)
    followed = [o for o in outlets if _outlet_matches(sub.value, [o])]
    return followed + [o for o in outlets if o not in followed]


def _article_text(article: Article) -> str:
    return "\n".join([article.title, article.standfirst or "", article.text])


def _headline_mentions(value: str, article: Article) -> bool:
    """The value's words, in order, in the article's headline or standfirst; its last word may be
    plural ("flood" in "Floods close the harbour road")."""
    words = tuple(words_of(value))
    if not words:
        return False
    haystack = words_of(f"{article.title}\n{article.standfirst or ''}")
    return any(_contains(haystack, QueryTerm((*words[:-1], last))) for last in (words[-1], words[-1] + "s"))


def _topic_matches(value: str, article: Article, story: Story) -> bool:
    """A tag of the article or its story; an article its page tagged with nothing (scraped text, many
    feeds) is about a topic its headline or standfirst names."""
    wanted = fold(value).lstrip("#")
    if any(fold(t).lstrip("#") == wanted for t in [*article.topics, *story.topics]):
        return True
    return not article.topics and _headline_mentions(wanted, article)


def subject_matches(sub: Subscription, view: StoryView) -> bool:
    """Whether the story is about what the subscription follows (no filters)."""
    article, story = view.article, view.story
    if sub.kind == "topic":
        return _topic_matches(sub.value, article, story)
    if sub.kind == "entity":
        return _name_matches(sub.value, [*view.entities, *story.entities])
    if sub.kind == "outlet":
        return _outlet_matches(sub.value, [o for o in [article.source, *story.outlets] if o])
    return query_matches(sub.value, _article_text(article))


def filters_pass(sub: Subscription, view: StoryView) -> bool:
    if sub.language:
        languages = {fold(x) for x in [view.article.language, *view.story.languages] if x}
        if sub.language not in languages:
            return False
    return view.independent_sources >= sub.min_sources


def matches(sub: Subscription, view: StoryView) -> bool:
    return sub.active and subject_matches(sub, view) and filters_pass(sub, view)
