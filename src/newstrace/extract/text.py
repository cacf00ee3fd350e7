"""Extract a clean article from page text that reaches us already scraped (every visible line).

The trained line classifier (:mod:`newstrace.extract.lines`) marks the lines of the article body;
small general rules then read the page's head (title, standfirst, byline, date) and the labelled lines
around the body (captions with their credit, cited sources, topics; :mod:`newstrace.extract.text_kinds`)
and keep them out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise, takewhile

from newstrace.extract.cues import (
    is_promo,
    names_own_site,
    parse_topics,
    site_of,
)
from newstrace.extract.furniture import (
    bullet_text,
    is_alt_text,
    is_self_promo,
    without_glued_headline,
    without_shortcodes,
    without_stray_comma,
)
from newstrace.extract.headline import (
    DATELINE_LINE,
    DATELINE_WORDS,
    FIRST_SENTENCE,
    HEAD_WINDOW,
    REPRINT_OVERLAP,
    fallback_title,
    find_title,
    has_interface_words,
    headline_over_body,
    is_headline_shaped,
    is_lead_sentence,
    is_menu_like,
    is_meta,
    is_reprint,
    lead_share,
    opens_with_dateline,
    site_parts,
    whole_fallback_line,
    word_overlap,
)
from newstrace.extract.lines import (
    STOP_WORDS,
    LineModel,
    PageLine,
    load_line_model,
    score_lines,
    split_page_lines,
)
from newstrace.extract.outlets import (
    cited_sources,
    credit_outlet,
    dateline_outlet,
    desk_outlet,
    first_line_masthead,
    labelled_sources,
    masthead_outlet,
    split_byline_outlet,
    stamped_outlet,
)
from newstrace.extract.text_head import (
    is_byline,
    is_date_line,
    is_published_note,
    is_time_stamp,
    parse_byline,
    parse_date,
    split_dated_byline,
    staff_byline,
    wire_credit_authors,
)
from newstrace.extract.text_kinds import (
    BY_PREFIX,
    NOT_HEAD,
    article_end,
    captions_end,
    line_kinds,
    text_captions,
    word_key,
)
from newstrace.extract.text_tail import (
    closing_credits,
    glued_closing_credit,
    quote_continuations,
    without_quotes,
)
from newstrace.records import Article

EXTRACTED_BY = "text/1"
_TAIL_WINDOW = 25  # lines below the body searched for sources and topics
# A stray run of body lines is dropped when it is over _RUN_GAP lines from the rest and has under
# _RUN_SHARE of the biggest run's words. Calibrated on the out-of-fold line probabilities of
# benchmarks/train_text_extractor.py: (10, 0.2) gave CV F1 0.911 against 0.908 without the rule;
# (20, 0.1–0.3) and (30–50, 0.2–0.3) gave 0.907–0.909.
# A page too short for the line model to be sure of (one long paragraph under a title and a byline):
# when no line reaches the threshold, prose lines of at least this many words scoring at least this
# share of the threshold are the body, rather than no article at all; and such lines just above the
# first body line (a doubted lead over a subheading) join it (letting lines below the body join too
# cost 0.002 of benchmark body F1).
_FALLBACK_WORDS = 25
_FALLBACK_SHARE = 0.5
_LEAD_REACH = 2
_RUN_GAP = 10
_RUN_SHARE = 0.2
# The article starts at the first body line with another body line at most _ANCHOR_GAP lines below.
# On the out-of-fold probabilities (train_text_extractor.py --oof) gaps 1, 2, 3, 5 and none all gave
# CV F1 0.910-0.911 on the benchmark; the rule is for scraped pages that open with a prompt line.
_ANCHOR_GAP = 2
_BYLINE_SLACK = 4  # a byline printed among the first few body lines still belongs to the head
_STANDFIRST_REACH = 3  # a standfirst sits within this many lines below the title
# a sentence this long may name a site ("… Twitter on Wednesday reported …") and still be prose
_PROSE_WORDS = 12
_PROSE_SHARE = 0.15  # function words in a line of prose
_NOT_STANDFIRST = re.compile(r"@\w|\s/\s|^\d|\b(?:posted|updated|published)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Head:
    title: str
    title_index: int | None
    standfirst: str | None
    authors: list[str]
    published_text: str | None
    head_lines: frozenset[int]  # lines of the head that must not be body
    outlet: str | None = None  # the outlet a byline names ("By Jane Roe, Harbour Wire")


def _is_standfirst(text: str, share: float = _PROSE_SHARE) -> bool:
    """A sentence-like line: long enough, with function words (at least ``share`` of its words), no
    interface words, no date or handle."""
    words = word_key(text).split()
    interface = is_menu_like(text) if len(words) >= _PROSE_WORDS else has_interface_words(text)
    if len(words) < 6 or is_meta(text) or interface or _NOT_STANDFIRST.search(text):
        return False
    return sum(word in STOP_WORDS for word in words) / len(words) >= share


def _read_head(lines: list[PageLine], start: int) -> Head:
    title_index = find_title(lines, start)
    if title_index is not None:  # "Home World <headline>" over the headline itself: the headline
        title_text = lines[title_index].text
        title_index = next((m for m in range(title_index + 1, min(start + 1, len(lines)))
                            if len(lines[m].text.split()) >= 3 and title_text.endswith(" " + lines[m].text)),
                           title_index)  # fmt: skip
    if title_index is None:  # the page's first line, when it is all headline, heads the article too
        title_index = whole_fallback_line(lines, start)
    first = title_index + 1 if title_index is not None else max(0, start - HEAD_WINDOW)
    authors: list[str] = []
    desks: list[str] = []  # "Staff Reporter": the byline when no person is named
    published_text = None
    standfirst = None
    title = lines[title_index].text if title_index is not None else fallback_title(lines)
    outlets: list[str] = []  # "By Jane Roe, Harbour Wire", "Harbour 7 Web Staff": the outlet
    for j in range(first, start):
        text = lines[j].text
        if word_key(text) == word_key(title) or is_reprint(text, title):
            continue  # the headline again, also with a gallery's counter ("… 3")
        if dated := split_dated_byline(text):  # "Posted March 4, 2021, by Harbour 7 Web Staff"
            published_text = published_text or dated[0]
            text = dated[1]
        if is_byline(text):
            authors += [name for name in parse_byline(text) if name not in authors]
            outlets += [name for name in [split_byline_outlet(text)[1]] if name]
        elif desk := staff_byline(text):
            desks.append(desk)
            outlets += [name for name in [desk_outlet(desk)] if name]
        elif parse_date(text) is not None:
            published_text = published_text or text
        elif standfirst is None and title_index is not None and j - title_index <= _STANDFIRST_REACH:
            standfirst = text if _is_standfirst(text) else None
    above = range(title_index - 1, max(-1, title_index - HEAD_WINDOW - 1), -1) if title_index else range(0)
    if published_text is None:  # a date line above the headline
        published_text = next((lines[j].text for j in above if parse_date(lines[j].text) is not None), None)
    if not authors:  # a byline above a headline printed again lower down
        authors = next((parse_byline(lines[j].text) for j in above if is_byline(lines[j].text)), [])
    authors = authors or desks[:1]
    if standfirst is None and title_index:  # "Headline" / "Standfirst" / "Headline" again over the body
        standfirst = _standfirst_under_first_print(lines, title_index)
    head = frozenset(range(first, start))
    return Head(title, title_index, standfirst, authors, published_text, head, next(iter(outlets), None))


def _dateline_lead(lines: list[PageLine], kinds: list[str | None], head: Head, start: int) -> int | None:
    """The paragraph under the headline, above where the body was taken to start, that a dateline opens
    ("(Harbour Wire) – The tiny …"): the article's lead, never its standfirst; the prose between it and
    the body is the article too. None when there is none."""
    top = head.title_index + 1 if head.title_index is not None else start
    leads = [k for k in range(top, start) if kinds[k] is None and opens_with_dateline(lines[k].text)]
    return leads[0] if leads and leads[0] in head.head_lines else None


def _is_prose(text: str) -> bool:
    """A paragraph's sentence: :data:`_PROSE_WORDS` words or more, with function words, no byline or date."""
    words = word_key(text).split()
    function_words = sum(word in STOP_WORDS for word in words)
    prose = len(words) >= _PROSE_WORDS and function_words >= _PROSE_SHARE * len(words)
    return prose and not (is_byline(text) or is_date_line(text) or is_menu_like(text))


