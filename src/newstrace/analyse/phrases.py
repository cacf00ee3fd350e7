"""Noun phrases around a reporting cue: the subject before it (past a participle phrase, or all of
what follows a closing quote), an inverted subject after it (past an adverb or an elided article),
an apposition, the sentence's opening subject. Token ranges are inclusive ``(first, last)`` pairs.
"""

from __future__ import annotations

import re

from newstrace.analyse.lexicon import (
    BARRIERS,
    CLOSING_QUOTES,
    DETERMINERS,
    IRREGULAR_PARTICIPLES,
    NP_PREPOSITIONS,
    PASSIVE_AUX,
    QUOTE_CHARS,
    RELATIVES,
    WHEN_WORDS,
    Lexicon,
    Token,
    words_of,
)
from newstrace.records import Span

# words ending in "-ly" that are no adverbs: "people close to the family said"
_LY_NOUNS = frozenset(["family", "assembly", "ally", "rally", "supply", "monopoly", "anomaly", "daily"])


def _adverb(token: Token) -> bool:
    lower = token.lower
    return lower.endswith("ly") and not token.capitalised and len(lower) > 4 and lower not in _LY_NOUNS


# sentence adverbs set off by commas between a subject and its verb
_ASIDE_ADVERBS = frozenset(
    ["however", "meanwhile", "though", "too", "also", "instead", "nevertheless", "moreover"]
)

# verbs that carry on another ("continues to insist", "went on to say"): the subject is theirs
_CATENATIVES = frozenset(["continue", "continues", "continued", "continuing"])
_GO_ON = frozenset(["go", "goes", "went", "going", "gone"])


def skip_back(tokens: list[Token], j: int, lexicon: Lexicon) -> int:
    """Step back over auxiliaries and adverbs: "has also", "repeatedly", "would later", "continues
    to", "went on to"."""
    while j >= 0:
        lower = tokens[j].lower
        previous = tokens[j - 1].lower if j > 0 else ""
        if lower == "to" and previous in _CATENATIVES:
            j -= 2
        elif lower == "to" and previous == "on" and j > 1 and tokens[j - 2].lower in _GO_ON:
            j -= 3
        elif lower in {"either", "neither"} and previous in PASSIVE_AUX | lexicon.auxiliaries:
            j -= 1  # "was either confirmed or denied"
        elif lower in WHEN_WORDS and previous in {"on", "last", "this", "earlier", "late"}:
            j -= 2  # "on Tuesday", "last week"
        elif lower == "," and previous in _ASIDE_ADVERBS and j > 1 and tokens[j - 2].text == ",":
            j -= 3  # "A Saudi official, however, told CNN"
        elif (lower in WHEN_WORDS and lower in {"yesterday", "today", "tonight"}) or (
            lower in lexicon.auxiliaries or lower in PASSIVE_AUX or _adverb(tokens[j])
        ):
            j -= 1
        else:
            break
    return j


