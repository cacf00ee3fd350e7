"""Find an article's authors: the visible byline first, then JSON-LD and ``<meta>`` tags.

Meta tags and JSON-LD often name the site or its owner as the author; the byline a reader sees
names the people who wrote the piece. A byline is read from the page's author elements (outside
comment sections), cleaned of "By", roles and dates, and split into names (credentials such as
"MD" or "Ph.D." stay with the name they follow).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml.html import HtmlElement

from newstrace.extract.titles import normalise_title

# Innermost elements that hold an author's name, best first.
_NAME_XPATHS: tuple[str, ...] = (
    ".//*[@rel='author']",
    ".//*[@itemprop='author']//*[@itemprop='name']",
    ".//*[contains(@class,'author-name') or contains(@class,'author__name')"
    " or contains(@class,'byline__name') or contains(@class,'byline-name') or contains(@class,'author-link')"
    " or contains(@class,'authorName')"
    " or contains(@class,'AuthorName') or contains(@class,'BylineName') or contains(@class,'byline-author')]",
    ".//*[@itemprop='author']",
    ".//*[contains(@class,'byline') or contains(@class,'Byline') or contains(@id,'byline')]",
    ".//*[contains(@class,'author') or contains(@class,'Author')]",
)
_SKIP_ANCESTOR_RE = re.compile(r"comment|respond|reply|related|footer|sidebar|widget|bio|avatar|share", re.I)
_PREFIX_RE = re.compile(
    r"^(?:(?:written|posted|published|reviewed|edited|reported|words|story|text|article)\s+)?"
    r"(?:by|von|par|por|di|door|av|af|от|автор)\b\s*:?\s*|^(?:authors?|writer|byline)\b\s*:?\s*",
    re.IGNORECASE,
)
# labels printed after the name in byline boxes
_LABEL_TAIL_RE = re.compile(
    r"\s+(?:verified expert|sponsored|last update[sd]?|updated|author|contributor|staff writer)\b.*$",
    re.IGNORECASE,
)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    "august|september|october|november|december"
)
_TAIL_RE = re.compile(
    r"\s*(?:[|•·]|\s-\s|\bon\b|\bupdated\b|\bpublished\b|\blast updated\b|"
    rf"\b(?:{_MONTHS})\.?\s+\d|\d{{1,2}}\s+(?:{_MONTHS})\b|"
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d+\s+(?:min|minutes?|hours?|days?)\b).*$",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
# credentials and suffixes printed after a name: "MD", "Ph.D.", "RD", "CFP®", "Jr."
_CREDENTIAL_RE = re.compile(
    r"^(?:[A-Z][A-Za-z]?\.?){1,4}\.?®?$|^[A-Z]{2,6}[®™]?(?:-[A-Z]+)?(?:\s\d+)?$|^(?:Jr|Sr)\.?$"
)
_MAX_NAME_WORDS = 5
# lower-case words that belong inside names
_PARTICLES = frozenset(
    ("van", "der", "den", "de", "la", "le", "da", "das", "do", "dos", "di", "del", "von", "zu", "bin", "al",
     "el", "ten", "ter", "du", "y", "e", "of", "for", "the")
)  # fmt: skip
_MAX_BYLINE_CHARS = 120


def _clean_byline(text: str) -> str:
    text = " ".join(text.split()).strip(" :|-–—,")
    for _ in range(2):  # "Author Posted by X"
        text = _PREFIX_RE.sub("", text)
    text = _LABEL_TAIL_RE.sub("", _TAIL_RE.sub("", text))
    return (
        text.strip(" :|-–—,.") if not text.endswith(".") or len(text.split()[-1]) > 3 else text.strip(" :|,")
    )


def _is_name(part: str) -> bool:
    words = part.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS or any(ch.isdigit() for ch in part):
        return False
    if re.search(r"https?:|www\.|\.com\b|@", part):
        return False
    if len(words) == 1:
        # handles ("ibby", "jdoe") are lower-case; months and labels are not names
        return part[:1].isalpha() and part.lower().strip(".") not in _NOT_NAMES
    if part.islower() and len(words) <= 3:
        return True  # "jane doe": written all in lower case, but consistently
    return all(w[:1].isupper() or w.lower() in _PARTICLES or not w[:1].isalpha() for w in words)


def split_authors(byline: str) -> list[str]:
    """Names in a cleaned byline: "A, MD and B" → ["A, MD", "B"]."""
    names: list[str] = []
    for part in _SPLIT_RE.split(byline):
        part = part.strip(" .") if not re.search(r"\b[A-Z]\.$", part.strip()) else part.strip()
        if not part:
            continue
        if names and _CREDENTIAL_RE.match(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def clean_authors(byline: str) -> list[str]:
    """Author names in a raw byline text, or [] when it does not read like names."""
    if len(byline) > _MAX_BYLINE_CHARS * 2:
        return []
    cleaned = _clean_byline(byline)
    if not cleaned or len(cleaned) > _MAX_BYLINE_CHARS:
        return []
    names = split_authors(cleaned)
    if not names or not all(_is_name(n.split(",")[0]) for n in names):
        return []
    return names


def _in_skipped_part(element: HtmlElement) -> bool:
    for node in element.iterancestors():
        if node.tag in {"footer", "aside", "form", "nav"}:
            return True
        label = f"{node.get('class', '')} {node.get('id', '')}"
        if _SKIP_ANCESTOR_RE.search(label):
            return True
    return False


@dataclass(slots=True)
class Byline:
    """Names read from one byline element; ``strong`` when the element is marked as an author name."""

    names: list[str]
    strong: bool


_STRONG_XPATHS = 3  # the first three selectors mark a name itself, the others a byline box


def visible_bylines(tree: HtmlElement) -> list[Byline]:
    """Author lists read from the page's byline elements, best first (duplicates removed)."""
    found: list[Byline] = []
    for rank, xpath in enumerate(_NAME_XPATHS):
        for element in tree.xpath(xpath):
            if not isinstance(element, HtmlElement) or element.tag in {"meta", "link", "script", "style"}:
                continue
            if _in_skipped_part(element):
                continue
            names = clean_authors(" ".join(element.itertext()))
            if names and all(names != b.names for b in found):
                found.append(Byline(names=names, strong=rank < _STRONG_XPATHS))
    return found


