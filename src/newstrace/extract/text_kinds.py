"""What each line of scraped page text is when it is not article text: the labelled lines around an
article (sources, topics, captions and credits, highlights, related links, notices, language menus,
headings of other stories) and the captions read from them.

:func:`line_kinds` gives each line its kind (None for a line that may be article text);
:func:`text_captions` reads the captions with their credits; :func:`article_end` says where the
article ends (reader comments, a block of other stories).
"""

from __future__ import annotations

import re

from newstrace.extract.appeals import appeal_lines
from newstrace.extract.cues import (
    is_image_credit_line,
    is_labelled_caption,
    is_owner_credit,
    parse_image_credit,
    parse_topics,
    split_caption_credit,
)
from newstrace.extract.furniture import (
    doubled_caption,
    is_ad_label,
    is_alt_text,
    is_gallery_link,
    is_more_stories_heading,
    is_picture_caption,
    is_script_menu,
    is_share_label,
    is_skip_link,
    label_caption_text,
)
from newstrace.extract.lines import STOP_WORDS, PageLine
from newstrace.extract.outlets import cited_sources, is_outlet_line, labelled_sources
from newstrace.extract.text_head import is_byline, is_time_stamp
from newstrace.records import Caption

_ALT_TEXT_WORDS = 8  # a picture's alt text over its caption is at most this long
BY_PREFIX = re.compile(r"^(?:[-–—•·*]\s+)?(?:by|von|par|por|di|door|av|af|от)\s", re.IGNORECASE)


def word_key(text: str) -> str:
    """``text`` as its case-folded words joined by single spaces (for comparing lines)."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def is_notice(text: str) -> bool:
    """A CMS placeholder ("[ad_1]", "{mosads}"), a notice about the reader's browser or about reprints
    ("This copy is for your personal non-commercial use only…"), an advertisement's label
    ("Advertisment"), a skip link ("Skip to main content"), a share bar's label ("Share via"), a
    player's notice ("Sorry, this video has expired"), a cookie notice or a bare "(Read more)" link."""
    furniture = is_ad_label(text) or is_skip_link(text) or is_media_notice(text) or is_share_label(text)
    notice = _SHORTCODE.match(text) or _BROWSER_NOTICE_RE.search(text) or _REPRINT_NOTICE_RE.search(text)
    site = _COOKIE_NOTICE_RE.search(text.strip()) or _READ_MORE_RE.match(text.strip())
    return bool(notice or site) or furniture


def is_media_notice(text: str) -> bool:
    """A video or audio player's notice left in the text ("Sorry, this video has expired")."""
    return bool(_MEDIA_NOTICE_RE.match(text.strip()))


# a player's notice: the site's, never the article's; the title under it is the clip's (see line_kinds)
_MEDIA_NOTICE_RE = re.compile(
    r"^(?:sorry,?\s+)?(?:this|the) (?:video|audio|clip|media|player)\s+(?:has expired"
    r"|is (?:no longer|not|currently not|currently un)\s*available|is unavailable"
    r"|(?:cannot|can't|could not) (?:be )?(?:played|load))"
    r"|^(?:video|audio|media) (?:unavailable|not available|has expired)"
    r"|^(?:your|this) browser does not support (?:the )?(?:video|audio|html5 video)",
    re.IGNORECASE,
)


_SHORTCODE = re.compile(r"^(?:\[/?\w+\]|\{/?\w+\})$")  # a CMS placeholder left in the page ("[ad_1]", "{ad}")
# a notice that the reader's browser is not supported or lacks JavaScript: the site's, never the article's
_BROWSER_NOTICE_RE = re.compile(
    r"^(?:(?:internet explorer|ie)\s*\d*|your (?:web )?browser|this browser)\s+is\s+(?:not|no longer)"
    r" supported\b|^for (?:an|the) (?:optimal|best) experience,? (?:please )?(?:visit|use|update|switch)\b"
    r"|^(?:please )?(?:enable|turn on) javascript\b"
    r"|^you (?:are using|have) an? (?:outdated|unsupported) browser\b",
    re.IGNORECASE,
)
# a site's notice about cookies: "By continuing to use the site, you agree to the use of cookies",
# "This website uses cookies to …"; and a bare link to the rest of a story: "(Read More)", "Read more …"
_COOKIE_NOTICE_RE = re.compile(
    r"^by (?:continuing to (?:use|browse|visit)|using|browsing|visiting) (?:this|the|our) (?:web)?site\b"
    r".{0,60}\byou (?:agree|consent|accept)\b.{0,60}\bcookies?\b"
    r"|^(?:this (?:web)?site|we) uses? cookies\b",
    re.IGNORECASE,
)
_READ_MORE_RE = re.compile(r"^[(\[]?\s*read (?:more|the full (?:story|article))\s*[)\]]?\s*[.…:>»›]*$", re.I)


