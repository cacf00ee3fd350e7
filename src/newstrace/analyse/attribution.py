"""Who says what: reporting cues, their sources and contents, and who a pronoun source is.

Rules over tokens, no parser. A cue is a reporting verb form from the language's lexicon
(``said``, ``told``, ``wrote`` …) or a phrase such as ``according to``. Its source is the noun
phrase before it (``The Health Secretary, Jane Doe, has announced``), after it when the
order is inverted (``…," said union leader Maria Lopez``), the head of a relative clause
(``A video which apparently shows``) or nobody for a passive (``it was reported``). The content is
the rest of the sentence, stretched to a whole quote when the quote runs over several sentences.
Pronoun sources are resolved to the last named person or organisation that spoke before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newstrace.analyse.quotes import find_quotes
from newstrace.analyse.sentences import split_sentences
from newstrace.records import SourceKind, Span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"\w+(?:[.’'\-]\w+)*|[^\w\s]")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,3}|info|online|news)$", re.IGNORECASE)
_QUOTE_CHARS = "\"“”„«»‘’'"
_CLOSING_QUOTES = "\"”»’'"
# English function words for the phrase rules below (other languages use their lexicon's cues with
# the same rules; their word order mostly agrees for "X said" / "said X" / "according to X").
_DETERMINERS = _words("the a an his her their its this that these those our my your whose every each ")
_BARRIERS = _words(
    "that which who whom whose when while because as and but or if after before since so than "
    "where although though is are was were be been being to not also has have had will would "
    "could should may might can did does do in on by with about over into under what how why "
    "there this these those then "
)
_NOUN_MARKERS = _DETERMINERS | _words(
    "'s ’s other some several many media recent earlier new unconfirmed conflicting news press "
    "such multiple numerous initial first latest local of in on for at from with by "
)
_NP_PREPOSITIONS = frozenset(["of", "for", "at"])
_PASSIVE_AUX = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_WHEN_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday week month year night morning "
    "evening afternoon weekend yesterday today tonight "
)
_JOURNALISTS = frozenset(["reporter", "correspondent", "columnist", "journalist"])
_TITLES = _words("mr mrs ms dr prof sen rep gov gen lt col sgt capt st jr sr rev u.s u.k")
_RELATIVES = frozenset(["who", "which", "that"])
_LANGUAGES = ("en", "de", "fr", "es", "it", "ru", "ro")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The cue words of one language (``src/newstrace/data/claims/<language>.json``)."""

    language: str
    verb_forms: dict[str, str]  # inflected form -> lemma
    gated_forms: frozenset[str]  # cue only before "that", ":" or a quote, or when inverted
    according_to: tuple[str, ...]
    auxiliaries: frozenset[str]
    pronouns: dict[str, SourceKind]
    anonymous_heads: frozenset[str]
    anonymous_markers: frozenset[str]
    footage_words: frozenset[str]
    outlet_words: frozenset[str]
    organisation_words: frozenset[str]
    person_roles: frozenset[str]
    hedges: tuple[str, ...]
    speculative: tuple[str, ...]
    denials: tuple[str, ...]
    abbreviations: tuple[str, ...]
    particles: frozenset[str]
    invertible: frozenset[str]  # lemmas that can follow their subject: '"…," said Smith'
    passive_lemmas: frozenset[str]  # a passive of these is a report without a source ("it was said")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True)
class Attribution:
    """One reported statement: its cue, source (may be absent) and content, with character offsets."""

    cue: Span
    source: Span | None
    content: Span | None
    source_kind: SourceKind = "none"
    source_name: str | None = None  # the name a reader would give: "Jane Doe", "example.ru"
    sentence_index: int = -1
    lemma: str = ""
    passive: bool = False
    resolved: bool = False  # the source was a pronoun resolved to an earlier speaker


