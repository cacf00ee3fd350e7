"""Who says what: reporting cues, their sources and contents, and who a pronoun source is.

Rules over tokens, no parser. A cue is a reporting verb form from the language's lexicon
(``said``, ``told``, ``wrote`` …) or a phrase such as ``according to``. Its source is the noun
phrase before it (``The Health Secretary, Jane Doe, has announced``), after it when the
order is inverted (``…," said union leader Maria Lopez``), the head of a relative clause
(``A video which apparently shows``) or nobody for a passive (``it was reported``). The content is
the rest of the sentence, stretched to a whole quote when the quote runs over several sentences.
Pronoun sources are resolved to the last named person or organisation that spoke before.
In English, a small learned model (``cue_model``) adds stance and reporting cues the lexicon lacks
("plans to", "also pushed"), and a sequence tagger (``attribution_tagger``, assembled into records by
``tagged_attributions``) redraws the cue, source and content spans from the rules' findings; the
word lists live in ``lexicon``, source kinds in ``sources`` and the noun-phrase walks in ``phrases``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.analyse.attribution_record import Attribution, with_content_text
from newstrace.analyse.attribution_tagger import TaggerInput, load_tagger
from newstrace.analyse.cue_model import (
    CueModel,
    load_cue_model,
    sentence_scores,
    stem,
    word_class,
)
from newstrace.analyse.lexicon import (
    CLOSING_QUOTES,
    DETERMINERS,
    FOCUS_ADVERBS,
    MONTH_WORDS,
    NOUN_MARKERS,
    PASSIVE_AUX,
    QUOTE_CHARS,
    RELATIVES,
    TITLES,
    TOKEN,
    WHEN_WORDS,
    Lexicon,
    Token,
    load_lexicon,
    tokenize,
    words_of,
)
from newstrace.analyse.phrases import (
    ELIDED,
    GENITIVES,
    STATEMENT_NOUNS,
    after_dateline,
    apposition_before,
    content_span,
    ends_clause,
    first_noun_run,
    inverted_start,
    modified_subject,
    noun_phrase_after,
    noun_phrase_before,
    opens_bare_clause,
    quoted_name_start,
    sentence_subject,
    skip_back,
    speaker_after_quote,
    stretch_to_quote,
)
from newstrace.analyse.places import place_key
from newstrace.analyse.quotes import find_quotes
from newstrace.analyse.referents import subject_referent
from newstrace.analyse.sentences import split_sentences
from newstrace.analyse.sources import (
    JOURNALISTS,
    bare_pronoun,
    classify_source,
    compound_speaker,
    source_name,
)
from newstrace.analyse.speaker_gender import Gender, pronoun_gender, speaker_gender
from newstrace.analyse.tagged_attributions import tagged_attributions
from newstrace.records import SourceKind, Span

__all__ = [
    "Attribution",
    "Lexicon",
    "classify_source",
    "find_attributions",
    "load_lexicon",
    "resolve_speakers",
    "source_name",
    "tokenize",
]


# ---------------------------------------------------------------- cues, sources, contents


def _title_case(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.text[0].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(t.capitalised for t in words) >= 0.8 * len(words)


def _is_cue(tokens: list[Token], i: int, lexicon: Lexicon, title_case: bool = False) -> str | None:
    """The lemma if ``tokens[i]`` is a reporting verb used as one, else None."""
    token = tokens[i]
    lemma = lexicon.verb_forms.get(token.lower) or _inquiry_belief(tokens, i, lexicon)
    lemma = lemma or _plural_present(tokens, i, lexicon)
    if lemma is None:
        return None
    before_colon = i + 1 < len(tokens) and tokens[i + 1].text == ":" and tokens[i - 1].text == ","
    if i > 0 and token.capitalised and not title_case and not before_colon:
        return None  # "The Washington Post", "Report" in a title; but "…, Tweeted: “…”"
    previous = tokens[i - 1].lower if i > 0 else ""
    named = i > 1 and tokens[i - 1].capitalised  # "The Associated Press reported": a name's last word
    auxiliary = bool(lexicon.determiners) and previous in lexicon.auxiliaries  # French "a déclaré"
    # "The Coast Guard earlier said": an adverb after a subject, not "the earlier reports"
    adverb = previous in lexicon.auxiliaries and i > 1 and tokens[i - 2].lower not in NOUN_MARKERS
    # "state media reported": a past tense after a bare noun-marking word is a verb ("media reports"
    # is a noun); after a determiner or a preposition it stays an adjective ("the reported talks")
    past = token.lower.endswith("ed") or token.lower in _IRREGULAR_PAST
    verb = past and previous not in DETERMINERS and previous not in _PREPOSITIONS
    # "a report from A Bola that claims …": "that" takes no plural noun, so this is a relative's verb
    verb = verb or (previous == "that" and token.lower.endswith("s") and not token.lower.endswith("ss"))
    # "un comunicado", "il comunicato": a participle after an article is a noun (a finite verb after
    # "la" is after a clitic: "la anunció")
    article = lexicon.head_first and previous in lexicon.determiners and token.lower.endswith(_PARTICIPLES)
    noun = previous in NOUN_MARKERS or article
    if (noun and not (named or auxiliary or adverb or verb)) or previous.endswith(("'s", "’s")):
        return None  # a noun: "the report", "other reports", "of state", "the mayor's call"
    particle = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    amount = i + 2 < len(tokens) and tokens[i + 2].text[0].isdigit()  # "said over 30 houses": no particle
    if particle in lexicon.particles and not amount:
        return None  # a phrasal verb: "showed off", "called up"
    if particle in _NOT_REPORTING.get(lemma, ()):
        return None  # "insisted on using covert rules", "will argue for a mistrial": an act, not a report
    if any(t.lower in _NOT_REPORTED.get(lemma, ()) for t in tokens[i + 1 : i + 3]):
        return None  # "the attack that almost claimed her life", "tells the story of a girl"
    if lemma == "claim" and previous in _TAKEN:
        return None  # "the homes claimed by the fire": taken, not asserted
    if not past and token.lower.endswith("s") and PASSIVE_AUX & {t.lower for t in tokens[max(0, i - 2) : i]}:
        return None  # "were last-minute writes", "There were reports": a noun after a form of "be"
    if _describes_record(tokens, i, lexicon):
        return None  # "a video posted online shows …", "a letter published on Friday": the record's history
    if token.lower == "called" and _names_a_thing(tokens, i, lexicon):
        return None  # "a video game called AC-130 Gunship": a name, no report
    if lemma == "issue" and not any(t.lower in _ISSUED for t in tokens[i + 1 : i + 5]):
        return None  # "a jury issued a death sentence": no statement issued
    after_verb = previous in lexicon.verb_forms and previous not in lexicon.gated_forms
    after_verb = after_verb or previous in lexicon.rejection_verbs  # "dispelled reports that"
    if after_verb and not past and token.lower.endswith("s") and previous not in NOUN_MARKERS:
        return None  # the object of a reporting verb: "denied claims that", "dismissed reports of"
    if previous == "to" and token.lower.endswith("s") and not token.lower.endswith("ss"):
        return None  # "reacted to reports that": a noun after "to", which takes no finite verb
    if _plural_before(tokens, i):
        return None  # "all awards shows", "news reports": a compound noun, not a plural's verb
    weak_context = _weak_cue_context(tokens, i, lexicon) or _finding(tokens, i)
    if token.lower in lexicon.gated_forms and not weak_context:
        return None
    if _accused_of(tokens, i, lexicon):
        return None  # "the two youths charged with murdering …": who is accused, not who speaks
    closing = i + 1 >= len(tokens) or tokens[i + 1].text in {".", "!"}
    listed = not past and _subject_after_comma(tokens, i, lexicon) is False  # a past tense is no noun
    if closing and not lexicon.inverted_subjects and listed:
        return None  # "…, roller derby games, fashion shows.": a list's last item, no speaker
    if token.lower in lexicon.gated_forms and previous.endswith("ing") and previous not in lexicon.verb_forms:
        return None  # a compound noun: "the Saints' running back Reggie Bush will miss …"
    return lemma


def _inquiry_belief(tokens: list[Token], i: int, lexicon: Lexicon) -> str | None:
    """ "Police believe he acted alone", "Detectives suspect that …": what an inquiry holds so far,
    reported as its own finding (English; "many believe" and "I think" report no one's)."""
    if lexicon.language != "en" or tokens[i].lower not in _INQUIRY_BELIEFS or i == 0:
        return None
    if tokens[i - 1].lower not in _INQUIRERS:
        return None
    following = [t.text for t in tokens[i + 1 : i + 10]]
    pronoun = following[:1] in (["he"], ["she"], ["they"], ["it"]) and len(following) > 1  # "he acted"
    clause = following[:1] == ["that"] or pronoun or opens_bare_clause(following)
    return tokens[i].lower if clause else None


def _plural_present(tokens: list[Token], i: int, lexicon: Lexicon) -> str | None:
    """A reporting verb's plural present after a plural subject, before what it reports ("Officials
    confirm two people died", "Residents report that …", "Police deny that …"): a headline's usual
    tense, which the form list (drawn from annotated past-tense reporting) lacks."""
    token = tokens[i]
    lemma = token.lower
    if lexicon.language != "en" or i == 0 or lemma in _OPINION_LEMMAS:
        return None
    if lemma not in lexicon.reporting_lemmas:
        return None
    previous = tokens[i - 1].lower
    plural = previous in _PLURALS_WITHOUT_S or (
        previous.endswith("s") and not previous.endswith(("ss", "us", "is")) and previous.isalpha()
    )
    if not plural or previous in _NOT_PLURALS or token.capitalised:
        return None
    following = [t.text for t in tokens[i + 1 : i + 10]]
    if following[:1] in (["that"], [":"]) or (following and following[0] in QUOTE_CHARS):
        return lemma
    return lemma if opens_bare_clause(following) or _past_clause(following) else None


def _past_clause(words: list[str]) -> bool:
    """Words opening a clause in the past tense: a short subject, then a past form ("two people died",
    "the plan failed", "he fled")."""
    for k, word in enumerate(words[:5]):
        lower = word.lower()
        if k and (lower.endswith("ed") or lower in _IRREGULAR_PAST | _COMMON_PAST):
            subject = [w.lower() for w in words[:k]]
            return all(w.isalnum() and w not in _CLAUSE_BREAKS for w in subject)
    return False


_OPINION_LEMMAS = words_of("believe think hope wonder seem appear expect thank welcome")
_PLURALS_WITHOUT_S = words_of("police people staff media authorities")
_COMMON_PAST = words_of("died fled left lost won was were had made took began ran fell rose hit shot")
_CLAUSE_BREAKS = words_of("to of in on for with by from at as if that which who")
# where someone "took to" speak: "took to social media to say", "took to the airwaves to deny"
_PLATFORMS = words_of("media twitter instagram facebook x tiktok telegram youtube threads bluesky airwaves")
_INQUIRY_BELIEFS = frozenset(["believe", "suspect"])
_INQUIRERS = words_of("police investigators detectives authorities officials prosecutors officers agents")
# participles that describe a record after it: "a video posted online shows", "footage broadcast on
# state television showed" (the record speaks, not the last noun of its description)
_DESCRIBING_PARTICIPLES = words_of(
    "posted published released broadcast shared aired uploaded leaked circulated issued tweeted obtained "
    "seen filmed recorded taken shot sent"
)
_SO_WORDS = frozenset(["así", "così", "ainsi", "assim"])  # "Así lo informó la policía"
_PARTICIPLES = ("ado", "ada", "ido", "ida", "ato", "ata", "ito", "ita", "uto", "uta", "é", "ée")
_IRREGULAR_PAST = frozenset(["said", "told", "wrote", "thought", "spoke", "found", "felt", "knew"])
_PREPOSITIONS = frozenset(["in", "on", "from", "with", "by", "of", "for", "at"])


# what a source issues when it speaks ("issued a statement", "issued a stark warning")
_ISSUED = words_of(
    "statement statements warning warnings report denial apology alert advisory guidance appeal plea "
    "ultimatum threat rebuttal response communique communiqué memo notice release declaration "
    "condemnation clarification correction call"
)

# lower-case words ending in "s" that are no plural noun
_NOT_PLURALS = words_of(
    "this his its hers ours yours theirs thus always sometimes perhaps besides nevertheless nonetheless "
    "regardless whereas afterwards towards unless less across was has does is as us"
)


def _plural_before(tokens: list[Token], i: int) -> bool:
    """A singular verb form ("shows", "reports") right after a lower-case plural noun ("awards"):
    the two make a compound noun, since a plural subject takes no "-s" verb."""
    if i == 0 or not tokens[i].lower.endswith("s") or tokens[i].lower.endswith("ss"):
        return False
    previous = tokens[i - 1]
    plural = previous.lower.endswith("s") and not previous.lower.endswith(("ss", "us", "is"))
    if any(t.lower == "of" for t in tokens[max(0, i - 7) : i - 1]):
        return False  # "an average of polls shows": the head before "of" is the subject
    noun = previous.text.isalpha() and not previous.capitalised and previous.lower not in _NOT_PLURALS
    return plural and noun


_QUESTION_WORDS = frozenset(["what", "why", "how", "where", "when", "who", "which"])


def _colon_cue(tokens: list[Token], i: int, found: list[Attribution], lexicon: Lexicon) -> bool:
    """``The senator put it bluntly: "…"`` (a colon before a quote, no cue before it) or a headline
    ``Name: what they said`` (a colon after one to four capitalised words)."""
    if tokens[i].text != ":" or i + 1 >= len(tokens) or any(a.cue.end <= tokens[i].start for a in found):
        return False
    # "Marsh:", "US source:", "Ministry spokesman:" (a role or an unnamed source after the name)
    role = lexicon.anonymous_heads | lexicon.person_roles | lexicon.organisation_words
    start = _after_kicker(tokens, i, lexicon)  # "The Latest: Police chief: …": the speaker after it
    named = all(t.capitalised or t.text in ".-" for t in tokens[start : i - 1])
    named = named and tokens[start].lower not in _QUESTION_WORDS  # "What Happened:", "Why It Matters:"
    named = named and not any(t.lower in lexicon.verb_forms for t in tokens[i + 1 :])  # "X : Y déclare que"
    if 1 <= i - start <= 4 and named and (tokens[i - 1].capitalised or tokens[i - 1].lower in role):
        words = " ".join(t.text for t in tokens[start:i])
        # not a kicker ("BREAKING:") nor a dateline ("London: Jane Roe and her husband …")
        return not _kicker(words, lexicon) and place_key(words) is None
    k = i - 1
    while k > 0 and (tokens[k].capitalised or tokens[k].lower in DETERMINERS):
        k -= 1  # "… Detected near the Missing Titanic Submarine: ‘…’": a place, no speaker
    after_preposition = k < i - 1 and tokens[k].lower in _PREPOSITIONS | {"near", "about", "into", "over"}
    return tokens[i + 1].text in "\"“‘'«" and i >= 2 and not after_preposition


def _kicker(words: str, lexicon: Lexicon) -> bool:
    """A headline's label before a colon ("BREAKING", "The Latest"), not a speaker."""
    return (
        words.lower().removeprefix("the ") in lexicon.headline_labels
        or words.lower() in lexicon.headline_labels
    )


def _after_kicker(tokens: list[Token], i: int, lexicon: Lexicon) -> int:
    """Where a headline's words start after a kicker and its colon before ``i`` (else 0)."""
    colon = next((k for k in range(1, min(i, 4)) if tokens[k].text == ":"), None)
    if colon is None or not _kicker(" ".join(t.text for t in tokens[:colon]), lexicon):
        return 0
    return colon + 1


# a weak cue counts before "that", a colon, a quote or a clause's subject pronoun ("thinks he")
_GATE_WORDS = frozenset(["that", ":", "he", "she", "they", "we", "i", "it's", "it’s", "there"])
_BEFORE_THAT = FOCUS_ADVERBS | {"out"}  # a word between a weak cue and its "that": "points out that"


def _dates(token: Token) -> bool:
    """A number or a month's name (a date's words)."""
    return token.text.isdigit() or token.text == "," or token.lower.rstrip(".") in MONTH_WORDS


def _up_to_nouns(
    tokens: list[Token], phrase: tuple[int, int] | None, lexicon: Lexicon
) -> tuple[int, int] | None:
    """A phrase after its verb, cut after its first run of nouns where every noun is capitalised (de):
    "die Polizei am Mittwoch" is "die Polizei"."""
    return first_noun_run(tokens, phrase) if phrase is not None and lexicon.capitalised_nouns else phrase


def _passive_agent(tokens: list[Token], i: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The noun phrase after the agent word of a passive cue, past a comma-set time phrase
    ("foi divulgado, na quinta-feira (14), pela organização X"), within the clause."""
    for k in range(i + 1, min(len(tokens), i + _AGENT_REACH)):
        lower = tokens[k].lower
        if lower in lexicon.passive_agents and k + 1 < len(tokens):
            return _up_to_nouns(tokens, noun_phrase_after(tokens, k + 1), lexicon)
        if tokens[k].text in ".;:!?" or lower in lexicon.subordinators:
            return None
    return None


_AGENT_REACH = 12


_ACCUSATIONS = {"charged": "with", "accused": "of"}


def _accused_of(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """ "charged with", "accused of" right after a noun, no auxiliary or object between: a participle
    modifying the accused ("two men charged with murder"), as the active verb takes its object first
    ("police charged them with murder")."""
    particle = _ACCUSATIONS.get(tokens[i].lower)
    if particle is None or i + 1 >= len(tokens) or tokens[i + 1].lower != particle or i == 0:
        return False
    previous = tokens[i - 1].lower
    verbal = previous in lexicon.auxiliaries or previous in PASSIVE_AUX or previous in lexicon.pronouns
    return previous.isalpha() and not verbal


def _subject_after_comma(tokens: list[Token], i: int, lexicon: Lexicon) -> bool | None:
    """Whether the short phrase between a comma and the cue closing the sentence names a speaker
    ("…, the prosecutor alleged", "…, Smith claims") or is the last item of a list ("…, fashion
    shows"); None when no such phrase comes before the cue."""
    k = i - 1
    while k >= 0 and i - k <= _TRAILING_SUBJECT_WORDS and tokens[k].text.replace("-", "").isalnum():
        k -= 1
    quoted = tokens[k].text in CLOSING_QUOTES and k > 0 and tokens[k - 1].text in {",", "!", "?"}
    if not (0 <= k < i - 1 and (tokens[k].text == "," or quoted)):
        return None  # '…, the prosecutor alleged', '“…,” he clarified'
    phrase = tokens[k + 1 : i]
    if " ".join(t.lower for t in phrase) in lexicon.outlet_names:
        return True  # "…, dpa reports."
    return any(
        t.capitalised or t.lower in lexicon.source_heads or t.lower in lexicon.auxiliaries
        or t.lower in lexicon.pronouns or t.lower in DETERMINERS or t.lower in {"as", "like"}
        for t in phrase
    )  # fmt: skip


_TRAILING_SUBJECT_WORDS = 5


def _names_a_thing(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """ "called" between a lower-case noun and a name or a quotation (after a comma too: 'the scheme
    called, "Project Chrome"'): the thing's name."""
    before = tokens[i - 1] if i > 0 else None
    k = i + 2 if i + 2 < len(tokens) and tokens[i + 1].text == "," else i + 1
    after = tokens[k] if k < len(tokens) else None
    if before is None or not before.text.isalpha() or before.capitalised:
        return False
    noun = before.lower not in lexicon.pronouns and before.lower not in PASSIVE_AUX | lexicon.auxiliaries
    return noun and after is not None and (after.capitalised or after.text in QUOTE_CHARS)


def _finding(tokens: list[Token], i: int) -> bool:
    """A study's finding, whatever follows ("The study found particles in …", "The study,
    published in X, found …"), where "police found a body" is an act."""
    if tokens[i].lower not in _FINDING_VERBS or i == 0:
        return False
    k = i - 1
    if tokens[k].text == ",":  # past an aside set off by commas
        k = next((m for m in range(k - 1, max(k - _ASIDE_WORDS, 0), -1) if tokens[m].text == ","), 0) - 1
    return k >= 0 and tokens[k].lower in _FINDING_HEADS


_FINDING_VERBS = words_of("found finds find shows showed show revealed reveals")
_FINDING_HEADS = words_of(
    "study studies research report survey analysis review poll paper audit investigation inquiry trial"
)
_ASIDE_WORDS = 12


def _weak_cue_context(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    as_clause = any(t.lower == "as" for t in tokens[max(0, i - 5) : i])
    ongoing = tokens[i].lower.startswith("continue") and as_clause
    if following in {"", ".", "!"} and _subject_after_comma(tokens, i, lexicon) is True and not ongoing:
        return True  # "…, the prosecutor alleged." (not "…, as the eruption continues")
    if following in _BEFORE_THAT and i + 2 < len(tokens) and tokens[i + 2].lower == "that":
        return True  # "is reporting only that", "points out that"
    if following == "to" and i + 3 < len(tokens) and tokens[i + 3].lower in {"that", "whether", "if"}:
        return True  # "declines to say whether …": a refusal to report
    previous = tokens[i - 1].text if i > 0 else ""
    following_words = [t.text for t in tokens[i + 1 : i + 10]]
    clause = opens_bare_clause(following_words) or _past_clause(following_words)  # "reports two … are dead"
    if following in _GATE_WORDS or (following and following in QUOTE_CHARS) or clause:
        return True
    if previous not in {",", *CLOSING_QUOTES} or i + 1 >= len(tokens):
        return False
    named = i + 2 < len(tokens) and tokens[i + 1].lower == "the" and tokens[i + 2].capitalised
    # '…," read a tweet from the ministry.'
    record = i + 2 < len(tokens) and tokens[i + 1].lower in DETERMINERS
    record = record and tokens[i + 2].lower in lexicon.footage_words
    # "…, reports the Daily Star.", '…," read the company email.'
    return tokens[i + 1].capitalised or named or record or _closing_speaker(tokens, i, lexicon) is not None


_CONNECTIVE_MAX = 4  # words of a fronted phrase before a subjectless verb ("Por otra parte,")


def _dropped_subject(tokens: list[Token], i: int, j: int, lexicon: Lexicon) -> bool:
    """A pro-drop verb opening its clause with no subject before it: at the sentence's start, or after
    a short fronted phrase ("Al respecto indicó", "Además, precisó", "Por su parte, señaló"), with no
    subject after it either ('…, dijo el ministro' is inverted: see the caller)."""
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is not None and following.lower not in lexicon.complementizers and following.text != ":":
        return False  # "dijo el ministro", "indicó a la prensa": not a bare report
    if j < 0:
        return True
    if any(t.text == "," for t in tokens[:i]) and tokens[j].text != ",":
        return False  # "Además, la ministra negó": a subject after the fronted phrase
    before = [t for t in tokens[: j + 1] if t.text != ","]
    opener = before[0].lower if before else ""
    fronted = opener in lexicon.fronted_openers or opener.endswith("mente")  # "Posteriormente, indicó"
    return fronted and len(before) <= _CONNECTIVE_MAX and not any(t.capitalised for t in before[1:])


def _subject_before_time(tokens: list[Token], j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The subject opening the sentence before a time and a stray comma: "IBM (…) on Monday, dismissed"."""
    if j == 0 or tokens[j - 1].lower not in WHEN_WORDS:
        return None
    k = skip_back(tokens, j - 1, lexicon)
    phrase = noun_phrase_before(tokens, k, lexicon) if 0 <= k < j - 1 else None
    return phrase if phrase is not None and phrase[0] == 0 else None


_TIME_MODIFIERS = frozenset(["this", "last", "next", "early", "late", "on"])


def _without_time(tokens: list[Token], phrase: tuple[int, int]) -> tuple[int, int] | None:
    """A name with the time after it cut off ("Lawrence yesterday"); None when only time is left or
    no name opens it ("this year")."""
    k = phrase[1]
    while k >= phrase[0] and tokens[k].lower in WHEN_WORDS | _TIME_MODIFIERS:
        k -= 1
    return (phrase[0], k) if k >= phrase[0] and tokens[phrase[0]].capitalised else None


_ASIDE_WORDS = 25  # the longest participle aside between a subject and its verb


def _clause_after(tokens: list[Token], i: int) -> bool:
    """A clause follows the cue at ``i`` ("said that …", "said the ferry was …"), not its subject."""
    words = [t.text for t in tokens[i + 1 : i + 10]]
    return bool(words) and (words[0].lower() == "that" or opens_bare_clause(words))


def _subject_before_aside(tokens: list[Token], j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The subject before a participle aside that the comma at ``j`` closes: "Federal officials
    familiar with the server, speaking on the condition of anonymity because …, said"."""
    k = next((k for k in range(j - 1, max(j - _ASIDE_WORDS, 0), -1) if tokens[k].text in ',;:"“”'), None)
    if k is None or tokens[k].text != "," or not tokens[k + 1].lower.endswith("ing"):
        return None
    return modified_subject(tokens, k - 1, lexicon) or noun_phrase_before(tokens, k - 1, lexicon)


def _closing_speaker(tokens: list[Token], i: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The short noun phrase after the cue that ends the sentence, when its head speaks or is a
    document: '…," read the company email.', "…, even baseless ones, said the company." """
    end = len(tokens) - 1 if tokens[-1].text in ".!?" else len(tokens)
    if not 2 <= end - i - 1 <= 4 or tokens[i + 1].lower not in DETERMINERS:
        return None
    head = tokens[end - 1].lower
    invertible = not lexicon.invertible or lexicon.verb_forms.get(tokens[i].lower) in lexicon.invertible
    speaker = invertible and (head in lexicon.person_roles or head in lexicon.organisation_words)
    common = all(t.text.isalpha() and not t.capitalised for t in tokens[i + 1 : end])  # names: see the caller
    if not common or not (speaker or head in lexicon.footage_words):
        return None  # "…, told the newspaper.": an addressee
    return i + 1, end - 1


def _closing_name(tokens: list[Token], i: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """A name after an inverted cue that ends the sentence ("…, apparently heading for the ambush,
    reports BBC Monitoring."): the speaker, not a phrase set off before the cue."""
    end = len(tokens) - 1 if tokens[-1].text in ".!?" else len(tokens)
    invertible = not lexicon.invertible or lexicon.verb_forms.get(tokens[i].lower) in lexicon.invertible
    names = tokens[i + 1 : end]
    if not (invertible and 1 <= len(names) <= 4 and names[0].capitalised):
        return None
    return (i + 1, end - 1) if all(t.capitalised or t.lower in {"of", "&"} for t in names) else None


_PARTICLES = {
    "to": {"refer", "point", "allude", "turn"},
    "for": {"call", "ask"},
    "on": {"call", "comment"},
    "out": {"point"},
    "about": {"talk", "ask", "speak", "write"},
    "of": {"say"},
}
_NOT_REPORTING = {"insist": {"on", "upon"}, "argue": {"for", "against"}}
# a verb's object that makes it no report: "claimed her life", "tells the story of"
_NOT_REPORTED = {"claim": {"life", "lives"}, "tell": {"story", "tale"}}
_TAKEN = words_of("life lives homes houses structures buildings victims acres jobs seats")


def _hits_back(tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` is "back" of "hit back", "fired back": the verb before it is part of the cue."""
    return tokens[i].lower == "back" and i > 0 and tokens[i - 1].lower in _HIT_BACK


_HIT_BACK = frozenset(
    ["hit", "hits", "hitting", "fired", "fires", "fire", "firing", "shot", "shoots", "shooting", "struck",
     "strikes", "striking", "bit", "bites", "biting", "pushed", "pushes", "pushing"]
)  # fmt: skip


def _quoted_as_saying(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """``tokens[i]`` is "quoted" in "was quoted as saying": the subject is the speaker."""
    return (
        tokens[i].lower == "quoted"
        and i + 2 < len(tokens)
        and tokens[i + 1].lower == "as"
        and tokens[i + 2].lower.endswith("ing")
        and tokens[i + 2].lower in lexicon.verb_forms
    )


def _cue_extent(tokens: list[Token], i: int, lemma: str, passive: bool, lexicon: Lexicon) -> tuple[int, int]:
    """The cue's tokens: the verb with its particle ("referring to", "called for"), its passive
    auxiliary ("is expected", "was quoted as saying") and a following "in a statement"."""
    first, last = i, i
    if _hits_back(tokens, i):
        first = i - 1  # "fired back"
    quoted_as = _quoted_as_saying(tokens, i, lexicon)
    if (passive or quoted_as) and i > 0 and tokens[i - 1].lower in PASSIVE_AUX:
        first = i - 1
    if quoted_as:
        last = i + 2
    if last + 1 < len(tokens) and lemma in _PARTICLES.get(tokens[last + 1].lower, ()):
        last += 1
    if (
        last + 3 < len(tokens)
        and tokens[last + 1].lower == "in"
        and tokens[last + 2].lower in {"a", "an"}
        and tokens[last + 3].lower in STATEMENT_NOUNS
    ):
        last += 3
    return first, last


def _span(text: str, offset: int, start: int, end: int) -> Span:
    return Span(start, end, text[start - offset : end - offset])


@dataclass(frozen=True, slots=True)
class _Found:
    """Where the source of a cue is: token ranges, and what kind of construction it was."""

    source: tuple[int, int] | None = None
    passive: bool = False
    antecedent: tuple[int, int] | None = None  # for a relative pronoun source ("A video which shows")
    coordinated: bool = False  # a second verb ("… and told"), or a participle ("…, saying")
    dropped: bool = False  # a pro-drop verb without a subject ("Al respecto indicó que …")


def _find_source(tokens: list[Token], i: int, lexicon: Lexicon) -> _Found:
    """The source of the cue at ``i``."""
    j = skip_back(tokens, i - (2 if _hits_back(tokens, i) else 1), lexicon)
    if j > 0 and tokens[j].text in "—–" and tokens[j - 1].text in {",", *CLOSING_QUOTES, "»"}:
        j -= 1  # '«…», — сказал представитель': a dash after the quote, before the inverted verb
    between = tokens[j + 1 : i]
    passive = any(t.lower in PASSIVE_AUX for t in between) and tokens[i].lower.endswith(("ed", "d", "n"))
    passive = passive or _reduced_passive(tokens, i)
    if passive and not _quoted_as_saying(tokens, i, lexicon):  # "she is quoted as saying": her words
        if i + 1 < len(tokens) and tokens[i + 1].lower == "by":
            return _Found(noun_phrase_after(tokens, i + 2))
        return _Found(passive=True)
    auxiliary = any(t.lower in lexicon.passive_auxiliaries for t in tokens[max(0, i - 3) : i])
    if lexicon.passive_agents and auxiliary:  # "fue anunciado por el ministerio", "divulgado, …, pela X"
        agent = _passive_agent(tokens, i, lexicon)
        return _Found(agent) if agent is not None else _Found(passive=True)
    if lexicon.pro_drop and _dropped_subject(tokens, i, j, lexicon):
        return _Found(dropped=True)
    opening = j == 0 or (j == 1 and tokens[0].lower in _SO_WORDS)  # not "El ministro la anunció"
    if opening and tokens[j].lower in lexicon.object_clitics and i + 1 < len(tokens):
        # "Lo riferisce l'Ansa", "Así lo informó la policía": the clitic is the object, the subject follows
        after = noun_phrase_after(tokens, inverted_start(tokens, i, lexicon))
        return _Found(_before_a_place(tokens, _up_to_nouns(tokens, after, lexicon), lexicon))
    if j > 0 and tokens[j].lower in lexicon.object_clitics:
        j = skip_back(tokens, j - 1, lexicon)  # "El ministro la anunció": the subject before the clitic
    if j >= 0 and tokens[j].lower in lexicon.reflexive_clitics:  # "El ministro se negó a …"
        k = skip_back(tokens, j - 1, lexicon) if j > 0 else -1
        if k < 0 or tokens[k].lower in lexicon.fronted_openers:
            return _Found(passive=True)  # "Se informó que …", "Según se informa": no one named
        if tokens[k].text == ",":  # "Lester Roe, jefe de la policía, se negó a …"
            return _Found(apposition_before(tokens, k, lexicon))
        j = k
    if j < 0:
        return _Found()
    if lexicon.inverted_subjects and j == 0 and tokens[0].lower in _V2_OPENERS and i + 1 < len(tokens):
        # "Das berichtete die Agentur Xinhua."
        return _Found(_up_to_nouns(tokens, noun_phrase_after(tokens, i + 1), lexicon))
    fronted = lexicon.capitalised_nouns and tokens[0].lower in lexicon.fronting_words and i + 2 < len(tokens)
    if fronted and tokens[i + 1].lower in lexicon.determiners and tokens[i + 2].capitalised:
        # "Mit Blick auf … betonte der Offizier:"
        return _Found(_up_to_nouns(tokens, noun_phrase_after(tokens, i + 1), lexicon))
    if lexicon.inverted_subjects and tokens[j].lower in _AS_WORDS and i + 1 < len(tokens):
        start = inverted_start(tokens, i, lexicon)
        return _Found(noun_phrase_after(tokens, start))  # "como denunció el diario"
    if tokens[i].lower.endswith("ing") and tokens[j].text == "," and j == i - 1:
        return _Found(sentence_subject(tokens, j, lexicon), coordinated=True)
    if j > 0 and tokens[j].lower == "to" and tokens[j - 1].lower in STATEMENT_NOUNS | _PLATFORMS:
        # "Jacqueline released a statement to say that …": the statement's author speaks
        return _Found(sentence_subject(tokens, j - 1, lexicon), coordinated=True)
    if tokens[j].lower in {"and", "but"}:  # "Smith did not name them, but told supporters"
        return _Found(sentence_subject(tokens, j, lexicon), coordinated=True)
    # "La ministra, Ana Ruiz, dijo que …": a clause follows the cue, so its subject is before it
    clause_next = i + 1 < len(tokens) and tokens[i + 1].lower in lexicon.complementizers
    if tokens[j].text == "," and (not lexicon.inverted_subjects or clause_next):
        # "…, even baseless ones, said the company."; "Smith, the mayor, said the talks failed"
        subject = None
        if j == i - 1:
            subject = _closing_speaker(tokens, i, lexicon) or _closing_name(tokens, i, lexicon)
        subject = subject or speaker_after_quote(tokens, j - 1, lexicon)
        subject = subject or apposition_before(tokens, j, lexicon) or _subject_before_time(tokens, j, lexicon)
        if subject is None and _clause_after(tokens, i):  # not '…, including six children, said Ada Marsh'
            subject = _subject_before_aside(tokens, j, lexicon)
        if subject is not None:
            return _Found(subject)
    if tokens[j].text in CLOSING_QUOTES and quoted_name_start(tokens, j) is not None:
        return _Found(noun_phrase_before(tokens, j, lexicon))  # "«Kazaeronavigatsia» reports that"
    if tokens[j].text in CLOSING_QUOTES or tokens[j].text == ",":
        start = inverted_start(tokens, i, lexicon)
        after = noun_phrase_after(tokens, start) if start < len(tokens) else None
        apposed = after is not None and any(t.text == "," for t in tokens[after[0] : after[1] + 1])
        if after and not apposed and not ends_clause(tokens, after[1] + 1):
            after = None  # ", said Smith will win": a clause follows, not an inverted subject
        if after and tokens[after[1]].lower in WHEN_WORDS:
            after = _without_time(tokens, after)  # "said Lawrence yesterday"; not "concluded this year"
        # ", reveals a memo", '…," read a tweet from the ministry'
        heads = [after[1], *range(after[0], min(after[1], after[0] + 2) + 1)] if after is not None else []
        document = any(tokens[k].lower in lexicon.footage_words for k in heads)
        if after and lexicon.invertible and lexicon.verb_forms.get(tokens[i].lower) not in lexicon.invertible:
            after = after if document else None  # "Smith, the director, told The Post": an object
        inverted_bare = lexicon.inverted_subjects and after is not None and after[0] == after[1]
        if after and (
            tokens[start].capitalised
            or tokens[start].lower in DETERMINERS | lexicon.determiners  # "…, sagte die Polizei"
            or tokens[start].lower.startswith(ELIDED)  # "…, a annoncé l'armée"
            or tokens[j].text in CLOSING_QUOTES
            or (lexicon.inverted_subjects and not lexicon.determiners)  # ru, uk: "…, — сказал представитель"
            or (lexicon.suffixed_articles and after[0] == after[1])  # sv: "…, säger ministern"
            or (inverted_bare and tokens[start].lower in lexicon.source_heads)  # es "…, dijeron funcionarios"
        ):
            return _Found(_before_a_place(tokens, _up_to_nouns(tokens, after, lexicon), lexicon))
        return _Found(apposition_before(tokens, j, lexicon) if tokens[j].text == "," else None)
    if tokens[j].lower in RELATIVES:
        return _relative(tokens, j, lexicon) or _Found((j, j))
    relative = _relative(tokens, j, lexicon) if tokens[j].lower in lexicon.relatives else None
    if relative is not None:  # "la agencia IP, que había publicado"
        return relative
    after_quote = speaker_after_quote(tokens, j, lexicon) if tokens[j].text[0].isalnum() else None
    subject = after_quote or _described_record(tokens, j, lexicon) or modified_subject(tokens, j, lexicon)
    subject = subject or noun_phrase_before(tokens, j, lexicon)
    if subject is not None and subject[0] == subject[1] and tokens[i].lower.endswith("ing"):
        verb = tokens[subject[0]]  # "reports emerged last week suggesting …": the verb's subject
        k = skip_back(tokens, subject[0] - 1, lexicon)
        if verb.lower.endswith("ed") and not verb.capitalised and k >= 0:
            subject = noun_phrase_before(tokens, k, lexicon) or subject
    if subject is not None and tokens[subject[0]].lower in lexicon.relatives:
        # "Francisco De Vargas, quien en comunicación con Radio Monumental dijo"
        return _relative(tokens, subject[0], lexicon) or _Found(subject)
    if subject is not None and lexicon.capitalised_nouns:
        # V2 (de): "Seit Ende Juli hatte das Handelsblatt berichtet": the subject after the auxiliary
        finite = [k for k in range(subject[0], subject[1]) if tokens[k].lower in _V2_AUXILIARIES]
        subject = (finite[-1] + 1, subject[1]) if finite else subject
    return _Found(subject)


def _describes_record(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """``tokens[i]`` is a participle describing the record before it ("a video posted online")."""
    participle = tokens[i].lower in _DESCRIBING_PARTICIPLES
    record = i > 0 and tokens[i - 1].lower in lexicon.footage_words
    aside = i > 1 and tokens[i - 1].text == "," and tokens[i - 2].lower in lexicon.footage_words
    return participle and (record or aside)  # "The study, published in X, found …"


def _described_record(tokens: list[Token], j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The record before a participle describing it, when the words up to ``j`` are that description
    ("A video posted online | shows", "Footage broadcast on state television | showed")."""
    for k in range(j, max(j - _DESCRIPTION_WORDS, 0), -1):
        if not tokens[k].text[0].isalnum():
            return None
        if _describes_record(tokens, k, lexicon):
            record = noun_phrase_before(tokens, k - 1, lexicon)
            # "The police in a statement issued on Friday said": the statement is not the subject
            if record is None or record[0] == 0:
                return record
            return None if tokens[record[0] - 1].lower in _PREPOSITIONS else record
    return None


_DESCRIPTION_WORDS = 8  # words of a record's description before its verb ("posted on Facebook on Friday")


def _reduced_passive(tokens: list[Token], i: int) -> bool:
    """A participle after a lower-case word with its agent after it ("attacks sometimes claimed by
    the group"): a passive whose subject is the noun before, not a speaker; "said by phone" is a means."""
    if not (0 < i < len(tokens) - 2 and tokens[i].lower.endswith("ed") and tokens[i + 1].lower == "by"):
        return False
    previous = tokens[i - 1]
    agent = [t.lower for t in tokens[i + 2 : i + 4]]
    timed = agent[0] in WHEN_WORDS or (agent[0] in DETERMINERS and agent[1:] and agent[1] in _TIME_NOUNS)
    common = previous.text.isalpha() and not previous.capitalised
    return common and agent[0] not in _MEANS and not timed  # not "police said by the time they came"


_MEANS = words_of("phone telephone email e-mail letter video text mail post fax radio satellite videolink")
_TIME_NOUNS = WHEN_WORDS | words_of("time end start close weekend deadline")


def _relative(tokens: list[Token], j: int, lexicon: Lexicon) -> _Found | None:
    """The source of a cue whose subject is the relative pronoun at ``j``: its antecedent."""
    k = j - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    antecedent = noun_phrase_before(tokens, k, lexicon) if k >= 0 else None
    for _ in range(3):  # "a search (archived here) on November 6, 2023, that shows": not the date
        if antecedent is None or not all(_dates(t) for t in tokens[antecedent[0] : antecedent[1] + 1]):
            break
        k = antecedent[0] - 1
        while k >= 0 and (tokens[k].lower in {",", "on", "in", "at", "since"} or _dates(tokens[k])):
            k -= 1
        if k >= 0 and tokens[k].text == ")":
            k = next((m for m in range(k, -1, -1) if tokens[m].text == "("), 0) - 1
        antecedent = noun_phrase_before(tokens, k, lexicon) if k >= 0 else None
    if antecedent is not None and tokens[j].lower == "who":
        antecedent = _personal_antecedent(tokens, antecedent)
    if antecedent is None or tokens[antecedent[1]].lower in lexicon.verb_forms:
        return None  # "Dijo que había …": a clause after a reporting verb, no relative
    return _Found((j, j), antecedent=_from_last_article(tokens, antecedent, lexicon))


def _before_a_place(
    tokens: list[Token], phrase: tuple[int, int] | None, lexicon: Lexicon
) -> tuple[int, int] | None:
    """An inverted subject without the phrase after it: "(indicó) la ministra en rueda de prensa" is
    "la ministra" (but "el ministro de Justicia" keeps its "de")."""
    if phrase is None:
        return None
    first, last = phrase
    places = (k for k in range(first + 1, last + 1) if tokens[k].lower in lexicon.fronted_openers)
    cut = next((k for k in places if tokens[k].lower not in GENITIVES), None)
    return (first, cut - 1) if cut is not None else phrase


def _from_last_article(tokens: list[Token], phrase: tuple[int, int], lexicon: Lexicon) -> tuple[int, int]:
    """The phrase from its last article that no "de" governs: "(cometió) la agencia estatal IP",
    "(pidió disculpas a) la agencia IP", but "el ministro de la Defensa" whole (languages with
    articles in ``determiners``)."""
    first, last = phrase
    for k in range(last, first, -1):
        before = tokens[k - 1].lower
        governed = before in GENITIVES or before in lexicon.determiners
        if tokens[k].lower in lexicon.determiners and not governed:
            return k, last
    return phrase


_V2_AUXILIARIES = frozenset(["hat", "hatte", "hatten", "haben", "habe"])  # perfect, not passive ("wurde")
# a sentence opened by a demonstrative puts the subject after the verb (de, nl): "Das berichtete …"
_V2_OPENERS = frozenset(["das", "dies", "dieses", "so", "dat", "dit", "zo"])


_AS_WORDS = frozenset(["as", "como", "comme", "come", "wie", "zoals"])


def _in_as_clause(tokens: list[Token], i: int, where: _Found) -> bool:
    """The cue reports inside an "as" clause: "…, as the Times reported", "…, como denunció el NYT"."""
    before_cue = i > 0 and tokens[i - 1].lower in _AS_WORDS
    first = where.source[0] if where.source is not None else 0
    before_source = 0 < first < i and tokens[first - 1].lower in _AS_WORDS
    return before_cue or before_source


def _personal_antecedent(tokens: list[Token], phrase: tuple[int, int]) -> tuple[int, int]:
    """A "who" refers to a person: in "the orders of Mr Kim who has vowed", the name after "of"."""
    first, last = phrase
    of = max((i for i in range(first, last) if tokens[i].lower == "of"), default=None)
    if of is not None and not tokens[of - 1].capitalised and tokens[of + 1].capitalised:
        return (of + 1, last)
    return phrase


def _according_to(tokens: list[Token], lexicon: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of "according to"-style phrases."""
    found: list[tuple[int, int]] = []
    lowers = [t.lower for t in tokens]
    for phrase in lexicon.according_to:
        words = [w.lower() for w in TOKEN.findall(phrase)]
        verb = len(words) == 1 and words[0] in lexicon.verb_forms  # fr "…, rapporte le journal"
        for i in range(len(tokens) - len(words) + 1):
            after_subject = i > 0 and tokens[i - 1].text[0].isalnum()  # "CNN rapporte que": a verb
            end = i + len(words)
            relative = end < len(tokens) and lowers[end] in lexicon.relatives  # "selon laquelle …"
            if lowers[i:end] == words and not (verb and after_subject) and not relative:
                found.append((i, i + len(words) - 1))
    if lexicon.language == "en":  # "Per emails obtained by …, the sounds …", "…, per the memo"
        start = after_dateline(tokens)
        for i, token in enumerate(tokens[:-1]):
            following = tokens[i + 1]
            named = following.lower in DETERMINERS or (following.capitalised and following.lower != "cent")
            if token.lower == "per" and ((i == start and token.capitalised) or (i > start and named)):
                found.append((i, i))
    # the longest phrase where two start together ("según recoge", not "según", before a name)
    return [f for f in found if not any(g != f and g[0] == f[0] and g[1] > f[1] for g in found)]


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence with its tokens and the cue model's score of each (None: not scored)."""

    span: Span
    index: int
    tokens: list[Token]
    scores: list[float | None]


def _sentence_attributions(
    sentence: _Sentence, lexicon: Lexicon, quotes: list[Span], model: CueModel | None = None
) -> list[Attribution]:
    found = _rule_attributions(sentence.tokens, sentence.span, sentence.index, lexicon, quotes)
    if model is not None:
        found += _learned_attributions(sentence, lexicon, quotes, model, found)
        found.sort(key=lambda a: a.cue.start)
    return found


def _learned_attributions(
    sentence: _Sentence,
    lexicon: Lexicon,
    quotes: list[Span],
    model: CueModel,
    found: list[Attribution],
) -> list[Attribution]:
    """Cues the lexicon missed that the cue model is sure of, away from the rules' own cues."""
    tokens = sentence.tokens
    near = [(a.cue.start, a.cue.end) for a in found]
    learned: list[Attribution] = []
    for i, token in enumerate(tokens):
        lower = token.lower
        score = sentence.scores[i]
        if score is None or (lower in lexicon.verb_forms and lower not in lexicon.gated_forms):
            continue  # a lexicon cue the rules rejected stays rejected; a gated one is rescored
        neighbours = tokens[max(i - 1, 0) : i + 2]
        if any(start <= t.end and t.start <= end for start, end in near for t in neighbours):
            continue  # next to a rule cue: part of it ("repeatedly said")
        if score < model.threshold or _describes_record(tokens, i, lexicon):
            continue
        last = i + 1 if _modifier(tokens, i) else i  # "also pushed", "repeatedly praised": the verb too
        where = _find_source(tokens, i, lexicon)
        attribution = _make(
            tokens, (i, last), where, sentence.span, sentence.index, lexicon, quotes, stem(tokens[last].lower)
        )
        attribution.learned = True
        learned.append(attribution)
        near.append((token.start, token.end))
    return learned


def _modifier(tokens: list[Token], i: int) -> bool:
    """An adverb or auxiliary before a lower-case word: the cue is the verb it modifies."""
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        following is not None
        and following.text.isalpha()
        and not following.capitalised
        and word_class(tokens[i]) in {"adverb", "auxiliary"}
        and following.lower not in {"the", "a", "an", "to", "that"}
    )


def _rule_attributions(
    tokens: list[Token], sentence: Span, index: int, lexicon: Lexicon, quotes: list[Span]
) -> list[Attribution]:
    found: list[Attribution] = []
    taken: set[int] = set()
    for first, last in _according_to(tokens, lexicon):
        taken.update(range(first, last + 1))
        verb = first == last and tokens[first].lower in lexicon.verb_forms  # "…, indique de son côté X"
        after = inverted_start(tokens, last, lexicon) if verb else last + 1
        source = noun_phrase_after(tokens, after) if after < len(tokens) else None
        if first == last and tokens[first].lower in lexicon.postpositions:  # "Dem Memo zufolge"
            source = noun_phrase_before(tokens, first - 1, lexicon) if first > 0 else None
        elif source is not None:  # "according to new reports, the pop star has …": the clause starts
            comma = next((k for k in range(*source) if tokens[k].text == ","), None)
            source = (source[0], comma - 1) if comma is not None and comma > source[0] else source
        if verb:  # "…, indique le parquet dans un communiqué"
            source = _before_a_place(tokens, source, lexicon)
        if source is not None and lexicon.v2_finite:  # "Volgens ingewijden zou de premier …": V2
            finite = [k for k in range(source[0] + 1, source[1] + 1) if tokens[k].lower in lexicon.v2_finite]
            source = (source[0], finite[0] - 1) if finite else source
        if source is not None and lexicon.capitalised_nouns:  # "nach Angaben der Armee unter anderem"
            source = first_noun_run(tokens, source)
        if compound_speaker(tokens[last].lower, lexicon):
            source = (last, last)  # "nach Behördenangaben": the phrase names its speaker
        if source is not None and tokens[source[0]].lower in lexicon.reflexive_clitics:
            source = None  # "según se informa": an impersonal report, no one named
        if source is not None and tokens[source[1]].lower in lexicon.rule_nouns:
            continue  # "according to the eastern Orthodox calendar", "according to plan": no one speaks
        found.append(
            _make(tokens, (first, last), _Found(source), sentence, index, lexicon, quotes, "according to")
        )
    title_case = _title_case(tokens)
    for i in range(len(tokens)):
        if i in taken:
            continue
        lemma = _is_cue(tokens, i, lexicon, title_case)
        if lemma is None and _colon_cue(tokens, i, found, lexicon):
            lemma = ":"
        if lemma is None:
            continue
        where = _find_source(tokens, i, lexicon)
        if where.passive and lexicon.passive_lemmas and lemma not in lexicon.passive_lemmas:
            continue  # "was posted online": a passive that reports nothing
        extent = _cue_extent(tokens, i, lemma, where.passive, lexicon)
        taken.update(range(i + 1, extent[1] + 1))  # "saying" of "quoted as saying" is no second cue
        attribution = _make(
            tokens,
            extent,
            where,
            sentence,
            index,
            lexicon,
            quotes,
            lemma,
        )
        attribution.adverbial = _in_as_clause(tokens, i, where)
        if where.coordinated and found:
            previous = found[-1]  # "…, telling the US …": the speaker of the clause before
            attribution.source, attribution.source_kind = previous.source, previous.source_kind
            attribution.source_name = previous.source_name
        found.append(attribution)
    return found


def _expletive_it(tokens: list[Token], source: tuple[int, int] | None, cue: tuple[int, int]) -> bool:
    """An English "it" standing for the clause after the cue ("It has emerged that …"), no speaker."""
    if source is None or source[0] != source[1] or tokens[source[0]].lower not in {"it", "it's", "it’s"}:
        return False
    if tokens[source[0]].lower != "it" and tokens[cue[1]].lower.endswith(("ed", "n", "ught")):
        return True  # "It’s believed there are …", "It's thought the …"
    if cue[1] + 1 >= len(tokens) or tokens[cue[1] + 1].lower != "that":
        return False
    between = {t.lower for t in tokens[source[0] + 1 : cue[0]]}
    passive = bool(between & PASSIVE_AUX) and tokens[cue[1]].lower.endswith(("ed", "n"))  # "It is claimed"
    return passive or tokens[cue[1]].lower in {"emerged", "emerges", "transpired"}


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

    if _expletive_it(tokens, where.source, cue):
        where = _Found(passive=True)  # "It has emerged that …", "It is claimed that …": no one named
    source = where.source
    verb = lemma != "according to" and lemma not in lexicon.according_to  # "…, according to X"
    # de: "hatte berichtet, der Leiter sei …" (but not ", am Freitagabend konnte …", another clause)
    opener = tokens[cue[1] + 2].lower if cue[1] + 2 < len(tokens) else ""
    comma_clause = lexicon.capitalised_nouns and bool(opener) and opener not in lexicon.fronted_openers
    content_range = content_span(tokens, cue, source, sentence, verb, comma_clause)
    content = None
    if content_range:
        start, end = stretch_to_quote(*content_range, quotes)
        content = Span(start, end, "")
    source_span = chars(*source) if source else None
    kind: SourceKind = "anonymous" if where.passive else "none"
    name = None
    named = chars(*where.antecedent) if where.antecedent else source_span
    if named:
        kind = classify_source(named.text, lexicon)
        name = source_name(named.text, kind, lexicon.person_roles, lexicon.organisation_words)
    return Attribution(
        cue=chars(*cue),
        source=source_span,
        content=content,
        source_kind=kind,
        source_name=name,
        sentence_index=index,
        lemma=lemma,
        passive=where.passive,
        dropped=where.dropped,
    )


def find_attributions(
    text: str,
    language: str = "en",
    sentences: list[Span] | None = None,
    nested: bool = False,
    learned: bool = True,
    tagged: bool = False,
) -> list[Attribution]:
    """The attributions in ``text``, pronoun sources resolved to earlier speakers.

    Cues inside a direct quote are speech within speech; the rules leave them out unless ``nested``
    (PolNeAR, for one, annotates 25 of its 19,832 training cues inside quotes). With ``learned``
    (English only), the cue model adds stance and reporting cues beyond the lexicon. With ``tagged``
    as well, the sequence tagger (``attribution_tagger``) redraws the cue, source and content spans
    from the rules' findings, as PolNeAR draws them (``benchmarks/polnear.py``: token-overlap F1 on
    dev, source 0.72 → 0.77, cue 0.73 → 0.78, content 0.70 → 0.80). It is off by default because
    the certainty classes of ``claims`` were tuned on the rules' attributions: PolNeAR counts many
    stance verbs as cues, which turns sentences the certainty guideline calls asserted into
    attributed ones."""
    lexicon = load_lexicon(language)
    english = learned and lexicon.language == "en"
    model = load_cue_model() if english else None
    sentences = sentences if sentences is not None else split_sentences(text, language)
    quotes = find_quotes(text)
    tokenised = [tokenize(s.text, s.start) for s in sentences]
    scored = [
        _Sentence(span, index, tokens, sentence_scores(model, tokens))
        for index, (span, tokens) in enumerate(zip(sentences, tokenised, strict=True))
    ]
    found = _rule_pass(text, scored, quotes, lexicon, model, nested)
    tagger = load_tagger() if english and tagged else None
    if tagger is not None:
        views = [TaggerInput(s.span, s.tokens, s.scores) for s in scored]
        found = tagged_attributions(text, views, quotes, found, lexicon, tagger)
    attributed = {a.sentence_index for a in found}
    named = (subject_referent(s.tokens, text, s.index, lexicon) for s in scored if s.index not in attributed)
    resolve_speakers(found, lexicon, [r for r in named if r is not None])
    return found


def _rule_pass(
    text: str,
    sentences: list[_Sentence],
    quotes: list[Span],
    lexicon: Lexicon,
    model: CueModel | None,
    nested: bool,
) -> list[Attribution]:
    doubles = [q for q in quotes if q.text[:1] in '"“„«']
    found: list[Attribution] = []
    for sentence in sentences:
        for attribution in _sentence_attributions(sentence, lexicon, quotes, model):
            if nested or not any(q.start < attribution.cue.start < q.end for q in doubles):
                found.append(attribution)
    return with_content_text(found, text)


# written without spaces (ja): "警察によると" names its source just before the marker; "首相は…と述べた"
# in the topic that opens the sentence (before its first は or が, outside any quotation)
_BEFORE_MARKER = re.compile(r"([^、。「」『』（）()\s]{1,24})$")
_TOPIC = re.compile(r"^\s*([^、。「」『』（）()\s]{1,16}?)(?:は|が)")


def _unspaced_kind(name: str, lexicon: Lexicon) -> SourceKind:
    """A source's kind by the word its name ends in ("防衛省関係者": officials, unnamed)."""
    kinds: tuple[tuple[SourceKind, frozenset[str]], ...] = (
        ("anonymous", lexicon.anonymous_heads),
        ("outlet", lexicon.outlet_words),
        ("organisation", lexicon.organisation_words),
        ("footage", lexicon.footage_words),
    )
    return next((kind for kind, words in kinds if any(name.endswith(word) for word in words)), "person")


def unspaced_attribution(sentence: Span, index: int, lexicon: Lexicon) -> Attribution | None:
    """The attribution a language written without spaces marks in a sentence (``attribution_markers``
    such as "によると", "と述べた"), with its source found from where the marker stands."""
    marker = next((m for m in lexicon.attribution_markers if m in sentence.text), None)
    if marker is None:
        return None
    at = sentence.text.index(marker)
    cue = Span(sentence.start + at, sentence.start + at + len(marker), marker)
    according = marker in lexicon.according_to
    match = _BEFORE_MARKER.search(sentence.text[:at]) if according else _TOPIC.match(sentence.text[:at])
    if match is None:
        return Attribution(cue=cue, source=None, content=None, sentence_index=index, lemma=marker)
    name = match.group(1)
    source = Span(sentence.start + match.start(1), sentence.start + match.end(1), name)
    # what was said: after "によると" to the end, or between the topic and "と述べた"
    lo, hi = (cue.end, sentence.end) if according else (source.end + 1, cue.start)
    content = Span(lo, hi, sentence.text[lo - sentence.start : hi - sentence.start]) if lo < hi else None
    return Attribution(cue=cue, source=source, content=content, source_kind=_unspaced_kind(name, lexicon),
                       source_name=name, sentence_index=index,
                       lemma="according to" if according else marker)  # fmt: skip


def resolve_speakers(
    attributions: list[Attribution], lexicon: Lexicon, referents: list[Attribution] | None = None
) -> None:
    """Give a pronoun source (``He said``) the name of the last speaker of a matching kind, and a
    surname alone (``Navarro said``, ``Mr. Navarro said``) the person named in full before it.
    ``referents`` are people named as the subject of sentences that report nothing
    (``referents.subject_referent``), in text order: a "he" may mean them too."""
    last: dict[str, Attribution] = {}
    surnames: dict[str, Attribution] = {}  # the last word of a person's full name
    persons: list[Attribution] = []  # person speakers in order: whom a "he" or "she" may mean
    genders: dict[str, Gender] = {}  # a speaker's name -> the gender the text gives them
    waiting = list(reversed(referents or []))
    for attribution in attributions:
        while waiting and waiting[-1].sentence_index < attribution.sentence_index:
            _add_person(waiting.pop(), persons, genders, surnames)
        if attribution.source is None:
            if attribution.dropped:  # "Añadió que …": the last speaker goes on
                _speaks_as(attribution, last.get("person") or last.get("organisation"))
            continue
        named = [w for w in (attribution.source_name or "").split() if w.lower().rstrip(".") not in TITLES]
        if attribution.source_kind == "person" and len(named) > 1:
            surnames[named[-1].lower()] = attribution
        elif len(named) == 1 and attribution.source_kind in {"person", "organisation"}:
            _speaks_as(attribution, surnames.get(named[0].lower()))  # "Navarro said": Ada Navarro
        if attribution.source.text.lower() in _BARE_AGENCY:
            attribution.source_kind = _agency_kind(last)  # "the agency said": a news agency only after one
        pronoun = bare_pronoun(attribution.source.text.lower())
        if pronoun in lexicon.pronouns:
            kind = lexicon.pronouns[pronoun]
            outlet = last.get("outlet") if kind == "organisation" else None
            unnamed = last.get("anonymous") if pronoun == "they" else None  # "A source said … They added"
            person = _person_meant(pronoun, persons, genders) if kind == "person" else last.get(kind)
            rivals = [a for a in (person, outlet, last.get("people")) if a is not None]
            if unnamed is not None and all(unnamed.cue.start > a.cue.start for a in rivals):
                _speaks_as(attribution, unnamed)
            else:
                _speaks_as(attribution, person or outlet)
            if attribution.resolved and pronoun_gender(pronoun):
                genders.setdefault(attribution.source_name or "", pronoun_gender(pronoun))
            continue
        if attribution.source_kind == "anonymous" and not attribution.passive:
            last["anonymous"] = attribution
        speaker = attribution.source_kind in {"person", "organisation", "outlet"}
        if speaker and not _appearance(attribution, lexicon):
            last[attribution.source_kind] = attribution
            if attribution.source_kind == "person" and _plural(attribution.source.text):
                last["people"] = attribution  # "jurors said": whom a later "they" may mean
            elif attribution.source_kind == "person" or _journalist(attribution):
                _add_person(attribution, persons, genders)  # "Jane Roe, a reporter for the Clarion, … He"


_BARE_AGENCY = frozenset(["the agency", "the agency's", "agency"])  # "agency says" in a headline


def _agency_kind(last: dict[str, Attribution]) -> SourceKind:
    """What "the agency" is: an outlet when the last body to speak was an outlet ("IRNA said …. It
    is full, the agency reported"), else a public body ("The FBI announced …, the agency said")."""
    bodies = [a for a in (last.get("outlet"), last.get("organisation")) if a is not None]
    latest = max(bodies, key=lambda a: a.cue.start, default=None)
    return "outlet" if latest is not None and latest.source_kind == "outlet" else "organisation"


def _add_person(
    person: Attribution,
    persons: list[Attribution],
    genders: dict[str, Gender],
    surnames: dict[str, Attribution] | None = None,
) -> None:
    """Someone a later pronoun (and, given ``surnames``, a later surname alone) may mean."""
    persons.append(person)
    gender = speaker_gender(person)
    if gender:
        genders.setdefault(person.source_name or "", gender)
    named = (person.source_name or "").split()
    if surnames is not None and len(named) > 1:
        surnames.setdefault(named[-1].lower(), person)


def _person_meant(pronoun: str, persons: list[Attribution], genders: dict[str, Gender]) -> Attribution | None:
    """The last person speaker a pronoun can mean: "she" skips the men the text has named, "he" the
    women; a speaker of unknown gender can be either, a person merely named (a referent) only when no
    speaker before them is known to fit."""
    wanted = pronoun_gender(pronoun)
    fallback = None
    for earlier in reversed(persons):
        gender = genders.get(earlier.source_name or "", "")
        if not wanted or gender == wanted or (not gender and earlier.cue.text):
            return earlier
        if not gender and fallback is None:  # a referent of unknown gender: unless a speaker fits better
            fallback = earlier
    return fallback


def _plural(phrase: str) -> bool:
    last = phrase.split()[-1].lower() if phrase.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "'s", "’s"))


def _speaks_as(attribution: Attribution, earlier: Attribution | None) -> None:
    """Give ``attribution`` the name and kind of the earlier speaker it refers to, if any."""
    if earlier is not None:
        attribution.source_name, attribution.source_kind = earlier.source_name, earlier.source_kind
        attribution.resolved = True


def _journalist(attribution: Attribution) -> bool:
    """An outlet's source that is one of its journalists, whom "he" or "she" can refer to."""
    words = attribution.source.text.lower().split() if attribution.source else []
    return attribution.source_kind == "outlet" and any(w.strip(",") in JOURNALISTS for w in words)


def _appearance(attribution: Attribution, lexicon: Lexicon) -> bool:
    """ "whose cause appears unknown": what appears is no speaker a later "he" could refer to."""
    return attribution.cue.text.lower() in lexicon.appearance_verbs
