"""What kind of source a phrase names (person, organisation, outlet, footage, anonymous) and its name.

Decided from the words alone: a domain is an outlet, a head noun from the lexicon's role,
organisation, outlet, footage or anonymous lists decides the kind, a capitalised name is a person
(or, when the gazetteer knows it as a place, that place's government: an organisation).
"""

from __future__ import annotations

import re

from newstrace.analyse.lexicon import (
    DETERMINERS,
    NP_PREPOSITIONS,
    QUOTE_CHARS,
    RELATIVES,
    TITLES,
    WHEN_WORDS,
    Lexicon,
    Token,
    past_participle,
    tokenize,
    words_of,
)
from newstrace.records import SourceKind

_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,3}|info|online|news)$", re.IGNORECASE)
JOURNALISTS = frozenset(["reporter", "correspondent", "columnist", "journalist"])
# what an outlet publishes, named after it ("a CNN report")
OUTLET_WORK = frozenset(
    ["report", "reports", "story", "article", "investigation", "interview", "broadcast", "exclusive", "poll",
     "survey"]
)


def _outlet_desk(tokens: list[Token], articles: frozenset[str], lexicon: Lexicon) -> bool:
    """An outlet's name followed by more of a name ("BBC Monitoring", "CNN Business"): its desk."""
    words = [t for t in tokens if t.lower not in articles]
    return (
        len(words) > 1
        and all(t.capitalised for t in words)
        and any(" ".join(t.lower for t in words[:k]) in lexicon.outlet_names for k in (1, 2))
    )


def _before_participle_aside(text: str) -> str:
    """ "The video, set to chants,", "The report, released on Monday": the phrase before the aside."""
    tokens = tokenize(text)
    for k in range(1, len(tokens) - 1):
        following = tokens[k + 1].text
        if tokens[k].text == "," and (past_participle(following) or following in _IRREGULAR_ASIDES):
            return text[: tokens[k].start]
    return text


_IRREGULAR_ASIDES = frozenset({"set", "shot", "cut", "built", "spread", "hit"})