def _inflections(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


@lru_cache(maxsize=16)
def load_lexicon(language: str = "en") -> Lexicon:
    """Read the packaged cue lexicon for ``language`` (falls back to English)."""
    code = (language or "en").split("-")[0].lower()
    if code not in _LANGUAGES:
        code = "en"
    raw = json.loads(resources.files("newstrace.data").joinpath(f"claims/{code}.json").read_text("utf-8"))
    forms: dict[str, str] = dict(raw.get("cue_forms", {}))
    gated: dict[str, str] = dict(raw.get("gated_cue_forms", {}))
    if not forms:  # a lexicon given as lemmas: inflect them (weak lemmas are gated)
        weak = set(raw.get("weak_reporting_verbs", []))
        for lemma in raw.get("reporting_verbs", []):
            for form in _inflections(lemma) if raw.get("inflect", True) else [lemma]:
                (gated if lemma in weak else forms).setdefault(form, lemma)
        for lemma, extra in raw.get("irregular_forms", {}).items():
            for form in extra:
                (gated if lemma in weak else forms)[form] = lemma

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw.get(key, []))

    return Lexicon(
        language=code,
        verb_forms={**gated, **forms},
        gated_forms=frozenset(gated),
        according_to=tuple(raw.get("according_to", [])),
        auxiliaries=words("auxiliaries"),
        pronouns=dict(raw.get("pronouns", {})),
        anonymous_heads=words("anonymous_heads"),
        anonymous_markers=words("anonymous_markers"),
        footage_words=words("footage_words"),
        outlet_words=words("outlet_words"),
        organisation_words=words("organisation_words"),
        person_roles=words("person_roles"),
        hedges=tuple(raw.get("hedges", [])),
        speculative=tuple(raw.get("speculative", [])),
        denials=tuple(raw.get("denials", [])),
        abbreviations=tuple(raw.get("abbreviations", [])),
        particles=words("particles_not_cues"),
        invertible=words("invertible_lemmas"),
        passive_lemmas=words("passive_lemmas"),
    )


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation; a title's or an initial's full stop stays with it ("Mr.", "J.")."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        previous = tokens[-1] if tokens else None
        if (
            m.group() == "."
            and previous
            and previous.end == offset + m.start()
            and _takes_stop(previous.text)
        ):
            tokens[-1] = Token(previous.text + ".", previous.start, offset + m.end())
            continue
        tokens.append(Token(m.group(), offset + m.start(), offset + m.end()))
    return tokens


def _takes_stop(word: str) -> bool:
    return word.lower() in _TITLES or (len(word) == 1 and word.isupper())


# ---------------------------------------------------------------- source kinds and names


def classify_source(text: str, lexicon: Lexicon) -> SourceKind:
    """Person, organisation, outlet, footage (or document, post), anonymous; from the words alone."""
    tokens = [t for t in tokenize(text) if t.text not in ",.;:" and t.text not in _QUOTE_CHARS]
    if not tokens:
        return "none"
    lowers = [t.lower for t in tokens]
    if any(_is_domain(t.text) for t in tokens):
        return "outlet"
    if len(tokens) == 1 and lowers[0] in lexicon.pronouns:
        return lexicon.pronouns[lowers[0]]
    head = _head(tokens)
    names = [t for t in tokens if t.capitalised and t.lower not in _DETERMINERS]
    if head in lexicon.footage_words and not (head in {"report", "statement"} and names):
        return "anonymous" if head in {"reports"} else "footage"
    if head in lexicon.anonymous_heads and not _has_name(tokens, lexicon):
        return "anonymous"
    writes_for_outlet = head not in lexicon.person_roles or head in _JOURNALISTS
    if (
        any(w in lexicon.outlet_words for w in lowers)
        and (names or head in lexicon.outlet_words)
        and writes_for_outlet
    ):
        return "outlet"
    if head in lexicon.organisation_words or (
        len(names) == 1 and names[0].text.isupper() and len(names[0].text) > 1
    ):
        return "organisation"
    if head in lexicon.person_roles:
        return "person"
    if _has_name(tokens, lexicon):
        return "organisation" if _names_a_place(text, lexicon.language) else "person"
    if lowers[0] in {"a", "an", "one", "some", "several", "many"}:
        return "anonymous"
    return "person"


def _names_a_place(text: str, language: str) -> bool:
    """A country or city speaking ("Russia said") stands for its government: an organisation."""
    from newstrace.analyse.entities import extract_entities  # the gazetteer loads on first use

    entities = extract_entities(text, language)
    return bool(entities) and all(e.kind == "place" for e in entities)


def _head(tokens: list[Token]) -> str:
    """The head noun: the last word before ``of``/``for``/a comma, else the last word."""
    words: list[Token] = []
    for token in tokens:
        if token.lower in _NP_PREPOSITIONS or token.text == ",":
            break
        words.append(token)
    words = [w for w in (words or tokens) if w.lower not in {"'s", "’s"}]
    return words[-1].lower.rstrip("’'s") if words[-1].lower.endswith(("'s", "’s")) else words[-1].lower


