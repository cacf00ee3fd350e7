"""The headline of scraped page text: which line above the body is the title, what is shaped like a
headline, and what only looks like one (a byline, a date stamp, a menu, a kicker, a site's name).

html-text prints the page's <title> first, often with the site's name after a separator; the headline
itself sits above the body, sometimes printed twice (once with a word changed or under a breadcrumb).
:func:`find_title` reads it; :func:`fallback_title` takes the first line (or the lead's first
sentence) when no line above the body reads as a headline.
"""

from __future__ import annotations

import re

from newstrace.extract.cues import is_image_credit_line, is_promo, parse_cited_sources, parse_topics
from newstrace.extract.furniture import is_script_menu, is_skip_link
from newstrace.extract.lines import BOILERPLATE_WORDS, STOP_WORDS, PageLine
from newstrace.extract.outlets import first_line_masthead
from newstrace.extract.text_head import is_byline, is_dated_label, is_time_stamp, parse_date, staff_byline
from newstrace.extract.text_kinds import HIGHLIGHTS_RE, is_notice, word_key

HEAD_WINDOW = 12  # lines above the body searched for title, standfirst, byline and date
# Share of words a headline line shares with the <title> line. Chosen by reading the titles picked on
# the 120 benchmark pages (which have no gold titles) at 0.5–0.8: 0.5 picks section names and
# bylines on 11 pages, 0.6 two breadcrumb lines, 0.8 a picture credit; 0.7 made none of these.
TITLE_OVERLAP = 0.7

