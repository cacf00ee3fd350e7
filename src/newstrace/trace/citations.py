"""Who each article of a story names as its source, resolved to one node per source across the story.

A citation comes from three places: the article's ``cited_sources`` (its "Source: …" / "Via …" lines,
found at extraction), its claims' sources (people, organisations, outlets, footage the claim rests
on), and a light pass over its body for the reporting patterns claims may miss ("according to X",
"X reported", "X wrote", "told X", "From X:", links and bare domains).

Names are resolved by general normalisation only, never a list of particular outlets: case,
punctuation, a leading article, possessives, a web address's scheme, sub-domain and top-level
domain, and generic news words ("daily", "online", "news", …) are stripped, so "The Daily
Clarion", "Daily Clarion", "dailyclarion.co.uk" and "ClarionOnline" all reduce to one key. Two more
rules merge aliases: an acronym written in capitals that equals the initials of another multi-word
name, and a person's lone surname that matches exactly one full name in the story.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from newstrace.analyse.lexicon import TITLES, load_lexicon, past_participle
from newstrace.analyse.posts import MONTH, embedded_posts
from newstrace.analyse.sources import OUTLET_WORK
from newstrace.records import Article, Claim

CITED_KINDS = ("person", "organisation", "outlet", "footage")
# Generic words of outlet names: stripped from a name's key when something distinctive remains.
_GENERIC_WORDS = (
    "the", "daily", "online", "news", "newspaper", "magazine", "media", "tv", "radio", "web",
    "website", "site", "official", "channel", "network", "agency", "group", "com", "net",
)  # fmt: skip
_SECOND_LEVEL = {"com", "co", "org", "net", "gov", "edu", "ac", "info", "biz", "news", "online"}
_FUNCTION_WORDS = {"of", "the", "and", "for", "de", "la", "le", "du", "&"}
# Capitalised words at a sentence start that are not names.
_NOT_NAMES = {
    "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "the",
    "a", "an", "his", "her", "their", "its", "our", "one", "some", "other", "others", "officials",
    "reports", "report", "media", "sources", "witnesses", "police", "earlier", "later", "it's",
    "neither", "nor", "no", "none", "nobody", "both", "each", "every", "all", "per", "i'm", "i’m",
}  # fmt: skip
_GENERIC_SOURCES = {
    "footage", "video", "videos", "clip", "clips", "images", "image", "photos", "photo", "pictures",
    "picture", "recording", "report", "reports", "sources", "source", "documents", "document", "posts",
}  # fmt: skip
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight"}
_LEADING_PREPOSITIONS = {"from", "by", "of", "to", "with", "at"}  # "the statement from the Coast Guard"
# Video and social platforms: a credit "Platform/Channel" names footage posted there.
_PLATFORMS = {
    "youtube", "twitter", "x", "facebook", "instagram", "tiktok", "telegram", "vk", "vkontakte",
    "weibo", "reddit", "rumble", "dailymotion", "vimeo", "snapchat", "storyful",
}  # fmt: skip
_MIN_KEY = 3  # a stripped key shorter than this is too generic: keep the unstripped form

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
        re.compile(rf"(?P<name>{_NAME}) (?:has |had )?(?:reported|reports)\b(?! {_NOUN_REPORTS}| \w+ing\b)"),
    ),
    ("wrote", re.compile(rf"(?P<name>{_NAME}) (?:has |had )?(?:wrote|writes)\b")),
    ("told", re.compile(rf"\b(?i:told) (?:the |a )?(?P<name>{_NAME})")),
    # "…, reported Reuters." and a closing credit "— Reuters" / "- AFP" at the end of a paragraph
    ("reported", re.compile(rf",[\"”’']? (?:reported|reports|wrote) (?:the )?(?P<name>{_NAME})\.?$")),
    ("credit", re.compile(rf"[\"”’.]\s*[—–-]+\s*(?P<name>{_NAME})\s*$")),
    ("from", re.compile(rf"^\s*(?:From|Via|Source)\s*:?\s+(?P<name>{_NAME})\s*:")),
)
# Standing credits of wire copy and syndication, matched per paragraph: a dateline's agency
# ("WASHINGTON, June 22 (Reuters) -", "(CNN) —"), a credit line ("CNN's Jane Doe contributed to this
# report", "The Associated Press contributed to this report") and an embedded post's signature
# ("— Some Account (@handle) June 22, 2023", as pasted social posts read in page text).
_DATELINE_RE = re.compile(
    rf"^\s*(?:[A-Z][A-Z.'’ -]{{1,30}}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?,?\s*)?(?:{MONTH} \d{{1,2}}\s*)?"
    r"\((?P<name>[A-Z][A-Za-z&.'’ -]{0,38}[A-Za-z.]|[a-z]{2,4})\)\s*[-–—]"  # "(Reuters)", "(dpa)"
)
_CONTRIBUTED_RE = re.compile(
    rf"(?:^|[.!?]\s+)(?P<name>{_NAME}?)(?P<own>['’]s\b[^.!?]{{0,300}}?)? (?:also )?contributed to this"
    r" (?:report|story|article)"
)
_URL_RE = re.compile(r"https?://[^\s)\"'<>]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,10}\b(?:/[^\s)\"'<>]*)?")


@dataclass(slots=True)
class Citation:
    """One article naming one source."""

    article_key: str
    node_key: str
    surface: str  # the name as the article wrote it
    cue: str  # "source line", "according to", "said", "link", …
    evidence: str  # the sentence or line it was found in


@dataclass(slots=True)
class CitationNode:
    """One source across the story, whatever name each article gave it."""

    key: str
    name: str  # the most frequent surface form
    kind: str  # person, organisation, outlet, footage
    aliases: list[str] = field(default_factory=list)
    cited_by: list[str] = field(default_factory=list)  # article keys
    ingested_as: list[str] = field(default_factory=list)  # keys of the story's articles from this outlet

    @property
    def ingested(self) -> bool:
        return bool(self.ingested_as)


@dataclass(slots=True)
class CitationGraph:
    nodes: dict[str, CitationNode]
    citations: list[Citation]

    def find(self, name: str) -> str | None:
        """The node a name resolves to, if any article cited it under that name or its key."""
        norm = normalise_source(name)
        for node in self.nodes.values():
            if norm == node.key or any(normalise_source(alias) == norm for alias in node.aliases):
                return node.key
        return None

    def cited_by(self, article_key: str) -> set[str]:
        """The node keys one article cites."""
        return {c.node_key for c in self.citations if c.article_key == article_key}


def article_key(article: Article) -> str:
    """How provenance names an article: its store id, else its canonical URL or content hash."""
    return str(article.id) if article.id is not None else article.key


def _host_label(text: str) -> str | None:
    """The distinctive label of a web address ("https://www.dailymail.co.uk/x" → "dailymail")."""
    candidate = text.strip().lower()
    if " " in candidate or "." not in candidate:
        return None
    host = urlsplit(candidate if "//" in candidate else "//" + candidate).hostname or ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or not re.fullmatch(r"[a-z]{2,10}", labels[-1]):
        return None
    while len(labels) > 1 and (labels[-1] in _SECOND_LEVEL or len(labels[-1]) == 2):
        labels.pop()  # top-level and second-level domains: "co.uk", ".com", ".ru"
    return labels[-1] if labels else None


def normalise_source(name: str) -> str:
    """The key two names of one source share (see the module docstring for the rules)."""
    acronym = _ACRONYM_RE.search(name)
    if acronym:  # "the state-run Korean Central News Agency (KCNA)": known by its acronym
        name = acronym.group(1)
    label = _host_label(name)
    text = label if label is not None else name.lower()
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"\w+", text)
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    distinctive = [w for w in words if w not in _GENERIC_WORDS]
    compact = "".join(distinctive if len("".join(distinctive)) >= _MIN_KEY else words)
    changed = True
    while changed:  # generic words glued into one token: "dailymail", "mailonline"
        changed = False
        for generic in _GENERIC_WORDS:
            if compact.startswith(generic) and len(compact) - len(generic) >= _MIN_KEY:
                compact, changed = compact[len(generic) :], True
            if compact.endswith(generic) and len(compact) - len(generic) >= _MIN_KEY:
                compact, changed = compact[: -len(generic)], True
    return compact


_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z&]{1,7})\)\s*$")


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"\w+", name.lower()) if w not in _FUNCTION_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
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
        if kind in _OUTLET_KINDS and tail.lower() in _outlet_names():
            return tail
    return None


# words for a kind of outlet, in the lexicons' languages
_OUTLET_KINDS = {
    "agency", "network", "broadcaster", "channel", "newspaper", "paper", "tabloid", "outlet", "daily",
    "station", "nachrichtenagentur", "agentur", "sender", "zeitung", "agence", "chaîne", "journal",
    "quotidien", "agencia", "diario", "cadena", "agenzia", "quotidiano", "agência", "jornal",
}  # fmt: skip


def _clean_name(name: str) -> str | None:
    name = name.strip(" .,:;'’\"")
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
    while len(words) > 1 and (words[-1].lower() in _DAYS or _participle_after_noun(words)):
        words.pop()  # "CNN Monday", "an internal memo obtained"
    # "the Seoul-based Yonhap News Agency": no article, preposition or place of a base
    while words and (words[0].lower() in _NOT_NAMES | _LEADING_PREPOSITIONS or words[0].endswith("-based")):
        if len(words) > 2 and words[1] == "in" and words[2][:1].isupper():
            break  # "Police in Harbourtown": a body named by its place
        words.pop(0)
    owner = " ".join(words[:-1]).lower()
    if len(words) > 1 and words[-1].lower() in OUTLET_WORK and owner in _outlet_names():
        words.pop()  # "a CNN report": CNN
    if words[:2] == ["name", "of"]:
        words = words[2:]  # "(a retired admiral by) the name of Jane Roe"
    if not words or len(" ".join(words)) < 2:
        return None
    return " ".join(words)


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
                name = _clean_name(match.group("name"))
                if _modifies_a_source(match.group("name"), paragraph, match.end("name")):
                    continue  # "according to a US official": the official is unnamed, not "US"
                if name and not (cue == "told" and name.split()[-1].lower() in _AUDIENCES):
                    evidence = _sentence_around(paragraph, match.start(), match.end())
                    titled = _titled(match, paragraph)
                    kind = "outlet" if cue != "according to" or titled else "organisation"
                    mentions.append(Mention(f"The {name}" if titled else name, kind, cue, evidence))
        mentions += _credit_mentions(paragraph)
        for match in _URL_RE.finditer(paragraph):
            label = _host_label(match.group(0))
            if label and label not in _PLATFORMS | {"t"}:  # a post's link ("pic.twitter.com/…", "t.co")
                evidence = _sentence_around(paragraph, match.start(), match.end())
                mentions.append(Mention(match.group(0), "outlet", "link", evidence))
    return mentions


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


def _credit_mentions(paragraph: str) -> list[Mention]:
    """Agencies in datelines, outlets credited with contributing, social posts embedded in the text."""
    mentions: list[Mention] = []
    dateline = _DATELINE_RE.match(paragraph)
    if dateline:
        evidence = _sentence_around(paragraph, dateline.start("name"), dateline.end())
        mentions.append(Mention(dateline.group("name"), "outlet", "dateline", evidence))
    for match in _CONTRIBUTED_RE.finditer(paragraph):
        name = _clean_name(match.group("name"))
        # "CNN's Jane Doe contributed": the outlet; "Jane Doe contributed": a reporter, not a source
        if name and (match.group("own") or len(name.split()) == 1 or _names_outlet(name)):
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
    if lower_case and not _host_label(name) and name.lower() not in _outlet_names():
        return True  # "intelligence", "the whispers": lower case only, no name (but "dpa", a domain)
    capitalised = any(w[:1].isupper() for w in words[1:] if w.lower() not in {"the", "a", "an"})
    return not capitalised and all(w.lower() in _common_source_words() for w in words)  # "Authorities said"


def _described_in_title_case(name: str, sentence: str) -> bool:
    """A kind of source capitalised only because its sentence is in Title Case ("Tech Firm Denies Rumors")."""
    words = re.findall(r"[^\W\d_]+", sentence)
    title_case = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return title_case and name.split()[-1].lower() in _common_source_words()


@cache
def _outlet_names() -> frozenset[str]:
    return load_lexicon("en").outlet_names


@cache
def _common_source_words() -> frozenset[str]:
    """Words that name a kind of source, not a source ("the spokesman", "media outlets")."""
    lexicon = load_lexicon("en")
    determiners = {"the", "a", "an", "some", "other", "many"}
    return lexicon.source_heads | lexicon.footage_words | _GENERIC_SOURCES | determiners


def _names_outlet(name: str) -> bool:
    words = {w.lower() for w in re.findall(r"\w+", name)}
    return bool(words & {"press", "news", "times", "post", "agency", "agencies", "wire", "tv", "radio"})


# "Jane Doe", not "AFP" or "Getty Images"
_PHOTOGRAPHER_RE = re.compile(
    r"^(?!.*\b(?:Images|Pictures|Photos?|Press|News|Agency)\b)[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){1,2}$"
)


def credit_sources(credit: str) -> list[tuple[str, str]]:
    """(name, kind) of the sources an image credit names: "Reuters/Getty" → two outlets;
    "YouTube/SomeChannel" → footage from that channel on the platform."""
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|;|\band\b|\bvia\b|&)\s*", credit) if p.strip()]
    if len(parts) == 2 and parts[0].lower() in _PLATFORMS:
        return [(f"{parts[0]} ({parts[1]})", "footage")]
    if len(parts) > 1:  # "Brendan Smialowski / AFP": the photographer works for the agency
        parts = [p for p in parts if not _PHOTOGRAPHER_RE.match(p)] or parts
    return [(part, "footage" if part.lower() in _PLATFORMS else "outlet") for part in parts]


def _article_mentions(article: Article, claims: list[Claim]) -> list[Mention]:
    mentions = [Mention(name, "outlet", "source line", name) for name in article.cited_sources]
    for caption in article.captions:
        for name, kind in credit_sources(caption.credit or ""):
            mentions.append(Mention(name, kind, "image credit", f"{caption.text} Credit: {caption.credit}"))
    for claim in claims:
        cleaned = _clean_name(claim.source) if claim.source else None
        if cleaned and _described_in_title_case(cleaned, claim.sentence):
            continue
        if cleaned and claim.source_kind in CITED_KINDS and not _unnamed(cleaned):
            cue = claim.reporting_cue or "claim"
            mentions.append(Mention(cleaned, claim.source_kind, cue, claim.sentence))
    return mentions + _text_mentions(article)


class _Aliases:
    """Union-find over normalised keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=len)] = min(ra, rb, key=len)  # the shorter key names the node


