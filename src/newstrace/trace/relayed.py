"""The primary sources a story relays: whose own words its articles quote, each counted once.

A quotation is a source's own words. Several articles that quote the same words relay one statement,
however many they are: four outlets printing one police press statement give one source, not four.
Statements are found by quoted text alone: two quotations (``quotations.py``) of different articles that
share a run of ``STATEMENT_WORDS`` words are one statement, and the quotations one article attributes
to one speaker join theirs. A statement's speaker is the source the articles' claims give for its
sentences, resolved to the story's cited-source nodes ("the police", "The service" and "Harbour Police
Service" are one); statements of one named speaker are one primary source.

An unnamed source ("a source told The Clarion on Sunday") speaks to one outlet: an article repeating
its words word for word took them from that outlet's report (``exclusive``), so its articles are one
source family. A named speaker's statement is public (a press release, a post): relaying it is no
derivation, and the articles stay in their own families while the statement counts once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newstrace.records import Claim
from newstrace.trace.citations import CitationGraph
from newstrace.trace.disjoint import DisjointSets
from newstrace.trace.names import source_kind
from newstrace.trace.quotations import QuoteSpan, quotation_spans
from newstrace.trace.reuse import shingle_hashes, tokenise

# Words in a row two quotations must share to be one statement, and the fewest words a quotation needs
# to count as a statement at all: shorter ones are scare quotes and catchphrases ("‘amicably’", "happy
# for him"), which many writers put in quotation marks on their own.
STATEMENT_WORDS = 6
_UNNAMED = {"none", "anonymous"}  # claim source kinds of a source with no name


@dataclass(slots=True)
class RelayedStatement:
    """One quoted statement: its wording as most of its articles print it, and those articles."""

    quotation: str
    article_keys: list[str]  # in the story's time order


@dataclass(slots=True)
class PrimarySource:
    """One source whose own words the story's articles quote, and the articles that quote them."""

    name: str  # the speaker as the story names it, or "an unnamed source"
    # person, organisation, footage, outlet; "unnamed" (an anonymous source), "unknown" (no speaker given)
    kind: str
    article_keys: list[str]  # in the story's time order
    statements: list[RelayedStatement]  # most relayed first
    exclusive: bool = False  # an unnamed source: who repeats its words took them from one report


@dataclass(slots=True)
class Quotation:
    """One quotation of one article: its text, the speaker its claims give, its runs of words."""

    article_key: str
    text: str
    speaker: str | None  # the claim source given for it, as the article writes it
    speaker_kind: str
    told: str | None = None  # whom the article says the speaker told ("a source told The Clarion")
    shingles: set[int] = field(default_factory=set)


# A speaker named by a word for a document ("the statement", "the police statement") is whoever issued
# it: the words before it, if any.
_TOLD_RE = re.compile(r"\btold (?:the )?(?P<name>[A-Z][\w.’'-]*(?: (?:on |of )?[A-Z][\w.’'-]*){0,4})")
_DOCUMENT_WORDS = {"statement", "statements", "release", "post", "letter", "memo", "notice", "report"}


@dataclass(frozen=True, slots=True)
class _Speaker:
    """Who an article's claims say speaks a quotation."""

    name: str | None
    kind: str
    told: str | None  # whom they told it to ("" when the sentence does not name them), if "told"
    named_here: bool = False  # the sentence names them outside the quotation ("…,” said Jan Roe)


def _speaker(claims: list[Claim], text: str, start: int, end: int) -> _Speaker:
    """The source the article's claims give for the quotation at ``text[start:end]``. Of the claims
    whose sentences overlap it, one whose sentence names its source outside the quotation ("…,” said
    Jan Roe") before one naming it inside ("“This study finds …") or carried over from earlier
    sentences (a quotation over two paragraphs names its speaker at its end)."""
    overlapping = []
    for claim in claims:
        if claim.in_headline or not claim.sentence or not claim.source:
            continue
        at = text.find(claim.sentence[:60])
        if at < 0 or at >= end or at + len(claim.sentence) <= start:
            continue
        overlapping.append((claim, at))
    if not overlapping:
        return _Speaker(None, "none", None)
    outside = [c for c, at in overlapping if _names_its_source(c) and not _named_inside(c, at, start, end)]
    claim = next(iter(outside), None) or next(
        (c for c, _ in overlapping if _names_its_source(c)), overlapping[0][0]
    )
    words = (claim.source or "").split()
    while words and words[-1].lower() in _DOCUMENT_WORDS:
        words.pop()
    if words and words[-1].lower() in {"the", "a", "an", "official"}:
        words = []  # "the statement", "an official statement": the issuer is not named here
    told = None
    if (claim.reporting_cue or "").lower() == "told":
        listener = _TOLD_RE.search(claim.sentence)
        told = listener.group("name") if listener else ""
    name = " ".join(words) or None
    kind = source_kind(name, claim.source_kind, claim.sentence) if name else claim.source_kind
    return _Speaker(name, kind, told, bool(outside))