# credits, bylines and time stamps that are shaped like a headline
_NOT_TITLE = re.compile(
    r"^(?:posted|by|text|written|updated|published)\b|\d{1,2}:\d\d|\d{1,4}[./]\d{1,2}[./]\d{2,4}"
    r"|\s[·|/]\s|\s/$|\s[—–-]$|^\d+\s+of\s+\d+$",  # … and a gallery's "2 of 2"
    re.I,
)
_SITE_SEPARATORS = re.compile(r"\s+(?:[-|–—·:]{1,2}|::)\s+")
# a dateline on a line of its own ("Harbourtown, England Clarion —", "WASHINGTON (AP) —"): it opens the next
# paragraph, and is never a title
DATELINE_LINE = re.compile(r"^[A-Z][^.!?]{0,60}\s[—–-]$")
DATELINE_WORDS = 6
# a paragraph opened by a dateline: "(Harbour Wire) – The …", "PORT CALDER (HWN) — The …",
# "PORT CALDER – The …"
_DATELINE_OPENING = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40},?\s*)?\([A-Z][\w.&'’ -]{0,30}\)\s*[—–-]\s+\S"
    r"|^[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)?)?\s+[—–-]\s+[A-Z]"
)
_DATELINE_LEAD_WORDS = 8


def opens_with_dateline(text: str) -> bool:
    """A paragraph (at least :data:`_DATELINE_LEAD_WORDS` words) opened by a dateline: an article's lead,
    never its standfirst."""
    return len(text.split()) >= _DATELINE_LEAD_WORDS and bool(_DATELINE_OPENING.match(text.strip()))


def site_parts(text: str) -> list[str]:
    """The parts of a title line around " - Site" separators; a last part opening in lower case after a
    dash is the headline's own attribution, not a site ("… has no link to Islam — head of region")."""
    separators = list(_SITE_SEPARATORS.finditer(text))
    last = separators[-1] if separators else None
    tail = text[last.end() :] if last else ""
    if last and last.group().strip() in "—–-" and tail[:1].islower() and "." not in tail:
        *parts, head = _SITE_SEPARATORS.split(text[: last.start()])
        return [*parts, head + text[last.start() :]]
    if last and last.group().strip() == ":" and not _site_like(tail) and not _site_like(text[: last.start()]):
        return [text]  # "The Latest: Police chief : Arrest should …": a spaced colon inside the headline
    return _SITE_SEPARATORS.split(text)


def _site_like(part: str) -> bool:
    """A few capitalised words or a domain: what a site's name in a title looks like."""
    words = part.split()
    named = all(w[:1].isupper() or w[:1].isdigit() or "." in w for w in words)
    return 0 < len(words) <= _SITE_WORDS and named


_SITE_WORDS = 4


def _site_title_parts(first_line: str) -> list[str]:
    """The parts of the first line (usually the page's <title>) around " - Site" separators."""
    parts = site_parts(first_line)
    return [part for part in parts if len(part.split()) >= 3 and not is_meta(part)]


def word_overlap(a: str, b: str) -> float:
    wa, wb = set(word_key(a).split()), set(word_key(b).split())
    return len(wa & wb) / max(len(wa), len(wb), 1)


def find_title(lines: list[PageLine], start: int) -> int | None:
    """The headline's line above the body.

    In order: a line that is (nearly) the first line without its site suffix (html-text puts the
    <title> first), a headline printed twice, then the nearest headline-shaped line above the body.
    """
    lo = max(0, start - 3 * HEAD_WINDOW)
    parts = _site_title_parts(lines[0].text) if lines else []
    # the first print of it (galleries repeat the headline lower down), the first printed as it is if a
    # gallery numbers its prints ("Headline 3", "Headline", "Headline 2")
    prints = [j for j in range(max(lo, 1), start)
              if len(lines[j].text.split()) >= 2
              and any(word_overlap(lines[j].text, part) >= TITLE_OVERLAP for part in parts)]  # fmt: skip
    keys = {word_key(part) for part in parts}
    if prints:
        return next((j for j in prints if word_key(lines[j].text) in keys), prints[0])
    for j in range(start - 1, lo, -1):
        text = lines[j].text
        if text == lines[j - 1].text and len(text.split()) >= 3 and not is_byline(text):
            return j
    for j in range(start - 1, lo, -1):  # printed twice with a word changed ("'Tapping' …", "'Banging' …")
        text = lines[j].text
        if not is_headline_shaped(text):
            continue
        for k in range(max(lo, j - HEAD_WINDOW), j):
            if is_headline_shaped(lines[k].text) and word_overlap(lines[k].text, text) >= TITLE_OVERLAP:
                return j if lines[k].text.endswith(text) else k  # "Home World <headline>": the clean print
    if lines and len(site_parts(lines[0].text)) > 1:
        return None  # the <title> line has a site suffix: fallback_title reads it
    # the headline sits above the byline: a headline-shaped line between byline and body is a
    # teaser or a subheading ("By Jane Doe" / "Soldier calls minister 'a fool'" / the body)
    bottom = max(-1, start - HEAD_WINDOW - 1)
    byline = next((j for j in range(start - 1, bottom, -1) if is_byline(lines[j].text)), None)
    # the headline sits above a "Story highlights" label too
    label = next((j for j in range(start - 1, bottom, -1) if HIGHLIGHTS_RE.match(lines[j].text)), None)
    if byline is not None and byline > 0 and _headline_with_stop(lines[byline - 1].text):
        return byline - 1  # "Tempers flare among staff." over "By Jane Doe": a headline with a full stop
    for top in [j for j in (label, byline) if j is not None] + [start]:
        for j in range(top - 1, bottom, -1):
            if is_headline_shaped(lines[j].text):
                sizes = _BYLINE_DEK_WORDS if top == byline else _DEK_WORDS
                dek = j - 1 > bottom and _dek_under(lines[j - 1].text, lines[j].text, sizes)
                masthead = j == 1 and first_line_masthead(lines[0].text) is not None  # "HarbourNOW from HWKT"
                return j - 1 if dek and not masthead else j
    return None


def _dek_under(headline: str, text: str, sizes: tuple[int, int]) -> bool:
    """``text``, right under the headline-shaped line ``headline``, is its standfirst printed without a
    stop ("Ferry runs aground off Port Calder" over "Passengers were taken ashore by lifeboat as the tide
    turned"): both at least ``sizes`` words long (no kicker or label), ``text`` a phrase of prose
    (function words) in sentence case (not the headline of another story), not the headline again."""
    words = word_key(text).split()
    prose = sum(word in STOP_WORDS for word in words) >= _DEK_PROSE_SHARE * len(words)
    long_enough = len(headline.split()) >= sizes[0] and len(words) >= sizes[1]
    shaped = is_headline_shaped(headline) and not is_byline(text)
    capitals = sum(word[:1].isupper() for word in text.split()[1:])
    sentence_case = capitals <= _DEK_CAPITALS_SHARE * (len(text.split()) - 1)  # not another headline
    return long_enough and shaped and prose and sentence_case and word_overlap(headline, text) < TITLE_OVERLAP


# the least words of a headline and of the standfirst under it: a shorter line over the headline is a
# kicker or a section's label; over a byline, where no kicker sits, a short headline too
_DEK_WORDS = (6, 8)
_BYLINE_DEK_WORDS = (4, 6)
_DEK_CAPITALS_SHARE = 0.5  # a standfirst is printed in sentence case; a line in title case is a headline
_DEK_PROSE_SHARE = 0.15


def is_headline_shaped(text: str) -> bool:
    """Three to thirty words, no full stop at the end, not opening in lower case or with a separator
    ("cup of coffee", an image's alt text; "| License Photo"), neither a byline, a date nor a menu."""
    ending = text.rstrip("\"'”’»)] ")
    question = _is_question_line(ending)  # "Are we breathing harbour dust into our lungs?"
    stopped = ending.endswith((".", "!", "?", ":", ";", ","))
    shaped = 3 <= len(text.split()) <= 30 and (question or not stopped)
    first = text.lstrip("\"'“‘«¿¡([ ")[:1]
    shaped = shaped and bool(first) and not first.islower() and first not in "|·•-–—/"
    prompt = is_promo(text, addressed=True)  # "Listen to this article"
    interface = is_menu_like(text) or is_skip_link(text) or is_script_menu(text) or prompt
    cut_off = word_key(ending).rpartition(" ")[2] in _DANGLING_WORDS  # "Rebels release footage of"
    label = is_meta(text) or is_journal_abbreviation(text)  # "Harb Coast Med Rev" over the headline: a kicker
    return shaped and not label and not interface and not cut_off and not _NOT_TITLE.search(text)


def is_journal_abbreviation(text: str) -> bool:
    """A journal's name abbreviated as references print it (ISO 4: "Harb Coast Med Rev", "J Quay Sci"):
    two to six capitalised words, at least half of them the standard truncations."""
    words = text.replace(".", " ").split()
    if not 2 <= len(words) <= _JOURNAL_WORDS or not all(word[:1].isupper() for word in words):
        return False
    return 2 * sum(word.casefold() in _JOURNAL_TRUNCATIONS for word in words) >= len(words)


_JOURNAL_WORDS = 6
# the commonest ISO 4 truncations of journals' title words
_JOURNAL_TRUNCATIONS = frozenset(
    {"j", "med", "rev", "netw", "sci", "res", "int", "clin", "proc", "natl", "acad", "lett", "biol", "chem",
     "phys", "psychol", "environ", "epidemiol", "pediatr", "paediatr", "surg", "neurol", "oncol", "cardiol",
     "immunol", "microbiol", "pharmacol", "endocrinol", "gastroenterol", "infect", "dis", "assoc", "soc",
     "am", "br", "eur", "ann", "arch", "intern", "gen", "psychiatry", "commun", "nutr", "ecol", "evol",
     "technol", "eng", "appl", "rep", "transl", "geophys", "astrophys", "behav", "cogn", "neurosci"}
)  # fmt: skip


# words no headline ends with: a line ending in one is a teaser or link cut off mid-phrase
_DANGLING_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "for", "with", "from", "into", "than", "their", "its",
     "our", "your", "my"}
)  # fmt: skip


