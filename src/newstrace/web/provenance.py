"""A story's provenance as the web face shows it, computed from stored records.

TO MOVE INTO THE CORE: ``story_provenance(core, story_id)`` stands in for
``Newstrace.story_provenance`` until ``trace/`` ships one; it degrades gracefully (undated articles
leave the timeline, stories without claims show no claims table). Derivation edges come from the
store's near-duplicate marks (``copy_of``) and from the word shingles of :mod:`newstrace.trace.reuse`
between each article and the earlier ones
(shingle containment).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from newstrace.records import Article, Claim
from newstrace.trace.reuse import SHINGLE
from newstrace.web.queries import CERTAINTIES, claims_for_articles

if TYPE_CHECKING:
    from newstrace.app import Newstrace

Bucket = Literal["hour", "day", "week"]
# Display heuristics (not calibrated on data; trace/ will replace them with its calibrated figures):
REUSE_MIN_SHARE = 0.3  # a later article with ≥ 30 % of its word 3-gram shingles in an earlier one reuses it
MAX_ALIGNED = 40  # align at most this many articles of a story (the earliest) to bound the page's cost
DRIFT_MIN_OVERLAP = 0.5  # claims whose content words overlap this much (Jaccard) are the same claim
_WORD = re.compile(r"\w+", re.UNICODE)
_REUSE_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)  # the word pattern of trace.reuse
_STOP_WORDS = (
    "a an the of to in on at for and or but is are was were be been has have had it its this that with by "
    "from as he she they we i you his her their our said says say told"
)
_STOP = frozenset(_STOP_WORDS.split())
_PRONOUN_WORDS = "he she they it we i you him her them us his its their our"
_PRONOUNS = frozenset(_PRONOUN_WORDS.split())  # a pronoun is not a source worth listing


@dataclass(slots=True)
class TimelineBucket:
    start: datetime
    articles: int
    outlets: list[str]


@dataclass(slots=True)
class DerivationEdge:
    source_article: int
    derived_article: int
    kind: Literal["copy", "reuse"]
    share: float  # share of the derived article's words found in passages of the source


@dataclass(slots=True)
class CitedSource:
    name: str
    kind: str
    articles: int


@dataclass(slots=True)
class ClaimRow:
    article_id: int
    outlet: str | None
    sentence: str
    certainty: str
    cues: list[str]
    source: str | None
    source_kind: str
    group: int  # claims of one group say the same thing
    drift: bool  # the group's articles disagree on its certainty


@dataclass(slots=True)
class Origin:
    article_id: int
    outlet: str | None
    published: datetime | None
    title: str


@dataclass(slots=True)
class StoryProvenance:
    story_id: int
    origin: Origin | None
    timeline: list[TimelineBucket]
    bucket: Bucket
    edges: list[DerivationEdge]
    cited_sources: list[CitedSource]
    independent_sources: int
    claims: list[ClaimRow] = field(default_factory=list)
    certainty_counts: dict[str, int] = field(default_factory=dict)
    drifted_claims: int = 0
    computed_by: str = "web-fallback/1"


def article_time(article: Article) -> datetime | None:
    return article.published or article.fetched


def story_provenance(core: Newstrace, story_id: int) -> StoryProvenance | None:
    found = core.story(story_id)
    if found is None:
        return None
    _story, articles = found
    claims = claims_for_articles(core.store, [a.id for a in articles if a.id is not None])
    return provenance_of(story_id, articles, claims)


def provenance_of(story_id: int, articles: list[Article], claims: dict[int, list[Claim]]) -> StoryProvenance:
    """The provenance of a story from its articles (time order) and their claims (pure)."""
    timeline, bucket = coverage_timeline(articles)
    rows = claim_rows(articles, claims)
    return StoryProvenance(
        story_id=story_id,
        origin=origin_of(articles),
        timeline=timeline,
        bucket=bucket,
        edges=derivation_edges(articles),
        cited_sources=cited_sources(articles, claims),
        independent_sources=len({a.source or "" for a in articles if a.copy_of is None}),
        claims=rows,
        certainty_counts=dict(Counter(r.certainty for r in rows)),
        drifted_claims=sum(1 for r in rows if r.drift),
    )


def origin_of(articles: list[Article]) -> Origin | None:
    if not articles:
        return None
    dated = [a for a in articles if article_time(a)]
    first = (
        min(dated, key=lambda a: (article_time(a), a.id or 0))
        if dated
        else min(articles, key=lambda a: a.id or 0)
    )
    return Origin(first.id or 0, first.source, article_time(first), first.title)


def _bucket_size(span: timedelta) -> Bucket:
    if span <= timedelta(days=2):
        return "hour"
    return "day" if span <= timedelta(days=90) else "week"


def _floor(moment: datetime, bucket: Bucket) -> datetime:
    if bucket == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return day if bucket == "day" else day - timedelta(days=day.weekday())


def coverage_timeline(articles: list[Article]) -> tuple[list[TimelineBucket], Bucket]:
    """Articles per hour (or day, or week) over the story's span; undated articles are left out."""
    times = [(t, a) for a in articles if (t := article_time(a)) is not None]
    if not times:
        return [], "day"
    bucket = _bucket_size(max(t for t, _ in times) - min(t for t, _ in times))
    grouped: dict[datetime, list[Article]] = {}
    for moment, article in times:
        grouped.setdefault(_floor(moment, bucket), []).append(article)
    return [
        TimelineBucket(start, len(items), sorted({a.source for a in items if a.source}))
        for start, items in sorted(grouped.items())
    ], bucket


