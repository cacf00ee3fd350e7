"""What an article names as its source, read from its text, credits and claims: one ``Mention`` each.

A mention comes from three places: the article's ``cited_sources`` (its "Source: …" / "Via …" lines,
found at extraction), its claims' sources (people, organisations, outlets, footage the claim rests
on; a body the article points at with "the", "the Pentagon said", "the military said", is one too),
and a light pass over its body for the reporting patterns claims may miss ("according to X",
"X reported", "X on Monday reported", "X wrote", "told X", "described to X" and "in an interview with
X" (the outlet a quotation was given to), "From X:", links and bare domains, wire datelines, also on
a line of their own, a closing credit line ("BBC", "— Reuters", "By: X"), and sources named as
examples ("reliable sources, such as Jane Roe and Ben Rook"). A journalist named with their outlet
("Clarion Sport's Jane Roe reported") cites both. An article under an agency's dateline is that
agency's copy (``citations.py`` counts it as the agency's). A time ("Wednesday", "Tuesday night")
is never a source, nor is a map's credit ("Map data ©…", a map service's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newstrace.analyse.certainty import IDENTIFIABLE
from newstrace.analyse.lexicon import TITLES, WHEN_WORDS, load_lexicon, past_participle
from newstrace.analyse.posts import MONTH, embedded_posts
from newstrace.analyse.sources import OUTLET_WORK
from newstrace.records import Article, Claim
from newstrace.trace.publications import (
    has_news_word,
    host_label,
    is_outlet_name,
    is_publication,
    outlet_names,
)

WIRE_CUE = "dateline"  # the cue of an agency's dateline: the article is that agency's copy, and credits it
# "… declined to comment when contacted by Clarion.co.uk": the outlet that did the reporting signs its
# own text; carried by another outlet, the text is that outlet's, as under an agency's dateline
CONTACTED_CUE = "contacted by"
OWN_TEXT_CUES = (WIRE_CUE, CONTACTED_CUE)  # cues that say whose text an article is, not whom it cites
IMAGE_CREDIT_CUE = "image credit"
# "the coach told The Clarion", "described to Clarion Sport as …": the outlet a quotation was given to,
# where it was first printed; what the article reports may rest on another outlet (``families.py``)
ADDRESSEE_CUE = "given to"
ADDRESSEE_CUES = ("told", ADDRESSEE_CUE)
# Capitalised words at a sentence start that are not names.
_NOT_NAMES = {
    "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "the",
    "a", "an", "his", "her", "their", "its", "our", "one", "some", "other", "others", "officials",
    "reports", "report", "media", "sources", "witnesses", "police", "earlier", "later", "it's",
    "neither", "nor", "no", "none", "nobody", "both", "each", "every", "all", "per", "i'm", "i’m",
    # sentence adverbs that open a clause ("However, the demonstrators dispute this, asserting …")
    "however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "subsequently",
    "notably", "also", "still", "instead", "indeed", "thus",
}  # fmt: skip
_GENERIC_SOURCES = {
    "footage", "video", "videos", "clip", "clips", "images", "image", "photos", "photo", "pictures",
    "picture", "recording", "report", "reports", "sources", "source", "documents", "document", "posts",
}  # fmt: skip
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight"}
# Words of a time, never a source's name: "Wednesday", "Tuesday night", "Last week" are when, not who
_TIME_WORDS = WHEN_WORDS | {"last", "next", "this", "early", "late", "earlier", "later", "on"}
# A time between a reporter and the verb: "Twitter on Wednesday reported", "Reuters late Monday reported"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WHEN = (
    rf"(?:(?:on |late |early |late on |early on )?{_WEEKDAY}(?: night| morning| afternoon| evening)?"
    r"|yesterday|today|last week|this week|earlier)"
)
_LEADING_PREPOSITIONS = {"from", "by", "of", "to", "with", "at"}  # "the statement from the Coast Guard"
# Video and social platforms: a credit "Platform/Channel" names footage posted there.
_PLATFORMS = {
    "youtube", "twitter", "x", "facebook", "instagram", "tiktok", "telegram", "vk", "vkontakte",
    "weibo", "reddit", "rumble", "dailymotion", "vimeo", "snapchat", "storyful",
}  # fmt: skip

# A name's word: no full stop at its end (the sentence's) but in an initialism or a title ("U.S.",
# "St.", "Dr.")
_ABBREVIATIONS = "|".join(sorted({w.capitalize() for w in TITLES if w.isalpha()} | {"St", "Mt", "Ft"}))
_NAME_WORD = rf"(?:(?:[A-Z]\.){{2,}}|(?:{_ABBREVIATIONS})\.|[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:of\s+|the\s+|and\s+|&\s+|de\s+)?(?:{_NAME_WORD}|\d+\b)){{0,4}}"
# Bodies one speaks to, not outlets one gives an interview to ("told the General Assembly")
_AUDIENCES = {
    "assembly", "parliament", "congress", "senate", "committee", "council", "court", "commission",
    "conference", "summit", "hearing", "tribunal", "inquiry",
}  # fmt: skip
_NOUN_REPORTS = r"(?:claim|claimed|say|said|suggest|suggested|indicate|indicated|of|from|in|on)\b"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "according to",
        re.compile(
            r"\b(?i:according to|per|as reported by|as first reported by|first reported by) "
            r"(?:(?:the |a |an )?(?:new |recent |latest |earlier )?"  # "according to a report from X"
            r"(?:report|story|article|interview|post|statement|tweet|video)s? (?:from|by|in|on|with) )?"
            rf"(?:the |a |an )?(?P<name>{_NAME})"
        ),
    ),
    # "Reuters reports that", not "Unconfirmed reports claim" (a noun and its verb)
    # … nor "Crews reported hearing bangs" (what they heard, no report of theirs)
    (
        "reported",
        re.compile(
            rf"(?P<name>{_NAME})(?:,? {_WHEN},?)? (?:has |had )?(?:reported|reports)\b"
            rf"(?! {_NOUN_REPORTS}| \w+ing\b)"
        ),
    ),
    ("wrote", re.compile(rf"(?P<name>{_NAME}) (?:has |had )?(?:wrote|writes)\b")),
    ("told", re.compile(rf"\b(?i:told) (?:the |a )?(?P<name>{_NAME})")),
    # "described to Clarion Sport as", "speaking to The Clarion", "in an interview with Clarion Radio":
    # only a news organisation's name (``_text_mentions``), not "explained to Jane Roe"
    (
        ADDRESSEE_CUE,
        re.compile(
            r"\b(?:(?i:described|said|explained|confirmed|admitted|revealed|insisted|speaking|talking)"
            r" (?:exclusively )?to|(?i:in an interview|speaking|talking) with) "
            rf"(?:the )?(?P<name>{_NAME})"
        ),
    ),
    # "…, reported Reuters." and a closing credit "— Reuters" / "- AFP" at the end of a paragraph
    ("reported", re.compile(rf",[\"”’']? (?:reported|reports|wrote) (?:the )?(?P<name>{_NAME})\.?$")),
    ("credit", re.compile(rf"[\"”’.]\s*[—–-]+\s*(?P<name>{_NAME})\s*$")),
    ("from", re.compile(rf"^\s*(?:From|Via|Source)\s*:?\s+(?P<name>{_NAME})\s*:")),
    # "According to a source for Page Six": the publication the unnamed source spoke to
    ("source for", re.compile(rf"\b(?i:sources?|insiders?) (?:for|to) (?:the )?(?P<name>{_NAME})")),
)
# The outlet that did the reporting, named in its own text: "when contacted by Clarion.co.uk", "The Clarion
# has approached her representatives for comment"
_CONTACTED_RE = re.compile(
    rf"\b(?:contacted|approached|asked) by (?:the )?(?P<name>{_NAME})"
    rf"|(?P<subject>{_NAME}) (?:has |have |had )?(?:contacted|approached|reached out to)\b[^.]{{0,80}}?"
    r"\bfor (?:comment|a comment|a response|a statement)"
)
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
_CONTRIBUTED_RE = re.compile(
    rf"(?:^|[.!?]\s+)(?P<name>{_NAME}?)(?P<own>['’]s\b[^.!?]{{0,300}}?)? (?:also )?contributed to this"
    r" (?:report|story|article)"
)
# a web address; a bare domain may be capitalised ("Clarion.co.uk"), its top-level domain is not
_URL_RE = re.compile(r"https?://[^\s)\"'<>]+|\b(?:[A-Za-z0-9-]+\.)+[a-z]{2,10}\b(?:/[^\s)\"'<>]*)?")


def _sentence_around(text: str, start: int, end: int) -> str:
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


_STAFF_RE = re.compile(
    r"^(?P<outlet>.+?)['’]s\s+(?:[A-Z]{2,}\s+|\w+\s+)?"
    r"(?:correspondent|reporter|editor|journalist|columnist|US|UK|EU|UN|CEO|MP|MEP|PM)$"  # "Sky's US […]"
)


# "Jane Roe, a reporter for the Clarion": the outlet the named journalist reports for
_WRITES_FOR_RE = re.compile(
    r"^[^,]+,\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}(?:reporter|correspondent|journalist|columnist|editor|anchor)"
    r"\s+(?:for|with|at)\s+(?P<outlet>.+)$"
)
# "Daily NK, an online newspaper based in Seoul": the name before its description
_DESCRIBED_RE = re.compile(r"^(?:the\s+)?(?P<name>(?:[A-Z][\w.&'’-]*\s*){1,5}),\s+(?:an?|the)\s+")
# "China's state news agency Xinhua", "North Korea's KCNA": the name after a place's possessive
_OWNED_NAME_RE = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+(?:[a-z-]+\s+)*(?P<name>[A-Z].*)$")


def _known_outlet_at_end(name: str) -> str | None:
    """An outlet known by name after a word for its kind ("die staatliche Nachrichtenagentur
    Xinhua", "the US network CNN"): the name alone (not "Valley Times")."""
    words = name.split()
    for size in (3, 2, 1):
        tail = " ".join(words[-size:])
        kind = words[-size - 1].lower() if len(words) > size else ""
        if kind in _OUTLET_KINDS and tail.lower() in outlet_names():
            return tail
    return None


# words for a kind of outlet, in the lexicons' languages
_OUTLET_KINDS = {
    "agency", "network", "broadcaster", "channel", "newspaper", "paper", "tabloid", "outlet", "daily",
    "station", "nachrichtenagentur", "agentur", "sender", "zeitung", "agence", "chaîne", "journal",
    "quotidien", "agencia", "diario", "cadena", "agenzia", "quotidiano", "agência", "jornal",
}  # fmt: skip


# "computer models from the Survey", "a report by the Ledger": the lower-case record, then its source
_RECORD_FROM_RE = re.compile(
    r"^(?:(?:[Aa]n?|[Tt]he|[Ss]ome)\s+)?(?:[a-z][\w-]*\s+){1,3}(?:from|by)\s+(?:the\s+)?(?P<name>[A-Z].*)$"
)


def _clean_name(name: str) -> str | None:
    name = name.strip(" .,:;'’\"")
    record = _RECORD_FROM_RE.match(name)
    if record:
        name = record.group("name")
    writes_for = _WRITES_FOR_RE.match(name)
    staff = _STAFF_RE.match(name)
    if writes_for:
        name = writes_for.group("outlet")
    elif staff:  # "Sky's US correspondent": the outlet the journalist reports for
        name = staff.group("outlet")
    described = _DESCRIBED_RE.match(name)
    if described and not writes_for:
        name = described.group("name").strip()
    name = _known_outlet_at_end(name) or name
    owned = _OWNED_NAME_RE.match(name)
    if owned and all(w[:1].isupper() for w in owned.group("name").split()):
        name = owned.group("name")
    words = name.split()
    while len(words) > 1 and (
        (words[-1].lower() in _DAYS and not is_outlet_name(words)) or _participle_after_noun(words)
    ):
        words.pop()  # "CNN Monday", "an internal memo obtained"; not "Clarion on Sunday"
    # "the Seoul-based Yonhap News Agency": no article, preposition or place of a base
    while words and (words[0].lower() in _NOT_NAMES | _LEADING_PREPOSITIONS or words[0].endswith("-based")):
        if len(words) > 2 and words[1] == "in" and words[2][:1].isupper():
            break  # "Police in Harbourtown": a body named by its place
        words.pop(0)
    owner = " ".join(words[:-1]).lower()
    if len(words) > 1 and words[-1].lower() in OUTLET_WORK and owner in outlet_names():
        words.pop()  # "a CNN report": CNN
    if words[:2] == ["name", "of"]:
        words = words[2:]  # "(a retired admiral by) the name of Jane Roe"
    if not words or len(" ".join(words)) < 2 or all(w.lower() in _TIME_WORDS for w in words):
        return None  # "Wednesday", "Tuesday night": a time, never a source
    return " ".join(words)


def _with_known_tail(name: str, paragraph: str, end: int) -> tuple[str, int]:
    """A name the pattern cut before a lower-case "on" ("the Clarion" of "the Clarion on Sunday"), completed
    when the whole is a news organisation's name; with the offset where it ends."""
    tail = re.match(r"\s+on\s+([A-Z][\w’']*)", paragraph[end:])
    if tail is None or not is_outlet_name(f"{name} on {tail.group(1)}".split()):
        return name, end
    return f"{name} on {tail.group(1)}", end + tail.end()


def _participle_after_noun(words: list[str]) -> bool:
    """The last word is a participle after a lower-case noun ("memo obtained", "e-mails seen")."""
    lower_case = len(words) > 1 and words[-2][:1].islower() and words[-1][:1].islower()
    return lower_case and past_participle(words[-1])


@dataclass(slots=True)
class Mention:
    surface: str
    kind: str
    cue: str
    evidence: str


def _text_mentions(article: Article) -> list[Mention]:
    mentions: list[Mention] = []
    for paragraph in article.body:
        for cue, pattern in _PATTERNS:
            for match in pattern.finditer(paragraph):
                found, end = _with_known_tail(match.group("name"), paragraph, match.end("name"))
                name = _clean_name(found)
                if end >= match.end() and _modifies_a_source(found, paragraph, end):
                    continue  # "according to a US official": the official is unnamed, not "US"
                if cue in ("source for", ADDRESSEE_CUE) and not (
                    name and (_names_a_publication(name, match, paragraph) or has_news_word(name))
                ):
                    continue  # "a source for the company", "said to Jane Roe": no publication
                journalist = _journalist(found, cue)
                if journalist is not None:  # "Clarion Sport's Jane Roe reported": her and her outlet
                    evidence = _sentence_around(paragraph, match.start(), end)
                    mentions += [Mention(n, kind, cue, evidence) for n, kind in journalist]
                    continue
                if name and not (cue == "told" and name.split()[-1].lower() in _AUDIENCES):
                    evidence = _sentence_around(paragraph, match.start(), end)
                    titled = _titled(match, paragraph)
                    kind = "outlet" if cue != "according to" or titled else "organisation"
                    mentions.append(Mention(f"The {name}" if titled else name, kind, cue, evidence))
        signed = _contacted_mentions(paragraph)
        mentions += [mention for mention, _ in signed] + _credit_mentions(paragraph) + _named_among(paragraph)
        for match in _URL_RE.finditer(paragraph):
            if any(start <= match.start() < stop for _, (start, stop) in signed):
                continue  # the outlet signing its own text, not a link it cites
            label = host_label(match.group(0))
            if label and label not in _PLATFORMS | {"t"}:  # a post's link ("pic.twitter.com/…", "t.co")
                evidence = _sentence_around(paragraph, match.start(), match.end())
                mentions.append(Mention(match.group(0), "outlet", "link", evidence))
    return mentions + _closing_credit(article.body)


# "Clarion Sport's Jane Roe", "Harbour News' Jane Roe": a journalist named with the outlet they report for
_JOURNALIST_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?P<outlet>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s?\s+"
    r"(?P<person>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2})$"
)
_REPORTING_CUES = (
    "reported",
    "wrote",
)  # what a journalist does: who reports for an owner reports for an outlet


