"""Image captions and their credits, read from ``<figure>``/``<figcaption>`` and caption elements.

Trafilatura drops captions. Pages print them as ``<figcaption>`` (often with a ``<span
class="credit">`` inside), as an element whose class says "caption", or as a single line ending in
"Photo: X" / "(Getty Images)"; the credit is split off with the shared cue helpers.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newstrace.extract.cues import is_image_credit_line, split_caption_credit
from newstrace.records import Caption

_CAPTION_XPATH = (
    ".//figcaption | .//*[contains(@class,'caption') or contains(@class,'Caption')]"
    "[not(ancestor::figcaption)][not(self::figure)]"
)
_CREDIT_CLASS_RE = re.compile(r"credit|copyright|attribution|photographer|source|byline", re.IGNORECASE)
_SKIP_CLASS_RE = re.compile(r"comment|related|footer|sidebar|widget|promo|newsletter", re.IGNORECASE)
_MAX_CAPTION_CHARS = 600  # longer "captions" are whole text blocks in a caption-styled container
_MIN_CAPTION_WORDS = 3


_CREDIT_LABEL_RE = re.compile(
    r"^[(\[]?\s*(?:image|photo|picture|video)?\s*(?:credits?|photo|image|picture)s?\s*(?::|\.{2,}|…)\s*"
    r"|[)\]]$",
    re.IGNORECASE,
)
_CREDIT_DOTS_RE = re.compile(r"\s*\b(Credit|Photo|Image)(?:\.{2,}|…)\s*", re.IGNORECASE)


def _text(element: HtmlElement) -> str:
    # text pieces joined with spaces: "<span>Caption.</span><span>Credit</span>" has none between
    text = " ".join(" ".join(element.itertext()).split())
    return _CREDIT_DOTS_RE.sub(lambda m: f" {m.group(1)}: ", text).strip()


def _clean_credit(credit: str) -> str:
    return _CREDIT_LABEL_RE.sub("", credit.strip()).strip(" .()[]")


def _credit_elements(caption: HtmlElement) -> list[HtmlElement]:
    return [
        child
        for child in caption.iterdescendants()
        if isinstance(child, HtmlElement) and _CREDIT_CLASS_RE.search(child.get("class", ""))
    ]


def _skipped(element: HtmlElement) -> bool:
    return any(
        node.tag in {"footer", "nav", "aside"}
        or _SKIP_CLASS_RE.search(f"{node.get('class', '')} {node.get('id', '')}")
        for node in element.iterancestors()
    )


def read_caption(element: HtmlElement) -> Caption | None:
    """The caption (text and credit) printed by one caption element, or None."""
    full = _text(element)
    if not full or len(full) > _MAX_CAPTION_CHARS:
        return None
    credits = _credit_elements(element)
    if credits:
        credit = _text(credits[0])
        text = full.replace(credit, "").strip(" |–—-")
        credit = _clean_credit(credit)
        if len(text.split()) >= _MIN_CAPTION_WORDS:
            return Caption(text=text, credit=credit or None)
    split = split_caption_credit(full)
    if split is not None:
        return Caption(text=split.text, credit=_clean_credit(split.credit or "") or None)
    if is_image_credit_line(full) or len(full.split()) < _MIN_CAPTION_WORDS:
        return None
    return Caption(text=full)


def read_captions(tree: HtmlElement) -> list[Caption]:
    """Captions of the page's figures, in page order, without repeats."""
    captions: list[Caption] = []
    seen: set[str] = set()
    for element in tree.xpath(_CAPTION_XPATH):
        if not isinstance(element, HtmlElement) or element.tag in {"script", "style", "img"}:
            continue
        if _skipped(element):
            continue
        caption = read_caption(element)
        if caption is None or any(caption.text.startswith(t) or t.startswith(caption.text) for t in seen):
            continue  # the same caption printed twice, once with its credit inside the text
        seen.add(caption.text)
        captions.append(caption)
    return captions
