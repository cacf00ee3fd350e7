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
from newstrace.trace.publications import host_label, is_outlet_name, is_publication, outlet_names

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
# "Ruritania's state news agency RNA", "Freedonia's FNA": the name after a place's possessive
_OWNED_NAME_RE = re.compile(
    r"^(?:[A-Z][\w.-]*\s+(?:(?:of|the|and|for|&)\s+)?){0,5}[A-Z][\w.-]*['’]s\s+(?:[a-z-]+\s+)*(?P<name>[A-Z].*)$"
)  # "Harbour City's Jane Roe", "Planning Council of Harbourtown's Jane Roe"


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


# A full stop with no space after it, between two sentences run together ("Roe added.The Harbour
# Association declined"): the name is the second sentence's
_GLUED_STOP_RE = re.compile(r"(?<=[a-z])[.!?](?=[A-Z][a-z])")
# A clause or an apposition after a name ("the Harbour Group, posted Monday on its website", "Jane
# Roe, executive director of …"): the name is before it
_CLAUSE_RE = re.compile(r"\s*,\s+(?=[a-z])")
# Words of a page's time stamp, never a source's name ("LAST MODIFIED:", "Updated")
_STAMP_WORDS = {"modified", "updated", "published", "posted", "edited", "created"}


# "Scientists at the Harbour Clinic Research Institute", "researchers from Harbour University behind the
# study": the body they work for, named at the start of what follows
_MEMBERS_AT_RE = re.compile(
    rf"^(?:(?:[Aa]n?|[Tt]he|[Ss]ome)\s+)?(?P<who>[A-Za-z]+)\s+(?:at|from|with)\s+(?:the\s+)?(?P<name>{NAME})"
)


def clean_name(name: str) -> str | None:
    """The source's name in what a pattern or a claim found (see the module docstring), None when
    only a time or a stamp is left."""
    name = _GLUED_STOP_RE.split(name)[-1].strip(" .,:;'’\"")
    members = _MEMBERS_AT_RE.match(name)
    if members and members.group("who").lower() in common_source_words():
        name = members.group("name")
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
    name = _CLAUSE_RE.split(name, maxsplit=1)[0]
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
    while len(words) > 1 and words[0].isdigit():
        words.pop(0)  # "(In) 2015 the Harbour Group": a year, then the name
    possessor = _owner_before_qualifier(words)
    if possessor:
        words = possessor  # "the Harbour Group' Northern (affiliate)": the group
    words = _outlet_named(words)
    if (
        not words
        or len(" ".join(words)) < 2
        or all(w.lower().strip(":") in _TIME_WORDS | _STAMP_WORDS for w in words)
    ):
        return None  # "Wednesday", "Tuesday night", "LAST MODIFIED:": a time, never a source
    return " ".join(words)


def _outlet_named(words: list[str]) -> list[str]:
    """An outlet's name without the words for its kind and where it is from around it: "news agency
    Harbourwire", "Harbourwire news agency", "the Regionian HRZ daily", "Regionian news site HRZ" → the
    name alone; unchanged when no word for an outlet's kind is around a name ("Regionian Airlines")."""
    kinds = outlet_words() | _OUTLET_KINDS
    lead = 0
    while lead < len(words) - 1 and (words[lead] in kinds or qualifier(words[lead])):
        lead += 1
    trail = len(words)
    while trail > lead + 1 and words[trail - 1] in kinds:
        trail -= 1
    named = words[lead:trail]
    stripped = [w for w in words[:lead] + words[trail:] if w in kinds]
    if not stripped or not named[0][:1].isupper() or all(qualifier(w) for w in named):
        return words
    return named


def _owner_before_qualifier(words: list[str]) -> list[str] | None:
    """A possessive name, then a qualifier of what it owns ("Harbour Group' Northern"): the owner is
    the source (the thing owned was cut off)."""
    for i, word in enumerate(words[:-1]):
        if word.endswith(("'", "’")) and all(qualifier(w) for w in words[i + 1 :]):
            return [*words[:i], word.rstrip("'’")]
    return None


# A word that qualifies a kind of source with a place or a people: "Russian", "Swedish", "Chinese",
# "Iraqi", "French", "Nordic"; a country's short code. No capital inside ("JPMorgan") and not a
# publication's name ("Guardian").
_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:ian|an|ish|ese|ic|[a-z]{3}i|ch)$")
_COUNTRY_CODES = {"US", "U.S.", "UK", "U.K.", "EU", "UN", "UAE"}


def qualifier(word: str) -> bool:
    """A word that says where a source is from, not which it is ("Russian", "US")."""
    return word in _COUNTRY_CODES or (bool(_DEMONYM_RE.match(word)) and not is_outlet_name([word]))


def kind_described(name: str) -> bool:
    """A kind of source qualified by a place or a people and lower-case words, naming none ("Russian
    news agencies", "a new Regionian study", "US officials", "the Regionian state news agency")."""
    words = [w for w in name.split() if w.lower() not in {"the", "a", "an"}]
    if len(words) < 2 or not any(qualifier(w) for w in words):
        return False
    kinds = common_source_words() | _OUTLET_KINDS
    return words[-1].lower() in kinds and all(qualifier(w) or w.islower() for w in words)


