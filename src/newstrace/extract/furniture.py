"""Page furniture in scraped text that reads like a headline or a paragraph but is neither.

Each function looks at one line: a language menu ("English हिन्दी Hindi বাংলা Bengali …"), the heading
of a block of other stories ("Trending News", "YOU SHOULD NOT MISS THESE HEADLINES"), a picture's
alt text ("Jane Roe harbour Lifeboat Week"), a caption printed under a one-word label
("Farewell: The crew waves from the quay"), a summary bullet ("- The ferry ran aground on Friday")
a site's paragraph about itself ("Harbourland's leading news portal, Quayside, is …"), a skip link
("Skip to main content"), an advertisement's label ("ADVERTISEMENT", misspelt too) or slot ("Post Top
Ad"), a CMS placeholder inside a paragraph ("[post_ads]"), a caption that places the people in its
picture ("Jane Roe (left) with her coach") and a caption printed twice on one line.
Pure and cheap, like :mod:`newstrace.extract.cues`.
"""

from __future__ import annotations

import re
import unicodedata

from newstrace.extract.lines import STOP_WORDS

# Scripts written together in one language (Japanese mixes kanji and kana, Korean hangul and hanja).
_SCRIPT_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "HALFWIDTH": "CJK"}
_MENU_SCRIPTS = 3  # a headline may quote a word in a second script; three scripts make a language menu

_MORE_STORIES_RE = re.compile(
    r"^(?:trending(?:\s+(?:news|now|stories|today))?|most\s+(?:read|popular|viewed|shared)"
    r"(?:\s+(?:stories|articles|news|today|this\s+week))?|popular\s+(?:stories|articles|posts|news)"
    r"|top\s+stories|latest\s+(?:news|stories|headlines)|more\s+(?:stories|news|headlines)"
    # "Don't Miss" alone may head the article's own list (a deals page): only with its object
    r"|(?:you\s+)?(?:should\s+not|shouldn'?t|must\s+not|mustn'?t|don'?t|do\s+not)\s+miss"
    r"(?:\s+(?:these|this|our|the))?\s+(?:headlines|stories|news)(?:\s+from\s+[\w .'’&-]{1,40})?"
    r"|editor'?s\s+picks?)\s*:?\s*$",
    re.IGNORECASE,
)
_ALT_TEXT_WORDS = (3, 8)
# a caption under a short label and a colon: "Announcement: Jane Roe said she …", "Happy couple: …"
_LABEL_CAPTION_RE = re.compile(r"^[A-Z][a-z]+(?:\s[a-z]+){0,2}:\s+(?P<text>[\"'‘“A-Z].+)$")
_LABEL_CAPTION_WORDS = 6
_BULLET_RE = re.compile(r"^[-–—•·*▪●]\s+(?P<text>\S.*)$")
_BULLET_WORDS = 4
# a site's own paragraph about itself: "Harbourland's leading digital news platform, Quayside, in …"
_SELF_PROMO_RE = re.compile(
    r"^(?:[\w.-]+['’]s|the|our)\s+(?:leading|largest|biggest|number\s+one|no\.?\s*1|most\s+popular"
    r"|most\s+trusted)\s+(?:[\w-]+\s+){0,2}(?:news|media|online)\s+(?:platform|portal|website|site|"
    r"outlet|brand|network|station|source)\b",
    re.IGNORECASE,
)


