"""Claims of the seed page: who says what, and how sure the article is."""

from __future__ import annotations

import pytest

from newstrace.analyse.claims import analyse_claims, certainty_profile, claim_in_context, is_claim
from newstrace.records import Article, Claim


def seed_article(seed_text: str) -> Article:
    """Title = the first headline line; body = the article's paragraphs (byline to the source line)."""
    paragraphs = [p.strip() for p in seed_text.split("\n\n") if p.strip()]
    title = paragraphs[2]  # after the two notification prompts
    first = next(i for i, p in enumerate(paragraphs) if i > 3 and p.endswith(".") and len(p) > 100)
    last = next(i for i, p in enumerate(paragraphs) if p.startswith("Source:"))
    return Article(title=title, body=paragraphs[first:last])


@pytest.fixture(scope="module")
def claims(seed_text: str) -> list[Claim]:
    return analyse_claims(seed_article(seed_text))


def find(claims: list[Claim], fragment: str) -> Claim:
    (claim,) = [c for c in claims if fragment in c.sentence]
    return claim


def test_headline_is_analysed(claims: list[Claim]) -> None:
    headline = [c for c in claims if c.in_headline]
    assert len(headline) == 1 and headline[0].sentence.startswith("Russia Is Sending Troops")


def test_troops_sentence_hedged_anonymous(claims: list[Claim]) -> None:
    claim = find(claims, "is reported to be sending troops")
    assert claim.certainty == "hedged"
    assert claim.source_kind == "anonymous"
    assert "is reported to" in claim.cues


def test_china_sentence_hedged(claims: list[Claim]) -> None:
    claim = find(claims, "150,000")
    assert claim.certainty == "hedged"
    assert "it was reported" in claim.cues
    assert "'tidal wave'" in [q.text for q in claim.quotes]


def test_footage_sentence_hedged_with_footage_source(claims: list[Claim]) -> None:
    claim = find(claims, "purportedly shows")
    assert claim.certainty == "hedged"
    assert "purportedly" in claim.cues
    assert claim.source_kind == "footage"


def test_outlet_quote(claims: list[Claim]) -> None:
    claim = find(claims, "Railway trains loaded")
    assert claim.certainty == "attributed"
    assert claim.source == "primemedia.ru"
    assert claim.source_kind == "outlet"
    assert claim.reporting_cue == "wrote"


def test_quote_over_three_paragraphs_is_the_veteran_s(claims: list[Claim]) -> None:
    for fragment in ("The movement of military equipment", "Many relate this", "artillery systems"):
        claim = find(claims, fragment)
        assert claim.certainty == "attributed", fragment
        assert claim.source == "Stanislav Sinitsyn", fragment
        assert claim.source_kind == "person", fragment


def test_he_said_resolves_to_the_secretary_of_state(claims: list[Claim]) -> None:
    claim = find(claims, "He said:")
    assert claim.source == "Rex Tillerson"
    assert claim.source_kind == "person"
    assert claim.certainty == "attributed"


def test_promise_is_kims(claims: list[Claim]) -> None:
    claim = find(claims, "super-mighty pre-emptive strike")
    assert claim.source == "Kim Jong-un"
    assert claim.source_kind == "person"
    assert claim.reporting_cue == "promised"
    assert claim.certainty == "attributed"


def test_offsets_point_into_the_article_text(seed_text: str, claims: list[Claim]) -> None:
    article = seed_article(seed_text)
    for claim in claims:
        text = article.title if claim.in_headline else article.text
        assert text[claim.start : claim.end] == claim.sentence


def test_profile(claims: list[Claim]) -> None:
    profile = certainty_profile(claims)
    assert profile.total == len(claims)
    assert sum(profile.counts.values()) == profile.total
    assert abs(sum(profile.shares.values()) - 1.0) < 1e-9
    assert profile.counts["hedged"] >= 5 and profile.counts["attributed"] >= 6
    assert 0 < profile.share_attributed_anonymous <= profile.share_second_hand < 1


def test_non_claims() -> None:
    assert not is_claim("Featured Image Credit: Agency/Photo")
    assert not is_claim("Topics: Politics, Europe")
    assert not is_claim("Read more:")
    assert not is_claim("Thu Sep 18, 2008 6:40pm EDT")
    assert not is_claim("By John Smith")
    assert not is_claim("HPI - Harbour Press International, Inc.")  # a company's name line
    assert not is_claim("Comment Policy: We encourage an open discussion of every view.")
    assert is_claim("By then the fire had spread across the valley.")
    assert is_claim("The minister resigned on Tuesday evening.")
    assert is_claim("Shares of Harbour Widgets Inc. rose 5 percent on Monday.")


def test_empty_profile() -> None:
    profile = certainty_profile([])
    assert profile.total == 0 and profile.share_second_hand == 0.0


