"""Claims of an article: each sentence with who it rests on and how sure the article is about it.

``analyse_claims`` reads the headline (``in_headline=True``, offsets into the title) and the body
(offsets into ``article.text``, the paragraphs joined by blank lines). A sentence's speaker is the
source of its first reporting cue outside quotes; a sentence inside a quote whose cue is in another
sentence (``"Stop. Now," he said.``) or in a quote continued from the paragraph before takes that
quote's speaker. Lines that state nothing (credits, "Read more", topic lists, bylines) are skipped.
A cue counts as the sentence's source only when it reports content ("said", "told", a cue before
"that" or a quote, after its content); a speech act that is part of an event ("proposed new
rules", "placed him on reserve") leaves the sentence asserted. Direct speech without a cue of its
own (opening with a quotation mark, closing one opened before, or after a paragraph that left a
quote open) is attributed to the last speaker, or to an unnamed quoted speaker. A short question
put to the reader is not a claim. A source named only as one unidentified individual ("a senior
official said") is second-hand (hedged); the writer's own "we"/"I" outside quotes is the outlet's
voice; a cue inside a noun phrase ("what she said were …"), an adverbial clause ("after X noted …")
or before "to" with a verb of intent ("declined to comment") does not attribute the sentence.
``certainty_profile`` sums the claims up per class.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newstrace.analyse.attribution import Attribution, find_attributions
from newstrace.analyse.certainty import IDENTIFIABLE, SECOND_HAND, classify_certainty, quoted_ranges
from newstrace.analyse.lexicon import WHEN_WORDS, Lexicon, load_lexicon, words_of
from newstrace.analyse.quotes import find_quotes
from newstrace.analyse.sentences import split_sentences
from newstrace.records import Article, Certainty, Claim, SourceKind, Span

CLASSES: tuple[Certainty, ...] = ("asserted", "attributed", "hedged", "speculative", "denied")
_NOT_A_CLAIM = re.compile(
    r"^\s*(?:(?:featured\s+)?(?:image|photo|picture|video)?\s*credits?|source|sources|topics?|tags?|"
    r"read more|related|see also|more|watch|listen|share|follow|advertisement|click|subscribe)"
    r"\b[^.!?]{0,80}(?::|$)",
    re.IGNORECASE,
)
_BYLINE_OR_STAMP = re.compile(
    r"^\s*(?:[Bb][Yy]\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|,))*\s*$"
    r"|(?i:posted|updated|published|last updated|copyright|©)\b"
    r"|(?:\w+\s+){0,2}\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\s*$"
    r"|(?:https?://|www\.)\S+\s*$)"
)
_WORD = re.compile(r"\w+")
_CLAUSE_OPENERS = [["that"], ["he"], ["she"], ["they"], ["we"], ["i"], ["there"], ["it"]]
_QUOTE_MARKS = frozenset("\"“”‘’'«»`")
_DOUBLE_QUOTE = re.compile(r"``|''|[\"“”«»]")
_STAMP_WORDS = words_of(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december mon tue wed thu fri sat sun monday "
    "tuesday wednesday thursday friday saturday sunday am pm a.m p.m et est edt pst pdt gmt "
    "bst cet utc pt "
)


@dataclass(frozen=True, slots=True)
class CertaintyProfile:
    """How an article's claims split over the certainty classes and over kinds of source."""

    total: int
    counts: dict[str, int] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)
    share_attributed_anonymous: float = 0.0  # claims resting on unnamed sources or reports
    share_second_hand: float = 0.0  # on unnamed sources, reports or another outlet


def is_claim(sentence: str, language: str = "en") -> bool:
    """False for lines that state nothing: credits, link prompts, topic lists, very short lines
    (in a language written without spaces, fewer than 8 letters)."""
    if _NOT_A_CLAIM.match(sentence) or _BYLINE_OR_STAMP.match(sentence) or _is_stamp(sentence):
        return False
    if load_lexicon(language).unspaced:
        return len("".join(_WORD.findall(sentence))) >= _MIN_UNSPACED_LETTERS
    return len(_WORD.findall(sentence)) >= 4 and not _asks_the_reader(sentence)


def _asks_the_reader(sentence: str) -> bool:
    """A short question put to the reader ("What do you think?", "Have you been affected?"),
    outside quotation marks: it states nothing (CERTAINTY guide: "none")."""
    body = sentence.strip()
    words = [w.lower() for w in _WORD.findall(body)]
    return (
        body.endswith("?")
        and not _DOUBLE_QUOTE.search(body)
        and len(words) <= 15
        and bool({"you", "your"} & set(words))
    )