def _merge_aliases(surfaces: dict[str, Counter[str]], kinds: dict[str, Counter[str]]) -> _Aliases:
    aliases = _Aliases()
    keys = list(surfaces)
    for key in keys:
        aliases.find(key)
    # acronyms: keys some article wrote in capitals ("AP", "BBC"), matched to a longer name's initials
    by_key = {k for k in keys if any(s.isupper() and s.isalpha() for s in surfaces[k])}
    for key in keys:
        for surface in surfaces[key]:
            initials = _initials(surface)
            if initials and initials in by_key and initials != key:
                aliases.union(key, initials)
    _merge_shortened(keys, surfaces, aliases)
    people = [k for k in keys if kinds[k].most_common(1)[0][0] == "person"]
    for key in people:
        if any(" " in s for s in surfaces[key]):
            continue
        full = [
            k
            for k in people
            if k != key and any(s.lower().split()[-1] == key for s in surfaces[k] if " " in s)
        ]
        if len(full) == 1:
            aliases.union(key, full[0])
    return aliases


def _name_words(surface: str) -> tuple[str, ...]:
    words = re.findall(r"\w+", re.sub(r"['’]s\b", "", surface.lower()))
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    return tuple(words)


def _merge_shortened(keys: list[str], surfaces: dict[str, Counter[str]], aliases: _Aliases) -> None:
    """A multi-word name that ends a longer one ("Coast Guard" in "the US Coast Guard") names the same
    source, when exactly one longer name ends with it (not both "US" and "Canadian Coast Guard")."""
    words = {k: {_name_words(s) for s in surfaces[k]} for k in keys}
    for key in keys:
        short = [w for w in words[key] if len(w) >= 2]
        longer = [
            other
            for other in keys
            if other != key
            and any(len(o) > len(w) and o[-len(w) :] == w for w in short for o in words[other])
        ]
        if len(longer) == 1:
            aliases.union(key, longer[0])