# A name that ends in a lower-case plural description of whom it stands for ("the Harbour Group
# fundamentalists", "Harbour Clinic researchers"): the name before it
_DESCRIBED_MEMBERS_RE = re.compile(
    r"^(?P<name>.*[A-Z][\w.&'’-]*)\s+(?:[a-z][a-z-]*\s+)?(?P<last>[a-z][a-z-]*)$"
)
_PEOPLE_SUFFIXES = ("ists", "ers", "ians", "ors", "ants", "ents", "goers")


def without_description(name: str) -> str:
    """The name without a lower-case plural description after it ("Harbour Group fundamentalists"),
    unless the name is only a qualifier ("Regionian officials": ``kind_described``)."""
    match = _DESCRIBED_MEMBERS_RE.match(name)
    if match is None or all(qualifier(w) for w in match.group("name").split()):
        return name
    last = match.group("last")
    plural = last.endswith(_PEOPLE_SUFFIXES) or (last in common_source_words() and last.endswith("s"))
    return match.group("name") if plural and not last.endswith("ss") else name


# A plural noun for people that a sentence opens with its capital: "Seismologists reported",
# "Churchgoers said", "Volunteers told …"
_PEOPLE_PLURAL_RE = re.compile(rf"^[A-Z][a-z]+(?:{'|'.join(_PEOPLE_SUFFIXES)})$")


def capital_of_sentence(name: str, sentence: str) -> bool:
    """The name's only capital is its sentence's first letter: a kind of source in lower case
    ("Security forces said", "Council members say", "Seismologists reported"), not a name ("Reuters")."""
    words = name.split()
    opens = sentence.lstrip(" \"'“‘«").startswith(name)
    if not opens or not words[0][1:].islower() or any(w[:1].isupper() for w in words[1:]):
        return False  # "HF fundamentalists": a capital of its own
    if is_publication(name):
        return False
    return len(words) > 1 or bool(_PEOPLE_PLURAL_RE.match(name))


_ROLE_TITLES = {"head", "chief", "leader", "president", "premier", "governor", "mayor", "minister"}


def split_role(name: str) -> tuple[str, str] | None:
    """(role, person) of a person named after their role ("Head of Regionia Jan Roe", "Harbourtown
    Mayor Ada Marsh", "Interior Ministry spokesman Ben Rook"): the last two words, when both are
    capitalised names and the words before hold a word for a role."""
    words = name.split()
    if len(words) < 3:
        return None
    person, role = words[-2:], words[:-2]
    if not all(re.fullmatch(r"[A-Z][a-z][\w'’-]*", w) for w in person):
        return None
    roles = person_roles() | _ROLE_TITLES
    if not any(w.lower().strip(".") in roles for w in role) or any(w.lower() in roles for w in person):
        return None
    return " ".join(role), " ".join(person)


def bare_role(name: str) -> str | None:
    """The role a source is named by alone ("the head of Regionia", "Regionia's governor" is not), in
    lower case: a word for a role, then "of" and whom or what it heads."""
    words = [w for w in name.split() if w.lower() not in {"the", "a", "an"}]
    roles = person_roles() | _ROLE_TITLES
    if len(words) < 3 or words[0].lower() not in roles or words[1] != "of":
        return None
    return " ".join(words).lower()


def role_key(role: str) -> str:
    """A role as two articles write it alike ("Head of Regionia", "the head of Regionia")."""
    words = [w for w in role.lower().split() if w not in {"the", "a", "an"}]
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
    official"), unless it owns it ("Sky's US correspondent") or names the outlet the word says it is
    ("told HRZN radio", "the TASS news agency"; not "Regionian news agencies")."""
    following = re.match(r"\s+([a-z]+)", paragraph[end:])
    owned = "'s" in name or "’s" in name
    if following is None or following.group(1) not in common_source_words() or owned:
        return False
    return following.group(1) not in outlet_words() or qualifier(name)


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
def person_roles() -> frozenset[str]:
    return load_lexicon("en").person_roles


@cache
def outlet_words() -> frozenset[str]:
    return load_lexicon("en").outlet_words


def source_kind(name: str, kind: str, sentence: str) -> str:
    """The kind of source a name is, as the claim gave it unless the words say otherwise: a body
    named by a word for a body ("the ministry" given as a record) is an organisation, and so is a
    name followed by a plural of its people ("Harbour Clinic researchers say": the clinic)."""
    head = name.split()[-1].lower()
    if kind in ("footage", "outlet") and head in organisation_words() and not is_publication(name):
        return "organisation"
    if kind != "person" and _owned_person(name, sentence):
        return "person"  # "said Harbour Planning Council's Jane Roe": Jane Roe, of the council
    members = re.search(rf"\b{re.escape(name)}\s+([a-z]+s)\b", sentence)
    if kind == "person" and members and members.group(1) in common_source_words():
        return "organisation"
    return kind


_PERSON_NAME_RE = re.compile(r"^[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2}$")


def _owned_person(name: str, sentence: str) -> bool:
    """The name is a person's (two or three capitalised words, no word for a body or an outlet) that the
    sentence writes after a body's possessive ("Harbour Planning Council's Jane Roe")."""
    if not _PERSON_NAME_RE.match(name) or is_publication(name):
        return False
    if any(w.lower() in organisation_words() | outlet_words() for w in name.split()):
        return False
    return re.search(rf"['’]s\s+{re.escape(name)}\b", sentence) is not None


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