# a site's notice about copying its pages: the site's, never the article's
_REPRINT_NOTICE_RE = re.compile(
    r"^this (?:copy|article|story|content|page) is for your personal,? non-?commercial use only\b"
    r"|^to order presentation-ready copies\b|^(?:for )?reprints? (?:and|&) permissions\b"
    r"|^(?:order|buy) (?:a )?reprints? of this (?:article|story)\b",
    re.IGNORECASE,
)


def article_end(lines: list[PageLine], kinds: list[str | None], body: list[int], start: int) -> int:
    """Where the article ends: at the reader comments, or at the heading of a block of other stories
    ("Trending News") with most of the body above it (a block in mid-article is left alone)."""
    for i in range(start, len(lines)):
        if _COMMENTS_RE.match(lines[i].text):
            return i
        if kinds[i] == "more":
            above = sum(len(lines[j].text.split()) for j in body if start <= j < i)
            below = sum(len(lines[j].text.split()) for j in body if j > i)
            if above >= below:
                return i
    return len(lines)


def line_kinds(lines: list[PageLine]) -> list[str | None]:
    """Each line's kind: "topics", "sources", "caption", "credit", "outlet" (a masthead or a wire's credit
    line), "highlights", "related", "menu", "more" (a heading of other stories), "notice" (a site's notice or
    appeal, see :mod:`newstrace.extract.appeals`), "teaser",
    "picture", or None."""
    kinds: list[str | None] = []
    for line in lines:
        text = line.text
        if parse_topics(text) is not None:
            kinds.append("topics")
        elif cited_sources(text) is not None:
            kinds.append("sources")
        elif is_time_stamp(text):
            kinds.append(None)  # "12:00 AM, May 3, 2021 / LAST MODIFIED: …" is no caption printed twice
        elif is_gallery_link(text):
            kinds.append("notice")  # "(Full-size photo)(All photos)": no caption with a credit
        elif split_caption_credit(text) is not None or is_picture_caption(text) or doubled_caption(text):
            kinds.append("caption")  # "… Credit: PA", "Jane Roe (left) with her coach", "A. A."
        elif is_image_credit_line(text) or is_owner_credit(text):
            kinds.append("credit")
        elif HIGHLIGHTS_RE.match(text) or (kinds[-1:] == ["highlights"] and is_link_line(text)):
            kinds.append("highlights")  # "Story highlights" and the summary lines under it
        elif _RELATED_RE.match(text) or (kinds[-1:] == ["related"] and is_link_line(text)):
            kinds.append("related")  # "READ ALSO:" and the headlines of other stories under it
        elif is_script_menu(text):
            kinds.append("menu")  # "English हिन्दी Hindi বাংলা Bengali …": a language menu
        elif is_more_stories_heading(text):
            kinds.append("more")  # "Trending News": the article has ended (see article_end)
        elif is_notice(text):
            kinds.append("notice")  # "IE 11 is not supported…", a CMS placeholder ("{mosads}", "[ad_1]")
        elif is_outlet_line(text):
            kinds.append("outlet")  # a masthead ("Harbour Courier US Edition"), a wire's credit line
        else:
            kinds.append(None)
    for j in range(1, len(lines)):  # "Source:" on its own line, the reference under it
        if kinds[j] is None and kinds[j - 1] is None and labelled_sources(lines[j - 1].text, lines[j].text):
            kinds[j - 1] = kinds[j] = "sources"
    for j in range(len(lines) - 1):  # a picture's alt text over its labelled or credited caption
        alt_text = is_link_line(lines[j].text) and len(lines[j].text.split()) <= _ALT_TEXT_WORDS
        labelled = kinds[j + 1] == "caption" and is_labelled_caption(lines[j + 1].text)
        credited = kinds[j + 1] == "caption" and alt_text and _is_alt_over(lines[j].text, lines[j + 1].text)
        if kinds[j] is None and ((labelled and alt_text) or credited):
            kinds[j] = "caption"
        cut = next((k for k in range(j + 1, min(len(lines), j + 1 + _TEASER_REACH))
                    if _cut_short(lines[j].text, lines[k].text)), None)  # fmt: skip
        if kinds[j] is None and cut is not None:
            kinds[j] = kinds[cut] or "teaser"  # "… prepared for a dive into a..." over the whole line
        if kinds[j] is None and bracket_credit(lines[j].text, lines[j + 1].text):
            kinds[j] = kinds[j + 1] = "caption"  # a caption printed twice, then with its credit "(HWN)"
        if kinds[j] is None and reprinted_credit(lines[j].text, lines[j + 1].text):
            kinds[j], kinds[j + 1] = "caption", "credit"  # "Divers at dawn. (Roe / HWN)" over "(Roe / HWN)"
        if kinds[j] is None and kinds[j + 1] == "caption" and _names_in(lines[j].text, lines[j + 1].text):
            kinds[j] = "picture"  # "Jane Roe" over "Mayor Jane Roe at the quay. Credit: PA": not a byline
    for j in range(len(lines)):  # "Farewell: The crew waves from the quay", printed as a caption
        if kinds[j] is None and _is_label_caption(lines, kinds, j):
            kinds[j] = "caption"
    for j in range(1, len(lines) - 1):  # byline, "Harbour Wire photo", then the picture's caption
        caption = lines[j + 1].text
        owner = kinds[j] == "credit" and is_owner_credit(lines[j].text)
        credited = owner and is_byline(lines[j - 1].text) and kinds[j + 1] is None
        if credited and len(caption.split()) >= _CAPTION_WORDS and caption.endswith("."):
            kinds[j + 1] = "caption"
    for j in range(1, len(lines) - 1):  # a clip's title printed twice under its player's notice
        if is_media_notice(lines[j - 1].text) and lines[j].text == lines[j + 1].text and kinds[j] is None:
            kinds[j] = kinds[j + 1] = "picture"
    for j in range(len(lines)):  # "> Other story's headline:" listed two or more in a row: links
        listed = [k for k in (j - 1, j + 1) if 0 <= k < len(lines) and _QUOTED_LINK_RE.match(lines[k].text)]
        link = _QUOTED_LINK_RE.match(lines[j].text) and is_link_line(lines[j].text)
        if kinds[j] is None and link and listed:
            kinds[j] = "related"
    for j in range(len(lines) - 1):  # "Crews at the quay on May 6, 2018." over "PORT CALDER — The ferry …"
        if kinds[j] is None and dated_caption(lines[j].text, lines[j + 1].text):
            kinds[j] = "caption"
    for j in appeal_lines(lines):  # "Your support makes all the difference.", "… for $3.99/mo"
        kinds[j] = kinds[j] or "notice"
    return kinds