def classify_source(text: str, lexicon: Lexicon) -> SourceKind:
    """Person, organisation, outlet, footage (or document, post), anonymous; from the words alone."""
    text = _before_participle_aside(text)
    tokens = [t for t in tokenize(text) if t.text not in ",.;:" and t.text not in QUOTE_CHARS]
    relative = next((k for k, t in enumerate(tokens) if k and t.lower in RELATIVES), None)
    tokens = tokens[:relative]  # "Ada Marsh, who lives miles from the site": the name, not the site
    if not tokens:
        return "none"
    lowers = [t.lower for t in tokens]
    if any(is_domain(t.text) for t in tokens) or _compound_outlet(tokens, lexicon):
        return "outlet"  # "example.org", "BusinessReport", "HuffPost"
    owned = _owned_name(tokens, lexicon)
    if owned is not None:
        return owned  # "the Harbour Council's Ada Marsh": the person, unless an outlet's reporter
    if len(tokens) == 1 and bare_pronoun(lowers[0]) in lexicon.pronouns:
        return lexicon.pronouns[bare_pronoun(lowers[0])]
    articles = DETERMINERS | lexicon.determiners
    named = " ".join(w.removeprefix("l'").removeprefix("l’") for w in lowers if w not in articles)
    if named in lexicon.outlet_names or _outlet_desk(tokens, articles, lexicon):
        return "outlet"  # "Reuters", "the AP", "la Rai", "l'Ansa", "BBC Monitoring"
    head = _head(tokens)
    head = compound_speaker(head, lexicon) or _noun_first_head(tokens, lexicon) or head
    # capitalised words that are names ("Some media outlets": a sentence's first word is none)
    names = [t for t in tokens if t.capitalised and t.lower not in DETERMINERS | lexicon.anonymous_markers]
    owner = " ".join(w for w in lowers[:-1] if w not in DETERMINERS)
    if head in OUTLET_WORK and owner in lexicon.outlet_names:
        return "outlet"  # "a CNN report", "the Reuters story": the outlet's own reporting
    if _body_name(tokens, lexicon):
        return "organisation"  # "the Environment Agency", "the US Geological Survey"
    head = _named_body_document(tokens, lexicon) or head
    issuer = _issuer(tokens, head, lexicon)
    if issuer is not None:
        return issuer  # "a statement from the ministry": the ministry's word
    if head in lexicon.footage_words and not (head in {"report", "statement"} and names):
        media = head == "report" and any(_among(w, lexicon.outlet_words, lexicon) for w in lowers)
        return "anonymous" if head in {"reports"} or media else "footage"  # "a media report": unnamed
    head_token = _head_token(tokens)
    up_to_head = tokens[: tokens.index(head_token) + 1] if head_token is not None else tokens
    phrase = f" {' '.join(lowers)} "
    vague = head in lexicon.anonymous_heads or any(
        f" {marker} " in phrase for marker in lexicon.anonymous_markers if " " in marker
    )  # "sources in Kyiv", "people familiar with the matter"
    if vague and not _has_name(up_to_head, lexicon):
        return _complement_kind(tokens[len(up_to_head) :], lexicon, head) or "anonymous"
    body = [t.text for t in up_to_head[:-1] if t.lower not in DETERMINERS]
    members = vague and head in _BODY_MEMBERS and bool(body) and body[-1][:1].isupper()
    if members and classify_source(" ".join(body), lexicon) == "organisation":
        return "organisation"  # "Harbour County officials", "Police officials": the body speaks
    writes_for_outlet = head not in lexicon.person_roles or head in JOURNALISTS
    # an outlet word naming a role ("press secretary", "news anchor") names no outlet
    outlets = lexicon.outlet_words
    # … nor does a journalist's title before their name ("Italian journalist Jane Roe")
    followers = [*tokens[1:], None]
    outlet_words = [
        t.lower
        for t, after in zip(tokens, followers, strict=True)
        if _among(t.lower, outlets, lexicon) and not _titles_a_person(t, after, lexicon)
    ]
    if outlet_words == ["agency"]:
        outlet_words = []  # "the disaster mitigation agency": a public body; a news agency says so
    if outlet_words and (names or _among(head, outlets, lexicon)) and writes_for_outlet:
        plural = head.endswith("s") and not head.endswith("ss") and _among(head, outlets, lexicon)
        return "anonymous" if plural and not names else "outlet"  # "multiple news outlets reported"
    if _among(head, lexicon.organisation_words, lexicon) or (
        len(names) == 1 and names[0].text.isupper() and len(names[0].text) > 1
    ):
        return "organisation"
    if names and names[-1] is tokens[-1] and _ACRONYM.fullmatch(tokens[-1].text) and len(names) > 1:
        return "organisation"  # "Cal OES", "Harbour PD": a body's name closed by its initials
    if head in lexicon.person_roles:
        return "person"
    described = _name_after_kind(tokens, lexicon.organisation_words, lexicon.person_roles) is not None
    if described or _the_name(tokens, lexicon) or _ACRONYM_AFTER.search(text):
        return "organisation"  # "US retailer Walmart", "the Pentagon", "International Widgets (IW)"
    ticker = len(tokens) > 1 and _TICKER.fullmatch(tokens[-1].text) is not None
    if ticker and tokens[-2].lower in lexicon.organisation_words:
        return "organisation"  # "Acme Corporation ACME": a company and its ticker
    if _has_name(tokens, lexicon):
        brand = len(names) == 1 and _CAMEL_CASE.fullmatch(names[0].text) is not None  # "FactSet", "YouGov"
        return "organisation" if brand or _names_a_place(text, lexicon.language) else "person"
    if lowers[0] in {"a", "an", "one", "some", "several", "many"}:
        return "anonymous"
    return "person"


def _name_after_kind(tokens: list[Token], bodies: frozenset[str], roles: frozenset[str]) -> int | None:
    """Where a body's name starts after the kind of body it is ("tech giant Apple", "US retailer Walmart",
    "technology giant, IBM"), as a role comes before a person's name ("spokesman Ben Cole"); None
    when no word of ``bodies`` comes before the final capitalised words, or they open with a role or
    title ("the company CEO Tim Cook")."""
    k = len(tokens)
    while k > 0 and tokens[k - 1].capitalised:
        k -= 1
    opening = tokens[k].lower.rstrip(".") if 0 < k < len(tokens) else ""
    if not opening or opening in roles or opening in TITLES:
        return None
    kind = tokens[k - 2] if tokens[k - 1].text == "," and k > 1 else tokens[k - 1]
    return k if kind.lower in bodies else None


