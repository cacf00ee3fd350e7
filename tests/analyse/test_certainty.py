"""Certainty classes with their cue words, by the precedence of the certainty guide."""

from __future__ import annotations

import pytest

from newstrace.analyse.certainty import classify_certainty, find_cues
from newstrace.analyse.claims import claim_in_context


@pytest.mark.parametrize(
    ("sentence", "kind", "expected", "cue"),
    [
        ("The earthquake struck at 3 a.m. on Sunday.", "none", "asserted", None),
        ("The minister said the talks had failed.", "person", "attributed", "said"),
        ("The minister reportedly said the talks had failed.", "person", "hedged", "reportedly"),
        ("The rebels are said to control the town.", "anonymous", "hedged", "are said to"),
        ("It was reported that the plant had closed.", "anonymous", "hedged", "it was reported"),
        ("A video which purportedly shows the attack has appeared.", "footage", "hedged", "purportedly"),
        ("The storm could reach the coast by Friday.", "none", "speculative", "could"),
        ("If talks fail, prices would rise.", "none", "speculative", "If"),
        ("The Kremlin denied the reports.", "organisation", "denied", "denied"),
        ("There is no evidence that the vote was rigged.", "none", "denied", "no evidence"),
        ("Sources say the deal is close.", "anonymous", "hedged", "Sources say"),
    ],
)
def test_classes(sentence: str, kind: str, expected: str, cue: str | None) -> None:
    decision = classify_certainty(sentence, kind, "said" if kind != "none" else None)  # type: ignore[arg-type]
    assert decision.certainty == expected
    if cue is not None:
        assert cue.lower() in [c.lower() for c in decision.cues]


def test_named_source_speculating_is_attributed_with_speculative_alternative() -> None:
    decision = classify_certainty("Smith said rates may rise.", "person", "said")
    assert decision.certainty == "attributed"
    assert decision.alternatives == ["speculative"]


def test_hedged_named_source_keeps_attributed_alternative() -> None:
    decision = classify_certainty("Smith reportedly said rates would rise.", "person", "said")
    assert decision.certainty == "hedged"
    assert "attributed" in decision.alternatives


def test_may_the_month_is_not_a_modal() -> None:
    assert find_cues("The vote was held in May last year.", ("may",)) == []
    assert find_cues("May is a month; prices may rise.", ("may",)) == ["May", "may"]


def test_other_language_cues() -> None:
    assert (
        classify_certainty("Der Minister soll angeblich zurückgetreten sein.", language="de").certainty
        == "hedged"
    )
    assert classify_certainty("Le ministre aurait démissionné.", language="fr").certainty == "hedged"
    assert classify_certainty("El gobierno negó las acusaciones.", language="es").certainty == "denied"
    assert classify_certainty("Il governo potrebbe cadere.", language="it").certainty == "speculative"


@pytest.mark.parametrize(
    ("sentence", "expected", "alternative"),
    [
        # a cue in a relative or subordinate clause only adds an alternative: the main clause decides
        (
            "The firm where the shooting was believed to have occurred houses law offices.",
            "asserted",
            "hedged",
        ),
        ("He stayed neutral in a race that both candidates would love to win.", "asserted", "speculative"),
        ("In the new spot set to air on Tuesday, the group attacks the senator.", "asserted", "speculative"),
        ("The man, who allegedly fired first, was arrested at the scene.", "asserted", "hedged"),
    ],
)
def test_main_clause_decides(sentence: str, expected: str, alternative: str) -> None:
    decision = classify_certainty(sentence)
    assert decision.certainty == expected
    assert alternative in decision.alternatives


def test_opening_only_cues() -> None:
    assert classify_certainty("Maybe the old rules still apply.").certainty == "speculative"
    assert (
        classify_certainty("If they fail, the state could revoke their permits.").certainty == "speculative"
    )
    assert classify_certainty("It offers few, if any, ways to opt out.").certainty == "asserted"
    assert classify_certainty("Apply the patch as soon as possible.").certainty == "asserted"


