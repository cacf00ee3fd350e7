"""Which reporting cue frames a sentence, and whether it reports the sentence's content.

A sentence may hold several attributions (the rules' and the cue model's, see ``attribution``):
the one that frames it is its own, outside quotes, that reports what was said ("Smith said that …",
"…, police said", "according to") rather than naming a speech act as an event ("Clinton proposed
new rules", "told her to leave"); a later cue whose content holds an earlier one frames both
("A witness told police that …, the DA said"); a sentence closed by ", NAME reports." rests on
NAME, one closed by an inverted ", say sources." on those sources. Chosen on
``benchmarks/data/certainty-dev`` and ``certainty-dev2`` only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newstrace.analyse.attribution import Attribution
from newstrace.analyse.certainty import quoted_ranges
from newstrace.analyse.lexicon import DETERMINERS, EVIDENCE_VERBS, FOCUS_ADVERBS, WHEN_WORDS, Lexicon
from newstrace.analyse.phrases import opens_bare_clause
from newstrace.analyse.sources import classify_source, is_domain
from newstrace.records import SourceKind, Span

_WORD = re.compile(r"\w+")
_CLAUSE_OPENERS = [["that"], ["he"], ["she"], ["they"], ["we"], ["i"], ["there"], ["it"]]

_QUOTE_MARKS = frozenset("\"“”‘’'«»`")

# words of a time phrase between a cue and its clause, and focusing adverbs ("reported earlier this
# month that", "is reporting only that")
_TIME_WORDS = WHEN_WORDS | frozenset({"earlier", "later", "last", "this", "recently", "previously", "again"})
_SKIPPED_WORDS = _TIME_WORDS | FOCUS_ADVERBS


def main_attribution(
    index: int,
    sentence: Span,
    found: list[Attribution],
    quotes: list[Span],
    reports: Callable[[Attribution], bool],
) -> Attribution | None:
    """The sentence's own attribution: the first whose cue is not inside a quote and reports
    content (else the first such one that does not). Quotations the quote finder left out (the
    ````…''`` of tokenised text) count as quotes too."""
    ticks = [(sentence.start + a, sentence.start + b) for a, b in quoted_ranges(sentence.text)]
    outside = [
        a
        for a in found
        if not any(q.start < a.cue.start < q.end and q.text[:1] in '"“„«' for q in quotes)
        and not (a.sentence_index == index and any(x < a.cue.start < y for x, y in ticks))
    ]
    own = [a for a in outside if a.sentence_index == index]
    if own:
        reporting = [a for a in own if reports(a)]
        chosen = _outer(reporting) if reporting else own[0]
        # "Russia denied it, as the Times reported": the denial frames the sentence
        framing = [a for a in own if not a.adverbial and a.source and a.cue.start < chosen.cue.start]
        return framing[0] if chosen.adverbial and framing else chosen
    covering = [
        a
        for a in outside
        if a.content is not None
        and a.sentence_index != index
        and a.content.start <= sentence.start
        and sentence.end <= a.content.end + 1
    ]
    return covering[0] if covering else None


# "…, the Los Angeles Times reports.", "…, example.com reports.": a named source and its verb closing
# the sentence
_TRAILING = re.compile(
    r",\s+((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})"
    r"\s+([a-z]+)\s*[.!]?[\"”'’]*\s*$"
)


# "…, say sources.", "…, say some Democrats, who …": an inverted verb before a common-noun source
_TRAILING_INVERTED = re.compile(
    r",\s+([a-z]+)\s+((?:[a-z]+\s+){0,2}[A-Za-z][\w-]*)(?=\s*(?:[.!?)\"”'’]*\s*$|,\s+who\b))"
)

# "…, new research suggests.", "…, a study of 4,000 adults found.": a document closing the sentence
_TRAILING_DOCUMENT = re.compile(
    r",\s+((?:[\w,-]+\s+){0,5}?(?:study|studies|research|report|survey|analysis|paper|data|poll|findings)"
    r"(?:\s+(?:of|by|from|in)\s+[\w,.-]+(?:\s+[\w,.-]+){0,3})?)"
    r"\s+((?:suggest|show|find|say|indicate|conclude|reveal)(?:s|ed)?|found|showed|said)\s*[.!]?\s*$",
    re.IGNORECASE,
)

# a headline closed by whose word it is: "…: Report", "…: US officials", "… – sources", "… — media"
_TRAILING_LABEL = re.compile(
    r"(:|(?<=\s)[-–—])\s*((?:[A-Z][\w.-]*\s+){0,2}(?:reports?|sources?|officials?|media))\s*$",
    re.IGNORECASE,
)

# a headline closed by the name whose word it is: "… shows group's depravity: Pentagon"
_TRAILING_NAME = re.compile(r"(:)\s*((?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})\s*$")
_LABELLED_WORDS = 4  # a label closes a statement, not "Winner: Smith"


def _trailing_name(text: str) -> re.Match[str] | None:
    match = _TRAILING_NAME.search(text)
    return match if match and len(_WORD.findall(text[: match.start()])) >= _LABELLED_WORDS else None


def trailing_report(
    index: int, sentence: Span, lexicon: Lexicon, headline: bool = False
) -> Attribution | None:
    """A sentence closed by ", NAME VERB." whose verb is a reporting form the cue rules left out
    (gated forms such as "reports" count only before "that" or a quote): NAME reports it all. So
    does a sentence closed by an inverted ", VERB NOUNS." ("…, say sources.", "…, say some
    Democrats, who …"): the source is unnamed when its head is an anonymous one."""
    match = _TRAILING.search(sentence.text)
    verb, source = 2, 1
    if match is None or match.group(2) not in lexicon.verb_forms:
        match, verb, source = _TRAILING_INVERTED.search(sentence.text), 1, 2
        if match is None or lexicon.verb_forms.get(match.group(1)) not in lexicon.invertible:
            match = _TRAILING_LABEL.search(sentence.text)
            match = match or (_trailing_name(sentence.text) if headline else None)
            if match is None:
                match, verb, source = _TRAILING_DOCUMENT.search(sentence.text), 2, 1
            if match is None:
                return None
    base = sentence.start
    words = [w.lower() for w in _WORD.findall(match.group(source))]
    kind: SourceKind = "outlet" if set(words) & lexicon.outlet_words else "organisation"
    if match.re is _TRAILING_DOCUMENT:
        kind = "footage"  # "…, new research suggests.": the study speaks
    elif match.re is _TRAILING_NAME or is_domain(match.group(source)):
        kind = classify_source(match.group(source), lexicon)  # "…: Pentagon", "…: Trump"
    if verb == 1 and words[-1] in lexicon.anonymous_heads:
        kind = "anonymous"
    return Attribution(
        cue=Span(base + match.start(verb), base + match.end(verb), match.group(verb)),
        source=Span(base + match.start(source), base + match.end(source), match.group(source)),
        content=Span(base, base + match.start(), sentence.text[: match.start()]),
        source_kind=kind,
        sentence_index=index,
        lemma=lexicon.verb_forms.get(match.group(verb), match.group(verb)),
    )


def _outer(reporting: list[Attribution]) -> Attribution:
    """The sentence's frame among its reporting cues: the first, unless a later one reports content
    that holds the first ("A witness told police that …, the DA said": the DA says it all). A
    sourceless cue ("Asked whether he would resign, Johnson said", "not authorized to discuss it")
    frames nothing when a cue with a speaker follows: that one does."""
    sourced = [a for a in reporting if a.source is not None or a.passive]
    if sourced and reporting[0] not in sourced and not reporting[0].dropped:
        reporting = sourced  # also "…, not authorized to discuss it, said that …": the speaker's cue
    first = reporting[0]
    for later in reversed(reporting[1:]):
        content = later.content
        if (
            content is not None
            and not later.adverbial  # "Russia denied it, as the Times reported": the denial frames it
            and later.source is not None
            and not later.passive
            and later.cue.start > first.cue.start
            and content.start <= first.cue.start
        ):
            return later
    return first


def _rejects_a_claim(attribution: Attribution, words: list[str], lexicon: Lexicon) -> bool:
    """A verb of denial or rejection whose object names a claim ("denied reports", "dismissed
    rumours", "rejected the allegations", "rubbishes illness rumours")."""
    cue = attribution.cue.text.lower()
    rejecting = cue in lexicon.rejection_verbs or any(d.split()[0] == cue for d in lexicon.denials)
    nouns = [w for w in words if w not in DETERMINERS][:2]  # "rubbished (illness) rumours"
    # "denied the contacts", "denied any wrongdoing": what one denies is a claim (not "denied bail",
    # nor the two objects of "denied his party the victory")
    two_objects = len(words) > 2 and words[2] in DETERMINERS
    denial = _lemma(attribution, lexicon) == "deny" and bool(nouns) and not two_objects
    denies = denial and nouns[0] not in lexicon.denial_non_objects
    return rejecting and (denies or any(w in lexicon.claim_nouns for w in nouns))


def _bare_clause(attribution: Attribution, after: str, lexicon: Lexicon) -> bool:
    """A reporting verb before a clause without "that": a subject of up to four words, then its
    verb ("confirms bodies are", "is reporting at least one person has"); not "it appears the …"
    (a hedge, no report)."""
    if attribution.cue.text.lower() in lexicon.appearance_verbs:
        return False
    return opens_bare_clause(after.split()[:9])


def reports_content(
    attribution: Attribution, text: str, lexicon: Lexicon, sentence: Span, quotes: list[Span]
) -> bool:
    """Whether the cue reports what was said, rather than naming a speech act as an event.

    "Smith said/told/wrote …", "according to", a colon, a cue before "that" or a quote, or after
    its content ("…, police said") report content; "Clinton proposed new rules", "the Saints
    placed Bush on reserve", "a caller reported the fire" report an event (CERTAINTY guide: the
    speaking is part of the event → asserted, alternative attributed). Footage that shows, a clause
    after the cue ("announced he wants") or a quoted phrase after it report content too."""
    if _modifies_a_noun(attribution, text, lexicon, sentence.start):
        return False
    if _bare_participle(attribution, text, lexicon) or _DIRECTIVE.match(text, attribution.cue.end):
        return False  # "told her to leave": an order, not a report
    if _NEGATED_QUESTION.search(text, max(0, attribution.cue.start - 12), attribution.cue.end + 12):
        return False  # "police did not say how he died": no claim is reported
    if attribution.lemma in lexicon.core_reporting or attribution.lemma in {":", "according to"}:
        return True
    if attribution.source_kind == "outlet" and attribution.cue.text.lower() == "reports":
        return True  # "The Daily News reports the value at $380,600" (not "first reported the meeting")
    if _lemma(attribution, lexicon) in _PUTS_AT and _AT_AMOUNT.match(text, attribution.cue.end, sentence.end):
        return True  # "the pastor estimates damages at more than $1 million"
    if _lemma(attribution, lexicon) in lexicon.commissive_lemmas and _next_word(text, attribution) == "to":
        return True  # "pledged to push for an amendment": the promise is the source's
    if attribution.source_kind == "footage" or attribution.passive:
        return True  # footage that shows; a passive report ("is reported to") is judged in _claim
    after = text[attribution.cue.end : attribution.cue.end + 80].lstrip()
    # "announced Wednesday that", "reported earlier this month that"
    words = [w for w in _WORD.findall(after.lower()) if w not in _SKIPPED_WORDS][:3]
    if _rejects_a_claim(attribution, words, lexicon):
        return True  # "the Kremlin dismissed rumours that …": the denial is the Kremlin's
    if after[:1] in _QUOTE_MARKS or after[:1] == ":" or words[:1] in _CLAUSE_OPENERS:
        return True
    if words[:1] and words[0] in lexicon.complementizers:
        return True  # "desmintió que …", "a démenti que …"
    if _bare_clause(attribution, after, lexicon):
        return True  # "confirms bodies are strewn"
    reach = min(sentence.end, attribution.cue.end + 80)
    if _ADDRESSEE_THAT.match(text, attribution.cue.end, reach):
        return True  # "confirmed to Access that", "announced on Twitter today that"
    past = attribution.cue.text.lower().endswith("ed")
    if past and _PHRASE_THEN_CLAUSE.match(text, attribution.cue.end, reach):
        return True  # "admitted in a 2005 article he was the source"
    if _lemma(attribution, lexicon) in _ADDRESSEE_LEMMAS and _OBJECT_THAT.match(
        text, attribution.cue.end, min(sentence.end, attribution.cue.end + 40)
    ):
        return True  # "reminded the crowd that", "assured voters that"
    if any(
        attribution.cue.end <= q.start < min(sentence.end, attribution.cue.end + _QUOTE_REACH)
        and q.end - q.start > 4
        and not _PURPOSE.search(text, attribution.cue.end, q.start)
        for q in quotes
    ):
        # "called the plan “a disaster”"; a quote further on belongs to another clause, and one after
        # a purpose clause to its verb ("released a patch to fix a “zero-day” flaw")
        return True
    before = text[max(0, attribution.cue.start - 3) : attribution.cue.start].rstrip()
    content = attribution.content
    source = attribution.source
    inverted = source is None or source.start > attribution.cue.start  # '…," said Smith'
    if before[-1:] in _QUOTE_MARKS or (before[-1:] == "," and inverted):
        return True
    middle = source is not None and content is not None and content.start < source.start
    if middle and content is not None and attribution.cue.start < content.end:
        return True  # "The plan, he added, would cost …": the clause set in the middle of the content
    if content is None or content.end > attribution.cue.start:
        return False
    if attribution.adverbial:
        return True  # "The talks failed, as Reuters reported."
    if lexicon.language == "en" and _takes_an_object(text[attribution.cue.end : sentence.end]):
        return False  # "As Republicans scrambled for cash, they proposed sweeping overhauls": an act
    # content before the cue is set off from it ("…, police said"; "…" he wrote), not run into a
    # noun phrase ("roller derby games, fashion shows."); a quotation closing the content sets it off
    # too ('It's "full of wounded, " the agency reported')
    between = text[content.end : (attribution.source or attribution.cue).start]
    closed = content.text.rstrip()[-1:] in _QUOTE_MARKS
    head = source.text.split()[-1].lower() if source is not None and source.text.split() else ""
    document = head in lexicon.document_heads  # "…, company records show."
    if attribution.cue.text.lower() in lexicon.gated_forms and not closed and not document:
        return False  # "…, the borrowing continued.": a weak verb reports only a quotation before it
    return len(_WORD.findall(content.text)) >= MIN_CONTENT_WORDS and (
        closed or any(mark in between for mark in (",", "—", "–", *_QUOTE_MARKS))
    )


def _takes_an_object(rest: str) -> bool:
    """Words after a cue that are neither a time, a place, an addressee nor the sentence's end: the
    verb's object, so what comes before the cue is no content of it."""
    words = _WORD.findall(rest.lower())
    if not words or not rest.lstrip()[:1].isalnum():
        return False  # the end, or punctuation: '…," she continued, "and …'
    return words[0] not in _AFTER_A_CLOSING_CUE and words[0] not in WHEN_WORDS


# what may follow a cue that closes its content ("…, police said on Monday / in a statement / today")
_AFTER_A_CLOSING_CUE = frozenset(
    {"on", "in", "at", "during", "after", "before", "from", "to", "with", "via", "through", "when", "while",
     "as", "last", "this", "earlier", "later", "late", "early", "yesterday", "today", "tonight", "told",
     "afterward", "afterwards", "recently", "again", "also", "then", "previously", "of", "about"}
)  # fmt: skip

# a figure a source puts on something: "estimates damages at more than $1 million"
_PUTS_AT = frozenset({"estimate", "put", "value", "peg", "place"})
_AT_AMOUNT = re.compile(
    r"\s+[^.;:!?]{1,60}?\bat\s+(?:about\s+|around\s+|more\s+than\s+|less\s+than\s+|nearly\s+|some\s+|least\s+)?"
    r"[$€£¥\d]"
)

MIN_CONTENT_WORDS = 3  # content before its cue is a clause ("…, police said"), not "Still, X opposed"

# "to" and a verb: "released a patch to fix a “zero-day” flaw" (not "credited the win to “a …”")
_PURPOSE = re.compile(r"\bto\s+(?!(?:a|an|the|his|her|its|their|our|my|your)\b)[a-z]")
_QUOTE_REACH = 60  # characters after a cue within which a quotation is its content

# a cue's addressee or channel before its "that"-clause: a short phrase without a verb of its own
_ADDRESSEE_THAT = re.compile(
    r"\s*(?:to|in|on|at|with|via|during)\s+[^,.;:!?\"“”]{1,50}?\s+that\b", re.IGNORECASE
)
# "admitted in a 2005 article he was …": a phrase, then a clause with a pronoun subject
_PHRASE_THEN_CLAUSE = re.compile(
    r"\s*(?:to|in|on|at|during)\s+[^,.;:!?\"“”]{1,50}?\s+(?:he|she|they|we|I)\s+"
    r"(?:was|were|is|are|had|has|have|would|will|could|did)\b"
)

# verbs whose object is the addressee, before the "that"-clause they report
_ADDRESSEE_LEMMAS = frozenset(
    {"remind", "assure", "inform", "warn", "convince", "advise", "caution", "notify"}
)

_OBJECT_THAT = re.compile(r"\s*(?:(?:the|his|her|their|our)\s+)?[\w’'-]+\s+that\b", re.IGNORECASE)

# participles that report only before a clause, a quote or a colon; others name an act
# ("typing …, writing versions of the same words", "rivals promising upheaval")
_CLAUSE_PARTICIPLE_LEMMAS = frozenset({"say", "tell", "add"})

_FREE_RELATIVE = re.compile(r"\bwhat\s+(?:[\w’'-]+\s+){1,3}$", re.IGNORECASE)

_RELATIVES = frozenset({"who", "which"})
# "spoke to a source who said that …": the one spoken to is the sentence's source
_SPOKE_TO = re.compile(
    r"\b(?:spoke|spoken|talked|speaking|talking)\s+(?:to|with)\s+[^,.;:\"“”]{1,60}\bwho\s+$"
)
_SHOWS = re.compile(rf"\s+to\s+(?:{'|'.join(EVIDENCE_VERBS)})\b", re.IGNORECASE)

# a negated cue before an embedded question: "did not say how", "would not confirm whether"
_NEGATED_QUESTION = re.compile(
    r"(?:\bnot|\bnever|n['’]t)\s+\w+\s+(?:how|why|whether|what|when|where|who|if)\b", re.IGNORECASE
)

# an object and "to" after the cue: an order or a request ("told her to leave", "asked them to wait")
# ("telling people not to spread rumours"); "believed him to be" reports a belief
_DIRECTIVE = re.compile(
    r"\s+(?:(?:the|all|local)\s+)?(?:him|her|them|us|me|you|[A-Z][\w’'-]+|[a-z]+)\s+(?:not\s+)?to\s+(?!be\b)[a-z]"
)

# a source right after one of these speaks in a relative or interrogative clause ("an ad in which
# he declares …", "did not make clear why Felt admitted …"), not for the sentence's main claim
_CLAUSE_WORDS = frozenset({"which", "whom", "whose", "why", "how", "whether"})

_THAT_CONJUNCTIONS = frozenset({"now", "given", "so", "except", "provided"})

PREMODIFIERS = frozenset({"the", "a", "an", "any", "some", "no", "all", "its", "their", "his", "her", "our"})


def _modifies_a_noun(attribution: Attribution, text: str, lexicon: Lexicon, sentence_start: int) -> bool:
    """A cue that reports only part of a noun phrase, not the sentence: a free relative ("the gap
    between what Trump says his plan would do …", "what she said were punitive policies"), a
    participle after a determiner ("any listed species"), or a verb of intent or expectation before
    "to" ("a report expected to shed light", "he hoped to win", "declined to comment"): a plan, an
    expectation or a refusal, not a report."""
    before = text[max(0, attribution.cue.start - 40) : attribution.cue.start]
    if _FREE_RELATIVE.search(before):
        return True
    previous = _WORD.findall(before)[-1:]
    interviewed = _SPOKE_TO.search(text[max(0, attribution.cue.start - 80) : attribution.cue.start])
    if previous and previous[0].lower() in _RELATIVES and interviewed is None:
        return True  # "killed by police who claim he …", "an architect who said he was stiffed"
    appearance = attribution.cue.text.lower() in lexicon.appearance_verbs
    if previous and previous[0].lower() == "that" and appearance:
        # "a video that appears to include footage has prompted …"; not "… that appears to show"
        return _SHOWS.match(text, attribution.cue.end) is None
    auxiliary = bool(lexicon.determiners) and previous and previous[0].lower() in lexicon.auxiliaries
    if previous and previous[0].lower() in PREMODIFIERS and not auxiliary:
        return True
    opening = text[sentence_start : attribution.source.start] if attribution.source is not None else ""
    if opening and not opening.rstrip().endswith(","):  # not "That's why, he added, …": a speech clause
        openers = [w.lower() for w in _WORD.findall(opening)[-2:]]
        if openers and openers[-1] in lexicon.adverbial_subordinators | _CLAUSE_WORDS:
            return True  # "He returned to it after an editor noted that …": an adverbial clause
        if openers[-2:] and openers[-1] == "that" and openers[0] in _THAT_CONJUNCTIONS:
            return True  # "Now that Trump has claimed …, he had some explaining to do"
    return (
        _next_word(text, attribution) == "to"
        and _lemma(attribution, lexicon) in lexicon.intent_lemmas
        and not attribution.passive
    )


def _bare_participle(attribution: Attribution, text: str, lexicon: Lexicon) -> bool:
    """An -ing cue with no clause, quote or colon after it ("writing versions of the words",
    "plaintiffs alleging civil rights violations"): an act, not a report of content."""
    cue = attribution.cue.text.lower()
    if not cue.endswith("ing") or _lemma(attribution, lexicon) in _CLAUSE_PARTICIPLE_LEMMAS:
        return False
    content = attribution.content
    if content is not None and content.end <= attribution.cue.start and text[content.end - 1] in _QUOTE_MARKS:
        return False  # '"…," he was quoted as saying': the quoted words come before the cue
    after = text[attribution.cue.end : attribution.cue.end + _QUOTE_REACH].lstrip()
    words = [w for w in _WORD.findall(after.lower()) if w not in FOCUS_ADVERBS][:1]
    quoted = any(mark in after for mark in ("“", '"', "``"))  # 'calling the behavior a “fireable offense”'
    clause = words[:1] in _CLAUSE_OPENERS or _bare_clause(attribution, after, lexicon)
    return not (quoted or after[:1] == ":" or clause)


def _lemma(attribution: Attribution, lexicon: Lexicon) -> str:
    """The cue verb's lemma by the lexicon (a learned cue's own lemma may be a stem)."""
    return lexicon.verb_forms.get(attribution.cue.text.lower(), attribution.lemma)


def _next_word(text: str, attribution: Attribution) -> str:
    following = _WORD.findall(text[attribution.cue.end : attribution.cue.end + 12])[:1]
    return following[0].lower() if following else ""