@pytest.mark.parametrize(
    ("expected", "sentence"),
    [
        ("asserted", "A 6.1-magnitude earthquake struck the island on Tuesday morning, killing 12 people."),
        ("asserted", "No injuries were reported."),
        ("attributed", "Police said the gunman had been arrested after a two-hour standoff."),
        ("attributed", '"We are devastated," the victim\'s mother told reporters outside the court.'),
        ("attributed", "According to the US Geological Survey, the quake had a depth of 10km."),
        ("attributed", "The actor checked into a rehab facility, his spokesman said Thursday."),
        ("attributed", "Smith said rates may rise later this year."),
        ("attributed", '"It seems to be a bomb," police said.'),
        ("hedged", "Officials said the death toll was likely to rise."),
        ("hedged", "The singer was reportedly taken to hospital on Friday."),
        ("hedged", "A source close to the couple said they had split."),
        ("hedged", "According to reports, the minister will resign tomorrow."),
        ("hedged", "The footage appears to show soldiers crossing the border."),
        ("hedged", "The man reportedly told police he was innocent."),
        ("speculative", "The storm could make landfall as early as Thursday."),
        ("speculative", "If convicted, he faces up to 20 years in prison."),
        ("speculative", "It is unclear whether the plant will reopen."),
        ("denied", "The Kremlin denied that any troops had crossed the border."),
        ("denied", "There is no evidence that the election was rigged."),
        ("denied", "The company has rejected claims that it knew about the defect."),
        # a speech act that is part of an event, not a report of content
        ("asserted", "The club placed the striker on the injured list on Wednesday."),
        ("asserted", "A caller reported the fire at 3:33 a.m."),
        ("asserted", "The senator proposed new rules for school discipline."),
        ("attributed", "The New York Post reports that the team avoided the hospital."),
        (
            "attributed",
            "The team fired its coach on Saturday, a day after the loss continued its slide, dpa reported.",
        ),
        ("attributed", "The minister announced Wednesday that turnout was a record 39%."),
    ],
)
def test_sentence_classes(expected: str, sentence: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == expected


def test_context_gives_the_speaker() -> None:
    claim = claim_in_context('She said: "We are ready."', "The Foreign Minister, Anna Berg, met the envoy.")
    assert claim is not None and claim.certainty == "attributed"
    claim = claim_in_context('He said: "We are ready."', "Rex Example, the mayor, said the city was safe.")
    assert claim is not None and claim.source == "Rex Example"
    assert claim_in_context("Read more:") is None


@pytest.mark.parametrize(
    ("context", "sentence"),
    [
        ('"I understand the anger," he said.', "“The problem is there is no trust in the police.”"),
        ('The sheriff described the suspect as "subdued.', 'Very, very, very subdued".'),
        ("“We came in with zero expectations and left with a plan.", "“That was the whole idea."),
    ],
)
def test_direct_speech_without_its_own_cue_is_attributed(context: str, sentence: str) -> None:
    claim = claim_in_context(sentence, context)
    assert claim is not None and claim.certainty == "attributed"


def test_question_in_a_quote_is_the_speaker_s() -> None:
    claim = claim_in_context('"Is he going to remember everything?', "Many voters give him a pass.")
    assert claim is not None and claim.certainty == "attributed"
    assert "speculative" in claim.alternatives


def test_question_or_warning_to_the_reader_is_not_a_claim() -> None:
    assert not is_claim("What do you think about the new rules?")
    assert is_claim("Will the bank raise rates again this year?")
    assert not is_claim("Don't fall for the ferry ticket scam.")
    assert not is_claim("Do not feed the harbour seals.")
    assert is_claim('"Don\'t fall for it," the harbour master warned passengers.')
    assert is_claim("Donations to the harbour fund doubled last year.")


@pytest.mark.parametrize(
    ("expected", "sentence"),
    [
        # an unidentified individual is a second-hand source; a body's spokesman is not
        ("hedged", "On Friday, a senior naval commander said attacking the ports would not work."),
        ("hedged", '"We filtered out anyone who backed him," said one district party leader.'),
        ("attributed", "A spokesman for the ministry said the talks would resume on Monday."),
        # the writer's own "we" outside quotes is the outlet's voice
        ("asserted", "We strongly recommend that all users apply the patch as soon as possible."),
        # a report inside a noun phrase does not attribute the sentence
        (
            "asserted",
            "The gap between what the mayor says his plan would do and what it does began last year.",
        ),
        ("asserted", "The rule required agencies to consult scientists on any listed species."),
        ("asserted", "The center has declined for years to reveal the sources of its funding."),
        # a promise is the source's; a cue in an adverbial clause or after a lone adverb is not the claim's
        ("attributed", "Mayor Jane Roe pledged to push for a constitutional amendment on campaign money."),
        ("asserted", "He came back to it later after a senior editor noted that the odds were very low."),
        ("asserted", "Still, the business council opposed an increase."),
        # a share of poll respondents is a described document, not an anonymous source
        ("attributed", "Some 22 percent said they would back the challenger."),
    ],
)
def test_who_carries_the_claim(expected: str, sentence: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == expected


@pytest.mark.parametrize(
    ("expected", "sentence"),
    [
        # the outer report of a sentence carries it: the prosecutor says what the witness told police
        (
            "attributed",
            "A witness at the scene told police that she saw a car speed by, the prosecutor said.",
        ),
        # a gated reporting form closing the sentence after a named source
        ("attributed", "The director will not return for the sequel, the Los Angeles Times reports."),
        # an addressee or a channel between the cue and its clause
        ("attributed", "A spokesperson for the court confirmed to reporters that a judge signed the order."),
        ("attributed", "The prosecutor reminded the jury that mercy did not mean injustice."),
        # a cue in a relative or interrogative clause is not the sentence's
        ("asserted", "The senator is airing a new ad in which he declares that the plan will fail."),
        ("asserted", "The story did not make clear why the former agent admitted his role so late."),
        (
            "asserted",
            "Now that the candidate has claimed he founded the group, he has some explaining to do.",
        ),
        # a participle naming an act reports nothing
        ("asserted", "Reporters were typing behind the basket, writing versions of the same words."),
        # reports named after the phrase are an outlet's
        ("attributed", "He confessed to the shooting, according to initial reports by the Daily Courier."),
        # a vague collective voicing a stance is attributed; one unnamed individual is second-hand
        ("attributed", "Critics say the new rules will hurt small farms."),
        ("hedged", "A critic said the new rules were written by lobbyists."),
        # a cue in a relative clause, an order, a main verb after an appositive: no report
        ("asserted", "The boy was killed by police who claim he pointed a gun at them."),
        ("asserted", "She had no quarrel with one woman and told her to leave."),
        ("asserted", "Rahman, a former champion who shocked the world, showed no signs of life on Saturday."),
        # officials of a named body are identifiable; bare officials are not
        ("attributed", "An earthquake flattened seven villages on Sunday, Iranian officials said."),
        ("hedged", "An earthquake flattened seven villages on Sunday, officials said."),
        # a short quoted title opening the sentence is not direct speech
        ("asserted", "`` Twilight'' director Jane Roe was unable to reach a deal for the sequel."),
        # a time phrase between the cue and its clause; a quotation closing the content before the cue
        ("attributed", "The Ledger reported earlier this month that the county had cut the program."),
        ("attributed", 'The ward is "full of wounded, " the agency reported.'),
        # an inverted verb before a common-noun source closing the sentence
        ("hedged", "The studio's option would block the sequel, say sources."),
        ("attributed", "A quieter campaign may help her, say some Democrats, who recall the last race."),
        # a '' right before a word opens a quotation; it closes none opened before
        ("asserted", "It seems unfair to tell the town: ''We're sorry, but it didn't work out.''"),
    ],
)
def test_who_carries_the_claim_generalises(expected: str, sentence: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == expected


def test_a_sentence_cut_by_the_splitter_is_read_whole() -> None:
    sentence = (
        "Four men rammed a jewellery store, making off with a $2. 6-million haul, a police source said."
    )
    claim = claim_in_context(sentence, "Robbers struck in central Paris on Monday.")
    assert claim is not None and claim.sentence == sentence
    assert claim.certainty == "hedged" and claim.source_kind == "anonymous"


def test_quote_continued_from_an_unnamed_individual_is_second_hand() -> None:
    context = '"The ministry is working to find a country to take them," said a senior officer.'
    claim = claim_in_context('"The frigate may head for Djibouti next week."', context)
    assert claim is not None and claim.certainty == "hedged"


def test_the_speaker_frames_a_sentence_opened_by_a_question_put_to_them() -> None:
    claim = claim_in_context('Asked whether he would resign, the minister said: "No."')
    assert claim is not None and claim.certainty == "attributed" and claim.source == "the minister"


def test_a_number_with_thousands_separators_does_not_split_an_apposition() -> None:
    claim = claim_in_context("The company, which employs 3,000 people, said it would cut 200 jobs.")
    assert claim is not None and claim.source == "The company"


def test_quote_continued_from_a_collective_voicing_a_view_is_theirs() -> None:
    context = '"Nobody saw it coming," said several observers.'
    claim = claim_in_context('"A year ago there was no passion."', context)
    assert claim is not None and claim.certainty == "attributed"


def test_reports_from_a_place_are_unnamed_and_hedge_reports_from_an_agency_do_not() -> None:
    article = Article(
        title="Ferry sinks",
        body=[
            "A ferry sank off the coast on Monday, according to reports in Greece and Turkey.",
            "A ferry sank off the coast on Monday, according to reports from Reuters.",
        ],
    )
    placed, agency = analyse_claims(article)[-2:]
    assert (placed.certainty, placed.source_kind) == ("hedged", "anonymous")
    assert (agency.certainty, agency.source_kind) == ("attributed", "outlet")


def test_a_rejected_claim_is_denied_by_its_source_and_an_unnamed_role_keeps_its_role() -> None:
    article = Article(
        title="Port rumours",
        body=[
            "The harbour authority on Tuesday dismissed rumours that the port would close.",
            '"Everything is fine with the port," the authority spokesman said.',
        ],
    )
    denial, quote = analyse_claims(article)[-2:]
    assert (denial.certainty, denial.source_kind, denial.source) == (
        "denied",
        "organisation",
        "The harbour authority",
    )
    assert quote.source == "the authority spokesman"


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor laughed off rumours that she would quit.",
        "The mayor rubbished reports that she would quit.",
        "Mayor rubbishes resignation rumours",
        "Mayor and husband turn down divorce rumours",
        "Police quashed rumours of a second attacker.",
    ],
)
def test_laughing_off_or_rubbishing_a_claim_denies_it(sentence: str) -> None:
    claim = analyse_claims(Article(title="x", body=[sentence]))[-1]
    assert claim.certainty == "denied"


def test_a_standfirst_is_analysed_between_headline_and_body_unless_the_body_repeats_it() -> None:
    standfirst = "The harbour boss is reportedly planning to sell the old port before winter."
    body = ["Ferry operators said bookings for the weekend were already full."]
    article = Article(title="Harbour boss to sell port", body=body, standfirst=standfirst)
    sentences = [(c.sentence, c.certainty) for c in analyse_claims(article)]
    assert sentences[1:] == [(standfirst, "hedged"), (body[0], "attributed")]
    repeated = Article(title="Harbour boss to sell port", body=[standfirst, *body], standfirst=standfirst)
    assert len(analyse_claims(repeated)) == len(analyse_claims(article))


def test_an_embedded_post_rests_on_its_account_and_its_signature_is_no_claim() -> None:
    body = [
        "The quay was closed on Tuesday.",
        "Latest: the quay at Harbourtown is closed after a blast pic.twitter.com/AbC123",
        "— Harbour Office (@harbouroffice) June 22, 2023",
    ]
    claims = analyse_claims(Article(title="x", body=body))
    post = next(c for c in claims if c.sentence.startswith("Latest"))
    expected = ("Harbour Office (@harbouroffice)", "footage", "attributed")
    assert (post.source, post.source_kind, post.certainty) == expected
    assert not any("June 22, 2023" in c.sentence for c in claims)


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("The Clarion is reporting only that the cause of the fire is unknown.", "attributed"),
        ("The mayor also confirms roads are closed across the city.", "attributed"),
        ("The coastguard issued a warning telling people not to spread rumours.", "asserted"),
    ],
)
def test_cues_before_bare_clauses_and_directives(sentence: str, certainty: str) -> None:
    assert claim_in_context(sentence).certainty == certainty


