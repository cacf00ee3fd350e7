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


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


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
        credit = re.sub(r"^(?:credit|photo|image|picture)s?\s*:\s*", "", credit, flags=re.IGNORECASE).strip()
        if len(text.split()) >= _MIN_CAPTION_WORDS:
            return Caption(text=text, credit=credit or None)
    split = split_caption_credit(full)
    if split is not None:
        return split
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
        if caption is not None and caption.text not in seen:
            seen.add(caption.text)
            captions.append(caption)
    return captions