def noun_phrase_before(tokens: list[Token], j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Token range [a, j] of the noun phrase ending at ``j``, walking back over NP-like words."""
    a = j
    complemented = False  # the word before is a head taking this complement ("reports on …")
    while a >= 0:
        token = tokens[a]
        lower = token.lower
        if token.text == ")":  # "Sen. Jane Roe (D-Md.)": step over the bracket
            opening = next((k for k in range(a - 1, max(a - 12, -1), -1) if tokens[k].text == "("), None)
            if opening is None:
                break
            a = opening - 1
            continue
        quoted_name = quoted_name_start(tokens, a)  # "die Zeitung „La Repubblica“ schreibt"
        if quoted_name is not None:
            a = quoted_name - 1
            continue
        if _possessive_mark(tokens, a, j):
            a -= 1  # "ISIS' Russian affiliate": a plural's possessive, inside the phrase
            continue
        if token.text in QUOTE_CHARS or (not token.text[0].isalnum() and token.text != "&"):
            break
        # "Smith and Jones", "John Roe and wife Jane"
        one_word = a + 2 <= j and tokens[a + 1].text.isalpha() and tokens[a + 2].capitalised
        joined = a + 1 < len(tokens) and (tokens[a + 1].capitalised or one_word)
        joins_names = lower == "and" and a > 0 and tokens[a - 1].capitalised and joined
        role_to = a > 0 and (_role_complement(tokens, a, lexicon) or tokens[a - 1].lower in _LINK_ADJECTIVES)
        if lower in BARRIERS and not (token.capitalised and a > 0) and not joins_names and not role_to:
            break
        noun = token.capitalised or (a > 0 and tokens[a - 1].lower in DETERMINERS)  # "A statement from …"
        if lexicon.verb_forms.get(lower) and a != j and not noun and not complemented:
            break
        progressive = a > 0 and tokens[a - 1].lower in PASSIVE_AUX | lexicon.auxiliaries
        if lower.endswith("ing") and not token.capitalised and progressive:
            break  # "whilst this was happening Freedonia's envoy told": a clause before the subject
        if j - a >= 10 + sum(1 for t in tokens[a:j] if t.text in "()"):
            break
        if _starts_after_a_noun(tokens, a, lexicon):
            a -= 1  # "with international media the couple's spokesperson": the phrase starts here
            break
        complemented = role_to
        a -= 1
    a += 1
    if a > j:
        return None
    while a <= j and tokens[a].lower in NP_PREPOSITIONS:
        a += 1
    named = a < j and (tokens[a + 1].capitalised or tokens[a + 1].lower in DETERMINERS)
    if named and _YEAR.fullmatch(tokens[a].text):
        a += 1  # "In 2015 ISIS announced": the year dates the act, the name is the subject
    return (a, j) if a <= j else None


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _possessive_mark(tokens: list[Token], a: int, j: int) -> bool:
    """An apostrophe closing a word ending in "s", glued to it, with a word after it in the phrase."""
    mark = tokens[a]
    if mark.text not in "'’" or a == 0 or a >= j:
        return False
    owner = tokens[a - 1]
    return owner.lower.endswith("s") and owner.end == mark.start and tokens[a + 1].start > mark.end


def quoted_name_start(tokens: list[Token], a: int) -> int | None:
    """Where a short quoted name that ends at ``a`` opens, else None: a closing guillemet or high
    quote after one to four words, the first capitalised ("«Портовое управление»", "„La Repubblica“")."""
    if tokens[a].text not in "»“”":
        return None
    opening = next((k for k in range(a - 1, max(a - 6, -1), -1) if tokens[k].text in "«„“"), None)
    if opening is None or opening == a - 1:
        return None
    if any(not tokens[k].text[0].isalnum() for k in range(opening + 1, a)):
        return None  # '“It was great,” said Lawrence': a quotation, not a name
    return opening if tokens[opening + 1].capitalised else None


# "a source familiar with the matter", "people close to the family", "officials briefed on the plan"
_LINK_ADJECTIVES = frozenset(["familiar", "close", "briefed", "knowledgeable", "loyal"])
_KNOWING = frozenset(["knowledge", "direct", "access", "ties"])


def _role_complement(tokens: list[Token], a: int, lexicon: Lexicon) -> bool:
    """A role's or a body's complement: "ambassador to the United Nations", "police in Harbourtown",
    "reports on the search"."""
    lower, before = tokens[a].lower, tokens[a - 1].lower
    if lower == "to":  # "ambassador to the UN", "an official with access to the reports"
        access = before == "access" and a > 1 and tokens[a - 2].lower == "with"
        return before in lexicon.person_roles or access
    if lower in {"on", "about", "into"}:  # "reports on the search", "a study into the crash"
        return before in lexicon.footage_words | lexicon.anonymous_heads
    if lower == "who":  # "sources who reviewed them told POLITICO"
        return before in lexicon.anonymous_heads
    if lower == "with":  # "a source with knowledge of the talks"
        return before in lexicon.anonymous_heads and a + 1 < len(tokens) and tokens[a + 1].lower in _KNOWING
    named = a + 1 < len(tokens) and (
        tokens[a + 1].capitalised
        or (tokens[a + 1].lower in DETERMINERS and a + 2 < len(tokens) and tokens[a + 2].capitalised)
    )  # "police in Harbourtown", "a study in the Harbour Journal"
    named_place = lower == "in" and named
    return named_place and (before in lexicon.source_heads or before in lexicon.footage_words)


def _starts_after_a_noun(tokens: list[Token], a: int, lexicon: Lexicon) -> bool:
    """A determiner right after a lower-case noun starts a new phrase (no comma between them):
    "with international media the couple's spokesperson". Not after a preposition, a quantifier
    ("all the attendees") or a role ("Vatican spokesman the Rev. …")."""
    if a == 0 or tokens[a].lower not in {"the", "a", "an"}:
        return False
    before = tokens[a - 1]
    linking = before.lower in _LINKING or before.lower in lexicon.person_roles
    adverb = before.lower.endswith("ly")
    return before.text.isalpha() and not before.capitalised and not linking and not adverb


# words after which a determiner continues the phrase: barriers, prepositions, quantifiers
_LINKING = BARRIERS | NP_PREPOSITIONS | frozenset(
    ["from", "against", "like", "than", "between", "within", "among", "throughout", "during", "amid",
     "across", "toward", "towards", "without", "via", "all", "both", "half"]
)  # fmt: skip


def noun_phrase_after(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at ``i`` (up to punctuation or a clause word)."""
    b = i
    while b < len(tokens) and b - i < 12:
        token = tokens[b]
        if (
            not token.text[0].isalnum()
            and token.text not in "-&’'"
            and not (token.text == "," and apposition(tokens, b))
        ):
            break
        linked = b > i and tokens[b - 1].lower in _LINK_ADJECTIVES  # "people familiar with the matter"
        if (
            token.lower in {"that", "who", "which", "in", "on", "during", "when", "after", "before", "while"}
            and b > i
            and not linked
        ):
            break
        if (
            token.lower in BARRIERS
            and token.lower not in {"this", "these", "those"}
            and not token.capitalised
            and not linked
        ):
            break
        b += 1
    return (i, b - 1) if b > i else None


def ends_clause(tokens: list[Token], k: int) -> bool:
    """True at the sentence's end, at punctuation, or before a prepositional phrase."""
    return (
        k >= len(tokens)
        or not tokens[k].text[0].isalnum()
        or tokens[k].lower
        in {
            "in",
            "on",
            "during",
            "when",
            "after",
            "before",
            "while",
            "at",
            "to",
            "of",
            "who",
            "which",
            "that",
        }
        or tokens[k].lower in _ADDRESSEE_PREPOSITIONS
    )


# whom a source tells, after an inverted subject: "zegt een ingewijde tegen X", "säger en källa till X"
_ADDRESSEE_PREPOSITIONS = frozenset(["aan", "tegen", "tegenover", "till", "gegenüber"])


def apposition(tokens: list[Token], b: int) -> bool:
    """``Smith, the director of X`` after an inverted cue: the comma continues the phrase."""
    return b + 1 < len(tokens) and tokens[b + 1].lower in {"the", "a", "an"} and b + 2 < len(tokens)


def sentence_subject(tokens: list[Token], before: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence (the subject of a participle or second verb), after an
    opening participle clause ("Speaking in New York, Kim Seong ranted …, explaining that …")."""
    first = opening = after_dateline(tokens)
    if first + 2 < before and tokens[first + 1].text == "," and _sentence_adverb(tokens[first]):
        first += 2  # "However, the demonstrators dispute this claim, asserting that …"
    if first < before and tokens[first].lower.endswith(("ing", "ed")):
        comma = next((k for k in range(first + 1, before) if tokens[k].text == ","), None)
        first = comma + 1 if comma is not None and comma + 1 < before else first
    if before <= first:
        return None
    determiner = first > opening and tokens[first].lower in {"the", "a", "an"}  # "However, the …"
    if not (tokens[first].capitalised or tokens[first].lower in lexicon.pronouns or determiner):
        return None
    end = first + 1 if tokens[first].lower in DETERMINERS and before > first + 1 else first
    while end + 1 < before and (
        tokens[end + 1].capitalised
        or tokens[end + 1].text in ".-()"
        or (tokens[end + 1].lower in NP_PREPOSITIONS and end + 2 < before and tokens[end + 2].capitalised)
    ):
        end += 1
    end = _common_head(tokens, end, before, lexicon)  # "Initial safety studies …": up to "studies"
    return (first, end) if tokens[first].lower not in BARRIERS else None


def _common_head(tokens: list[Token], end: int, before: int, lexicon: Lexicon) -> int:
    """Past lower-case words to a source's head word right after a capitalised opening ("Initial
    safety studies found", "Local health officials said"), else ``end``: a name ends at its capitals."""
    heads = lexicon.source_heads | lexicon.document_heads
    for k in range(end + 1, min(end + 4, before)):
        word = tokens[k]
        common = word.text.isalpha() and word.text.islower() and word.lower not in BARRIERS
        if not common or word.lower.endswith("ed"):
            return end
        if word.lower in heads:
            return k
    return end


def _sentence_adverb(token: Token) -> bool:
    return token.lower in _SENTENCE_ADVERBS or (token.lower.endswith("ly") and token.text.isalpha())


_SENTENCE_ADVERBS = _ASIDE_ADVERBS | {"still", "yet", "indeed"}


def after_dateline(tokens: list[Token]) -> int:
    """Index of the first token after a dateline such as "WASHINGTON (AP) —" or a live blog's
    "Update at 4 p.m. ET:", else 0."""
    if tokens and tokens[0].lower in {"update", "updated", "updates"}:
        colon = next((k for k, t in enumerate(tokens[:10]) if t.text == ":"), None)
        if colon is not None:
            return colon + 1
    for k, token in enumerate(tokens[:8]):
        if token.text in "—–-" and k > 0:
            words = [t for t in tokens[:k] if t.text[0].isalpha()]
            return k + 1 if words and all(t.text.isupper() for t in words) else 0
    return 0


_LIST_OPENERS = frozenset(["including", "such", "like", "excluding", "among", "especially"])


def _opens_no_apposition(token: Token) -> bool:
    """A participle or a preposition opens no apposition ("Smith, who led the talks, said" and
    "Smith, the mayor, said" do): after the subject it is a phrase of its own ("The Beijing News,
    citing the police, reported", "Trump, in Kentucky, said"), after a clause an addition to it
    ("…were hospitalized, including 25 wounded, said Gong")."""
    lower = token.lower
    if token.capitalised or lower in RELATIVES:
        return False
    return lower.endswith("ing") or (lower in BARRIERS and lower not in DETERMINERS)


def apposition_before(tokens: list[Token], comma: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """``X, APPOSITION, said``: the phrase before the apposition, with it (or without a relative clause)."""
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and comma - k < 30:
        if tokens[k].text in ".;:" or tokens[k].text in QUOTE_CHARS:
            return None
        k -= 1
    if k < 0 or tokens[k].text != ",":
        return None
    k = _before_credentials(tokens, k)  # "Jane Roe, MD, PhD, director of …, said": Jane Roe
    head = noun_phrase_before(tokens, k - 1, lexicon)
    if head is None:
        return None
    if _place_of_origin(tokens, head, k, comma):  # "Jane Roe, of Springfield, Illinois, said": Jane Roe
        return apposition_before(tokens, k, lexicon)
    following = tokens[k + 2] if k + 2 < comma else None
    infinitive = following is not None and following.lower not in DETERMINERS and not following.capitalised
    if tokens[k + 1].lower == "to" and infinitive:
        return None  # "…, about 75 miles east of the city, to leave their homes, said …": a clause
    if _opens_no_apposition(tokens[k + 1]):  # "The Beijing News, citing the police, reported"
        last = tokens[head[1]]
        clause = last.lower.endswith("ed") and not last.capitalised  # "…were hospitalized, including"
        finite = PASSIVE_AUX | _FINITE_AUXILIARIES
        if clause or any(t.lower in finite or t.text in "—–" for t in tokens[k + 1 : comma]):
            return None
        return (head[0], comma - 1) if tokens[k + 1].lower in _LIST_OPENERS else head  # "…, including X,"
    if tokens[k + 1].lower in RELATIVES:
        return head
    stretch = tokens[k + 1 : comma]
    relative = next((n for n, t in enumerate(stretch) if t.lower in RELATIVES), len(stretch))
    if any(t.lower in _FINITE_AUXILIARIES for t in stretch[:relative]):
        return None  # "By Friday, the balloon had drifted east, said …": a clause, not an apposition
    return (head[0], comma - 1)


def _place_of_origin(tokens: list[Token], head: tuple[int, int], k: int, comma: int) -> bool:
    """``, of|from PLACE, REGION,``: where a speaker is from, its region set off by its own commas."""
    a = head[0]
    region = tokens[k + 1 : comma]
    return (
        a >= 2
        and tokens[a - 1].lower in {"of", "from"}
        and tokens[a - 2].text == ","
        and bool(region)
        and all(t.capitalised for t in region)
    )


_FINITE_AUXILIARIES = PASSIVE_AUX - {"be", "been", "being"} | {"has", "have", "had", "will", "would"}


def _before_credentials(tokens: list[Token], comma: int) -> int:
    """The comma before the credentials that the comma at ``comma`` closes (", MD, PhD,")."""
    k = comma
    while k >= 2 and tokens[k - 1].lower.replace(".", "") in _CREDENTIALS and tokens[k - 2].text == ",":
        k -= 2
    return k


# degrees, honours and suffixes set off by commas after a name
_CREDENTIALS = words_of("md phd dphil rn mph msc bsc mba dds facc jr sr ii iii iv obe mbe cbe kbe qc kc esq")


def content_span(
    tokens: list[Token],
    cue: tuple[int, int],
    source: tuple[int, int] | None,
    sentence: Span,
    verb: bool = True,
    comma_clause: bool = False,
) -> tuple[int, int] | None:
    """Character range of the content: after the cue, or before the source/cue when they end it or
    the cue is a ``verb`` inverted after its content ('"…," said Smith in a statement'); with
    ``comma_clause`` (de), after a comma too ("hatte berichtet, der Leiter sei …")."""
    first = min(cue[0], source[0]) if source else cue[0]
    last = max(cue[1], source[1]) if source else cue[1]
    after = tokens[last + 1 :]
    while after and after[-1].text in ".!?":
        after = after[:-1]
    inverted = verb and source is not None and source[0] > cue[1] and cue[0] > 0
    inverted = inverted and tokens[cue[0] - 1].text in ",\"”»’'"
    set_off = after[:1] and after[0].text == "," and not (comma_clause and source and source[1] < cue[0])
    # "…, the police said at the time.": a short time or place phrase after a cue closing the content
    closing = first > 0 and tokens[first - 1].text in {",", *CLOSING_QUOTES}
    closing = closing and bool(after) and _only_addressee_and_time(after)
    aside = _aside_then_clause(after) if set_off else None
    if aside is not None:  # "insisted, most recently in an interview, that …": past the aside
        return aside
    if len(after) >= 3 and not set_off and not inverted and not closing:
        while after and after[0].text in ":,":
            after = after[1:]
        return (after[0].start, after[-1].end) if after else None
    before = tokens[:first]
    middle = set_off and len(after) >= 3 and bool(before) and before[-1].text == "," and verb
    if middle and not after[1].lower.endswith("ing"):  # not ", the Gazette reported, citing sources"
        # "The plan, he added, would cost …": a speech clause set in the middle of what was said
        return before[0].start, after[-1].end
    while before and (before[-1].text in ",—–-" or before[-1].lower in {"also", "has", "have", "had"}):
        before = before[:-1]
    if before:
        return (before[0].start, before[-1].end)
    return None


def _only_addressee_and_time(after: list[Token]) -> bool:
    """The words after a cue are a short time or place phrase ("at the time", "after the game"),
    maybe after the name it was told to ("told Sky Sports News after the game"), not a clause."""
    k = 0
    while k < len(after) and after[k].capitalised:
        k += 1  # "told Sky Sports News": the addressee's name
    if k == 0 and after[0].lower in DETERMINERS:  # "told the local media": a short common noun phrase
        k = next((m for m in range(1, len(after)) if not after[m].text.isalpha()), len(after))
        k = k if k <= _ADDRESSEE_WORDS else 0
    rest = after[k:]
    return not rest or (len(rest) <= _TIME_PHRASE and rest[0].lower in _TRAILING_PHRASE_OPENERS)


def _aside_then_clause(after: list[Token]) -> tuple[int, int] | None:
    """The clause after a short aside set off by commas (", most recently in an interview, that …")."""
    for k in range(2, min(len(after) - 2, _ASIDE_WORDS + 2)):
        if after[k].text == "," and after[k + 1].lower in _CLAUSE_WORDS:
            return after[k + 1].start, after[-1].end
        if not after[k].text[0].isalnum():
            return None
    return None


_ASIDE_WORDS = 12
_CLAUSE_WORDS = frozenset(["that", "que", "che", "dass"])  # a complementizer opening the content
_TIME_PHRASE = 6  # tokens of a closing time phrase: "on Wednesday (Oct 4)"
_ADDRESSEE_WORDS = 4  # tokens of an addressee closing a sentence: "told the local media"
_TRAILING_PHRASE_OPENERS = frozenset(
    ["at", "on", "in", "during", "last", "this", "earlier", "later", "after", "before", "following"]
)


def stretch_to_quote(start: int, end: int, quotes: list[Span]) -> tuple[int, int]:
    for quote in quotes:
        overlaps = (
            quote.start <= start < quote.end or quote.start < end <= quote.end or start <= quote.start < end
        )
        if overlaps and quote.end - quote.start > 3 and quote.text[:1] in '"“„«':
            start, end = min(start, quote.start), max(end, quote.end)
    return start, end


_PARTICIPLE_LINKS = frozenset(["by", "in", "at", "from", "with", "for", "on", "near", "of"])


_CLAUSE_LINKS = frozenset(["and", "but", "or", "that", "which", "who", "while", "as"])


_OWNERS = frozenset(["a", "an", "its", "their", "his", "her"])
# what a speaker puts words in: "in a statement issued …", "released a statement to say"
STATEMENT_NOUNS = frozenset(
    ["statement", "interview", "tweet", "letter", "post", "email", "press", "release", "speech"]
)
_OF_PHRASE = frozenset(["of", "to"])  # "an update to the memo", "copies of the letter"


def _noun_like(token: Token, lexicon: Lexicon) -> bool:
    lower = token.lower
    if token.capitalised:
        return token.text[0].isalpha()
    participle = lexicon.language == "en" and lower in IRREGULAR_PARTICIPLES
    verb = lower in lexicon.verb_forms or lower.endswith(("ing", "ed", "ly")) or participle
    return lower.isalpha() and lower not in BARRIERS and not verb


def modified_subject(tokens: list[Token], j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The opening noun of "Authorities tracking the chemicals stored in the warehouse said" or
    "Documents obtained by the paper show": a participle phrase between the subject and its verb; or
    the noun with its relative clause ("Two jurors who spoke … said")."""
    first = after_dateline(tokens)
    nouns = first + (1 if first < j and tokens[first].lower in DETERMINERS | {"some", "many"} else 0)
    p, limit = nouns, 5
    while p < j and p - first < limit:
        if _noun_like(tokens[p], lexicon):
            p += 1
            continue
        # "an update to the memo sent …": the noun after "to"/"of" (and a determiner) goes on the phrase
        noun = p + (2 if p + 1 < j and tokens[p + 1].lower in DETERMINERS else 1)
        linked = p > nouns and tokens[p].lower in _OF_PHRASE
        if not linked or noun >= j or not _noun_like(tokens[noun], lexicon):
            break
        p, limit = noun, 8
    if p == nouns or p >= j or tokens[p].capitalised or tokens[first].lower in BARRIERS - DETERMINERS:
        return None
    statement = p + 2 < j and tokens[p + 1].lower in _OWNERS and tokens[p + 2].lower in STATEMENT_NOUNS
    if tokens[p].lower == "in" and statement:
        return (first, p - 1)  # "The police in a statement issued on Wednesday said": the police
    if tokens[p].lower == "who" and not any(t.text in ',;:"“”' for t in tokens[p:j]):
        return (first, j)  # "Two jurors who spoke but declined to be identified said": with its clause
    participle = tokens[p].lower
    ing = participle.endswith("ing") and participle not in lexicon.verb_forms
    past = participle.endswith("ed") or (lexicon.language == "en" and participle in IRREGULAR_PARTICIPLES)
    ed = past and tokens[p + 1].lower in _PARTICIPLE_LINKS | {"to"}
    if not (ing or ed) or any(_ends_the_subject(t, lexicon) for t in tokens[p : j + 1]):
        return None
    return (first, p - 1)


def _ends_the_subject(token: Token, lexicon: Lexicon) -> bool:
    """Punctuation, a verb or a clause word between a participle and the cue: no subject phrase."""
    lower = token.lower
    verb = lower in PASSIVE_AUX or lower in lexicon.auxiliaries or lower in lexicon.verb_forms
    return not token.text[0].isalnum() or verb or lower in _CLAUSE_LINKS


ELIDED = ("l'", "l’")  # an elided article written onto its noun (fr, it)


def inverted_start(tokens: list[Token], i: int, lexicon: Lexicon) -> int:
    """Where an inverted subject starts after the cue at ``i``: past an adverb or a short adverbial
    before an article ("…, ont déclaré mercredi les autorités", "indique de son côté le journal")."""
    start = i + 1
    k = start + 1 if start + 1 < len(tokens) and tokens[start].lower == "on" else start
    timed = k + 1 < len(tokens) and tokens[k].lower in WHEN_WORDS
    if timed and tokens[k + 1].lower in DETERMINERS | lexicon.determiners:
        return k + 1  # "…, said (on) Sunday the local ministry"
    if not lexicon.determiners or start >= len(tokens) or tokens[start].lower in lexicon.determiners:
        return start
    for k in range(start + 1, min(start + _ADVERBIAL_WORDS + 1, len(tokens))):
        if not all(t.text.isalpha() and not t.capitalised for t in tokens[start:k]):
            break
        if tokens[k].lower in lexicon.determiners and not governs_article(tokens[k - 1].lower, lexicon):
            return k  # "mercredi les autorités", "de son côté le journal", "à la presse le ministre"
    return start


# "de", "di", "da" and their contractions: a genitive, as in "el ministro de Justicia"
GENITIVES = frozenset(
    ["de", "del", "di", "da", "do", "della", "dello", "dos", "das", "dei", "degli", "delle"]
)


def governs_article(word: str, lexicon: Lexicon) -> bool:
    """A word that takes the article after it into its own phrase: a preposition ("à la presse", "de
    son côté"), a genitive or another article."""
    return word in lexicon.determiners or word in lexicon.fronted_openers or word in GENITIVES


_ADVERBIAL_WORDS = 3


def speaker_after_quote(tokens: list[Token], last: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """'"…," Anne Richards, assistant secretary of state for refugees, and migration, said' and '"…,"
    a spokesperson for the footballer and the singer told': the whole phrase between the closing
    quote and the cue, however many commas or "and"s it holds, up to token ``last``."""
    for k in range(last, max(last - 30, 0), -1):
        if tokens[k].text in ".;:!?":
            return None
        if tokens[k].text in CLOSING_QUOTES and k > 0 and tokens[k - 1].text in ",.!?":
            first = k + 1
            opens = first <= last and (tokens[first].capitalised or tokens[first].lower in DETERMINERS)
            verbs = any(t.lower in lexicon.verb_forms and not t.capitalised for t in tokens[first : last + 1])
            return (first, last) if opens and not verbs else None
    return None


def first_noun_run(tokens: list[Token], phrase: tuple[int, int]) -> tuple[int, int]:
    """Where every noun is capitalised (de): the phrase up to its first run of capitalised words."""
    first, last = phrase
    k = next((k for k in range(first, last + 1) if tokens[k].capitalised), None)
    if k is None:
        return phrase
    while k + 1 <= last and tokens[k + 1].capitalised:
        k += 1
    return (first, k)


_FINITE = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "do", "does", "did",
     "should", "may", "might", "must"]
)  # fmt: skip
# words that cannot be in that subject: a relative, a question word, a condition, a preposition …
_NOT_SUBJECT = frozenset(
    ["that", "which", "who", "whom", "whose", "what", "if", "whether", "when", "where", "how", "why", "as",
     "because", "to", "not", "no", "never", "be", "been", "for", "of", "with", "by", "from", "in", "on",
     "about", "exactly"]
)  # fmt: skip


def opens_bare_clause(words: list[str]) -> bool:
    """The words after a cue open a clause without "that": a subject of up to four words, then its
    verb ("bodies are strewn", "at least one person has been shot", "the talks were"); up to eight
    when it starts with a capital, a name with its title ("Saints running back Reggie Bush (knee)
    will"), but no coordination ("praised Marsh and has").
    """
    lowered = [w.lower().strip("()") for w in words]
    named = bool(words) and words[0][:1].isupper()
    finite = [w in _FINITE and words[k] != "May" for k, w in enumerate(lowered)]  # "May 2005": the month
    verb = next((k for k in range(min(len(words), 9 if named else 5)) if finite[k]), None)
    subject = [w for w in lowered[:verb] if w] if verb else []
    if len(subject) > 4 and any(w in {"and", "or", "but"} for w in subject):
        return False
    return bool(subject) and all(w.replace(",", "").isalnum() and w not in _NOT_SUBJECT for w in subject)