def _journalist(name: str, cue: str) -> list[tuple[str, str]] | None:
    """[(person, "person"), (outlet, "outlet")] for a journalist named with their outlet's possessive:
    one who reports ("Clarion Sport's Jane Roe reported"), or one whose owner is a publication's name
    ("told Harbour News' Jane Roe"), not "Harbour City's Jane Roe said" (a club's player)."""
    match = _JOURNALIST_RE.match(name.strip(" .,:;"))
    if match is None:
        return None
    person, outlet = match.group("person"), _clean_name(match.group("outlet"))
    if outlet is None or is_publication(person):
        return None  # "the city's Harbour News": an outlet, not a person
    if cue not in _REPORTING_CUES and not is_publication(outlet):
        return None
    return [(person, "person"), (outlet, "outlet")]


# "sources such as Jane Roe and Ben Rook", "journalists including Clarion Sport's Ada Marsh": each named
_AMONG_RE = re.compile(
    r"\b(?i:sources|reporters|journalists|correspondents|insiders|outlets|reports|pundits|publications)"
    rf",?\s+(?i:such as|like|including)\s+(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+(?:and|or)\s+{_NAME})?)"
)
_PERSON_RE = re.compile(r"^[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2}$")


def _named_among(paragraph: str) -> list[Mention]:
    """The sources a sentence names as examples of its sources ("reliable sources, such as Jane Roe and
    Ben Rook"): people by a person's name, outlets otherwise."""
    mentions: list[Mention] = []
    for match in _AMONG_RE.finditer(paragraph):
        evidence = _sentence_around(paragraph, match.start(), match.end())
        for part in re.split(r"\s*,\s*|\s+(?:and|or)\s+", match.group("names")):
            journalist = _journalist(part, "reported")
            if journalist is not None:
                mentions += [Mention(n, kind, "named among sources", evidence) for n, kind in journalist]
                continue
            name = _clean_name(part)
            if name:
                kind = "person" if _PERSON_RE.match(name) and not is_publication(name) else "outlet"
                mentions.append(Mention(name, kind, "named among sources", evidence))
    return mentions


