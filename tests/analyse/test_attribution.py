"""Sources, cues and contents of reported speech, and pronoun resolution."""

from __future__ import annotations

import pytest

from newstrace.analyse.attribution import (
    Attribution,
    classify_source,
    find_attributions,
    load_lexicon,
    source_name,
)
from newstrace.analyse.claims import claim_in_context
from newstrace.analyse.phrases import opens_bare_clause


def only(text: str) -> Attribution:
    found = find_attributions(text)
    assert len(found) == 1, found
    return found[0]


def test_subject_before_cue() -> None:
    a = only("The police spokesman said that two people were arrested.")
    assert a.cue.text == "said"
    assert a.source is not None and a.source.text == "The police spokesman"
    assert a.content is not None and a.content.text == "that two people were arrested"
    assert a.source_kind == "person"


def test_inverted_cue_after_quote() -> None:
    a = only('"We will not give up," said union leader Maria Lopez.')
    assert a.source is not None and a.source.text == "union leader Maria Lopez"
    assert a.source_name == "Maria Lopez"
    assert a.content is not None and a.content.text == '"We will not give up,"'


def test_according_to() -> None:
    a = only("Prices rose by 4%, according to the Office for National Statistics.")
    assert a.cue.text == "according to"
    assert a.source is not None and a.source.text == "the Office for National Statistics"
    assert a.source_kind == "organisation"


def test_apposition_and_pronoun_resolution() -> None:
    text = 'The Foreign Minister, Anna Berg, has announced new talks. She said: "We are ready."'
    first, second = find_attributions(text)
    assert first.source_name == "Anna Berg"
    assert second.source is not None and second.source.text == "She"
    assert second.resolved and second.source_name == "Anna Berg"


def test_relative_clause_head_is_the_source() -> None:
    a = only("A video which apparently shows the crash was posted online.")
    assert a.source is not None and a.source.text == "which"  # PolNeAR marks the pronoun
    assert a.source_name == "A video"
    assert a.source_kind == "footage"


def test_passive_report_has_no_source() -> None:
    a = only("It was reported that the minister resigned.")
    assert a.source is None and a.passive and a.source_kind == "anonymous"


def test_participle_shares_the_source_before() -> None:
    found = find_attributions("The mayor promised more buses, telling residents to be patient.")
    assert [a.cue.text for a in found] == ["promised", "telling"]
    assert found[1].source_name == found[0].source_name == "The mayor"


def test_nouns_are_not_cues() -> None:
    assert find_attributions("The report was long and other reports were short.") == []
    assert find_attributions("The army showed off its tanks.") == []


def test_source_kinds() -> None:
    lexicon = load_lexicon("en")
    assert classify_source("example.com", lexicon) == "outlet"
    assert classify_source("One local news website, example.ru", lexicon) == "outlet"
    assert classify_source("The Evening Herald", lexicon) == "outlet"
    assert classify_source("footage", lexicon) == "footage"
    assert classify_source("sources", lexicon) == "anonymous"
    assert classify_source("a senior official", lexicon) == "anonymous"
    assert classify_source("the Ministry of Defence", lexicon) == "organisation"
    assert classify_source("NATO", lexicon) == "organisation"
    assert classify_source("retired teacher John Smith", lexicon) == "person"
    assert classify_source("Moscow", lexicon) == "organisation"  # a capital speaks for its government
    assert classify_source("Jackson", lexicon) == "person"  # a town of that name does not make it one


def test_source_kinds_of_agencies_roles_and_places() -> None:
    lexicon = load_lexicon("en")
    assert classify_source("Reuters", lexicon) == classify_source("the AP", lexicon) == "outlet"
    assert classify_source("Agence France-Presse", lexicon) == "outlet"
    assert classify_source("Town Hall press secretary Mia Holt", lexicon) == "person"  # a role, no outlet
    assert classify_source("Freedonia's ambassador to the United Nations", lexicon) == "person"
    assert classify_source("reports in Spain and Portugal", lexicon) == "anonymous"  # where, not whose
    assert classify_source("reports from Reuters", lexicon) == "outlet"
    assert classify_source("officials of the Ministry of Defence", lexicon) == "organisation"
    assert classify_source("people familiar with the matter", lexicon) == "anonymous"
    assert classify_source("a clip posted by the ministry", lexicon) == "footage"


