"""How sure the article is about a claim: asserted, attributed, hedged, speculative or denied.

The classes and their precedence are those of the project's certainty guide: denied > hedged >
(attributed when a named source carries the claim) > speculative > attributed > asserted. Cue words
come from the language's lexicon (``src/newstrace/data/claims/<language>.json``) and are returned as
evidence with the decision; classes that also apply are returned as alternatives.

A cue counts for the sentence only where it has scope over its main claim: not in a relative or
subordinate clause (unless that clause is finished inside the subject: "Both ships that were
targeted are said to …"), not as an adjective on a noun ("the alleged killer was …", "likely
voters"), not on a participle ("a booster allegedly giving …", "a report expected to …"), not in a
participial or prepositional adjunct (", meaning calls could drop", ", with its popularity
apparently high,"), and not inside a quotation whose speaker is named (the speaker's hedge). Idioms
that predict or hedge nothing ("might as well", "can't seem to") are not cues; nor is an appearance
verb before an evaluative predicate ("it seems unfair to", the writer's judgement), nor "may" or
"might" conceded before ", but …" (the "but" clause carries the claim). A denial is a denial word,
or a verb of rejection before a noun naming a claim ("dismissed a neighbour's report"); "deny" with
two objects ("denied his party the victory") withholds something and rejects no claim.
Rules were chosen on ``benchmarks/data/certainty-dev`` and ``certainty-dev2`` only, never on the
test set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newstrace.analyse.cue_scope import (
    BE,
    MODALS,
    WORDS,
    concessive,
    in_aside,
    in_main_clause,
    inside_noun_phrase,
    modifies_report,
    no_prediction,
    reduced_relative,
)
from newstrace.analyse.lexicon import DETERMINERS, MONTH_WORDS, WHEN_WORDS, Lexicon, load_lexicon
from newstrace.records import Certainty, SourceKind

IDENTIFIABLE: frozenset[SourceKind] = frozenset({"person", "organisation", "outlet", "footage"})
SECOND_HAND: frozenset[SourceKind] = frozenset({"anonymous", "outlet"})
_CASE_SENSITIVE = frozenset({"may"})  # "May" in the middle of a sentence is the month
# before "may", words that make it the month ("used in may when")
_MONTH_PREPOSITIONS = frozenset({"in", "since", "until", "till", "through", "early", "late", "next", "mid"})
# a determiner or number before "likely" makes it an adjective in a noun phrase ("1,000 likely voters")
_NOUN_PHRASE_OPENERS = frozenset(
    {"the", "a", "an", "of", "among", "his", "her", "their", "its", "our", "all", "many", "most", "some"}
)


@dataclass(frozen=True, slots=True)
class CertaintyDecision:
    certainty: Certainty
    cues: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)


@lru_cache(maxsize=64)
def _pattern(phrases: tuple[str, ...], unspaced: bool = False) -> re.Pattern[str]:
    """One pattern for all ``phrases``, longest first, on word boundaries (none for a language
    written without spaces)."""
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(_phrase_pattern(p) for p in ordered)
    if unspaced:
        return re.compile(f"(?:{body})", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _phrase_pattern(phrase: str) -> str:
    """A phrase's words with any spacing, and an adverb allowed after a form of "be" ("it is now
    believed", "is widely expected to")."""
    words = [re.escape(w) for w in phrase.split()]
    gaps = [_ADVERB_GAP if w in _BE_FORMS else r"\s+" for w in phrase.split()[:-1]]
    return "".join(w + g for w, g in zip(words, [*gaps, ""], strict=True))


_BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been"])
_ADVERB_GAP = r"\s+(?:(?:now|also|still|already|even|often|long)\s+|[a-z]+ly\s+)?"


def _matches(sentence: str, phrases: tuple[str, ...], unspaced: bool = False) -> list[re.Match[str]]:
    if not phrases:
        return []
    return [m for m in _pattern(phrases, unspaced).finditer(sentence) if not _the_month(sentence, m)]


