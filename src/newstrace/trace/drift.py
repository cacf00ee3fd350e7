"""Claim alignment across a story's articles and certainty drift.

Alignment: each claim sentence becomes a bag of content-word stems (function words, reporting and
evidential verbs ("found", "showed") and hedge words dropped, so that "the minister is reported to be
resigning" and "the minister resigns" compare on what is claimed, not how surely). Two claims of
different articles (or a headline and its own body) match when the IDF-weighted overlap of their stems
reaches ``MATCH_OVERLAP`` of the smaller bag and they share at least ``MIN_SHARED_STEMS`` stems. The
overlap must hold without the names too: two sentences that share whom they are about (the story's
people, teams and places, which the story writes with a capital inside its sentences) but little of
what they say of them make different claims ("Jane Roe refuses to guarantee X will stay" is not "X's
club rejected a third offer for X"). Two sentences giving different figures ("1,500 dead", "the toll
rose to 1,800") must match on the larger bag too: the rest of what they say is the same. Candidates
come from an inverted index over stems, so adding an article compares its claims only with claims
that share a word with them.

A claim group holds one claim: a new claim joins the group it matches most members of, and only when
it matches the group's first wording or more than half of the members it can be compared with; else
it starts a group of its own (each member is close to the first wording or to most of the group, not
a chain: "A matches B, B matches C" does not put C with A when A and C share little, so a group does
not grow into a story's toll, its aftershocks and its condolences at once). Calibrated on
benchmarks/provenance.py: more than half alone leaves out a light rewrite of the first wording once
other outlets' wordings joined it.

A headline under a report label ("Report: …", "Reports: …", "Rumour: …"), with its source after a
dash or a comma ("…, study finds") or a document as its subject ("A Study Linked …") says it relays a
report: it attributes its claim, whatever its words assert (``wording.py``).

Drift flags, per claim group:
- ``headline-overstates``: an article's headline asserts the claim its own body hedges (hedges or
  speculates; not what it plainly attributes, "Five dead" over "five died, police said");
- ``hedge-dropped``: a later article asserts in its own voice (or attributes with a verb taking it as
  fact: "the report showed") a claim the earlier ones hedged (``wording.py``: a hedge, a distancing
  "claimed", hedging words), without a new independent source (same source family as the earlier
  articles, no new source of its own); not when the figures differ (a toll that changed). Naming who
  reported it ("The Mail reported that …") is no hedge dropped; nor is a sentence that restates the
  article's own hedged wording (a pull-quote), nor stating plainly a past event an earlier article
  attributed ("X came out on February 7", a date weeks before the story: ``background.py``), nor a
  sentence inside a quotation (its speaker's words);
- ``denial-appears``: a later article carries a denial of a claim earlier articles made;
- ``contradicted``: a named source confirms a claim an earlier article carried a denial of ("a BBC
  spokesperson said two BBC reporters were arrested" after the police called it false), or a named
  source denies a claim a named source confirmed earlier.

A question states nothing ("So you moved out?"): it is no claim, and takes no part in drift.

"Later" and "earlier" are known ones only: a wording is judged against the articles known to come
before its own (``drift_flags``' ``ordered``), so an undated article is not taken to follow every
dated one, nor one of two articles dated the same day the other.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from newstrace.analyse.certainty import IDENTIFIABLE
from newstrace.records import Certainty, Claim
from newstrace.trace.background import is_background
from newstrace.trace.quotations import QuoteSpan, quotation_spans
from newstrace.trace.wording import figures, headline_label, hedges, takes_as_fact

DriftKind = Literal["headline-overstates", "hedge-dropped", "denial-appears", "contradicted"]

# How surely each certainty states a claim; a denial is handled on its own.
CERTAINTY_RANK: dict[str, int] = {"speculative": 0, "hedged": 1, "attributed": 2, "asserted": 3, "denied": -1}

# Set by hand (no labelled claim pairs exist among the project's data sets) and checked against the
# documented rewrites of tests/fixtures/provenance_story.jsonl (benchmarks/provenance.py prints the
# resulting precision/recall): a paraphrase keeps most of the rarer content words of the shorter
# sentence; two different claims about the same event share the event's words, which the IDF
# weighting discounts.
MATCH_OVERLAP = 0.5
MIN_SHARED_STEMS = 3
IDF_PRIOR = 20

_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be
    because been before being
    below between both but by can did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my no nor not now
    of off on once only or other our out over own same she should so some such than that the their them
    then there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yet said says say saying told tells according reported
    reportedly reports report claimed claims claim allegedly alleged believed thought appears appear
    appeared apparently seems seemed may might could possibly perhaps likely unlikely purportedly
    suggested suggest suggests expected understood denied denies deny rejected dismissed new one two
    show shows showed shown reveal reveals revealed find finds found indicate indicates indicated
    demonstrate demonstrates demonstrated presented
    mr mrs ms week weeks day days year years"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# A negated sentence states another proposition than its positive twin ("X has not addressed the
# meeting" vs "X met Y"): the two align only as a denial, never as a hedge dropped or a headline.
_NEGATION_RE = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot)\b|n['’]t\b", re.IGNORECASE
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_SUFFIXES = ("ings", "ing", "ed", "es", "s")


def _stem(word: str) -> str | None:
    """A word's stem (light suffix stripping, first five letters), None for a stop word."""
    word = re.sub(r"['’]s$", "", word.lower())
    if word in _STOPWORDS or len(word) < 3:
        return None
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in {"ing", "ings", "ed"} and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # planning → plan
            break
    return word[:5]