def _standfirst_under_first_print(lines: list[PageLine], title_index: int) -> str | None:
    """The standfirst (a sentence) printed under the headline's first print when the headline is printed
    again a few lines lower (over the lead picture), else None."""
    key = word_key(lines[title_index].text)
    reach = range(max(0, title_index - _STANDFIRST_REACH - 1), title_index)
    earlier = next((k for k in reach if word_key(lines[k].text) == key), None)
    if earlier is None:
        return None
    between = [lines[j].text for j in range(earlier + 1, title_index)]
    return next((text for text in between if text.endswith((".", "!", "?")) and _is_standfirst(text)), None)


def _anchor(body: list[int], listed: set[int]) -> int:
    """The first body line followed closely by another: a lone line above it (a notification prompt,
    a teaser) does not start the article. Links ``listed`` under "READ ALSO:" are no gap."""
    for line, following in pairwise(body):
        if following - line - sum(1 for k in listed if line < k < following) <= _ANCHOR_GAP:
            return line
    return body[0]


def _body_start(lines: list[PageLine], body: list[int], pictured: set[int]) -> int:
    """Where the body starts: after a byline, date or prompt printed just inside its first lines ("Posted
    March 4, 2021, by Harbour 7 Web Staff", "Compiled by Gazette staff from wire reports", "This article
    was published March 4, 2021 at 4:30 a.m."), and after a headline the line model took for body when
    nothing above it reads as one (a section label such as "World News" over the headline); a caption
    over its ``pictured`` credit is no such headline."""
    members = set(body)
    start = body[0]
    while is_promo(lines[start].text, addressed=True) and any(i > start for i in body):
        start = min(i for i in body if i > start)  # "Get our headlines straight to your inbox!"
    for j in range(start, min(len(lines), start + _BYLINE_SLACK + 1)):
        text = lines[j].text
        credit = split_dated_byline(text) or staff_byline(text) or is_published_note(text)
        if j in members and not (BY_PREFIX.match(text) or is_time_stamp(text) or credit):
            continue
        if is_byline(text) or is_date_line(text) or credit:
            start = j + 1
    while is_time_stamp(lines[start].text) and any(i > start for i in body):
        start += 1  # a second stamp under the first ("and last updated …")
    for _ in range(2):  # a kicker over the headline, both taken for body: neither is (nor a caption)
        near = any(start < i <= start + _ANCHOR_GAP for i in members) and start not in pictured
        if near and headline_over_body(lines, start, body):
            start += 1
    return start if any(i >= start for i in body) else body[0]