@pytest.mark.parametrize(
    ("sentence", "certainty", "kind"),
    [
        ("Harbour source: the ferry operator is close to collapse", "hedged", "anonymous"),
        ("Ferry operator close to collapse: Report", "hedged", "anonymous"),
        ("Ferry operator close to collapse, says report", "hedged", "anonymous"),
        ("Reports from late Monday indicate that the operator is close to collapse.", "hedged", "anonymous"),
        ("The operator is close to collapse, a media report said on Tuesday.", "hedged", "anonymous"),
        ("If it survives, its debts are huge, I'm told.", "hedged", "none"),
        ("A second source familiar with the talks told the Gazette that the operator would fold.", "hedged",
         "anonymous"),
        ("A Gazette report said the firm would fold, according to an official.", "hedged", "anonymous"),
    ],
)  # fmt: skip
def test_unnamed_sources_in_headlines_relays_and_asides(sentence: str, certainty: str, kind: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.certainty, claim.source_kind) == (certainty, kind)


@pytest.mark.parametrize(
    "sentence",
    [
        "The firm has hired a bank to sell itself, the Gazette reported, citing sources familiar with it.",
        "The harbour board was also thought to be a possible buyer.",
    ],
)
def test_wire_hedges_citing_unnamed_sources_and_thought_to_be(sentence: str) -> None:
    assert claim_in_context(sentence).certainty == "hedged"


def test_an_as_clause_attributes_the_sentence_but_does_not_frame_a_denial() -> None:
    assert (claim_in_context("The talks failed, as the Gazette reported.").source_kind) == "outlet"
    denial = claim_in_context("The mayor denied the allegations, as the Gazette reported.")
    assert (denial.certainty, denial.source) == ("denied", "The mayor")


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("The Gazette is reporting at least one person has been hurt at the quay.", "attributed"),
        ("Update at 4 p.m.: Harbour TV, citing radio, is reporting two people are hurt.", "attributed"),
        ("The ferry sank, but police did not say how it happened.", "asserted"),
    ],
)
def test_live_blog_reports_without_that_and_negated_questions(sentence: str, certainty: str) -> None:
    assert claim_in_context(sentence).certainty == certainty


