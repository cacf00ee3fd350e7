"""Small WARC files of real ECB+ articles (Cybulska & Vossen 2014, CC BY 3.0) for the backfill tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstrace.backfill.warc_writer import WarcPage, news_page, write_warc

BROKEN_BYTES = b"\x1f\x8b\x08\x00" + b"this is not a gzip member of a WARC record " * 8


@dataclass(frozen=True, slots=True)
class GoldPage:
    page: WarcPage
    story: str


def ecb_pages(shared_dir: Path, topics: tuple[str, ...], per_story: int) -> list[GoldPage]:
    """Up to ``per_story`` articles of each gold story of ``topics``, as dated pages of five outlets."""
    text = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    taken: dict[str, int] = {}
    pages: list[GoldPage] = []
    start = datetime(2024, 3, 1, tzinfo=UTC)
    for row in rows:
        if str(row["topic"]) not in topics or taken.get(row["story"], 0) >= per_story:
            continue
        taken[row["story"]] = taken.get(row["story"], 0) + 1
        # the two events of a topic are months apart, as real recurrences are
        when = start + timedelta(days=90 * row["story"].endswith("plus"), hours=len(pages))
        outlet = f"outlet{len(pages) % 5}.example"
        lines = [line for line in row["text"].split("\n")[1:] if line.strip()]
        body = news_page(row["title"], lines, when, outlet)
        pages.append(GoldPage(WarcPage(f"https://{outlet}/news/{row['id']}", body, when), row["story"]))
    return pages


def write_with_broken_record(path: Path, pages: list[WarcPage], broken_after: int) -> int:
    """A WARC.gz whose records after the first ``broken_after`` pages follow a damaged gzip member;
    returns the damaged member's offset."""
    first, rest = path.with_suffix(".a"), path.with_suffix(".b")
    write_warc(first, pages[:broken_after])
    write_warc(rest, pages[broken_after:])
    head = first.read_bytes()
    path.write_bytes(head + BROKEN_BYTES + rest.read_bytes())
    first.unlink()
    rest.unlink()
    return len(head)