def _alt_text_over_body(lines: list[PageLine], body: list[int], start: int) -> bool:
    """The first body line is a picture's alt text (see :func:`is_alt_text`) with the body right under it."""
    return start in body and start + 1 in body and is_alt_text(lines[start].text)


def _summary_bullets(lines: list[PageLine], body: list[int], start: int) -> list[int]:
    """The bulleted summary opening the body ("- The ferry ran aground on Friday", two or more), with
    the body going on under it; [] for none."""
    members = set(body)
    bullets = list(takewhile(lambda i: i in members and bullet_text(lines[i].text), range(start, len(lines))))
    following = start + len(bullets)
    return bullets if len(bullets) >= _SUMMARY_BULLETS and following in members else []


_SUMMARY_BULLETS = 2


def _main_runs(lines: list[PageLine], body: list[int]) -> list[int]:
    """The body lines without stray runs far from the article (a teaser in a sidebar, a comment).

    Body lines closer than :data:`_RUN_GAP` lines form a run; runs with under :data:`_RUN_SHARE` of
    the biggest run's words are dropped.
    """
    if not body:
        return body
    runs: list[list[int]] = [[body[0]]]
    for i in body[1:]:
        if i - runs[-1][-1] > _RUN_GAP:
            runs.append([])
        runs[-1].append(i)
    words = [sum(len(lines[i].text.split()) for i in run) for run in runs]
    biggest = max(words)
    return [i for run, count in zip(runs, words, strict=True) if count >= _RUN_SHARE * biggest for i in run]