def _has_name(tokens: list[Token], lexicon: Lexicon) -> bool:
    """A run of capitalised words that are not roles or the sentence's first determiner."""
    for index, token in enumerate(tokens):
        if not token.capitalised or token.lower in _DETERMINERS or token.lower in lexicon.person_roles:
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
    return False


def source_name(text: str, kind: SourceKind) -> str:
    """The name part of a source phrase: the domain, or the last run of capitalised words."""
    tokens = [t for t in tokenize(text) if t.text not in _QUOTE_CHARS]
    for token in tokens:
        if _is_domain(token.text):
            return token.text
    if kind == "person":
        runs: list[list[Token]] = []
        current: list[Token] = []
        for token in tokens:
            if token.capitalised and token.lower not in _DETERMINERS:
                current.append(token)
            else:
                if current:
                    runs.append(current)
                current = []
        if current:
            runs.append(current)
        named = [r for r in runs if len(r) >= 2] or runs
        if named:
            run = named[-1]
            return text[run[0].start : run[-1].end]
    return text.strip(" ,")


def _is_domain(word: str) -> bool:
    """``x.ru``, ``news.example.com``: a word with a dot and a lower-case top-level part."""
    return "." in word and bool(_DOMAIN.match(word)) and word.rsplit(".", 1)[1].islower()


# ---------------------------------------------------------------- cues, sources, contents