_QUOTED_LINK_RE = re.compile(r"^[>»›]\s*\S")  # a link listed under a quote mark ("> Lava reaches the sea")
_TEASER_REACH = 6  # a teaser cut short sits at most this many lines above the line it shortens
_BRACKET_CREDIT_RE = re.compile(r"^\((?P<credit>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\)$")


def bracket_credit(line: str, following: str) -> str | None:
    """The credit of a caption printed twice, the second time with its credit in brackets after it
    ("Divers at dawn." over "Divers at dawn. (Harbour Maps)" → "Harbour Maps"), else None."""
    if len(line.split()) < _CAPTION_WORDS or not following.startswith(line):
        return None
    match = _BRACKET_CREDIT_RE.match(following[len(line) :].strip())
    return match["credit"] if match else None


_CAPTION_WORDS = 4


def dated_caption(line: str, following: str) -> bool:
    """``line`` is the lead picture's caption: a sentence ending with the day it was taken ("Crews free
    the ferry at Port Calder, on May 6, 2018."), right over the lead that opens with its dateline in
    capitals ("PORT CALDER — The ferry …")."""
    single = not re.search(r"[.!?]\s+[A-Z]", line)  # one sentence ("Sept." inside is no stop)
    return single and bool(_DAY_TAKEN_RE.search(line) and _CAPITAL_DATELINE_RE.match(following))