def test_denial_needs_a_claim_to_deny() -> None:
    assert (
        classify_certainty("The state could deny them permits until the work is done.").certainty != "denied"
    )
    assert classify_certainty("Right now there is no indication of a link.").certainty == "denied"
    decision = classify_certainty("The campaign would not say whether he had been interviewed.")
    assert decision.certainty == "denied" and "hedged" in decision.alternatives


@pytest.mark.parametrize(
    ("sentence", "expected", "cue"),
    [
        # a relative or complement clause finished inside the subject leaves the main verb after it
        (
            "Both ships that were targeted in the attack are said to be badly damaged.",
            "hedged",
            "are said to",
        ),
        ("The man who was arrested on Friday is believed to have fled abroad before.", "hedged", None),
        ("People who ask for a score but do not sign up could be charged a small fee.", "speculative", None),
        # but not a clause after the main verb, nor one opened inside a prepositional phrase
        ("He stayed neutral in a race that both candidates would love to win.", "asserted", None),
        (
            "The outcome gives the senator fresh momentum in a race that will soon widen and that is "
            "expected to harden.",
            "asserted",
            None,
        ),
        # a parenthetical does not hide the conditional around it
        (
            "The rule let agencies decide if their projects—such as roads and dams—would harm wildlife.",
            "asserted",
            None,
        ),
    ],
)
def test_subject_clauses_and_the_main_verb(sentence: str, expected: str, cue: str | None) -> None:
    decision = classify_certainty(sentence)
    assert decision.certainty == expected
    if cue is not None:
        assert cue in decision.cues


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # hedges that qualify only a noun or a participle
        ("The alleged killer was serving a life sentence for attempted murder.", "asserted"),
        ("The others involved a booster allegedly giving $500 to a player.", "asserted"),
        ("He was shot after allegedly pointing a gun at officers, and the crowd turned angry.", "asserted"),
        # ... but not the evidence itself, nor the main verb
        ("An unverified video shows soldiers crossing the border.", "hedged"),
        ("He then allegedly ran a red light.", "hedged"),
        # appearance verbs before a predicate or a clause, not a physical appearance
        ("Overall, Democrats appeared pleased with the speech.", "hedged"),
        ("It appears that the flaw affects every version of the browser.", "hedged"),
        ("The actor appeared in court on Tuesday.", "asserted"),
        # "likely" as a noun's modifier predicts nothing; as a predicate it does
        ("The poll of 1,000 likely voters has a margin of error of 3 points.", "asserted"),
        ("The race is likely to be decided in June.", "speculative"),
        ("The question is whether the old rules still apply.", "speculative"),
        # a participle after a noun is a reduced relative, not the clause's prediction
        ("Greece is still awaiting a ballistics report expected to shed light on the shooting.", "asserted"),
        ("She is widely expected to win the nomination.", "speculative"),
    ],
)
def test_cue_scope(sentence: str, expected: str) -> None:
    assert classify_certainty(sentence).certainty == expected


def test_reporter_adverb_in_indirect_speech_hedges_a_named_source() -> None:
    content = "he had allegedly barricaded himself in a room"
    decision = classify_certainty(f"Police say {content}.", "organisation", "say", content=content)
    assert decision.certainty == "hedged" and "attributed" in decision.alternatives
    content = "it is unlikely to have been an attack"
    decision = classify_certainty(f"The operator says {content}.", "organisation", "says", content=content)
    assert decision.certainty == "attributed"