def test_a_role_and_its_complement_speak_not_the_body_named_after_to() -> None:
    a = only("Meanwhile, as this was happening, Freedonia's ambassador to the United Nations told delegates "
             "that the tests were legal.")  # fmt: skip
    assert a.source is not None and a.source.text == "Freedonia's ambassador to the United Nations"
    assert a.source_kind == "person"


def test_an_opening_participle_clause_is_not_the_speaker() -> None:
    text = "Speaking at a summit in Oslo, Mia Holt criticised the plan, explaining that it came too late."
    found = find_attributions(text)
    assert found and all(a.source_name == "Mia Holt" for a in found), found


def test_source_name_picks_the_name() -> None:
    assert source_name("The Health Secretary, Jane Doe", "person") == "Jane Doe"
    assert source_name("a local site, news.example.org", "outlet") == "news.example.org"
    roles = load_lexicon("en").person_roles
    assert source_name("The Health Secretary, Jane Doe", "person", roles) == "Jane Doe"
    assert source_name("Jane Doe, the Health Secretary", "person", roles) == "Jane Doe"
    # a common noun heads the phrase: the capitalised word inside it is not the speaker
    assert source_name("Family members of the missing Arctic crew", "person") == (
        "Family members of the missing Arctic crew"
    )


def _only(text: str) -> tuple[str | None, str, str | None]:
    (attribution,) = find_attributions(text)
    return (
        attribution.source.text if attribution.source else None,
        attribution.source_kind,
        attribution.source_name,
    )


def test_adverb_between_subject_and_cue() -> None:
    source, kind, _ = _only("The US Coast Guard earlier said a debris field had been found.")
    assert (source, kind) == ("The US Coast Guard", "organisation")
    assert not find_attributions("The earlier reports were wrong.")


def test_apposition_comes_before_an_inverted_reading() -> None:
    # ", said the talks failed" is not an inverted subject: the subject is the apposed name
    assert _only("Rex Tillerson, the US Secretary of State, said the talks failed.")[2] == "Rex Tillerson"
    assert _only('"We will win," said the mayor.')[0] == "the mayor"


def test_headline_kicker_is_not_a_speaker() -> None:
    assert not find_attributions("BREAKING: Debris field found near the wreck")
    assert _only("Jane Roe: We are ready for the vote")[2] == "Jane Roe"


def test_dateline_is_not_part_of_the_source() -> None:
    assert _only("June 22 (Reuters) - The U.S. Coast Guard on Thursday said debris was found.")[0] == (
        "The U.S. Coast Guard"
    )


def test_other_languages_load() -> None:
    for language in ("de", "fr", "es", "it", "ru", "ro"):
        lexicon = load_lexicon(language)
        assert lexicon.language == language
        assert lexicon.verb_forms and lexicon.hedges and lexicon.speculative and lexicon.denials


def test_titles_brackets_and_appositions_before_the_cue() -> None:
    a = only("Sen. Jane Roe (D-Md.) said on Tuesday that the bill would pass.")
    assert a.source is not None and a.source.text == "Sen. Jane Roe (D-Md.)"
    a = only("Mr. Lee, the pollster, told The Evening Herald that turnout fell.")
    assert a.source is not None and a.source.text == "Mr. Lee, the pollster"


def test_second_verb_and_participle_share_the_subject() -> None:
    found = find_attributions("Baker did not name his rivals but told supporters they would win.")
    assert found[0].source is not None and found[0].source.text == "Baker"


def test_a_country_speaking_is_an_organisation() -> None:
    assert only("Russia said the drills were routine.").source_kind == "organisation"


def test_a_past_tense_after_a_bare_noun_is_the_verb() -> None:
    assert _only("Russian state media reported that the convoy had crossed the border.")[0] == (
        "Russian state media"
    )
    assert not find_attributions("The reported talks failed.")