def _names_a_publication(name: str, match: re.Match[str], paragraph: str) -> bool:
    """A web address, a news organisation's name or a title ("The Clarion")."""
    return bool(host_label(name)) or is_outlet_name(name.split()) or _titled(match, paragraph)


def _contacted_mentions(paragraph: str) -> list[tuple[Mention, tuple[int, int]]]:
    """The outlets that sign the paragraph as their own reporting ("when contacted by Clarion.co.uk"),
    with the span of the name: only a name that is an outlet's (a web address, a news organisation's
    name, a title), not "contacted by police"."""
    found = []
    for match in _CONTACTED_RE.finditer(paragraph):
        group = "name" if match.group("name") else "subject"
        raw = match.group(group)
        name = raw.strip(" .,:;")
        if host_label(name) is None and not is_outlet_name(name.split()):
            continue
        evidence = _sentence_around(paragraph, match.start(), match.end())
        found.append(
            (Mention(name, "outlet", CONTACTED_CUE, evidence), (match.start(group), match.end(group)))
        )
    return found


_CREDIT_LINE_RE = re.compile(
    rf"^\s*(?P<mark>[—–-]+\s*|(?i:by|source|via|credit)\s*:\s*)?(?P<name>{_NAME})\s*\.?\s*$"
)


def _closing_credit(body: list[str]) -> list[Mention]:
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