def claim_stems(sentence: str) -> frozenset[str]:
    """The content-word stems a claim is matched on (light suffix stripping, first five letters)."""
    return frozenset(s for s in map(_stem, _WORD_RE.findall(sentence)) if s is not None)


# Share of a sentence's words with a capital above which it is in Title Case ("Club Rejects Third
# Bid"): its capitals tell no names.
_TITLE_CASE_SHARE = 0.6


def case_evidence(sentence: str) -> tuple[set[str], set[str]]:
    """(stems written with a capital inside the sentence, stems written in lower case): what tells a
    name from a word. The first word's capital is the sentence's, unless the next word has one too
    ("Jane Roe said", "Harbour City lost"); a sentence in Title Case tells nothing."""
    words = _WORD_RE.findall(sentence)
    if len(words) >= 4 and sum(w[0].isupper() for w in words) > _TITLE_CASE_SHARE * len(words):
        return set(), set()
    capitalised: set[str] = set()
    lower: set[str] = set()
    for i, word in enumerate(words):
        stem = _stem(word)
        if stem is None:
            continue
        if word[0].islower():
            lower.add(stem)
        elif i > 0 or (len(words) > 1 and words[1][0].isupper()):
            capitalised.add(stem)
    return capitalised, lower


@dataclass(slots=True)
class ClaimOccurrence:
    """One claim sentence of one article, as alignment and drift see it."""

    id: int
    article_key: str
    sentence: str
    certainty: Certainty
    cues: list[str]
    source: str | None
    in_headline: bool
    time: datetime | None
    order: float  # sorts articles by time: the publication timestamp, unknown times last
    source_kind: str = "none"
    quoted: bool = False  # inside a quotation: the speaker's words, not the outlet's own voice


@dataclass(slots=True)
class ClaimGroup:
    """The same claim across articles, with its certainty in each, oldest first."""

    id: int
    occurrences: list[ClaimOccurrence]
    links: set[tuple[int, int]] = field(default_factory=set)  # occurrence id pairs that matched directly

    def linked(self, a: ClaimOccurrence, b: ClaimOccurrence) -> bool:
        return (min(a.id, b.id), max(a.id, b.id)) in self.links

    @property
    def sentence(self) -> str:
        return self.occurrences[0].sentence

    @property
    def article_keys(self) -> list[str]:
        return list(dict.fromkeys(o.article_key for o in self.occurrences))


@dataclass(slots=True)
class DriftFlag:
    kind: DriftKind
    group_id: int
    article_key: str  # the article whose wording drifted
    earlier_key: str | None  # the article (or its body, for a headline) it drifted from
    before: Certainty
    after: Certainty
    sentence: str  # the drifted sentence
    evidence: str  # what it drifted from