def word_shingles(text: str) -> set[tuple[str, ...]]:
    """The distinct runs of ``SHINGLE`` lower-cased words of a text (the words of ``trace.reuse``)."""
    words = _REUSE_WORD.findall(text.lower())
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False)) or (
        {tuple(words)} if words else set()
    )


def derivation_edges(articles: list[Article]) -> list[DerivationEdge]:
    """Who reused whose text: stored copy marks, else the earlier article whose shingles it contains most.

    Each article is shingled once (word ``SHINGLE``-grams, as in ``trace.reuse``); the share is the part
    of the later article's distinct shingles found in the earlier one: a story costs set intersections.
    """
    edges: list[DerivationEdge] = []
    ordered = articles[:MAX_ALIGNED]
    shingles = [word_shingles(a.text) for a in ordered]
    for index, later in enumerate(ordered):
        if later.id is None:
            continue
        if later.copy_of is not None:
            edges.append(DerivationEdge(later.copy_of, later.id, "copy", 1.0))
            continue
        mine = shingles[index]
        best: tuple[float, int] | None = None
        for earlier, theirs in zip(ordered[:index], shingles[:index], strict=True):
            if earlier.id is None or not mine:
                continue
            share = len(mine & theirs) / len(mine)
            if share >= REUSE_MIN_SHARE and (best is None or share > best[0]):
                best = (share, earlier.id)
        if best is not None:
            edges.append(DerivationEdge(best[1], later.id, "reuse", round(best[0], 3)))
    return edges


def cited_sources(articles: list[Article], claims: dict[int, list[Claim]]) -> list[CitedSource]:
    """Sources named by the articles (their cited sources and their claims' sources), most cited first."""
    seen: dict[str, tuple[str, set[int]]] = {}
    for article in articles:
        aid = article.id or 0
        for name in article.cited_sources:
            seen.setdefault(name, ("cited", set()))[1].add(aid)
        for claim in claims.get(aid, []):
            if claim.source and claim.source_kind != "none" and claim.source.lower() not in _PRONOUNS:
                seen.setdefault(claim.source, (claim.source_kind, set()))[1].add(aid)
    found = [CitedSource(name, kind, len(ids)) for name, (kind, ids) in seen.items()]
    return sorted(found, key=lambda c: (-c.articles, c.name.lower()))


def _content_words(sentence: str) -> frozenset[str]:
    return frozenset(_WORD.findall(sentence.lower())) - _STOP


class _ClaimGroups:
    """Claims grouped by content-word overlap, candidates found through an inverted index."""

    def __init__(self) -> None:
        self.words: list[frozenset[str]] = []
        self.certainties: list[set[str]] = []
        self.members: list[list[ClaimRow]] = []
        self.index: dict[str, set[int]] = {}

    def find(self, words: frozenset[str]) -> int:
        """The first group whose words overlap ``words`` enough (Jaccard from shared-word counts)."""
        shared: Counter[int] = Counter()
        for word in words:
            shared.update(self.index.get(word, ()))
        for group, common in sorted(shared.items()):
            if common / (len(words) + len(self.words[group]) - common) >= DRIFT_MIN_OVERLAP:
                return group
        return -1

    def add(self, words: frozenset[str]) -> int:
        group = len(self.words)
        self.words.append(words)
        self.certainties.append(set())
        self.members.append([])
        for word in words:
            self.index.setdefault(word, set()).add(group)
        return group


def claim_rows(articles: list[Article], claims: dict[int, list[Claim]]) -> list[ClaimRow]:
    """Every claim of the story, grouped with the claims of other articles that say the same thing."""
    rows: list[ClaimRow] = []
    groups = _ClaimGroups()
    for article in articles:
        for claim in claims.get(article.id or 0, []):
            words = _content_words(claim.sentence)
            group = groups.find(words)
            if group < 0:
                group = groups.add(words)
            row = ClaimRow(
                article.id or 0,
                article.source,
                claim.sentence,
                claim.certainty,
                list(claim.cues),
                claim.source,
                claim.source_kind,
                group,
                False,
            )
            groups.certainties[group].add(claim.certainty)
            groups.members[group].append(row)
            rows.append(row)
    for certainties, members in zip(groups.certainties, groups.members, strict=True):
        if len(certainties) > 1:
            for row in members:
                row.drift = True
    rank: dict[str, int] = {c: i for i, c in enumerate(CERTAINTIES)}
    return sorted(rows, key=lambda r: (rank.get(r.certainty, len(rank)), not r.drift, r.group))


def claims_for_table(rows: list[ClaimRow], per_certainty: int) -> list[ClaimRow]:
    """At most ``per_certainty`` rows of each certainty (drifting ones first), in table order."""
    seen: Counter[str] = Counter()
    kept = []
    for row in rows:
        seen[row.certainty] += 1
        if seen[row.certainty] <= per_certainty:
            kept.append(row)
    return kept
