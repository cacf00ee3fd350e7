"""What an article names as its source, read from its text, credits and claims: one ``Mention`` each.

A mention comes from three places: the article's ``cited_sources`` (its "Source: …" / "Via …" lines,
found at extraction), its claims' sources (people, organisations, outlets, footage the claim rests
on; a body the article points at with "the", "the Pentagon said", "the military said", is one too),
and a light pass over its body for the reporting patterns claims may miss ("according to X",
"X reported", "X on Monday reported", "X wrote", "told X", "described to X" and "in an interview with
X" (the outlet a quotation was given to), "From X:", links and bare domains, wire datelines, also on
a line of their own, a closing credit line ("BBC", "— Reuters", "By: X"), and sources named as
examples ("reliable sources, such as Jane Roe and Ben Rook"). A journalist named with their outlet
("Clarion Sport's Jane Roe reported") cites both. An article under an agency's dateline is that
agency's copy (``citations.py`` counts it as the agency's). A time ("Wednesday", "Tuesday night")
is never a source, nor is a map's credit ("Map data ©…", a map service's name).
"""

from __future__ import annotations

import re

from newstrace.analyse.certainty import IDENTIFIABLE
from newstrace.records import Article, Claim
from newstrace.trace.credits import PLATFORMS, closing_credit, credit_mentions, credit_sources, map_credit
from newstrace.trace.names import (
    NAME,
    capital_of_sentence,
    clean_name,
    definite_body,
    described_in_title_case,
    kind_described,
    modifies_a_source,
    source_kind,
    split_role,
    titled,
    unnamed,
    with_known_tail,
    without_description,
)
from newstrace.trace.publications import has_news_word, host_label, is_outlet_name, is_publication
from newstrace.trace.sourcing import (
    ADDRESSEE_CUE,
    CONTACTED_CUE,
    IMAGE_CREDIT_CUE,
    PUBLISHED_CUE,
    SPOKE_CUE,
    Mention,
    sentence_around,
)

