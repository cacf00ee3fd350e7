"""Errors raised by the extraction stage."""

from __future__ import annotations


class ExtractionError(Exception):
    """The input held no article we could extract; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