def _closing_lines(
    lines: list[PageLine], probabilities: list[float], kinds: list[str | None], body: list[int], floor: float
) -> list[int]:
    """The lines right under the last body line that the line model doubted: the paragraphs going on
    with a quotation the last body line leaves open (see :mod:`newstrace.extract.text_tail`), then a
    sentence (a page's short closing line, "The ministry calls the footage 'cruel.'") scoring at
    least ``floor``, shaped as prose, with the page's end or a line under ``floor`` below it (not one
    of a list of teasers).

    On the 120 benchmark pages the closing sentence adds three true closing lines and no other line.
    A sentence ending the page needs less (:data:`_PAGE_END_SHARE`).
    """
    quoted = quote_continuations(lines, kinds, body[-1])
    i = (quoted or body)[-1] + 1
    page_end = i + 1 == len(lines)  # nothing below: no footer the model could take it for
    if i >= len(lines) or probabilities[i] < (floor * _PAGE_END_SHARE if page_end else floor) or kinds[i]:
        return quoted
    footer = page_end or probabilities[i + 1] < floor  # not one of a list of teasers
    return [*quoted, i] if footer and _is_closing_sentence(lines[i].text, page_end) else quoted


# The line model scores a page's last lines low (footers end pages); a prose sentence that ends the
# page right under the body needs only this share of the floor. No benchmark page has such a line
# scoring between the two floors (it changes none of the 120): the rule is for scraped text that ends
# with the article.
_PAGE_END_SHARE = 0.5
_PAGE_END_PROSE_SHARE = 0.1  # and with fewer function words than other prose (names, a date)


_URL_IN_LINE = re.compile(r"https?://|www\.|@\w", re.IGNORECASE)
_TO_READER = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)


def _is_closing_sentence(text: str, page_end: bool = False) -> bool:
    """A sentence of the article's own, not the site's; ending the page, one with names and few
    function words too ("Harbour City played Port Calder on Saturday afternoon, May 27.")."""
    ending = text.rstrip("\"'”’»)] ")
    shaped = _is_standfirst(text, _PAGE_END_PROSE_SHARE if page_end else _PROSE_SHARE)
    prose = shaped and ending.endswith((".", "!", "?")) and not _URL_IN_LINE.search(text)
    own = without_quotes(text)  # a speaker's "you" is not the site's
    site_talk = has_interface_words(own) or _TO_READER.search(own) or is_promo(own)
    return prose and not site_talk  # "No spam, we promise: you can unsubscribe at any time."


def _restated_dek(lines: list[PageLine], body: list[int], start: int, head: Head) -> bool:
    """The first body line, a sentence just under the headline, is the standfirst: the next body line
    (the lead) says it again ("Jane Roe refuses to rule out …" over "Jane Roe has refused to …")."""
    members = set(body)
    if start not in members or start + 1 not in members or head.title_index is None:
        return False
    text = lines[start].text
    near = start - head.title_index <= _STANDFIRST_REACH
    single = not re.search(r"[.!?]\s", text.rstrip())
    restated = lead_share(text, lines[start + 1].text) >= _RESTATED_SHARE
    return near and single and restated and _is_standfirst(text)


_RESTATED_SHARE = 0.7  # share of a standfirst's content words that the lead under it repeats

def _without_title_sentence(paragraph: str, title: str) -> str:
    """The first paragraph without the headline printed again as its first sentence (case and
    punctuation aside); a paragraph that is only the headline is dropped as a whole elsewhere."""
    first, *rest = FIRST_SENTENCE.split(paragraph, maxsplit=1)
    return rest[0] if rest and word_key(first) == word_key(title) else paragraph


