"""Background: a sentence about something that happened well before the story.

A report restates what is long established in its own voice ("X came out as gay on February 7",
"In July 2019, the magazine reported …"): stating it surely is no hedge dropped, and a source cited
for it is not where the story comes from. A sentence is background when it names a date (a day, a
month or a year) more than ``BACKGROUND_DAYS`` before the story's start. A date without its year is
taken in the story's year, or the year before when that would put it half a year after the start.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

# Days before the story's start a named date must lie to be background: a report of Monday's event on
# Wednesday names Monday; a month-old date is what the story grew out of, not the story.
BACKGROUND_DAYS = 14

# A date without its year up to this many days after the story's start is one to come ("the March 2
# broadcast" in January), further ahead it is last year's ("in November", said in April).
_AHEAD_DAYS = 183
_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        (
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        )
    )
}  # fmt: skip
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_RES = (
    # "February 7", "February 7, 2020", "Feb 7th"
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"),
    # "7 February", "7th February 2020"
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?"),
    # "in February", "in July 2019", "February of this year"
    re.compile(rf"\b(?i:in|since|during|of|last)\s+{_MONTH}\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?"),
    # "in 2019", "since 2019"
    re.compile(r"\b(?i:in|since|during|of)\s+(?P<year>(?:19|20)\d\d)\b"),
)


def named_dates(sentence: str, since: date) -> list[date]:
    """The dates a sentence names (a month alone: its last day; a year alone: its end), a missing year
    read as ``since``'s year, or the one before when the date would come after ``since``."""
    found: list[date] = []
    for pattern in _DATE_RES:
        for match in pattern.finditer(sentence):
            groups = match.groupdict()
            month = _MONTHS[groups["month"].lower()] if groups.get("month") else 12
            year = int(groups["year"]) if groups.get("year") else since.year
            given = int(groups["day"]) if groups.get("day") else None
            if given is not None and not 1 <= given <= 31:
                continue
            if not groups.get("year") and (date(year, month, 1) - since).days > _AHEAD_DAYS:
                year -= 1  # "in November", said in April: last November (but "on March 2" in January)
            last = calendar.monthrange(year, month)[1]
            found.append(date(year, month, min(given or last, last)))
    return found


def is_background(sentence: str, since: datetime | None) -> bool:
    """The sentence names a date more than BACKGROUND_DAYS before ``since`` (the story's start)."""
    if since is None:
        return False
    start = since.date()
    return any((start - named).days > BACKGROUND_DAYS for named in named_dates(sentence, start))
