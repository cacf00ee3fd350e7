"""A site's appeals to its readers printed among the article's lines: asking for money or a subscription.

A donation box opens and closes with a short line asking for the reader's support ("Your support helps
us tell the story" … "Your support makes all the difference."), with the site's paragraphs about itself
between them; a subscription offer names a price per month ("Unlimited access for as low as $3.99/mo")
over a button ("Get it now"). None of it is the article's. Pure and cheap, like
:mod:`newstrace.extract.cues`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from newstrace.extract.lines import PageLine

# a line asking the reader for support or money: "Your support makes all the difference", "Your donation
# allows us to …", "Support independent journalism", "Click here to donate", "Become a member"
_APPEAL_RE = re.compile(
    r"\b(?:your (?:support|donations?|contributions?|gift)\b"
    r"|(?:support|fund|back) (?:our|independent|quality|local|public[- ]interest)"
    r" (?:journalism|reporting|newsroom)"
    r"|(?:click here to |please )?(?:donate|contribute) (?:now|today|to (?:us|our))|click here to donate"
    r"|make a (?:donation|contribution)|become an? (?:member|supporter|subscriber|patron))",
    re.IGNORECASE,
)
# a subscription offer: "Unlimited access to premium stories for as low as $12.95 /mo."
_OFFER_RE = re.compile(
    r"\bunlimited (?:digital )?access\b.*\b(?:for|from)\b|\bfor (?:as low as|just|only) [$£€]\s?\d"
    r"|[$£€]\s?\d+(?:[.,]\d\d)?\s?(?:/|per|a)\s?(?:mo|month|week|wk|yr|year)\b",
    re.IGNORECASE,
)
# the button under an offer or an appeal
_BUTTON_RE = re.compile(
    r"^(?:get it now|subscribe(?: now| today)?|donate(?: now| today)?|support us(?: now| today)?"
    r"|join(?: us)?(?: now| today)?|sign up(?: now| today)?|start (?:your )?(?:free )?trial)\W*$",
    re.IGNORECASE,
)
_QUOTED_RE = re.compile(r"[\"“”«»]|\b(?:said|says|told)\b", re.IGNORECASE)
_APPEAL_WORDS = 16  # an appeal on its own line (a box's heading or last line) is this short
_BOX_REACH = 6  # a box's last appeal line is at most this many lines below its first


def _is_short_appeal(text: str) -> bool:
    """A short line of the site's own asking the reader for support or offering a subscription (no
    quotation: "“Thank you for your support,” the mayor said." is the article's)."""
    if len(text.split()) > _APPEAL_WORDS or _QUOTED_RE.search(text):
        return False
    return bool(_APPEAL_RE.search(text) or _OFFER_RE.search(text))


def _is_sentence(text: str) -> bool:
    """A paragraph of the box: prose with a closing stop (no headline nor a logo's name between)."""
    return len(text.split()) >= _BOX_SENTENCE_WORDS and text.rstrip("\"'”’) ").endswith((".", "!", "?"))


_BOX_SENTENCE_WORDS = 8


def appeal_lines(lines: list[PageLine]) -> set[int]:
    """The lines of the site's appeals: each short appeal or offer line, every line of a box between two
    of them at most :data:`_BOX_REACH` lines apart with only paragraphs of prose between them, and a
    button right under or over one."""
    short = [i for i, line in enumerate(lines) if _is_short_appeal(line.text)]
    found = set(short)
    for first, last in pairwise(short):
        inside = [lines[k].text for k in range(first + 1, last)]
        if last - first <= _BOX_REACH and all(_is_sentence(text) for text in inside):
            found.update(range(first, last + 1))
    for i in list(found):
        found.update(k for k in (i - 1, i + 1) if 0 <= k < len(lines) and _BUTTON_RE.match(lines[k].text))
    return found