def test_quoted_speaker_s_hedge_is_the_speaker_s() -> None:
    decision = classify_certainty(
        '"They seem to be copying a publisher," said a media adviser.', "none", "said"
    )
    assert decision.certainty != "hedged" and "hedged" in decision.alternatives


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb of rejection before a noun naming a claim, a few words apart, denies it
        ("He also discounted rumors he had been the informant.", "denied"),
        ("She initially dismissed a neighbor's report that he was involved.", "denied"),
        ("The man pleaded not guilty at the magistrates' court on Monday.", "denied"),
        # rejecting an offer or a plan denies no claim
        ("The mayor rejected the developer's offer on Tuesday.", "asserted"),
    ],
)
def test_rejections_of_a_claim(sentence: str, expected: str) -> None:
    assert classify_certainty(sentence).certainty == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # idioms and adjectives that predict nothing
        ("You might as well stay for dinner.", "asserted"),
        ("Likely Republican nominee John Doe has offered few ideas on student debt.", "asserted"),
        ("He just can't seem to convince the voters.", "asserted"),
        ("The suspect appeared and shot him in the head.", "asserted"),
        # an expletive "it" before an appearance verb takes a clause
        ("The team plays on Sunday, and it appears the visitors will win again.", "hedged"),
        # a demonstrative subject is not a subordinator
        ("That might sound strange to anyone who never studied law.", "speculative"),
        # a participial or prepositional adjunct is not the main clause
        ("The cut strained the networks, meaning calls could drop at any time.", "asserted"),
        ("In May, with the government's popularity apparently high, the country held elections.", "asserted"),
        # an opening prepositional phrase ends at its finite verb
        (
            "At stake for the party is whether it embraces a new generation, as its leaders hope.",
            "speculative",
        ),
        # an adverb before a preposition in -ing still hedges the clause
        ("The photo shows her walking with staff supposedly during a commercial break.", "hedged"),
        # an unnamed-source phrase as an object is not a source
        ("The candidate never cited a source for his claim about the refugees.", "asserted"),
        ("An effort to solicit small donations is also expected to start soon.", "speculative"),
        ("Turnout will almost certainly rise in the general election.", "speculative"),
        ("Trump led by 51 percent to 38 percent, with 10 percent not planning to vote.", "asserted"),
        ("It remains unclear whether the union can muster the votes it needs.", "speculative"),
        ("The emirate is not believed to have had such a tremor in living memory.", "hedged"),
        # uses of speculative cues that state a fact
        ("But he could not avoid the subject.", "asserted"),
        ("Perhaps most important, the evidence shows the workers bore the cost.", "asserted"),
        ("The night began with hope that his mother would speak at the vigil.", "asserted"),
        ("The employees were just about to begin a party when the shots rang out.", "asserted"),
        ("A draft plan to allow drilling off the coast was sidelined in February.", "asserted"),
        ("There were reports of people fleeing buildings in the port city.", "hedged"),
        # an appearance verb before an evaluative predicate is the writer's judgement
        ("It seems unfair to ask the miners to pay for the shift.", "asserted"),
        ("Ten years seems like a reasonable term for the loan.", "asserted"),
        # a demonstrative opening the sentence is not a subordinator
        ("That result would be a shock to the party.", "speculative"),
        # a concession answered by "but": the "but" clause carries the claim
        ("The senator may be popular at home, but she has lost the argument in Congress.", "asserted"),
        ("Police could offer no motive for the attack.", "asserted"),
        ("He was poised to become mayor when the army seized power.", "asserted"),
        # a hedge on a purpose infinitive qualifies the purpose only
        ("The donor gave $5 million on Friday, apparently to reassure the party.", "asserted"),
        ("It has emerged that the minister held a second passport.", "hedged"),
        ("It has been revealed that the mayor was questioned twice.", "hedged"),
        # "deny" with two objects withholds something; it rejects no claim
        ("The regime denied his party the victory and jailed its leaders.", "asserted"),
    ],
)
def test_cue_scope_generalises(sentence: str, expected: str) -> None:
    assert classify_certainty(sentence).certainty == expected