_DAY_TAKEN_RE = re.compile(
    r"\bon (?:\w+day,? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},?"
    r" (?:19|20)\d\d(?: in [A-Z][\w .,'’-]{0,40})?\.$",
    re.IGNORECASE,
)
_CAPITAL_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s+[—–-]{1,2}\s+\S"
)


def reprinted_credit(line: str, following: str) -> str | None:
    """The credit of a caption that ends with it in brackets, printed again alone on the next line
    ("Divers at dawn on the quay. (Jane Roe / Harbour Wire)" over "(Jane Roe / Harbour Wire)" → "Jane Roe
    / Harbour Wire"), else None."""
    credit = following.strip()
    if not (credit.startswith("(") and credit.endswith(")")) or len(credit.split()) > _CREDIT_WORDS:
        return None
    text = line.strip().removesuffix(credit).rstrip()
    stopped = text.endswith((".", "!"))
    if not line.strip().endswith(credit) or len(text.split()) < _CAPTION_WORDS or not stopped:
        return None
    return credit.strip("() ")


_CREDIT_WORDS = 8


def _is_alt_over(line: str, caption: str) -> bool:
    """``line`` is the alt text of the picture whose credited caption follows: no function words
    ("Jane Roe harbour dive") or words of the caption ("Jane Roe and family" over "Jane at home
    with her family (Picture: PA)")."""
    caption_words = set(word_key(caption).split())
    words = [word for word in word_key(line).split() if word not in STOP_WORDS]
    shared = sum(word in caption_words for word in words)
    return split_caption_credit(caption) is not None and (is_alt_text(line) or 2 * shared >= len(words) > 0)


def _is_label_caption(lines: list[PageLine], kinds: list[str | None], j: int) -> bool:
    """A caption under a short label ("Farewell: The crew waves from the quay"): next to a picture
    credit, or repeating a line of the page (captions often repeat the lead)."""
    text = label_caption_text(lines[j].text)
    if text is None:
        return False
    if any(kinds[k] == "credit" for k in (j - 1, j + 1) if 0 <= k < len(lines)):
        return True
    key = word_key(text)
    return any(k != j and len(key) >= _REPEAT_CHARS and word_key(line.text).startswith(key[:_REPEAT_CHARS])
               for k, line in enumerate(lines))  # fmt: skip


_REPEAT_CHARS = 60  # a caption repeats this much of a line's start (scraped captions are often cut short)


def _names_in(line: str, caption: str) -> bool:
    """``line`` is a bare person's name, or a few ("Jane Roe and Mia Holt."), that the caption below it
    names (the picture's title)."""
    if BY_PREFIX.match(line):
        return False
    names = re.split(r"\s*(?:,|&|\band\b)\s*", line.strip().rstrip("."))
    caption_key = f" {word_key(caption)} "
    return all(is_byline(name) and f" {word_key(name)} " in caption_key for name in names)


def _cut_short(line: str, following: str) -> bool:
    """``line`` is the start of ``following`` cut off with an ellipsis (a caption's or a lead's teaser)."""
    stem = line.rstrip(" .…")
    longer = len(following.rstrip(" .…")) > len(stem)  # not the same teaser printed twice
    return line.endswith(("...", "…")) and len(stem.split()) >= 4 and following.startswith(stem) and longer


