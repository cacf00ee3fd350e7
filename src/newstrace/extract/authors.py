"""Choose an article's authors among its visible bylines and its structured (JSON-LD, meta) authors.

The visible byline a reader sees wins when the structured data confirms it; the structured data
fills in when the page prints no byline; a site named after a person (one-person blogs) is the
author when nothing else names anyone. Rules were kept only if they raised author accuracy on
each of the five WCXB folds (``benchmarks/wcxb.py``; rules written from the misses of folds 1-4).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.extract.bylines import Byline, clean_authors, is_role, looks_like_name
from newstrace.extract.titles import normalise_title


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


_MIN_CONTAINED_WORDS = 2


def _known_names(first: Byline, visible: Sequence[Byline], keys: set[str]) -> list[str]:
    """``first``'s names, then the known names of the other strong bylines (one link per author).

    Only strong bylines (elements marked as an author's name) add names: boxes naming a reviewer
    or a fact-checker are weak, and the structured data often lists those people too.
    """
    names = list(first.names)
    seen = {_key(n) for n in names}
    for byline in visible:
        if not byline.strong:
            continue
        for name in byline.names:
            if _key(name) in keys and _key(name) not in seen:
                names.append(name)
                seen.add(_key(name))
    return names


def _within_known(name: str, known: set[str]) -> bool:
    """Whether ``name`` (two words or more) is printed inside a known author's longer entry.

    "Luke Kim" in "Luke Kim December", "Ann Lee" in "Ann Lee RN, BSN, Certified Sleep Consultant":
    the structured entry carries a date or a role the visible byline does not.
    """
    key = _key(name)
    if len(key.split()) < _MIN_CONTAINED_WORDS:
        return False
    return any(f" {key} " in f" {k} " for k in known)


def choose_authors(
    visible: Sequence[Byline],
    structured: Sequence[Sequence[str]],
    site_names: Sequence[str],
    site_as_last_resort: bool = True,
) -> list[str]:
    """Authors a reader sees in the byline, confirmed by the structured data where possible.

    In order: the visible byline that names a structured (JSON-LD, meta) author who is a person
    rather than the site; the same for any structured author; the first strong visible byline
    (an element marked as the author's name); the structured authors that are not the site's
    name; the first visible byline box; and, with ``site_as_last_resort``, a structured author
    that names the site (on one-person blogs the site's name is the author's).
    """
    entries = [(n, part) for names in structured for n in names for part in [n, *clean_authors(n)]]
    people = {_key(part) for n, part in entries if not is_site_name(n, site_names)} - {""}
    known = {_key(part) for _, part in entries} - {""}
    for keys in (people, known):
        matching = [b for b in visible if any(_key(n) in keys for n in b.names)]
        if matching:
            fullest = max(matching, key=lambda b: sum(_key(n) in keys for n in b.names))
            return _known_names(fullest, visible, keys)
        for byline in visible:
            trimmed = [m for m in (_trim_to_known(n, keys) for n in byline.names) if m is not None]
            if trimmed:
                return trimmed
        for byline in visible:
            if any(_within_known(n, keys) for n in byline.names):
                return list(byline.names)
    strong = [b for b in visible if b.strong]
    if strong:
        return list(strong[0].names)
    for names in structured:
        kept = [n for raw in names if not is_site_name(raw, site_names) for n in clean_authors(raw)]
        if kept:
            return kept
    if visible:
        return list(visible[0].names)
    if site_as_last_resort:
        for names in structured:
            kept = [n for raw in names for n in clean_authors(raw)]
            if kept:
                return kept
    return []


_MAX_OWNER_WORDS = 3
_ORGANISATION_WORDS = frozenset(
    ("blog", "news", "team", "media", "online", "magazine", "journal", "daily", "times", "post", "press",
     "group", "inc", "ltd", "llc", "co", "company", "studio", "labs", "lab", "data", "the", "review",
     "weekly")
)  # fmt: skip
_MIN_OWNER_WORD = 4  # "Ann" in "annex.com" proves nothing


def site_owner(candidates: Sequence[str], host: str | None) -> list[str]:
    """The person a one-person site is named after ("Ann Lee" on annlee.dev), or [].

    ``candidates`` are the site's declared names (og:site_name, the part of the <title> after the
    headline); one that reads as a person's name of two or three words, one of which is in the
    host name, is the site's owner and, when the page names no one else, its author.
    """
    flat_host = re.sub(r"[^a-z0-9]+", "", (host or "").lower())
    for name in candidates:
        words = name.split()
        if (
            not flat_host
            or not 2 <= len(words) <= _MAX_OWNER_WORDS
            or not looks_like_name(name)
            or is_role(name)
        ):
            continue
        if any(re.sub(r"['’]s$", "", w.lower()) in _ORGANISATION_WORDS for w in words):
            continue  # "Rust Blog", "Valley News": a publication, not a person
        if any(len(w) >= _MIN_OWNER_WORD and w in flat_host for w in re.findall(r"[a-z0-9]+", name.lower())):
            return [name]
    return []