def _the_month(sentence: str, match: re.Match[str]) -> bool:
    """"May" capitalised inside a sentence, or after a preposition of time ("used in may when"), is
    the month, not the modal."""
    if match.group().lower() not in _CASE_SENSITIVE:
        return False
    previous = WORDS.findall(sentence[: match.start()])[-1:]
    return (match.group()[0].isupper() and match.start() > 0) or (
        previous != [] and previous[0].lower() in _MONTH_PREPOSITIONS
    )


def find_cues(sentence: str, phrases: tuple[str, ...], outside: tuple[int, int] | None = None) -> list[str]:
    """The phrases of ``phrases`` found in ``sentence`` (as written), in order, without overlaps;
    with ``outside``, those lying wholly inside that character range are left out."""
    return [
        " ".join(m.group().split())
        for m in _matches(sentence, phrases)
        if not (outside and outside[0] <= m.start() and m.end() <= outside[1])
    ]


@dataclass(frozen=True, slots=True)
class _Cues:
    """Cues of one class: those of the main clause, and those in a subordinate part (alternatives)."""

    main: list[str]
    subordinate: list[str]


# fmt: on


def _split(
    sentence: str,
    matches: list[re.Match[str]],
    lexicon: Lexicon,
    hedge: bool = False,
    quoted: list[tuple[int, int]] | None = None,
) -> _Cues:
    """Cues of the main clause and the rest; with ``quoted``, cues inside those ranges (a quoted
    speaker's words) are the rest too."""
    main: list[str] = []
    subordinate: list[str] = []
    for match in matches:
        inside = any(a <= match.start() and match.end() <= b for a, b in quoted or [])
        inside = inside or (hedge and (in_aside(sentence, match) or _after_a_preposition(sentence, match)))
        # "…, speaking on the condition of anonymity because …, said": whatever the clause, the
        # speaker is unnamed, so the claim rests on an anonymous source
        anonymity = hedge and "anonymity" in match.group().lower()
        counts = anonymity or (
            not inside
            and (
                (
                    in_main_clause(sentence, match, lexicon)
                    and not (hedge and inside_noun_phrase(sentence, match, lexicon))
                )
                or (hedge and modifies_report(sentence, match, lexicon))
            )
        )
        (main if counts else subordinate).append(" ".join(match.group().split()))
    return _Cues(main, subordinate)


_REJECTION_GAP = 3  # words between the verb and the claim noun ("dismissed a neighbor's report")
# the words between a labelling verb and the claim noun ("calling the two lengthy investigative reports")
_LABELLING_GAP = 4


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex alternation of phrases, longest first, any white space between their words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=16)
def _rejection_pattern(language: str) -> re.Pattern[str] | None:
    """A verb of rejection before a noun naming a claim, a few words apart ("dismissed a
    neighbor's report", "discounted rumors", "rejected the notion"): the lexicon's
    ``rejection_verbs`` and ``claim_nouns`` (absent: no pattern)."""
    lexicon = load_lexicon(language)
    verbs, nouns = lexicon.rejection_verbs, lexicon.claim_nouns
    if not verbs or not nouns:
        return None
    gap = rf"(?:[\w'’-]+\s+){{0,{_REJECTION_GAP}}}"
    return re.compile(
        rf"(?<![\w-])(?:{_alternation(verbs)})\s+{gap}(?:{_alternation(nouns)})(?![\w-])", re.IGNORECASE
    )




@lru_cache(maxsize=16)
def _labelling_pattern(language: str) -> re.Pattern[str] | None:
    """A claim called false: a labelling verb, a claim noun a few words on, then a falsity word
    ("called the reports false", "calling the two reports 'inaccurate'", "branded the claims as
    lies"); the lexicon's ``labelling_verbs``, ``claim_nouns`` and ``falsity_words``."""
    lexicon = load_lexicon(language)
    if not lexicon.labelling_verbs or not lexicon.claim_nouns or not lexicon.falsity_words:
        return None
    gap = rf"(?:[\w'’-]+\s+){{0,{_LABELLING_GAP}}}"
    return re.compile(
        rf"(?<![\w-])(?:{_alternation(lexicon.labelling_verbs)})\s+{gap}(?:{_alternation(lexicon.claim_nouns)})"
        rf"\s+(?:as\s+)?[\"'“‘]*\s*(?:{_alternation(lexicon.falsity_words)})(?![\w-])",
        re.IGNORECASE,
    )


