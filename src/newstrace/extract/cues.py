"""Small line-level cues shared by the text and HTML extraction paths.

Each function looks at one line of visible text and says whether it is one of the labelled lines
news pages print around an article: cited sources ("Source: A and B", "Via: …", "From X:"), topic
or tag lists ("Topics: …", "Tags: …"), image captions with a trailing credit ("… Credit: PA") and
bare image-credit lines ("Featured Image Credit: …", "Photo: Getty", "Image source, Reuters").

Labels are matched in several languages where that costs only a word in a table. Everything here
is pure and cheap: no models, no I/O.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from newstrace.records import Caption

# Labels of a cited-source line, lower-case, without the colon.
SOURCE_LABELS: tuple[str, ...] = (
    "source", "sources", "via", "quelle", "quellen", "источник", "источники", "джерело",
    "fonte", "fontes", "fuente", "fuentes", "sursa", "surse", "sursă", "źródło", "źródła",
    "zdroj", "bron", "bronnen", "kilde", "kilder", "källa", "källor", "lähde", "kaynak",
    "forrás", "πηγή", "المصدر", "مصدر", "המקור", "出典", "来源", "來源", "출처", "nguồn",
    "sumber",
)  # fmt: skip

# Labels of a topic / tag list.
TOPIC_LABELS: tuple[str, ...] = (
    "topics", "topic", "tags", "tag", "tagged", "tagged with", "tagged as", "filed under",
    "related topics", "more on", "more about", "keywords", "themen", "thema", "schlagwörter",
    "schlagworte", "теги", "темы", "тема", "метки", "ключевые слова", "теги", "tópicos",
    "temas", "tema", "etiquetas", "sujets", "mots-clés", "mots clés", "argomenti", "etichete",
    "subiecte", "tematy", "tagi", "onderwerpen", "trefwoorden", "emner", "ämnen", "aiheet",
    "konular", "etiketler", "الوسوم", "مواضيع", "标签", "タグ", "태그", "chủ đề",
)  # fmt: skip

# Labels that introduce a picture credit, lower-case, without the colon.
CREDIT_LABELS: tuple[str, ...] = (
    "credit", "credits", "image credit", "image credits", "featured image credit", "photo credit",
    "photo credits", "picture credit", "picture credits", "photo", "photos", "photograph",
    "photography", "picture", "pictures", "pic", "image", "images", "image source", "video",
    "foto", "fotos", "fotó", "bild", "bilder", "bildquelle", "фото", "фотография", "источник фото",
    "crédito", "créditos", "crédit", "crédit photo", "imagen", "imagem", "immagine", "credito",
    "credit foto", "zdjęcie", "kuva", "صورة", "الصورة", "写真", "图片", "사진",
)  # fmt: skip

_MAX_NAMES_CHARS = 120  # a list of outlets or topics is short; longer text after a label is prose
_MAX_CREDIT_WORDS = 8  # "Credit: Justin Sullivan/Getty Images via AFP" is about the longest seen


def _label_pattern(labels: tuple[str, ...], separators: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(label) for label in sorted(set(labels), key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alternatives})\s*(?:{separators})\s*(?P<rest>.+?)\s*$", re.IGNORECASE)


_SOURCE_RE = _label_pattern(SOURCE_LABELS, r":|：|\s[-–—]\s")
_LEADING_SEPARATOR_RE = re.compile(r"^\s*[/|•·]\s*(?=\w)")  # "/ Source: X" after a byline's slot
_FROM_RE = re.compile(r"^\s*(?:from|aus|desde|из|від)\s+(?P<rest>[^:]{2,60}?)\s*:\s*$", re.IGNORECASE)
_TOPIC_RE = _label_pattern(TOPIC_LABELS, r":|：|\s[-–—|]\s")
_CREDIT_LINE_RE = _label_pattern(CREDIT_LABELS, r":|：|,|\s[-–—|]\s")
_CREDIT_TAIL_RE = re.compile(
    # the label follows a sentence end ("… border. Credit: X") or a separator ("… | Photo: X")
    r"^(?P<text>.*?(?:[.!?\"'”’)]\s+|\S\s*[|–—(\[]\s*))(?P<label>"
    + "|".join(re.escape(label) for label in sorted(set(CREDIT_LABELS), key=len, reverse=True))
    + r")\s*(?::|：|\s+by\s|\s+courtesy(?:\s+of)?\s)\s*(?P<credit>[^:]+?)\s*[)\]|]?\s*$",
    re.IGNORECASE,
)
_PAREN_BY_RE = re.compile(
    r"^(?P<text>.*?\S)\s*[(\[]\s*(?:photo|picture|image|photograph|video)s?\s+by\s+(?P<credit>[^)\]]+)[)\]]\s*$",
    re.IGNORECASE,
)
_COPYRIGHT_TAIL_RE = re.compile(
    r"^(?P<text>.*?[.!?])\s*(?:©|\(c\))\s*(?P<credit>[^.!?]{2,60})$", re.IGNORECASE
)
# "… on March 17, 2022© Reuters": the copyright sign after a caption with no stop of its own (only a
# caption of several words: "All content © Harbour Media" is a footer)
_GLUED_COPYRIGHT_RE = re.compile(r"^(?P<text>(?:\S+\s+){4,}?\S*[\w)])\s*©\s*(?P<credit>[^.!?©]{2,60})$")
_AGENCY_TAIL_RE = re.compile(  # the credit may be glued to the stop ("… 2015.Jane Roe / AP file")
    r"^(?P<text>.*?[.!?)])(?:\s+|(?=[A-Z][a-z]))"
    r"(?P<credit>[A-Z][\w.&' -]{0,40}/\s?(?:Getty Images|Getty|AFP|AP|Reuters|EPA|PA|"
    r"Shutterstock|Alamy|Bloomberg|Rex|REX|Zuma|ZUMA|AAP|Xinhua|Sipa|IMAGO|dpa|Anadolu|UPI)[\w .]*)$"
)
# a picture library's credit after a caption's stop, its photographer a lower-case handle: "… at dawn.
# jdoe/Harbour Stock", "… in 2023. jane.photo via picturebank" (a sentence never ends so)
_HANDLE_TAIL_RE = re.compile(
    r"^(?P<text>.*?[.!?)])\s+(?P<credit>[a-z\d][\w.'’-]*\s?/\s?[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2}"
    r"|[\w.'’-]+\s+via\s+[\w.'’-]+)$"
)
# a short caption with a one-to-three-word credit glued to its stop: "… where it took place.Harbourpedia"
# (a sentence ending the line never runs into the next word)
_GLUED_CREDIT_RE = re.compile(
    r"^(?P<text>[^.!?]{10,200}[a-z)][.!?])(?P<credit>[A-Z][\w&'’-]+(?:\s[A-Z][\w&'’-]+){0,2})$"
)
# the agency first: "… the United States. UPI/Jane Roe | License Photo"
_AGENCY_FIRST_TAIL_RE = re.compile(
    r"^(?P<text>.*?[.!?)])\s+(?P<credit>(?:AP|AFP|Reuters|EPA|UPI|Xinhua|Anadolu)\s?/\s?[A-Z][\w.' -]{1,40}?)"
    r"(?:\s*\|\s*License Photo)?$"
)
# a picture agency's credit in brackets at a caption's end: "(Jane Roe via AP)", "(AP Photo/Jane Roe)",
# "(Jane Roe/AP)"
_AGENCIES = r"(?:AP|AFP|Reuters|Getty Images|Getty|EPA|PA|AAP|Xinhua|dpa|Shutterstock|Alamy|ANP|Anadolu|UPI)"
_AGENCY_CREDIT = (
    rf"(?:[A-Z][\w.&' -]{{0,40}}?\s+via\s+{_AGENCIES}|{_AGENCIES}\s+Photo\s*/\s*[\w.' -]{{1,40}}"
    rf"|{_AGENCIES}\s*/\s*[A-Z][\w.' -]{{1,40}}|[A-Z][\w.&' -]{{0,40}}?\s*/\s*{_AGENCIES})"
)
_PAREN_AGENCY_RE = re.compile(rf"^(?P<text>.*?[.!?\"'”’)])\s*\((?P<credit>{_AGENCY_CREDIT})\)$")
_AGENCY_LINE_RE = re.compile(rf"^\((?P<credit>{_AGENCY_CREDIT})\)$")
# an owner's picture credit in brackets: "… and Sgt. Jane Roe (U.S. Army photos)", "(Harbour Office photo)"
_PAREN_OWNER_RE = re.compile(
    r"^(?P<text>.*?\S)\s*\((?P<credit>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s+"
    r"(?:file\s+)?(?:photo|photograph|picture|image)s?\)$"
)
# a caption printed twice around its credit (alt text, credit, caption): "Divers at dawn. AP Divers at dawn."
_DOUBLED_CAPTION_RE = re.compile(r"^(?P<text>\S.{9,}?[.!?]?)\s+(?P<credit>\S[^.!?]{0,40}?)\s+(?P=text)$")
# a second credit after the first: "… (Photo by Jane Roe/Getty Images) (Photo: Jane Roe, 2017 Getty)"
_SECOND_CREDIT_RE = re.compile(
    r"(?<=[)\]])\s*[(\[]\s*(?:photo|picture|image|credit)s?\s*(?::|\s+by\s)[^()\[\]]+[)\]]\s*$", re.IGNORECASE
)
_CREDIT_NOTE_RE = re.compile(r"\s*\((?:photo|picture|image) credit should read [^)]*\)\s*$", re.IGNORECASE)
# a caption printed under its label, its credit after the last full stop
_CAPTION_LABEL_RE = re.compile(
    r"^(?:caption|legende|bildlegende|bildunterschrift|légende|leyenda|didascalia|legenda|onderschrift)\s*:\s*"
    r"(?P<text>.+?[.!?])(?:\s+(?P<credit>[A-Z][\w&./ -]{1,40}))?$",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(
    r"\s*(?:,|;|\||•|·|、|，|\s&\s|\s(?:and|und|et|y|e|и|і|și|şi|og|och|en|ja|ve|és)\s|\sو)\s*"
)
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def site_of(url: str | None) -> str | None:
    """The outlet a web address names: its host without a leading ``www.``; an address by number
    ("http://203.0.113.7/world/…", a mirror or a cache) names none."""
    host = urlsplit(url if url is None or "://" in url else "http://" + url).hostname if url else None
    if not host or _is_ip_address(host):
        return None
    return host.removeprefix("www.")


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _clean_name(name: str) -> str:
    name = name.strip()
    if name.endswith("/") and not _URL_RE.match(name):
        return ""  # "Harbour/": a breadcrumb or a path cut short, not a name
    name = name.strip(".;,:-–—\"'“”‘’()[] ")
    if _URL_RE.match(name):
        name = site_of(name) or name
    return name


def _split_names(rest: str) -> list[str]:
    names = [_clean_name(part) for part in _SPLIT_RE.split(rest)]
    return [name for name in names if name]


def _looks_like_list(rest: str) -> bool:
    """Text after a label that reads like names rather than a sentence."""
    if len(rest) > _MAX_NAMES_CHARS:
        return False
    # a sentence stop in the middle ("Source: he said. Then …") means prose
    return not re.search(r"[.!?]\s+[A-Za-z]", rest.rstrip(".!? "))


def _is_picture_credit(rest: str) -> bool:
    """What follows a "Source:" label credits a picture: "© Jane Roe", "Jane Roe/EPA"."""
    return bool(re.match(r"^(?:©|\(c\)\s)", rest, re.IGNORECASE)) or _is_slashed_credit(rest)


def _picture_source(line: str) -> str | None:
    """The credit on a "Source: © Jane Roe/EPA" line (a picture's source), else None."""
    match = _SOURCE_RE.match(line)
    if not match or not _is_picture_credit(match["rest"]):
        return None
    return re.sub(r"^(?:©|\(c\))\s*", "", match["rest"], flags=re.IGNORECASE).strip(" .") or None


_MAX_SOURCE_WORDS = 5  # an outlet's name is this long at most; a longer "name" is a headline's clause
_QUOTE_MARKS = re.compile(r"[\"“”‘’«»]")


def parse_cited_sources(line: str) -> list[str] | None:
    """Outlets named on a "Source: A and B" / "Via: X" / "From X:" line, or None for other lines; [] for a
    source line naming an article by its headline rather than outlets.

    >>> parse_cited_sources("Source: The Daily Planet and example.org")
    ['The Daily Planet', 'example.org']
    """
    match = _SOURCE_RE.match(_LEADING_SEPARATOR_RE.sub("", line))
    if match and _is_picture_credit(match["rest"]):
        return None  # "Source: © Jane Roe/EPA" under a picture credits the picture
    if match and _looks_like_list(match["rest"]):
        names = _split_names(match["rest"])
        if _QUOTE_MARKS.search(match["rest"]) or any(len(name.split()) > _MAX_SOURCE_WORDS for name in names):
            return []  # "Source: Harbour Study Links Tea To Sleep; ‘drink Less,’ …": an article's headline
        return names or None
    match = _FROM_RE.match(line)
    if match and len(match["rest"].split()) <= 6:
        return [_clean_name(match["rest"])]
    return None


# a rewrite's closing credit: "-Harbour Wire", "— Reuters", "By: HarbourSports" (a name, no sentence)
_CLOSING_CREDIT_RE = re.compile(
    r"^\s*(?:[-–—]+\s*|(?i:by)\s*:\s*|(?i:by)\s+)(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z&][\w.&'’-]*|of|the)){0,3})"
    r"\s*\.?\s*$"
)
# words of an outlet's name, not of a person's ("Harbour Sports", "Quayside Times")
OUTLET_WORDS = frozenset(
    {"news", "sport", "sports", "times", "post", "press", "tv", "radio", "fm", "media", "online", "daily",
     "herald", "mail", "telegraph", "journal", "gazette", "tribune", "network", "channel", "agency", "wire",
     "magazine", "today", "express", "mirror", "star", "standard", "observer", "chronicle", "insider",
     "guardian", "independent", "world", "weekly", "football", "broadcasting", "newspaper", "bulletin",
     "enquirer", "inquirer", "examiner", "sentinel", "courier", "dispatch", "register", "ledger", "monitor",
     "advertiser", "argus", "clarion", "beacon"}
)  # fmt: skip


_PAGING_WORDS = frozenset({"next", "previous", "prev", "older", "newer", "back", "more", "home"})


def parse_closing_credit(line: str) -> str | None:
    """The outlet a closing credit line names ("-Harbour Wire" → "Harbour Wire", "By: HarbourSports",
    "— Reuters"), else None; a person's name ("— Jane Roe", "By Jane Roe") is a signature, not an
    outlet: a one-word name, an acronym, a web address or a name with an outlet's word is one.

    >>> parse_closing_credit("-HarbourSports")
    'HarbourSports'
    """
    match = _CLOSING_CREDIT_RE.match(line)
    if not match:
        return None
    name = match["name"].rstrip(".")
    words = name.split()
    if words[0].casefold() in _PAGING_WORDS:
        return None  # "- Next Auto News": a link to the next story
    outlet = len(words) == 1 or name.isupper() or "." in name or words[0] == "The"  # "— The Clarion"
    return name if outlet or any(word.casefold() in OUTLET_WORDS for word in words) else None


def _compact(text: str) -> str:
    return "".join(re.findall(r"[^\W_]+", text.casefold()))


def names_own_site(name: str, site: str | None, site_name: str | None = None) -> bool:
    """``name`` is the outlet that publishes the page (its host ``site`` or its ``site_name``):
    "harbourfm.com", "www.harbourfm.com", "Harbour Post GH" for harbourpostgh.com. A site
    crediting itself on a "Source:" line cites nobody.

    >>> names_own_site("Harbour Post GH", "harbourpostgh.com")
    True
    """
    key = _compact(site_of(name) or name) if _URL_RE.match(name) or "." in name else _compact(name)
    if not key:
        return False
    if site_name and key == _compact(site_name):
        return True
    if not site:
        return False
    host = site.casefold().removeprefix("www.")
    labels = [label for label in host.split(".")[:-1] if label not in _GENERIC_LABELS]
    return key == _compact(host) or key in labels


_GENERIC_LABELS = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"})


def parse_topics(line: str) -> list[str] | None:
    """Topics on a "Topics: a, b, c" / "Tags: …" line (many languages), or None for other lines."""
    match = _TOPIC_RE.match(line)
    if not match or len(match["rest"]) > 2 * _MAX_NAMES_CHARS:
        return None
    rest = match["rest"]
    parts = re.split(r"\s*(?:,|;|\||•|·|、|，|#)\s*", rest)
    topics = [part.strip(" .#") for part in parts if part.strip(" .#")]
    if not topics or any(len(topic.split()) > 6 for topic in topics):
        return None
    return topics


def _credit_ok(credit: str) -> bool:
    words = credit.split()
    if re.search(r"rights reserved|all rights|\b(?:19|20)\d{2}\b", credit, re.IGNORECASE):
        return False  # a site's copyright notice, not a picture credit
    return 0 < len(words) <= _MAX_CREDIT_WORDS and not credit.endswith(("?", "!"))


def split_caption_credit(line: str) -> Caption | None:
    """A caption whose credit is printed at its end ("Troops at the border. Credit: PA"), else None.

    Also reads "… Photo: X", "… (Photo by X)", "… © X" and "… Name/Getty Images" tails. A line that
    is only a credit ("Credit: PA") is not a caption: see :func:`is_image_credit_line`.
    """
    labelled = _CAPTION_LABEL_RE.match(line.strip())
    if labelled:  # "Legende: Firefighters at the site. Keystone"
        credit = labelled["credit"] if labelled["credit"] and _credit_ok(labelled["credit"]) else None
        return Caption(text=labelled["text"].strip(), credit=credit)
    line = _CREDIT_NOTE_RE.sub("", line)  # agencies' "(Photo credit should read X/AFP via Getty)"
    stripped = line.strip()
    doubled = _DOUBLED_CAPTION_RE.match(stripped) if stripped[:10] in stripped[10:] else None
    if doubled and len(doubled["text"].split()) >= 3 and _credit_ok(doubled["credit"]):
        return Caption(text=doubled["text"], credit=doubled["credit"])
    caption = _split_tail_credit(line)
    second = _SECOND_CREDIT_RE.search(line)
    if caption is None and second:  # the first of two credits ("(Photo by X) (Photo: X, 2017 Getty)")
        caption = _split_tail_credit(line[: second.start()])
    return caption


def _split_tail_credit(line: str) -> Caption | None:
    tails = (_PAREN_BY_RE, _PAREN_AGENCY_RE, _CREDIT_TAIL_RE, _COPYRIGHT_TAIL_RE, _GLUED_COPYRIGHT_RE,
             _AGENCY_TAIL_RE, _HANDLE_TAIL_RE, _GLUED_CREDIT_RE)  # fmt: skip
    for pattern in (*tails, _AGENCY_FIRST_TAIL_RE, _PAREN_OWNER_RE):
        match = pattern.match(line.strip())
        if not match:
            continue
        if "label" in match.groupdict() and match["label"][0].islower():
            continue  # "… the photo: …" inside a sentence; printed credit labels are capitalised
        text = match["text"].strip(" |–—-([")
        credit = match["credit"].strip(" .)]|")
        if len(text.split()) >= 2 and _credit_ok(credit):
            return Caption(text=text, credit=credit)
    return None


def is_labelled_caption(line: str) -> bool:
    """A caption printed under its label ("Legende: … Keystone")."""
    return bool(_CAPTION_LABEL_RE.match(line.strip()))


# a line naming whose picture it is: "Harbour Wire photo", "AP Photo", "Staff photo"
_OWNER_PHOTO_RE = re.compile(
    r"^(?P<owner>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\s+(?i:photo|photograph)$"
)


def is_owner_credit(line: str) -> bool:
    """A line naming whose picture it is ("Harbour Wire photo", "AP Photo"): printed over its caption too.
    Kept apart from :func:`is_image_credit_line`, a feature of the shipped line model."""
    return bool(_OWNER_PHOTO_RE.match(line.strip()))


def parse_image_credit(line: str) -> str | None:
    """Who a credit-only line credits ("Photo: Getty" → "Getty"), or None for other lines."""
    stripped = line.strip()
    if picture := _picture_source(stripped):
        return picture
    if owner := _OWNER_PHOTO_RE.match(stripped):
        return owner["owner"]  # "Harbour Wire photo"
    match = _CREDIT_LINE_RE.match(stripped) or _AGENCY_LINE_RE.match(stripped)
    if match:
        credit = match.groupdict().get("rest") or match["credit"]
        credit = credit.strip(" .()")
        return credit if _credit_ok(credit) else None
    if is_image_credit_line(stripped):
        return (
            re.sub(
                r"^(?:©|\(c\)|copyright|[(\[]?\s*(?:\w+\s+)?\w+\s+(?:by|courtesy of))\s*",
                "",
                stripped,
                flags=re.I,
            ).strip(" .()[]")
            or stripped
        )
    return None


def is_image_credit_line(line: str) -> bool:
    """A line that only credits a picture: "Featured Image Credit: X", "Photo: Getty", "© Reuters"."""
    stripped = line.strip()
    if not stripped:
        return False
    match = _CREDIT_LINE_RE.match(stripped)
    if match:
        return _credit_ok(match["rest"].strip(" .()"))
    if _picture_source(stripped):
        return True  # "Source: © Jane Roe/EPA"
    if re.match(r"^(?:©|\(c\)|copyright)\s*\S", stripped, re.IGNORECASE):
        return len(stripped.split()) <= _MAX_CREDIT_WORDS + 1
    if _AGENCY_LINE_RE.match(stripped):
        return True  # "(Jane Roe via AP)" under its caption
    if re.match(  # "Photo by X", "Representational image by X on Unsplash"
        r"^[(\[]?\s*(?:[A-Z][a-z]+\s+)?(?:photo|picture|image|photograph)s?\s+(?:by|courtesy of)\s",
        stripped,
        re.IGNORECASE,
    ):
        return len(stripped.split()) <= _MAX_CREDIT_WORDS + 4
    if _is_slashed_credit(stripped):
        return True  # "Jane Roe/Getty Images Entertainment/Getty Images"
    return bool(
        re.match(r"^(?:Getty Images|AFP|AP|Reuters|EPA|PA|Shutterstock|Alamy)(?:\s?/\s?\w+)*$", stripped)
    )


_CREDIT_PART_RE = re.compile(r"^[A-Z\d][\w.'’&-]*(?:\s[\w.'’&-]+){0,3}$|^[a-z\d][\w.'’&-]*$")
_PERSON_PART_RE = re.compile(r"^[A-Z][a-z'’-]+(?:\s[A-Z][a-z.'’-]*){1,2}$")  # "Jane Roe", "Ada M. Marsh"
_OUTLET_PART_RE = re.compile(r"\b(?:News|Radio|Press|Times|Post|Herald|Tribune|Media|TV|Television)$")
_AGENCY_PART_RE = re.compile(
    r"^(?:[\w.'’&-]+\s){0,2}(?:Getty Images|Getty|AFP|AP|Reuters|EPA|PA|Shutterstock|Alamy|Rex|REX|"
    r"Zuma|ZUMA|AAP|Xinhua|Sipa|IMAGO|dpa|Anadolu|UPI|WireImage|FilmMagic)(?:\s[\w.'’&-]+){0,2}$"
)


def _is_slashed_credit(line: str) -> bool:
    """Parts joined by slashes, each a few capitalised words, the last naming a picture agency."""
    parts = [part.strip() for part in line.split("/")]
    if not 2 <= len(parts) <= 5 or len(line.split()) > _MAX_CREDIT_WORDS + 2:
        return False
    if not all(_CREDIT_PART_RE.match(part) for part in parts):
        return False
    staff = len(parts) == 2 and _PERSON_PART_RE.match(parts[0]) and _OUTLET_PART_RE.search(parts[1])
    return bool(_AGENCY_PART_RE.match(parts[-1]) or staff)  # "Jane Roe / Harbour Public Radio News"


# Prompts to the reader: newsletters, apps, social media, tips.
_PROMO_RE = re.compile(
    r"\b(?:subscribe|sign up|newsletter|follow (?:us|\w+) on|delivered (?:to|through) your|your inbox|"
    r"download (?:the|our)(?: [\w'’-]+){0,3} app|listen to|have a tip|tell us what you think"
    r"|send (?:us )?your (?:story|news|tips?)"
    r"|follow [\w ]{2,40}? on (?:facebook|twitter|instagram|tiktok|youtube|x\b))\b",
    re.IGNORECASE,
)
_MAX_PROMO_WORDS = 40
_READER_RE = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)


def is_promo(line: str, addressed: bool = False) -> bool:
    """A short prompt to subscribe, follow or download ("Get our headlines straight to your inbox!");
    with ``addressed``, only one that speaks to the reader (a report may mention a newsletter)."""
    if len(line.split()) > _MAX_PROMO_WORDS or not _PROMO_RE.search(line):
        return False
    return not addressed or bool(_READER_RE.search(line) or _IMPERATIVE_RE.match(line.strip()))


# a line opening with an order to the reader ("Follow BBC Radio on Facebook")
_IMPERATIVE_RE = re.compile(r"(?:follow|subscribe|sign up|download|send|listen)\b", re.IGNORECASE)