NOT_HEAD = frozenset(
    ["caption", "credit", "related", "teaser", "notice", "picture", "more", "menu", "outlet"]
)
HIGHLIGHTS_RE = re.compile(
    r"^(?:story highlights|highlights|key points|in brief|at a glance|what we know(?: so far)?)\s*:?\s*$",
    re.IGNORECASE,
)
_RELATED_RE = re.compile(
    r"^(?:read (?:also|more|next)|also read"
    r"|related(?: (?:stories|articles|news|content|coverage|links|reading))?|see also|more on this"
    r"(?: story)?|recommended|you may also like|more from(?: \S+){1,4})\s*:?\s*$"  # "MORE FROM CBS NEWS"
    # "READ MORE: Headline", "PHOTOS: Deadly Quake Strikes …" (a picture credit is read before this)
    r"|^(?:read (?:also|more|next)|also read|related|see also|watch|photos?|videos?|gallery|listen)\s*:\s+\S",
    re.IGNORECASE,
)


# a comment section's heading: "Join the Discussion", "Comments (12)", "Leave a Reply", "Post a Comment"
_COMMENTS_RE = re.compile(
    r"^\s*(?:join the (?:discussion|conversation)|(?:\d+\s+)?comments?(?:\s*\(\d+\))?|"
    r"leave a (?:comment|reply)|post a comment|add (?:a|your) comment|show comments|comment policy\s*:.*|"
    r"no comments\s*:?|"
    r"kommentare|commentaires|comentarios|commenti|comentários)\s*:?\s*$",
    re.IGNORECASE,
)


def is_link_line(text: str) -> bool:
    """A line listed under "READ ALSO:": a headline (no full stop at its end), not prose."""
    return len(text.split()) <= 25 and not text.rstrip("\"'”’ ").endswith((".", "!", "?"))


def text_captions(
    lines: list[PageLine], kinds: list[str | None], body: set[int], lo: int, hi: int
) -> list[Caption]:
    """The captions on lines ``lo`` to ``hi``: captions with their credit, labelled captions, and a
    line over a bare credit that is not ``body``."""
    captions: list[Caption] = []
    for j in range(lo, hi):
        caption = None
        if kinds[j] == "caption":
            caption = split_caption_credit(lines[j].text) or _label_caption(lines, kinds, j)
            credit = bracket_credit(lines[j - 1].text, lines[j].text) if j > 0 else None
            caption = Caption(text=lines[j - 1].text, credit=credit) if credit else caption
            if caption is None and is_picture_caption(lines[j].text):
                caption = Caption(text=lines[j].text)
            if caption is None and j > 0 and kinds[j - 1] == "credit":  # under its credit (see line_kinds)
                caption = Caption(text=lines[j].text, credit=parse_image_credit(lines[j - 1].text))
            if caption is None and (once := doubled_caption(lines[j].text)):
                caption = Caption(text=once)
            following = lines[j + 1].text if j + 1 < len(lines) else ""
            if caption is None and (credit := reprinted_credit(lines[j].text, following)):
                caption = Caption(text=lines[j].text.removesuffix(following).rstrip(), credit=credit)
            if caption is None and dated_caption(lines[j].text, following):
                caption = Caption(text=lines[j].text)
        elif kinds[j] == "credit" and j > lo and kinds[j - 1] is None and j - 1 not in body:
            previous = lines[j - 1].text
            if len(previous.split()) >= 4 and not is_byline(previous):
                caption = Caption(text=previous, credit=parse_image_credit(lines[j].text))
        if caption and all(c.text != caption.text for c in captions):
            captions.append(caption)
    return captions


def _label_caption(lines: list[PageLine], kinds: list[str | None], j: int) -> Caption | None:
    """The caption printed under a short label, with the credit printed next to it."""
    text = label_caption_text(lines[j].text)
    if text is None:
        return None
    credit = next((parse_image_credit(lines[k].text) for k in (j + 1, j - 1)
                   if 0 <= k < len(lines) and kinds[k] == "credit"), None)  # fmt: skip
    return Caption(text=text, credit=credit)


def captions_end(kinds: list[str | None], end: int, hi: int) -> int:
    """Where the captions below the body end: two lines under it, or further while captions with
    their credit follow each other at most a line apart (pictures closing the article; a bare credit
    there is more often the site's "© …" footer)."""
    stop = min(len(kinds), end + 3)
    while nearby := [k for k in range(stop, min(hi, stop + 2)) if kinds[k] == "caption"]:
        stop = nearby[0] + 1
    return stop
