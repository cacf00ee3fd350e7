"""Whether a name is a publication's: a web address, a news organisation's name, a name with a news word.

The names come from the claim lexicon's list of news organisations cited by name alone
(``analyse.lexicon``); a web address is known by its host ("https://www.example-herald.co.uk/x" →
"example-herald"), and a name with a word for news ("Harbour News", "Quay TV") is taken for an outlet's.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from newstrace.analyse.lexicon import load_lexicon

_SECOND_LEVEL = {"com", "co", "org", "net", "gov", "edu", "ac", "info", "biz", "news", "online"}
_NEWS_WORDS = {"press", "news", "times", "post", "agency", "agencies", "wire", "tv", "radio"}


def host_label(text: str) -> str | None:
    """The distinctive label of a web address ("https://www.dailymail.co.uk/x" → "dailymail")."""
    candidate = text.strip().lower()
    if " " in candidate or "." not in candidate:
        return None
    host = urlsplit(candidate if "//" in candidate else "//" + candidate).hostname or ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or not re.fullmatch(r"[a-z]{2,10}", labels[-1]):
        return None
    while len(labels) > 1 and (labels[-1] in _SECOND_LEVEL or len(labels[-1]) == 2):
        labels.pop()  # top-level and second-level domains: "co.uk", ".com", ".ru"
    return labels[-1] if labels else None


@cache
def outlet_names() -> frozenset[str]:
    """News organisations' names, lower case ("the clarion", "clarion on sunday")."""
    return load_lexicon("en").outlet_names


@cache
def _compact_outlet_names() -> frozenset[str]:
    return frozenset(re.sub(r"\W", "", name) for name in outlet_names())


def is_outlet_name(words: list[str]) -> bool:
    """The words, without a leading article, are a news organisation's name ("Clarion On Sunday")."""
    named = words[1:] if words and words[0].lower() in {"the", "a", "an"} else words
    return " ".join(named).lower() in outlet_names()


def has_news_word(name: str) -> bool:
    """The name holds a word for news ("Harbour News", "Quay TV", "Evening Post", "HarbourNews")."""
    words = re.findall(r"\w+", name) + re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)
    return bool({w.lower() for w in words} & _NEWS_WORDS)


def is_publication(name: str) -> bool:
    """A web address, a news organisation's name (also glued, "ClarionSport"), or a name with a news
    word ("Harbour News", "Quay TV")."""
    known = re.sub(r"\W", "", name.lower()) in _compact_outlet_names()
    return bool(host_label(name)) or known or is_outlet_name(name.split()) or has_news_word(name)