def _modifies_a_source(name: str, paragraph: str, end: int) -> bool:
    """The name is followed by a lower-case word for a kind of source: it only qualifies it ("a US
    official"), unless it owns it ("Sky's US correspondent")."""
    following = re.match(r"\s+([a-z]+)", paragraph[end:])
    owned = "'s" in name or "’s" in name
    return following is not None and following.group(1) in _common_source_words() and not owned


def _titled(match: re.Match[str], paragraph: str) -> bool:
    """A name written as a publication's title is, with a capital "The" inside a sentence
    ("according to The Messenger"): an outlet, whatever the pattern that found it."""
    start = match.start("name")
    return (
        match.group("name").startswith("The ") and start > 0 and paragraph[start - 2 : start].strip() != "."
    )


def _dateline_line(paragraph: str) -> re.Match[str] | None:
    """A dateline alone on its line: with its date, or naming a news organisation ("WASHINGTON (AFP)"),
    not a heading over a link ("DOWNLOAD (PDF)")."""
    match = _DATELINE_LINE_RE.match(paragraph)
    if match is None or match.group("date") or match.group("dated"):
        return match
    return match if " ".join(re.findall(r"\w+", match.group("name").lower())) in outlet_names() else None


def _credit_mentions(paragraph: str) -> list[Mention]:
    """Agencies in datelines, outlets credited with contributing, social posts embedded in the text."""
    mentions: list[Mention] = []
    dateline = _DATELINE_RE.match(paragraph) or _dateline_line(paragraph)
    if dateline:
        evidence = _sentence_around(paragraph, dateline.start("name"), dateline.end())
        mentions.append(Mention(dateline.group("name"), "outlet", WIRE_CUE, evidence))
    for match in _CONTRIBUTED_RE.finditer(paragraph):
        name = _clean_name(match.group("name"))
        # "CNN's Jane Doe contributed": the outlet; "Jane Doe contributed": a reporter, not a source
        if name and (match.group("own") or len(name.split()) == 1 or has_news_word(name)):
            evidence = _sentence_around(paragraph, match.start("name"), match.end())
            mentions.append(Mention(name, "outlet", "contributed", evidence))
    for post in embedded_posts(paragraph):
        evidence = _sentence_around(paragraph, post.signature.start, post.signature.end)
        mentions.append(Mention(post.author.text, "footage", "post", evidence))
    return mentions