def test_what_one_denies_is_a_claim_but_two_objects_are_a_refusal() -> None:
    denial = claim_in_context("The harbour board denied the contacts with the buyer.")
    assert (denial.certainty, denial.source) == ("denied", "The harbour board")
    refusal = claim_in_context("The board denied his firm the licence.")
    assert refusal.source is None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Boats heard flares twice, according to an internal harbour memorandum on the search.",
         "an internal harbour memorandum"),
        ("Boats heard flares, according to internal e-mail updates sent by the Harbour Office to staff.",
         "internal e-mail updates sent"),
        ('"Flares were seen at 2 a.m.," one of the emails said.', "one of the emails"),
        ("A later update to the log sent on Tuesday night suggested more flares were seen.",
         "A later update to the log"),
        ("The update sent to harbour staff also discussed a white object in the water.", "The update"),
        ("Per internal Harbour Office emails obtained by the Gazette, the flares were seen twice.",
         "internal Harbour Office emails obtained"),
        ("The flares were seen twice, per the memo.", "the memo"),
        ("Flares were seen twice, reveals an internal harbour memo on the search.",
         "an internal harbour memo"),
    ],
)  # fmt: skip
def test_memos_emails_and_updates_are_documents(sentence: str, source: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.certainty, claim.source, claim.source_kind) == (
        "attributed", source, "footage"
    )


def test_an_outlets_report_names_the_outlet_and_per_cent_is_no_cue() -> None:
    claim = claim_in_context("Crews say they heard flares, according to a Reuters report.")
    assert (claim.certainty, claim.source_kind) == ("attributed", "outlet")
    assert claim_in_context("Fares rose 5 per cent in May.").certainty == "asserted"


@pytest.mark.parametrize(
    ("sentence", "certainty", "source"),
    [
        # unnamed reports on something, not the something
        ("Earlier reports on the search for the boat have stated that the lifeboats can reach it.", "hedged",
         "Earlier reports on the search for the boat"),
        # the hedge is the main verb's, after a relative clause with an irregular past ("went")
        ("Crews looking for the boat that went missing on Sunday during a trip to the reef reportedly "
         "picked up flares in the bay.", "hedged", None),
        # a capital opening the sentence names no one
        ("Additional sonar buoys reportedly confirmed that the sounds went on.", "hedged",
         "Additional sonar buoys"),
        # a headline's place before a colon and a quote is no speaker
        ("Flares Finally Seen near the Missing Fishing Boat: ‘There Is Cause for Hope’", "asserted", None),
    ],
)  # fmt: skip
def test_reports_on_a_search_relative_clauses_and_headline_places(
    sentence: str, certainty: str, source: str | None
) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.certainty, claim.source) == (certainty, source)


def test_a_clause_between_commas_is_no_apposition_and_ranks_open_no_name() -> None:
    claim = claim_in_context(
        "By Friday afternoon, the balloon had drifted east into the plains, said Harbour Press Secretary "
        "Air Force Brig. Gen. Ada Marsh."
    )
    assert (claim.certainty, claim.source, claim.source_kind) == ("attributed", "Ada Marsh", "person")
    assert claim_in_context("The storm continued east on Friday.").certainty == "asserted"  # no report
    assert claim_in_context('"We are done," he continued.').certainty == "attributed"


def test_an_infinitive_between_commas_is_no_apposition_and_envoys_are_people() -> None:
    claim = claim_in_context(
        "The fire prompted orders for residents of the village of Elmford, about 75 miles east of the city, "
        "to leave their homes, said Ada Marsh, of the state fire agency."
    )
    assert (claim.source, claim.source_kind) == ("Ada Marsh", "person")
    assert claim_in_context("Ben Cole, the envoy to Ukraine, said the talks failed.").source_kind == "person"


@pytest.mark.parametrize(
    ("sentence", "certainty", "source", "kind"),
    [
        ("It is now believed that the deal could close early in the week.", "hedged", None, "anonymous"),
        ("The deal is widely expected to close on Friday.", "speculative", None, "none"),
        ("The club agreed terms with the striker, according to reports today.", "hedged",
         "reports today", "anonymous"),
        ("Widespread reports emerged last week suggesting club chiefs were in London.", "hedged",
         "Widespread reports", "anonymous"),
        ("Italian journalist Ada Marsh said the striker had agreed terms.", "attributed", "Ada Marsh",
         "person"),
        ("Gazzetta dello Sport's Ada Marsh has revealed that the striker agreed terms.", "attributed",
         "Ada Marsh", "person"),
        ("And according to Corriere della Sera, talks are significantly advanced.", "attributed",
         "Corriere della Sera", "outlet"),
    ],
)  # fmt: skip
def test_hedges_with_an_adverb_reports_of_a_day_and_names_with_particles_or_owners(
    sentence: str, certainty: str, source: str | None, kind: str
) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None
    assert (claim.certainty, claim.source, claim.source_kind) == (certainty, source, kind)


def test_a_speaker_and_a_colon_introduce_the_next_paragraph() -> None:
    body = ["Ada Marsh said on Twitter:", "The striker has agreed terms. The clubs are still talking.",
            "The fee was not disclosed."]  # fmt: skip
    claims = analyse_claims(Article(title="Striker agrees terms", body=body))
    marsh = ("Ada Marsh", "attributed")
    body_claims = [(c.source, c.certainty) for c in claims if not c.in_headline]
    assert body_claims == [marsh] * 3 + [(None, "asserted")]


def test_an_empty_it_appears_and_a_report_that_claims() -> None:
    claim = claim_in_context("However, it appears there has been a breakthrough in the talks.")
    assert (claim.certainty, claim.source, claim.cues) == ("hedged", None, ["appears"])
    claim = claim_in_context("The Gazette cites a report from Radio Quay that claims talks have been held.")
    assert (claim.certainty, claim.source) == ("attributed", "a report from Radio Quay")
    assert claim.reporting_cue == "claims"


@pytest.mark.parametrize(
    ("sentence", "certainty", "source"),
    [
        # a fact check's rating denies the claim it rates
        ("Verdict: False. The clip shows storm damage in another country.", "denied", "The clip"),
        ("Fact-checkers previously debunked posts that misrepresented the clip.", "denied", "Fact-checkers"),
        ("Users misrepresented the clip as showing the flood.", "denied", None),
        # "called" between a noun and a name names a thing
        ("The clip comes from a video game called Harbour Patrol Simulator.", "asserted", None),
    ],
)  # fmt: skip
def test_fact_check_ratings_debunking_names_and_dates(
    sentence: str, certainty: str, source: str | None
) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.certainty, claim.source) == (certainty, source)