@dataclass(slots=True)
class ClaimIndex:
    """Occurrences, their stems, an inverted index and the claim groups over matches; grows in place."""

    occurrences: list[ClaimOccurrence] = field(default_factory=list)
    stems: list[frozenset[str]] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    group_of: list[int] = field(default_factory=list)  # occurrence id → its group's id (its first member)
    members: dict[int, list[int]] = field(default_factory=dict)  # group id → occurrence ids
    links: set[tuple[int, int]] = field(default_factory=set)  # occurrence id pairs that matched
    # per stem, the claims that write it with a capital inside the sentence, and those in lower case
    capitalised: Counter[str] = field(default_factory=Counter)
    lowered: Counter[str] = field(default_factory=Counter)

    def is_name(self, stem: str) -> bool:
        """The story writes the stem with a capital more often than without: a name."""
        return self.capitalised[stem] > self.lowered[stem]

    def _idf(self, stem: str) -> float:
        # IDF_PRIOR pseudo-claims share no stem: a story of a few claims weighs its stems about evenly
        return math.log((IDF_PRIOR + len(self.occurrences)) / (1 + len(self.postings.get(stem, ()))))

    def _matches(self, a: int, b: int, weights: dict[str, float]) -> bool:
        """``weights`` caches each stem's weight while the index does not change."""
        shared = self.stems[a] & self.stems[b]
        if len(shared) < MIN_SHARED_STEMS:
            return False
        for stem in self.stems[a] | self.stems[b]:
            if stem not in weights:
                weights[stem] = self._idf(stem) + 0.1

        def weight(stems: Iterable[str]) -> float:
            return sum(weights[s] for s in stems)

        # two figures of one thing ("1,500 dead", "the toll rose to 1,800") are one claim only when the
        # rest of both sentences matches, not when the shorter one's words are in the longer one
        bags = (weight(self.stems[a]), weight(self.stems[b]))
        numbers = (figures(self.occurrences[a].sentence), figures(self.occurrences[b].sentence))
        measure = max if numbers[0] and numbers[1] and numbers[0] != numbers[1] else min
        if weight(shared) < MATCH_OVERLAP * measure(bags):
            return False
        # what is said of them, not only whom it is about: the overlap holds without the names too
        said = [{s for s in self.stems[i] if not self.is_name(s)} for i in (a, b)]
        return weight(said[0] & said[1]) >= MATCH_OVERLAP * measure(weight(said[0]), weight(said[1])) > 0

    def _join(self, i: int, matched: list[int]) -> None:
        """Put occurrence ``i`` in the group of the claims it matched that it matches most members of,
        when it matches the group's first member or more than half of the members it can be compared
        with; else in a group of its own. Groups never merge: a claim that matches two groups joins one."""
        for j in matched:
            self.links.add((min(i, j), max(i, j)))
        best: tuple[int, int] | None = None  # (minus the members it matched, group id): most, then oldest
        for group in {self.group_of[j] for j in matched}:
            comparable = [
                m for m in self.members[group] if self._comparable(self.occurrences[i], self.occurrences[m])
            ]
            hits = sum(1 for m in comparable if (min(i, m), max(i, m)) in self.links)
            first = (min(i, group), max(i, group)) in self.links  # the group's id is its first member
            if (first or 2 * hits > len(comparable)) and (best is None or (-hits, group) < best):
                best = (-hits, group)
        group = best[1] if best is not None else i
        self.group_of.append(group)
        self.members.setdefault(group, []).append(i)

    def _comparable(self, a: ClaimOccurrence, b: ClaimOccurrence) -> bool:
        if a.article_key == b.article_key and a.in_headline == b.in_headline:
            return False
        denial = "denied" in (a.certainty, b.certainty)
        return denial or bool(_NEGATION_RE.search(a.sentence)) == bool(_NEGATION_RE.search(b.sentence))

    def add_article(
        self,
        key: str,
        claims: list[Claim],
        time: datetime | None,
        order: float,
        text: str | None = None,
        spans: list[QuoteSpan] | None = None,
    ) -> None:
        """Add one article's claims and join them to the groups they match (``text``: the article's
        text, to tell the sentences inside a quotation; ``spans``: its quotations, when found)."""
        new_ids: list[int] = []
        spans = spans if spans is not None else quotation_spans(text) if text else []
        for claim in claims:
            if _is_question(claim.sentence):
                continue  # a question states nothing
            certainty, cues = claim.certainty, list(claim.cues)
            label = headline_label(claim.sentence) if claim.in_headline else None
            if label and certainty == "asserted":  # "Report: …", "…, study finds": as "…, reports say"
                certainty, cues = "attributed", [*cues, label]
            occurrence = ClaimOccurrence(
                id=len(self.occurrences),
                article_key=key,
                sentence=claim.sentence,
                certainty=certainty,
                cues=cues,
                source=claim.source,
                in_headline=claim.in_headline,
                time=time,
                order=order,
                source_kind=claim.source_kind,
                quoted=_inside_quotation(claim.sentence, text or "", spans),
            )
            self.occurrences.append(occurrence)
            self.stems.append(claim_stems(claim.sentence))
            capitalised, lower = case_evidence(claim.sentence)
            self.capitalised.update(capitalised)
            self.lowered.update(lower)
            new_ids.append(occurrence.id)
        for i in new_ids:
            for stem in self.stems[i]:
                self.postings.setdefault(stem, []).append(i)
        weights: dict[str, float] = {}
        for i in new_ids:  # in reading order, each against the claims placed before it
            counts: dict[int, int] = {}
            for stem in self.stems[i]:
                for j in self.postings[stem]:
                    if j < i:
                        counts[j] = counts.get(j, 0) + 1
            matched = [
                j
                for j, n in sorted(counts.items())
                if n >= MIN_SHARED_STEMS
                and self._comparable(self.occurrences[i], self.occurrences[j])
                and self._matches(i, j, weights)
            ]
            self._join(i, matched)

    def groups(self) -> list[ClaimGroup]:
        """Claim groups that span more than one article or a headline and its body, oldest first."""
        links: dict[int, set[tuple[int, int]]] = {}
        for a, b in self.links:
            if self.group_of[a] == self.group_of[b]:
                links.setdefault(self.group_of[a], set()).add((a, b))
        groups = []
        for root, ids in sorted(self.members.items()):
            occurrences = sorted(
                (self.occurrences[i] for i in ids), key=lambda o: (o.order, not o.in_headline, o.id)
            )
            if len(occurrences) > 1:
                groups.append(ClaimGroup(id=root, occurrences=occurrences, links=links.get(root, set())))
        return groups


