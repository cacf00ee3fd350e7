"""One source an article names (a ``Mention``) and the cues it can be named under.

The cues tell how much an article rests on what it names: its own text signed by an outlet (a wire
dateline, "when contacted by"), a report it relays ("according to", "X reported", a source line), a
quotation given to an outlet ("told X"), a study's journal ("published in X"), a picture's credit.
"""

from __future__ import annotations

from dataclasses import dataclass

WIRE_CUE = "dateline"  # the cue of an agency's dateline: the article is that agency's copy, and credits it
# "… declined to comment when contacted by Clarion.co.uk": the outlet that did the reporting signs its
# own text; carried by another outlet, the text is that outlet's, as under an agency's dateline
CONTACTED_CUE = "contacted by"
OWN_TEXT_CUES = (WIRE_CUE, CONTACTED_CUE)  # cues that say whose text an article is, not whom it cites
IMAGE_CREDIT_CUE = "image credit"
# "the coach told The Clarion", "described to Clarion Sport as …": the outlet a quotation was given to,
# where it was first printed; what the article reports may rest on another outlet (``families.py``)
ADDRESSEE_CUE = "given to"
ADDRESSEE_CUES = ("told", ADDRESSEE_CUE)
# "a study published Monday in the journal Harbour Medicine": the publication a study appeared in,
# where the story comes from; a public record each outlet reads for itself (``families.py``)
PUBLISHED_CUE = "published in"
# cues of a credit: the article says whose report it carries ("Source: Reuters", "— AFP", "The Associated
# Press contributed to this report", a link)
CREDIT_CUES = ("source line", "credit line", "credit", "contributed", "from", "link")
SPOKE_CUE = "spoke to"  # "The Clarion spoke to a police source": the outlet reported what it was told


@dataclass(slots=True)
class Mention:
    surface: str
    kind: str
    cue: str
    evidence: str
    role: str | None = None  # the role the person was named after ("Head of Regionia Jan Roe")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` holding ``text[start:end]``."""
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()
