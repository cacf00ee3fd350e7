"""The places an article names, and when two sets of places say two events."""

from __future__ import annotations

from newstrace.analyse.places import place_key
from newstrace.cluster.locations import named_places, places_conflict


def _key(name: str) -> str:
    key = place_key(name)
    assert key is not None
    return key


def test_countries_and_cities_with_their_country() -> None:
    places = named_places(["Ecuador", "Guayaquil", "Maria Lopez"])
    assert places == {_key("Ecuador"), _key("Guayaquil")}
    assert named_places(["Chongqing"]) == {_key("Chongqing"), _key("China")}  # the city's country too
    assert named_places(["Турции"]) == {_key("Turkey")}  # a country named in another language


def test_acronyms_and_common_words_that_name_some_town_are_no_places() -> None:
    assert named_places(["DUI", "ATF"]) == frozenset()
    assert place_key("Since") is not None  # an alternate name of some city in the gazetteer
    assert named_places(["Since"]) == frozenset()


def test_lookups_already_made_are_reused() -> None:
    mentions = ["Peru", "Lima"]
    assert named_places(mentions, [place_key(m) for m in mentions]) == named_places(mentions)


def test_places_conflict_when_no_country_is_shared() -> None:
    quito = named_places(["Quito", "Ecuador"])
    assert places_conflict(named_places(["Chongqing"]), quito)  # another country
    assert not places_conflict(named_places(["Buffalo"]), named_places(["El Paso"]))  # one country
    assert not places_conflict(named_places(["Ecuador"]), quito)  # the country of the story's city
    assert not places_conflict(named_places(["Quito", "Lima"]), quito)  # a city in common
    assert not places_conflict(frozenset(), quito) and not places_conflict(quito, [])  # no evidence
