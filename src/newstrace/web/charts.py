"""Inline SVG charts rendered on the server: the coverage timeline and the derivation graph.

Every piece of text that reaches the SVG goes through ``markupsafe.escape``; no script, no style
attribute (the Content-Security-Policy forbids both), only presentation attributes and classes.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from newstrace.web.provenance import DerivationEdge, TimelineBucket

WIDTH, HEIGHT, PAD = 600, 160, 24
BUCKET_FORMAT = {"hour": "%d %b %H:00", "day": "%d %b %Y", "week": "week of %d %b %Y"}


def timeline_svg(buckets: list[TimelineBucket], bucket: str) -> Markup:
    """Bars of articles per time bucket, tallest scaled to the chart's height."""
    if not buckets:
        return Markup("")
    tallest = max(b.articles for b in buckets)
    slot = (WIDTH - 2 * PAD) / len(buckets)
    bar = max(2.0, slot * 0.8)
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="articles per {escape(bucket)}">'
    ]
    fmt = BUCKET_FORMAT.get(bucket, "%d %b %Y")
    for index, item in enumerate(buckets):
        height = (HEIGHT - 2 * PAD) * item.articles / tallest
        x = PAD + index * slot + (slot - bar) / 2
        y = HEIGHT - PAD - height
        label = f"{item.start.strftime(fmt)}: {item.articles} article(s) — {', '.join(item.outlets)}"
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}">'
            f"<title>{escape(label)}</title></rect>"
        )
    first, last = buckets[0].start.strftime(fmt), buckets[-1].start.strftime(fmt)
    parts.append(f'<text class="axis" x="{PAD}" y="{HEIGHT - 6}">{escape(first)}</text>')
    parts.append(
        f'<text class="axis" x="{WIDTH - PAD}" y="{HEIGHT - 6}" text-anchor="end">{escape(last)}</text>'
    )
    parts.append(f'<text class="axis" x="{PAD}" y="{PAD - 8}">{tallest} max</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def derivation_svg(article_ids: list[int], labels: dict[int, str], edges: list[DerivationEdge]) -> Markup:
    """Articles as dots in time order, an arc from each source to the article that reused it."""
    if not edges or not article_ids:
        return Markup("")
    position = {aid: i for i, aid in enumerate(article_ids)}
    step = (WIDTH - 2 * PAD) / max(1, len(article_ids) - 1)
    base = HEIGHT - PAD
    parts = [
        f'<svg class="chart derivation" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="derivation">'
    ]
    for edge in edges:
        if edge.source_article not in position or edge.derived_article not in position:
            continue
        x1 = PAD + position[edge.source_article] * step
        x2 = PAD + position[edge.derived_article] * step
        lift = min(base - 8, 12 + abs(x2 - x1) / 2)
        parts.append(
            f'<path class="edge {escape(edge.kind)}" '
            f'd="M{x1:.1f},{base} Q{(x1 + x2) / 2:.1f},{base - 2 * lift:.1f} '
            f'{x2:.1f},{base}"><title>{escape(labels.get(edge.source_article, ""))} → '
            f"{escape(labels.get(edge.derived_article, ''))} ({edge.kind}, {edge.share:.0%})</title></path>"
        )
    for aid, index in position.items():
        parts.append(
            f'<circle class="node" cx="{PAD + index * step:.1f}" cy="{base}" r="5">'
            f"<title>{escape(labels.get(aid, str(aid)))}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