def _unnamed(name: str) -> bool:
    """A source that names no one: "Footage", "the video", "local reports" (no capitalised word
    after the first), "the spokesman", "some media outlets" (only words for kinds of source), which
    no other article could be said to cite too."""
    words = name.split()
    generic = words[0].lower() in _GENERIC_SOURCES
    if generic and len(words) <= 3 and not any(w[:1].isupper() for w in words[1:]):
        return True
    lower_case = not any(w[:1].isupper() for w in words)
    if lower_case and not host_label(name) and name.lower() not in outlet_names():
        return True  # "intelligence", "the whispers": lower case only, no name (but "dpa", a domain)
    capitalised = any(w[:1].isupper() for w in words[1:] if w.lower() not in {"the", "a", "an"})
    return not capitalised and all(w.lower() in _common_source_words() for w in words)  # "Authorities said"


def _described_in_title_case(name: str, sentence: str) -> bool:
    """A kind of source capitalised only because its sentence is in Title Case ("Tech Firm Denies Rumors")."""
    words = re.findall(r"[^\W\d_]+", sentence)
    title_case = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return title_case and name.split()[-1].lower() in _common_source_words()


@cache
def _organisation_words() -> frozenset[str]:
    return load_lexicon("en").organisation_words


@cache
def _common_source_words() -> frozenset[str]:
    """Words that name a kind of source, not a source ("the spokesman", "media outlets")."""
    lexicon = load_lexicon("en")
    determiners = {"the", "a", "an", "some", "other", "many"}
    return lexicon.source_heads | lexicon.footage_words | _GENERIC_SOURCES | determiners