def test_a_relative_clause_after_a_date_rests_on_the_phrase_before_the_date() -> None:
    sentence = "The Gazette ran an image search (archived here) on May 6, 2023, that shows the clip is old."
    assert claim_in_context(sentence).source == "an image search"


def test_reports_swirling_hedge_and_a_pronoun_takes_the_name_without_its_possessive() -> None:
    claim = claim_in_context("Reports swirled in the harbour office that the manager was about to quit.")
    assert claim.certainty == "hedged"
    context = "Marsh's rattled staff met. Even as Marsh reassured them, she told others she would quit."
    claim = claim_in_context("Even as Marsh reassured them, she told others she would quit.", context)
    assert claim.source == "Marsh"


def test_a_named_source_alleging_is_attributed_and_the_verb_may_close_the_sentence() -> None:
    claim = claim_in_context("Cole stabbed the man after a fight, the prosecutor alleged.")
    assert (claim.certainty, claim.source, claim.alternatives) == ("attributed", "the prosecutor", ["hedged"])
    assert claim_in_context("The man was stabbed, it was alleged.").certainty == "hedged"
    assert claim_in_context("He allegedly stabbed the man, police said.").certainty == "hedged"


@pytest.mark.parametrize(
    ("sentence", "certainty", "source"),
    [
        # a measured risk is a finding; a raised risk is a possibility
        ("Drinkers of three cups a day had a 10 percent lower risk of death.", "asserted", None),
        ("The move raises the risk of war.", "speculative", None),
        # a study in a named journal, officials in a named body
        ("A new study in the Harbour Journal of Medicine found that drinkers live longer.", "attributed",
         "A new study in the Harbour Journal of Medicine"),
        ("Officials in the White House said the plan was dead.", "attributed",
         "Officials in the White House"),
    ],
)  # fmt: skip
def test_measured_risks_studies_in_journals_and_officials_in_a_body(
    sentence: str, certainty: str, source: str | None
) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.certainty, claim.source) == (certainty, source)


def test_an_outlet_reporting_a_clause_with_a_named_subject_attributes_it() -> None:
    claim = claim_in_context("The Daily Clarion reports Rovers running back Jo Berg (ankle) will miss it.")
    assert claim is not None
    assert (claim.certainty, claim.source, claim.source_kind) == ("attributed", "The Daily Clarion", "outlet")


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        # the quoted words come before a passive "quoted as saying" and a gated verb after "he"
        ('"The ferry is not for sale," he was quoted as saying.', "he", "was quoted as saying"),
        ("“The ferry is not for sale,” the mayor later clarified.", "the mayor", "clarified"),
        # a verb that carries the cue on, and an aside between the cue and its clause
        ("The mayor continues to insist, most recently in a radio interview, that the ferry stays.",
         "The mayor", "insist"),
        ("The mayor went on to say that the ferry would stay.", "The mayor", "say"),
        # a speech clause after a fronted "That's why," is no adverbial clause
        ("That's why, he added, the ferry will stay in the harbour.", "he", "added"),
    ],
)  # fmt: skip
def test_speakers_around_quotes_asides_and_carried_verbs(sentence: str, source: str, cue: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None
    assert (claim.certainty, claim.source, claim.reporting_cue) == ("attributed", source, cue)


@pytest.mark.parametrize(
    ("sentence", "certainty", "cue"),
    [
        # footage that purports or claims to show something is not vouched for by the outlet
        ("The group released a video purporting to show the raid on the harbour.", "hedged", "purporting to"),
        ("Gang releases video claiming to show raid on harbour", "hedged", "claiming to show"),
        # what is not known is an open question
        ("It is not known whether the gang edited the video.", "speculative", "not known whether"),
    ],
)  # fmt: skip
def test_footage_that_purports_to_show_and_open_questions(sentence: str, certainty: str, cue: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.certainty, claim.cues) == (certainty, [cue])


def test_a_headline_closed_by_a_name_rests_on_it_but_a_body_sentence_does_not() -> None:
    article = Article(title="Harbour raid video shows gang's cruelty: Harbour Police", body=[
        "Asked how he would stop the raids, the mayor gave a two-word answer to reporters: Harbour Police."
    ])  # fmt: skip
    headline, body = analyse_claims(article)
    assert (headline.certainty, headline.source, headline.source_kind) == (
        "attributed", "Harbour Police", "organisation"
    )  # fmt: skip
    assert body.source is None


def test_a_name_closing_the_sentence_speaks_and_an_outlet_desk_is_an_outlet() -> None:
    claim = claim_in_context(
        "The video shows gunmen walking in the desert, apparently heading for the harbour, "
        "reports CNN Business."
    )
    assert claim is not None and (claim.source, claim.source_kind) == ("CNN Business", "outlet")


@pytest.mark.parametrize(
    "sentence",
    ["The mayor urged the press to deny the gang a propaganda success.",
     "The board denied Harbour Rovers the licence.", "The board denied them a hearing."],
)  # fmt: skip
def test_denying_someone_something_rejects_no_claim(sentence: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty != "denied"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # a claim called false inside the clause of a report is still denied, by the reporter
        ("The harbour police stated that the speculations are untrue.", "The harbour police"),
        ("The police in a statement issued on Friday said the reports are erroneous.", "The police"),
        ("The Harbour Police Service has dispelled reports that it arrested a reporter.",
         "The Harbour Police Service"),
        # a report called erroneous in the outlet's voice
        ("Our attention has been drawn to an erroneous report that the ferry sank.", None),
    ],
)  # fmt: skip
def test_reports_called_false_or_dispelled_are_denied(sentence: str, source: str | None) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.certainty, claim.source) == ("denied", source)


