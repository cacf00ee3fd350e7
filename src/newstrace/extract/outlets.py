"""The news outlets a page's own text names: its masthead, an outlet in its byline or dateline, and the
agencies it credits.

Scraped text has no ``og:site_name``, yet pages print their outlet: a masthead or edition line
("Harbour Courier US Edition"), a site's stamp ("3 days ago Quayside News"), an outlet after the
reporter's name ("By Jane Roe, Harbour Wire", "By: Jane Roe (HWN)"), a desk byline ("By Harbour 7
Web Staff") or a dateline that is only the outlet ("(HWN) —"). A wire's credit line under the
headline ("Harbour Wire, Port Calder") and a closing note ("Information for this article was
contributed by Harbour Wire.") name the agencies the text came from: those are cited sources.

An outlet's name is one the packaged list of news organisations holds (the list the claim analysis
reads, ``newstrace/data/claims/news_organisations.json``), such a name with a regional suffix ("HWN
Asia"), or a few capitalised words with a newspaper's or broadcaster's word ("Quayside Courier").
Pure and cheap, like :mod:`newstrace.extract.cues`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from newstrace.extract.cues import OUTLET_WORDS, SOURCE_LABELS, parse_cited_sources
from newstrace.extract.lines import BOILERPLATE_WORDS

_MAX_NAME_WORDS = 5
_SMALL_WORDS = frozenset({"of", "the", "and", "&", "de", "la", "el"})
# words of a section's label rather than an outlet's name ("Latest News", "Sport Today")
_SECTION_WORDS = frozenset(
    {"latest", "breaking", "top", "local", "more", "business", "politics", "health", "science", "tech",
     "technology", "opinion", "live", "home", "entertainment", "lifestyle", "video", "videos", "photos",
     "weather", "traffic", "travel", "money", "culture", "arts", "economy", "crime", "education"}
)  # fmt: skip
# the last word of a paper's or a broadcaster's name ("Quayside Courier", "Harbour Radio"); not "TV" nor
# "Online", which end product names and menus as often
_NAME_ENDINGS = frozenset(
    {"news", "times", "post", "press", "herald", "mail", "telegraph", "journal", "gazette", "tribune",
     "agency", "wire", "magazine", "today", "express", "mirror", "star", "standard", "observer", "chronicle",
     "insider", "guardian", "independent", "weekly", "newspaper", "bulletin", "enquirer", "inquirer",
     "examiner", "sentinel", "courier", "dispatch", "register", "ledger", "monitor", "advertiser", "argus",
     "clarion", "beacon", "radio", "network", "diary"}
)  # fmt: skip
_NAMED_WORDS = 4  # an outlet named by its words alone is this long at most
# a page's slot, menu or pager ("Post Top Ad", "Home News", "Previous Post")
_NOT_NAME_WORDS = BOILERPLATE_WORDS | {"ad", "ads", "advert", "previous", "prev", "next", "older", "newer"}
# a link's verb opening a line that names an outlet: the line is a link or a button, not a masthead
_LINK_VERBS = frozenset({"watch", "listen", "read", "visit", "follow", "subscribe", "download", "explore"})
# an outlet of the list followed by a region or a channel's number: "HWN Asia", "Harbour 7"
_SUFFIX_WORDS = 2
# an edition line under a masthead: "Harbour Courier US Edition", "Quayside Times Weekend Edition"
_EDITION_RE = re.compile(
    r"^(?P<name>.+?)\s+(?:(?:U\.?S\.?|UK|International|National|Global|Asia|Europe|Africa|Australia|India|Canada"
    r"|Digital|Print|Online|Weekend|Sunday|Morning|Evening|Late|Early|Final|Daily|Local)\s+)?Edition$",
    re.IGNORECASE,
)
# a site's stamp of how old the story is, before the site's name: "3 days ago Quayside News"
_AGE_RE = re.compile(
    r"^(?:about\s+)?(?:\d+|an?|one)\s+(?:seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"\s*[|·•-]?\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
# a wire's credit under the headline: the agency and the place it filed from ("Harbour Wire, Port Calder")
_PLACE_RE = re.compile(r"^[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}$")
# the outlet after a reporter's name in a byline: "…, Harbour Wire", "… (HWN)", "… | Harbour Wire"
_BYLINE_OUTLET_RE = re.compile(r"^(?P<rest>.+?)(?:\s*,\s*|\s+[|·•–—-]\s+|\s*\()(?P<name>[^,()|]+?)\)?\s*$")
# a dateline that is only the outlet, opening the first paragraph: "(HWN) — A storm …", "HWN — …"
_OUTLET_DATELINE_RE = re.compile(r"^\(?(?P<name>[A-Z][\w.&' -]{0,30}?)\)?\s*[—–-]\s")
# a desk byline names the outlet before its desk: "Harbour 7 Web Staff", "Quayside-Courier staff"
_DESK_RE = re.compile(
    r"^(?P<name>.+?)\s+(?:(?:web|online|news|digital|city|editorial)\s+)?(?:staff|desk|team)(?:\s+(?:reporter|writer))?$",
    re.IGNORECASE,
)
# a closing note crediting the agencies the text came from
_CONTRIBUTED_RE = re.compile(
    r"^(?:information|material|additional\s+(?:information|reporting)|reporting)(?:\s+for\s+this\s+"
    r"(?:article|report|story))?\s+(?:was|were)\s+(?:contributed|provided|supplied)\s+by\s+(?P<names>.+?)\.?$",
    re.IGNORECASE,
)
_NAMES_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\s+(?:by\s+)?)\s*")


@lru_cache(maxsize=1)
def _listed_outlets() -> frozenset[str]:
    """The packaged list of news organisations, as keys (see :func:`_key`); read once on first use."""
    path = resources.files("newstrace.data").joinpath("claims/news_organisations.json")
    return frozenset(_key(name) for name in json.loads(path.read_text(encoding="utf-8"))["names"])


def _key(name: str) -> str:
    """``name`` case-folded, its spacing normalised, without a leading "The"."""
    return " ".join(name.casefold().split()).removeprefix("the ")


def _capitalised(words: list[str]) -> bool:
    return all(word[:1].isupper() or word[:1].isdigit() or word.casefold() in _SMALL_WORDS for word in words)


def is_outlet_name(text: str) -> bool:
    """A news outlet's name: listed ("Reuters", "The Associated Press"), a listed acronym with a region or
    number after it ("HWN Asia", "HWN 7"), or capitalised words ending in a newspaper's or broadcaster's
    word, with a word of their own ("Quayside Courier"; "World News" is a section's label)."""
    name = text.strip(" .,:;")
    words = name.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not _capitalised(words):
        return False
    if len(words) > 1 and words[0].casefold() in _LINK_VERBS:
        return False  # "Watch Harbour News", "Visit Quayside Courier": a link to the outlet, no masthead
    if _key(name) in _listed_outlets():
        return True
    acronym = words[0].isupper() and len(words[0]) >= 2 and _key(words[0]) in _listed_outlets()
    if acronym and len(words) <= 1 + _SUFFIX_WORDS:
        return True
    folded = [word.casefold().strip(".,") for word in words if word.casefold() not in _SMALL_WORDS]
    if any(word in _NOT_NAME_WORDS for word in folded):
        return False
    if not 2 <= len(words) <= _NAMED_WORDS or any(word in _SECTION_WORDS for word in folded):
        return False  # "Latest Harbour News" is a section's label
    return folded[-1] in _NAME_ENDINGS and any(word not in OUTLET_WORDS for word in folded)


def stamped_outlet(line: str) -> str | None:
    """The outlet an edition or age line names ("Harbour Courier US Edition", "3 days ago Quayside
    News"), else None."""
    text = " ".join(line.split())
    for pattern in (_EDITION_RE, _AGE_RE):
        match = pattern.match(text)
        if match and is_outlet_name(match["name"].strip(" .,|")):
            return match["name"].strip(" .,|")
    return None


def masthead_outlet(line: str) -> str | None:
    """The outlet a masthead, edition or age line names ("The Harbour Courier", "Harbour Courier US
    Edition", "3 days ago Quayside News"), else None."""
    text = " ".join(line.split())
    return stamped_outlet(text) or (text.strip(" .,") if is_outlet_name(text) else None)


def credit_outlet(line: str) -> str | None:
    """The agency a credit line under a headline names: its name alone when it is listed or an agency's
    ("Harbour Wire"; "Harbour Auto News" is as often a section's label), or with the place it filed from
    ("Quayside News, Port Calder"), else None."""
    name, _, place = " ".join(line.split()).partition(", ")
    if place and not _PLACE_RE.match(place.strip(" .")):
        return None
    name = name.strip(" .")
    agency = is_outlet_name(name) and name.split()[-1].casefold() in _AGENCY_WORDS
    known = is_outlet_name(name) if place else _key(name) in _listed_outlets() or agency
    return name if known else None


_AGENCY_WORDS = frozenset({"wire", "agency", "press"})  # a wire's name alone credits it: "Harbour Wire"


def is_outlet_line(line: str) -> bool:
    """A line that only names an outlet: a masthead, an edition or age line, an agency's credit or a link
    to the outlet (not a byline naming the reporter before the outlet: "Jane Roe Harbour Courier")."""
    if split_byline_outlet(line)[1] is not None:
        return False
    return masthead_outlet(line) is not None or credit_outlet(line) is not None or _links_outlet(line)


def _links_outlet(line: str) -> bool:
    """A link or button to an outlet ("Watch Quayside News"): furniture that names no masthead."""
    verb, _, name = " ".join(line.split()).partition(" ")
    return verb.casefold() in _LINK_VERBS and is_outlet_name(name)


def split_byline_outlet(byline: str) -> tuple[str, str | None]:
    """A byline without the outlet printed after the reporter's name, and that outlet: "By Jane Roe,
    Harbour Wire" → ("By Jane Roe", "Harbour Wire"), "By: Jane Roe (HWN)" → ("By: Jane Roe", "HWN"),
    "Jane Roe Harbour Courier" → ("Jane Roe", "Harbour Courier"); ``(byline, None)`` when it names no
    outlet ("Jane Roe, MD")."""
    text = " ".join(byline.split())
    match = _BYLINE_OUTLET_RE.match(text)
    if match and is_outlet_name(match["name"]):
        return match["rest"].strip(" ,"), match["name"].strip()
    words = text.split()
    for size in range(_PERSON_WORDS[0], len(words)):  # "Jane Roe Quay Courier", "Jane Roe and Mia Holt …"
        person, name = " ".join(words[:size]), " ".join(words[size:])
        if is_outlet_name(name) and words[size].casefold() not in _SMALL_WORDS and _are_people(person):
            return person, name
    return byline, None


def _are_people(text: str) -> bool:
    """One to three people's names joined by "and" ("Jane Roe and Mia Holt"), each two or three words."""
    names = re.split(r"\s+(?:and|&)\s+", text, flags=re.IGNORECASE)
    sizes = [len(name.split()) for name in names]
    fits = len(names) <= 3 and all(_PERSON_WORDS[0] <= size <= _PERSON_WORDS[1] for size in sizes)
    return fits and all(_is_person(name.split()) for name in names)


_GENERIC_DESK_WORDS = _SECTION_WORDS | OUTLET_WORDS | {"web", "online", "digital", "city"}
_PERSON_WORDS = (2, 3)  # a reporter's name before an outlet printed with no separator


def _is_person(words: list[str]) -> bool:
    """Capitalised words that may be a person's name: none a function word or an outlet's or section's."""
    folded = [word.casefold() for word in words]
    return all(word[:1].isupper() for word in words) and not any(
        word in _SMALL_WORDS or word in _SECTION_WORDS or word in OUTLET_WORDS for word in folded
    )


def desk_outlet(desk: str) -> str | None:
    """The outlet a desk byline names before its desk ("Harbour 7 Web Staff" → "Harbour 7"), else None
    ("Staff Reporter", "Web Desk" name none)."""
    text = re.sub(r"^(?i:by)\s+", "", " ".join(desk.split()))
    match = _DESK_RE.match(text)
    if not match:
        return None
    name = match["name"]
    words = name.split()
    generic = all(word.casefold() in _GENERIC_DESK_WORDS for word in words)
    return name if _capitalised(words) and len(words) <= _MAX_NAME_WORDS and not generic else None


def dateline_outlet(paragraph: str) -> str | None:
    """The outlet of a dateline that is only the outlet, opening the paragraph ("(HWN) — …"), else None."""
    match = _OUTLET_DATELINE_RE.match(paragraph.strip())
    return match["name"].strip() if match and is_outlet_name(match["name"]) else None


def contributed_outlets(line: str) -> list[str] | None:
    """The agencies a closing note credits ("Information for this article was contributed by Harbour Wire
    and by Jane Roe of the Quayside Courier." → ["Harbour Wire", "Quayside Courier"]), else None."""
    match = _CONTRIBUTED_RE.match(" ".join(line.split()))
    if not match:
        return None
    names = []
    for part in _NAMES_SPLIT_RE.split(match["names"]):
        name = part.rpartition(" of ")[2] if " of " in part else part  # a reporter "of" an outlet
        name = re.sub(r"^the\s+", "", name.strip(" ."))
        if is_outlet_name(name):
            names.append(name)
    return names or None


def cited_sources(line: str) -> list[str] | None:
    """The outlets a "Source: …" line or a closing note ("Information for this article was contributed by
    Harbour Wire.") cites, else None ([] for a source line naming an article by its headline)."""
    names = parse_cited_sources(line)
    return names if names is not None else contributed_outlets(line)


# a source's label on a line of its own, the reference on the line under it: "Source:" / "Roe J, et al. …"
_BARE_SOURCE_LABEL_RE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(label) for label in SOURCE_LABELS) + r")\s*[:：]\s*$", re.IGNORECASE
)
_REFERENCE_CHARS = 300  # a reference under the label is one line; longer text is the article going on