def _denial_cues(sentence: str, lexicon: Lexicon) -> _Cues:
    """Denials; "could deny them permits" (a modal before, a person after) rejects no claim."""
    rejection = _rejection_pattern(lexicon.language)
    found = _matches(sentence, lexicon.denials, lexicon.unspaced)
    if rejection is not None:
        found += [
            m
            for m in rejection.finditer(sentence)
            if not any(f.start() <= m.start() < f.end() for f in found)
        ]
    kept = [m for m in sorted(found, key=lambda m: m.start()) if not _withholds(sentence, m, lexicon)]
    called = [m for m in kept if _calls_a_claim_false(sentence, m, lexicon)]
    labelling = _labelling_pattern(lexicon.language)
    if labelling is not None:  # "calling the reports 'inaccurate'": rejected, whatever the clause
        labelled = [m for m in labelling.finditer(sentence) if not _overlaps(m, called)]
        kept = [m for m in kept if not _overlaps(m, labelled)]
        called += labelled
    cues = _split(sentence, [m for m in kept if m not in called], lexicon)
    # "Police said that the reports are untrue": whatever the clause, a claim is rejected
    return _Cues([" ".join(m.group().split()) for m in called] + cues.main, cues.subordinate)


def _overlaps(match: re.Match[str], others: list[re.Match[str]]) -> bool:
    return any(o.start() < match.end() and match.start() < o.end() for o in others)