def _is_stamp(sentence: str) -> bool:
    """A date or time line ("Thu Sep 18, 2008 6:40pm EDT"): almost nothing but dates, times, numbers."""
    words = re.findall(r"[^\W\d_][\w.]*", sentence)
    rest = [
        w for w in words if w.lower().rstrip(".") not in _STAMP_WORDS and not re.fullmatch(r"\d*[ap]m", w)
    ]
    return bool(re.search(r"\d", sentence)) and len(rest) <= 1 and len(words) < 10


def _main_attribution(
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
        return next((a for a in own if reports(a)), own[0])
    covering = [
        a
        for a in outside
        if a.content is not None
        and a.sentence_index != index
        and a.content.start <= sentence.start
        and sentence.end <= a.content.end + 1
    ]
    return covering[0] if covering else None


def _inside_quote(sentence: Span, quotes: list[Span]) -> bool:
    return any(
        q.start <= sentence.start + 1 and sentence.end <= q.end + 1 and q.text[:1] in '"“„«' for q in quotes
    )


def _reports_content(
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
    if attribution.lemma in lexicon.core_reporting or attribution.lemma in {":", "according to"}:
        return True
    if _lemma(attribution, lexicon) in lexicon.commissive_lemmas and _next_word(text, attribution) == "to":
        return True  # "pledged to push for an amendment": the promise is the source's
    if attribution.source_kind == "footage" or attribution.passive:
        return True  # footage that shows; a passive report ("is reported to") is judged in _claim
    after = text[attribution.cue.end : attribution.cue.end + 30].lstrip()
    words = [w for w in _WORD.findall(after.lower())[:3] if w not in WHEN_WORDS]  # "announced Wednesday that"
    if after[:1] in _QUOTE_MARKS or after[:1] == ":" or words[:1] in _CLAUSE_OPENERS:
        return True
    if any(
        attribution.cue.end <= q.start < min(sentence.end, attribution.cue.end + _QUOTE_REACH)
        and q.end - q.start > 4
        for q in quotes
    ):
        return True  # "called the plan “a disaster”"; a quote further on belongs to another clause
    before = text[max(0, attribution.cue.start - 3) : attribution.cue.start].rstrip()
    content = attribution.content
    if before[-1:] in {",", *_QUOTE_MARKS}:
        return True
    if content is None or content.end > attribution.cue.start:
        return False
    # content before the cue is set off from it ("…, police said"; "…" he wrote), not run into a
    # noun phrase ("roller derby games, fashion shows.")
    between = text[content.end : (attribution.source or attribution.cue).start]
    return (
        len(_WORD.findall(content.text)) >= _MIN_CONTENT_WORDS
        and bool(between.strip())
        and any(mark in between for mark in (",", "—", "–", *_QUOTE_MARKS))
    )


_MIN_UNSPACED_LETTERS = 8  # a claim in Japanese: a short clause is already ~8 characters
_MIN_CONTENT_WORDS = 3  # content before its cue is a clause ("…, police said"), not "Still, X opposed"
_QUOTE_REACH = 60  # characters after a cue within which a quotation is its content
_FREE_RELATIVE = re.compile(r"\bwhat\s+(?:[\w’'-]+\s+){1,3}$", re.IGNORECASE)
_PREMODIFIERS = frozenset({"the", "a", "an", "any", "some", "no", "all", "its", "their", "his", "her", "our"})


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
    auxiliary = bool(lexicon.determiners) and previous and previous[0].lower() in lexicon.auxiliaries
    if previous and previous[0].lower() in _PREMODIFIERS and not auxiliary:
        return True
    if attribution.source is not None and attribution.source.start > sentence_start:
        opener = _WORD.findall(text[sentence_start : attribution.source.start])[-1:]
        if opener and opener[0].lower() in lexicon.adverbial_subordinators:
            return True  # "He returned to it after an editor noted that …": an adverbial clause
    return (
        _next_word(text, attribution) == "to"
        and _lemma(attribution, lexicon) in lexicon.intent_lemmas
        and not attribution.passive
    )


def _lemma(attribution: Attribution, lexicon: Lexicon) -> str:
    """The cue verb's lemma by the lexicon (a learned cue's own lemma may be a stem)."""
    return lexicon.verb_forms.get(attribution.cue.text.lower(), attribution.lemma)


def _next_word(text: str, attribution: Attribution) -> str:
    following = _WORD.findall(text[attribution.cue.end : attribution.cue.end + 12])[:1]
    return following[0].lower() if following else ""


def _continues_quote(text: str, sentence: Span) -> bool:
    """A sentence of direct speech whose cue is elsewhere: it opens with a quotation mark, closes
    one it did not open, or follows a paragraph (or part of its own) that left a quote open."""
    body = sentence.text.strip()
    if _last_quote_opens(body[:2]) is True:
        return True
    first = _DOUBLE_QUOTE.search(body)
    if first and _DOUBLE_QUOTE.search(body[-4:]) and _last_quote_opens(body[: first.end()]) is False:
        return True  # 'Very, very subdued".': its first mark closes a quote opened before
    before = text[max(0, sentence.start - 2000) : sentence.start].rstrip()
    paragraph = before.rsplit("\n", 1)[-1]
    return _last_quote_opens(paragraph) is True


def _last_quote_opens(text: str) -> bool | None:
    """Whether the last double quotation mark of ``text`` opens a quote (None: there is none)."""
    matches = list(_DOUBLE_QUOTE.finditer(text))
    if not matches:
        return None
    last = matches[-1]
    mark = last.group()
    if mark in {"“", "``", "«"}:
        return True
    if mark in {"”", "''", "»"}:
        return False
    if last.end() == len(text) or text[last.end()].isspace():
        return False  # 'easy. "' (tokenised text puts a space before a closing mark)
    return last.start() == 0 or text[last.start() - 1].isspace() or text[last.start() - 1] in "(["


def _claims_of(text: str, language: str, in_headline: bool) -> list[Claim]:
    sentences = split_sentences(text, language)
    found = find_attributions(text, language, sentences)
    quotes = find_quotes(text)
    lexicon = load_lexicon(language)
    claims: list[Claim] = []
    previous: tuple[Attribution | None, bool] = (None, False)  # last speaker, and was it a quote
    for index, sentence in enumerate(sentences):
        if not is_claim(sentence.text, language):
            previous = (None, False)
            continue

        def reports(a: Attribution, sentence: Span = sentence) -> bool:
            return _reports_content(a, text, lexicon, sentence, quotes)

        attribution = _main_attribution(index, sentence, found, quotes, reports)
        if attribution is not None and not reports(attribution):
            attribution = None
        quoted = _inside_quote(sentence, quotes)
        if attribution is None and quoted and previous[1]:
            attribution = previous[0]  # a quote continued from the paragraph before
        if attribution is None and lexicon.core_reporting and _continues_quote(text, sentence):
            claims.append(_quoted_claim(sentence, previous[0], quotes, language, in_headline))
            previous = (previous[0], True)
            continue
        claims.append(_claim(sentence, attribution, quotes, language, in_headline))
        speaks_in_quote = attribution is not None and (
            quoted
            or any(q.start < sentence.end and sentence.start < q.end and q.text[:1] in '"“„«' for q in quotes)
        )
        previous = (attribution, speaks_in_quote)
    return claims


def _claim(
    sentence: Span, attribution: Attribution | None, quotes: list[Span], language: str, in_headline: bool
) -> Claim:
    lexicon = load_lexicon(language)
    if attribution is not None and _first_person(attribution, sentence, quotes, lexicon):
        attribution = None  # the writer's own "we recommend": the outlet's voice
    kind: SourceKind = attribution.source_kind if attribution else "none"
    if attribution is not None and _indefinite_individual(attribution, lexicon):
        kind = "anonymous"  # "a senior official said", "one man told reporters"
    elif kind == "anonymous" and attribution is not None and _poll_share(attribution):
        kind = "footage"  # "Some 22 percent said …": a poll's respondents, a described document
    cue = attribution.cue.text if attribution else None
    sourceless = attribution is not None and attribution.passive and attribution.source is None
    # a passive report hedges only with a hedging phrase: "it was reported that" but not "no injuries
    # were reported"
    decision = classify_certainty(
        sentence.text, "none" if sourceless else kind, cue, language, _content_in(sentence, attribution)
    )
    if sourceless and decision.certainty != "hedged":
        kind, cue = "none", None
    if kind == "anonymous" and attribution is not None and attribution.source_kind in IDENTIFIABLE:
        decision.alternatives.append("attributed")
    source = None
    if attribution is not None:
        source = attribution.source_name or (attribution.source.text if attribution.source else None)
    return Claim(
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        certainty=decision.certainty,
        cues=decision.cues,
        source=source,
        source_kind=kind,
        reporting_cue=cue,
        quotes=[q for q in quotes if q.start < sentence.end and sentence.start < q.end],
        alternatives=decision.alternatives,
        in_headline=in_headline,
    )


_HEAD_ENDS = frozenset({"of", "from", "at", "for", "with", "in", "on", "who", "that", "close", "familiar"})


def _source_words(attribution: Attribution) -> list[str]:
    return [w.lower() for w in _WORD.findall(attribution.source.text)] if attribution.source else []


def _indefinite_individual(attribution: Attribution, lexicon: Lexicon) -> bool:
    """A source named only as one unidentified individual ("a senior fire department official",
    "one district leader", "another user"): second-hand by the certainty guide, unless it is a
    body's official voice ("a spokesman for the ministry")."""
    words = _source_words(attribution)
    words = words[: next((k for k, w in enumerate(words) if w in _HEAD_ENDS), len(words))]
    return (
        attribution.source_kind in {"person", "organisation"}
        and len(words) >= 2
        and words[0] in lexicon.indefinite_determiners
        and words[-1] in lexicon.person_roles | lexicon.anonymous_heads | lexicon.individual_heads
        and not any(w in lexicon.official_voices for w in words)
    )


def _poll_share(attribution: Attribution) -> bool:
    """A source that is a share of respondents ("Some 22 percent", "61% of voters")."""
    words = _source_words(attribution)
    return any(w in {"percent", "per", "cent"} for w in words) or "%" in (
        attribution.source.text if attribution.source else ""
    )


def _first_person(attribution: Attribution, sentence: Span, quotes: list[Span], lexicon: Lexicon) -> bool:
    """The writer speaking ("We strongly recommend that …", "I think …") outside any quotation."""
    words = _source_words(attribution)
    quoted = any(q.start < sentence.end and sentence.start < q.end and q.end - q.start > 3 for q in quotes)
    return len(words) == 1 and words[0] in lexicon.first_person and not quoted


def _quoted_claim(
    sentence: Span, speaker: Attribution | None, quotes: list[Span], language: str, in_headline: bool
) -> Claim:
    """Direct speech whose speaker is named elsewhere (or nowhere nearby): attributed to the last
    speaker when there is one; its hedges and modals are the speaker's (alternatives)."""
    if speaker is not None and (speaker.passive or speaker.source_kind == "none"):
        speaker = None  # "Sanders was asked …": the quote is not the asker's
    kind: SourceKind = speaker.source_kind if speaker is not None else "person"
    decision = classify_certainty(sentence.text, kind, None, language, sentence.text)
    source = speaker.source_name or (speaker.source.text if speaker.source else None) if speaker else None
    return Claim(
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        certainty=decision.certainty,
        cues=decision.cues or ['"'],
        source=source,
        source_kind=kind if source else "none",
        reporting_cue=None,
        quotes=[q for q in quotes if q.start < sentence.end and sentence.start < q.end],
        alternatives=decision.alternatives,
        in_headline=in_headline,
    )


def _content_in(sentence: Span, attribution: Attribution | None) -> str | None:
    """The part of the sentence that the source said (all of it for a continued quote)."""
    if attribution is None or attribution.content is None:
        return None
    content = attribution.content
    start, end = max(content.start, sentence.start), min(content.end, sentence.end)
    if start >= end:
        return sentence.text if attribution.sentence_index >= 0 else None
    return sentence.text[start - sentence.start : end - sentence.start]


def analyse_claims(article: Article) -> list[Claim]:
    """The claims of the headline and the body, in reading order."""
    language = article.language or "en"
    claims = _claims_of(article.title, language, True) if article.title.strip() else []
    return claims + _claims_of(article.text, language, False)


def certainty_profile(claims: list[Claim]) -> CertaintyProfile:
    """Counts and shares per certainty class; shares resting on anonymous or second-hand sources."""
    total = len(claims)
    counts: dict[str, int] = {name: sum(1 for c in claims if c.certainty == name) for name in CLASSES}
    shares: dict[str, float] = {name: (count / total if total else 0.0) for name, count in counts.items()}
    anonymous = sum(1 for c in claims if c.source_kind == "anonymous")
    second_hand = sum(1 for c in claims if c.source_kind in SECOND_HAND)
    return CertaintyProfile(
        total=total,
        counts=counts,
        shares=shares,
        share_attributed_anonymous=anonymous / total if total else 0.0,
        share_second_hand=second_hand / total if total else 0.0,
    )


def claim_in_context(sentence: str, context: str = "", language: str = "en") -> Claim | None:
    """The claim of one sentence read after its context (the sentences before it), or None when the
    sentence states nothing. ``context`` may already end with the sentence."""
    sentence = sentence.strip()
    if context and sentence in context:
        text = context[: context.rindex(sentence) + len(sentence)]
    else:
        text = f"{context.rstrip()}\n\n{sentence}" if context.strip() else sentence
    start = len(text) - len(sentence)
    for claim in _claims_of(text, language, False):
        if claim.start <= start < claim.end or start <= claim.start < start + len(sentence):
            return claim
    return None