def is_source_label(line: str) -> bool:
    """A source's label alone on its line ("Source:", "Sources:"), the source on the line under it."""
    return bool(_BARE_SOURCE_LABEL_RE.match(line))


def labelled_sources(label: str, line: str) -> list[str] | None:
    """The sources ``line`` under a bare source ``label`` cites: the outlets it names ("Harbour Wire and
    Quayside News"), else the reference whole ("Roe J, et al. Sea swimming and the heart. 2024"); None
    when ``label`` is no bare label or ``line`` is too long for a reference."""
    if not is_source_label(label) or len(line) > _REFERENCE_CHARS:
        return None
    return cited_sources(f"{label.strip()} {line.strip()}") or [line.strip().rstrip(".")]


# a site named by its domain alone on the page's first line: "quaysideblog.net", "Harbourwatch.com"
_DOMAIN_RE = re.compile(r"^(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}$")
# a name of acronyms and run-together words, as call signs and brands print it: "HWKT", "HarbourNOW"
_SIGN_WORD_RE = re.compile(r"^(?:[A-Z]{2,5}|[A-Z][a-z]+[A-Z]{2,}|[A-Z]{2,}[a-z]+)$")
_SIGN_LINKS = frozenset({"from", "by", "on", "of", "&"})  # "HarbourNOW from HWKT"
# "The" and one or two capitalised words: a paper's name ("The Quaysider"), unless a section's label
_THE_NAME_RE = re.compile(r"^The\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")