def _is_question_line(text: str) -> bool:
    """One short question, ending with its only question mark and with no other stop: a headline asking
    it ("Are we breathing harbour dust into our lungs?"), not a question in a quotation or a paragraph."""
    single = text.endswith("?") and not re.search(r"[.!?;:]", text[:-1]) and not re.search(r"[\"“”]", text)
    return single and len(text.split()) <= _QUESTION_WORDS


_QUESTION_WORDS = 15


def _headline_with_stop(text: str) -> bool:
    """One short sentence with a full stop at its end (some sites print headlines so)."""
    body = text.rstrip()
    single = body.endswith(".") and not re.search(r"[.!?]\s", body[:-1])
    return single and is_headline_shaped(body[:-1]) and len(body.split()) <= STOP_HEADLINE_WORDS


STOP_HEADLINE_WORDS = 15


def is_menu_like(text: str) -> bool:
    """Interface words make up a menu or a prompt ("Sign in", "Home News Sport"); one in a headline
    ("… new worrying sign fuels …") does not, nor two in a phrase of prose ("School search still on
    after contact with girl": a third of its words function words)."""
    words = word_key(text).split()
    interface = sum(word in BOILERPLATE_WORDS for word in words)
    prose = sum(word in STOP_WORDS for word in words) >= _MENU_PROSE_SHARE * len(words)
    return (interface >= 2 and not prose) or interface * 3 >= len(words)


_MENU_PROSE_SHARE = 0.3


def has_interface_words(text: str) -> bool:
    return any(word in BOILERPLATE_WORDS for word in word_key(text).split())


def is_meta(text: str) -> bool:
    """A byline (a desk's too: "Compiled by Gazette staff"), a date, a stamp or a picture credit."""
    byline = is_byline(text) or staff_byline(text) is not None
    return byline or parse_date(text) is not None or is_time_stamp(text) or is_image_credit_line(text)


def whole_fallback_line(lines: list[PageLine], start: int) -> int | None:
    """The line above the body that :func:`fallback_title` takes whole (no site suffix, no lead)."""
    title = fallback_title(lines)
    if is_lead_sentence(title):
        return None
    return next((j for j in range(min(start, HEAD_WINDOW)) if lines[j].text == title), None)