def _strongest(occurrences: list[ClaimOccurrence]) -> ClaimOccurrence:
    return max(occurrences, key=lambda o: CERTAINTY_RANK[o.certainty])


def _hedging(occurrence: ClaimOccurrence) -> bool:
    return hedges(occurrence.certainty, occurrence.cues, occurrence.sentence)


def _all_hedge(occurrences: list[ClaimOccurrence]) -> bool:
    """The surest of the wordings hedge the claim (``wording.py``): none states or plainly attributes it."""
    top = max(CERTAINTY_RANK[o.certainty] for o in occurrences)
    return all(_hedging(o) for o in occurrences if CERTAINTY_RANK[o.certainty] == top)


def _felt(occurrence: ClaimOccurrence) -> Certainty:
    """The certainty a wording reads with: an attribution whose words hedge reads hedged."""
    return "hedged" if occurrence.certainty == "attributed" and _hedging(occurrence) else occurrence.certainty


def _headline_flags(group: ClaimGroup) -> list[DriftFlag]:
    flags: list[DriftFlag] = []
    for key in group.article_keys:
        heads = [o for o in group.occurrences if o.article_key == key and o.in_headline]
        body = [o for o in group.occurrences if o.article_key == key and not o.in_headline]
        if not heads or not body:
            continue
        head = _strongest(heads)
        body = [o for o in body if group.linked(head, o)]
        if not body:
            continue
        strongest_body = _strongest(body)
        overstates = CERTAINTY_RANK[head.certainty] > CERTAINTY_RANK[strongest_body.certainty]
        # the body hedges it: a body that plainly attributes it ("five died, police said") under a
        # headline stating it ("Five dead") is how headlines are written
        if head.certainty == "asserted" and overstates and _all_hedge(body):
            flags.append(
                DriftFlag(
                    "headline-overstates",
                    group.id,
                    key,
                    key,
                    strongest_body.certainty,
                    head.certainty,
                    head.sentence,
                    strongest_body.sentence,
                )
            )
    return flags