def test_source_kinds_beyond_english() -> None:
    cases = [
        ("de", "Nordkoreanische Staatsmedien", "outlet"),  # a compound of "Medien"
        ("de", "ein Sprecher des Ministeriums", "person"),
        ("de", "die Staatsanwaltschaft", "organisation"),
        ("fr", "le porte-parole du gouvernement", "person"),
        ("fr", "le quotidien Le Monde", "outlet"),
        ("es", "el Ministerio de Defensa", "organisation"),
        ("it", "il ministro degli Esteri", "person"),
        ("nl", "een woordvoerder van de politie", "person"),
    ]
    assert [classify_source(text, load_lexicon(lang)) for lang, text, _ in cases] == [k for *_, k in cases]


def test_who_refers_to_the_person_named_after_of() -> None:
    a = only("The drill was held under the orders of Governor Lee who has vowed to expand it.")
    assert a.source_name == "Governor Lee" and a.source_kind == "person"


def test_the_object_of_a_reporting_verb_is_no_cue() -> None:
    text = "Mia Holt said the vote would go ahead. She also denied claims that it had been rigged."
    assert [(a.cue.text, a.source_name) for a in find_attributions(text)] == [
        ("said", "Mia Holt"),
        ("denied", "Mia Holt"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Police in Harbourtown told the Gazette that it was shut.", "Police in Harbourtown", "organisation"),
        ("Inspectors checking the tanks at the depot said that none leaked.", "Inspectors", "person"),
        ("The Clarion Gazette, citing police, reported that it was shut.", "The Clarion Gazette", "outlet"),
        ("About 40 were treated, including six children, said Ada Marsh, the head.", "Ada Marsh", "person"),
        ('"It is shut," Ada Marsh, head of nursing, trauma, and surgery, said.', "Ada Marsh", "person"),
    ],
)
def test_subjects_with_complements_participles_and_lists(text: str, name: str, kind: str) -> None:
    a = find_attributions(text)[0]
    assert (a.source_name, a.source_kind) == (name, kind)


def test_he_after_a_named_journalist_is_that_journalist_not_a_thing_that_appears() -> None:
    text = (
        "The cause of the fire appears unknown. Lena Ford, a reporter for the Clarion, reports that two "
        "blasts occurred. He also confirms the quay is closed."
    )
    cues = {a.cue.text: a for a in find_attributions(text)}
    assert cues["confirms"].resolved and cues["confirms"].source_name == cues["reports"].source_name


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("London: Mia Holt and husband Jonas dismissed rumours that they will split.", "Mia Holt", "person"),
        ("One PR man, PR executive Jonas Berg, Tweeted: “I hear they will split.”", "Jonas Berg", "person"),
        ("The pair will not split, reports the Daily Clarion.", "the Daily Clarion", "outlet"),
        ("“It is false,” a spokesperson for the singer and the footballer told the paper.",
         "a spokesperson for the singer and the footballer", "person"),
        ("In a call with media the couple's spokesperson stated: “It is false.”", "the couple's spokesperson",
         "person"),
        ("Reps for the couple said: “There is no divorce.”", "Reps for the couple", "person"),
        ("The Sun also reports that the couple will split.", "The Sun", "outlet"),
    ],
)  # fmt: skip
def test_datelines_capital_cues_inverted_outlets_and_phrase_bounds(text: str, name: str, kind: str) -> None:
    a = find_attributions(text)[0]
    assert (a.source_name, a.source_kind) == (name, kind)


def test_either_before_a_passive_cue_is_no_source() -> None:
    found = find_attributions("The rumour spread before it was either confirmed or denied.")
    assert next(a for a in found if a.cue.text == "confirmed").source is None


def test_two_names_joined_by_and_speak_together() -> None:
    a = find_attributions("Mia Holt and Jonas Berg said they would not sell the ferry.")[0]
    assert a.source_name == "Mia Holt and Jonas Berg"


