"""Page furniture in scraped text that reads like a headline or a paragraph but is neither.

Each function looks at one line: a language menu ("English हिन्दी Hindi বাংলা Bengali …"), the heading
of a block of other stories ("Trending News", "YOU SHOULD NOT MISS THESE HEADLINES"), a picture's
alt text ("Jane Roe harbour Lifeboat Week"), a caption printed under a one-word label
("Farewell: The crew waves from the quay"), a summary bullet ("- The ferry ran aground on Friday")
and a site's paragraph about itself ("Harbourland's leading news portal, Quayside, is …").
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


def is_self_promo(text: str) -> bool:
    """A site's paragraph about itself ("Harbourland's leading news portal, Quayside, is …")."""
    return bool(_SELF_PROMO_RE.match(text.strip()))
