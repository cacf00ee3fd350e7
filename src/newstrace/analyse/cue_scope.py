"""Where a certainty cue has scope over a sentence's main claim, and where a cue word is no cue.

Rules over words, no parser (see ``certainty``): a cue in a relative or subordinate clause, an
opening prepositional phrase or a participial adjunct does not decide the sentence; nor does a hedge
on a noun ("the alleged killer") or a participle ("a report expected to …"), nor a modal in an idiom
or a noun ("a draft plan to", "he could not avoid"). Chosen on ``benchmarks/data/certainty-dev`` and
``certainty-dev2`` only.
"""

from __future__ import annotations

import re

from newstrace.analyse.lexicon import DETERMINERS, EVIDENCE_VERBS, Lexicon, past_participle

WORDS = re.compile(r"\w+(?:['’]\w+)?")

_LEAD_WORDS = frozenset({"and", "but", "or", "so", "even", "only", "yet", "still"})

MODALS = frozenset({"could", "would", "may", "might", "can", "will", "should", "must"})

# finite auxiliaries: a clause holding one (or a past form) has its own verb
# irregular past forms that are no nouns or adjectives as well ("went", "sank"; not "left", "set")
_IRREGULAR_PASTS = frozenset({
    "went", "came", "took", "made", "got", "gave", "saw", "found", "lost", "began", "became", "ran",
    "fell", "held", "kept", "brought", "built", "bought", "caught", "drove", "flew", "grew", "knew",
    "led", "met", "paid", "sent", "spent", "stood", "struck", "sank", "won", "wrote", "broke", "chose",
    "fought", "rose", "shot", "sold", "sought", "spoke", "stole", "threw", "thought", "told", "heard",
})  # fmt: skip
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "do", "does", "did"})
_FINITE = MODALS | _IRREGULAR_PASTS | _AUXILIARIES

_PARENTHETICAL = re.compile(r"\([^()]*\)|[—–][^—–,;:]*[—–]| -- [^,;:]*? -- | - - [^,;:]*? - - ")

# a subject before its relative clause: at most this many words ("the first official acknowledgement
# of that …" has 5, "the site manager at the supermarket in Wellington that …" 8), none an object
_SUBJECT_WORDS = 8

_OBJECT_PRONOUNS = frozenset({"him", "them", "us", "me"})

BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"})


def _is_finite(word: str, lexicon: Lexicon) -> bool:
    """A finite verb we can see without a tagger: an auxiliary or modal, a reporting verb's past
    form, or another lower-case past form in -ed."""
    lower = word.lower()
    return (
        lower in _FINITE
        or (lower.endswith("ed") and len(lower) > 4 and word[:1].islower())
        or (lower in lexicon.verb_forms and not lower.endswith("ing"))
    )


def _closes_in_subject(words: list[str], lexicon: Lexicon) -> bool:
    """Whether the stretch before a cue is a subject holding a finished relative or complement
    clause: no finite verb before its first subordinator, and one after it ("Both ships that were
    targeted … are said to", "The acknowledgement that it was an attack appears to"). The cue
    after such a clause is the main clause's verb; a cue inside an unfinished one ("the firm
    where the shooting was believed to") still belongs to it."""
    first = next((k for k, w in enumerate(words) if w.lower() in lexicon.subordinators), None)
    if first is None or first == 0 or words[first].lower() not in {"that", "which", "who", "whom", "where"}:
        return False
    subject = [w.lower() for w in words[:first]]
    if len(subject) > _SUBJECT_WORDS or _OBJECT_PRONOUNS & set(subject):
        return False  # too long for a subject, or holding an object: a verb we cannot see came before
    if any(_is_finite(w, lexicon) for w in words[:first]):
        return False
    return any(_is_finite(w, lexicon) for w in words[first + 1 :])