def _dateline_above(lines: list[PageLine], kinds: list[str | None], first: int) -> str:
    """The dateline on a line of its own right above the first body line, which it opens ("HWN —"), or "";
    the line model often doubts a line so short."""
    text = lines[first - 1].text if first > 0 and kinds[first - 1] is None else ""
    return text + " " if DATELINE_LINE.match(text) and len(text.split()) <= DATELINE_WORDS else ""


def _captions_over_credits(lines: list[PageLine], kinds: list[str | None]) -> set[int]:
    """The lines right above a bare picture credit that read as its caption: four words or more, no
    closing stop ("A cup of tea beside a sugar bowl" over "Source: © Jane Roe/EPA")."""
    found = set()
    for j in range(1, len(lines)):
        text = lines[j - 1].text
        stopped = text.rstrip("\"'”’»)] ").endswith((".", "!", "?", "…", ":", ";", ","))
        shaped = len(text.split()) >= _CAPTION_WORDS and not stopped
        if kinds[j] == "credit" and kinds[j - 1] is None and shaped and not is_meta(text):
            found.add(j - 1)
    return found


_CAPTION_WORDS = 4


def _unstopped_dek(lines: list[PageLine], body: list[int], start: int, head: Head) -> bool:
    """The first body line, just under the headline, is the standfirst: a sentence of prose printed
    without a closing stop ("Survey finds harbour towns lead the region in …") over a lead that has one."""
    members = set(body)
    following = next((i for i in body if i > start), None)
    if head.title_index is None or start not in members or following is None:
        return False
    text = lines[start].text
    ending = text.rstrip("\"'”’»)] ")
    unstopped = not ending.endswith((".", "!", "?", "…", ":", ";", ","))
    near = start - head.title_index <= _STANDFIRST_REACH
    lead = lines[following].text.rstrip("\"'”’»)] ").endswith((".", "!", "?"))
    return near and unstopped and lead and len(text.split()) >= _DEK_WORDS and _is_standfirst(text)


_DEK_WORDS = 10  # a standfirst without a stop is a sentence this long; a shorter line is a subheading


def _page_outlets(
    lines: list[PageLine], kinds: list[str | None], head: Head, start: int
) -> tuple[str | None, list[str]]:
    """The outlet the page's masthead (its first line), an edition or an age line above the body names,
    and the agencies the credit lines under the headline name ("Harbour Wire, Port Calder"). An outlet's
    name further down a page's top is as often a menu's link to a sister site."""
    top = head.title_index if head.title_index is not None else start
    mastheads: list[str] = []
    credits: list[str] = []
    for j in range(max(0, start - 3 * HEAD_WINDOW), start):
        if kinds[j] != "outlet":
            continue
        credit = credit_outlet(lines[j].text)
        if j > top and credit:
            credits.append(credit)
        elif name := stamped_outlet(lines[j].text) or (masthead_outlet(lines[j].text) if j == 0 else None):
            mastheads.append(name)
    if not mastheads and top > 0 and lines and kinds[0] in (None, "outlet"):  # "HWKT" over the headline
        mastheads += [name for name in [first_line_masthead(lines[0].text)] if name]
    return next(iter(mastheads), None), credits


def _lone_paragraph(lines: list[PageLine], kinds: list[str | None]) -> list[int]:
    """A one-paragraph item the line model doubts: its lines of prose at least :data:`_ITEM_WORDS` long."""
    found = []
    for i, line in enumerate(lines):
        words = word_key(line.text).split()
        prose = sum(word in STOP_WORDS for word in words) >= _PROSE_SHARE * len(words)
        if kinds[i] is None and len(words) >= _ITEM_WORDS and prose and not is_menu_like(line.text):
            found.append(i)
    return found


_ITEM_WORDS = 40


