"""Choose an article's title: the visible headline when the page has one, else a cleaned meta title.

Meta titles (``<title>``, ``og:title``, JSON-LD ``headline``) often end with the site's name
("… | The Daily Planet", "… - example.com"); the visible ``<h1>`` usually does not. We prefer the
``<h1>`` that agrees with a meta title, and otherwise strip a site suffix from the meta title.
The agreeing meta title wins over an ``<h1>`` that is the blog's masthead, is set in capitals or
carries a date or label ("Dec 18 2025 Headline"); a short last part (" | Top 19 Companies") is
dropped from whatever is chosen. Every rule was kept only if it raised exact titles on each of
the five WCXB folds (``benchmarks/wcxb.py``; rules written from the misses of folds 1-4).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

# Separators printed between a headline and the site's name.
_SEPARATOR_RE = re.compile(r"\s+(?:[|\-–—•·:»«/~]|::)\s+")
_MIN_TITLE_WORDS = 2  # a one-word <h1> is usually a logo or a section name, not a headline
_MAX_SUFFIX_WORDS = 6
_MIN_SITE_WORD = 4  # shorter words ("the", "news") match too many hosts
# share of words an <h1> must share with a (suffix-free) meta title to be taken as the headline;
# the default of MetadataPolicy.h1_agreement, chosen by cross-validation (benchmarks/wcxb.py --cv)
H1_AGREEMENT = 0.6
# a page's only <h1> this long is its headline even when the meta titles word it differently
# (the default of MetadataPolicy.lone_h1_words, chosen by cross-validation like H1_AGREEMENT)
LONE_H1_WORDS: int | None = 7
# a last " | part" or " - part" this short is dropped from the chosen title ("Gym Workouts — Strength
# Training", "… | Top 19 Companies", "… - Part 1"); the default of MetadataPolicy.tail_part_words
TAIL_PART_WORDS: int | None = 4
_TAIL_SEPARATOR_RE = re.compile(r"\s+[|–—-]\s+")


_TYPOGRAPHY = str.maketrans("’‘“”–—", "''\"\"--")


def normalise_title(text: str) -> str:
    """Case-folded, spacing- and typography-normalised text for comparisons."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_TYPOGRAPHY)
    return " ".join(text.split()).casefold()


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", normalise_title(text)))


def _overlap(a: str, b: str) -> float:
    """Share of ``a``'s words that are in ``b``."""
    wa = _words(a)
    return len(wa & _words(b)) / len(wa) if wa else 0.0


def title_parts(title: str) -> list[str]:
    """The parts of a title printed between separators ("Headline | Section | Site")."""
    return [part.strip() for part in _SEPARATOR_RE.split(title)]


def strip_site_suffix(title: str, site_names: Sequence[str]) -> str:
    """``title`` without a leading or trailing "| Site name" part.

    A part is dropped when it names the site (matches a known site name or the host) or, failing
    that, when it is short and the rest is clearly the headline (it is the last of several parts).
    """
    parts = _SEPARATOR_RE.split(title)
    if len(parts) < 2:
        return title.strip()
    names = {normalise_title(n) for n in site_names if n}
    squeezed = {re.sub(r"\W+", "", n) for n in names}

    def is_site(part: str) -> bool:
        norm = normalise_title(part)
        flat = re.sub(r"\W+", "", norm)
        if norm in names or flat in squeezed:
            return True
        # "Rust Blog" on blog.rust-lang.org, "Acme Tires" on acmetire.com: a short part sharing
        # a distinctive word with the site's name or host
        words = [w for w in re.findall(r"\w+", norm) if len(w) >= _MIN_SITE_WORD]
        short = len(norm.split()) <= _MAX_SUFFIX_WORDS
        return short and any(w in s or (len(s) >= _MIN_SITE_WORD and s in w) for w in words for s in squeezed)

    lo, hi = 0, len(parts)
    while hi - lo > 1 and is_site(parts[hi - 1]):
        hi -= 1
    while hi - lo > 1 and is_site(parts[lo]):
        lo += 1
    if hi - lo > 1 and hi == len(parts) and not names and len(parts[hi - 1].split()) <= _MAX_SUFFIX_WORDS:
        hi -= 1  # no site name known: a short last part is most likely the site's name
    separators = _SEPARATOR_RE.findall(title)
    rebuilt = parts[lo]
    for i in range(lo + 1, hi):
        rebuilt += separators[i - 1] + parts[i]
    return rebuilt.strip()


_MAX_KICKER_WORDS = 3  # "Dec 18 2025", "Blog:" printed before the headline in an <h1>
_MAX_SITE_H1_WORDS = 3  # "Ann's Blog", "Example Data Blog": a blog's name printed as its <h1>
_HOST_PREFIXES = frozenset({"www", "blog", "blogs", "news", "m"})
_HOST_LABEL_CHARS = 4  # a host label shorter than this ("go", "bbc") names too many things


