"""How an article names a source, and when a name names no one.

``clean_name`` reduces what a pattern or a claim found to the source's name: no article, preposition,
time, participle or description around it ("the Seoul-based Yonhap News Agency", "Jane Roe, a
reporter for the Clarion" → the Clarion, "CNN Monday"). ``unnamed`` tells a name from a kind of source
("the spokesman", "local reports", "some media outlets"), which no two articles can be said to cite
alike.
"""

from __future__ import annotations

import re
from functools import cache

from newstrace.analyse.lexicon import TITLES, WHEN_WORDS, load_lexicon, past_participle
from newstrace.analyse.sources import OUTLET_WORK
from newstrace.trace.publications import host_label, is_outlet_name, outlet_names

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
_LEADING_PREPOSITIONS = {"from", "by", "of", "to", "with", "at"}  # "the statement from the Coast Guard"
# A name's word: no full stop at its end (the sentence's) but in an initialism or a title ("U.S.",
# "St.", "Dr.")
_ABBREVIATIONS = "|".join(sorted({w.capitalize() for w in TITLES if w.isalpha()} | {"St", "Mt", "Ft"}))
NAME_WORD = rf"(?:(?:[A-Z]\.){{2,}}|(?:{_ABBREVIATIONS})\.|[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*)"
NAME = rf"{NAME_WORD}(?:\s+(?:of\s+|the\s+|and\s+|&\s+|de\s+)?(?:{NAME_WORD}|\d+\b)){{0,4}}"


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


def clean_name(name: str) -> str | None:
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


def with_known_tail(name: str, paragraph: str, end: int) -> tuple[str, int]:
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


def modifies_a_source(name: str, paragraph: str, end: int) -> bool:
    """The name is followed by a lower-case word for a kind of source: it only qualifies it ("a US
    official"), unless it owns it ("Sky's US correspondent")."""
    following = re.match(r"\s+([a-z]+)", paragraph[end:])
    owned = "'s" in name or "’s" in name
    return following is not None and following.group(1) in common_source_words() and not owned


def titled(match: re.Match[str], paragraph: str) -> bool:
    """A name written as a publication's title is, with a capital "The" inside a sentence
    ("according to The Messenger"): an outlet, whatever the pattern that found it."""
    start = match.start("name")
    return (
        match.group("name").startswith("The ") and start > 0 and paragraph[start - 2 : start].strip() != "."
    )


def unnamed(name: str) -> bool:
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
    return not capitalised and all(w.lower() in common_source_words() for w in words)  # "Authorities said"


def described_in_title_case(name: str, sentence: str) -> bool:
    """A kind of source capitalised only because its sentence is in Title Case ("Tech Firm Denies Rumors")."""
    words = re.findall(r"[^\W\d_]+", sentence)
    title_case = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return title_case and name.split()[-1].lower() in common_source_words()


@cache
def organisation_words() -> frozenset[str]:
    return load_lexicon("en").organisation_words


@cache
def common_source_words() -> frozenset[str]:
    """Words that name a kind of source, not a source ("the spokesman", "media outlets")."""
    lexicon = load_lexicon("en")
    determiners = {"the", "a", "an", "some", "other", "many"}
    return lexicon.source_heads | lexicon.footage_words | _GENERIC_SOURCES | determiners


_DEFINITE_BODY_RE = re.compile(r"^(?:the|The)\s+(?P<body>(?:[\w.&'’-]+\s+){0,2}[\w&'’-]+)$")


def definite_body(source: str) -> str | None:
    """ "the Pentagon" → "Pentagon", "the military" → "the military": a definite organisation whose head
    is a word for a body; not a plural of one ("the authorities", "the companies": which of them?)."""
    match = _DEFINITE_BODY_RE.match(source.strip(" .,:;\"'’”“"))
    if match is None:
        return None
    words = match.group("body").split()
    head = words[-1].lower()
    bodies = organisation_words()
    plural = head.endswith("s") and (head[:-1] in bodies or head[:-3] + "y" in bodies)
    if head not in bodies or plural:
        return None
    if all(w[:1].isupper() for w in words):
        return " ".join(words)  # a body's proper name, capitalised inside a sentence
    return "the " + " ".join(words)