def _named_inside(claim: Claim, at: int, start: int, end: int) -> bool:
    """The claim's source is named inside the quotation ``[start, end)`` (its sentence at ``at``)."""
    last = (claim.source or "").split()[-1:]
    found = claim.sentence.find(last[0]) if last else -1
    return found >= 0 and start <= at + found < end


def _names_its_source(claim: Claim) -> bool:
    """The claim's sentence names its source ("said Jan Roe"), not a pronoun or nothing."""
    last = (claim.source or "").split()[-1:]
    return bool(last) and last[0][:1].isupper() and last[0] in claim.sentence


def article_quotations(
    key: str, text: str, claims: list[Claim], spans: list[QuoteSpan] | None = None
) -> list[Quotation]:
    """The quotations of one article long enough to be a statement, with the speaker its claims give
    (``spans``: the text's quotations, when already found). The paragraphs of a quotation of several
    (``QuoteSpan.continues``) are one speaker's: the one a sentence names outside its words (the first
    paragraph's "Jan Roe said: “…", the last's "…,” said Jan Roe"), not a name its words carry ("“This
    study finds …"), else the one given for its first paragraph."""
    found = []
    for chain in _chains(quotation_spans(text) if spans is None else spans):
        speakers = [_speaker(claims, text, span.start, span.end) for span in chain]
        # one speaker for the chain: named outside its words, else the first paragraph's, else any
        chosen = next((s for s in speakers if s.named_here), None) or next(
            (s for s in speakers if s.name), speakers[0]
        )
        for span, own in zip(chain, speakers, strict=True):
            words = [t.word for t in tokenise(text[span.start : span.end])]
            if sum(len(w) > 1 for w in words) < STATEMENT_WORDS:  # not "‘A M A Z I N G’"
                continue
            said = chosen if len(chain) > 1 else own
            hashes = set(shingle_hashes(words, STATEMENT_WORDS))
            quoted = text[span.start : span.end].strip()
            found.append(Quotation(key, quoted, said.name, said.kind, said.told, hashes))
    return found