# "Skip to content" links in the languages of the lexicons
_SKIP_LINK_RE = re.compile(
    r"^(?:skip to (?:the )?(?:main )?(?:content|navigation)|(?:direkt )?zum inhalt(?: springen)?"
    r"|aller au contenu(?: principal)?|passer au contenu|(?:ir|saltar) al contenido(?: principal)?"
    r"|vai al contenuto(?: principale)?|(?:ga )?naar (?:de )?(?:hoofd)?inhoud"
    r"|перейти к (?:основному )?содержанию)\W*$",
    re.IGNORECASE,
)
# an advertisement's label left in the text, misspelt too ("Advertisment", "ADVERTISEMENT", "Advert"),
# and the line that tells the reader the article goes on below it
_AD_LABEL_RE = re.compile(
    r"^\W*(?:advert\w*|ads?|sponsored(?: (?:content|links?|stories))?|anzeige|werbung|publicité"
    r"|publicidad|pubblicità|publicidade|реклама"
    r"|(?:the )?(?:story|article|text) continues (?:below|after)(?: (?:this|the))?(?: advert\w*| ad)?"
    r"|continue reading (?:below|after)(?: (?:this|the))?(?: advert\w*| ad)?"
    r"|scroll (?:down )?to continue(?: (?:with|reading))?(?: (?:the )?(?:content|article))?"
    r"|scroll (?:down )?for more(?: (?:content|stories|news))?"
    # a template's ad slot: "Home Top Ad", "Post Bottom Ad", "Sidebar Ads"
    r"|(?:(?:home|post|page|header|footer|sidebar|side|top|bottom|middle|inline|in-article|below|above|content"
    r"|article)\s+){1,3}(?:ads?|advert\w*))\W*$",
    re.IGNORECASE,
)
# a CMS placeholder left inside a paragraph: "[post_ads]", "[ad_1]", "[/caption]" (an identifier with an
# underscore, or an ad's or embed's tag), never an editor's "[sic]" or "[the minister]"
_INLINE_SHORTCODE_RE = re.compile(
    r"\[/?(?:[a-z][a-z\d]*(?:_[a-z\d]+)+|ads?|adsense|advert|embed|caption|gallery)(?:\s+\w+=[^\]]*)?\]\s*"
)
# where a pictured person stands, in brackets after their name: "Jane Roe (left)", "(second right)"
_PICTURE_PLACE_RE = re.compile(
    r"\w\s*\((?:(?:far|second|third|second from|third from|top|bottom|back|front|centre|center)\s+)?"
    r"(?:left|right|centre|center|middle|pictured|above|below|top|bottom|inset|l|r)\)",
    re.IGNORECASE,
)
_PICTURE_CAPTION_WORDS = 5


def is_skip_link(text: str) -> bool:
    """A "Skip to main content" link (several languages)."""
    return bool(_SKIP_LINK_RE.match(text.strip()))


# a share bar's label: "Share via", "Share this article", "Share on Facebook", "Share:"
_SHARE_RE = re.compile(
    r"^(?:share(?: this)?(?: (?:article|story|page|post))?(?: (?:via|on|to|with))?"
    r"(?: (?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|reddit|telegram))?|share via \w+)\s*:?$",
    re.IGNORECASE,
)


# a gallery's links beside a picture: "(Full-size photo)(All photos)", "View gallery", "Enlarge image"
_GALLERY_LINK_RE = re.compile(
    r"^(?:\(?\s*(?:full[- ]size|enlarge|view|see|all|more|open)(?: (?:all|the|this))?"
    r" (?:photos?|images?|pictures?|gallery|galleries)\s*\)?\s*)+$",
    re.IGNORECASE,
)


def is_gallery_link(text: str) -> bool:
    """A gallery's link beside a picture ("(Full-size photo)(All photos)", "View gallery")."""
    return bool(_GALLERY_LINK_RE.match(text.strip()))


def is_share_label(text: str) -> bool:
    """A share bar's label ("Share via", "Share this article", "Share on Facebook")."""
    return bool(_SHARE_RE.match(text.strip()))


def is_ad_label(text: str) -> bool:
    """An advertisement's label ("ADVERTISEMENT", "Advertisment", "Story continues below advertisement")."""
    return bool(_AD_LABEL_RE.match(text.strip()))


def without_shortcodes(text: str) -> str:
    """The paragraph without the CMS placeholders left inside it ("[post_ads]The council said …") and
    without a link to the rest of the story closing it ("… the quay. (Read More)")."""
    return _TRAILING_READ_MORE_RE.sub("", _INLINE_SHORTCODE_RE.sub("", text)).strip()


# a bracketed link closing a paragraph after its stop: "… the quay. (Read More)", "… said. [Read more]"
_TRAILING_READ_MORE_RE = re.compile(r"(?<=[.!?\"”’])\s*[(\[]\s*read more\s*[)\]]\s*$", re.IGNORECASE)


def is_picture_caption(text: str) -> bool:
    """A caption that places the people in its picture ("… for 21-year-old Jane Roe (right)"): a line of
    at least five words with "(left)", "(right)", "(centre)", "(pictured)" … after a word, and no
    closing stop (a sentence of the article ends with one: "Jane Roe (pictured) said on Monday …")."""
    stripped = text.strip()
    if len(stripped.split()) < _PICTURE_CAPTION_WORDS or stripped.endswith((".", "!", "?", ":", "”", '"')):
        return False
    return bool(_PICTURE_PLACE_RE.search(stripped))


def doubled_caption(text: str) -> str | None:
    """The caption of a line that prints it twice running, as a picture's alt text and its caption glued
    together ("Divers at the quay at dawn. Divers at the quay at dawn."), else None."""
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 or half < _PICTURE_CAPTION_WORDS or words[:half] != words[half:]:
        return None
    return " ".join(words[:half])