def domain_masthead(line: str) -> str | None:
    """The site a line that is only a domain names ("quaysideblog.net"), else None."""
    text = line.strip()
    return text if _DOMAIN_RE.match(text) and not text.replace(".", "").isdigit() else None


def first_line_masthead(line: str) -> str | None:
    """The outlet the page's first line, above the headline, names: a domain ("quaysideblog.net"), a call
    sign or brand ("HWKT", "HarbourNOW from HWKT"), "The" and a name ("The Quaysider"), or a name an
    outlet's name ends ("Quayside Courier"); not a section's or kicker's label ("The Latest", "LIVE")."""
    text = " ".join(line.split()).strip(" |")
    if domain := domain_masthead(text):
        return domain
    words = text.split()
    folded = {word.casefold() for word in words}
    if not words or folded & (_SECTION_WORDS | _NOT_NAME_WORDS | _KICKER_WORDS):
        return None
    signs = [word for word in words if word.casefold() not in _SIGN_LINKS]
    signed = len(words) <= _NAMED_WORDS and all(_SIGN_WORD_RE.match(word) for word in signs)
    if signed and words[0] == signs[0] and words[-1] == signs[-1]:
        return text
    return text if _THE_NAME_RE.match(text) or is_outlet_name(text) else None


# a kicker's or label's words over a headline, never a masthead
_KICKER_WORDS = frozenset(
    {"exclusive", "analysis", "opinion", "comment", "editorial", "explainer", "review", "feature",
     "interview", "update", "updates", "sponsored", "advertisement", "watch", "listen", "world", "sport",
     "sports", "news", "us", "uk", "war", "big", "picture", "week", "day", "fact", "check", "podcast"}
)  # fmt: skip