_PREFIXES = ("By", "by", "BY", "Written by", "Written By", "WRITTEN BY", "Posted by", "Posted By", "Words by",
             "Author:", "Authors:", "AUTHOR:", "Reported by", "Story by")  # fmt: skip
_PREFIX_XPATH = (
    "//body//text()["
    + " or ".join(
        f"starts-with(normalize-space(.), '{prefix} ') or normalize-space(.) = '{prefix}'"
        f" or normalize-space(.) = '{prefix}:'"
        for prefix in _PREFIXES
    )
    + "]"
)
# "By Ann Lee and Bo Chen | March 3, 2025" fits; a sentence starting "By 2030, …" does not
_MAX_PREFIXED_CHARS = 100


def prefixed_bylines(tree: HtmlElement) -> list[Byline]:
    """Bylines printed as "By X" / "Written by X" / "Author: X" in an otherwise unmarked element."""
    found: list[Byline] = []
    for node in tree.xpath(_PREFIX_XPATH):
        element = node.getparent()
        if element is None or element.tag in {"script", "style", "title", "option", "a", "button"}:
            continue
        if _in_skipped_part(element):
            continue
        text = " ".join(" ".join(element.itertext()).split())
        if len(text) > _MAX_PREFIXED_CHARS:
            continue
        names = clean_authors(text)
        if names and all(names != b.names for b in found):
            found.append(Byline(names=names, strong=False))
    return found


def is_site_name(name: str, site_names: Sequence[str]) -> bool:
    """Whether an "author" is really the site or its owner."""
    norm = re.sub(r"\W+", "", normalise_title(name))
    for site in site_names:
        site_norm = re.sub(r"\W+", "", normalise_title(site))
        if site_norm and (norm == site_norm or norm == site_norm.split(".")[0]):
            return True
    return False


def _key(name: str) -> str:
    return " ".join(re.findall(r"\w+", normalise_title(name.split(",")[0])))


def _trim_to_known(name: str, known: set[str]) -> str | None:
    """``name`` cut after a known author's name ("Ann Lee Staff Writer" → "Ann Lee"), or None."""
    key = _key(name)
    if key in known:
        return name
    words = name.split()
    for size in range(len(words) - 1, 1, -1):
        if _key(" ".join(words[:size])) in known:
            return " ".join(words[:size])
    return None


def choose_authors(
    visible: Sequence[Byline],
    structured: Sequence[Sequence[str]],
    site_names: Sequence[str],
) -> list[str]:
    """Authors a reader sees in the byline, confirmed by the structured data where possible.

    In order: the visible byline that names a structured (JSON-LD, meta) author; the first strong
    visible byline (an element marked as the author's name); the structured authors that are not
    the site's name; the first visible byline box.
    """
    known = {_key(n) for names in structured for n in names} - {""}
    for byline in visible:
        if any(_key(n) in known for n in byline.names):
            return list(byline.names)
    for byline in visible:
        trimmed = [m for m in (_trim_to_known(n, known) for n in byline.names) if m is not None]
        if trimmed:
            return trimmed
    strong = [b for b in visible if b.strong]
    if strong:
        return list(strong[0].names)
    for names in structured:
        kept = [n for n in names if not is_site_name(n, site_names)]
        kept = [n for raw in kept for n in clean_authors(raw)]
        if kept:
            return kept
    return list(visible[0].names) if visible else []


_NOT_NAMES = frozenset(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
     "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
     "the", "a", "an", "author", "authors", "admin", "administrator", "staff", "team", "editor", "editors",
     "by", "written", "posted", "updated", "published", "share", "human", "page")
)  # fmt: skip
