"""Cue lexicons per language, and the tokenizer the attribution rules work on.

A lexicon (``src/newstrace/data/claims/<language>.json``) lists the reporting verbs (inflected
forms mapped to lemmas), "according to" phrases, source words (roles, organisations, outlets,
anonymous heads), and the hedging, speculative and denial phrases of the certainty classes.
The English function-word sets below are shared by the phrase rules of ``phrases`` and
``attribution``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newstrace.records import SourceKind


def words_of(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` as a set."""
    return frozenset(text.split())


TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\w+(?:[.’‘'\-]\w+)*|[^\w\s]")  # "3,000" is one token
QUOTE_CHARS = "\"“”„«»‘’'"
CLOSING_QUOTES = "\"”»’'"
# English function words for the phrase rules below (other languages use their lexicon's cues with
# the same rules; their word order mostly agrees for "X said" / "said X" / "according to X").
DETERMINERS = words_of("the a an his her their its this that these those our my your whose every each ")
BARRIERS = words_of(
    "that which who whom whose when while because as and but or if after before since so than "
    "where although though is are was were be been being to not also has have had will would "
    "could should may might can did does do in on by with about over into under what how why "
    "there this these those then "
    "mais et que qui pero aber und dass maar ma mas che "  # conjunctions of the other lexicons' languages
    "aan tegen tegenover till gegenüber "  # whom a source tells: "zegt een ingewijde tegen X"
)
NOUN_MARKERS = DETERMINERS | words_of(
    "'s ’s other some several many media recent earlier new unconfirmed conflicting news press "
    "such multiple numerous initial first latest local of in on for at from with by "
    "two three four five six seven eight nine ten dozens hundreds "  # "two blasts", "hundreds of reports"
)
NP_PREPOSITIONS = frozenset(["of", "for", "at"])
# English past participles not in -ed, after a noun they modify ("a memo sent by", "emails seen by")
IRREGULAR_PARTICIPLES = words_of(
    "sent seen written given taken shown made found held kept brought told heard known drawn put read"
)
MONTH_WORDS = words_of(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)


def past_participle(word: str) -> bool:
    """A lower-case English word that may be a past participle ("obtained", "sent")."""
    return word.endswith("ed") or word in IRREGULAR_PARTICIPLES


PASSIVE_AUX = frozenset(["is", "are", "was", "were", "be", "been", "being"])
# focusing adverbs between a cue and its clause: "is reporting only that", "also confirms"
FOCUS_ADVERBS = words_of("only merely simply just also even now again")
WHEN_WORDS = words_of(
    "monday tuesday wednesday thursday friday saturday sunday week month year night morning "
    "evening afternoon weekend yesterday today tonight "
)
# titles and ranks written before a name, with their full stop ("Gen.", "Brig.")
TITLES = words_of(
    "mr mrs ms dr prof sen rep gov gen lt col sgt capt st jr sr rev u.s u.k brig maj adm cmdr cpl pvt"
)
RELATIVES = frozenset(["who", "which", "that"])
# what evidence does: "footage showing …", "a video claiming to show …"
EVIDENCE_VERBS = ("show", "depict", "reveal", "capture", "document")
_LANGUAGES = ("en", "de", "fr", "es", "it", "ru", "ro", "pt", "nl", "sv", "uk", "ja")


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
    subordinators: frozenset[str] = frozenset()  # a certainty cue after one is in a subordinate clause
    clause_openers: frozenset[str] = frozenset()  # prepositions opening a leading phrase ("In the …,")
    initial_only: frozenset[str] = frozenset()  # certainty cues that count only opening the sentence
    denial_non_objects: frozenset[str] = frozenset()  # "could deny them permits" rejects no claim
    core_reporting: frozenset[str] = frozenset()  # lemmas that report content without "that" or a quote
    reporting_lemmas: frozenset[str] = frozenset()  # the reporting verbs' lemmas (English: plural present)
    reporter_hedges: frozenset[str] = frozenset()  # the reporter's hedge even inside indirect speech
    attributive_modals: frozenset[str] = frozenset()  # modal adjectives that also premodify nouns
    commissive_lemmas: frozenset[str] = frozenset()  # before "to" they report a promise or threat
    adverbial_subordinators: frozenset[str] = frozenset()  # "after X noted …": not the main claim
    intent_lemmas: frozenset[str] = frozenset()  # before "to" they state a plan, not a report
    indefinite_determiners: frozenset[str] = frozenset()  # "a/one/another official said": unidentified
    individual_heads: frozenset[str] = frozenset()  # "a friend", "one user": individuals, not bodies
    official_voices: frozenset[str] = frozenset()  # "a spokesman" speaks for a body: identifiable
    first_person: frozenset[str] = frozenset()  # the writer's own "I"/"we" outside quotes
    appearance_verbs: frozenset[str] = frozenset()  # "seemed pleased", "appears that": hedges
    evidential_verbs: frozenset[str] = frozenset()  # appearance verbs that hedge whatever follows
    appearance_blockers: frozenset[str] = frozenset()  # "appeared in court": no hedge
    evaluative_predicates: frozenset[str] = frozenset()  # "seems unfair": the writer's judgement
    outlet_names: frozenset[str] = frozenset()  # "reuters", "associated press": outlets by name
    compound_words: bool = False  # nouns compound (de, nl): "Staatsmedien" is one of the "medien"
    postpositions: frozenset[str] = frozenset()  # "according to" after its source (de "dem Memo zufolge")
    fronting_words: frozenset[str] = frozenset()  # opening a sentence, they put the subject after the verb
    passive_agents: frozenset[str] = frozenset()  # who did it, after a passive ("anunciado por", "pela")
    passive_auxiliaries: frozenset[str] = frozenset()  # its auxiliaries ("fue", "été", "stato")
    capitalised_nouns: bool = False  # every noun is capitalised (de): a capital marks no name
    head_first: bool = False  # the noun comes before its adjectives (fr, es, it, pt, ro)
    unspaced: bool = False  # written without spaces between words (ja): cues match inside runs
    participle_cues: frozenset[str] = frozenset()  # "expected (to)": speculative only after "be"
    hedge_adverbs: frozenset[str] = frozenset()  # hedging adverbs ("allegedly"): scope over the next verb
    attributive_hedges: frozenset[str] = frozenset()  # hedging adjectives that premodify a noun
    months: frozenset[str] = frozenset()  # month names after an ordinal's stop ("am 26. März", de)
    inverted_subjects: bool = False  # "…, sagte die Polizei": a reporting verb's subject may follow it
    suffixed_articles: bool = False  # the definite article is a noun's ending (sv "ministern", "källan")
    attribution_markers: tuple[str, ...] = ()  # unspaced scripts: "によると", "と述べた" mark a source
    determiners: frozenset[str] = frozenset()  # the language's articles ("der", "le"): not used in English
    headline_labels: frozenset[str] = frozenset()  # a headline's kicker ("BREAKING:"), not a speaker
    complementizers: frozenset[str] = frozenset()  # a reported clause's opener ("that", "que", "dass")
    relatives: frozenset[str] = frozenset()  # relative pronouns beyond English's ("quien", "che", "qui")
    v2_finite: frozenset[str] = frozenset()  # finite verbs after a fronted phrase: "Volgens X zou" (nl)
    object_clitics: frozenset[str] = frozenset()  # "Lo riferisce l'Ansa": an object before, the subject after
    reflexive_clitics: frozenset[str] = frozenset()  # "se negó", "si è rifiutato": not the subject
    # endings of the conditional that reports an unconfirmed claim (fr "envisagerait", it "avrebbe
    # detto"), and conditionals that do not (modal, volitional: "pourrait", "vorrebbe")
    reportative_conditional: tuple[str, ...] = ()
    conditional_not_reportative: frozenset[str] = frozenset()
    pro_drop: bool = False  # a verb needs no subject (es, it, pt, ro): "Añadió que …" is the last speaker's
    fronted_openers: frozenset[str] = frozenset()  # "Al respecto indicó", "Además, dijo": no subject
    rejection_verbs: tuple[str, ...] = ()  # "dismissed", "rejected the": before a claim noun, a denial
    claim_nouns: tuple[str, ...] = ()  # "report", "rumours", "notion": what a rejection verb rejects
    rule_nouns: frozenset[str] = frozenset()  # "according to the calendar": a reckoning, no source
    labelling_verbs: tuple[str, ...] = ()  # "called", "branded": with a claim noun and a falsity word
    falsity_words: tuple[str, ...] = ()  # "false", "nonsense": "called the reports false" denies them
    opinion_collectives: frozenset[str] = frozenset()  # "critics", "experts": a view, not an account
    # words for kinds of source (roles, bodies, outlets, unnamed heads), joined once for the hot paths
    source_heads: frozenset[str] = frozenset()
    # what a document-like source is called, "reports" too ("…, company records show", "G-III reports")
    document_heads: frozenset[str] = frozenset()


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


def _inflections(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def _news_organisations() -> frozenset[str]:
    """News agencies and broadcasters cited by name, as lower-cased token sequences (any language)."""
    text = resources.files("newstrace.data").joinpath("claims/news_organisations.json").read_text("utf-8")
    return frozenset(" ".join(t.lower for t in tokenize(name)) for name in json.loads(text)["names"])


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

    heads = ("person_roles", "organisation_words", "outlet_words", "anonymous_heads")
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
        subordinators=words("subordinators"),
        clause_openers=words("clause_openers"),
        initial_only=words("initial_only"),
        denial_non_objects=words("denial_objects_not_claims"),
        core_reporting=words("core_reporting_lemmas"),
        reporting_lemmas=words("reporting_verbs"),
        reporter_hedges=words("reporter_hedges"),
        attributive_modals=words("attributive_modals"),
        commissive_lemmas=words("commissive_lemmas"),
        adverbial_subordinators=words("adverbial_subordinators"),
        intent_lemmas=words("intent_lemmas"),
        indefinite_determiners=words("indefinite_determiners"),
        individual_heads=words("individual_heads"),
        official_voices=words("official_voices"),
        first_person=words("first_person"),
        appearance_verbs=words("appearance_verbs"),
        evidential_verbs=words("evidential_verbs"),
        appearance_blockers=words("appearance_blockers"),
        evaluative_predicates=words("evaluative_predicates"),
        outlet_names=_news_organisations(),
        compound_words=bool(raw.get("compound_words", False)),
        postpositions=words("postpositions"),
        fronting_words=words("fronting_words"),
        passive_agents=words("passive_agents"),
        passive_auxiliaries=words("passive_auxiliaries"),
        capitalised_nouns=bool(raw.get("capitalised_nouns", False)),
        head_first=bool(raw.get("head_first", False)),
        unspaced=bool(raw.get("unspaced", False)),
        participle_cues=words("participle_cues"),
        hedge_adverbs=words("hedge_adverbs"),
        attributive_hedges=words("attributive_hedges"),
        months=words("months"),
        inverted_subjects=bool(raw.get("inverted_subjects", False)),
        suffixed_articles=bool(raw.get("suffixed_articles", False)),
        attribution_markers=tuple(raw.get("attribution_markers", [])),
        determiners=words("determiners"),
        headline_labels=words("headline_labels"),
        complementizers=words("complementizers"),
        relatives=words("relatives"),
        v2_finite=words("v2_finite"),
        object_clitics=words("object_clitics"),
        reflexive_clitics=words("reflexive_clitics"),
        reportative_conditional=tuple(raw.get("reportative_conditional", [])),
        conditional_not_reportative=words("conditional_not_reportative"),
        pro_drop=bool(raw.get("pro_drop", False)),
        fronted_openers=words("fronted_openers"),
        rejection_verbs=tuple(raw.get("rejection_verbs", [])),
        claim_nouns=tuple(raw.get("claim_nouns", [])),
        rule_nouns=words("rule_nouns"),
        labelling_verbs=tuple(raw.get("labelling_verbs", [])),
        falsity_words=tuple(raw.get("falsity_words", [])),
        opinion_collectives=words("opinion_collectives"),
        source_heads=frozenset().union(*(words(key) for key in heads)),
        document_heads=words("footage_words") | {"reports"},
    )


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation; a title's or an initial's full stop stays with it ("Mr.", "J.")."""
    tokens: list[Token] = []
    for m in TOKEN.finditer(text):
        previous = tokens[-1] if tokens else None
        if previous and previous.end == offset + m.start() and _plural_possessive(text, m.start()):
            tokens[-1] = Token(previous.text + m.group(), previous.start, offset + m.end())
            continue  # "the Smiths' lawyer": one word, not a closing quote
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


_OPENING_SINGLE = re.compile(r"(?:^|(?<=[\s(\[]))[‘'](?=\w)")


def _plural_possessive(text: str, i: int) -> bool:
    """The apostrophe at ``text[i]`` ends a plural possessive ("voters' concerns"): after an "s", before a
    word, and no single quote opened before it in the text is still open ("called them 'idiots' and")."""
    if text[i] not in "'’" or i == 0 or text[i - 1] not in "sS" or not _WORD_NEXT.match(text, i + 1):
        return False
    opened = [m.start() for m in _OPENING_SINGLE.finditer(text, 0, i)]
    return not opened or any(c in "'’" for c in text[opened[-1] + 1 : i])


_WORD_NEXT = re.compile(r" [^\W\d_]")


def _takes_stop(word: str) -> bool:
    """Titles, initials and dotted acronyms ("U.S", "EE.UU") keep their full stop."""
    return word.lower() in TITLES or (len(word) == 1 and word.isupper()) or bool(_ACRONYM.fullmatch(word))


_ACRONYM = re.compile(r"(?:[A-Z]{1,2}\.)+[A-Z]{1,2}")
