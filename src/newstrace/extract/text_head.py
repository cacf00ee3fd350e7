"""Read the head lines of scraped page text: is this line a byline, whose names, which date.

Plain text has no markup to say where the byline is, so a line counts as a byline when it starts
with "By" (in several languages) and names people, or when it is nothing but a person's name (two to
four capitalised words). Names are split with :func:`newstrace.extract.bylines.clean_authors`, the
same cleaner the HTML path uses.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from newstrace.extract.bylines import clean_authors
from newstrace.extract.lines import BOILERPLATE_WORDS, STOP_WORDS
from newstrace.extract.outlets import is_outlet_name, split_byline_outlet

_BY_RE = re.compile(
    r"^(?:(?:written|posted|words|story|text)\s+)?(?:by|von|par|por|di|door|av|af|от|автор)\s*:?\s",
    re.IGNORECASE,
)
_NAME_WORD_RE = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*|[A-Z]\.|de|da|di|van|von|der|del|la|le|al|bin|ibn)$"
)
_ROLE_RE = re.compile(
    r"\b(?:writer|correspondent|reporter|editor|staff|contributor|columnist|journalist|news|press|"
    r"agency|bureau|desk|team|updated|published|posted|photos?|images?|video|reuters|associated|"
    r"radio|online|media|tv|fm|magazine|network|channel)\b",
    re.IGNORECASE,
)
_MAX_BYLINE_WORDS = 12
_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            # English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Russian (genitive)
            ("january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "января"),
            ("february", "feb", "februar", "février", "febrero", "febbraio", "fevereiro", "februari",
             "февраля"),
            ("march", "mar", "märz", "mars", "marzo", "março", "maart", "марта"),
            ("april", "apr", "avril", "abril", "aprile", "апреля"),
            ("may", "mai", "mayo", "maggio", "maio", "mei", "maj", "мая"),
            ("june", "jun", "juni", "juin", "junio", "giugno", "junho", "июня"),
            ("july", "jul", "juli", "juillet", "julio", "luglio", "julho", "июля"),
            ("august", "aug", "août", "agosto", "augustus", "augusti", "августа"),
            ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro", "сентября"),
            ("october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "октября"),
            ("november", "nov", "novembre", "noviembre", "novembro", "ноября"),
            ("december", "dec", "dezember", "décembre", "diciembre", "dicembre", "dezembro", "декабря"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(
        rf"\b(?P<m>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?P<m>{_MONTH_ALT})\.?,?\s+(?:de\s+)?"
        r"(?P<y>(?:19|20)\d{2})\b",
        re.I,
    ),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b"),
    # a slashed date whose order its numbers settle: "10/25/2011" (US), "25/10/2011"; "10/11/2011" is left
    re.compile(r"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?P<y>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d{2})\b"),
)


_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)  # fmt: skip
# words a time stamp carries besides its date and time ("Last updated at 13:42 GMT", "Posted on …")
_STAMP_WORDS = _WEEKDAYS | frozenset(_MONTHS) | {
    "last", "updated", "update", "published", "posted", "on", "at", "am", "pm", "a", "m", "gmt", "bst",
    "postado", "publicado", "atualizado", "actualizado", "publié", "pubblicato", "aggiornato", "h", "às",
    "veröffentlicht", "aktualisiert", "gepubliceerd", "publicerad", "опубликовано", "обновлено", "em", "el",
    "utc", "et", "est", "edt", "pt", "pst", "pdt", "cet", "cest", "st", "nd", "rd", "th", "de",
    "cst", "cdt", "mst", "mdt", "minutes", "minute", "hours", "hour", "ago", "modified", "days", "day",
    "and",  # "and last updated 2018-05-06 12:25:59-04", under "Posted at 4:13 PM, May 06, 2018"
    "ist", "pkt", "sgt", "hkt", "wib", "wat", "sast",  # zones of Asia and Africa ("CAT", "EAT" are words)
}  # fmt: skip
# a wire dateline on a line of its own: "Moscow, October 24", "NEW DELHI, Oct. 3, 2023"
_PLACE_DATE_RE = re.compile(
    rf"^[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){{0,3}},\s+(?i:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?$"
)
_SLASH_DATE_RE = re.compile(r"\b\d{1,2}\s?/\s?\d{1,2}\s?/\s?(?:\d{2}|\d{4})\b")  # day/month order unknown
_TIME_RE = re.compile(r"\b\d{1,2}\s?[:.h]\s?\d{2}(?:\s?[ap]\.?m\b\.?)?|\b\d{1,2}\s?[ap]\.?m\b\.?", re.I)


# words of interface labels that look like names ("Continue Reading Below", "Sharing Buttons")
_INTERFACE_WORDS = frozenset(
    {"continue", "reading", "below", "sharing", "buttons", "popular", "latest", "view", "all"}
)
_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "del", "la", "le", "al", "bin", "ibn"})


def _is_name_word(word: str) -> bool:
    if word in _PARTICLES:
        return True
    if not _NAME_WORD_RE.match(word) or (len(word) > 3 and word.isupper()):
        return False  # "NISSAN SENTRA" is a heading, not a person
    return word.lower().strip(".") not in STOP_WORDS | BOILERPLATE_WORDS | _INTERFACE_WORDS


def _is_name(part: str) -> bool:
    """Two to four capitalised words that are neither function words nor interface words."""
    words = part.split()
    return 2 <= len(words) <= 4 and part[:1].isupper() and all(_is_name_word(word) for word in words)


def _unbulleted(line: str) -> str:
    """The line without a list mark before it ("- By Jane Doe", "• By Jane Doe")."""
    return _BULLET_RE.sub("", " ".join(line.split()))


_BULLET_RE = re.compile(r"^[-–—•·*]\s+")


def parse_byline(line: str) -> list[str]:
    """The people a byline line names ("By A and B, Staff Writer" → ["A", "B"], "By A, Harbour Wire" →
    ["A"]: the outlet is no author); [] if none."""
    text, _ = split_byline_outlet(_unbulleted(line))
    if not text or len(text.split()) > _MAX_BYLINE_WORDS:
        return []
    names = [split_byline_outlet(name)[0] for name in clean_authors(text)]  # "… and Mia Holt Harbour Courier"
    if _BY_RE.match(text):  # after "By", names may be printed in capitals: "By JANE DOE and JOHN ROE"
        names = [name.title() if name.isupper() else name for name in names]
    return [name for name in names if _is_name(name.split(",")[0]) and not _ROLE_RE.search(name)]


# a wire story's closing credit: "Reporting by A and B; Additional reporting by C; Editing by D"
_WIRE_CREDIT_RE = re.compile(
    r"^\s*(?:additional\s+)?(?:reporting|writing|reported|written)\s+by\s+(.+)$", re.IGNORECASE
)


def wire_credit_authors(line: str) -> list[str]:
    """The reporters and writers a wire credit line names (not its editors); [] for any other line."""
    names: list[str] = []
    for part in re.split(r"[;|]", _unbulleted(line).strip("()[] ")):
        match = _WIRE_CREDIT_RE.match(part)
        if match:
            names += [name for name in clean_authors(match.group(1)) if _is_name(name)]
    return names


# a byline that names the desk rather than a person: "Staff Reporter", "By Gazette Staff", "Web Desk",
# "Compiled by Gazette staff from wire reports"
_STAFF_BYLINE_RE = re.compile(
    r"^(?:(?i:(?:compiled|written|prepared|edited)\s+)?(?i:by)\s+)?(?:(?:[A-Z\d][\w.&'’-]*|of|the)\s+){0,3}?"
    r"(?:(?i:staff)(?:\s+(?i:reporter|writer|correspondent))?|(?i:news|web|online|city)\s+(?i:desk|team))"
    r"(?:\s+(?i:from|and|with)\s+(?i:wire|news|agency)\s+(?i:reports|services|agencies))?$"
)
_DESK_SUFFIX_RE = re.compile(r"\s+(?:from|and|with)\s+(?:wire|news|agency)\s+\w+$", re.IGNORECASE)


def staff_byline(line: str) -> str | None:
    """The desk a byline credits instead of a person ("By Staff Reporter" → "Staff Reporter"), else None."""
    text = _unbulleted(line)
    if not _STAFF_BYLINE_RE.match(text):
        return None
    desk = _DESK_SUFFIX_RE.sub("", re.sub(r"^(?i:compiled|written|prepared|edited)\s+", "", text))
    desk = _BY_RE.sub("", desk).strip()
    return desk if len(desk.split()) >= 2 else None  # "Staff" alone is a menu's link


def is_byline(line: str) -> bool:
    """A line that is a byline: "By …" followed by names (an outlet may follow them: "By Jane Roe, Harbour
    Wire"), or a bare person's name (not an outlet's: "Harbour Courier")."""
    text, _ = split_byline_outlet(_unbulleted(line))
    if is_outlet_name(text):
        return False
    if not text or len(text.split()) > _MAX_BYLINE_WORDS or text.endswith((".", "?", "!", ":")):
        return False
    if _BY_RE.match(text):
        return bool(parse_byline(text))
    name, _, role = text.partition(",")
    if role and _ROLE_RE.search(role):  # "Jane Doe, Staff Writer"
        return _is_name(name)
    names = _NAMES_JOINED_RE.split(text.rstrip(","))  # "Jane Roe and Mia Holt": two reporters
    return len(names) <= _MAX_NAMES and all(_is_name(name) for name in names) and not _ROLE_RE.search(text)


_NAMES_JOINED_RE = re.compile(r"\s+(?:and|And|AND|&)\s+")
_MAX_NAMES = 3


def parse_date(line: str) -> datetime | None:
    """The date printed on a short line ("Updated 1:39 am, November 20, 2019"), else None; with the
    time of day when the line gives one, in UTC when it names a zone ("11:10 PM CDT") and without a
    zone (naive) when it names none."""
    if len(line.split()) > _MAX_BYLINE_WORDS and not _only_stamp_words(line, 2 * _MAX_BYLINE_WORDS):
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(line)
        if not match:
            continue
        month_text = match["m"].lower().rstrip(".")
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text, 0)
        try:
            day = datetime(int(match["y"]), month, int(match["d"]))
        except ValueError:
            continue
        rest = line[: match.start()] + " " * (match.end() - match.start()) + line[match.end() :]
        return _with_clock(day, rest)
    return None


