"""Credits: whose text or picture an article carries, as its datelines and credit lines say.

A wire dateline ("WASHINGTON, June 22 (Reuters) -") signs the text as an agency's; a closing credit
line ("— Reuters") or a contribution line ("The Associated Press contributed to this report") credits
the report it carries; an image credit ("Reuters/Getty", "YouTube/SomeChannel") names where a picture
comes from, which is no source of the report; a map's attribution names no source at all.
"""

from __future__ import annotations

import re

from newstrace.analyse.posts import MONTH, embedded_posts
from newstrace.trace.names import NAME, clean_name
from newstrace.trace.publications import has_news_word, is_outlet_name, is_publication, outlet_names
from newstrace.trace.sourcing import WIRE_CUE, Mention, sentence_around

# Video and social platforms: a credit "Platform/Channel" names footage posted there.
PLATFORMS = {
    "youtube", "twitter", "x", "facebook", "instagram", "tiktok", "telegram", "vk", "vkontakte",
    "weibo", "reddit", "rumble", "dailymotion", "vimeo", "snapchat", "storyful",
}  # fmt: skip

# Standing credits of wire copy and syndication, matched per paragraph: a dateline's agency
# ("WASHINGTON, June 22 (Reuters) -", "(CNN) —"), a credit line ("CNN's Jane Doe contributed to this
# report", "The Associated Press contributed to this report") and an embedded post's signature
# ("— Some Account (@handle) June 22, 2023", as pasted social posts read in page text).
_REGION = r"(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?"  # "LONDON, Ontario"
_DATE = rf"{MONTH} \d{{1,2}}(?:,? \d{{4}})?"  # "June 22", "March 5, 2018"
_AGENCY = r"\((?P<name>[A-Z][A-Za-z&.'’ -]{0,38}[A-Za-z.]|[a-z]{2,4})\)"  # "(Reuters)", "(dpa)"
_DATELINE_RE = re.compile(
    rf"^\s*(?:[A-Z][A-Z.'’ -]{{1,30}}{_REGION},?\s*)?(?:{_DATE},?\s*)?{_AGENCY}\s*[-–—]"
)
# A dateline on a line of its own, the story below it: "WASHINGTON (AFP)", "Washington, March 5, 2018
# (AFP)" (a place in capitals, or any place with its date: not "World Health Organization (WHO)")
_DATELINE_LINE_RE = re.compile(
    rf"^\s*(?:[A-Z][A-Z.'’ -]{{1,30}}{_REGION},?\s*(?P<date>{_DATE},?\s*)?"
    rf"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}}{_REGION},\s*(?P<dated>{_DATE}),?\s*){_AGENCY}\s*\.?\s*$"
)
# An agency between slashes after a dateline: "HARBOURTOWN, February 19. /HRZ/." (a place in capitals,
# then a date or none)
_SLASHED_DATELINE_RE = re.compile(
    rf"^\s*[A-Z][A-Z.'’ -]{{1,30}}{_REGION},?\s*(?:{_DATE})?[.,]?\s*/(?P<name>[A-Z][A-Za-z&.-]{{1,30}})/"
)
# "Information for this article was contributed by The Associated Press", "Reporting contributed by X"
_CONTRIBUTED_BY_RE = re.compile(
    rf"\bcontributed (?:to this (?:report|story|article) )?by (?:the )?(?P<name>{NAME})"
)
_CONTRIBUTED_RE = re.compile(
    rf"(?:^|[.!?]\s+)(?P<name>{NAME}?)(?P<own>['’]s\b[^.!?]{{0,300}}?)? (?:also )?contributed to this"
    r" (?:report|story|article)"
)
_CREDIT_LINE_RE = re.compile(
    rf"^\s*(?P<mark>[—–-]+\s*|(?i:by|source|via|credit)\s*:\s*)?(?P<name>{NAME})\s*\.?\s*$"
)


def closing_credit(body: list[str]) -> list[Mention]:
    """A last paragraph that is only a news organisation's name ("BBC"), also after a dash or a label
    ("— Reuters", "-ClarionSport", "By: Clarion Sport"): the credit of the report the page carries (a
    lone name of anything else may be a caption, a tag or a reporter's signature, not a credit)."""
    if len(body) < 2:
        return []
    match = _CREDIT_LINE_RE.match(body[-1])
    if match is None:
        return []
    name = match.group("name")
    known = " ".join(re.findall(r"\w+", name.lower())) in outlet_names()
    if not (known or (match.group("mark") and is_publication(name))):
        return []
    return [Mention(name, "outlet", "credit line", body[-1].strip())]