@pytest.mark.parametrize(
    "sentence",
    [
        # a claim called false by a labelling verb, even in a participle clause after the report
        "The ferry firm wrote to the mayor, calling the two long reports ''inaccurate and unfair.''",
        "The harbour police branded the allegations as lies.",
        'The mayor called the rumours "nonsense" on Friday.',
        # no evidence for a claim, a claim said to stretch the truth, a rumoured plan disowned
        '"There\'s no data to suggest that," said one harbour official.',
        "There is little to indicate the ferry company planned the closure.",
        "The mayor stretched the truth when she claimed the harbour had doubled its trade.",
        "The captain has repeatedly said he has no intention of leaving the ferry company.",
    ],
)
def test_claims_called_false_or_without_evidence_are_denied(sentence: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == "denied"


@pytest.mark.parametrize(
    "sentence",
    ["The mayor called the report a useful summary.", "She described the story as moving.",
     "He called the claims process slow but fair."],
)  # fmt: skip
def test_a_claim_noun_labelled_otherwise_is_not_denied(sentence: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty != "denied"


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        ("Two reporters were held at the harbour protest, harbournews.com reports.", "harbournews.com",
         "outlet"),
        ("\"I'm fine,\" the singer tweeted on Wednesday (Oct 4).", "the singer", "person"),
    ],
)  # fmt: skip
def test_a_site_closing_the_sentence_and_a_dated_tweet_name_the_speaker(
    sentence: str, source: str, kind: str
) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None
    assert (claim.certainty, claim.source, claim.source_kind) == ("attributed", source, kind)


def test_british_single_quotes_running_over_sentences_and_paragraphs_keep_their_speaker() -> None:
    article = Article(title="Ferry", body=[
        "A source told the Gazette: ‘There has been talk that the ferry is sold. It is in a yard in Leith.",
        "‘It’s not as big but it’s a new start for the crew.’",
        "The ferry’s owners’ office was closed on Monday.",
    ])  # fmt: skip
    claims = analyse_claims(article)  # the one-word headline states nothing
    assert [(c.source, c.source_kind) for c in claims[:3]] == [("A source", "anonymous")] * 3
    assert (claims[3].certainty, claims[3].source) == ("asserted", None)


def test_speakers_hitting_back_and_a_singular_they_for_an_unnamed_source() -> None:
    claim = claim_in_context("The mayor, however, hit back: ‘Where did you read that?’")
    assert claim is not None and (claim.source, claim.reporting_cue) == ("The mayor", "hit back")
    text = (
        "The Gazette reported that the ferry was sold. A source told the paper the yard was busy. "
        'They added: "The crew will be the last to know."'
    )
    claim = claim_in_context('They added: "The crew will be the last to know."', text)
    assert claim is not None and (claim.certainty, claim.source, claim.source_kind) == (
        "hedged", "A source", "anonymous"
    )  # fmt: skip


def test_he_refers_to_a_star_named_by_role_with_the_age_apposed() -> None:
    text = (
        "The Harbour Nights star, 58, shared a flat with his brother. A source said he moved out. "
        'He said: "I am happy."'
    )
    claim = claim_in_context('He said: "I am happy."', text)
    assert claim is not None and claim.source == "The Harbour Nights star"


