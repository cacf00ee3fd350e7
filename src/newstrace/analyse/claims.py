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
or before "to" with a verb of intent ("declined to comment") does not attribute the sentence; nor
does one in a relative or interrogative clause ("an ad in which he declares", "why he admitted"),
nor an -ing participle naming an act ("writing versions of the words"). When a later cue reports
content that holds an earlier one ("A witness told police that …, the prosecutor said"), the later
one frames the sentence; ", NAME reports." or ", say sources." closing a sentence attributes it to
that source. A vague collective voicing a view ("critics say") is attributed, with hedged as the
alternative, and so is a quote continued from one.
``certainty_profile`` sums the claims up per class.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from newstrace.analyse.attribution import Attribution, find_attributions, unspaced_attribution
from newstrace.analyse.certainty import (
    IDENTIFIABLE,
    SECOND_HAND,
    CertaintyDecision,
    classify_certainty,
    quoted_ranges,
)
from newstrace.analyse.lexicon import MONTH_WORDS, Lexicon, load_lexicon, words_of
from newstrace.analyse.places import place_key
from newstrace.analyse.posts import EmbeddedPost, embedded_posts
from newstrace.analyse.quotes import find_quotes
from newstrace.analyse.reporting import (
    MIN_CONTENT_WORDS,
    PREMODIFIERS,
    main_attribution,
    reports_content,
    trailing_report,
)
from newstrace.analyse.sentences import split_sentences
from newstrace.records import Article, Certainty, Claim, SourceKind, Span