def test_according_to_named_reports_is_not_a_hedge() -> None:
    sentence = "He arranged a dozen meetings, according to reports Mr. Doe filed as a lobbyist."
    assert classify_certainty(sentence, "person", "according to").certainty == "attributed"
    sentence = "He fled the country, according to reports."
    assert classify_certainty(sentence, "anonymous", "according to").certainty == "hedged"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rumours are swirling that the couple have split.", "hedged"),
        ("The singer has fuelled rumours she is dating the footballer.", "hedged"),
        ("He denied rumours that he would quit.", "denied"),
    ],
)
def test_rumours_hedge_what_they_carry(sentence: str, expected: str) -> None:
    assert classify_certainty(sentence, "none", None).certainty == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The claims could not be independently verified.",
        "The agency has not been able to verify the footage.",
        "The news agency could not immediately verify the report.",
    ],
)
def test_an_unverified_claim_is_hedged(sentence: str) -> None:
    assert classify_certainty(sentence, "none", None).certainty == "hedged"


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("The blast could be felt as far as six miles away.", "asserted"),
        ("The sirens could be heard across the city.", "asserted"),
        ("The closure could be seen as a sign of weakness.", "speculative"),
        ("The fire could spread overnight.", "speculative"),
    ],
)
def test_what_could_be_perceived_is_no_possibility(sentence: str, certainty: str) -> None:
    assert classify_certainty(sentence, "none", None, "en").certainty == certainty


def certainty_of(text: str) -> str | None:
    claim = claim_in_context(text)
    return claim.certainty if claim is not None else None


def test_a_refused_motion_is_no_denial_and_an_asides_hedge_leaves_the_sentence() -> None:
    assert certainty_of("The court denied the motions because the facts were disputed.") == "asserted"
    assert certainty_of("The judge denied his request for a new trial.") == "asserted"
    assert certainty_of("The ministry denied the reports.") == "denied"
    text = "The captain — who reportedly had been warned twice — steered the ferry into the quay."
    assert certainty_of(text) == "asserted"
    assert certainty_of("The captain had reportedly been warned twice.") == "hedged"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ferry operator would not comment.", "asserted"),
        ("Neither company would respond to the new claims.", "asserted"),
        ("The ferry operator would respond by cutting routes.", "speculative"),
        ("The deal would not survive a vote in the council.", "speculative"),
        ("The Harbourtown side had been expected to win the league.", "asserted"),
        ("The Harbourtown side is expected to win the league.", "speculative"),
        ("Perhaps not surprisingly, the figures are hard to find.", "asserted"),
        ("Even if the ferry is late, there are ways to claim compensation.", "asserted"),
        ("Even if the talks fail, prices would rise.", "speculative"),
        ("Users would be well advised to test the patch first.", "asserted"),
        ("Perhaps the most memorable photos were taken at the quay.", "asserted"),
        ("His lawyer did not deny the captain was on the bridge.", "asserted"),
        ("The captain says he is being denied the chance to testify.", "attributed"),
    ],
)
def test_refusals_past_expectations_and_non_denials_state_facts(sentence: str, expected: str) -> None:
    assert certainty_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Contrary to earlier reports, the ferry did not sink.", "denied"),
        ("It was the same wording the mayor used in may when she was first asked.", "asserted"),
        ("The harbour company expects services will not be restored before December.", "attributed"),
        ("The pastor estimates damages at more than $1 million.", "attributed"),
        ("A caller reported the fire at 3:33 a.m.", "asserted"),
        ("In 2001 the company announced plans to convert the sheds into offices.", "asserted"),
        ("He could often be seen walking along the quay in slippers.", "asserted"),
        ("The actress entered a clinic in Malibu, reportedly of her own wish.", "asserted"),
        ("None of the other clubs has been reported to have offered more than eight years.", "hedged"),
        ("Whether you sue the driver or claim on your insurance, there are ways to get help.", "asserted"),
        ("Whether the talks will resume is unclear.", "speculative"),
    ],
)
def test_denials_by_contrast_the_month_quantities_plans_and_concessive_whether(
    sentence: str, expected: str
) -> None:
    assert certainty_of(sentence) == expected