@pytest.mark.parametrize(
    ("text", "cue", "name", "kind"),
    [
        ("Ada Marsh, the Holts' lawyer, said the ferry would be sold.", "said", "Ada Marsh", "person"),
        ("Mia Holt was quoted as saying the ferry would be sold.", "was quoted as saying", "Mia Holt",
         "person"),
        ("The Daily Clarion reports Harbourtown Rovers running back Jonas Berg (ankle) will miss the final.",
         "reports", "The Daily Clarion", "outlet"),
    ],
)  # fmt: skip
def test_plural_possessives_quoted_as_saying_and_a_named_subject_after_the_cue(
    text: str, cue: str, name: str, kind: str
) -> None:
    """One attribution each: "Holts'" is a word, not a closing quote; "saying" is part of the cue;
    "running back" is a player's position, no second cue."""
    a = only(text)
    assert (a.cue.text, a.source_name, a.source_kind) == (cue, name, kind)


def test_a_surname_alone_is_the_person_named_in_full_before() -> None:
    text = (
        "Ada Marsh, a teacher at the school, told the Gazette that it shook. "
        '"We ran," Marsh said. Ms. Marsh added that the roof held. Harbourtown said it would rebuild.'
    )
    found = find_attributions(text)
    assert [(a.source_name, a.source_kind) for a in found[:3]] == [("Ada Marsh", "person")] * 3
    assert [a.resolved for a in found] == [False, True, True, False]
    assert found[3].source_name == "Harbourtown"


@pytest.mark.parametrize(
    ("text", "cue", "source", "kind"),
    [
        ('"We do not comment on rumours, even baseless ones," read the company email.', "read",
         "the company email", "footage"),
        ("We do not comment on rumours, even baseless ones, said the company.", "said", "the company",
         "organisation"),
        ("Harbour Widgets International (HWI) on Monday, dismissed rumours of job cuts.", "dismissed",
         "Harbour Widgets International (HWI)", "organisation"),
        ("Ferry giant Bluewave denied the report.", "denied", "Ferry giant Bluewave", "organisation"),
        ("Bluewave denied the report, the Harbourtowner reported.", "reported", "the Harbourtowner",
         "organisation"),
    ],
)  # fmt: skip
def test_closing_speakers_stray_commas_and_named_bodies(text: str, cue: str, source: str, kind: str) -> None:
    a = next(a for a in find_attributions(text) if a.cue.text == cue)
    assert (a.source.text if a.source else None, a.source_kind) == (source, kind)


def test_a_named_thing_after_called_and_a_comma_is_no_speaker() -> None:
    text = 'The blogger added the 100,000 cuts were known internally under a scheme called, "Project Quay."'
    assert [a.source_name for a in find_attributions(text) if a.cue.text == "called"] == []
    claim = claim_in_context(text)
    assert claim is not None and (claim.source, claim.certainty) == ("The blogger", "attributed")


@pytest.mark.parametrize(
    ("phrase", "kind", "name"),
    [
        ("Renowned ferry giant, Bluewave", "organisation", "Bluewave"),
        ("the harbour operator Quayside Ports", "organisation", "Quayside Ports"),
        ("the Ministry of Harbours", "organisation", "the Ministry of Harbours"),
        ("HarbourReport", "outlet", "HarbourReport"),
        ("McDonald", "person", "McDonald"),
    ],
)
def test_a_bodys_name_after_its_kind_and_one_word_outlets(phrase: str, kind: str, name: str) -> None:
    lexicon = load_lexicon("en")
    assert classify_source(phrase, lexicon) == kind
    assert source_name(phrase, kind, lexicon.person_roles, lexicon.organisation_words) == name


def test_section_labels_with_a_question_word_are_no_speakers_and_a_ticker_is_no_name() -> None:
    assert find_attributions("What Happened: The denial was made in an email to the Gazette.") == []
    assert find_attributions("Why It Matters: The firm employs 2,000 people.") == []
    a = only("Bluewave Corporation BLWV has reportedly denied that it plans to cut jobs.")
    assert (a.source_name, a.source_kind) == ("Bluewave Corporation BLWV", "organisation")