# a date and a byline on one line: "Posted March 4, 2021, by Harbour 7 Web Staff", "May 3, 2021 by Jane Roe"
_DATED_BYLINE_RE = re.compile(r"^(?P<date>.*?\d)\s*[,|·•]?\s+(?P<byline>(?i:by)\s.+)$")
# a sentence that only dates the article: "This article was published March 4, 2021 at 4:30 a.m."
_PUBLISHED_SENTENCE_RE = re.compile(
    r"^(?:this|the)\s+(?:article|story|report|post|page)\s+(?:was\s+)?(?:first\s+|last\s+)?"
    r"(?:published|posted|updated|modified)\b",
    re.IGNORECASE,
)


def split_dated_byline(line: str) -> tuple[str, str] | None:
    """The date and the byline of a line printing both ("Posted March 4, 2021, by Harbour 7 Web Staff"
    → ("Posted March 4, 2021", "by Harbour 7 Web Staff")), else None."""
    match = _DATED_BYLINE_RE.match(_unbulleted(line))
    if not match or parse_date(match["date"]) is None:
        return None
    byline = match["byline"]
    return (match["date"], byline) if is_byline(byline) or staff_byline(byline) else None


def is_published_note(line: str) -> bool:
    """A sentence saying when the article was published ("This article was published March 4, 2021 at
    4:30 a.m.")."""
    note = _PUBLISHED_SENTENCE_RE.match(line.strip()) and not _JOURNAL_RE.search(line)
    return bool(note) and parse_date(line) is not None