# "Jane Doe", not "AFP" or "Getty Images"
_PHOTOGRAPHER_RE = re.compile(
    r"^(?!.*\b(?:Images|Pictures|Photos?|Press|News|Agency|Features|Media|Archives?|Collection|Library)\b)"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){1,2}$"
)


def credit_sources(credit: str) -> list[tuple[str, str]]:
    """(name, kind) of the sources an image credit names: "Reuters/Getty" → two outlets;
    "YouTube/SomeChannel" → footage from that channel on the platform."""
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|;|\band\b|\bvia\b|&)\s*", credit) if p.strip()]
    if len(parts) == 2 and parts[0].lower() in _PLATFORMS:
        return [(f"{parts[0]} ({parts[1]})", "footage")]
    if len(parts) > 1:  # "Brendan Smialowski / AFP": the photographer works for the agency
        parts = [p for p in parts if not _PHOTOGRAPHER_RE.match(p)] or parts
    return [(part, _credit_kind(part)) for part in parts]


# Services whose maps (and map imagery) pages show with their name as the picture's credit.
_MAP_SERVICES = {
    "google", "google maps", "google earth", "openstreetmap", "mapbox", "bing maps", "apple maps", "esri",
    "here", "tomtom", "maptiler",
}  # fmt: skip
_MAP_CREDIT_RE = re.compile(r"\b(?:map data|maps?|cartography|openstreetmap contributors)\b", re.IGNORECASE)