def fallback_title(lines: list[PageLine]) -> str:
    """The first line that is neither a date stamp nor a skip link (the page's <title> in html-text
    output) without its site suffix."""
    first = next((line.text for line in lines if line.text and not _skipped(line.text)), "")
    if sum(1 for line in lines[:HEAD_WINDOW] if line.text == first) > 1:
        return first  # a headline printed twice, whatever its colons ("Titan : des sons …")
    title = max(site_parts(first), key=lambda part: len(part.split())).strip()
    if len(title.split()) > _PROSE_TITLE_WORDS or is_lead_sentence(title):  # a lead: its first sentence
        title = FIRST_SENTENCE.split(title.lstrip("-–— "), maxsplit=1)[0]
    return title


_PROSE_TITLE_WORDS = 40  # a longer first line is a paragraph, not a headline
FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“'‘«]?[A-ZÀ-Ý])")


def _skipped(text: str) -> bool:
    """A stamp, a link, a placeholder or a label above the headline: a language menu, a section label
    with the date ("General News of Thursday, 21 September 2023"), a pictured person's bare name, a
    prompt ("Listen to this article"), a site's clock beside a code ("XY12 : Saturday 05:23:55| >>"), a
    dateline on a line of its own ("HARBOURTOWN, Mass. -"), a section's one-word label ("news"), a
    masthead ("quaysideblog.net", "HarbourNOW from HWKT")."""
    label = is_script_menu(text) or is_dated_label(text) or is_byline(text) or _is_cue_line(text)
    prompt = is_promo(text, addressed=True)
    main = max(site_parts(text), key=lambda part: len(part.split()))
    dateline = bool(DATELINE_LINE.match(text)) and len(text.split()) <= DATELINE_WORDS
    section = text.isalpha() or first_line_masthead(text) is not None  # "World", "quaysideblog.net"
    stamp = is_time_stamp(text) or is_time_stamp(main)
    return stamp or is_notice(text) or label or prompt or dateline or section


def _is_cue_line(text: str) -> bool:
    """A labelled line: "Source: …", "Tags: …", a picture credit."""
    labelled = parse_cited_sources(text) is not None or parse_topics(text) is not None
    return labelled or is_image_credit_line(text)


def headline_over_body(lines: list[PageLine], start: int, body: list[int]) -> bool:
    """The first body line is the headline: shaped like one, with no <title> line (with a site suffix)
    that names it and no headline above it but a kicker or a site's name."""
    if not is_headline_shaped(lines[start].text) or (lines and len(site_parts(lines[0].text)) > 1):
        return False
    title = find_title(lines, start)
    return title is None or _is_kicker(lines, title, start, body)


def _is_kicker(lines: list[PageLine], above: int, start: int, body: list[int]) -> bool:
    """The headline-shaped line ``above`` the first body line is a kicker ("The presenter has spoken
    out") or the site's name over the headline: shorter than the first body line, with at most a
    short label between them, and about something else than the lead, which the first body line
    is about."""
    kicker, headline = lines[above].text, lines[start].text
    if len(kicker.split()) > _KICKER_WORDS or len(headline.split()) <= len(kicker.split()):
        return False
    if any(len(lines[k].text.split()) > _LABEL_WORDS for k in range(above + 1, start)):
        return False
    question = _is_question_line(headline.rstrip("\"'”’»)] ")) and not kicker.endswith("?")
    if above == 0 and (question or first_line_masthead(kicker) is not None):
        return True  # the page's first line over a question, or a masthead: a name over the headline
    lead = " ".join([lines[i].text for i in body if i > start][:_LEAD_LINES])
    return lead_share(kicker, lead) < _KICKER_SHARE <= lead_share(headline, lead)


_KICKER_WORDS = 6
_LABEL_WORDS = 2  # "NEWS" between a site's name and the headline
_LEAD_LINES = 3
_KICKER_SHARE = 0.5


def lead_share(text: str, lead: str) -> float:
    """Share of the content words of ``text`` (three letters or more, no function words) in ``lead``."""
    words = {word for word in word_key(text).split() if len(word) >= 3 and word not in STOP_WORDS}
    return len(words & set(word_key(lead).split())) / max(len(words), 1)


# A headline-shaped body line sharing this share of words with the headline (of the longer's words) is
# the headline printed again; on the 120 benchmark pages 0.8 drops one such line (not true body), while
# 0.7 of the line's own words also dropped four true subheadings ("How to retire early").
REPRINT_OVERLAP = 0.8


def is_reprint(text: str, title: str) -> bool:
    """``text`` is the headline printed again, shortened ("Roe addresses ferry speculation" under "Jane
    Roe addresses latest ferry speculation"): three words or more, nearly all of them the headline's."""
    words = set(word_key(text).split())
    return len(words) >= 3 and len(words & set(word_key(title).split())) >= TITLE_OVERLAP * len(words)


def is_lead_sentence(title: str) -> bool:
    """A fallback title that is a sentence of prose (the page's lead), not a headline with a full stop."""
    return title.endswith((".", "!", "?")) and len(title.split()) > STOP_HEADLINE_WORDS