def test_poll_results_are_a_document_not_a_person() -> None:
    a = only("Because of the margin of error, results indicate the two candidates are tied.")
    assert (a.source_name, a.source_kind) == ("results", "footage")


def test_an_outlets_poll_is_the_outlets_reporting() -> None:
    a = only("Most voters think the mayor will win, a Reuters poll found.")
    assert (a.source_kind, a.source_name) == ("outlet", "a Reuters poll")


def test_a_lists_last_item_before_a_verb_form_is_no_speaker() -> None:
    assert find_attributions("You see it at harbour fairs, lifeboat races, fashion shows.") == []
    assert only("The fire was set on purpose, prosecutors alleged.").source_name == "prosecutors"
    assert only("The quay will reopen on Monday, dpa reports.").source_kind == "outlet"


def test_the_accused_after_a_noun_are_no_speakers() -> None:
    text = "Prosecutors showed the footage at the trial of the two men charged with setting the fire."
    assert [a.cue.text for a in find_attributions(text)] == ["showed"]
    assert [a.cue.text for a in find_attributions("The captain accused of lying resigned.")] == []


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("“It was a long night,” said Lawrence yesterday.", "Lawrence", "person"),
        ("“It was a long night,” said Lawrence on Monday.", "Lawrence", "person"),
        ("Sales rose 4 percent last year, company records show.", "company records", "footage"),
        ("Sales rose 4 percent last year, XJ-9 reports show.", "XJ-9 reports", "organisation"),
        ("A source with knowledge of the talks said the deal was close.",
         "A source with knowledge of the talks", "anonymous"),
        ("Britain said the talks had failed.", "Britain", "organisation"),
    ],
)  # fmt: skip
def test_time_after_an_inverted_speaker_documents_that_show_and_sources_with_knowledge(
    text: str, source: str, kind: str
) -> None:
    claim = claim_in_context(text)
    assert claim is not None and (claim.source, claim.source_kind, claim.certainty) == (
        source,
        kind,
        "hedged" if kind == "anonymous" else "attributed",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The last time a county jury issued a death sentence was eight years ago.",
        "The mayor isn’t saying what other measures she would support.",
        "With ratings dropping for all awards shows, the broadcaster is trying something new.",
    ],
)
def test_a_sentence_issued_a_withheld_answer_and_a_compound_noun_report_nothing(text: str) -> None:
    claim = claim_in_context(text)
    assert claim is not None and (claim.certainty, claim.source) == ("asserted", None)


def test_a_quote_after_a_preposition_to_is_the_speakers_not_a_purpose_clause() -> None:
    claim = claim_in_context('Ruiz credited the win to "a closed primary, something I never liked."')
    assert claim is not None and (claim.source, claim.certainty) == ("Ruiz", "attributed")
    claim = claim_in_context('The firm released a patch to fix a "zero-day" flaw in its browser.')
    assert claim is not None and claim.certainty == "asserted"


@pytest.mark.parametrize(
    ("text", "source", "certainty"),
    [
        ("The obituary points out that in May 1972 he had been passed over.", "The obituary", "attributed"),
        ("The fire may have been set on purpose, investigators say.", "investigators", "attributed"),
        ('"We will not stop," he continued.', "he", "attributed"),
        ("But even after the growth cooled, the borrowing continued.", None, "asserted"),
        ("The captain insisted on using the old charts.", None, "asserted"),
        ("The captain insisted that the charts were right.", "The captain", "attributed"),
        ("He scored 20 points on Sunday.", None, "asserted"),
    ],
)  # fmt: skip
def test_points_out_investigators_and_weak_verbs_that_report_only_a_quotation(
    text: str, source: str | None, certainty: str
) -> None:
    claim = claim_in_context(text)
    assert claim is not None and (claim.source, claim.certainty) == (source, certainty)