_TICKER = re.compile(r"[A-Z]{2,5}")
_ACRONYM_AFTER = re.compile(r"[A-Z]\w+ \([A-Z]{2,6}\)")  # a body's name and its acronym


_CAMEL_PARTS = re.compile(r"[A-Z][a-z]+")


def _compound_outlet(tokens: list[Token], lexicon: Lexicon) -> bool:
    """One word of capitalised parts ending in an outlet word: "HuffPost", "DrudgeReport"."""
    named = [t for t in tokens if t.lower not in DETERMINERS]
    parts = _CAMEL_PARTS.findall(named[0].text) if len(named) == 1 else []
    if len(parts) < 2 or "".join(parts) != named[0].text:
        return False
    return parts[-1].lower() in lexicon.outlet_words or parts[-1] == "Report"


def _the_name(tokens: list[Token], lexicon: Lexicon) -> bool:
    """ "the" and one name ("the Inquisitr", "the Pentagon"): a body or a title, never a person's name."""
    if len(tokens) != 2 or tokens[0].lower != "the" or not tokens[1].capitalised:
        return False
    return tokens[1].lower not in lexicon.person_roles and tokens[1].lower.rstrip(".") not in TITLES


def _named_body_document(tokens: list[Token], lexicon: Lexicon) -> str | None:
    """The document word closing a body's name ("Department of Homeland Security emails obtained
    by …"): the head is the document, not the body; None for other phrases."""
    head = _head_token(tokens)
    if head is None:
        return None
    rest = tokens[tokens.index(head) + 1 :]
    end = next((k for k, t in enumerate(rest) if t.lower == "by" or t.text == ","), len(rest))
    rest = rest[:end]
    while rest and past_participle(rest[-1].lower):
        rest = rest[:-1]
    if len(rest) < 2 or rest[-1].capitalised or rest[-1].lower not in lexicon.footage_words:
        return None
    linking = {"of", "for", "the", "'s", "’s", "and", "&"}
    return rest[-1].lower if all(t.capitalised or t.lower in linking for t in rest[:-1]) else None


# one word with a capital inside that no surname prefix explains ("FactSet", not "McCarthy", "DeSantis")
_CAMEL_CASE = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]*")


def _name_after_owner(tokens: list[Token]) -> list[Token]:
    """The two or three capitalised words closing a phrase after a possessive ("… Harbour's Ada
    Marsh"), else none."""
    owner = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k].lower.endswith(("'s", "’s"))), None)
    name = tokens[owner + 1 :] if owner is not None else []
    return name if 2 <= len(name) <= 3 and all(t.capitalised and t.text.isalpha() for t in name) else []


_BODY_MEMBERS = frozenset(["officials", "spokespeople", "representatives"])


def _owned_name(tokens: list[Token], lexicon: Lexicon) -> SourceKind | None:
    """A body's possessive before a person's full name ("the Harbour Council's Ada Marsh"): the
    person; None for other phrases and for an outlet's journalist ("the BBC's Jane Roe")."""
    name = _name_after_owner(tokens)
    if not name or any(t.lower in lexicon.source_heads for t in name):
        return None  # "Harbour's Police Department": a body, not a name
    holder = " ".join(t.text for t in tokens[: tokens.index(name[0])])
    return None if classify_source(holder, lexicon) == "outlet" else "person"


_ACRONYM = re.compile(r"(?![IVXLC]+$)[A-Z]{2,5}")  # a body's initials, not a Roman numeral ("III")


def _issuer(tokens: list[Token], head: str, lexicon: Lexicon) -> SourceKind | None:
    """The kind of whoever issued a statement ("a statement from the ministry", "a statement by
    Ada Marsh"), which speaks for them; None for other phrases."""
    if head not in _STATEMENTS:
        return None
    at = next((k for k, t in enumerate(tokens) if t.lower == head), None)
    rest = tokens[at + 1 :] if at is not None else []
    before = [t for t in tokens[:at] if t.lower not in DETERMINERS] if at is not None else []
    if before and (before[-1].capitalised or before[-1].lower in lexicon.organisation_words):
        return "organisation"  # "a company statement", "a Kremlin statement"
    if len(rest) < 2 or rest[0].lower not in {"from", "by"}:
        return None
    kind = classify_source(" ".join(t.text for t in rest[1:]), lexicon)
    return kind if kind in {"person", "organisation", "outlet"} else None


