"""The lines under an article's last paragraph in scraped text: the last paragraphs of a quotation
the line model doubted, and the closing credit of a rewrite naming the outlet it was taken from.

A quotation running over several paragraphs opens each with a quote mark and closes only the last:
a paragraph opening with one under a paragraph that leaves its quotation open goes on quoting the
same speaker, whatever the line model makes of the page's end. A closing credit ("-Harbour Wire",
"— Reuters", "By: HarbourSports") right under the article names the outlet the text came from: it is
recorded as a cited source, as a "Source: X" line is, and so is one glued to the last paragraph's stop
("… in the region.--Harbour Wire").
"""

from __future__ import annotations

import re

from newstrace.extract.cues import parse_closing_credit
from newstrace.extract.lines import BOILERPLATE_WORDS, PageLine
from newstrace.extract.text_head import staff_byline

_OPENING_QUOTES = '“"«„'
_QUOTED_RE = re.compile(r"“[^“”]*(?:”|$)|«[^«»]*(?:»|$)|\"[^\"]*(?:\"|$)")
_QUOTE_WORDS = 6  # a paragraph of a quotation: a sentence, not a quoted name
_CREDIT_REACH = 3  # a closing credit sits at most this many lines under the last paragraph
_BULLET_RE = re.compile(r"^[-–—•·*]")


def leaves_quote_open(text: str) -> bool:
    """The paragraph opens a quotation it does not close (curly, straight or angle quotes)."""
    curly = text.count("“") - text.count("”")
    angle = text.count("«") - text.count("»")
    return curly > 0 or angle > 0 or text.count('"') % 2 == 1


def continues_quote(previous: str, text: str) -> bool:
    """``text`` is the next paragraph of the quotation ``previous`` leaves open: it opens with a quote
    mark and ends a sentence (not a teaser's quoted headline)."""
    ending = text.rstrip()
    sentence = ending.endswith(("”", '"', "»", ".", "!", "?", "…"))
    opens = text.lstrip()[:1] in _OPENING_QUOTES
    return leaves_quote_open(previous) and opens and sentence and len(text.split()) >= _QUOTE_WORDS


def without_quotes(text: str) -> str:
    """``text`` without what it quotes ("“You can't win them all,” he said." → " he said."): a
    speaker's "you" is not the site speaking to the reader."""
    return _QUOTED_RE.sub(" ", text)


def quote_continuations(lines: list[PageLine], kinds: list[str | None], last: int) -> list[int]:
    """The lines under body line ``last`` that go on with the quotation it leaves open."""
    found: list[int] = []
    i = last
    while i + 1 < len(lines) and kinds[i + 1] is None and continues_quote(lines[i].text, lines[i + 1].text):
        i += 1
        found.append(i)
    return found


def closing_credits(lines: list[PageLine], kinds: list[str | None], end: int) -> list[str]:
    """The outlets named by closing credit lines right under the article's last line ``end``
    ("-Harbour Wire", "By: HarbourSports"), or under a pointer naming the same outlet ("Read Full
    Story … HarbourSports >>>"); not a menu's entry ("- Home"), one of a list of them, nor the byline
    of the site's own desk ("By Gazette Staff") under another story's teaser."""
    names: list[str] = []
    for j in range(end + 1, min(len(lines), end + 1 + _CREDIT_REACH)):
        name = parse_closing_credit(lines[j].text) if kinds[j] is None else None
        if name is None or name.casefold() in BOILERPLATE_WORDS or _in_list(lines, j):
            continue
        pointers = all(name.casefold() in lines[k].text.casefold() for k in range(end + 1, j))
        if pointers and staff_byline(lines[j].text) is None:
            names.append(name)
    return names


def glued_closing_credit(paragraph: str) -> tuple[str, str | None]:
    """The last paragraph without a closing credit glued to its last stop, and the outlet it names ("…
    in the region.--Harbour Wire" → ("… in the region.", "Harbour Wire")); ``(paragraph, None)`` if none."""
    match = _GLUED_CREDIT_RE.match(paragraph)
    name = parse_closing_credit(match["credit"]) if match else None
    return (match["text"], name) if match and name else (paragraph, None)


# a closing credit after the last sentence's stop, on the same line: "… in the region.--Harbour Wire"
_GLUED_CREDIT_RE = re.compile(r"^(?P<text>.*\S[.!?\"”’])\s*(?P<credit>(?:--|[—–])\s*[A-Z][^.!?]{1,40})$")


def _in_list(lines: list[PageLine], j: int) -> bool:
    """Line ``j`` is dashed and one of a run of such lines (a menu, a list of links, a list's last item)."""
    dashed = [bool(_BULLET_RE.match(lines[k].text)) for k in (j - 1, j, j + 1) if 0 <= k < len(lines)]
    return dashed.count(True) >= 2 and bool(_BULLET_RE.match(lines[j].text))