@pytest.mark.parametrize(
    ("text", "source", "certainty"),
    [
        ("The Harbour Gazette reports the quay's value at $380,600.", "The Harbour Gazette", "attributed"),
        ("The deals did not require witnesses to cooperate, sources who reviewed them told the Gazette.",
         "sources who reviewed them", "hedged"),
        ("An allegedly drunk driver has been charged, according to police.", "police", "attributed"),
        ('After he "adjusted his belt and acted in a suspicious manner,” officials say the officers got out.',
         "officials", "hedged"),
        ("The ferry had been reported stolen at gunpoint, the police said at the time.", "the police",
         "attributed"),
        ("Bella recovers from the attack that almost claimed her life.", None, "asserted"),
        ("The film series tells the story of a girl who moves to a harbour town.", None, "asserted"),
        ("His jokes and opening speech were last-minute writes.", None, "asserted"),
        ("The lawyers will argue for a mistrial when the trial resumes.", None, "asserted"),
        ("As the council scrambled for cash last year, they proposed sweeping cuts.", None, "asserted"),
    ],
)  # fmt: skip
def test_outlets_that_report_relative_sources_closing_time_phrases_and_verbs_that_report_nothing(
    text: str, source: str | None, certainty: str
) -> None:
    claim = claim_in_context(text)
    assert claim is not None and (claim.source, claim.certainty) == (source, certainty)


def test_a_sentence_adverb_after_the_subject_and_an_official_with_access_to_reports() -> None:
    a = only("A harbour official, however, told the Gazette that the quay would reopen.")
    assert a.source is not None and a.source.text == "A harbour official"
    a = only("A harbour official with access to the safety reports added that the quay was safe.")
    assert a.source is not None and a.source.text == "A harbour official with access to the safety reports"


@pytest.mark.parametrize(
    ("text", "source", "kind", "certainty"),
    [
        ("Ada Marsh released a statement to say that she needed time.", "Ada Marsh", "person", "attributed"),
        ("Rumours have begun circulating that the ferry will be sold.", None, "none", "hedged"),
        ("The mag predicts the couple will file for divorce.", "The mag", "outlet", "attributed"),
        ("Star‘s insider insists “they’re done.”", "Star‘s insider", "anonymous", "hedged"),
    ],
)
def test_a_statement_to_say_rumours_circulating_the_mag_and_a_typed_apostrophe(
    text: str, source: str | None, kind: str, certainty: str
) -> None:
    claim = claim_in_context(text)
    assert claim is not None
    assert (claim.source, claim.source_kind, claim.certainty) == (source, kind, certainty)


def test_a_speech_clause_in_the_middle_of_what_was_said_and_a_clause_after_believes() -> None:
    a = only("The plan, she added, would cost the harbour $5m.")
    assert a.content is not None and a.content.text == "The plan, she added, would cost the harbour $5m"
    claim = claim_in_context("Ada Marsh of the Gazette believes the club does not expect to sign him.")
    assert claim is not None
    assert (claim.source, claim.certainty) == ("Ada Marsh of the Gazette", "attributed")
    assert opens_bare_clause(["the", "club", "does", "not", "expect"])
    assert not opens_bare_clause(["until", "May", "2005,", "when", "Woodward"])  # the month, not the modal


@pytest.mark.parametrize(
    ("text", "source", "certainty"),
    [
        ("People who saw the crash said the driver was speeding.", "People who saw the crash", "hedged"),
        ("Two jurors who spoke outside the court said the verdict was hard.",
         "Two jurors who spoke outside the court", "attributed"),
        ("Harbour officials familiar with the inquiry, speaking on the condition of anonymity because they "
         "were not authorized to discuss it, said that the ferry had been overloaded.",
         "Harbour officials familiar with the inquiry", "hedged"),
    ],
)  # fmt: skip
def test_a_subject_with_its_relative_clause_or_before_a_participle_aside(
    text: str, source: str, certainty: str
) -> None:
    claim = claim_in_context(text)
    assert claim is not None and (claim.source, claim.certainty) == (source, certainty)


def test_a_speakers_home_town_and_region_are_no_source() -> None:
    for text in (
        "The river rose fast, Ada Marsh, of Brookfield, Wisconsin, said.",
        '"The river rose fast," Ada Marsh, from Brookfield, Wisconsin, told reporters.',
    ):
        assert only(text).source_name == "Ada Marsh"


