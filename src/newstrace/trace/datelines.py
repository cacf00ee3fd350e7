"""The day a wire dateline gives an article that has no publication date of its own.

An agency's copy often opens with a dateline that holds the day it was filed, without its year
("HARBOURTOWN, February 19. /HRZ/. …", "HARBOURTOWN, Feb 19 (Wire) -"). Extraction cannot know the
year; the story can: the year that puts the day nearest the story's dated articles, if that is
within ``MAX_DAYS_FROM_STORY`` days of one of them (a dateline's year, when printed, is taken as
is). The article is then dated that day, without its time (midnight UTC, which ``direction.py``
reads as a day's date: it orders the article against other days, not within its own).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from newstrace.analyse.posts import MONTH
from newstrace.records import Article

# A day named in a dateline lies this close to a dated article of its story, or it is not taken:
# a story's coverage spans days to weeks; a day farther off is more likely another year's.
MAX_DAYS_FROM_STORY = 60
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATELINE_DAY_RE = re.compile(
    rf"^\s*[A-Z][A-Z.'’ -]{{1,30}}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?,\s*(?P<month>{MONTH})\s+"
    r"(?P<day>\d{1,2})\b(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)


def dateline_day(article: Article) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of the dateline opening the article's first paragraph, or its
    standfirst (a page printing the dateline above its first paragraph)."""
    opening = [p for p in (article.standfirst, article.body[0] if article.body else None) if p]
    match = next((m for m in map(_DATELINE_DAY_RE.match, opening) if m), None)
    if match is None:
        return None
    month = _MONTHS.index(match.group("month")[:3].lower()) + 1
    year = int(match.group("year")) if match.group("year") else None
    return month, int(match.group("day")), year


def _nearest(month: int, day: int, year: int | None, dated: list[datetime]) -> datetime | None:
    """The day in the printed year, else in the year nearest the story's dated articles."""
    years = [year] if year is not None else sorted({d.year + step for d in dated for step in (-1, 0, 1)})
    best: tuple[float, datetime] | None = None
    for candidate_year in years:
        try:
            moment = datetime(candidate_year, month, day, tzinfo=UTC)
        except ValueError:  # 29 February of a common year, a day the month has not
            continue
        gap = min(abs((moment - d).total_seconds()) for d in dated) / 86400
        if gap <= MAX_DAYS_FROM_STORY and (best is None or gap < best[0]):
            best = (gap, moment)
    return best[1] if best else None


def dated_by_dateline(articles: list[Article]) -> tuple[list[Article], set[str]]:
    """The articles, each undated one with a dateline's day dated by it (see the module docstring),
    and the keys (``Article.key``) of those so dated."""
    dated = [
        a.published if a.published.tzinfo else a.published.replace(tzinfo=UTC)
        for a in articles
        if a.published
    ]
    if not dated:
        return articles, set()
    out, by_dateline = [], set()
    for article in articles:
        day = dateline_day(article) if article.published is None else None
        moment = _nearest(*day, dated) if day else None
        if moment is not None:
            article = replace(article, published=moment)
            by_dateline.add(article.key)
        out.append(article)
    return out, by_dateline