def _script(char: str) -> str:
    family = unicodedata.name(char, "").split(" ")[0]
    return _SCRIPT_FAMILIES.get(family, family)


def is_script_menu(text: str) -> bool:
    """A line in three or more writing systems, not a sentence: a language menu, never a headline."""
    if text.rstrip("\"'”’»)] ").endswith((".", "!", "?", "。")):
        return False
    return len({_script(char) for char in text if char.isalpha()}) >= _MENU_SCRIPTS


def is_more_stories_heading(text: str) -> bool:
    """The heading of a block of other stories ("Trending News", "Most Read", "Don't miss")."""
    return bool(_MORE_STORIES_RE.match(text.strip()))


def is_alt_text(text: str) -> bool:
    """A picture's alt text: three to eight words, no function word, no closing stop, capitalised
    ("Jane Roe harbour Lifeboat Week"), neither a heading in capitals nor a list of numbers."""
    words = re.findall(r"\w+", text.casefold())
    low, high = _ALT_TEXT_WORDS
    if not low <= len(text.split()) <= high or text.isupper() or not text[:1].isupper():
        return False
    if text.rstrip("\"'”’ ").endswith((".", "!", "?", ":", ";", ",")) or re.search(r"\d", text):
        return False
    return not any(word in STOP_WORDS for word in words)


def label_caption_text(text: str) -> str | None:
    """The caption printed after a short label ("Farewell: The crew waves from the quay" → "The crew
    waves from the quay"), else None. Only a caption when its page says so (see the text path)."""
    match = _LABEL_CAPTION_RE.match(text.strip())
    if not match or len(match["text"].split()) < _LABEL_CAPTION_WORDS:
        return None
    words = re.findall(r"\w+", match["text"].casefold())
    prose = sum(word in STOP_WORDS for word in words) >= _PROSE_SHARE * len(words)
    return match["text"].strip() if prose else None  # not "More: Tag one Tag two Tag three"


_PROSE_SHARE = 0.15  # function words in a sentence of prose (as for a standfirst in the text path)


def bullet_text(text: str) -> str | None:
    """The text of a summary bullet ("- The ferry ran aground on Friday"), else None."""
    match = _BULLET_RE.match(text.strip())
    return match["text"] if match and len(match["text"].split()) >= _BULLET_WORDS else None


# another story's headline glued to a paragraph's end, after its last stop: "… this summer. Ferry
# Strike Ends As Union Accepts Deal From Harbour Board"
_GLUED_TAIL_RE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?P<tail>[A-Z\d][^.!?]*?)\s*$")
_GLUED_HEADLINE_WORDS = 6
_GLUED_SENTENCE_WORDS = 8  # the paragraph it is glued to is a sentence at least this long
_HEADLINE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "for", "from", "and", "or", "with", "as", "at", "by", "vs",
     "over", "after", "into"}
)  # fmt: skip


def without_glued_headline(text: str) -> str:
    """The paragraph without another story's headline glued to its end (a link the page printed inside
    it): six words or more after the last sentence's stop, with no stop of their own, every word but
    small ones capitalised ("… this summer. Ferry Strike Ends As Union Accepts Deal")."""
    match = _GLUED_TAIL_RE.search(text)
    if not match:
        return text
    words = [word for word in match["tail"].split() if word.casefold() not in _HEADLINE_SMALL_WORDS]
    short = len(match["tail"].split()) < _GLUED_HEADLINE_WORDS or match["tail"].endswith((":", ",", ";"))
    if short or len(text[: match.start("tail")].split()) < _GLUED_SENTENCE_WORDS:
        return text  # not after "Aug." nor "Jane E." opening a line of a list
    capitalised = all(word[:1].isupper() or word[:1].isdigit() or not word[:1].isalnum() for word in words)
    return text[: match.start("tail")].rstrip() if capitalised else text


def without_stray_comma(text: str) -> str:
    """The paragraph without a comma left at its start where the scraper dropped a byline or a credit
    before the dateline (", PORT CALDER, May 6 – …")."""
    return _STRAY_COMMA_RE.sub("", text)


_STRAY_COMMA_RE = re.compile(r"^[,;]\s+(?=\S)")


def is_self_promo(text: str) -> bool:
    """A site's paragraph about itself ("Harbourland's leading news portal, Quayside, is …")."""
    return bool(_SELF_PROMO_RE.match(text.strip()))
