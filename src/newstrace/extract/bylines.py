"""Read the bylines a page prints and split them into names.

A byline is read from the page's author elements (outside comment sections), from links to an
author's page whose text is the name in the address, and from text printed after "By" / "Author:"
or under an "Author" heading; it is cleaned of "By", roles and dates, and split into names
(credentials such as "MD" or "Ph.D." stay with the name they follow). Choosing among bylines and
structured authors is :mod:`newstrace.extract.authors`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from newstrace.extract.titles import normalise_title

# Class names of elements that hold an author's name itself (strong), or a byline box (weak).
_NAME_CLASS_RE = re.compile(
    r"author-name|author__name|byline__name|byline-name|author-link|authorname|bylinename|byline-author",
    re.IGNORECASE,
)
_BYLINE_CLASS_RE = re.compile(r"byline", re.IGNORECASE)
_AUTHOR_CLASS_RE = re.compile(r"author", re.IGNORECASE)
_NOT_BYLINE_TAGS = frozenset(
    {"meta", "link", "script", "style", "head", "title", "noscript", "template", "html", "body"}
)
_STRONG_RANK = 3  # ranks below this mark a name itself, the others a byline box


_AUTHOR_PATH_RE = re.compile(
    r"/(?:authors?|writers?|contributors?|people|staff|profiles?)/([^/?#]+)", re.IGNORECASE
)


def _is_author_link(element: HtmlElement) -> bool:
    """A link to the author's page whose text is the name in its address ("/author/ann-lee": "Ann Lee")."""
    if element.tag != "a":
        return False
    match = _AUTHOR_PATH_RE.search(element.get("href") or "")
    if not match:
        return False
    slug = re.sub(r"[^a-z0-9]+", "", match[1].lower())
    name = re.sub(r"[^a-z0-9]+", "", normalise_title(element.text_content()))
    return bool(name) and name == slug


def _byline_rank(element: HtmlElement) -> int | None:
    """How surely an element holds the author's name (0 = surest), or None if it does not look like it.

    In order: ``rel="author"``; ``itemprop="name"`` inside ``itemprop="author"``; a class naming an
    author's name; ``itemprop="author"``; a class or id with "byline"; a class with "author".
    """
    if "author" in (element.get("rel") or "").lower().split():
        return 0
    itemprop = (element.get("itemprop") or "").lower()
    if itemprop == "name":
        parent = element.getparent()
        if parent is not None and (parent.get("itemprop") or "").lower() == "author":
            return 1
    classes = element.get("class") or ""
    if _NAME_CLASS_RE.search(classes) or _is_author_link(element):
        return 2
    if itemprop == "author":
        return 3
    if _BYLINE_CLASS_RE.search(classes) or _BYLINE_CLASS_RE.search(element.get("id") or ""):
        return 4
    if _AUTHOR_CLASS_RE.search(classes):
        return 5
    return None


