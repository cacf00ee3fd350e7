"""What a story is called: the headline of its member most typical of the story as it stands.

A story's first article names it only until more coverage arrives: a first report's toll is
superseded ("1 dead" becomes "5 dead" in every later report), a one-line brief says little, a copy
in another language reads foreign to most of the story's readers. So each time an article joins, the
story's title is chosen again among its members' headlines:

1. in the language most of its members share (on a tie, the current title's);
2. from members with a full body (``min_words``) unless none has one: a brief is written before the
   facts are in;
3. by how typical the member is: the cosine of its term vector with the story's centroid in that
   language. Figures and words that later coverage supersedes weigh less and less in the centroid,
   so the first report's headline gives way once most reports tell the story otherwise;
4. of the near ties (within ``near_tie`` of the best score), one whose title is shaped as a headline
   (at most ``headline_words``: a page without a headline may give its lead sentence, or its whole
   first paragraph, as its title), the newest by publication date: a later report as typical as
   the rest tells the story as it stands now.

The title does not flicker with every article: it stays while it is a near tie, unless a near tie is
dated more than ``refresh_hours`` after it. A story keeps a few candidate headlines per language
(``pool``: the current title and the best ranked), each with its heaviest terms only (``terms``), so
choosing costs a few sparse dot products per article and little memory whatever the story's size.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import itemgetter

from newstrace.cluster.features import word_count

_NEVER = datetime.min


@dataclass(frozen=True, slots=True)
class TitleConfig:
    # Judgements, checked on the benchmark sets (benchmarks/stories.py, stories_multilingual.py):
    # clustering figures do not depend on titles; see tests/cluster/test_titles.py for the behaviour.
    pool: int = 4  # candidate headlines kept per language besides the current title
    terms: int = 40  # a candidate keeps its heaviest terms (of at most ``FeatureConfig.max_terms``)
    near_tie: float = 0.1  # a score at least (1 - near_tie) x the best is a near tie
    refresh_hours: float = 6.0  # a near tie this much newer than the title replaces it
    min_words: int = 60  # a body shorter than this (title included) is a brief
    headline_words: int = 24  # a title longer than this is a lead sentence, not a headline


@dataclass(frozen=True, slots=True)
class Headline:
    """A member's headline, with what it takes to score it against the story later."""

    title: str
    article_id: int
    language: str  # the language of the story part it belongs to ("" when unknown)
    terms: tuple[tuple[str, float], ...]  # the heaviest terms of the member's unit term vector
    published: datetime | None  # its publication date (naive UTC); None when undated
    full: bool  # not a brief
    shaped: bool = True  # as short as a headline


def headline_of(
    title: str,
    article_id: int,
    language: str,
    vector: dict[str, float],
    published: datetime | None,
    words: int,
    config: TitleConfig,
) -> Headline | None:
    """A member's candidate headline; None when it has no title."""
    title = " ".join(title.split())
    if not title:
        return None
    terms = tuple(heapq.nlargest(config.terms, vector.items(), key=itemgetter(1)))
    shaped = word_count(title) <= config.headline_words
    return Headline(title, article_id, language, terms, published, words >= config.min_words, shaped)


def typicality(headline: Headline, centroid: dict[str, float], norm: float) -> float:
    """The cosine of the member's (trimmed) vector with its story's centroid in its language."""
    if not norm:
        return 0.0
    get = centroid.get
    return sum(w * get(t, 0.0) for t, w in headline.terms) / norm


@dataclass(frozen=True, slots=True)
class _Scored:
    headline: Headline
    score: float
    near: bool  # a near tie of the best


def _ranked(
    pool: list[Headline], centroid: dict[str, float], norm: float, config: TitleConfig
) -> list[_Scored]:
    """Candidates best first: full ones (briefs last, when any is full) by ``_rank``."""
    full = [h for h in pool if h.full]
    eligible = full or pool
    scores = [typicality(h, centroid, norm) for h in eligible]
    bar = max(scores, default=0.0) * (1.0 - config.near_tie)
    scored = sorted((_Scored(h, s, s >= bar) for h, s in zip(eligible, scores, strict=True)), key=_rank)
    briefs = [_Scored(h, 0.0, False) for h in pool if full and not h.full]
    return scored + briefs


def _rank(c: _Scored) -> tuple[bool, bool, float, float, int]:
    """Near ties first, headline-shaped and newest dated first among them; then by score; then the
    earliest seen."""
    published = c.headline.published
    newest = -(published - _NEVER).total_seconds() if c.near and published is not None else 0.0
    return (not c.near, c.near and not c.headline.shaped, newest, -c.score, c.headline.article_id)


def choose_headline(
    pool: list[Headline],
    current: Headline | None,
    centroid: dict[str, float],
    norm: float,
    config: TitleConfig,
) -> tuple[Headline | None, list[Headline]]:
    """The story's title among ``pool`` (one language, the current title in it when of that
    language), and the pool to keep (the chosen title and the ``pool`` best ranked others)."""
    ranked = _ranked(pool, centroid, norm, config)
    if not ranked:
        return current, []
    top = ranked[0].headline
    chosen = top
    held_id = current.article_id if current is not None else None
    held = next((c for c in ranked if c.headline.article_id == held_id), None)
    steady = held is not None and held.near and (held.headline.shaped or not top.shaped)
    if held is not None and steady and not _newer(top, held.headline, config):
        chosen = held.headline
    others = [c.headline for c in ranked if c.headline is not chosen]
    kept = [chosen, *others[: config.pool]]
    return chosen, kept


def _newer(candidate: Headline, current: Headline, config: TitleConfig) -> bool:
    """Whether ``candidate`` is dated more than ``refresh_hours`` after ``current`` (an undated
    title is never known to be older)."""
    if candidate.published is None or current.published is None:
        return False
    return candidate.published - current.published > timedelta(hours=config.refresh_hours)