_STATEMENTS = words_of("statement statements announcement communique communiqué tweet tweets post posts")


def _body_name(tokens: list[Token], lexicon: Lexicon) -> bool:
    """A name closed by a capitalised word for a body that may also name a document or an outlet
    ("Survey", "Agency"), with no outlet word before it ("Press Agency" stays an outlet)."""
    head = _head_token(tokens)
    if head is None or not head.capitalised or head.lower not in lexicon.organisation_words:
        return False
    name = [t for t in tokens[: tokens.index(head)] if t.lower not in DETERMINERS]
    words = lexicon.footage_words | lexicon.outlet_words
    if head.lower not in words or not name or not all(t.capitalised for t in name):
        return False
    return not any(_among(t.lower, lexicon.outlet_words, lexicon) for t in name)


def _titles_a_person(word: Token, after: Token | None, lexicon: Lexicon) -> bool:
    """An outlet word before a role ("press secretary") or a journalist's title before a name
    ("journalist Jane Roe") names no outlet."""
    if after is None:
        return False
    return after.lower in lexicon.person_roles or (word.lower in JOURNALISTS and after.capitalised)


def compound_speaker(word: str, lexicon: Lexicon) -> str | None:
    """Whose statements a compound names (de): "behördenangaben" are the authorities' ("behörden")."""
    for suffix in ("angaben", "angabe"):
        if lexicon.compound_words and word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            return stem[:-1] if stem.endswith("s") else stem  # "regierungsangaben": "regierung"
    return None


_INVERTED_PRONOUN = re.compile(r"^\w+-(?:t-)?(il|elle|ils|elles|on|nous)$")


def bare_pronoun(word: str) -> str:
    """The pronoun of an inverted verb (fr): "a-t-il" is "il", "ont-ils" is "ils"; else the word."""
    match = _INVERTED_PRONOUN.match(word)
    return match.group(1) if match else word


def _noun_first_head(tokens: list[Token], lexicon: Lexicon) -> str | None:
    """Where the noun comes before its adjectives (fr, es, it, pt, ro): the first word of the phrase
    that names a kind of source ("l'armée chinoise", "el portavoz oficial")."""
    if not lexicon.head_first:
        return None
    kinds = (lexicon.person_roles, lexicon.organisation_words, lexicon.outlet_words, lexicon.anonymous_heads,
             lexicon.footage_words)  # fmt: skip
    for token in tokens:
        if token.lower in _HEAD_ENDS or token.text == ",":
            break
        word = token.lower.split("'")[-1].split("’")[-1]  # "l'armée": "armée"
        if any(word in words for words in kinds):
            return word
    return None


def _among(word: str, words: frozenset[str], lexicon: Lexicon) -> bool:
    """``word`` is one of ``words``, or (where nouns compound) ends in one ("staatsmedien")."""
    if word in words:
        return True
    return lexicon.compound_words and any(word.endswith(w) and len(word) > len(w) + 2 for w in words)


def _complement_kind(rest: list[Token], lexicon: Lexicon, head: str = "") -> SourceKind | None:
    """The kind of the name after a vague head, whose words they are ("reports from Reuters": an
    outlet, "officials of the Ministry of Defence": an organisation, "researchers at Lund University":
    the university's study); None for a place ("sources in Kyiv": still unnamed) or no name."""
    words = [t for t in rest[1:] if t.lower not in WHEN_WORDS]  # "reports from late Monday", "CNN Monday"
    named = any(t.capitalised and t.lower not in DETERMINERS for t in words)
    preposition = rest[0].lower if rest else ""
    of_body = preposition in _COMPLEMENT_PREPOSITIONS or (preposition == "at" and head in _STUDY_HEADS)
    if len(rest) < 2 or not of_body or not named:
        return None
    name = " ".join(t.text for t in words)
    return None if _names_a_place(name, lexicon.language) else classify_source(name, lexicon)


# who speak for the work of the body they are "at" ("scientists at the Cleveland Clinic have found"),
# unlike "sources at" or "people at" a body, who stay unnamed
_STUDY_HEADS = frozenset(["scientists", "researchers", "experts", "analysts", "economists"])