def _chains(spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """The spans in order, those of one quotation of several paragraphs together."""
    chains: list[list[QuoteSpan]] = []
    for span in spans:
        if span.continues and chains:
            chains[-1].append(span)
        else:
            chains.append([span])
    return chains


# Two quotations are one statement when they share this share of the shorter one's runs of words: a
# statement quoted in part is mostly inside the whole; two statements sharing a stock phrase are not.
MIN_SHARED_RUNS = 0.5


def _statements(quotes: list[Quotation]) -> list[list[Quotation]]:
    """Quotations joined into statements: the runs of words they share across articles (see
    MIN_SHARED_RUNS), one speaker's quotations within an article."""
    groups = DisjointSets.of_size(len(quotes))
    holders: dict[int, list[int]] = {}
    for i, quote in enumerate(quotes):
        for h in quote.shingles:
            holders.setdefault(h, []).append(i)
    for i, quote in enumerate(quotes):
        shared = Counter(j for h in quote.shingles for j in holders[h] if j > i)
        for j, count in shared.items():
            if count >= MIN_SHARED_RUNS * min(len(quote.shingles), len(quotes[j].shingles)):
                groups.union(i, j)
    by_speaker: dict[tuple[str, str], int] = {}
    for i, quote in enumerate(quotes):
        if quote.speaker:
            groups.union(by_speaker.setdefault((quote.article_key, quote.speaker.lower()), i), i)
    joined: dict[int, list[Quotation]] = {}
    for i, quote in enumerate(quotes):
        joined.setdefault(groups.find(i), []).append(quote)
    return list(joined.values())


def _name(statement: list[Quotation], graph: CitationGraph) -> tuple[str, str, str | None]:
    """(name, kind, node key) of a statement's speaker, by the most of its quotations: the cited-source
    node a quotation's speaker resolves to, else the name it gives, else an unnamed source (a tie goes
    to a cited source, then a name)."""
    votes: Counter[tuple[int, str]] = Counter()
    kinds: dict[str, str] = {}
    for quote in statement:
        node = graph.find(quote.speaker) if quote.speaker else None
        if node is not None:
            votes[(2, node)] += 1
        elif quote.speaker and quote.speaker_kind not in _UNNAMED:
            votes[(1, quote.speaker)] += 1
            kinds.setdefault(quote.speaker, quote.speaker_kind)
        elif quote.speaker_kind in _UNNAMED and quote.speaker:
            votes[(0, "")] += 1
    if not votes:
        return "a speaker no article names", "unknown", None
    # most quotations, then a cited source, then a person (who speaks for a body they are named with)
    (level, name), _ = max(
        votes.items(),
        key=lambda item: (item[1], item[0][0], item[0][0] == 2 and graph.nodes[item[0][1]].kind == "person"),
    )
    if level == 2:
        return graph.nodes[name].name, graph.nodes[name].kind, name
    if level == 1:
        return name, kinds[name], None
    return "an unnamed source", "unnamed", None


def _unnamed_name(listeners: Counter[str], graph: CitationGraph) -> str:
    """ "an unnamed source speaking to The Clarion": the outlet most of its quotations say it told."""
    named = [(n, c) for n, c in listeners.most_common() if n]
    if not named:
        return "an unnamed source speaking to a reporter"
    node = graph.find(named[0][0])
    return f"an unnamed source speaking to {graph.nodes[node].name if node else named[0][0]}"


def _most_shared(statement: list[Quotation]) -> str:
    """The wording most of the statement's articles print: the quotation with most runs of words that
    other articles' quotations share (a reworded copy's wording is its own)."""
    counts = Counter(h for q in statement for h in q.shingles)
    return max(statement, key=lambda q: (sum(counts[h] > 1 for h in q.shingles), len(q.text))).text


def primary_sources(
    quotations: dict[str, list[Quotation]],
    graph: CitationGraph,
    order: list[str],
    family_of: dict[str, int] | None = None,
) -> list[PrimarySource]:
    """The story's primary sources (``quotations``: each article's, by key, see ``article_quotations``;
    ``order``: the keys in time order), those relayed by most articles first. A statement one article
    alone quotes from an unnamed or unknown speaker is left out: nothing tells it from the article's
    own colour; so is one only articles of one family (``family_of``: article key → family) quote,
    which copied it from one another."""
    quotes = [q for key in order for q in quotations.get(key, [])]
    rank = {key: i for i, key in enumerate(order)}
    by_speaker: dict[str, PrimarySource] = {}
    found: list[PrimarySource] = []
    for statement in _statements(quotes):
        keys = sorted({q.article_key for q in statement}, key=lambda k: rank[k])
        name, kind, node = _name(statement, graph)
        families = {family_of.get(k, -1 - i) for i, k in enumerate(keys)} if family_of else set(keys)
        if kind in ("unnamed", "unknown") and len(families) < 2:
            continue
        said = RelayedStatement(_most_shared(statement), keys)
        held = by_speaker.get(node) if node is not None else None
        if held is not None:  # one named speaker's statements are one source
            held.article_keys = sorted(set(held.article_keys) | set(keys), key=lambda k: rank[k])
            held.statements.append(said)
            continue
        # an unnamed source that spoke to a reporter: its words are one outlet's, whoever repeats them
        listeners = Counter(q.told for q in statement if q.told is not None)
        exclusive = kind == "unnamed" and bool(listeners)
        if exclusive:
            name = _unnamed_name(listeners, graph)
        source = PrimarySource(name, kind, keys, [said], exclusive=exclusive)
        found.append(source)
        if node is not None:
            by_speaker[node] = source
    for source in found:
        source.statements.sort(key=lambda st: (-len(st.article_keys), rank[st.article_keys[0]]))
    return sorted(found, key=lambda s: (-len(s.article_keys), rank[s.article_keys[0]]))