def test_a_named_body_whose_last_word_may_name_a_document_or_an_outlet() -> None:
    lexicon = load_lexicon("en")
    assert classify_source("the Freedonian Geological Survey", lexicon) == "organisation"
    assert classify_source("the Coastal Waters Agency", lexicon) == "organisation"
    assert classify_source("a household survey", lexicon) == "footage"  # a survey's findings
    assert classify_source("the Freedonia Press Agency", lexicon) == "outlet"  # a news agency
    assert classify_source("Northshire Water", lexicon) == "organisation"  # a utility, not a person
    assert classify_source("Valley Fire", lexicon) == "organisation"
    assert classify_source("Metro Transit", lexicon) == "organisation"


def test_what_investigators_believe_is_theirs_what_many_believe_is_no_ones() -> None:
    assert only("Police believe he acted alone.").source_name == "Police"
    assert only("Detectives suspect that the fire was set on purpose.").source_name == "Detectives"
    assert find_attributions("Many fans believe the club will win.") == []
    assert find_attributions("The suspect fled the scene.") == []


def test_the_agency_is_an_outlet_only_after_a_news_agency_spoke() -> None:
    after_outlet = find_attributions(
        'The ward was full, the news agency Ruritania Press said. "We need help," the agency reported.'
    )
    after_body = find_attributions(
        "The Bureau of Mines announced the closure. The mine was unsafe, the agency said."
    )
    assert after_outlet[-1].source_kind == "outlet"
    assert after_body[-1].source_kind == "organisation"


def test_a_headline_speaker_after_a_kicker() -> None:
    first = only("The Latest: Fire chief: Blaze should be out by Friday")
    assert first.source_name == "Fire chief" and first.cue.text == ":"
    assert find_attributions("The Latest: Storm hits the coast") == []


def test_a_plural_subjects_present_tense_reports_as_a_headline_writes_it() -> None:
    assert only("Officials confirm two people died in the blast.").source_name == "Officials"
    assert only("Residents report that they heard two explosions.").source_name == "Residents"
    assert only("Police deny that officers used force.").source_name == "Police"
    assert find_attributions("The reports confirm nothing new.") == []  # no clause follows
    assert find_attributions("Many fans think the club will win.") == []  # an opinion, no report


def test_a_one_word_brand_with_a_capital_inside_is_a_body_a_surname_so_written_a_person() -> None:
    lexicon = load_lexicon("en")
    assert classify_source("DataWorks", lexicon) == "organisation"
    assert classify_source("McAllister", lexicon) == classify_source("DeVries", lexicon) == "person"
    assert only("Some patients fell ill, agency says").source_kind == "organisation"  # a headline's body


def test_an_agency_is_a_news_agency_only_when_called_one() -> None:
    lexicon = load_lexicon("en")
    assert classify_source("the national disaster mitigation agency", lexicon) == "organisation"
    assert classify_source("the state news agency", lexicon) == "outlet"
    assert classify_source("the agency's weekly summary", lexicon) == "footage"  # a document


def test_a_capitalised_opening_word_before_a_common_head_is_no_name() -> None:
    text = (
        "Early safety studies on the sweetener looked only at short doses and found the body cleared it. "
        "Ada Marsh said the doses were small."
    )
    first = find_attributions(text)[0]
    assert first.source_name == "Early safety studies" and first.source_kind == "footage"


def test_a_statement_speaks_for_its_issuer_and_a_platform_taken_to_for_its_user() -> None:
    first = only("A statement from the harbour authority said the ferry had sunk.")
    assert first.source is not None and first.source.text == "A statement from the harbour authority"
    assert first.source_kind == "organisation"
    assert only("The mayor took to social media to say the water was safe.").source_name == "The mayor"


def test_a_quote_read_by_a_post_rests_on_whoever_posted_it() -> None:
    first = only("“Stay away from the coast,” read a tweet from the Harbour Office of Emergency Services.")
    assert first.source is not None and first.source.text.startswith("a tweet from the Harbour Office")
    assert first.source_kind == "organisation"