def _line_sources(lines: list[PageLine], j: int) -> list[str]:
    """The sources a source line cites, or the line under a bare "Source:" label (see
    :func:`labelled_sources`)."""
    under_label = labelled_sources(lines[j - 1].text, lines[j].text) if j > 0 else None
    return under_label or cited_sources(lines[j].text) or []


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return list(seen.values())


def extract_text_article(
    text: str, *, url: str | None = None, location: str | None = None, model: LineModel | None = None
) -> Article:
    """The article in scraped page text: title, standfirst, byline, date, body, captions, sources, topics.

    ``model`` replaces the shipped line classifier (the training script passes fold models).
    """
    model = model or load_line_model()
    lines = split_page_lines(text)
    return assemble_article(lines, score_lines(lines, model), model.threshold, url=url, location=location)


def assemble_article(
    lines: list[PageLine],
    probabilities: list[float],
    threshold: float,
    *,
    url: str | None = None,
    location: str | None = None,
) -> Article:
    """The article from page lines and each line's probability of being body text."""
    kinds = line_kinds(lines)
    body = _main_runs(lines, [i for i, p in enumerate(probabilities) if p >= threshold and kinds[i] is None])
    floor = _FALLBACK_SHARE * threshold
    prose = [
        i
        for i, p in enumerate(probabilities)
        if p >= floor and kinds[i] is None and len(lines[i].text.split()) >= _FALLBACK_WORDS
    ]
    # no line sure enough: the prose lines; else the prose lines just above the first body line
    # (a short page's lead the model doubted, above a subheading; the page's <title> line, "Headline -
    # Site | Tagline", is none)
    suffixed = bool(lines) and len(site_parts(lines[0].text)) > 1
    lead = [i for i in prose if body and body[0] - _LEAD_REACH <= i < body[0] and not (i == 0 and suffixed)]
    body = sorted(lead + body + _closing_lines(lines, probabilities, kinds, body, floor)) if body else prose
    body = body or _lone_paragraph(lines, kinds)  # a one-paragraph item the line model doubts
    source = site_of(url)
    if not body:
        return Article(title=fallback_title(lines), body=[], url=url, source=source,
                       extracted_by=EXTRACTED_BY, location=location)  # fmt: skip
    anchor = _anchor(body, {i for i, kind in enumerate(kinds) if kind == "related"})
    # captions, credits and related links are never the headline or the standfirst
    unlabelled = [replace(line, text="") if kinds[line.index] in NOT_HEAD else line for line in lines]
    pictured = _captions_over_credits(lines, kinds)  # "A cup of tea" over "Source: © Jane Roe/Alamy"
    start = _body_start(unlabelled, [i for i in body if i >= anchor], pictured)
    head = _read_head(unlabelled, start)
    if head.title_index is not None:
        start = max(start, head.title_index + 1)
    if (opening := _dateline_lead(lines, kinds, head, start)) is not None:  # "(Harbour Wire) – The …"
        prose_above = [k for k in range(opening, start) if not kinds[k] and _is_prose(lines[k].text)]
        body = sorted({*body, *prose_above})
        standfirst = None if head.standfirst == lines[opening].text else head.standfirst
        above = frozenset(k for k in head.head_lines if k < opening)
        head = replace(head, standfirst=standfirst, head_lines=above)
        start = opening
    if start - 1 == head.title_index and _alt_text_over_body(lines, body, start):
        start += 1  # "Jane Roe harbour Lifeboat Week" under the headline: the lead picture's alt text
    pictured -= {head.title_index}  # a headline over the lead picture's credit stays the headline
    if start in pictured:  # "A cup of tea by a sugar bowl" over "Source: © Jane Roe/EPA": a caption
        start = next((i for i in body if i > start and i not in pictured), start + 1)
    under_title = head.standfirst is None and head.title_index is not None
    if under_title and (_restated_dek(lines, body, start, head) or _unstopped_dek(lines, body, start, head)):
        head = replace(head, standfirst=lines[start].text)  # restated by the lead, or printed with no stop
        start += 1
        under_title = False
    bullets = _summary_bullets(lines, body, start) if under_title else []
    start += len(bullets)  # "- The ferry ran aground on Friday" under the headline: its summary
    body = [i for i in body if i < article_end(lines, kinds, body, start)]
    end = max(i for i in body if i >= start) if any(i >= start for i in body) else start
    body_set = {i for i in body if i >= start and i not in head.head_lines and i not in pictured}
    region_hi = min(len(lines), end + _TAIL_WINDOW + 1)
    drop = {word_key(head.standfirst)} if head.standfirst else set()
    headline = head.title_index is not None or not is_lead_sentence(head.title)
    if headline:  # a page without a headline keeps the lead it took its title from
        drop.add(word_key(head.title))
    paragraphs: list[str] = []
    dateline = _dateline_above(lines, kinds, min(body_set)) if body_set else ""
    glued_credit = None
    for i in sorted(body_set):
        line = lines[i].text
        repeated = bool(paragraphs) and paragraphs[-1] == line
        if word_key(line) in drop or is_byline(line) or is_promo(line, addressed=True) or repeated:
            continue
        if headline and is_headline_shaped(line) and word_overlap(line, head.title) >= REPRINT_OVERLAP:
            continue  # the headline again, a word changed, over or under the lead picture
        if i == end and is_self_promo(line):
            continue  # "Harbourland's leading news portal, Quayside, is …" closing the page
        if DATELINE_LINE.match(line) and len(line.split()) <= DATELINE_WORDS:
            dateline = line + " "
            continue
        if i == end:  # "… in the region.--Harbour Wire": the outlet a rewrite was taken from
            line, glued_credit = glued_closing_credit(line)
        # "… summer. Other Story's Headline", "[post_ads]The council said …"
        paragraphs.append(dateline + without_glued_headline(without_shortcodes(without_stray_comma(line))))
        dateline = ""
    if headline and paragraphs:  # "Ferry runs aground. The ferry …" under "Ferry Runs Aground"
        paragraphs[0] = _without_title_sentence(paragraphs[0], head.title)
    head_lo = max(0, start - HEAD_WINDOW)
    # "/ Source: X" printed with the byline counts too, but not a picture's dated "Source: Ministry, May 5"
    cited = [j for j in range(head_lo, start) if not re.search(r"\d", lines[j].text)]
    sources = [name for j in [*cited, *range(start, region_hi)] if kinds[j] == "sources"
               for name in _line_sources(lines, j)
               if not names_own_site(name, source)]  # fmt: skip  # a site crediting itself cites nobody
    # "-Harbour Wire" under the last paragraph: the outlet a rewrite was taken from
    closing = [*closing_credits(lines, kinds, end), *([glued_credit] if glued_credit else [])]
    outlet, credits = _page_outlets(lines, kinds, head, start)
    source = source or outlet or head.outlet or (dateline_outlet(paragraphs[0]) if paragraphs else None)
    # "Harbour Wire, Port Calder" under the headline: the agency the text came from
    sources += [name for name in [*closing, *credits] if not names_own_site(name, source)]
    topics = [topic for j in range(start, region_hi) if kinds[j] == "topics"
              for topic in parse_topics(lines[j].text) or []]  # fmt: skip
    # the headline, and the headline printed again over the lead picture's credit, is no caption
    titled = {j for j in range(head_lo, start)
              if j == head.title_index or is_reprint(lines[j].text, head.title)}  # fmt: skip
    # no byline above: the reporters a wire credit names below ("Reporting by A and B; Editing by C")
    credited = [name for j in range(end + 1, region_hi) for name in wire_credit_authors(lines[j].text)]
    return Article(
        title=head.title,
        body=paragraphs,
        url=url,
        source=source,
        standfirst=head.standfirst or "\n".join(bullet_text(lines[i].text) or "" for i in bullets) or None,
        authors=head.authors or _unique(credited),
        published=parse_date(head.published_text) if head.published_text else None,
        captions=text_captions(lines, kinds, body_set | titled, head_lo, captions_end(kinds, end, region_hi)),
        cited_sources=_unique(sources),
        topics=_unique(topics),
        extracted_by=EXTRACTED_BY,
        location=location,
    )
