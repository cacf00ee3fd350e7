"""Place names in many languages and scripts share one key."""

from __future__ import annotations

import pytest

from newstrace.analyse.places import governs, latin_name, place_key


@pytest.mark.parametrize(
    "names",
    [
        ("Turkey", "Türkei", "Turquie", "Turchia", "Турция", "Турции", "トルコ"),  # a country, inflected too
        ("Marrakesh", "Marrakech", "Marrakesch", "Марракеш"),  # a city's alternate names
        ("Los Angeles", "Лос-Анджелес"),
        ("Genoa", "Genova", "Gênes", "Genua"),
    ],
)
def test_one_key_for_a_place_in_any_language(names: tuple[str, ...]) -> None:
    keys = {place_key(name) for name in names}
    assert len(keys) == 1 and None not in keys


def test_people_and_organisations_are_no_places() -> None:
    assert place_key("Tara Reid") is None and place_key("Microsoft") is None
    assert place_key("Turkey") != place_key("Morocco")


def test_latin_name() -> None:
    assert latin_name("  Kahramanmaraş  ") == "kahramanmaras"
    assert latin_name("Лос-Анджелес") == "losandzheles"


def test_countries_and_capitals_govern_and_towns_named_like_people_do_not() -> None:
    assert all(governs(name) for name in ("Russia", "Moscow", "Moskau", "Kiev", "Washington"))
    assert not any(governs(name) for name in ("Jackson", "Tyler", "Tara Reid"))