# A time between a reporter and the verb: "Twitter on Wednesday reported", "Reuters late Monday reported"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WHEN = (
    rf"(?:(?:on |late |early |late on |early on )?{_WEEKDAY}(?: night| morning| afternoon| evening)?"
    r"|yesterday|today|last week|this week|earlier)"
)
# Bodies one speaks to, not outlets one gives an interview to ("told the General Assembly")
_AUDIENCES = {
    "assembly", "parliament", "congress", "senate", "committee", "council", "court", "commission",
    "conference", "summit", "hearing", "tribunal", "inquiry",
}  # fmt: skip
_NOUN_REPORTS = r"(?:claim|claimed|say|said|suggest|suggested|indicate|indicated|of|from|in|on)\b"
# (cue, pattern, words one of which the paragraph must hold for the pattern to be tried: a pattern that
# opens with a name is slow to scan, the word it needs is quick to look for)
_PATTERNS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "according to",
        re.compile(
            r"\b(?i:according to|per|as reported by|as first reported by|first reported by) "
            r"(?:(?:the |a |an )?(?:new |recent |latest |earlier )?"  # "according to a report from X"
            r"(?:report|story|article|interview|post|statement|tweet|video)s? (?:from|by|in|on|with) )?"
            rf"(?:the |a |an )?(?P<name>{NAME})"
        ),
        (),
    ),
    # "Reuters reports that", not "Unconfirmed reports claim" (a noun and its verb)
    # … nor "Crews reported hearing bangs" (what they heard, no report of theirs)
    (
        "reported",
        re.compile(
            rf"(?P<name>{NAME})(?:,? {_WHEN},?)? (?:has |had )?(?:reported|reports)\b"
            rf"(?! {_NOUN_REPORTS}| \w+ing\b)"
        ),
        (" reported", " reports"),
    ),
    ("wrote", re.compile(rf"(?P<name>{NAME}) (?:has |had )?(?:wrote|writes)\b"), (" wrote", " writes")),
    ("told", re.compile(rf"\b(?i:told) (?:the |a )?(?P<name>{NAME})"), ()),
    # "described to Clarion Sport as", "speaking to The Clarion", "in an interview with Clarion Radio":
    # only a news organisation's name (``_text_mentions``), not "explained to Jane Roe"
    (
        ADDRESSEE_CUE,
        re.compile(
            r"\b(?:(?i:described|said|explained|confirmed|admitted|revealed|insisted|speaking|talking)"
            r" (?:exclusively )?to|(?i:in an interview|speaking|talking) with) "
            rf"(?:the )?(?P<name>{NAME})"
        ),
        (),
    ),
    # "…, reported Reuters." and a closing credit "— Reuters" / "- AFP" at the end of a paragraph
    ("reported", re.compile(rf",[\"”’']? (?:reported|reports|wrote) (?:the )?(?P<name>{NAME})\.?$"), ()),
    ("credit", re.compile(rf"[\"”’.]\s*[—–-]+\s*(?P<name>{NAME})\s*$"), ()),
    ("from", re.compile(rf"^\s*(?:From|Via|Source)\s*:?\s+(?P<name>{NAME})\s*:"), ()),
    # "According to a source for Page Six": the publication the unnamed source spoke to
    ("source for", re.compile(rf"\b(?i:sources?|insiders?) (?:for|to) (?:the )?(?P<name>{NAME})"), ()),
    # "The Clarion spoke to a police source who said …": the outlet that reported it
    (
        SPOKE_CUE,
        re.compile(rf"(?P<name>{NAME}) (?:has |had )?(?:spoke|talked) (?:to|with) (?:a|an|the|one|two)\b"),
        (" spoke ", " talked "),
    ),
    # "…, Jane Roe said in an email to The Clarion": the outlet a statement was sent to
    (
        ADDRESSEE_CUE,
        re.compile(
            rf"\b(?i:in an? (?:e-?mail|statement|letter|message|interview) to) (?:the )?(?P<name>{NAME})"
        ),
        (),
    ),
)
# cues of a name found only when it is a publication's: a source speaking to it, it speaking to one
_PUBLICATION_CUES = ("source for", ADDRESSEE_CUE, SPOKE_CUE)
# A study, paper or report "published (Monday) in (the journal) X": the publication it appeared in. With
# neither "published" nor "journal" ("a study in X") only a news organisation's name: X may be a place.
_PUBLISHED_RE = re.compile(
    r"\b(?i:study|studies|paper|research|report|findings|analysis|trial|article)"
    r",? (?:(?:was|were|is|are|has been|had been|being) )?"
    r"(?:(?P<published>published|appearing|appeared)"
    rf"(?:,? (?:online|in print|today|yesterday|last \w+|this \w+|earlier this \w+|on \w+(?: \d{{1,2}})?"
    rf"|{_WEEKDAY}))*,? )?"
    rf"in (?:the )?(?P<journal>(?i:(?:medical |scientific |peer-reviewed )?journal) )?(?P<name>{NAME})"
)
# A study's reference as papers and notes print it: "Roe J, Marsh A, et al. (2031, May 2). Harbour Med J.
# Title …", "Roe J et al. (2031) Harbour Medicine. …": the publication after the year, up to its stop (an
# abbreviation with stops, "J. Harbour Sci.", is not read: where it ends is not known)
_REFERENCE_RE = re.compile(
    r"\bet al\.?,?\s*\((?:19|20)\d\d\b[^)]{0,30}\)[.,:]?\s+"
    r"(?P<name>[A-Z][\w&-]+(?: (?:of |the |and |& )?[A-Z][\w&-]*){0,5})\.(?=\s|$)"
)
# The outlet that did the reporting, named in its own text: "when contacted by Clarion.co.uk", "The Clarion
# has approached her representatives for comment"
_CONTACTED_RE = re.compile(
    rf"\b(?:contacted|approached|asked) by (?:the )?(?P<name>{NAME})"
    rf"|(?P<subject>{NAME}) (?:has |have |had )?(?:contacted|approached|reached out to)\b[^.]{{0,80}}?"
    r"\bfor (?:comment|a comment|a response|a statement)"
)
# a web address; a bare domain may be capitalised ("Clarion.co.uk"), its top-level domain is not
_URL_RE = re.compile(r"https?://[^\s)\"'<>]+|\b(?:[A-Za-z0-9-]+\.)+[a-z]{2,10}\b(?:/[^\s)\"'<>]*)?")