def _dateline_line(paragraph: str) -> re.Match[str] | None:
    """A dateline alone on its line: with its date, or naming a news organisation ("WASHINGTON (AFP)"),
    not a heading over a link ("DOWNLOAD (PDF)")."""
    match = _DATELINE_LINE_RE.match(paragraph)
    if match is None or match.group("date") or match.group("dated"):
        return match
    return match if " ".join(re.findall(r"\w+", match.group("name").lower())) in outlet_names() else None


def credit_mentions(paragraph: str) -> list[Mention]:
    """Agencies in datelines, outlets credited with contributing, social posts embedded in the text."""
    mentions: list[Mention] = []
    dateline = (
        _DATELINE_RE.match(paragraph) or _dateline_line(paragraph) or _SLASHED_DATELINE_RE.match(paragraph)
    )
    if dateline:
        evidence = sentence_around(paragraph, dateline.start("name"), dateline.end())
        # "(CNN and Harbour News)": two outlets' joint text
        for name in re.split(r"\s+(?:and|&)\s+|\s*/\s*", dateline.group("name").strip()):
            mentions.append(Mention(name, "outlet", WIRE_CUE, evidence))
    for match in _CONTRIBUTED_BY_RE.finditer(paragraph):
        name = clean_name(match.group("name"))
        if name:
            evidence = sentence_around(paragraph, match.start(), match.end())
            mentions.append(Mention(name, "outlet", "contributed", evidence))
    for match in _CONTRIBUTED_RE.finditer(paragraph):
        name = clean_name(match.group("name"))
        # "CNN's Jane Doe contributed": the outlet; "Jane Doe contributed": a reporter, not a source
        if name and (match.group("own") or len(name.split()) == 1 or has_news_word(name)):
            evidence = sentence_around(paragraph, match.start("name"), match.end())
            mentions.append(Mention(name, "outlet", "contributed", evidence))
    for post in embedded_posts(paragraph):
        evidence = sentence_around(paragraph, post.signature.start, post.signature.end)
        mentions.append(Mention(post.author.text, "footage", "post", evidence))
    return mentions


_PHOTOGRAPHER_RE = re.compile(
    r"^(?!.*\b(?:Images|Pictures|Photos?|Press|News|Agency|Features|Media|Archives?|Collection|Library)\b)"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){1,2}$"
)


def credit_sources(credit: str) -> list[tuple[str, str]]:
    """(name, kind) of the sources an image credit names: "Reuters/Getty" → two outlets;
    "YouTube/SomeChannel" and "SomeChannel/YouTube" → footage from that channel on the platform."""
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|;|\band\b|\bvia\b|&)\s*", credit) if p.strip()]
    if len(parts) == 2 and parts[0].lower() in PLATFORMS:
        return [(f"{parts[0]} ({parts[1]})", "footage")]
    if len(parts) == 2 and parts[1].lower() in PLATFORMS:  # "Quay Fire/Facebook": its post on the platform
        return [(f"{parts[1]} ({parts[0]})", "footage")]
    if len(parts) > 1:  # "Brendan Smialowski / AFP": the photographer works for the agency
        parts = [p for p in parts if not _PHOTOGRAPHER_RE.match(p)] or parts
    return [(part, _credit_kind(part)) for part in parts]


# Services whose maps (and map imagery) pages show with their name as the picture's credit.
_MAP_SERVICES = {
    "google", "google maps", "google earth", "openstreetmap", "mapbox", "bing maps", "apple maps", "esri",
    "here", "tomtom", "maptiler",
}  # fmt: skip
_MAP_CREDIT_RE = re.compile(r"\b(?:map data|maps?|cartography|openstreetmap contributors)\b", re.IGNORECASE)


def map_credit(credit: str) -> bool:
    """A map's attribution ("Map data ©2031 …", "Google", "© OpenStreetMap contributors"), not a
    picture's source."""
    bare = re.sub(r"(?:©|\(c\)|\b(?:19|20)\d\d\b)", " ", credit.lower())
    return bool(_MAP_CREDIT_RE.search(credit)) or " ".join(bare.split()).strip(" .,") in _MAP_SERVICES


def _credit_kind(part: str) -> str:
    """Footage of a platform, a photographer credited by name alone (a person), else an outlet."""
    if part.lower() in PLATFORMS:
        return "footage"
    return "person" if _PHOTOGRAPHER_RE.match(part) and not is_outlet_name(part.split()) else "outlet"