def _is_site_heading(h1: str, site_names: Sequence[str]) -> bool:
    """Whether an ``<h1>`` is the site's name (a blog's masthead) rather than the headline."""
    flat = re.sub(r"\W+", "", normalise_title(h1))
    if not flat:
        return True
    for site in site_names:
        site_flat = re.sub(r"\W+", "", normalise_title(site))
        if flat == site_flat or flat == site_flat.split(".")[0]:
            return True
        labels = [w for w in normalise_title(site).split(".")[:-1] if w not in _HOST_PREFIXES]
        label = max(labels, key=len) if "." in site and labels else ""
        if len(h1.split()) <= _MAX_SITE_H1_WORDS and len(label) >= _HOST_LABEL_CHARS and label in flat:
            return True
    return False


def _agreement(h1: str, meta: str) -> float:
    return max(_overlap(h1, meta), _overlap(meta, h1))


def _meta_inside_h1(h1: str, meta: str) -> bool:
    """Whether ``h1`` is ``meta`` with something glued on that a headline would not carry.

    "Dec 18 2025 Title", "Blog: Title", "Title – Site", "Title Posted on May 1 by ann": the meta
    title is the headline. "Title: a subtitle" and "Title, reviewed by …" keep the ``<h1>``, whose
    subtitle the meta title left out for length.
    """
    h, m = normalise_title(h1), normalise_title(meta).rstrip(" .")
    start = h.find(m)
    if start < 0 or h == m or len(m.split()) < _MIN_TITLE_WORDS + 1:
        return False
    head, tail = h[:start].strip(), h[start + len(m) :].strip()
    if head:
        # a date or a short label ("Blog:"), not an article or a possessive ("The", "My")
        words = head.split()
        return len(words) <= _MAX_KICKER_WORDS and (len(words) > 1 or head.endswith(":"))
    return bool(re.search(r"\w", tail)) and not tail.startswith((":", ",", "(", "?", "!", "."))


def _untruncated(cleaned: Sequence[str]) -> str:
    """The first meta title, or a later one that it is a cut-off start of ("… Solutions (Including")."""
    first = cleaned[0]
    norm = normalise_title(first)
    for other in cleaned[1:]:
        if (
            len(other) > len(first)
            and normalise_title(other).startswith(norm)
            and not first.endswith((".", "?", "!"))
        ):
            return other
    return first


def drop_tail_part(title: str, max_words: int | None = TAIL_PART_WORDS) -> str:
    """``title`` without a last part of at most ``max_words`` words after " | ", " - ", " – " or " — "."""
    parts = _TAIL_SEPARATOR_RE.split(title)
    if max_words is None or len(parts) < 2 or len(parts[-1].split()) > max_words:
        return title
    return title[: title.rfind(parts[-1])].rstrip(" |-–—")


def choose_title(
    h1s: Sequence[str],
    meta_titles: Sequence[str],
    site_names: Sequence[str],
    agreement: float = H1_AGREEMENT,
    lone_h1_words: int | None = LONE_H1_WORDS,
    tail_part_words: int | None = TAIL_PART_WORDS,
) -> str | None:
    """The page's headline (see :func:`_choose_title`) without a short trailing part."""
    title = _choose_title(h1s, meta_titles, site_names, agreement, lone_h1_words)
    return drop_tail_part(title, tail_part_words) if title else title


def _choose_title(
    h1s: Sequence[str],
    meta_titles: Sequence[str],
    site_names: Sequence[str],
    agreement: float,
    lone_h1_words: int | None,
) -> str | None:
    """The visible headline that agrees with a meta title, else the first meta title without suffix.

    ``meta_titles`` come best first (JSON-LD headline, og:title, <title>). An ``<h1>`` is taken
    when most of its words are in a meta title (so a logo or "Related posts" heading is not), when
    it is the page's only ``<h1>`` and at least ``lone_h1_words`` long, or when there is no meta
    title at all. An ``<h1>`` naming the site is never taken; of several agreeing ``<h1>``s the
    closest wins. The agreeing meta title wins over an ``<h1>`` set in capitals or carrying a
    date, a label or the site's name around it.
    """
    cleaned = [strip_site_suffix(html.unescape(t), site_names) for t in meta_titles if t and t.strip()]
    h1s = [html.unescape(h) for h in h1s]
    candidates = [
        h
        for h in h1s
        if len(h.split()) >= _MIN_TITLE_WORDS
        and not (_is_site_heading(h, site_names) and not (cleaned and _agreement(h, cleaned[0]) >= agreement))
    ]
    scored = [
        (_agreement(h1, meta), -index, h1, meta)
        for index, h1 in enumerate(candidates)
        for meta in cleaned
        if _agreement(h1, meta) >= agreement
    ]
    if scored:
        _, _, h1, meta = max(scored)
        if (h1.isupper() and not meta.isupper()) or _meta_inside_h1(h1, meta):
            return meta
        return h1
    lone = len(set(h1s)) == 1 and len(candidates) == 1
    if lone and lone_h1_words is not None and len(h1s[0].split()) >= lone_h1_words:
        return h1s[0]
    if cleaned:
        return _untruncated(cleaned)
    return candidates[0] if candidates else None