def drift_flags(
    groups: list[ClaimGroup],
    has_new_source: Callable[[ClaimOccurrence, list[ClaimOccurrence]], bool],
    sources_of: dict[str, set[str]] | None = None,
    rank: dict[str, int] | None = None,
    since: datetime | None = None,
    ordered: Callable[[str, str], bool] | None = None,
) -> list[DriftFlag]:
    """Flags for every group; ``has_new_source(occurrence, earlier)`` says whether the occurrence's
    article brings a source independent of the earlier occurrences' articles. ``sources_of`` maps an
    article to the articles it derives from: a rise is judged against those when they carry the
    claim (a rewrite is compared with what it rewrote), else against every earlier article. ``rank``
    puts the articles in time order (the story's timeline), else each occurrence's own order counts.
    ``since``: when the story starts (its earliest publication date), for what is background.
    ``ordered(a, b)``: whether the order of two articles is known (by dates, or a derivation), not
    only as ranked; a wording is judged only against articles known to come before it (default: all)."""
    sources_of = sources_of or {}
    known = ordered or (lambda a, b: True)

    def when(o: ClaimOccurrence) -> float:
        return rank[o.article_key] if rank is not None and o.article_key in rank else o.order

    flags: list[DriftFlag] = []
    for group in groups:
        flags.extend(_headline_flags(group))
        by_article: dict[str, list[ClaimOccurrence]] = {}
        for occurrence in group.occurrences:
            by_article.setdefault(occurrence.article_key, []).append(occurrence)
        seen: list[ClaimOccurrence] = []
        for occurrences in sorted(by_article.values(), key=lambda os: min(when(o) for o in os)):
            body = [o for o in occurrences if not o.in_headline] or occurrences
            # each wording is judged against the earlier wordings it matched itself: a group joined
            # transitively can drift from one claim to another along its chain, so the article's
            # surest sentence is not compared with what another of its sentences matched
            judge = _Judge(group, has_new_source, body, since)
            for current in sorted(body, key=_judged_first):
                earlier = [
                    o
                    for o in seen
                    if when(o) < when(current)
                    and group.linked(o, current)
                    and known(o.article_key, current.article_key)
                ]
                direct = [o for o in earlier if o.article_key in sources_of.get(current.article_key, set())]
                found = judge.contradiction(current, earlier) or judge.rise_or_denial(
                    current, direct or earlier
                )
                if found:
                    flags.append(found)
                    break
            seen.extend(body)
    return flags


def _judged_first(occurrence: ClaimOccurrence) -> tuple[int, int]:
    """A denial first, then the surest wording: the one flag an article gets per group is its strongest."""
    return (occurrence.certainty != "denied", -CERTAINTY_RANK[occurrence.certainty])


_QUESTION_END_RE = re.compile(r"\?[\s\"'”’»)\].…]*$")
_CONFIRM_RE = re.compile(r"\bconfirm(?:s|ed|ing)?\b", re.IGNORECASE)
_HEDGED_RE = re.compile(
    r"\b(?:allegedly|reportedly|apparently|supposedly|rumou?red"
    r"|(?:is|are|was|were) (?:said|believed|thought) to)\b",
    re.IGNORECASE,
)
_REPORTED_RE = re.compile(r"\breport(?:s|ed|ing)?\b", re.IGNORECASE)


def _inside_quotation(sentence: str, text: str, spans: list[QuoteSpan]) -> bool:
    """Most of the sentence lies inside one quotation of the article's text."""
    at = text.find(sentence[:60]) if sentence else -1
    end = at + len(sentence)
    return at >= 0 and any(2 * (min(end, s.end) - max(at, s.start)) > len(sentence) for s in spans)


def _is_question(sentence: str) -> bool:
    return bool(_QUESTION_END_RE.search(sentence))


def _named(occurrence: ClaimOccurrence) -> bool:
    """The claim rests on a source with a name ("A BBC spokesperson", "Mia Holt") or a definite
    body ("the police"), not on an unnamed one ("a second friend", "a source")."""
    source = (occurrence.source or "").strip()
    if not source or occurrence.source_kind not in IDENTIFIABLE:
        return False
    words = source.split()
    capitalised = any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper())
    definite = words[0].lower() == "the" and occurrence.source_kind == "organisation"
    return capitalised or definite


def _same_source(a: ClaimOccurrence, b: ClaimOccurrence) -> bool:
    """Both rest on one source, as far as their names tell ("Jane Roe", "Jane"): one
    wording of a source's own denial may read like the claim ("is still living at home" matches "moved
    out of his home")."""
    return bool(_name_words(a.source) & _name_words(b.source))


def _name_words(source: str | None) -> set[str]:
    words = (source or "").split()
    return {w.lower().strip(".,’'") for w in words if w[:1].isupper()} - {"the", "a", "an"}


_UNCONFIRMED_RE = re.compile(
    r"(?:\bnot|n't|\bnever|\bdeclined to|\brefused to|\bunable to)\s+(?:\w+\s+)?confirm", re.IGNORECASE
)