def _text_mentions(article: Article) -> list[Mention]:
    """The sources the article's own text names: its standfirst (a dateline or a credit a page prints
    above its first paragraph is read as the standfirst) and its body's paragraphs."""
    mentions: list[Mention] = []
    for paragraph in ([article.standfirst] if article.standfirst else []) + article.body:
        for cue, pattern, needed in _PATTERNS:
            if needed and not any(word in paragraph for word in needed):
                continue
            for match in pattern.finditer(paragraph):
                found, end = with_known_tail(match.group("name"), paragraph, match.end("name"))
                name = clean_name(found)
                if end >= match.end() and modifies_a_source(found, paragraph, end):
                    continue  # "according to a US official": the official is unnamed, not "US"
                if cue in _PUBLICATION_CUES and not (
                    name and (_names_a_publication(name, match, paragraph) or has_news_word(name))
                ):
                    continue  # "a source for the company", "said to Jane Roe": no publication
                if name and _no_name(name, sentence_around(paragraph, match.start(), end)):
                    continue  # "Seismologists reported": a kind of source, capitalised by its sentence
                name = without_description(name) if name else name
                journalist = _journalist(found, cue)
                if journalist is not None:  # "Clarion Sport's Jane Roe reported": her and her outlet
                    evidence = sentence_around(paragraph, match.start(), end)
                    mentions += [Mention(n, kind, cue, evidence) for n, kind in journalist]
                    continue
                if name and not (cue == "told" and name.split()[-1].lower() in _AUDIENCES):
                    evidence = sentence_around(paragraph, match.start(), end)
                    title = titled(match, paragraph)
                    kind = "outlet" if cue != "according to" or title else "organisation"
                    mentions.append(Mention(f"The {name}" if title else name, kind, cue, evidence))
        signed = _contacted_mentions(paragraph)
        mentions += [mention for mention, _ in signed] + credit_mentions(paragraph) + _named_among(paragraph)
        mentions += _published_mentions(paragraph)
        for match in _URL_RE.finditer(paragraph):
            if any(start <= match.start() < stop for _, (start, stop) in signed):
                continue  # the outlet signing its own text, not a link it cites
            label = host_label(match.group(0))
            if label and label not in PLATFORMS | {"t"}:  # a post's link ("pic.twitter.com/…", "t.co")
                evidence = sentence_around(paragraph, match.start(), match.end())
                mentions.append(Mention(match.group(0), "outlet", "link", evidence))
    return mentions + closing_credit(article.body)


# "Clarion Sport's Jane Roe", "Harbour News' Jane Roe": a journalist named with the outlet they report for
_JOURNALIST_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?P<outlet>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s?\s+"
    r"(?P<person>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2})$"
)
_REPORTING_CUES = (
    "reported",
    "wrote",
)  # what a journalist does: who reports for an owner reports for an outlet


def _journalist(name: str, cue: str) -> list[tuple[str, str]] | None:
    """[(person, "person"), (outlet, "outlet")] for a journalist named with their outlet's possessive:
    one who reports ("Clarion Sport's Jane Roe reported"), or one whose owner is a publication's name
    ("told Harbour News' Jane Roe"), not "Harbour City's Jane Roe said" (a club's player)."""
    match = _JOURNALIST_RE.match(name.strip(" .,:;"))
    if match is None:
        return None
    person, outlet = match.group("person"), clean_name(match.group("outlet"))
    if outlet is None or is_publication(person):
        return None  # "the city's Harbour News": an outlet, not a person
    if cue not in _REPORTING_CUES and not is_publication(outlet):
        return None
    return [(person, "person"), (outlet, "outlet")]


# "sources such as Jane Roe and Ben Rook", "journalists including Clarion Sport's Ada Marsh": each named
_AMONG_RE = re.compile(
    r"\b(?i:sources|reporters|journalists|correspondents|insiders|outlets|reports|pundits|publications)"
    rf",?\s+(?i:such as|like|including)\s+(?P<names>{NAME}(?:\s*,\s*{NAME})*(?:,?\s+(?:and|or)\s+{NAME})?)"
)
_PERSON_RE = re.compile(r"^[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2}$")


def _named_among(paragraph: str) -> list[Mention]:
    """The sources a sentence names as examples of its sources ("reliable sources, such as Jane Roe and
    Ben Rook"): people by a person's name, outlets otherwise."""
    mentions: list[Mention] = []
    for match in _AMONG_RE.finditer(paragraph):
        evidence = sentence_around(paragraph, match.start(), match.end())
        for part in re.split(r"\s*,\s*|\s+(?:and|or)\s+", match.group("names")):
            journalist = _journalist(part, "reported")
            if journalist is not None:
                mentions += [Mention(n, kind, "named among sources", evidence) for n, kind in journalist]
                continue
            name = clean_name(part)
            if name:
                kind = "person" if _PERSON_RE.match(name) and not is_publication(name) else "outlet"
                mentions.append(Mention(name, kind, "named among sources", evidence))
    return mentions


def _names_a_publication(name: str, match: re.Match[str], paragraph: str) -> bool:
    """A web address, a news organisation's name or a title ("The Clarion")."""
    return bool(host_label(name)) or is_outlet_name(name.split()) or titled(match, paragraph)


def _contacted_mentions(paragraph: str) -> list[tuple[Mention, tuple[int, int]]]:
    """The outlets that sign the paragraph as their own reporting ("when contacted by Clarion.co.uk"),
    with the span of the name: only a name that is an outlet's (a web address, a news organisation's
    name, a title), not "contacted by police"."""
    found = []
    for match in _CONTACTED_RE.finditer(paragraph):
        group = "name" if match.group("name") else "subject"
        raw = match.group(group)
        name = raw.strip(" .,:;")
        if host_label(name) is None and not is_outlet_name(name.split()):
            continue
        evidence = sentence_around(paragraph, match.start(), match.end())
        found.append(
            (Mention(name, "outlet", CONTACTED_CUE, evidence), (match.start(group), match.end(group)))
        )
    return found