def _title_case(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.text[0].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(t.capitalised for t in words) >= 0.8 * len(words)


def _is_cue(tokens: list[Token], i: int, lexicon: Lexicon, title_case: bool = False) -> str | None:
    """The lemma if ``tokens[i]`` is a reporting verb used as one, else None."""
    token = tokens[i]
    lemma = lexicon.verb_forms.get(token.lower)
    if lemma is None:
        return None
    if i > 0 and token.capitalised and not title_case:
        return None  # "The Washington Post", "Report" in a title
    previous = tokens[i - 1].lower if i > 0 else ""
    if previous in _NOUN_MARKERS or previous.endswith(("'s", "’s")):
        return None  # a noun: "the report", "other reports", "of state", "the mayor's call"
    if i + 1 < len(tokens) and tokens[i + 1].lower in lexicon.particles:
        return None  # a phrasal verb: "showed off", "called up"
    if token.lower in lexicon.gated_forms and not _weak_cue_context(tokens, i):
        return None
    return lemma


def _colon_cue(tokens: list[Token], i: int, found: list[Attribution]) -> bool:
    """``The senator put it bluntly: "…"`` (a colon before a quote, no cue before it) or a headline
    ``Name: what they said`` (a colon after one to four capitalised words)."""
    if tokens[i].text != ":" or i + 1 >= len(tokens) or any(a.cue.end <= tokens[i].start for a in found):
        return False
    if 1 <= i <= 4 and all(t.capitalised or t.text in ".-" for t in tokens[:i]):
        return True
    return tokens[i + 1].text in "\"“‘'«" and i >= 2


def _weak_cue_context(tokens: list[Token], i: int) -> bool:
    following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    previous = tokens[i - 1].text if i > 0 else ""
    if following in {"that", ":"} or (following and following in _QUOTE_CHARS):
        return True
    return previous in {",", *_CLOSING_QUOTES} and i + 1 < len(tokens) and tokens[i + 1].capitalised


_PARTICLES = {
    "to": {"refer", "point", "allude", "turn"},
    "for": {"call", "ask"},
    "on": {"call", "comment"},
    "out": {"point"},
    "about": {"talk", "ask", "speak", "write"},
    "of": {"say"},
}
_STATEMENT_NOUNS = frozenset(["statement", "interview", "tweet", "letter", "post", "email", "speech"])


def _cue_extent(tokens: list[Token], i: int, lemma: str, passive: bool) -> tuple[int, int]:
    """The cue's tokens: the verb with its particle ("referring to", "called for"), its passive
    auxiliary ("is expected") and a following "in a statement"."""
    first, last = i, i
    if passive and i > 0 and tokens[i - 1].lower in _PASSIVE_AUX:
        first = i - 1
    if last + 1 < len(tokens) and lemma in _PARTICLES.get(tokens[last + 1].lower, ()):
        last += 1
    if (
        last + 3 < len(tokens)
        and tokens[last + 1].lower == "in"
        and tokens[last + 2].lower in {"a", "an"}
        and tokens[last + 3].lower in _STATEMENT_NOUNS
    ):
        last += 3
    return first, last


def _skip_back(tokens: list[Token], j: int, lexicon: Lexicon) -> int:
    """Step back over auxiliaries and adverbs: "has also", "repeatedly", "would later"."""
    while j >= 0:
        lower = tokens[j].lower
        if (
            lower in _WHEN_WORDS
            and j > 0
            and tokens[j - 1].lower in {"on", "last", "this", "earlier", "late"}
        ):
            j -= 2  # "on Tuesday", "last week"
        elif (lower in _WHEN_WORDS and lower in {"yesterday", "today", "tonight"}) or (
            lower in lexicon.auxiliaries
            or lower in _PASSIVE_AUX
            or (lower.endswith("ly") and not tokens[j].capitalised and len(lower) > 4)
        ):
            j -= 1
        else:
            break
    return j


def _noun_phrase_before(tokens: list[Token], j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Token range [a, j] of the noun phrase ending at ``j``, walking back over NP-like words."""
    a = j
    while a >= 0:
        token = tokens[a]
        lower = token.lower
        if token.text == ")":  # "Sen. Jane Roe (D-Md.)": step over the bracket
            opening = next((k for k in range(a - 1, max(a - 12, -1), -1) if tokens[k].text == "("), None)
            if opening is None:
                break
            a = opening - 1
            continue
        if token.text in _QUOTE_CHARS or (not token.text[0].isalnum() and token.text not in "-&"):
            break
        joins_names = lower == "and" and a > 0 and tokens[a - 1].capitalised and tokens[a + 1].capitalised
        if lower in _BARRIERS and not (token.capitalised and a > 0) and not joins_names:
            break
        if lexicon.verb_forms.get(lower) and a != j and not token.capitalised:
            break
        if j - a >= 7 + sum(1 for t in tokens[a:j] if t.text in "()"):
            break
        a -= 1
    a += 1
    if a > j:
        return None
    while a <= j and tokens[a].lower in _NP_PREPOSITIONS:
        a += 1
    return (a, j) if a <= j else None


def _noun_phrase_after(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at ``i`` (up to punctuation or a clause word)."""
    b = i
    while b < len(tokens) and b - i < 12:
        token = tokens[b]
        if (
            not token.text[0].isalnum()
            and token.text not in "-&’'"
            and not (token.text == "," and _apposition(tokens, b))
        ):
            break
        if (
            token.lower in {"that", "who", "which", "in", "on", "during", "when", "after", "before", "while"}
            and b > i
        ):
            break
        if (
            token.lower in _BARRIERS
            and token.lower not in {"this", "these", "those"}
            and not token.capitalised
        ):
            break
        b += 1
    return (i, b - 1) if b > i else None


def _ends_clause(tokens: list[Token], k: int) -> bool:
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
    )


def _apposition(tokens: list[Token], b: int) -> bool:
    """``Smith, the director of X`` after an inverted cue: the comma continues the phrase."""
    return b + 1 < len(tokens) and tokens[b + 1].lower in {"the", "a", "an"} and b + 2 < len(tokens)


def _span(text: str, offset: int, start: int, end: int) -> Span:
    return Span(start, end, text[start - offset : end - offset])


@dataclass(frozen=True, slots=True)
class _Found:
    """Where the source of a cue is: token ranges, and what kind of construction it was."""

    source: tuple[int, int] | None = None
    passive: bool = False
    antecedent: tuple[int, int] | None = None  # for a relative pronoun source ("A video which shows")
    coordinated: bool = False  # a second verb ("… and told"), or a participle ("…, saying")


def _find_source(tokens: list[Token], i: int, lexicon: Lexicon) -> _Found:
    """The source of the cue at ``i``."""
    j = _skip_back(tokens, i - 1, lexicon)
    between = tokens[j + 1 : i]
    if any(t.lower in _PASSIVE_AUX for t in between) and tokens[i].lower.endswith(("ed", "d", "n")):
        if i + 1 < len(tokens) and tokens[i + 1].lower == "by":
            return _Found(_noun_phrase_after(tokens, i + 2))
        return _Found(passive=True)
    if j < 0:
        return _Found()
    if tokens[i].lower.endswith("ing") and tokens[j].text == ",":
        return _Found(_sentence_subject(tokens, j, lexicon), coordinated=True)
    if tokens[j].lower in {"and", "but"}:  # "Smith did not name them, but told supporters"
        return _Found(_sentence_subject(tokens, j, lexicon), coordinated=True)
    if tokens[j].text in _CLOSING_QUOTES or tokens[j].text == ",":
        after = _noun_phrase_after(tokens, i + 1) if i + 1 < len(tokens) else None
        apposed = after is not None and any(t.text == "," for t in tokens[after[0] : after[1] + 1])
        if after and not apposed and not _ends_clause(tokens, after[1] + 1):
            after = None  # ", said Smith will win": a clause follows, not an inverted subject
        if after and tokens[after[1]].lower in _WHEN_WORDS:
            after = None  # "concluded this year"
        if after and lexicon.invertible and lexicon.verb_forms.get(tokens[i].lower) not in lexicon.invertible:
            after = None  # "Smith, the director, told The Post": "told" takes an object
        if after and (
            tokens[i + 1].capitalised
            or tokens[i + 1].lower in _DETERMINERS
            or tokens[j].text in _CLOSING_QUOTES
        ):
            return _Found(after)
        return _Found(_apposition_before(tokens, j, lexicon) if tokens[j].text == "," else None)
    if tokens[j].lower in _RELATIVES:
        k = j - 1
        if k >= 0 and tokens[k].text == ",":
            k -= 1
        return _Found((j, j), antecedent=_noun_phrase_before(tokens, k, lexicon) if k >= 0 else None)
    return _Found(_noun_phrase_before(tokens, j, lexicon))


def _sentence_subject(tokens: list[Token], before: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence (the subject of a participle or second verb)."""
    first = _after_dateline(tokens)
    if before <= first or not (tokens[first].capitalised or tokens[first].lower in lexicon.pronouns):
        return None
    end = first + 1 if tokens[first].lower in _DETERMINERS and before > first + 1 else first
    while end + 1 < before and (
        tokens[end + 1].capitalised
        or tokens[end + 1].text in ".-()"
        or (tokens[end + 1].lower in _NP_PREPOSITIONS and end + 2 < before and tokens[end + 2].capitalised)
    ):
        end += 1
    return (first, end) if tokens[first].lower not in _BARRIERS else None


def _after_dateline(tokens: list[Token]) -> int:
    """Index of the first token after a dateline such as "WASHINGTON (AP) —", else 0."""
    for k, token in enumerate(tokens[:8]):
        if token.text in "—–-" and k > 0:
            words = [t for t in tokens[:k] if t.text[0].isalpha()]
            return k + 1 if words and all(t.text.isupper() for t in words) else 0
    return 0


def _apposition_before(tokens: list[Token], comma: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """``X, APPOSITION, said``: the phrase before the apposition, with it (or without a relative clause)."""
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and comma - k < 30:
        if tokens[k].text in ".;:" or tokens[k].text in _QUOTE_CHARS:
            return None
        k -= 1
    if k < 0 or tokens[k].text != ",":
        return None
    head = _noun_phrase_before(tokens, k - 1, lexicon)
    if head is None:
        return None
    if tokens[k + 1].lower in _RELATIVES:
        return head
    return (head[0], comma - 1)


def _content_span(
    tokens: list[Token], cue: tuple[int, int], source: tuple[int, int] | None, sentence: Span
) -> tuple[int, int] | None:
    """Character range of the content: after the cue, or before the source/cue when they end it."""
    first = min(cue[0], source[0]) if source else cue[0]
    last = max(cue[1], source[1]) if source else cue[1]
    after = tokens[last + 1 :]
    while after and after[-1].text in ".!?":
        after = after[:-1]
    if len(after) >= 3 and after[0].text != ",":
        while after and after[0].text in ":,":
            after = after[1:]
        return (after[0].start, after[-1].end) if after else None
    before = tokens[:first]
    while before and (before[-1].text in ",—–-" or before[-1].lower in {"also", "has", "have", "had"}):
        before = before[:-1]
    if before:
        return (before[0].start, before[-1].end)
    return None


def _stretch_to_quote(start: int, end: int, quotes: list[Span]) -> tuple[int, int]:
    for quote in quotes:
        overlaps = (
            quote.start <= start < quote.end or quote.start < end <= quote.end or start <= quote.start < end
        )
        if overlaps and quote.end - quote.start > 3 and quote.text[:1] in '"“„«':
            start, end = min(start, quote.start), max(end, quote.end)
    return start, end


def _according_to(tokens: list[Token], lexicon: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of "according to"-style phrases."""
    found: list[tuple[int, int]] = []
    lowers = [t.lower for t in tokens]
    for phrase in lexicon.according_to:
        words = [w.lower() for w in _TOKEN.findall(phrase)]
        for i in range(len(tokens) - len(words) + 1):
            if lowers[i : i + len(words)] == words:
                found.append((i, i + len(words) - 1))
    return found


def _sentence_attributions(
    sentence: Span, index: int, lexicon: Lexicon, quotes: list[Span]
) -> list[Attribution]:
    tokens = tokenize(sentence.text, sentence.start)
    found: list[Attribution] = []
    taken: set[int] = set()
    for first, last in _according_to(tokens, lexicon):
        taken.update(range(first, last + 1))
        source = _noun_phrase_after(tokens, last + 1) if last + 1 < len(tokens) else None
        found.append(
            _make(tokens, (first, last), _Found(source), sentence, index, lexicon, quotes, "according to")
        )
    title_case = _title_case(tokens)
    for i in range(len(tokens)):
        if i in taken:
            continue
        lemma = _is_cue(tokens, i, lexicon, title_case)
        if lemma is None and _colon_cue(tokens, i, found):
            lemma = ":"
        if lemma is None:
            continue
        where = _find_source(tokens, i, lexicon)
        if where.passive and lexicon.passive_lemmas and lemma not in lexicon.passive_lemmas:
            continue  # "was posted online": a passive that reports nothing
        attribution = _make(
            tokens,
            _cue_extent(tokens, i, lemma, where.passive),
            where,
            sentence,
            index,
            lexicon,
            quotes,
            lemma,
        )
        if where.coordinated and found:
            previous = found[-1]  # "…, telling the US …": the speaker of the clause before
            attribution.source, attribution.source_kind = previous.source, previous.source_kind
            attribution.source_name = previous.source_name
        found.append(attribution)
    return found


def _make(
    tokens: list[Token],
    cue: tuple[int, int],
    where: _Found,
    sentence: Span,
    index: int,
    lexicon: Lexicon,
    quotes: list[Span],
    lemma: str,
) -> Attribution:
    def chars(first: int, last: int) -> Span:
        return _span(sentence.text, sentence.start, tokens[first].start, tokens[last].end)

    source = where.source
    content_range = _content_span(tokens, cue, source, sentence)
    content = None
    if content_range:
        start, end = _stretch_to_quote(*content_range, quotes)
        content = Span(start, end, "")
    source_span = chars(*source) if source else None
    kind: SourceKind = "anonymous" if where.passive else "none"
    name = None
    named = chars(*where.antecedent) if where.antecedent else source_span
    if named:
        kind = classify_source(named.text, lexicon)
        name = source_name(named.text, kind)
    return Attribution(
        cue=chars(*cue),
        source=source_span,
        content=content,
        source_kind=kind,
        source_name=name,
        sentence_index=index,
        lemma=lemma,
        passive=where.passive,
    )


def find_attributions(
    text: str, language: str = "en", sentences: list[Span] | None = None, nested: bool = False
) -> list[Attribution]:
    """The attributions in ``text``, pronoun sources resolved to earlier speakers.

    Cues inside a direct quote are speech within speech; they are left out unless ``nested``
    (PolNeAR, for one, annotates 25 of its 19,832 training cues inside quotes)."""
    lexicon = load_lexicon(language)
    sentences = sentences if sentences is not None else split_sentences(text, language)
    quotes = find_quotes(text)
    doubles = [q for q in quotes if q.text[:1] in '"“„«']
    found: list[Attribution] = []
    for index, sentence in enumerate(sentences):
        for attribution in _sentence_attributions(sentence, index, lexicon, quotes):
            if nested or not any(q.start < attribution.cue.start < q.end for q in doubles):
                found.append(attribution)
    for attribution in found:
        if attribution.content is not None:
            c = attribution.content
            attribution.content = Span(c.start, c.end, text[c.start : c.end])
    resolve_speakers(found, lexicon)
    return found


def resolve_speakers(attributions: list[Attribution], lexicon: Lexicon) -> None:
    """Give a pronoun source (``He said``) the name of the last speaker of a matching kind."""
    last: dict[str, Attribution] = {}
    for attribution in attributions:
        if attribution.source is None:
            continue
        pronoun = attribution.source.text.lower()
        if pronoun in lexicon.pronouns:
            kind = lexicon.pronouns[pronoun]
            antecedent = last.get(kind) or (last.get("outlet") if kind == "organisation" else None)
            if antecedent is not None:
                attribution.source_name = antecedent.source_name
                attribution.source_kind = antecedent.source_kind
                attribution.resolved = True
            continue
        if attribution.source_kind in {"person", "organisation", "outlet"}:
            last[attribution.source_kind] = attribution