def _confirms(occurrence: ClaimOccurrence) -> bool:
    """A named source states the claim: a person or body it is attributed to, or any named source said
    to confirm it (another outlet's report is no confirmation unless it says so)."""
    if occurrence.certainty not in {"attributed", "asserted"} or not _named(occurrence):
        return False  # a denial, a hedge or a speculation confirms nothing ("could not confirm whether")
    if _HEDGED_RE.search(occurrence.sentence) or _UNCONFIRMED_RE.search(occurrence.sentence):
        return False  # "…, after allegedly moving out": the outlet still hedges what it relays
    if any(_CONFIRM_RE.search(cue) for cue in occurrence.cues) or _CONFIRM_RE.search(occurrence.sentence):
        return True
    reported = any(_REPORTED_RE.search(cue) for cue in occurrence.cues)  # "The Mail reported that …"
    return occurrence.certainty == "attributed" and occurrence.source_kind != "outlet" and not reported


@dataclass(slots=True)
class _Judge:
    """What one article's wording of a claim is flagged for against the earlier wordings it matched."""

    group: ClaimGroup
    has_new_source: Callable[[ClaimOccurrence, list[ClaimOccurrence]], bool]
    own: list[ClaimOccurrence]  # the article's own wordings of the claim
    since: datetime | None

    def _flag(self, kind: DriftKind, current: ClaimOccurrence, before: ClaimOccurrence) -> DriftFlag:
        after: Certainty = "denied" if kind == "denial-appears" else current.certainty
        return DriftFlag(
            kind, self.group.id, current.article_key, before.article_key, _felt(before), after,
            current.sentence, before.sentence,
        )  # fmt: skip

    def contradiction(self, current: ClaimOccurrence, earlier: list[ClaimOccurrence]) -> DriftFlag | None:
        """A named source confirming what an earlier article carried a denial of, or a named source
        denying what a named source confirmed earlier."""
        if _confirms(current):
            denials = (
                o for o in reversed(earlier) if o.certainty == "denied" and not _same_source(o, current)
            )
            denial = next(denials, None)
            return self._flag("contradicted", current, denial) if denial else None
        if current.certainty == "denied" and _named(current):
            confirmations = (o for o in reversed(earlier) if _confirms(o) and not _same_source(o, current))
            confirmed = next(confirmations, None)
            return self._flag("contradicted", current, confirmed) if confirmed else None
        return None

    def rise_or_denial(self, current: ClaimOccurrence, earlier: list[ClaimOccurrence]) -> DriftFlag | None:
        made = [o for o in earlier if o.certainty != "denied"]
        if current.certainty == "denied":
            if made and all(o.certainty != "denied" for o in earlier):
                return self._flag("denial-appears", current, _strongest(made))
            return None
        if not made or current.quoted:
            return None  # only a claim stated in the outlet's own voice drops a hedge
        surest = _strongest(made)
        asserts = (
            current.certainty == "asserted" and CERTAINTY_RANK[surest.certainty] < CERTAINTY_RANK["asserted"]
        )
        # "the report showed that X caused Y" after "the paper found X appeared to cause Y"
        as_fact = takes_as_fact(current.certainty, current.cues, current.sentence)
        if not (asserts or as_fact) or not _all_hedge(made):
            return None  # a plain attribution asserted drops an attribution, not a hedge
        if self._restated(current, surest):
            return None
        if (
            figures(current.sentence)
            and figures(surest.sentence)
            and figures(current.sentence) != figures(surest.sentence)
        ):
            return None  # "four were killed", then "five": the news changed, not how surely it is told
        if surest.certainty == "attributed" and is_background(current.sentence, self.since):
            return None  # an established past event a source was cited for, now stated plainly
        return None if self.has_new_source(current, earlier) else self._flag("hedge-dropped", current, surest)

    def _restated(self, current: ClaimOccurrence, surest: ClaimOccurrence) -> bool:
        """The article words the claim as surely as the earlier articles elsewhere: the asserted
        sentence restates its own hedged one (a pull-quote, a summary)."""
        return any(
            o is not current
            and self.group.linked(o, surest)  # an article's own sentences are never matched together
            and CERTAINTY_RANK[o.certainty] <= CERTAINTY_RANK[surest.certainty]
            and o.certainty != "denied"
            for o in self.own
        )