# a study published in a journal: the article's news ("The report was published May 4, 2021 in the
# journal …"), never a note dating the article
_JOURNAL_RE = re.compile(r"\b(?:in|by)\s+(?:the\s+)?(?:journal|proceedings)\b", re.IGNORECASE)


def is_date_line(line: str) -> bool:
    """A line that only dates the article: a short line with a date ("Published March 4, 2021"), a
    stamp, or a note saying when it was published (see :func:`is_published_note`)."""
    if parse_date(line) is None:
        return False
    return len(line.split()) <= _DATE_LINE_WORDS or is_time_stamp(line) or is_published_note(line)


_DATE_LINE_WORDS = 8


# a time of day: "11:10 PM", "1: 30 AM", "14.39", "12h44", "9am", "12:42:55 AM"; its zone after it ("CDT")
_CLOCK_RE = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})(?:\s?[:.h]\s?(?P<min>\d{2})(?::\d{2})?)?(?:\s?(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"(?![\d.:]\d)",
    re.I,
)
_ZONE_RE = re.compile(r"\s*(?:\(?\s*)(?P<zone>[A-Z]{2,4})\b")
# "IST" is read as India's (UTC+5:30), by far its commonest use on English-language news pages
_ZONES: dict[str, float] = {
    "GMT": 0, "UTC": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "IST": 5.5, "PKT": 5, "WIB": 7, "SGT": 8, "HKT": 8,
    "WAT": 1, "CAT": 2, "SAST": 2, "EAT": 3,
}  # fmt: skip
_SUMMER_ZONES = {"ET": ("EST", "EDT"), "CT": ("CST", "CDT"), "PT": ("PST", "PDT")}


def _with_clock(day: datetime, rest: str) -> datetime:
    """``day`` at the time of day printed in ``rest`` (minutes or am/pm needed): in UTC (and marked so)
    when a known zone follows it ("ET" is EDT from April to October); as printed, with no zone, when
    none does: the page's local time, which no zone can be claimed for."""
    for clock in _CLOCK_RE.finditer(rest):
        hour, minute = int(clock["h"]), int(clock["min"] or 0)
        if clock["min"] is None and clock["ap"] is None:
            continue  # a bare number
        if clock["ap"]:
            hour = hour % 12 + (12 if clock["ap"].lower() == "p" else 0)
        if hour > 23 or minute > 59:
            continue
        when = day.replace(hour=hour, minute=minute)
        zone = _ZONE_RE.match(rest, clock.end())
        name = zone["zone"] if zone else ""
        if name in _SUMMER_ZONES:
            name = _SUMMER_ZONES[name][4 <= day.month <= 10]
        return (when - timedelta(hours=_ZONES[name])).replace(tzinfo=UTC) if name in _ZONES else when
    return day


def is_dated_label(line: str) -> bool:
    """A section label printed with the date ("General News of Thursday, 21 September 2023", "World |
    May 3, 2021"): a date and at most three other words, each capitalised; never a headline."""
    text = " ".join(line.split())
    if parse_date(text) is None or text.endswith((".", "!", "?")):
        return False
    words = [word for word in re.findall(r"[^\W\d_]+", text) if word.lower() not in _STAMP_WORDS]
    label = [word for word in words if word.lower() not in _LABEL_LINKS]
    return 0 < len(label) <= _DATED_LABEL_WORDS and all(word[0].isupper() for word in label)


_DATED_LABEL_WORDS = 3
_LABEL_LINKS = frozenset({"of", "for", "from", "in"})


def is_time_stamp(line: str) -> bool:
    """A line that is only a date or time stamp ("Saturday, August 24, 2013", "23 July 2013 Last
    updated at 13: 42 GMT", "8: 24am:") or a dateline ("Moscow, October 24"), never a headline."""
    text = " ".join(line.split())
    if not text or len(text.split()) > 2 * _MAX_BYLINE_WORDS:
        return False
    if _PLACE_DATE_RE.match(text):
        return True
    if parse_date(text) is None and not _TIME_RE.search(text) and not _SLASH_DATE_RE.search(text):
        return False
    return _only_stamp_words(text, 2 * _MAX_BYLINE_WORDS)


def _only_stamp_words(text: str, most: int) -> bool:
    """At most ``most`` words, all of them dates, times or a stamp's words ("Posted", "Last modified")."""
    if len(text.split()) > most:
        return False
    words = re.findall(r"[^\W\d_]+", _TIME_RE.sub(" ", text).lower())
    return all(word in _STAMP_WORDS for word in words)