def test_talk_that_is_hearsay() -> None:
    claim = claim_in_context("There has been talk for weeks that the skipper has left the ferry.")
    assert claim is not None and (claim.certainty, claim.cues) == ("hedged", ["There has been talk"])


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        # what the footage appears to be is the claim; a judgement in an adjunct is not
        ("The film contains what appears to be helmet-camera footage.", "hedged"),
        ("He was convicted for what appears to be a lesser breach.", "asserted"),
        # a subject's relative clause of appearance does not frame the sentence; one that shows does
        ("A video that appears to include helmet footage has prompted a review of the policy.", "asserted"),
        ("Footage that appears to show the raid was posted on Monday.", "hedged"),
    ],
)
def test_what_appears_to_be(sentence: str, certainty: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == certainty


def test_footage_with_a_participle_aside_still_shows() -> None:
    claim = claim_in_context("The video, set to loud music, shows gunmen firing at the ferry.")
    assert claim is not None and (claim.certainty, claim.source_kind) == ("attributed", "footage")


@pytest.mark.parametrize(
    ("title", "certainty"),
    [
        ("Skipper ‘moves out of family home’ after ferry sale", "hedged"),
        ("Gang video 'shows raid on the harbour'", "hedged"),
        ("'Harbour Nights' star dies at 80", "asserted"),  # a quoted title
        ('Mayor says ferry "is safe to sail"', "attributed"),  # the words of a speaker named outside
    ],
)
def test_a_headline_quoting_its_claim_keeps_its_distance(title: str, certainty: str) -> None:
    headline = analyse_claims(Article(title=title, body=["The ferry sank."]))[0]
    assert headline.in_headline and headline.certainty == certainty


def test_a_video_purportedly_showing_and_unnamed_outlets_are_second_hand() -> None:
    claim = claim_in_context("The gang put out a video purportedly showing the raid, outlets reported.")
    assert claim is not None
    assert (claim.certainty, claim.cues, claim.source_kind) == ("hedged", ["purportedly"], "anonymous")


def test_a_sentence_adverb_is_no_speaker_and_disputing_a_claim_denies_it() -> None:
    claim = claim_in_context("However, the crew dispute this claim, asserting that no notice was served.")
    assert claim is not None and (claim.certainty, claim.source) == ("denied", "the crew")


def test_straight_single_quotes_go_on_in_their_paragraph_but_not_into_an_unquoted_one() -> None:
    article = Article(title="Ferry", body=[
        "A source said: 'There has been talk that the ferry is sold. It is in a yard in Leith.",
        "'It is not as big but it is a new start for the crew.",
        "The skipper surprised fans on Monday by posting a photo from the yard.",
    ])  # fmt: skip
    claims = analyse_claims(article)
    assert [c.source for c in claims] == ["A source", "A source", "A source", None]


def test_shooting_back_at_reports_rejects_them() -> None:
    claim = claim_in_context("The skipper shot back at the reports as he posed on the ferry.")
    assert claim is not None and claim.certainty == "denied"


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        # a hedge on a participle with its agent qualifies the subject, not the claim
        ("A video apparently filmed by a crew member shows the raid, the coastguard said.", "attributed"),
        ("The skipper was apparently injured by the crane.", "hedged"),
        ("The skipper apparently died at the scene.", "hedged"),
    ],
)
def test_a_hedged_participle_with_its_agent_qualifies_the_subject(sentence: str, certainty: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == certainty


def test_responding_to_reports_carries_them_as_reported_and_reports_after_to_is_a_noun() -> None:
    claim = claim_in_context("Skipper responds to reports he's sold the ferry")
    assert claim is not None and (claim.certainty, claim.source) == ("hedged", None)
    claim = claim_in_context("The mayor reacted to reports that the ferry was sold.")
    assert claim is not None and claim.reporting_cue is None


def test_a_hedge_inside_an_including_detail_leaves_the_claim() -> None:
    claim = claim_in_context("The film is raw footage, including images apparently filmed with a helmet cam.")
    assert claim is not None and (claim.certainty, claim.alternatives) == ("asserted", ["hedged"])


@pytest.mark.parametrize(
    ("sentence", "certainty", "cue"),
    [
        # a participle describing the record is not its cue; the record's own verb is
        ("A video posted online purportedly shows the ferry listing badly.", "hedged", "shows"),
        ("A video posted online shows the ferry listing badly.", "attributed", "shows"),
        ("Footage broadcast on state television showed the ferry listing.", "attributed", "showed"),
        ("A letter published on Friday claimed the ferry was unsafe.", "attributed", "claimed"),
    ],
)
def test_a_record_described_by_a_participle_is_the_source(sentence: str, certainty: str, cue: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.certainty, claim.reporting_cue) == (certainty, cue)
    assert claim.source_kind == "footage" and claim.source in {"A video", "Footage", "A letter"}


def test_a_describing_participle_does_not_hide_a_hedge() -> None:
    claim = claim_in_context("Images shared on social media appear to show the ferry listing.")
    assert claim is not None and claim.certainty == "hedged" and claim.reporting_cue != "shared"


@pytest.mark.parametrize(
    ("sentence", "certainty", "source", "kind"),
    [
        # a refusal to confirm content rests on the one who refused
        ("The coach declined to confirm that the defender will stay.", "denied", "The coach", "person"),
        ("The coach refused to guarantee that the defender will stay.", "denied", "The coach", "person"),
        ("The coach refused to say whether the defender will stay.", "denied", "The coach", "person"),
        ("Club coach declines to say if defender will stay", "denied", "Club coach", "person"),  # a headline
        ("The club refuses to confirm that the defender will stay.", "denied", "The club", "organisation"),
        # a reporting verb before a quantity ("said over 30") is no phrasal verb
        ("Police said over 30 houses were damaged.", "attributed", "Police", "organisation"),
        # unnamed outlets, also after a comma and with a capitalised quantifier
        ("The blast killed five people, agencies said.", "hedged", "agencies", "anonymous"),
        ("Some media outlets said there had been a second gunman.", "hedged", "Some media outlets",
         "anonymous"),
        # researchers at a named body speak for its study; sources at one stay unnamed
        ("Scientists at the Harbour Institute have found that the sweetener raises the risk.", "attributed",
         "Scientists at the Harbour Institute", "organisation"),
        ("Sources at the Harbour Authority said the ferry was unsafe.", "hedged",
         "Sources at the Harbour Authority", "anonymous"),
        # a study closing the sentence
        ("The sweetener has been linked to a higher risk of stroke, new research suggests.", "attributed",
         "new research", "footage"),
    ],
)  # fmt: skip
def test_sources_of_refusals_unnamed_outlets_and_studies(
    sentence: str, certainty: str, source: str, kind: str
) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None
    assert (claim.certainty, claim.source, claim.source_kind) == (certainty, source, kind)


def test_declining_to_comment_reports_nothing() -> None:
    claim = claim_in_context("The coach declined to comment on the bid.")
    assert claim is not None and (claim.certainty, claim.source) == ("asserted", None)


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("The authenticity of the statement couldn't be confirmed, but the site is often used.", "hedged"),
        ("It has been understood that the club will hold another round of talks.", "hedged"),
        ("Should the club fail to raise its offer, the coach will face a dilemma.", "speculative"),
        ("But should the deal collapse, the club will look elsewhere.", "speculative"),
        # a request turned down is no denial of a claim; a report turned down is
        ("The first two approaches were denied by the club.", "attributed"),
        ("The reports were denied by the ministry.", "denied"),
        ("It was denied by the ministry.", "denied"),
    ],
)
def test_unconfirmed_conditional_and_refused_requests(sentence: str, certainty: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == certainty


@pytest.mark.parametrize(
    "paragraph",
    [
        '"I do not know at this stage. There were offers," Marsh told Harbour Radio after the game.',
        '"I do not know at this stage. There were offers," Marsh said after the game.',
    ],
)
def test_a_quote_s_first_sentence_takes_the_speaker_named_after_it(paragraph: str) -> None:
    claims = analyse_claims(Article(title="Bid rejected", body=[paragraph]))
    first = next(c for c in claims if c.sentence.startswith('"I do not know'))
    assert (first.certainty, first.source) == ("attributed", "Marsh")


def test_a_speaker_closing_with_an_addressee_frames_the_sentence() -> None:
    claim = claim_in_context("The gunman shouted as he opened fire, a priest told the local media.")
    assert claim is not None and claim.source == "a priest" and claim.reporting_cue == "told"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # credentials set off by commas do not hide the name before them
        ("Senior author Jane Marsh, MD, PhD, director of research at the Harbour Clinic, told reporters the "
         "risk was real.", "Jane Marsh"),
        # a year opening the subject dates the act
        ("In 2015 the Harbour Front announced that it had taken the port.", "Harbour Front"),
        # a plural's possessive stays inside the phrase
        ("The players' union said the talks had failed.", "The players' union"),
        # a reckoning is no source: the agencies are
        ("The fire broke out on Sunday, local news agencies said, a feast day according to the old calendar.",
         "local news agencies"),
    ],
)  # fmt: skip
def test_source_phrases_past_credentials_years_and_possessives(sentence: str, source: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.source == source


def test_according_to_a_plan_or_the_rules_names_no_source() -> None:
    sentences = ("Everything went according to plan.", "According to the rules, the vote is void.")
    for sentence in sentences:
        claim = claim_in_context(sentence)
        assert claim is not None and (claim.certainty, claim.source) == ("asserted", None)


def test_a_headline_question_to_the_reader_is_its_claim() -> None:
    title = "Could this sweetener raise your risk of a heart attack?"
    article = Article(title=title, body=["A study found a link."])
    headline = analyse_claims(article)[0]
    assert headline.in_headline and headline.certainty == "speculative"


def test_the_one_spoken_to_who_said_is_the_source() -> None:
    claim = claim_in_context("The agency spoke to a law enforcement source who said the gunman was local.")
    assert claim is not None and (claim.certainty, claim.source) == ("hedged", "a law enforcement source")
    killed = claim_in_context("He was shot by police who claim he was armed.")
    assert killed is not None and killed.certainty == "asserted"


@pytest.mark.parametrize("time", ["Sunday", "on Sunday"])
def test_an_inverted_subject_after_a_time(time: str) -> None:
    claim = claim_in_context(f"Five people died in the attack, said {time} the local ministry.")
    assert claim is not None and claim.source == "the local ministry"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # a participle with its agent after a noun is a passive: the agent claimed it
        ("The town is a target of attacks sometimes claimed by the Harbour Front.", "Harbour Front"),
        # not a means or a time after "by"
        ("The minister confirmed by email that the ferry sank.", "The minister"),
        ("The ferry sank, police said by the time they arrived.", "police"),
    ],
)
def test_a_reduced_passive_names_its_agent(sentence: str, source: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.source == source


def test_an_estimate_is_a_document() -> None:
    claim = claim_in_context("Growth will slow to 2 percent, according to the bank's estimate.")
    assert claim is not None and (claim.certainty, claim.source_kind) == ("attributed", "footage")


def test_a_phrase_between_the_cue_and_its_clause() -> None:
    claim = claim_in_context("The agent admitted in a 2005 magazine article he was the paper's source.")
    assert claim is not None and (claim.certainty, claim.source) == ("attributed", "The agent")


def test_a_sentence_opening_a_single_quote_continues_the_speaker() -> None:
    paragraph = (
        "‘The top quarter had twice the risk,’ says Jane Marsh, who led the research. "
        "‘That places it on par with the strongest risk factors.’"
    )
    claims = analyse_claims(Article(title="Sweetener linked to heart problems", body=[paragraph]))
    assert (claims[-1].certainty, claims[-1].source) == ("attributed", "Jane Marsh")
    title = claim_in_context("'The Fix' will remedy a flaw in the harbour software.")
    assert title is not None and title.certainty == "asserted"


def test_a_collective_s_view_holds_past_a_relative_clause_but_not_for_unnamed_sources() -> None:
    view = claim_in_context("Outside experts who reviewed the findings stressed that it shows a link.")
    assert view is not None and (view.certainty, view.alternatives) == ("attributed", ["hedged"])
    unnamed = claim_in_context("Experts familiar with the matter said the deal was close.")
    assert unnamed is not None and unnamed.certainty == "hedged"


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("The footage, which has not been verified, shows soldiers marching.", "hedged"),
        ("The harbour authority has not confirmed the collision.", "hedged"),  # no one said it happened
        ("The ministry has yet to confirm the toll.", "hedged"),
        ("There is no suggestion that the player broke any rules.", "denied"),
        ("The ministry didn't confirm the toll.", "denied"),  # as "did not confirm"
        ("The trader has been accused of hiding the losses.", "hedged"),  # an accusation, not a fact
        ("It comes after the ferry operator was accused of cutting corners.", "asserted"),  # the main clause
    ],
)
def test_unconfirmed_and_unverified_claims(sentence: str, certainty: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == certainty


@pytest.mark.parametrize("title", ["Striker agrees terms — reports", "Club to be sold - sources"])
def test_a_headline_closed_by_a_dash_and_unnamed_reports_is_hedged(title: str) -> None:
    article = Article(title=title, body=["The striker has played 40 games this season."], language="en")
    claim = analyse_claims(article)[0]
    assert (claim.certainty, claim.source_kind) == ("hedged", "anonymous")


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        ("The deal is worth $2bn, according to people familiar with the matter.",
         "people familiar with the matter", "anonymous"),
        ("The deal is worth $2bn, according to two people briefed on the talks.",
         "two people briefed on the talks", "anonymous"),
        ("The suspect bought the rifle in May, according to the indictment.", "the indictment", "footage"),
    ],
)
def test_unnamed_people_in_the_know_and_court_papers(sentence: str, source: str, kind: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.source, claim.source_kind) == (source, kind)


