"""A site's appeals to its readers: donation boxes and subscription offers (made-up lines)."""

from __future__ import annotations

from newstrace.extract.appeals import appeal_lines
from newstrace.extract.lines import split_page_lines


def _found(*texts: str) -> list[str]:
    lines = split_page_lines("\n\n".join(texts))
    return [lines[i].text for i in sorted(appeal_lines(lines))]


def test_a_donation_box_between_two_appeal_lines_is_dropped_whole() -> None:
    box = [
        "Your support keeps the Quayside reporting",
        "From harbour budgets to ferry fares, the Quayside is there when the story breaks, and we know how "
        "much our readers rely on it.",
        "In a busy year for the islands we need reporters on the quay. Your donation keeps them there.",
        "Your support makes all the difference.",
    ]
    assert _found("Ferry runs aground off Port Calder", *box, "The ferry ran aground on Friday.") == box


def test_a_subscription_offer_and_its_button_are_dropped() -> None:
    offer = ["Unlimited access to every story for as low as $3.99 /mo.", "Get It Now"]
    assert _found("Ferry runs aground off Port Calder", *offer) == offer


def test_a_quoted_thanks_or_a_headline_between_two_appeals_is_the_articles() -> None:
    thanks = "“Thank you all for your support,” the lifeboat coxswain said."
    assert _found(thanks) == []
    lines = [
        "Click here to donate to the harbour relief fund.",
        "Top News",
        "Ferry runs aground off Port Calder",
        "Unlimited access to every story for as low as $3.99 /mo.",
    ]
    assert _found(*lines) == [lines[0], lines[3]]
