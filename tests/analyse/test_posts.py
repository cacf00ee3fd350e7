"""Embedded social posts: the signature line closes the post; its text is the line before or the
text before the dash."""

from __future__ import annotations

from newstrace.analyse.posts import embedded_posts


def test_a_post_on_the_line_above_its_signature() -> None:
    text = (
        "The quay was closed.\n\nLatest: the quay is closed pic.twitter.com/AbC123\n"
        "— Harbour Office (@harbouroffice) June 22, 2023\n\nMore later."
    )
    (post,) = embedded_posts(text)
    assert post.handle == "harbouroffice" and post.author.text == "Harbour Office (@harbouroffice)"
    assert post.content is not None and post.content.text.endswith("is closed pic.twitter.com/AbC123")
    assert text[post.signature.start : post.signature.end].endswith("June 22, 2023")


def test_a_post_on_its_signature_line_and_text_without_posts() -> None:
    (post,) = embedded_posts("The quay is closed — Harbour Office (@harbouroffice) Jun 2, 2023")
    assert post.content is not None and post.content.text == "The quay is closed"
    assert embedded_posts("The quay is closed — said the harbour master on June 2, 2023.") == []