# "reports by", "les informations du magazine …", "las informaciones del diario …", "Berichten der …"
_COMPLEMENT_PREPOSITIONS = frozenset(
    ["by", "from", "of", "in", "du", "de", "des", "par", "del", "di", "della", "da", "do", "von", "vom",
     "der"]
)  # fmt: skip


def _names_a_place(text: str, language: str) -> bool:
    """A country or city speaking ("Russia said") stands for its government: an organisation. A lone
    word naming a town, not a country or a capital, is a person ("Jackson said")."""
    from newstrace.analyse.entities import extract_entities  # the gazetteers load on first use
    from newstrace.analyse.places import governs

    words = [t.text for t in tokenize(text) if t.lower not in DETERMINERS and t.text[0].isalnum()]
    if len(words) == 1:
        return governs(words[0])  # "Lawrence said", "Jackson said": people
    entities = extract_entities(text, language)
    return bool(entities) and all(e.kind == "place" for e in entities)


def _head_token(tokens: list[Token]) -> Token | None:
    """The head noun: the last word before a preposition ("ambassador to the UN", "reports in
    Japan") or a comma, past a participle that follows it ("a video shared by"), else the last word.
    A part of a group is named by the group ("one of the emails": "emails")."""
    if len(tokens) > 2 and tokens[0].lower in _PARTITIVES and tokens[1].lower == "of":
        tokens = tokens[2:]
    words: list[Token] = []
    for token in tokens:
        if token.lower in _HEAD_ENDS or token.text == ",":
            break
        if words and words[-1].lower not in DETERMINERS and _participle(token):
            break  # "the police investigating the blast"
        words.append(token)
    words = [w for w in (words or tokens) if w.lower not in {"'s", "’s"}]
    while len(words) > 1 and (
        (not words[-1].capitalised and past_participle(words[-1].lower)) or words[-1].lower in WHEN_WORDS
    ):
        words.pop()  # "a memo obtained by", "e-mail updates sent by", "reports today"
    return words[-1] if words else None


_PARTITIVES = frozenset({"one", "some", "many", "several", "most", "each", "two", "three", "none", "all"})


def _participle(token: Token) -> bool:
    return not token.capitalised and token.lower.endswith("ing") and len(token.lower) > 5


# prepositions after a head noun ("ambassador to", "le porte-parole du", "el Ministerio de")
_HEAD_ENDS = NP_PREPOSITIONS | {
    "to", "in", "from", "on", "by", "with",
    "von", "vom", "für", "bei", "aus", "de", "du", "des", "pour", "auprès", "del", "para", "di", "dei",
    "degli", "della", "delle", "dello", "per", "do", "da", "dos", "das", "van", "voor", "bij",
}  # fmt: skip


def _has_complement(tokens: list[Token], head: Token) -> bool:
    """The head noun is followed by a preposition ("members of", "a spokesman for", "ambassador to")."""
    index = tokens.index(head)
    return index + 1 < len(tokens) and tokens[index + 1].lower in _HEAD_ENDS


def _head(tokens: list[Token]) -> str:
    token = _head_token(tokens)
    if token is None:
        return ""
    return token.lower.rstrip("’'s") if token.lower.endswith(("'s", "’s")) else token.lower


def _has_name(tokens: list[Token], lexicon: Lexicon) -> bool:
    """A run of capitalised words that are not roles or the sentence's first determiner."""
    for index, token in enumerate(tokens):
        if not token.capitalised or token.lower in DETERMINERS or token.lower in lexicon.person_roles:
            continue
        common = (
            lexicon.organisation_words
            | lexicon.outlet_words
            | lexicon.anonymous_heads
            | lexicon.footage_words
        )
        if token.lower in common:
            continue
        if index > 0 or len(tokens) == 1 or tokens[1].capitalised:
            return True
        coded = not token.text.isalpha() or token.text.isupper()  # no word a sentence opens with
        if coded and len(tokens) > 1 and tokens[1].lower in lexicon.document_heads:
            return True  # "G-III reports", "FBI records": whose documents they are
    return False