# class or id words of the parts of a page whose names are not the article's authors
_SKIP_ANCESTOR_RE = re.compile(
    r"^(?:comments?|respond|reply|replies|related|footer|sidebar|widget|bio|author-bio|avatar|share|sharing)"
    r"(?:[-_]|$)|comment",
    re.IGNORECASE,
)
_PREFIX_RE = re.compile(
    r"^(?:(?:written|posted|published|reviewed|edited|reported|words|story|text|article|recipe)\s+)?"
    r"(?:by|von|par|por|di|door|av|af|от|автор)\b\s*:?\s*|"
    r"^(?:author\(s\)|authors?\b|writer\b|byline\b|contributors?\b)\s*:?\s*",
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
# months printed alone after a name (not May, June, April: surnames and first names)
_LONE_MONTHS = "january|february|march|july|august|september|october|november|december"
_WEEKDAYS = "mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# a date, a time or a label after the names: "Ann Lee | May 3", "Ann Lee on 3 May", "Ann Lee December"
_TAIL_RE = re.compile(
    r"\s*(?:[|•·]|\s-\s|\bupdated\b|\bpublished\b|\blast updated\b|"
    rf"\bon\s+(?=\S*\d|(?:{_MONTHS}|{_WEEKDAYS})\b)|\s(?:{_LONE_MONTHS})$|"
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


_DOTTED_RE = re.compile(r"\b(?:[A-Za-z]{1,3}\.){2,}$")  # "Ph.D.", "M.A.": the last dot is the abbreviation's


def _clean_byline(text: str) -> str:
    text = " ".join(text.split()).strip(" :|-–—,")
    for _ in range(2):  # "Author Posted by X"
        text = _PREFIX_RE.sub("", text)
    text = _LABEL_TAIL_RE.sub("", _TAIL_RE.sub("", text))
    keeps_dot = text.endswith(".") and (len(text.split()[-1]) <= 3 or _DOTTED_RE.search(text))
    return text.strip(" :|,") if keeps_dot else text.strip(" :|-–—,.")


def _is_name(part: str) -> bool:
    words = part.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS or any(ch.isdigit() for ch in part):
        return False
    if re.search(r"https?:|www\.|\.com\b|@|\b[a-z]+\.[a-z]+", part):
        return False  # addresses and template keys ("page.head.author") are not names
    if len(words) == 1 and len(part) <= 2:
        return False  # initials printed in an avatar
    if len(words) == 1:
        # handles ("ibby", "jdoe") are lower-case; months and labels are not names
        return part[:1].isalpha() and part.lower().strip(".") not in _NOT_NAMES
    if part.islower() and len(words) <= 3:
        return True  # "jane doe": written all in lower case, but consistently
    return all(w[:1].isupper() or w.lower() in _PARTICLES or not w[:1].isalpha() for w in words)


# Words of a job title printed after a name ("Ann Lee, Senior Analyst", "Bo Chen Staff Writer").
_ROLE_RE = re.compile(
    r"\b(?:writer|reporter|editor|editors|correspondent|journalist|contributor|contributing|columnist|analyst|"
    r"consultant|founder|co-founder|director|manager|head|ceo|cto|cfo|expert|specialist|lead|senior|chief|"
    r"president|officer|engineer|professor|producer|photographer|intern|strategist|marketer|reviewer|"
    r"attorney|lawyer|coach|trainer|winemaker|scientist|researcher|former)\b",
    re.IGNORECASE,
)


def looks_like_name(text: str) -> bool:
    """Whether a piece of a byline reads as a person's (or a handle's) name."""
    return _is_name(text)


def is_role(text: str) -> bool:
    """Whether a byline piece is a job title rather than a name."""
    return bool(_ROLE_RE.search(text))


def _strip_role(name: str) -> str:
    """ "Bo Chen Staff Writer" → "Bo Chen": cut at the first role word after at least two name words."""
    words = name.split()
    for i in range(2, len(words)):
        if _ROLE_RE.fullmatch(words[i].strip(",")) and words[i][:1].isupper():
            return " ".join(words[:i])
    return name


def split_authors(byline: str) -> list[str]:
    """Names in a cleaned byline: "A, MD and B" → ["A, MD", "B"]; job titles are dropped."""
    names: list[str] = []
    for part in _SPLIT_RE.split(byline):
        part = part.strip(" .") if not re.search(r"\b[A-Z]\.$", part.strip()) else part.strip()
        if not part:
            continue
        if names and is_role(part):
            continue  # "Ann Lee, Senior Analyst"
        part = _strip_role(part)
        if names and _CREDENTIAL_RE.match(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.extend(_unglued(part))
    return names


# two names a scraper ran together ("John VargaCharles Harrison"): a surname of four or more
# letters glued to the next given name and surname (not "McDonald", "MacArthur", "DeSantis")
_GLUED_RE = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Þ][a-zà-ÿ]+\s+[A-ZÀ-Þ])")


def _unglued(name: str) -> list[str]:
    parts = [p.strip() for p in _GLUED_RE.split(name)]
    return parts if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts) else [name]


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


_CONNECTOR_RE = re.compile(r"[,;&]|and|und|et|y", re.IGNORECASE)


def _is_date_piece(piece: str) -> bool:
    return any(ch.isdigit() for ch in piece) and not _TAIL_RE.sub("", piece).strip(" ,.")


