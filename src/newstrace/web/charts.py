"""Inline SVG charts rendered on the server: the coverage timeline and the derivation graph.

Both are drawn from the core's trace (:mod:`newstrace.web.provenance` rows). Every piece of text that
reaches the SVG goes through ``markupsafe.escape``; no script, no style attribute (the
Content-Security-Policy forbids both), only presentation attributes and classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from markupsafe import Markup, escape

from newstrace.web.provenance import EdgeView, TimelineRow

Bucket = Literal["hour", "day", "week"]
WIDTH, HEIGHT, PAD = 600, 160, 24
BUCKET_FORMAT = {"hour": "%d %b %H:00", "day": "%d %b %Y", "week": "week of %d %b %Y"}


@dataclass(slots=True)
class TimelineBucket:
    start: datetime
    articles: int
    copies: int  # of which copies of an earlier article
    outlets: list[str]


def _bucket_size(span: timedelta) -> Bucket:
    if span <= timedelta(days=2):
        return "hour"
    return "day" if span <= timedelta(days=90) else "week"


def _floor(moment: datetime, bucket: Bucket) -> datetime:
    if bucket == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return day if bucket == "day" else day - timedelta(days=day.weekday())


def coverage_buckets(rows: list[TimelineRow]) -> tuple[list[TimelineBucket], Bucket]:
    """Articles per hour (or day, or week) over the story's span; undated articles are left out (a
    fetch time is no date: a page read years later would stretch the span to years)."""
    dated = [(row.time, row) for row in rows if row.time is not None and row.time_kind == "published"]
    if not dated:
        return [], "day"
    bucket = _bucket_size(max(t for t, _ in dated) - min(t for t, _ in dated))
    grouped: dict[datetime, list[TimelineRow]] = {}
    for moment, row in dated:
        grouped.setdefault(_floor(moment, bucket), []).append(row)
    return [
        TimelineBucket(
            start, len(items), sum(1 for r in items if r.copy_of is not None),
            sorted({r.outlet for r in items if r.outlet}),
        )
        for start, items in sorted(grouped.items())
    ], bucket  # fmt: skip


def timeline_svg(buckets: list[TimelineBucket], bucket: str) -> Markup:
    """Bars of articles per time bucket (copies in a darker part), tallest scaled to the height."""
    if not buckets:
        return Markup("")
    tallest = max(b.articles for b in buckets)
    slot = (WIDTH - 2 * PAD) / len(buckets)
    bar = max(2.0, slot * 0.8)
    scale = (HEIGHT - 2 * PAD) / tallest
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="articles per {escape(bucket)}">'
    ]
    fmt = BUCKET_FORMAT.get(bucket, "%d %b %Y")
    for index, item in enumerate(buckets):
        height = scale * item.articles
        x = PAD + index * slot + (slot - bar) / 2
        y = HEIGHT - PAD - height
        label = (
            f"{item.start.strftime(fmt)}: {item.articles} article(s)"
            + (f", {item.copies} cop{'y' if item.copies == 1 else 'ies'}" if item.copies else "")
            + f" — {', '.join(item.outlets)}"
        )
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}">'
            f"<title>{escape(label)}</title></rect>"
        )
        if item.copies:
            copies = scale * item.copies
            parts.append(
                f'<rect class="bar copies" x="{x:.1f}" y="{HEIGHT - PAD - copies:.1f}" width="{bar:.1f}" '
                f'height="{copies:.1f}"><title>{escape(label)}</title></rect>'
            )
    first, last = buckets[0].start.strftime(fmt), buckets[-1].start.strftime(fmt)
    parts.append(f'<text class="axis" x="{PAD}" y="{HEIGHT - 6}">{escape(first)}</text>')
    parts.append(
        f'<text class="axis" x="{WIDTH - PAD}" y="{HEIGHT - 6}" text-anchor="end">{escape(last)}</text>'
    )
    parts.append(f'<text class="axis" x="{PAD}" y="{PAD - 8}">{tallest} max</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def derivation_svg(keys: list[str], labels: dict[str, str], edges: list[EdgeView]) -> Markup:
    """Articles as dots in time order, an arc from each source to the article that reused or cited it."""
    if not edges or not keys:
        return Markup("")
    position = {key: i for i, key in enumerate(keys)}
    step = (WIDTH - 2 * PAD) / max(1, len(keys) - 1)
    base = HEIGHT - PAD
    parts = [
        f'<svg class="chart derivation" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="derivation">'
    ]
    for edge in edges:
        if edge.source_key not in position or edge.target_key not in position:
            continue
        x1 = PAD + position[edge.source_key] * step
        x2 = PAD + position[edge.target_key] * step
        lift = min(base - 8, 12 + abs(x2 - x1) / 2)
        classes = " ".join(["edge", edge.kind.replace("+", "-"), edge.degree or "", edge.direction]).strip()
        share = f", {edge.share:.0%}" if edge.share else ""
        parts.append(
            f'<path class="{escape(classes)}" '
            f'd="M{x1:.1f},{base} Q{(x1 + x2) / 2:.1f},{base - 2 * lift:.1f} '
            f'{x2:.1f},{base}"><title>{escape(labels.get(edge.source_key, edge.source_key))} → '
            f"{escape(labels.get(edge.target_key, edge.target_key))} "
            f"({escape(edge.kind)}{escape(share)})</title></path>"
        )
    for key, index in position.items():
        parts.append(
            f'<circle class="node" cx="{PAD + index * step:.1f}" cy="{base}" r="5">'
            f"<title>{escape(labels.get(key, key))}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