def _calls_a_claim_false(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """The denial is a claim noun's predicate ("the speculations are untrue", "the report is false")."""
    before = [w.lower() for w in WORDS.findall(sentence[max(0, match.start() - 60) : match.start()])]
    return bool(before) and any(w in lexicon.claim_nouns for w in before[-4:]) and (
        match.group().lower().startswith(("is ", "are ", "was ", "were ")) or before[-1] in BE
    )


_CLAIM_PRONOUNS = frozenset(["it", "this", "that", "which", "these", "those"])  # "It was denied by …"


def _withholds(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """A refusal to give or no denial at all, not a rejected claim: a modal or a negation before
    ("could deny", "did not deny"), a person or a thing refused after ("deny them permits", "denied
    the motion", "was denied overtime"), or two objects ("denied his party the victory")."""
    before = WORDS.findall(sentence[: match.start()])[-1:]
    after = [w.lower() for w in WORDS.findall(sentence[match.end() :])[:3]]
    two_objects = after[:1] != [] and after[0] in _POSSESSIVES and after[2:] in (["the"], ["a"], ["an"])
    two_objects = two_objects or (after[:1] == ["the"] and after[2:] in (["a"], ["an"]))  # "deny the gang a"
    two_objects = two_objects or _name_then_object(WORDS.findall(sentence[match.end() :])[:4])
    # "denied bail", "denied the motions", "denied his request": a thing refused, not a claim
    refused = after[1:2] if after[:1] and after[0] in _POSSESSIVES_AND_ARTICLES else after[:1]
    # "is being denied the opportunity", "was denied overtime": a passive with its object
    passive = match.group().lower() == "denied" and bool(before) and before[0].lower() in BE
    # "the approaches were denied by the club": a request turned down; "the reports were denied": a claim
    subject = WORDS.findall(sentence[: match.start()])[-2:-1]
    refused_thing = bool(subject) and subject[0].islower() and subject[0] not in lexicon.claim_nouns
    refused_thing = refused_thing and subject[0] not in _CLAIM_PRONOUNS and after[:1] != ["that"]
    passive = passive and (after[:1] not in ([], ["by"], ["that"]) or refused_thing)
    previous = before[0].lower().replace("’", "'") if before else ""
    return (
        previous in MODALS
        or previous in {"not", "never"}
        or previous.endswith("n't")  # "did not deny", "didn't deny": no denial is made
        or passive
        or two_objects
        or bool(refused and refused[0] in lexicon.denial_non_objects)
    )


_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_POSSESSIVES_AND_ARTICLES = _POSSESSIVES | {"the", "a", "an"}
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
_DATE_WORDS = WHEN_WORDS | MONTH_WORDS  # "denied Tuesday the reports": a time, not someone


def _name_then_object(words: list[str]) -> bool:
    """ "deny the gang's leader a success", "denied them the chance": someone, then what is withheld."""
    for k in (1, 2):
        who = words[:k]
        named = all(w[:1].isupper() and w.lower() not in _DATE_WORDS for w in who)
        pronoun = k == 1 and bool(who) and who[0].lower() in _OBJECT_PRONOUNS
        if len(words) > k and words[k] in {"a", "an", "the"} and (named or pronoun):
            return True
    return False


# a straight quotation mark opens a quote only at the start or after a space or bracket (and a
# curly mark may close it: '"adjusted his waistband,” officials say')
_QUOTED = re.compile(
    r"“[^”]*”?|(?:^|(?<=[\s(\[]))\"(?=[^\s,.;:!?)])[^\"”]*[\"”]?|``.*?(?:''|$)|^''.*?(?:''|$)|«[^»]*»?|„[^“”]*[“”]?"
)


def quoted_ranges(sentence: str) -> list[tuple[int, int]]:
    """Character ranges of the direct quotations in ``sentence`` (an unclosed one runs to its end)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(sentence) if m.end() - m.start() > 2]


def _hedge_cues(sentence: str, lexicon: Lexicon, content: str | None, quoted: list[tuple[int, int]]) -> _Cues:
    """Hedges of the sentence. Those in what a named source said (``content``) are the source's,
    except a reporter's adverb ("allegedly", "reportedly") in indirect speech, which no source
    says of its own claim: "Police say he had allegedly barricaded himself" is hedged."""
    where = sentence.find(content) if content else -1
    matches = [
        m
        for m in _matches(sentence, lexicon.hedges, lexicon.unspaced)
        + _appearances(sentence, lexicon)
        + _reportative_conditionals(sentence, lexicon)
        if not _inability(sentence, m)
        and not _source_as_object(sentence, m)
        and not (
            content
            and where >= 0
            and where <= m.start()
            and m.end() <= where + len(content)
            and not (m.group().lower() in lexicon.reporter_hedges and not _inside(m, quoted))
        )
    ]
    return _split(sentence, matches, lexicon, hedge=True, quoted=quoted)


def _after_a_preposition(sentence: str, match: re.Match[str]) -> bool:
    """ "convicted for what appears to be a lesser breach": a judgement in an adjunct, not the claim
    (but "the film contains what appears to be helmet-camera footage")."""
    before = WORDS.findall(sentence[: match.start()])[-1:]
    return match.group().lower().startswith("what ") and bool(before) and before[0].lower() in _PREPOSITIONS


_PREPOSITIONS = frozenset({"for", "of", "to", "in", "with", "by", "about", "on", "at", "from", "into"})


def _source_as_object(sentence: str, match: re.Match[str]) -> bool:
    """An unnamed-source phrase that is an object, not a speaker: "never cited a source for his
    claim", "fingered a prosecutor as a source" (a past form or a preposition before it)."""
    if match.group().split()[0].lower() not in _SOURCE_DETERMINERS:
        return False
    before = WORDS.findall(sentence[: match.start()])[-1:]
    if not before or not before[0][:1].islower():
        return False
    word = before[0].lower()
    return word in _OBJECT_MARKERS or (word.endswith("ed") and word not in BE)


_SOURCE_DETERMINERS = frozenset({"a", "one", "an", "unnamed"})
_OBJECT_MARKERS = frozenset({"as", "for", "without", "of", "cite", "cites", "name", "names", "protect"})


def _reportative_conditionals(sentence: str, lexicon: Lexicon) -> list[re.Match[str]]:
    """Verbs in the conditional that reports what is not confirmed ("le gouvernement envisagerait de …",
    "l'uomo avrebbe colpito …"); none in a sentence with a condition ("si …", "se …"), whose
    conditional is its consequence, nor modal or volitional ones ("pourrait", "vorrebbe")."""
    if not lexicon.reportative_conditional or _matches(sentence, tuple(lexicon.initial_only)):
        return []
    return [
        m
        for m in _conditional_pattern(lexicon.reportative_conditional).finditer(sentence)
        if m.group().lower() not in lexicon.conditional_not_reportative
    ]


@lru_cache(maxsize=16)
def _conditional_pattern(endings: tuple[str, ...]) -> re.Pattern[str]:
    ending = "|".join(sorted(endings, key=len, reverse=True))
    return re.compile(rf"\b\w{{2,}}(?:{ending})\b", re.IGNORECASE)


def _appearances(sentence: str, lexicon: Lexicon) -> list[re.Match[str]]:
    """An appearance verb before a predicate or a clause ("seemed pleased", "appeared rational",
    "it appears that") is a hedge; not "appeared in court", "appeared on television" (a
    preposition, determiner, name or number after it), nor before "to" (the lexicon's "appears to")."""
    found: list[re.Match[str]] = []
    for match in _matches(sentence, tuple(lexicon.appearance_verbs)):
        after = re.findall(r"[\w’']+", sentence[match.end() :])[:1]
        if not after or after[0].lower() == "to" or _judgement(sentence, match, lexicon):
            continue
        word = after[0]
        blocked = word.lower() in lexicon.appearance_blockers or word[:1].isupper() or word[:1].isdigit()
        if blocked and _expletive_before(sentence, match):
            blocked = word.lower() in lexicon.appearance_blockers and word.lower() not in DETERMINERS
        if not blocked or match.group().lower() in lexicon.evidential_verbs:
            found.append(match)
    return found


def _judgement(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """An appearance verb before an evaluative predicate ("it seems unfair to", "seems like a
    reasonable length", "appear more attractive") gives the writer's own judgement, not a hedge
    (certainty guide 3.5: "it seemed appropriate that" is asserted)."""
    words = [w.lower() for w in WORDS.findall(sentence[match.end() :])[: _DEGREE_REACH + 1]]
    rest = [w for w in words if w not in _DEGREE_WORDS][:1]
    return bool(rest) and rest[0] in lexicon.evaluative_predicates


_DEGREE_WORDS = frozenset(
    {"like", "a", "an", "more", "less", "so", "quite", "rather", "very", "somewhat", "pretty"}
)
_DEGREE_REACH = 3  # "seems like a rather unfair …"


def _expletive_before(sentence: str, match: re.Match[str]) -> bool:
    """An expletive subject ("it appears the Saints will …"), so a clause (not a place) follows."""
    before = WORDS.findall(sentence[: match.start()])[-1:]
    return bool(before) and before[0].lower() == "it"


def _inability(sentence: str, match: re.Match[str]) -> bool:
    """A negated ability ("can't seem to convince") before an appearance verb states a failure."""
    return bool(_INABILITY.search(sentence[max(0, match.start() - 12) : match.start()]))


_INABILITY = re.compile(r"(?:\bcan(?:not|['’]t)|\bcould(?:n['’]t| not)|\bcan not)\s+$", re.IGNORECASE)


def _inside(match: re.Match[str], ranges: list[tuple[int, int]]) -> bool:
    return any(a <= match.start() and match.end() <= b for a, b in ranges)


# the two words after a modal that make it advice ("might as well", "would be well advised to")
_ADVICE = frozenset({"as well", "well advised", "be well", "do well"})
# "could be felt as far as …", but "could be seen as a sign" (an interpretation) is a possibility
_PERCEIVED = re.compile(
    r"(?:\s+(?:often|still|also|clearly|sometimes))?(?:\s+be)?\s+(?:felt|heard|seen|smelled|smelt)\b(?!\s+as\s+(?!far\b))",
    re.IGNORECASE,
)


def _speculative_cues(sentence: str, lexicon: Lexicon, quoted: list[tuple[int, int]]) -> _Cues:
    """Modals, predictions and conditions; "likely" after a determiner or a number is an
    adjective in a noun phrase ("1,000 likely voters"), not a prediction."""
    matches = []
    for match in _matches(sentence, lexicon.speculative, lexicon.unspaced):
        before = re.findall(r"[\w,.]+", sentence[: match.start()])[-1:]
        after = WORDS.findall(sentence[match.end() :])[:2]
        attributive = match.group().lower() in lexicon.attributive_modals and (
            (before and (before[0].lower() in _NOUN_PHRASE_OPENERS or before[0][:1].isdigit()))
            or (not before and after[:1] != [] and after[0][:1].isupper())  # "Likely Republican nominee"
        )
        # "might as well", "would be well advised to", "would do well to": advice, no possibility
        idiom = " ".join(after).lower() in _ADVICE
        # "could be felt / heard / seen as far as …": what could be perceived, a fact, no possibility
        perceived = match.group().lower() in {"could", "could be"} and _PERCEIVED.match(sentence, match.end())
        idiom = idiom or bool(perceived)
        if attributive or idiom or _measured_risk(sentence, match) or no_prediction(sentence, match):
            continue
        matches.append(match)
    # a participle on a noun ("a report expected to …") or a concession ("may …, but …"): a part only
    partial = [m for m in matches if reduced_relative(sentence, m, lexicon) or concessive(sentence, m)]
    cues = _split(sentence, [m for m in matches if m not in partial], lexicon, quoted=quoted)
    cues.subordinate.extend(" ".join(m.group().split()) for m in partial)
    if sentence.rstrip(" \"'”’»").endswith("?") and not quoted:
        cues.main.append("?")
    elif sentence.rstrip(" \"'”’»").endswith("?"):
        cues.subordinate.append("?")
    return cues


def _measured_risk(sentence: str, match: re.Match[str]) -> bool:
    """A risk stated as a measure ("a 10 percent lower risk of death"): a finding, no possibility."""
    if match.group().lower().split()[0] not in {"risk", "risks"}:
        return False
    before = {w.lower() for w in WORDS.findall(sentence[: match.start()])[-3:]}
    return bool(before & _MEASURES) or "%" in sentence[max(0, match.start() - 12) : match.start()]


_MEASURES = frozenset(
    ["lower", "higher", "reduced", "increased", "greater", "smaller", "percent", "cent", "twice", "double",
     "triple", "fold", "elevated", "relative", "absolute"]
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Speaker:
    """Who a sentence rests on, as the classifier sees it."""

    kind: SourceKind
    cue: str | None
    content: str | None


def _unseen_speaker(sentence: str, speaker: _Speaker, lexicon: Lexicon) -> _Speaker:
    """Languages whose word order the attribution rules do not parse (``inverted_subjects``,
    ``attribution_markers`` in the lexicon; never English): a reporting cue that reports content has
    a speaker even when no source phrase was found. In German, Romance languages and Russian it
    mostly follows the verb ("…, sagte die Polizei", "…, a indiqué l'institut", "…, сообщил
    Минтранс"): an indefinite article first after the cue, or an anonymous head among the next
    words ("ha detto un abitante", "berichteten Augenzeugen"), makes it an unidentified individual;
    otherwise it is taken as identifiable ("indicó el Ministerio … en un comunicado"). In Japanese a
    source is marked by a postposition or a quotative ("Xによると", "Xは…と述べた"): the few
    characters before the marker tell an anonymous source ("関係者", "メディア"); the whole sentence
    is then the source's content."""
    if speaker.kind != "none":
        return speaker
    if lexicon.unspaced and lexicon.attribution_markers:
        found = _matches(sentence, lexicon.attribution_markers, unspaced=True)
        if not found and not speaker.cue:
            return speaker
        where = found[0].start() if found else max(sentence.find(speaker.cue or ""), 0)
        before = sentence[max(0, where - _MARKER_REACH) : where]
        anonymous = any(head in before for head in lexicon.anonymous_heads)
        cue = speaker.cue or (found[0].group() if found else None)
        return _Speaker("anonymous" if anonymous else "organisation", cue, sentence)
    if not (lexicon.inverted_subjects and speaker.cue):
        return speaker
    at = sentence.rfind(speaker.cue)
    after = re.split(r"[,.;:!?]", sentence[at + len(speaker.cue) :])[0] if at >= 0 else ""
    following = [w.lower() for w in WORDS.findall(after)[:_SUBJECT_REACH]]
    anonymous = bool(following) and (
        following[0] in lexicon.indefinite_determiners or any(w in lexicon.anonymous_heads for w in following)
    )
    return _Speaker("anonymous" if anonymous else "organisation", speaker.cue, speaker.content)


# how far to look for an unseen speaker: the characters before a Japanese source marker, the
# words after a reporting verb up to a comma or stop (a time or an addressee may come first: "a
# annoncé lundi le ministère", "ha detto al Los Angeles Times un abitante"); set on the dev half
_MARKER_REACH = 8
_SUBJECT_REACH = 6


def classify_certainty(
    sentence: str,
    source_kind: SourceKind = "none",
    reporting_cue: str | None = None,
    language: str = "en",
    content: str | None = None,
) -> CertaintyDecision:
    """Decide the certainty class of one sentence, given who (if anyone) it was attributed to.

    ``content`` is what the source said (part of ``sentence``, or all of it inside a quote): a hedge
    in it is the source's, not the article's, so with a named source only hedges in the rest of the
    sentence (``Smith reportedly said``) make it hedged. Cues in a subordinate clause only add
    alternatives (the guide's "main clause decides")."""
    lexicon = load_lexicon(language)
    named = source_kind in IDENTIFIABLE  # a source phrase was found, not guessed below
    speaker = _unseen_speaker(sentence, _Speaker(source_kind, reporting_cue, content), lexicon)
    source_kind, reporting_cue, content = speaker.kind, speaker.cue, speaker.content
    identifiable = source_kind in IDENTIFIABLE
    # a quoted speaker's hedges and modals are theirs when the sentence says who speaks
    quoted = quoted_ranges(sentence) if reporting_cue or identifiable else []
    denied = _denial_cues(sentence, lexicon)
    hedges = _hedge_cues(sentence, lexicon, content if identifiable else None, quoted)
    if named:  # "according to reports Mr. Schoen filed": the attribution found whose reports
        hedges = _without_according(sentence, hedges, lexicon)
    verb = (reporting_cue or "").lower()  # "the prosecutor alleged": the source's verb, no distance
    if identifiable and verb in hedges.main and verb not in lexicon.appearance_verbs:
        hedges = _Cues([c for c in hedges.main if c.lower() != verb], [*hedges.subordinate, verb])
    speculative = _speculative_cues(sentence, lexicon, quoted)
    anonymous = source_kind == "anonymous"
    attribution_cues = [reporting_cue] if reporting_cue else []
    also = [
        name
        for name, cues in (("denied", denied), ("hedged", hedges), ("speculative", speculative))
        if cues.subordinate and not cues.main
    ]

    def decide(certainty: Certainty, cues: list[str], alternatives: list[str]) -> CertaintyDecision:
        extra = [a for a in also if a != certainty and a not in alternatives]
        return CertaintyDecision(certainty, _unique(cues), alternatives + extra)

    if denied.main:
        alternatives = ["attributed"] if identifiable else []
        if hedges.main or any("confirm" in cue or "say" in cue for cue in denied.main):
            alternatives.append("hedged")
        return decide("denied", denied.main, alternatives)
    if hedges.main or anonymous:
        cues = hedges.main or attribution_cues
        alternatives = (["attributed"] if identifiable else []) + (
            ["speculative"] if speculative.main else []
        )
        return decide("hedged", cues, alternatives)
    if identifiable:
        return decide("attributed", attribution_cues, ["speculative"] if speculative.main else [])
    if speculative.main:
        return decide("speculative", speculative.main, [])
    return decide("asserted", [], [])


def _without_according(sentence: str, cues: _Cues, lexicon: Lexicon) -> _Cues:
    """Hedge cues less an "according to reports" phrase followed by whose they are ("according to
    reports Mr. Schoen filed", "… reports by the Daily News"): an identifiable source."""
    according = tuple(p.lower() for p in lexicon.according_to)
    lower = sentence.lower()

    def named(cue: str) -> bool:
        at = lower.find(cue.lower())
        return at >= 0 and bool(_NAMED_AFTER.match(sentence, at + len(cue)))

    kept = [c for c in cues.main if not (c.lower().startswith(according) and named(c))]
    return _Cues(kept, cues.subordinate + [c for c in cues.main if c not in kept])


_NAMED_AFTER = re.compile(r"\s+(?:(?:by|from|of|in)\s+)?(?:the\s+)?[A-Z]")


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
