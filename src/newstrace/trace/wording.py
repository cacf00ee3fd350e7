"""How surely a wording states its claim, beyond the certainty the claim analysis gave it.

Drift compares wordings of one claim. Three things in the words change how sure a wording is:

- a headline that names its source states it as that source's: under a report label ("Report: …"),
  with an attribution after a dash or a comma ("… — head of Regionia", "…, study finds"), or with a
  document as its subject ("A Study Linked X to Y"): attributed, whatever its words assert;
- a wording hedges when the analysis found a hedge (hedged, speculative), when it attributes the claim
  with a verb that keeps its distance ("claimed", "alleged"), or when its own words hedge what the
  source said ("the paper revealed that X appeared to cause Y"): dropping that is dropping a hedge,
  while asserting what a source plainly said ("five died, police said") drops an attribution only;
- a wording that attributes the claim with a verb that takes it as fact ("the report showed that X
  caused Y") states what was hedged as established, as an assertion would.

Two wordings giving different figures ("four were killed", "five were killed") tell of a change in
the news, not in how surely it is told.
"""

from __future__ import annotations

import re

from newstrace.records import Certainty

# A headline's label saying it relays a report: "Report: …", "Reports: …", "Rumour: …", "Sources: …"
_REPORT_LABEL_RE = re.compile(r"^\W*(?P<label>(?i:reports?|rumou?rs?|sources?))\s*[:|–—]\s*\S", re.UNICODE)
_SOURCE_WORDS = (
    r"(?:study|studies|report|research|researchers|scientists|survey|poll|data|analysis|review|paper|trial"
    r"|experts|officials|police|authorities|doctors)"
)
# "…, study finds", "…, preliminary study says", "… – police"
_ATTRIBUTION_TAIL_RE = re.compile(
    rf"(?:,|\s[—–-])\s+(?:[\w-]+\s+){{0,2}}{_SOURCE_WORDS}(?:\s+(?:finds?|says?|shows?|suggests?|warns?|claims?))?"
    r"\s*[.!]?$",
    re.IGNORECASE,
)
# "… — head of Regionia", "… — Harbour Council": a dash, then a short name or role ending the headline
_DASH_SOURCE_RE = re.compile(r"\s[—–]\s+(?P<who>[A-Za-z][\w'’.-]*(?:\s+[\w'’.-]+){0,4})\s*$")
# "A Study Linked X to Y", "New research shows …": a document as the subject
_DOCUMENT_SUBJECT_RE = re.compile(
    rf"^\W*(?:(?:an?|the|new|recent|preliminary|large|major)\s+){{0,2}}{_SOURCE_WORDS}\s+"
    r"(?:has\s+|have\s+)?(?:links?|linked|finds?|found|shows?|showed|suggests?|suggested|ties|tied|says?|warns?)\b",
    re.IGNORECASE,
)
# Words that hedge a sentence whatever certainty its claim was given ("may" in lower case: not the month)
_HEDGE_WORDS_RE = re.compile(
    r"\b(?:[Aa]ppear(?:s|ed)? to|[Ss]eem(?:s|ed)? to|may|might|could|[Pp]ossibly|[Pp]robably|likely"
    r"|[Aa]llegedly|[Rr]eportedly|[Aa]pparently|[Pp]urportedly|[Ss]upposedly)\b"
)
_DISTANCING_CUE_RE = re.compile(r"\b(?:claim|alleg|purport|rumou?r)", re.IGNORECASE)
_FACTIVE_CUE_RE = re.compile(
    r"^(?:show|shows|showed|shown|found|finds|revealed|reveals|proved|proves|proven|demonstrated|demonstrates"
    r"|established|confirmed|confirms)$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100, "thousand": 1000,
}  # fmt: skip
_NUMBER_RE = re.compile(rf"\b(?:\d+(?:[.,]\d+)?|{'|'.join(_NUMBER_WORDS)})\b", re.IGNORECASE)


def headline_label(sentence: str) -> str | None:
    """The words of a headline that name its source ("Report", "study finds", "— head of Regionia", "A
    Study Linked"), if any: the headline attributes its claim (see the module docstring)."""
    label = _REPORT_LABEL_RE.match(sentence)
    if label:
        return label.group("label")
    for pattern in (_ATTRIBUTION_TAIL_RE, _DOCUMENT_SUBJECT_RE):
        found = pattern.search(sentence)
        if found:
            return found.group(0).strip(" ,.:|—–-")
    dash = _DASH_SOURCE_RE.search(sentence)
    if dash and len(sentence[: dash.start()].split()) >= 3:
        return dash.group("who")
    return None


def hedges(certainty: Certainty, cues: list[str], sentence: str) -> bool:
    """The wording hedges its claim (see the module docstring)."""
    if certainty in ("hedged", "speculative"):
        return True
    if certainty != "attributed":
        return False
    return any(_DISTANCING_CUE_RE.search(cue) for cue in cues) or bool(_HEDGE_WORDS_RE.search(sentence))


def takes_as_fact(certainty: Certainty, cues: list[str], sentence: str) -> bool:
    """An attribution with a verb that takes the claim as fact and no hedge of its own ("the report
    showed that X caused Y")."""
    factive = any(_FACTIVE_CUE_RE.match(cue.strip()) for cue in cues)
    return certainty == "attributed" and factive and not hedges(certainty, cues, sentence)


def figures(sentence: str) -> frozenset[float]:
    """The numbers a sentence gives, in digits or words ("five", "12", "2.5")."""
    found = set()
    for number in _NUMBER_RE.findall(sentence):
        word = number.lower()
        found.add(float(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else float(word.replace(",", "")))
    return frozenset(found)