def byline_text(element: HtmlElement) -> str:
    """The names part of a byline element, read text node by text node.

    Pages print a name and then, in another element, a role or a date ("Ann Lee" "Staff Writer",
    "Ann Lee" "March 3"): the text stops at the first piece that follows a name without a
    connector (",", "and", "&") between them. A leading "By" / "Written by" piece is skipped.
    """
    parts: list[str] = []
    for piece in element.itertext():
        piece = " ".join(piece.split()).strip(" |•·")
        if not piece:
            continue
        if not parts:
            piece = _PREFIX_RE.sub("", piece).strip(" :|•·")
            if not piece or _is_date_piece(piece):
                continue  # "By", or the date printed before the name ("Dec 17, 2025" "Ann Lee")
        if _CONNECTOR_RE.fullmatch(piece):
            parts.append(piece)
            continue
        if parts and not _CONNECTOR_RE.fullmatch(parts[-1]) and not parts[-1].endswith((",", "&", " and")):
            break
        parts.append(piece)
    return " ".join(parts)


def _in_skipped_part(element: HtmlElement) -> bool:
    for node in element.iterancestors():
        if node.tag in {"body", "html"}:
            return False
        if node.tag in {"footer", "aside", "form", "nav"}:
            return True
        words = f"{node.get('class', '')} {node.get('id', '')}".split()
        if any(_SKIP_ANCESTOR_RE.search(word) for word in words):
            return True
    return False


@dataclass(slots=True)
class Byline:
    """Names read from one byline element; ``strong`` when the element is marked as an author name."""

    names: list[str]
    strong: bool


def visible_bylines(tree: HtmlElement) -> list[Byline]:
    """Author lists read from the page's byline elements, surest first, in page order within a rank."""
    ranked: list[tuple[int, int, HtmlElement]] = []
    for position, element in enumerate(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in _NOT_BYLINE_TAGS:
            continue
        rank = _byline_rank(element)
        if rank is not None:
            ranked.append((rank, position, element))
    found: list[Byline] = []
    for rank, _, element in sorted(ranked, key=lambda item: item[:2]):
        if _in_skipped_part(element):
            continue
        names = clean_authors(byline_text(element))
        if names and all(names != b.names for b in found):
            found.append(Byline(names=names, strong=rank < _STRONG_RANK))
    return found


_PREFIXES = ("By", "by", "BY", "Written by", "Written By", "WRITTEN BY", "Posted by", "Posted By", "Words by",
             "Author:", "Authors:", "AUTHOR:", "Reported by", "Story by", "Recipe by", "Article by",
             "Contributor:", "Contributors:")  # fmt: skip
_PREFIX_START_RE = re.compile(r"^\s*(?:" + "|".join(re.escape(p) for p in _PREFIXES) + r")(?:\s|:|$)")
# a label printed alone above or before the names ("<h3>Author</h3><p>Ann Lee</p>")
_LABEL_ONLY_RE = re.compile(r"^\s*(?:authors?|author\(s\)|contributors?|written by)\s*:?\s*$", re.IGNORECASE)
_SKIP_TAGS = frozenset({"script", "style", "title", "option", "a", "button", "head", "noscript", "template"})


# "By Ann Lee and Bo Chen | March 3, 2025" fits; a sentence starting "By 2030, …" does not
_MAX_PREFIXED_CHARS = 100


def prefixed_bylines(tree: HtmlElement) -> list[Byline]:
    """Bylines printed as "By X" / "Written by X" / "Author: X" in an otherwise unmarked element."""
    found: list[Byline] = []
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue  # comments and processing instructions
        if node.text and (_PREFIX_START_RE.match(node.text) or _LABEL_ONLY_RE.match(node.text)):
            element = node  # "By Ann Lee", or a heading "Author" above the name
        elif node.tail and _PREFIX_START_RE.match(node.tail) and node.getparent() is not None:
            element = node.getparent()
        else:
            continue
        if element.tag in _SKIP_TAGS or _in_skipped_part(element):
            continue
        text = byline_text(element)
        if not text and element.getparent() is not None:
            element = element.getparent()  # "<span>By</span> <a>Ann Lee</a>"
            text = byline_text(element)
        if len(" ".join(element.text_content().split())) > _MAX_PREFIXED_CHARS:
            continue
        names = clean_authors(text)
        if names and all(names != b.names for b in found):
            found.append(Byline(names=names, strong=False))
    return found


_NOT_NAMES = frozenset(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
     "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
     "the", "a", "an", "author", "authors", "admin", "administrator", "staff", "team", "editor", "editors",
     "by", "written", "posted", "updated", "published", "share", "human", "page")
)  # fmt: skip
