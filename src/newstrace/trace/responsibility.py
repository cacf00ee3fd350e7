"""Who is behind an attack: a group's claim of responsibility, its retelling as fact, and its denial.

Word overlap does not align these wordings ("the Harbour Front claimed responsibility for the attack",
"five were killed in an attack by militants of the Harbour Front", "the governor denied that Front
militants were responsible"), so they are found by their pattern, for each group a story cites as
claiming an attack:

- a claim of responsibility: the group "claimed responsibility for", "claimed credit for", "claimed"
  an attack (a shooting, a bombing …), or "the attack was claimed by" it; a claim, not established
  (outlets add "the claim could not be verified"), so it reads hedged;
- its retelling as fact: a sentence in the outlet's own voice with the group as the attacker ("the
  Front attacks a church", "an attack by militants of the Front", "carried out by the Front");
- a denial: a sentence denying that the group (or those its name is made from: "Frontists") was
  responsible, behind it, or connected to it.

The flags are those of ``drift.py``, over one claim group per group that claimed an attack: an
article that states as fact what earlier articles only reported as claimed drops the hedge
(``hedge-dropped``; ``headline-overstates`` when its own body reports the claim), and a denial of a
claim made earlier (or in the same article) contradicts it (``contradicted``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newstrace.analyse.certainty import IDENTIFIABLE
from newstrace.records import Certainty
from newstrace.trace.citations import CitationGraph
from newstrace.trace.drift import ClaimGroup, ClaimOccurrence, DriftFlag, DriftKind, claim_stems
from newstrace.trace.names import clean_name, organisation_words, without_description

_ATTACKS = r"(?:attacks?|shootings?|bombings?|assaults?|killings?|massacres?|blasts?|explosions?|raids?)"
_CLAIMED_RE = re.compile(
    rf"\bclaim(?:s|ed|ing)?\s+(?:(?:responsibility|credit)\b|(?:the|an?|this|that)\s+(?:[\w-]+\s+){{0,2}}{_ATTACKS})"
    rf"|\b{_ATTACKS}\s+(?:was|were|has been|had been)\s+claimed\s+by\b",
    re.IGNORECASE,
)
_MEMBERS = r"(?:militants?|fighters?|gunmen|members|jihadists|insurgents|supporters)"
_AGENT_VERBS = r"(?:attack(?:s|ed)?|kill(?:s|ed)?|shot|shoots|bomb(?:s|ed)?|struck|strikes|stormed|storms)"
_RESPONSIBLE = r"(?:responsib\w*|behind|connect\w*|links?|linked|involve\w*|ties|tied)"
_RESPONSIBLE_RE = re.compile(rf"\b{_RESPONSIBLE}\b", re.IGNORECASE)
# a negation governing it: "has no connection to", "do not have any direct links with", "was not behind"
_NOT_RESPONSIBLE_RE = re.compile(
    rf"(?:\b(?:not|no|never|nothing|none)\b|n['’]t\b)[^.,;:]{{0,40}}\b{_RESPONSIBLE}\b", re.IGNORECASE
)


@dataclass(slots=True)
class _Perpetrator:
    node: str
    names: list[str]  # the ways the story writes it ("Harbour Front", "HF")
    stems: frozenset[str]  # the distinctive stems of its names ("harbo", "front"; not "group")

    def agent_in(self, sentence: str) -> bool:
        """The sentence has it as the attacker ("HF attacks a church", "an attack by HF militants")."""
        for name in self.names:
            named = re.escape(name)
            agent = rf"\b{named}\s+(?:{_MEMBERS}\s+)?{_AGENT_VERBS}\b"
            by = rf"\b(?:{_ATTACKS}|carried out)\s+(?:[\w-]+\s+){{0,3}}?by\s+(?:the\s+)?"
            by += rf"(?:{_MEMBERS}\s+of\s+(?:the\s+)?)?{named}\b"
            if re.search(agent, sentence) or re.search(by, sentence):
                return True
        return False


def _perpetrators(occurrences: list[ClaimOccurrence], graph: CitationGraph) -> dict[str, _Perpetrator]:
    """The groups the story cites as claiming an attack, by node key."""
    found: dict[str, _Perpetrator] = {}
    for o in occurrences:
        claimed = _CLAIMED_RE.search(o.sentence) if o.source else None
        name = clean_name(o.source) if claimed and o.source else None
        if not (claimed and name and _claims_it(name, o.sentence, claimed.start())):
            continue  # "… claimed responsibility, its news agency reported": the agency claimed nothing
        node = graph.find(without_description(name))
        if node is None or node in found:
            continue
        aliases = {graph.nodes[node].name, *graph.nodes[node].aliases}
        names = {re.sub(r"\s*\([A-Z&]+\)\s*", " ", a).strip() for a in aliases}
        names |= {re.sub(r"\s+group$", "", n) for n in names} | set(
            re.findall(r"\(([A-Z&]+)\)", " ".join(aliases))
        )
        generic = {w[:5] for w in organisation_words()}
        stems = frozenset(s for n in names for s in claim_stems(n) if s not in generic)
        found[node] = _Perpetrator(node, sorted(names, key=len, reverse=True), stems)
    return found


def _claims_it(name: str, sentence: str, at: int) -> bool:
    """The claim's source is who claims: named before the claim ("the Front has claimed") or as the
    agent after it ("was claimed by the Front")."""
    first = name.split()[0]
    return first in sentence[:at] or (first in sentence[at:] and "claimed by" in sentence[at:])


def _denies(o: ClaimOccurrence, who: _Perpetrator) -> bool:
    """The sentence denies that the group (or those named after what it is named after) was behind it."""
    if _CLAIMED_RE.search(o.sentence) or not (who.stems & claim_stems(o.sentence)):
        return False
    if o.certainty == "denied":
        return bool(_RESPONSIBLE_RE.search(o.sentence))
    named = o.source_kind in IDENTIFIABLE and o.certainty in ("attributed", "asserted")
    return named and bool(_NOT_RESPONSIBLE_RE.search(o.sentence))


def responsibility_flags(
    occurrences: list[ClaimOccurrence],
    graph: CitationGraph,
    rank: dict[str, int],
    ordered: Callable[[str, str], bool],
) -> tuple[list[ClaimGroup], list[DriftFlag]]:
    """One claim group per group claiming an attack, and its flags (see the module docstring).
    ``rank``: the articles in time order; ``ordered(a, b)``: whether their order is known."""
    groups: list[ClaimGroup] = []
    flags: list[DriftFlag] = []
    for i, who in enumerate(_perpetrators(occurrences, graph).values()):
        claims = [o for o in occurrences if _CLAIMED_RE.search(o.sentence) and _names(o, who)]
        told = [
            o for o in occurrences if o.certainty == "asserted" and not o.quoted and who.agent_in(o.sentence)
        ]
        denials = [o for o in occurrences if _denies(o, who)]
        members = {o.id: o for o in [*claims, *told, *denials]}.values()
        group = ClaimGroup(-1 - i, sorted(members, key=lambda o: (rank[o.article_key], o.id)))
        groups.append(group)

        def before(o: ClaimOccurrence, key: str) -> bool:
            return rank[o.article_key] < rank[key] and ordered(o.article_key, key)

        for key in sorted({o.article_key for o in told}, key=rank.__getitem__):
            own = [o for o in claims if o.article_key == key]
            stated = [o for o in told if o.article_key == key]
            head = next((o for o in stated if o.in_headline), None)
            earlier = [o for o in claims if before(o, key)]
            earlier_told = [o for o in told if before(o, key)]
            if head is not None and own:
                flags.append(_flag("headline-overstates", group, head, own[0]))
            elif earlier and not earlier_told:
                flags.append(_flag("hedge-dropped", group, stated[0], earlier[-1]))
        for key in sorted({o.article_key for o in denials}, key=rank.__getitem__):
            claimed = [o for o in claims if o.article_key == key or before(o, key)]
            if claimed:
                denial = next(o for o in denials if o.article_key == key)
                flags.append(_flag("contradicted", group, denial, claimed[-1]))
    return groups, flags


def _names(o: ClaimOccurrence, who: _Perpetrator) -> bool:
    text = f"{o.source or ''} {o.sentence}"
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in who.names)


def _flag(
    kind: DriftKind, group: ClaimGroup, current: ClaimOccurrence, earlier: ClaimOccurrence
) -> DriftFlag:
    after: Certainty = "denied" if kind == "contradicted" else current.certainty
    # a claim of responsibility is not established: it reads hedged
    before: Certainty = "hedged" if earlier.certainty == "attributed" else earlier.certainty
    return DriftFlag(
        kind,
        group.id,
        current.article_key,
        earlier.article_key,
        before,
        after,
        current.sentence,
        earlier.sentence,
    )
