"""A story's provenance for people: a rich renderable for the terminal and a picture (PNG or SVG).

The picture is a timeline: one row per outlet, one dot per article at its time (copies hollow),
arrows for derivation edges (solid for text reuse, dashed for citations, dotted for a common cited
source), drift flags marked in red. It is drawn on a matplotlib ``Figure`` without pyplot, so no
global figure state is touched.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from newstrace.trace.direction import BASIS_WORDS
from newstrace.trace.provenance import DerivationEdge, Provenance, TimelineEntry

_EDGE_STYLE = {"reuse": "-", "citation": "--", "reuse+citation": "-"}


def _when(entry: TimelineEntry) -> str:
    if entry.no_later_than is not None and entry.no_later_basis is not None:
        # undated, but a dated article derives from it
        return f"≤ {entry.no_later_than:%Y-%m-%d %H:%M} ({BASIS_WORDS[entry.no_later_basis]})"
    if entry.time is None:
        return "—"
    if entry.by_dateline:
        return entry.time.strftime("%Y-%m-%d") + " (dateline)"
    return entry.time.strftime("%Y-%m-%d %H:%M") + ("" if entry.time_kind == "published" else " (seen)")


def _timeline_table(prov: Provenance) -> Table:
    flagged = {f.article_key for f in prov.drift}
    table = Table(title="Coverage timeline", title_justify="left")
    for column in ("time", "outlet", "title", "reused", "note"):
        table.add_column(column)
    for entry in prov.timeline:
        notes = []
        if entry.copy_of:
            notes.append(f"copy of {entry.copy_of}")
        if entry.key in flagged:
            notes.append("drift")
        table.add_row(
            _when(entry),
            entry.outlet or "?",
            entry.title[:70],
            f"{entry.reused_share:.0%}" if entry.reused_share else "",
            ", ".join(notes),
        )
    return table


def _edges_table(prov: Provenance) -> Table:
    table = Table(title="Derivation", title_justify="left")
    for column in ("from", "to", "kind", "degree", "share", "order", "evidence"):
        table.add_column(column)
    for edge in prov.edges:
        table.add_row(
            edge.source_key,
            edge.target_key,
            edge.kind + (f" via {edge.via}" if edge.via else ""),
            edge.degree or "",
            f"{edge.share:.0%}" if edge.share else "",
            BASIS_WORDS[edge.basis],
            "; ".join(edge.evidence)[:160],
        )
    return table


def _citations_table(prov: Provenance) -> Table:
    table = Table(title="Cited sources", title_justify="left")
    for column in ("source", "kind", "cited by", "in corpus"):
        table.add_column(column)
    for node in sorted(prov.citations.nodes.values(), key=lambda n: -len(n.cited_by)):
        table.add_row(node.name, node.kind, str(len(node.cited_by)), "yes" if node.ingested else "no")
    return table


def _drift_table(prov: Provenance) -> Table:
    table = Table(title="Certainty drift", title_justify="left")
    for column in ("flag", "article", "from", "to", "sentence"):
        table.add_column(column)
    for flag in prov.drift:
        table.add_row(flag.kind, flag.article_key, flag.before, flag.after, flag.sentence[:90])
    return table


FAMILIES_NOTE = (
    "articles that copy, rewrite or cite one another or one outlet, or repeat one unnamed source's words, "
    "count once"
)
PRIMARY_NOTE = (
    "whose own words the articles quote; each counts once however many articles relay it (a press "
    "statement printed by five outlets is one source, not five)"
)


def _primary_table(prov: Provenance) -> Table:
    table = Table(title="Primary sources", title_justify="left")
    for column in ("source", "kind", "articles", "statements", "most relayed statement"):
        table.add_column(column)
    for source in prov.primary_sources:
        first = source.statements[0]
        table.add_row(
            source.name,
            source.kind,
            f"{len(source.article_keys)}: {', '.join(source.article_keys)}",
            str(len(source.statements)),
            f"{first.quotation[:90]} ({len(first.article_keys)})",
        )
    return table


def render_report(prov: Provenance) -> RenderableType:
    """The provenance as rich tables: summary, timeline, derivation, primary and cited sources, drift."""
    summary = Text.assemble(
        ("Origin: ", "bold"),
        f"{prov.origin.name} ({prov.origin.kind}, {prov.origin.certainty}) — {prov.origin.evidence}\n",
        ("Independent source families: ", "bold"),
        f"{prov.independent_families} of {len(prov.timeline)} articles — {FAMILIES_NOTE}\n",
        ("Primary sources: ", "bold"),
        f"{len(prov.primary_sources)} — {PRIMARY_NOTE}",
    )
    return Group(
        summary,
        _timeline_table(prov),
        _edges_table(prov),
        _primary_table(prov),
        _citations_table(prov),
        _drift_table(prov),
    )


def _dated(entry: TimelineEntry) -> datetime | None:
    """When the picture puts an article: its publication date, else the date a dated article derived
    from it carries back (it was published no later); a fetch time is no date."""
    if entry.time is not None and entry.time_kind == "published":
        return entry.time
    return entry.no_later_than


def timeline_positions(
    timeline: list[TimelineEntry], lanes: list[str]
) -> tuple[dict[str, tuple[float, float]], float | None]:
    """(x in hours since the first dated article, lane) per article, and where the undated lane begins
    (None when every article is dated): undated articles stand apart after the last date, in the order
    seen, never at their fetch time."""
    known = [moment.timestamp() for e in timeline if (moment := _dated(e)) is not None]
    start, end = (min(known), max(known)) if known else (0.0, 0.0)
    span = (end - start) / 3600
    step = max(span / 20, 1.0)  # hours between two undated articles
    undated_from = span + step if len(known) < len(timeline) else None
    points: dict[str, tuple[float, float]] = {}
    undated = 0
    for entry in timeline:
        moment = _dated(entry)
        if moment is not None:
            x = (moment.timestamp() - start) / 3600
        else:
            x = (undated_from or 0.0) + step * (undated + 1)
            undated += 1
        points[entry.key] = (x, float(lanes.index(entry.outlet or "?")))
    return points, undated_from


def _draw_edge(ax: object, edge: DerivationEdge, points: dict[str, tuple[float, float]]) -> None:
    if edge.source_key not in points or edge.target_key not in points:
        return
    style = ":" if edge.direction == "common-source" else _EDGE_STYLE[edge.kind]
    ax.annotate(  # type: ignore[attr-defined]
        "",
        xy=points[edge.target_key],
        xytext=points[edge.source_key],
        arrowprops={
            "arrowstyle": "->",
            "linestyle": style,
            "color": "0.35",
            "connectionstyle": "arc3,rad=0.2",
        },
    )


def render_report_png(prov: Provenance, path: Path | str) -> Path:
    """Draw the coverage timeline with derivation arrows; the suffix (.png or .svg) picks the format.
    Dated articles sit at their date (hollow when a copy; a diamond when only bounded by a later
    article's date), undated ones in a lane of their own after the last date (squares)."""
    path = Path(path)
    outlets = list(dict.fromkeys(e.outlet or "?" for e in prov.timeline))
    points, undated_from = timeline_positions(prov.timeline, outlets)
    figure = Figure(figsize=(10, 1.5 + 0.45 * len(outlets)))
    FigureCanvasAgg(figure)
    ax = figure.add_subplot(1, 1, 1)
    flagged = {f.article_key for f in prov.drift}
    for entry in prov.timeline:
        x, y = points[entry.key]
        hollow = entry.copy_of is not None
        marker = "o" if entry.time_kind == "published" and entry.time else "D" if entry.no_later_than else "s"
        ax.scatter(
            [x], [y], s=60, marker=marker, facecolors="none" if hollow else "tab:blue", edgecolors="tab:blue",
            zorder=3,
        )  # fmt: skip
        if entry.key in flagged:
            ax.scatter([x], [y], s=160, facecolors="none", edgecolors="tab:red", linewidths=1.5, zorder=4)
    for edge in prov.edges:
        _draw_edge(ax, edge, points)
    if undated_from is not None:  # a line between the dated articles and the undated lane
        ax.axvline(undated_from, color="0.6", linestyle="--", linewidth=0.8)
    ax.set_yticks(range(len(outlets)), labels=outlets)
    undated_note = "; after the dashed line (squares): undated, in the order seen" if undated_from else ""
    ax.set_xlabel("hours since the first dated article" + undated_note)
    ax.set_title(f"{len(prov.timeline)} articles, {prov.independent_families} independent source families")
    ax.grid(axis="x", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, format=path.suffix.lstrip(".") or "png")
    return path


def provenance_to_dict(prov: Provenance) -> dict[str, Any]:
    """The provenance as plain data for JSON (without the incremental indexes)."""
    data = {f.name: _plain(getattr(prov, f.name)) for f in fields(prov) if f.name != "state"}
    data["independent_families"] = prov.independent_families
    data["families_note"] = FAMILIES_NOTE
    data["primary_sources_note"] = PRIMARY_NOTE
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value
