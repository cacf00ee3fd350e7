"""Named entities by rules and gazetteers, on real ECB+ text (CC BY 3.0) and other languages."""

from __future__ import annotations

import json
from pathlib import Path

from newstrace.analyse.entities import entity_key, extract_entities


def _ecb_text(shared_dir: Path, doc_id: str) -> str:
    with (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] == doc_id:
                return row["text"]
    raise KeyError(doc_id)


def _kinds(text: str, language: str | None = None) -> dict[str, str]:
    return {e.text: e.kind for e in extract_entities(text, language)}


def test_people_organisations_and_places_in_real_news(shared_dir: Path) -> None:
    text = _ecb_text(shared_dir, "1_10ecbplus")  # Lindsay Lohan checks into Betty Ford Center
    kinds = _kinds(text)
    assert kinds["Lindsay Lohan"] == "person"
    assert kinds["Lohan"] == "person"  # a surname alone, after the full name
    assert kinds["Betty Ford Center"] == "organisation"
    assert kinds["Newport Beach"] == "place"  # from the gazetteer


def test_offsets_point_at_the_mention(shared_dir: Path) -> None:
    text = _ecb_text(shared_dir, "1_10ecb")
    entities = extract_entities(text)
    assert entities
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
    assert [e.start for e in entities] == sorted(e.start for e in entities)


def test_sentence_initial_common_words_are_not_entities(shared_dir: Path) -> None:
    kinds = _kinds(_ecb_text(shared_dir, "1_10ecb"))
    assert "A" not in kinds and "The" not in kinds and "Perennial" not in kinds
    assert kinds["Tara Reid"] == "person"


def test_titles_mark_people_and_are_left_out_of_the_name() -> None:
    kinds = _kinds("Yesterday President Obama met Dr. Maria Lopez in the city.")
    assert kinds["Obama"] == "person"
    assert kinds["Maria Lopez"] == "person"


def test_acronyms_and_org_words_are_organisations() -> None:
    kinds = _kinds("Officials at NATO and the Bank of England said the rates would rise.")
    assert kinds["NATO"] == "organisation"
    assert kinds["Bank of England"] == "organisation"


def test_other_languages_and_scripts() -> None:
    german = _kinds(
        "Bundeskanzlerin Angela Merkel traf am Montag in Berlin den Präsidenten Emmanuel Macron. "
        "Die Deutsche Bank meldete Verluste.",
        "de",
    )
    assert german["Angela Merkel"] == "person"
    assert german["Emmanuel Macron"] == "person"
    assert german["Berlin"] == "place"
    assert german["Deutsche Bank"] == "organisation"
    assert "Die" not in german
    french = _kinds(
        "Le président Emmanuel Macron est à Paris. La Banque de France a publié ses chiffres.", "fr"
    )
    assert french["Banque de France"] == "organisation"
    assert french["Paris"] == "place"
    greek = _kinds("Ο πρωθυπουργός μίλησε στην Αθήνα για τον προϋπολογισμό.")
    assert greek["Αθήνα"] == "place"


def test_entity_key_normalises_case_spacing_and_dots() -> None:
    (entity,) = [e for e in extract_entities("Officials in the U.S. said so.") if e.text == "U.S."]
    assert entity_key(entity) == "us"