@pytest.mark.parametrize(
    ("sentence", "certainty", "source"),
    [
        ("It has emerged that the harbour master used a private email account.", "hedged", None),
        ("It is claimed that the harbour master used a private email account.", "hedged", None),
        ("The ferry firm posted results. It said that profits would fall.", "attributed", "The ferry firm"),
        ("Two crew members are feared to have drowned.", "hedged", None),
        ("The harbour master is tipped to become the next mayor.", "speculative", None),
    ],
)
def test_impersonal_it_fears_and_tips(sentence: str, certainty: str, source: str | None) -> None:
    context, _, last = sentence.rpartition(". ")
    claim = claim_in_context(last or sentence, context + "." if last else "")
    assert claim is not None and (claim.certainty, claim.source) == (certainty, source)


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        ("The study found particles in the brain.", "The study", "footage"),  # a finding
        ("The study, published in the Harbour Journal, found particles in the brain.",
         "The study, published in the Harbour Journal", "footage"),
        ("A company statement says that the plant will close.", "A company statement", "organisation"),
        ("Residents should leave now, according to Harbour OES.", "Harbour OES", "organisation"),
        ("The budget is a disaster, said Harbour Planning Council's Kate Marsh.", "Kate Marsh", "person"),
    ],
)
def test_findings_statements_initials_and_a_bodys_person(sentence: str, source: str, kind: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and (claim.source, claim.source_kind) == (source, kind)


def test_a_british_quotation_going_on_into_the_next_paragraph_is_the_speakers() -> None:
    body = [
        "‘We found particles in eight of the samples,’ Professor Ada Marsh said. ‘It is alarming.",
        "‘This study finds that the nose could be a route into the brain.’",
    ]
    claims = analyse_claims(Article(title="Particles found in brain tissue", body=body, language="en"))
    assert claims[-1].source == "Ada Marsh" and claims[-1].reporting_cue != "finds"


@pytest.mark.parametrize(
    ("sentence", "certainty", "source", "kind"),
    [
        ("Island shaken by quakes, biggest at 6.9, as volcano eruption continues", "asserted", None, "none"),
        ("Lava destroyed four homes, bringing the number of structures claimed by the eruption to nine.",
         "asserted", None, "none"),
        ("Harbour County Civil Defence said the quake was centred near the volcano.", "attributed",
         "Harbour County Civil Defence", "organisation"),
        ("Harbour County officials said steam poured out of a crack.", "attributed",
         "Harbour County officials", "organisation"),
    ],
)
def test_events_that_go_on_or_take_homes_report_nothing_and_a_bodys_officials_speak_for_it(
    sentence: str, certainty: str, source: str | None, kind: str
) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None
    assert (claim.certainty, claim.source, claim.source_kind) == (certainty, source, kind)


@pytest.mark.parametrize(
    "sentence",
    ["It’s believed two more pupils are trapped.", "It's thought the fire started in the kitchen.",
     "It's said to be the oldest tree in the park."],
)
def test_a_contracted_impersonal_hedge(sentence: str) -> None:
    claim = claim_in_context(sentence)
    assert claim is not None and claim.certainty == "hedged" and claim.source is None