KeyedMentions = dict[str, list[tuple[str, Mention]]]  # article key → (normalised key, mention)


def resolve_citations(
    articles: list[Article], claims_by_article: dict[str, list[Claim]], known: KeyedMentions | None = None
) -> CitationGraph:
    """Every source the story's articles name, one node per source (``claims_by_article`` by article key).

    ``known`` keeps each article's mentions between calls (a story's trace grows one article at a
    time): an article already in it is not read again."""
    known = {} if known is None else known
    found: list[tuple[str, str, Mention]] = []  # (article key, normalised key, mention)
    outlet_of: dict[str, str] = {}
    for article in articles:
        key = article_key(article)
        own = normalise_source(article.source) if article.source else ""
        if own:
            outlet_of[key] = own
        if key not in known:
            known[key] = [
                (normalise_source(m.surface), m)
                for m in _article_mentions(article, claims_by_article.get(key, []))
            ]
        found += [(key, norm, m) for norm, m in known[key] if len(norm) >= 2 and norm != own]
    surfaces: dict[str, Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    for _, norm, mention in found:
        surfaces.setdefault(norm, Counter())[mention.surface] += 1
        kinds.setdefault(norm, Counter())[mention.kind] += 1
    aliases = _merge_aliases(surfaces, kinds)
    nodes: dict[str, CitationNode] = {}
    citations: list[Citation] = []
    seen: set[tuple[str, str]] = set()
    for art_key, norm, mention in found:
        root = aliases.find(norm)
        node = nodes.setdefault(root, CitationNode(key=root, name=mention.surface, kind="organisation"))
        if mention.surface not in node.aliases:
            node.aliases.append(mention.surface)
        if art_key not in node.cited_by:
            node.cited_by.append(art_key)
        if (art_key, root) not in seen:
            seen.add((art_key, root))
            citations.append(Citation(art_key, root, mention.surface, mention.cue, mention.evidence))
    for root, node in nodes.items():
        members = [k for k in surfaces if aliases.find(k) == root]
        votes = sum((kinds[k] for k in members), Counter())
        node.kind = votes.most_common(1)[0][0] if votes else "organisation"
        names = sum((surfaces[k] for k in members), Counter())
        node.name = names.most_common(1)[0][0]
        node.ingested_as = [a for a, own in outlet_of.items() if aliases.find(own) == root or own == root]
    return CitationGraph(nodes, citations)