def _map_credit(credit: str) -> bool:
    """A map's attribution ("Map data ©2031 …", "Google", "© OpenStreetMap contributors"), not a
    picture's source."""
    bare = re.sub(r"(?:©|\(c\)|\b(?:19|20)\d\d\b)", " ", credit.lower())
    return bool(_MAP_CREDIT_RE.search(credit)) or " ".join(bare.split()).strip(" .,") in _MAP_SERVICES


def _credit_kind(part: str) -> str:
    """Footage of a platform, a photographer credited by name alone (a person), else an outlet."""
    if part.lower() in _PLATFORMS:
        return "footage"
    return "person" if _PHOTOGRAPHER_RE.match(part) and not is_outlet_name(part.split()) else "outlet"


def article_mentions(article: Article, claims: list[Claim]) -> list[Mention]:
    mentions = [Mention(name, "outlet", "source line", name) for name in article.cited_sources]
    for caption in article.captions:
        if _map_credit(caption.credit or ""):
            continue  # a map's attribution: the map's maker is no source of the report
        for name, kind in credit_sources(caption.credit or ""):
            evidence = f"{caption.text} Credit: {caption.credit}"
            mentions.append(Mention(name, kind, IMAGE_CREDIT_CUE, evidence))
    for claim in claims:
        source = _claim_source_name(claim)
        if source:
            cue = claim.reporting_cue or "claim"
            mentions.append(Mention(source, claim.source_kind, cue, claim.sentence))
            outlet = _journalists_outlet(source, claim) if claim.source_kind == "person" else None
            if outlet:
                mentions.append(Mention(outlet, "outlet", cue, claim.sentence))
    return mentions + _text_mentions(article)


def _journalists_outlet(person: str, claim: Claim) -> str | None:
    """The outlet a claim's speaker reports for, when the sentence names them with its possessive
    ("Clarion Sport's Jane Roe reported …"; see ``_journalist``)."""
    owned = re.search(
        rf"(?:[A-Z][\w.&-]*\s+){{0,3}}[A-Z][\w.&-]*['’]s?\s+{re.escape(person)}\b", claim.sentence
    )
    if owned is None:
        return None
    cue = "reported" if re.match(r"report|wr[io]te", claim.reporting_cue or "") else claim.reporting_cue or ""
    found = _journalist(owned.group(0), cue)
    return found[1][0] if found else None


def _claim_source_name(claim: Claim) -> str | None:
    """The name a claim's source is cited under: a name ("Maria Alvarez", "AFRICOM"), or a body the
    article points at with "the" ("the Pentagon said", "The military said"): one organisation of the
    story, which a fact-checker asks about. Never an unnamed person or group ("the spokesman",
    "military officials", "Authorities")."""
    if not claim.source or claim.source_kind not in IDENTIFIABLE:
        return None
    cleaned = _clean_name(claim.source)
    if cleaned and _described_in_title_case(cleaned, claim.sentence):
        return None
    if cleaned and not _unnamed(cleaned):
        return cleaned
    return _definite_body(claim.source) if claim.source_kind == "organisation" else None


_DEFINITE_BODY_RE = re.compile(r"^(?:the|The)\s+(?P<body>(?:[\w.&'’-]+\s+){0,2}[\w&'’-]+)$")


def _definite_body(source: str) -> str | None:
    """ "the Pentagon" → "Pentagon", "the military" → "the military": a definite organisation whose head
    is a word for a body; not a plural of one ("the authorities", "the companies": which of them?)."""
    match = _DEFINITE_BODY_RE.match(source.strip(" .,:;\"'’”“"))
    if match is None:
        return None
    words = match.group("body").split()
    head = words[-1].lower()
    bodies = _organisation_words()
    plural = head.endswith("s") and (head[:-1] in bodies or head[:-3] + "y" in bodies)
    if head not in bodies or plural:
        return None
    if all(w[:1].isupper() for w in words):
        return " ".join(words)  # a body's proper name, capitalised inside a sentence
    return "the " + " ".join(words)