CLASSES: tuple[Certainty, ...] = ("asserted", "attributed", "hedged", "speculative", "denied")
_NOT_A_CLAIM = re.compile(
    r"^\s*(?:(?:featured\s+)?(?:image|photo|picture|video)?\s*credits?|source|sources|topics?|tags?|"
    r"read more|related|see also|more|watch|listen|share|follow|advertisement|click|subscribe|"
    r"comment policy|editor['’]s note|disclaimer|privacy policy|terms of use)"
    r"\b[^.!?]{0,80}(?::|$)",
    re.IGNORECASE,
)
_COMPANY_LINE = re.compile(
    r"^[^a-z]*(?:[A-Z][\w&'’.-]*[\s,–—-]+)+(?:Inc|Ltd|LLC|Corp|Co|plc|GmbH|AG|SA)\.?\s*$"
)
_BYLINE_OR_STAMP = re.compile(
    r"^\s*(?:[Bb][Yy]\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|,))*\s*$"
    r"|(?i:posted|updated|published|last updated|copyright|©)\b"
    r"|(?:\w+\s+){0,2}\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\s*$"
    r"|(?:https?://|www\.)\S+\s*$)"
)
_WORD = re.compile(r"\w+")
_DOUBLE_QUOTE = re.compile(r"``|''|[\"“”„«»]")
_STAMP_WORDS = MONTH_WORDS | words_of(
    "mon tue wed thu fri sat sun monday "
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


def is_claim(sentence: str, language: str = "en", headline: bool = False) -> bool:
    """False for lines that state nothing: credits, link prompts, topic lists, very short lines
    (in a language written without spaces, fewer than 8 letters), and in a body a question or
    warning to the reader (a headline's "Could this sweetener raise your risk?" is its claim)."""
    if _NOT_A_CLAIM.match(sentence) or _BYLINE_OR_STAMP.match(sentence) or _is_stamp(sentence):
        return False
    if _COMPANY_LINE.match(sentence):
        return False  # "UPI - United Press International, Inc.": a name, no statement
    if load_lexicon(language).unspaced:
        return len("".join(_WORD.findall(sentence))) >= _MIN_UNSPACED_LETTERS
    return len(_WORD.findall(sentence)) >= 4 and (headline or not _addresses_the_reader(sentence))


def _addresses_the_reader(sentence: str) -> bool:
    """A short question put to the reader ("What do you think?", "Have you been affected?") or a
    warning to them ("Don't be fooled."), outside quotation marks: it states nothing (CERTAINTY
    guide: "none")."""
    body = sentence.strip()
    words = [w.lower() for w in _WORD.findall(body)]
    if _DOUBLE_QUOTE.search(body) or len(words) > 15:
        return False
    asks = body.endswith("?") and bool({"you", "your"} & set(words))
    return asks or bool(_DO_NOT.match(body))


_DO_NOT = re.compile(r"do\s*(?:not|n['’]t)\s", re.IGNORECASE)  # a negative imperative opening a sentence


def _is_stamp(sentence: str) -> bool:
    """A date or time line ("Thu Sep 18, 2008 6:40pm EDT"): almost nothing but dates, times, numbers."""
    words = re.findall(r"[^\W\d_][\w.]*", sentence)
    rest = [
        w for w in words if w.lower().rstrip(".") not in _STAMP_WORDS and not re.fullmatch(r"\d*[ap]m", w)
    ]
    return bool(re.search(r"\d", sentence)) and len(rest) <= 1 and len(words) < 10


_QUOTE_OPENERS = "\"“„«‘'"


def _cue_in_opening_single_quote(attribution: Attribution, sentence: Span, quotes: list[Span]) -> bool:
    """The cue sits inside a single quotation that opens the sentence (British direct speech)."""
    cue = attribution.cue.start
    opening = (q for q in quotes if q.text[:1] in "‘'" and q.start <= sentence.start + 1)
    return any(q.start < cue < q.end and q.end - q.start > _SPEECH_CHARS for q in opening)


_SPEECH_CHARS = 20  # a shorter single quotation is a scare quote or a title, not speech


def _inside_quote(sentence: Span, quotes: list[Span]) -> bool:
    return any(
        q.start <= sentence.start + 1 and sentence.end <= q.end + 1 and q.text[:1] in '"“„«' for q in quotes
    )


_MIN_UNSPACED_LETTERS = 8  # a claim in Japanese: a short clause is already ~8 characters


def _continues_quote(text: str, sentence: Span) -> bool:
    """A sentence of direct speech whose cue is elsewhere: it opens with a quotation mark, closes
    one it did not open, or follows a paragraph (or part of its own) that left a quote open."""
    body = sentence.text.strip()
    if _opens_with_title(body):
        return False  # "`` Twilight'' director Catherine Hardwicke was …": a quoted title
    single = _SINGLE_OPENS_SPEECH.match(body) and not _SINGLE_TITLE.match(body)  # not "'The Fix' will"
    if _last_quote_opens(body[:2]) is True or single:
        return True  # '“It was…', '‘That places it on par …’' (British single quotes)
    first = _DOUBLE_QUOTE.search(body)
    if first and _DOUBLE_QUOTE.search(body[-4:]) and _last_quote_opens(body[: first.end() + 1]) is False:
        return True  # 'Very, very subdued".': its first mark (read with the next character) closes one
    before = text[max(0, sentence.start - 2000) : sentence.start]
    new_paragraph = before.rstrip(" \t").endswith("\n")
    paragraph = before.rstrip().rsplit("\n", 1)[-1]
    opens = _last_quote_opens(paragraph)
    if opens is None and _single_quote_open(paragraph):
        # British single quotes ("A source said: ‘… for good. He has a place in London."): a quote goes
        # on in its paragraph, and into the next one when that opens with a quotation mark again
        return not new_paragraph or body.startswith(("‘", "'"))
    return opens is True


def _single_quote_open(text: str) -> bool:
    """Whether ``text`` leaves a curly single quotation open: its last ‘ after a space or at the start
    comes after its last ’ that closes (after a word, before a space, punctuation or the end)."""
    opening = [m.start() for m in _SINGLE_OPENS.finditer(text)]
    closing = [m.start() for m in _SINGLE_CLOSES.finditer(text)]
    return bool(opening) and (not closing or opening[-1] > closing[-1])


_SINGLE_OPENS = re.compile(r"(?:^|(?<=[\s(\[]))[‘'](?=\S)")
_SINGLE_OPENS_SPEECH = re.compile(r"‘\w|'[A-Z]")  # not "'90s" or "'tis"
_SINGLE_TITLE = re.compile(r"[‘'](?:[\w-]+\s+){0,3}[\w-]+[’'](?=\s+\w)")  # a short quoted name, then words
_SINGLE_CLOSES = re.compile(r"(?<=\S)[’'](?=$|[\s,.;:!?)])")


def _opens_with_title(body: str) -> bool:
    """A sentence opening with a short closed quotation (a title or a name, at most
    ``_TITLE_WORDS`` words) followed by words of the sentence outside quotes."""
    ranges = quoted_ranges(body)
    if not ranges or ranges[0][0] != 0 or ranges[0][1] >= len(body):
        return False
    first = body[: ranges[0][1]]
    closed = first.rstrip().endswith(("''", "”", '"', "»"))
    rest = body[ranges[0][1] :]
    return (
        closed
        and len(_WORD.findall(first)) <= _TITLE_WORDS
        and not first.rstrip("'”\"» ").endswith((",", ".", "!", "?"))
        and len(_WORD.findall(rest)) >= MIN_CONTENT_WORDS
    )


_TITLE_WORDS = 4  # "`` The Golden Compass''": a title; a longer opening quote is direct speech


def _last_quote_opens(text: str) -> bool | None:
    """Whether the last double quotation mark of ``text`` opens a quote (None: there is none)."""
    matches = list(_DOUBLE_QUOTE.finditer(text))
    if not matches:
        return None
    last = matches[-1]
    mark = last.group()
    if mark == "“" and len(matches) > 1 and matches[-2].group() == "„":
        return False  # German „…“: the high mark closes
    if mark in {"“", "„", "``", "«"}:
        return True
    if mark == "''":  # both marks in PolNeAR's text: one right before a word opens ("''We're")
        return text[last.end() : last.end() + 1].isalnum()
    if mark in {"”", "»"}:
        return False
    if last.end() == len(text) or text[last.end()].isspace() or text[last.end()] in ",.;:!?)":
        return False  # 'easy. "' (tokenised text puts a space before a closing mark), 'rumori ", ha'
    return last.start() == 0 or text[last.start() - 1].isspace() or text[last.start() - 1] in "(["


def _claims_of(
    text: str, language: str, in_headline: bool, unit: tuple[int, int] | None = None
) -> list[Claim]:
    """The claims of ``text``; with ``unit``, the sentences overlapping that range are read as one
    (a caller's sentence that the splitter cut, e.g. at "$2. 6 million" in tokenised text)."""
    sentences = _merged(split_sentences(text, language), text, unit)
    found = find_attributions(text, language, sentences)
    quotes = find_quotes(text)
    lexicon = load_lexicon(language)
    claims: list[Claim] = []
    previous: tuple[Attribution | None, bool] = (None, False)  # last speaker, and was it a quote
    introduced: tuple[Attribution, int] | None = None  # "Smith said on Twitter:" and the paragraph after
    breaks = [m.start() for m in re.finditer("\n\n", text)]
    posts = embedded_posts(text)
    for index, sentence in enumerate(sentences):
        paragraph = bisect_left(breaks, sentence.start)
        post = _post_of(sentence, posts)
        if not is_claim(sentence.text, language, in_headline) or _signs_a_post(sentence, posts):
            if sentence.text.lstrip()[:1] not in _QUOTE_OPENERS:  # "‘It is alarming.": the speaker goes on
                previous = (None, False)
            continue
        if post is not None:  # an embedded post's text rests on its account
            claims.append(_claim(sentence, _post_attribution(post, index), quotes, language, in_headline))
            continue

        def reports(a: Attribution, sentence: Span = sentence) -> bool:
            return reports_content(a, text, lexicon, sentence, quotes)

        attribution = main_attribution(index, sentence, found, quotes, reports)
        if attribution is not None and not (reports(attribution) or _withholds(attribution, text)):
            attribution = None
        if attribution is not None and _cue_in_opening_single_quote(attribution, sentence, quotes):
            attribution = None  # "‘This study finds that …’": words of the one speaking, not a report
        if attribution is not None and attribution.source is None:  # "X refused to say whether": X's
            refusals = (a for a in found if a.sentence_index == index and a.source and _withholds(a, text))
            attribution = next(refusals, attribution)
        attribution = _unnamed_behind(attribution, index, found, lexicon) or attribution
        closing = trailing_report(index, sentence, lexicon, in_headline)
        if attribution is None or (attribution.source is None and not attribution.passive):
            attribution = closing or attribution
        elif in_headline and closing is not None and closing.lemma == ":":
            attribution = closing  # "Video shows group's depravity: Pentagon": the label frames it all
        if attribution is None and lexicon.unspaced:
            attribution = unspaced_attribution(sentence, index, lexicon)  # "警察によると", "首相は…と述べた"
        if attribution is None and introduced is not None and introduced[1] == paragraph:
            attribution = introduced[0]  # the paragraph a speaker's colon introduced (a pasted post)
        quoted = _inside_quote(sentence, quotes)
        if attribution is None and quoted and previous[1]:
            attribution = previous[0]  # a quote continued from the paragraph before
        if attribution is None and lexicon.core_reporting and _continues_quote(text, sentence):
            claims.append(_quoted_claim(sentence, previous[0], quotes, language, in_headline))
            previous = (previous[0], True)
            continue
        claims.append(_claim(sentence, attribution, quotes, language, in_headline))
        colon = sentence.text.rstrip().endswith(":")
        if colon and attribution is not None and attribution.source is not None:
            introduced = (attribution, paragraph + 1)
        speaks_in_quote = attribution is not None and (
            quoted
            or any(q.start < sentence.end and sentence.start < q.end and q.text[:1] in '"“„«' for q in quotes)
        )
        previous = (attribution, speaks_in_quote)
    return claims


def _withholds(attribution: Attribution, text: str) -> bool:
    """A refusal to confirm content ("declined to confirm that …", "refused to say whether …"): the
    refuser is who the sentence rests on, though the refusal reports nothing ("declined to comment")."""
    return attribution.lemma in _REFUSALS and _REFUSED_REPORT.match(text, attribution.cue.end) is not None


_REFUSALS = frozenset(["decline", "refuse"])
_REFUSED_REPORT = re.compile(r"\s+to\s+\w+\s+(?:that|whether|if)\b", re.IGNORECASE)


def _post_of(sentence: Span, posts: list[EmbeddedPost]) -> EmbeddedPost | None:
    """The embedded post whose text holds the sentence."""
    for post in posts:
        c = post.content
        if c is not None and c.start <= sentence.start < c.end:
            return post
    return None


def _signs_a_post(sentence: Span, posts: list[EmbeddedPost]) -> bool:
    """The sentence is a post's signature line ("— Some Account (@handle) June 22, 2023")."""
    return any(p.signature.start <= sentence.start + 2 and sentence.end <= p.signature.end + 1 for p in posts)


def _post_attribution(post: EmbeddedPost, index: int) -> Attribution:
    dash = Span(post.signature.start, post.signature.start + 1, post.signature.text[:1])
    return Attribution(
        cue=dash, source=post.author, content=post.content, source_kind="footage",
        source_name=post.author.text, sentence_index=index, lemma="post",
    )  # fmt: skip


def _merged(sentences: list[Span], text: str, unit: tuple[int, int] | None) -> list[Span]:
    """``sentences`` with those overlapping ``unit`` joined into one span."""
    if unit is None:
        return sentences
    inside = [s for s in sentences if s.start < unit[1] and unit[0] < s.end]
    if len(inside) < 2:
        return sentences
    start, end = inside[0].start, inside[-1].end
    joined = Span(start=start, end=end, text=text[start:end])
    return [s for s in sentences if s.end <= start] + [joined] + [s for s in sentences if s.start >= end]


def _claim(
    sentence: Span, attribution: Attribution | None, quotes: list[Span], language: str, in_headline: bool
) -> Claim:
    lexicon = load_lexicon(language)
    if attribution is not None and _first_person(attribution, sentence, quotes, lexicon):
        attribution = None  # the writer's own "we recommend": the outlet's voice
    if attribution is not None and _expletive(attribution, lexicon):
        attribution = None  # "it appears (that) …": a hedge of the outlet's, no one who appears
    kind: SourceKind = attribution.source_kind if attribution else "none"
    if attribution is not None and _indefinite_individual(attribution, lexicon):
        kind = "anonymous"  # "a senior official said", "one man told reporters"
    elif kind == "anonymous" and attribution is not None and _poll_share(attribution):
        kind = "footage"  # "Some 22 percent said …": a poll's respondents, a described document
    elif kind == "anonymous" and attribution is not None and _named_reports(attribution, sentence):
        kind = "outlet"  # "according to initial reports by the New York Daily News"
    elif kind == "anonymous" and attribution is not None and _body_officials(attribution, lexicon):
        kind = "organisation"  # "American law enforcement officials said": a body's officials
    elif kind == "anonymous" and attribution is not None and _proper_name(attribution, sentence, lexicon):
        kind = "organisation"  # '"…," People quoted him as saying': a title, not "people"
    cue = attribution.cue.text if attribution else None
    sourceless = attribution is not None and attribution.passive and attribution.source is None
    stance = kind == "anonymous" and attribution is not None and _opinion_collective(attribution, language)
    # a passive report hedges only with a hedging phrase: "it was reported that" but not "no injuries
    # were reported"
    judged: SourceKind = "none" if sourceless else "person" if stance else kind
    # a passive without its agent ("fue anunciada ayer") names no speaker, even where subjects follow verbs
    heard = None if sourceless else cue
    decision = classify_certainty(sentence.text, judged, heard, language, _content_in(sentence, attribution))
    quoted = _quoted_predicate(sentence.text, attribution, sentence.start) if in_headline else None
    if quoted is not None and decision.certainty in {"asserted", "attributed"}:
        # "Star 'moves out of family home'": a headline quoting its claim keeps its distance from it
        decision = CertaintyDecision("hedged", [quoted], [decision.certainty])
    if stance and decision.certainty == "attributed":
        decision.alternatives.append("hedged")  # "critics say …": a stance, reported as theirs
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
_UNNAMED_ON_PURPOSE = frozenset({"familiar", "close", "anonymity", "anonymous", "unnamed"})


def _quoted_predicate(headline: str, attribution: Attribution | None, offset: int) -> str | None:
    """The quotation in a headline that states its claim (it opens with a lower-case word, as in
    "IS video 'shows deaths of soldiers'"), not a quoted title ("'Crown' star dies") nor the words of
    a speaker named outside it ("Mayor: ferry 'is safe'" rests on the mayor)."""
    match = _QUOTED_PREDICATE.search(headline)
    if match is None or len(_WORD.findall(match.group())) < _QUOTED_WORDS:
        return None
    cue = attribution.cue.start - offset if attribution is not None else None
    return match.group() if cue is None or match.start() <= cue < match.end() else None


_QUOTED_PREDICATE = re.compile(
    r"(?:(?<=\s)|^)(?:'[a-z][^']*'|‘[a-z][^’]*’|\"[a-z][^\"]*\"|“[a-z][^”]*”)(?=\s|$|[,.:;!?])"
)
_QUOTED_WORDS = 2


def _unnamed_behind(
    attribution: Attribution | None, index: int, found: list[Attribution], lexicon: Lexicon
) -> Attribution | None:
    """ "A CNN report said …, according to a US official": the claim rests on the unnamed official,
    whoever relays it (CERTAINTY guide: a second-hand, unidentifiable source hedges)."""
    if attribution is None or attribution.source_kind == "anonymous":
        return None
    for other in found:
        if other.sentence_index != index or other.lemma != "according to" or other is attribution:
            continue
        words = _source_words(other)
        unnamed = other.source_kind == "anonymous" or (words and _indefinite_individual(other, lexicon))
        if unnamed and set(words) & (lexicon.anonymous_heads | lexicon.person_roles):
            return other
    return None


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


_NAMED_AFTER = re.compile(
    r"\s+(?P<preposition>by|from|in|of)\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


def _named_reports(attribution: Attribution, sentence: Span) -> bool:
    """A source of reports that names whose they are right after it ("reports by the Daily News",
    "reports from Reuters"): an outlet, not an anonymous source; reports from a place ("reports in
    South Korea") stay unnamed."""
    source = attribution.source
    if source is None or _source_words(attribution)[-1:] not in (["report"], ["reports"]):
        return False
    named = _NAMED_AFTER.match(sentence.text, source.end - sentence.start)
    return named is not None and not (
        named["preposition"] in {"in", "from"} and place_key(named["name"]) is not None
    )


def _opinion_collective(attribution: Attribution, language: str) -> bool:
    """A vague collective voicing a view ("critics say", "some are suggesting", "forensic experts
    said"): attributed by the certainty guide (3.4), with hedged as the alternative; one unnamed
    individual ("a critic") stays second-hand."""
    words = _source_words(attribution)
    if _UNNAMED_ON_PURPOSE & set(words):
        return False  # "experts familiar with the matter": sources who will not be named
    words = words[: next((k for k, w in enumerate(words) if w in _HEAD_ENDS), len(words))]  # "… who"
    lexicon = load_lexicon(language)
    return (
        bool(words)
        and words[-1] in lexicon.opinion_collectives
        and words[0] not in lexicon.indefinite_determiners
    )


def _body_officials(attribution: Attribution, lexicon: Lexicon) -> bool:
    """Officials qualified by the body they serve ("American law enforcement officials", "Iranian
    officials", "Pentagon officials"): a body named, so identifiable (guide 3.4); bare "officials"
    or "senior officials" stay second-hand."""
    source = attribution.source
    words = _source_words(attribution)
    if source is None or len(words) < 2 or words[0] in PREMODIFIERS:
        return False
    if words[0] == "officials" and words[1] in {"in", "at", "of", "from"}:  # "officials in the White House"
        return any(w[:1].isupper() for w in source.text.split()[2:])
    if words[-1] != "officials":
        return False
    qualifiers = source.text.split()[:-1]
    return any(w[:1].isupper() or w.lower() in lexicon.organisation_words for w in qualifiers)


def _proper_name(attribution: Attribution, sentence: Span, lexicon: Lexicon) -> bool:
    """A one-word source written with a capital inside the sentence: a name ("People", the
    magazine), not an anonymous head; not where every noun has a capital ("laut Medienberichten")."""
    source = attribution.source
    if source is None or len(_source_words(attribution)) != 1 or not source.text[:1].isupper():
        return False
    if lexicon.capitalised_nouns:
        return False
    before = sentence.text[: source.start - sentence.start].rstrip()
    return bool(_WORD.search(before)) and before[-1:] not in {".", ":", "“", '"', "(", "`", "—"}


def _poll_share(attribution: Attribution) -> bool:
    """A source that is a share of respondents ("Some 22 percent", "61% of voters")."""
    words = _source_words(attribution)
    return any(w in {"percent", "per", "cent"} for w in words) or "%" in (
        attribution.source.text if attribution.source else ""
    )


def _expletive(attribution: Attribution, lexicon: Lexicon) -> bool:
    """An appearance verb after an empty "it" ("it appears", "it seems"): no source."""
    source = attribution.source.text.lower() if attribution.source else ""
    return source == "it" and attribution.lemma in lexicon.appearance_verbs


def _first_person(attribution: Attribution, sentence: Span, quotes: list[Span], lexicon: Lexicon) -> bool:
    """The writer speaking ("We strongly recommend that …", "I think …") outside any quotation."""
    source = attribution.source.text.lower() if attribution.source else ""
    quoted = any(q.start < sentence.end and sentence.start < q.end and q.end - q.start > 3 for q in quotes)
    return source in lexicon.first_person and not quoted  # "I", "we", "I'm (told)"


def _quoted_claim(
    sentence: Span, speaker: Attribution | None, quotes: list[Span], language: str, in_headline: bool
) -> Claim:
    """Direct speech whose speaker is named elsewhere (or nowhere nearby): attributed to the last
    speaker when there is one; its hedges and modals are the speaker's (alternatives)."""
    if speaker is not None and (speaker.passive or speaker.source_kind == "none"):
        speaker = None  # "Sanders was asked …": the quote is not the asker's
    kind: SourceKind = speaker.source_kind if speaker is not None else "person"
    if speaker is not None and _indefinite_individual(speaker, load_lexicon(language)):
        kind = "anonymous"  # the quote goes on from "said a senior officer"
    elif speaker is not None and kind == "anonymous" and _opinion_collective(speaker, language):
        kind = "person"  # the quote goes on from "said several observers": their view (3.4)
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
    """The claims of the headline, the standfirst and the body, in reading order (a standfirst's
    offsets are into the standfirst, the body's into ``article.text``)."""
    language = article.language or "en"
    claims = _claims_of(article.title, language, True) if article.title.strip() else []
    standfirst = (article.standfirst or "").strip()
    if standfirst and " ".join(standfirst.split()) not in " ".join(article.text.split()):
        claims += _claims_of(standfirst, language, False)  # "X is reportedly …" under the headline
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
    for claim in _claims_of(text, language, False, (start, len(text))):
        if claim.start <= start < claim.end or start <= claim.start < start + len(sentence):
            return claim
    return None