def in_main_clause(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """False for a cue in a relative or subordinate clause ("the firm where it was believed to"),
    in an opening prepositional phrase ("In the spot set to air Tuesday, …"), or an opening-only
    cue ("if", "perhaps") further in. A relative clause closed inside the subject does not hide
    the main verb after it. Without the lexicon's clause words, every cue counts."""
    prefix = sentence[: match.start()]
    opening = WORDS.findall(prefix)
    lead = [w.lower() for w in opening if w.lower() not in _LEAD_WORDS]
    if match.group().lower() in lexicon.initial_only:
        return not lead
    if _in_opening_phrase(sentence, match, opening, lexicon):
        return False
    # a closed parenthetical ("projects—such as roads—would") does not end the clause around it
    parts = re.split(r"[,;:(—–]| -- | - ", _PARENTHETICAL.sub(" ", prefix))
    stretch = WORDS.findall(parts[-1])
    if len(parts) > 1 and _non_finite_stretch(sentence, match, stretch, lexicon):
        return False
    if len(parts) == 1 and stretch[:1] and stretch[0].lower() == "that":
        stretch = stretch[1:]  # "That (outcome) might be …": a demonstrative opening, not a subordinator
    if not any(w.lower() in lexicon.subordinators for w in stretch):
        return True
    earlier = WORDS.findall(" ".join(parts[:-1]))
    in_subject = not any(_is_finite(w, lexicon) for w in earlier) and not (
        stretch and stretch[0].lower() in lexicon.clause_openers
    )
    return in_subject and _closes_in_subject(stretch, lexicon)


def in_aside(sentence: str, match: re.Match[str]) -> bool:
    """A cue inside a closed parenthetical: "According to his testimony — an account reportedly
    confirmed by LaRue — he …" hedges the aside's detail, not the sentence."""
    return any(m.start() < match.start() and match.end() < m.end() for m in _PARENTHETICAL.finditer(sentence))


def _in_opening_phrase(sentence: str, match: re.Match[str], opening: list[str], lexicon: Lexicon) -> bool:
    """A cue inside an opening prepositional phrase ("In the spot set to air Tuesday, the group …"):
    the sentence opens with a preposition, a comma closes the phrase after the cue, and no finite
    verb came before the cue ("At stake … is whether" has left the phrase)."""
    if not opening or opening[0].lower() not in lexicon.clause_openers:
        return False
    prefix = sentence[: match.start()]
    return (
        "," not in prefix
        and "," in sentence[match.end() :]
        and not any(_is_finite(w, lexicon) for w in [*opening[1:], *match.group().split()[:1]])
    )


# -ing words that are not participles opening a clause of their own
# fmt: off
_NOT_PARTICIPLES = frozenset({
    "during", "including", "according", "regarding", "concerning", "something", "nothing", "anything",
    "everything", "thing", "things", "morning", "evening", "king", "spring", "building", "string",
})

def _non_finite_stretch(sentence: str, match: re.Match[str], stretch: list[str], lexicon: Lexicon) -> bool:
    """A comma-delimited stretch that is a non-finite or prepositional adjunct, not a clause of its
    own: a participle opening it (", meaning calls could go down"), or a preposition opening it
    and a comma closing it after the cue (", with its popularity apparently high, …")."""
    if not stretch:
        return False
    first = stretch[0]
    lower = first.lower()
    if lower.endswith("ing") and len(lower) > 4 and first[:1].islower() and lower not in _NOT_PARTICIPLES:
        return True
    closed = (
        "," in sentence[match.end() :] or lower in _ABSOLUTE_OPENERS
    )  # ", with 10 percent not planning to"
    return lower in lexicon.clause_openers and closed and not any(_is_finite(w, lexicon) for w in stretch[1:])

_ABSOLUTE_OPENERS = frozenset({"with", "without"})

def modifies_report(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """A hedge right before a finite reporting verb hedges the report itself ("which purportedly
    shows"), and so does one on evidence that shows ("a video purportedly showing"); before another
    participle ("after allegedly pointing") it does not."""
    after = WORDS.findall(sentence[match.end() :])[:1]
    before = WORDS.findall(sentence[: match.start()])[-1:]
    if after and before and before[0].lower() in lexicon.footage_words and after[0].lower() in _SHOWING:
        return True
    return bool(after) and after[0].lower() in lexicon.verb_forms and not after[0].lower().endswith("ing")


_SHOWING = frozenset(verb.removesuffix("e") + "ing" for verb in EVIDENCE_VERBS)  # "showing", "capturing"


def inside_noun_phrase(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """A one-word hedge that only qualifies part of the sentence: an attributive adjective ("the
    alleged killer was serving …"), unless it qualifies the evidence itself ("unverified video
    shows", "unconfirmed reports"); or an adverb on a participle or an infinitive that is not the
    main verb ("a booster allegedly giving $500", "after allegedly pointing a gun", ", apparently
    to show donors …")."""
    cue = match.group().lower()
    if " " in cue:
        return False
    before = WORDS.findall(sentence[: match.start()])[-1:]
    after = WORDS.findall(sentence[match.end() :])[:1]
    if not after or sentence[match.end() :].lstrip()[:1] in ",.;:!?":
        return False
    following = after[0].lower()
    after_be = bool(before) and before[0].lower() in BE
    comma_before = sentence[: match.start()].rstrip().endswith(",")
    if cue in lexicon.hedge_adverbs:
        if following in {"including", "excluding"} or (comma_before and following in _DETAIL_PREPOSITIONS):
            return True  # "…, reportedly including a child", "…, reportedly of her own desire": a detail
        phrase = sentence[sentence.rfind(",", 0, match.start()) + 1 : match.start()].lstrip().lower()
        if phrase.startswith(("including ", "excluding ", "such as ")):
            return True  # "raw footage, including images apparently filmed by …": inside the detail
        if before and before[0].lower() in _ARTICLES:
            return True  # "An allegedly intoxicated driver … has been charged": on the adjective
        verbal = following == "to" or (following.endswith("ing") and following not in _NOT_PARTICIPLES)
        # "a video apparently captured by the helmet camera … highlights": a participle with its agent
        agent = WORDS.findall(sentence[match.end() :])[1:2] == ["by"] and past_participle(following)
        return (verbal or agent) and not after_be  # "…, apparently to show donors": on the purpose only
    if cue not in lexicon.attributive_hedges or following in {"to", "that", "by", "of"}:
        return False
    evidence = lexicon.footage_words | lexicon.anonymous_heads
    return following not in evidence and not after_be

_ARTICLES = frozenset({"a", "an", "the", "his", "her", "their", "its"})
_DETAIL_PREPOSITIONS = frozenset({"of", "for", "with", "after", "over", "because", "at", "in", "on"})


def reduced_relative(sentence: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """A participle cue ("expected to", "set to") right after a noun, without a form of "be"
    (adverbs aside): it qualifies that noun ("a report expected to shed light"), not the clause."""
    if match.group().lower().split()[0] not in lexicon.participle_cues:
        return False
    before = [
        w
        for w in WORDS.findall(sentence[: match.start()])
        if not (w.lower().endswith("ly") or w.lower() in _ADVERBS)
    ][-1:]
    return bool(before) and before[0].lower() not in BE and before[0][:1].islower()

_ADVERBS = frozenset({"also", "still", "now", "already", "even", "not", "again", "soon", "just"})

def no_prediction(sentence: str, match: re.Match[str]) -> bool:
    """Uses of a speculative cue that state a fact: a past inability ("he could not avoid the
    subject", "could offer no details") or refusal ("would not comment"), a discourse marker
    ("Perhaps most important, …"), a noun ("began with hope that", "a draft plan to allow"), a past
    imminence or expectation ("were just about to begin", "was poised to become", "had been
    expected to")."""
    cue = " ".join(match.group().lower().split())
    before = [w.lower() for w in WORDS.findall(sentence[: match.start()])]
    after = [w.lower() for w in WORDS.findall(sentence[match.end() :])[:2]]
    previous = [w for w in before if w not in _ADVERBS and not w.endswith("ly")][-1:]
    if cue == "could":  # "could not avoid", "could offer no details"
        negated = after[:1] in (["not"], ["never"]) and after[1:] != ["have"]
        return negated or after[1:] in (["no"], ["nothing"])
    if cue in {"perhaps", "maybe"}:  # "Perhaps (the) most important", "Perhaps not surprisingly"
        evaluative = after[:1] in (["most"], ["more"], ["equally"], ["unsurprisingly"])
        return evaluative or after in (["the", "most"], ["not", "surprisingly"])
    if cue == "if" and before[-1:] == ["even"]:
        return True  # "Even if you don't know who hit you, there are ways …": the claim holds either way
    if cue == "would":  # "would not comment", "Neither firm would respond": a refusal, told as past
        negated = after[:1] in (["not"], ["never"], ["n't"])
        verb = after[1:2] if negated else after[:1]
        nobody = before[:1] in (["neither"], ["nobody"]) or before[:2] == ["no", "one"]
        return bool(verb) and verb[0] in _ANSWERS and (negated or nobody)
    if cue in {"expected to", "expected"} and before[-2:] == ["had", "been"]:
        return True  # "had been expected to be a playoff team": a past expectation
    if cue.endswith(" that") and cue.split()[0] in _NOMINAL_CUES:
        return before[-1:] != [] and before[-1] in _NOUN_CONTEXT
    if cue in {"about to", "poised to"}:  # "were just about to begin", "was poised to become"
        return previous in (["was"], ["were"])
    if cue in {"plan to", "plans to"}:  # "a draft plan to", "announced plans to convert": a noun
        return previous != [] and (
            previous[0] in DETERMINERS | _NOUN_CONTEXT or previous[0].endswith(("'s", "’s", "ed"))
        )
    if cue == "whether" and not before:  # "Whether you sue or claim on your insurance, there are ways"
        opening = sentence[match.end() :].split(",", 1)
        return len(opening) == 2 and " or " in opening[0]
    return False

_NOMINAL_CUES = frozenset({"hope", "fear", "fears", "concern", "concerns"})
# what a source "would not" do when asked ("would not comment", "would not say")
_ANSWERS = frozenset(
    {"comment", "respond", "say", "confirm", "discuss", "elaborate", "disclose", "answer", "reveal",
     "specify"}
)  # fmt: skip

# words before a noun: prepositions, determiners and a few adjectives of plans ("a draft plan to")
_NOUN_CONTEXT = frozenset(
    {
        "with",
        "in",
        "of",
        "amid",
        "despite",
        "for",
        "the",
        "a",
        "no",
        "any",
        "some",
        "draft",
        "new",
        "proposed",
    }
)


def concessive(sentence: str, match: re.Match[str]) -> bool:
    """"May"/"might" in a first clause answered by ", but …" ("She may be lucky …, but she has work
    to do"): a concession, and the "but" clause carries the claim."""
    if match.group().lower() not in _CONCESSIVE_MODALS or re.search(r"[,;:]", sentence[: match.start()]):
        return False
    return bool(re.match(r"[^,;:]*,\s+but\s", sentence[match.end() :]))


_CONCESSIVE_MODALS = frozenset({"may", "might"})