def _published_mentions(paragraph: str) -> list[Mention]:
    """The publications the paragraph's studies appeared in ("a study published Monday in the journal
    Harbour Medicine", a reference "Roe J, et al. (2031). Harbour Med J."): the story's source, a record
    each outlet can read for itself."""
    mentions = []
    for match in _REFERENCE_RE.finditer(paragraph):
        evidence = sentence_around(paragraph, match.start(), match.end())
        mentions.append(Mention(match.group("name"), "outlet", PUBLISHED_CUE, evidence))
    for match in _PUBLISHED_RE.finditer(paragraph):
        name = clean_name(match.group("name"))
        if name is None or (
            match.group("published") is None and match.group("journal") is None and not is_publication(name)
        ):
            continue  # "a study in Harbourtown": a place, not a journal
        evidence = sentence_around(paragraph, match.start(), match.end())
        mentions.append(Mention(name, "outlet", PUBLISHED_CUE, evidence))
    return mentions


def _no_name(name: str, sentence: str) -> bool:
    """The words name no source: a kind of source capitalised by its sentence ("Security forces said")
    or qualified by a place ("Regionian news agencies")."""
    return capital_of_sentence(name, sentence) or kind_described(name)


def _source_line_mentions(article: Article) -> list[Mention]:
    """The article's source lines; a line with a copyright sign ("Source: © Jane Roe/Harbour Images")
    credits a picture, no source of the report."""
    mentions = []
    for line in article.cited_sources:
        if "©" not in line:
            mentions.append(Mention(line, "outlet", "source line", line))
            continue
        credit = line.replace("©", " ").strip(" .,:")
        mentions += [Mention(name, kind, IMAGE_CREDIT_CUE, line) for name, kind in credit_sources(credit)]
    return mentions


def _with_roles(mentions: list[Mention]) -> list[Mention]:
    """Each person named after their role ("Head of Regionia Jan Roe") by their name, the role kept."""
    for mention in mentions:
        split = split_role(mention.surface)
        if split is not None:
            mention.role, mention.surface = split
    return mentions


def article_mentions(article: Article, claims: list[Claim]) -> list[Mention]:
    mentions = _source_line_mentions(article)
    for caption in article.captions:
        if map_credit(caption.credit or ""):
            continue  # a map's attribution: the map's maker is no source of the report
        for name, kind in credit_sources(caption.credit or ""):
            evidence = f"{caption.text} Credit: {caption.credit}"
            mentions.append(Mention(name, kind, IMAGE_CREDIT_CUE, evidence))
    for claim in claims:
        source = _claim_source_name(claim)
        if source:
            cue = claim.reporting_cue or "claim"
            kind = source_kind(source, claim.source_kind, claim.sentence)
            mentions.append(Mention(source, kind, cue, claim.sentence))
            outlet = _journalists_outlet(source, claim) if claim.source_kind == "person" else None
            if outlet:
                mentions.append(Mention(outlet, "outlet", cue, claim.sentence))
    return _with_roles(mentions + _text_mentions(article))


def _journalists_outlet(person: str, claim: Claim) -> str | None:
    """The outlet a claim's speaker reports for, when the sentence names them with its possessive
    ("Clarion Sport's Jane Roe reported …"; see ``_journalist``)."""
    owned = re.search(
        rf"(?:[A-Z][\w.&-]*\s+){{0,3}}[A-Z][\w.&-]*['’]s?\s+{re.escape(person)}\b", claim.sentence
    )
    if owned is None:
        return None
    cue = "reported" if re.match(r"report|wr[io]te", claim.reporting_cue or "") else claim.reporting_cue or ""
    found = _journalist(owned.group(0), cue)
    return found[1][0] if found else None


def _claim_source_name(claim: Claim) -> str | None:
    """The name a claim's source is cited under: a name ("Maria Alvarez", "AFRICOM"), or a body the
    article points at with "the" ("the Pentagon said", "The military said"): one organisation of the
    story, which a fact-checker asks about. Never an unnamed person or group ("the spokesman",
    "military officials", "Authorities")."""
    if not claim.source or claim.source_kind not in IDENTIFIABLE:
        return None
    cleaned = clean_name(claim.source)
    if cleaned and (described_in_title_case(cleaned, claim.sentence) or _no_name(cleaned, claim.sentence)):
        return None
    if cleaned and not unnamed(cleaned):
        return without_description(cleaned)
    return definite_body(claim.source) if claim.source_kind in ("organisation", "footage") else None
