"""Credits: datelines, credit lines and contribution notes say whose text an article carries."""

from __future__ import annotations

from newstrace.trace.credits import credit_mentions, credit_sources


def _credits(paragraph: str) -> list[tuple[str, str]]:
    return [(m.surface, m.cue) for m in credit_mentions(paragraph)]


def test_an_agency_between_slashes_after_a_dateline_and_a_joint_dateline_sign_the_text() -> None:
    assert _credits("HARBOURTOWN, February 19. /HRZ/. An inquiry was opened.") == [("HRZ", "dateline")]
    assert _credits("QUAYSIDE, Regionia (Harbourwire and QUAY NEWS) — A crane fell.") == [
        ("Harbourwire", "dateline"),
        ("QUAY NEWS", "dateline"),
    ]


def test_information_contributed_by_an_outlet_credits_it() -> None:
    note = "Information for this article was contributed by The Harbour Press."
    assert _credits(note) == [("Harbour Press", "contributed")]


def test_a_channel_and_its_platform_in_either_order_are_its_footage() -> None:
    assert credit_sources("YouTube/Quay Fire") == [("YouTube (Quay Fire)", "footage")]
    assert credit_sources("Quay Fire/Facebook") == [("Facebook (Quay Fire)", "footage")]