def source_name(
    text: str, kind: SourceKind, roles: frozenset[str] = frozenset(), bodies: frozenset[str] = frozenset()
) -> str:
    """The name part of a source phrase: the domain, or the last run of capitalised words (with
    ``roles``, the language's person roles: the run holding the phrase's head, unless it is a role);
    with ``bodies`` (words for kinds of organisation), a body's name after its kind ("tech giant Apple")."""
    tokens = [t for t in tokenize(text) if t.text not in QUOTE_CHARS]
    for token in tokens:
        if is_domain(token.text):
            return token.text
    if kind == "person":
        owned = _name_after_owner(tokens)
        if owned:
            return text[owned[0].start : owned[-1].end]  # "the Harbour Council's Ada Marsh"
        if len(tokens) > 2 and tokens[-2].text == "," and tokens[-1].text.isdigit():
            tokens = tokens[:-2]  # "The Harbour Nights star, 58": the age apposed
            text = text[: tokens[-1].end]
        head = _head_token(tokens)
        # "Reps for the couple", but "The Foreign Secretary, Ada Marsh" names her
        # … and "La ministra de Minas, Irene Vélez" names her after the comma
        apposed = any(
            tokens[k].text == "," and tokens[k + 1].capitalised and tokens[k + 2].capitalised
            for k in range(len(tokens) - 2)
        )
        unnamed = head is not None and (not head.capitalised or (head.lower in roles and "," not in text))
        unnamed = unnamed and not apposed
        if head is not None and unnamed and _has_complement(tokens, head):
            # "family members of the crew", "a friend of the Smiths", "Reps for the couple": no one name
            return text.strip(" ,")
        if head is not None and head is tokens[-1] and not head.capitalised and head.lower in roles:
            # "the Kremlin spokesman": an unnamed holder of a role, not "Kremlin"
            return text.strip(" ,")
        runs: list[list[Token]] = []
        current: list[Token] = []
        for k, token in enumerate(tokens):
            named_next = k + 1 < len(tokens) and tokens[k + 1].capitalised
            # "Smith and Jones", "Correio da Manhã", "Gazzetta dello Sport"
            joins = bool(current) and token.lower in _NAME_JOINERS and named_next
            # a capital opening a sentence before a common word is no name ("Additional sonar devices")
            common_next = k + 1 < len(tokens) and tokens[1].text.isalpha() and not named_next
            opening = k == 0 and common_next and tokens[1].lower not in _NAME_JOINERS
            if (token.capitalised and token.lower not in DETERMINERS and not opening) or joins:
                current.append(token)
            else:
                if current:
                    runs.append(current)
                current = []
        if current:
            runs.append(current)
        named = [r for r in runs if len(r) >= 2] or runs
        # "Jane Doe, the Health Secretary": the name the phrase is about, unless that is a
        # role ("The Foreign Minister, Anna Berg")
        with_head = [r for r in named if roles and head in r and head.lower not in roles]
        if with_head:
            named = with_head
        if named:
            run = _after_titles(_after_owner(named[-1]), roles)
            name = text[run[0].start : run[-1].end]
            return name.removesuffix("'s").removesuffix("’s")  # "Trump's (aides)": Trump
    if kind == "organisation" and bodies:
        start = _name_after_kind(tokens, bodies, roles)  # "the tech giant Apple": Apple
        return text[tokens[start].start :].strip(" ,") if start is not None else text.strip(" ,")
    return text.strip(" ,")


_NAME_JOINERS = frozenset(
    ["and", "&", "de", "da", "do", "dos", "das", "del", "della", "dello", "di", "du", "von", "van", "der",
     "den", "la", "le", "bin", "al"]
)  # fmt: skip


def _after_owner(run: list[Token]) -> list[Token]:
    """The name after an owner's possessive ("Gazzetta dello Sport's Jane Roe": "Jane Roe")."""
    owned = [k for k, t in enumerate(run[:-1]) if t.lower.endswith(("'s", "’s"))]
    return run[owned[-1] + 1 :] if owned else run


def _after_titles(run: list[Token], roles: frozenset[str]) -> list[Token]:
    """The name after the roles and ranks that open a run ("Press Secretary Brig. Gen. Pat Ryder":
    "Pat Ryder"), when two words or more follow the last of them."""
    titles = roles | TITLES
    titled = [k for k, t in enumerate(run) if t.lower.rstrip(".") in titles]
    return run[titled[-1] + 1 :] if titled and len(run) - titled[-1] > 2 else run


def is_domain(word: str) -> bool:
    """``x.ru``, ``news.example.com``: a word with a dot and a lower-case top-level part."""
    return "." in word and bool(_DOMAIN.match(word)) and word.rsplit(".", 1)[1].islower()
