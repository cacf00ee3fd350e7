"""The command line: each command parses, makes one call into the core, and formats the result."""

from __future__ import annotations

import json
import signal
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from newstrace.analyse.language import first_by_language
from newstrace.app import Newstrace, PollReport, analyse_inputs
from newstrace.pipeline import AnalysedArticle, IngestReport, ItemResult
from newstrace.records import FetchError, source_kind_label
from newstrace.settings import Settings, describe_settings, load_settings

app = typer.Typer(
    help="newstrace: track news stories across outlets.", no_args_is_help=True, pretty_exceptions_enable=False
)
sources_app = typer.Typer(help="The feeds newstrace follows: list, add, remove, OPML import/export.")
eval_app = typer.Typer(help="Evaluate newstrace against public data sets.")
app.add_typer(sources_app, name="sources")
app.add_typer(eval_app, name="eval")
follow_app = typer.Typer(help="Follow topics, entities, outlets or queries: one alert per new story.")
app.add_typer(follow_app, name="follow")

out = Console()
err = Console(stderr=True)


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj["settings"]


def _open(ctx: typer.Context) -> Newstrace:
    return Newstrace.open(_settings(ctx))


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[str | None, typer.Option(help="Folder of the SQLite store and caches.")] = None,
    database_url: Annotated[str | None, typer.Option(help="SQLAlchemy URL of the store.")] = None,
    config: Annotated[str | None, typer.Option("--config", help="TOML settings file.")] = None,
    allow_private_addresses: Annotated[
        bool | None, typer.Option(help="Allow fetching loopback/private addresses.")
    ] = None,
) -> None:
    """Global options override the config file and NEWSTRACE_* environment variables."""
    flags = {
        "data_dir": data_dir,
        "database_url": database_url,
        "config_file": config,
        "allow_private_addresses": allow_private_addresses,
    }
    try:
        ctx.obj = {"settings": load_settings(flags)}
    except ValueError as error:
        err.print(f"[red]settings:[/red] {error}")
        raise typer.Exit(2) from error


class _ItemProgress:
    """A rich progress display fed by the core's per-item callback."""

    def __init__(self, progress: Progress, label: str) -> None:
        self.progress = progress
        self.task = progress.add_task(label, total=None)

    def __call__(self, result: ItemResult) -> None:
        self.progress.advance(self.task)
        if result.outcome == "failed":
            self.progress.console.print(f"[red]✗[/red] {result.location}: {result.reason}", highlight=False)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _summarise(report: IngestReport, what: str) -> None:
    err.print(
        f"{what}: {report.count('new')} new, {report.count('updated')} updated, "
        f"{report.count('unchanged')} unchanged, {report.count('failed')} failed; "
        f"{report.new_stories} new {'story' if report.new_stories == 1 else 'stories'}"
    )


@app.command()
def ingest(
    ctx: typer.Context,
    items: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, URLs, feeds, WARC, JSONL; - is stdin.")
    ],
) -> None:
    """Ingest pages, feeds, archives and records into the store."""
    core = _open(ctx)
    with _progress() as progress:
        report = core.ingest(items, _ItemProgress(progress, "ingesting"), stdin=sys.stdin.buffer)
    _summarise(report, "ingested")
    core.close()
    if report.failures:
        raise typer.Exit(1)


@app.command()
def run(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option(help="One round over the due feeds, then stop.")] = False,
    sample: Annotated[bool, typer.Option(help="Load the bundled sample into an empty store.")] = True,
) -> None:
    """The main job: load the sample on first start, then follow the feeds and keep the store current."""
    settings = _settings(ctx)
    core = Newstrace.open(settings)
    err.print(f"store: {settings.effective_database_url()}")
    if sample and settings.load_sample:
        with _progress() as progress:
            loaded = core.load_sample(_ItemProgress(progress, "loading the bundled sample"))
        if loaded:
            _summarise(loaded, "bundled sample (ECB+, CC BY 3.0)")
    added = core.add_default_sources()
    if added:
        err.print(f"following {added} default feeds (edit with `newstrace sources`)")
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def on_round(report: PollReport) -> None:
        _summarise(report.ingest, f"checked {report.sources} feeds ({report.not_modified} unchanged)")
        if report.failed_sources:  # each was named above as it failed
            failed_feeds = len(report.failed_sources)
            err.print(f"[yellow]could not reach {failed_feeds} of {report.sources} feeds[/yellow]")
        counts = core.counts()
        err.print(f"store: {counts.articles} articles in {counts.stories} stories")

    if once or settings.run_once:
        core.settings = Settings(**{**asdict(settings), "run_once": True})
    server = _start_web(core, settings) if settings.serve_web and not core.settings.run_once else None
    with _progress() as progress:
        core.run(stop, _ItemProgress(progress, "following feeds"), on_round)
    if server is not None:
        server.stop()
    counts = core.counts()
    err.print(f"stopped. {counts.articles} articles, {counts.stories} stories, {counts.sources} feeds.")
    core.close()


def _start_web(core: Newstrace, settings: Settings) -> Any:
    """Serve the web UI beside the main job; say where, or why not."""
    from newstrace.web.config import web_settings
    from newstrace.web.serve import serve_in_background

    try:
        server = serve_in_background(core, settings.web_host, settings.web_port, web_settings(settings))
    except (OSError, RuntimeError) as error:
        err.print(f"[yellow]web UI not started[/yellow] on {settings.web_host}:{settings.web_port}: {error}")
        return None
    err.print(f"[bold green]open {server.url}[/bold green] to read the stories")
    return server


@app.command()
def serve(ctx: typer.Context) -> None:
    """Serve the web UI and HTTP API over the store (web_host and web_port settings)."""
    from newstrace.web.config import web_settings
    from newstrace.web.serve import serve as serve_forever

    settings = _settings(ctx)
    err.print(f"serving on http://{settings.web_host}:{settings.web_port}/ (Ctrl-C stops)")
    serve_forever(_open(ctx), settings.web_host, settings.web_port, web_settings(settings))


@app.command("user")
def add_user(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The account's name.")],
    password: Annotated[
        str,
        typer.Option(
            prompt=True, hide_input=True, confirmation_prompt=True, help="Its password (asked if not given)."
        ),
    ],
) -> None:
    """Create (or reset the password of) a local account that may sign in to the web UI and write."""
    from newstrace.web.auth import AccountError, create_account

    try:
        create_account(_open(ctx).store, name, password)
    except AccountError as error:
        err.print(f"[red]account not saved:[/red] {error}")
        raise typer.Exit(1) from error
    err.print(f"account {name} saved")


@app.command()
def analyze(
    ctx: typer.Context,
    item: Annotated[str, typer.Argument(help="A file (text, HTML) or a URL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Extract one page and print the article, without storing it."""
    for found in analyse_inputs([item], _settings(ctx)):
        if isinstance(found, FetchError):
            err.print(f"[red]✗[/red] {found.location}: {found.reason}", highlight=False)
            raise typer.Exit(1)
        if as_json:
            data = found.article.to_dict()
            data["claims"] = [asdict(c) for c in found.claims]
            _print_json(data)
        else:
            _show_article(found.article)


def _show_article(article: Any) -> None:
    out.rule(article.title)
    for label, value in [
        ("standfirst", article.standfirst),
        ("byline", article.byline),
        ("published", article.published),
        ("source", article.source),
        ("language", article.language),
        ("url", article.url),
        ("topics", ", ".join(article.topics)),
        ("cited", ", ".join(article.cited_sources)),
        ("story", article.story_id),
    ]:
        if value:
            out.print(f"[bold]{label}:[/bold] {value}", highlight=False)
    for caption in article.captions:
        out.print(
            f"[dim]caption:[/dim] {caption.text} [dim](credit: {caption.credit})[/dim]", highlight=False
        )
    out.print()
    for paragraph in article.body:
        out.print(paragraph, highlight=False)
        out.print()


@app.command()
def article(
    ctx: typer.Context,
    article_id: Annotated[int, typer.Argument(help="The article's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one stored article; "copy_of" is the article it copies as its story's provenance finds it
    (the text one copies from the other, outside quotations), as `story` shows it."""
    core = _open(ctx)
    found = core.article(article_id)
    if found is None:
        err.print(f"no article {article_id}")
        raise typer.Exit(1)
    if as_json:
        provenance = core.provenance(found.story_id) if found.story_id is not None else None
        copy_of = provenance.copies().get(article_id) if provenance is not None else None
        _print_json({**found.to_dict(), "copy_of": copy_of})
    else:
        _show_article(found)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find (AND/OR/NOT allowed).")],
    limit: Annotated[int, typer.Option(help="How many results.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Full-text search over stored articles."""
    hits = _open(ctx).search(query, limit)
    if as_json:
        _print_json([asdict(h) for h in hits])
        return
    table = Table("id", "title", "source", "story", "snippet")
    for hit in hits:
        table.add_row(str(hit.article_id), hit.title, hit.source or "", str(hit.story_id or ""), hit.snippet)
    out.print(table)


@app.command()
def stories(
    ctx: typer.Context,
    biggest: Annotated[bool, typer.Option(help="Order by size instead of recency.")] = False,
    limit: Annotated[int, typer.Option(help="How many stories.")] = 20,
    min_size: Annotated[int, typer.Option(help="Only stories with at least this many articles.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The latest (or biggest) stories with their outlets and counts."""
    found = _open(ctx).stories("biggest" if biggest else "latest", limit, min_size)
    if as_json:
        _print_json([asdict(s) for s in found])
        return
    table = Table("id", "title", "articles", "outlets", "last seen")
    for story in found:
        table.add_row(
            str(story.id),
            story.title,
            str(story.size),
            ", ".join(story.outlets[:4]),
            story.last_seen.strftime("%Y-%m-%d %H:%M") if story.last_seen else "",
        )
    out.print(table)


@app.command()
def story(
    ctx: typer.Context,
    story_id: Annotated[int, typer.Argument(help="The story's id.")],
    report: Annotated[bool, typer.Option("--report", help="Provenance: origin, derivation, drift.")] = False,
    picture: Annotated[
        Path | None,
        typer.Option("--picture", help="Also draw the timeline and derivation graph (.png/.svg)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One story: its articles in time order, copies marked (as its provenance finds them: the text one
    copies from the other, outside quotations); --report adds its provenance."""
    from newstrace.trace.report import provenance_to_dict, render_report, render_report_png

    core = _open(ctx)
    found = core.story(story_id)
    if found is None:
        err.print(f"no story {story_id}")
        raise typer.Exit(1)
    summary, articles = found
    provenance = core.provenance(story_id)
    copies = provenance.copies() if provenance is not None else {}
    if picture and provenance is not None:
        err.print(f"picture: {render_report_png(provenance, picture)}")
    if as_json:
        rows = [{**a.to_dict(), "copy_of": copies.get(a.id or 0)} for a in articles]
        data = {"story": asdict(summary), "articles": rows}
        if provenance is not None:
            data["provenance"] = provenance_to_dict(provenance)
        _print_json(data)
        return
    out.rule(f"story {summary.id}: {summary.title}")
    if report and provenance is not None:
        out.print(render_report(provenance))
        return
    table = Table("article", "published", "source", "language", "title", "copy of")
    for item in articles:
        table.add_row(
            str(item.id),
            item.published.strftime("%Y-%m-%d %H:%M") if item.published else "",
            item.source or "",
            item.language or "",
            item.title,
            str(copies.get(item.id or 0, "")),
        )
    out.print(table)
    first = first_by_language(articles)
    if len(first) > 1:
        listed = ", ".join(f"{a.language} #{a.id} ({a.source or '?'})" for a in first)
        out.print(f"earliest in each language: {listed}")


@app.command()
def claims(
    ctx: typer.Context,
    item: Annotated[str, typer.Argument(help="A stored article's id, or a file/URL to analyse.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The claims of an article: source, kind, cue, certainty and its cue words."""
    if item.isdigit():
        found = _open(ctx).claims(int(item))
    else:
        first = next(iter(analyse_inputs([item], _settings(ctx))), None)
        if not isinstance(first, AnalysedArticle):
            err.print(f"nothing to analyse in {item}: {first.reason if first else 'no input'}")
            raise typer.Exit(1)
        found = first.claims
    if as_json:
        _print_json([asdict(c) for c in found])
        return
    table = Table("claim", "source", "kind", "cue", "certainty", "cue words")
    for claim in found:
        table.add_row(
            claim.sentence,
            claim.source or "",
            source_kind_label(claim.source_kind),
            claim.reporting_cue or "",
            claim.certainty,
            ", ".join(claim.cues),
        )
    out.print(table)


@app.command()
def recluster(ctx: typer.Context) -> None:
    """Re-assign every stored article to stories (after changing settings)."""
    core = _open(ctx)
    with _progress() as progress:
        count = core.recluster(_ItemProgress(progress, "re-clustering"))
    err.print(f"re-clustered {count} articles into {core.counts().stories} stories")


@app.command()
def export(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Export every stored article as JSON Lines (re-ingestable with `newstrace ingest`)."""
    core = _open(ctx)
    handle = output.open("w", encoding="utf-8") if output else sys.stdout
    for record in core.export():
        handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    if output:
        handle.close()


@app.command()
def backfill(
    ctx: typer.Context,
    warcs: Annotated[
        list[str], typer.Argument(help="WARC / WARC.gz files, globs or folders (hdfs://, s3a:// URIs too).")
    ],
    engine: Annotated[str, typer.Option(help="The engine that runs the job (only spark).")] = "spark",
    master: Annotated[
        str | None, typer.Option(help="Spark master URL (spark://, yarn, k8s://…); default local[*].")
    ] = None,
    cores: Annotated[int | None, typer.Option(help="Local mode: use N cores (local[N]).")] = None,
    output: Annotated[
        str, typer.Option(help="Where to write: store (the store of the settings) or parquet:DIR.")
    ] = "store",
    claims: Annotated[bool, typer.Option(help="Also analyse claims and entities (slower).")] = False,
) -> None:
    """Backfill web archives with Spark: extract, de-duplicate and cluster into stories, in bulk."""
    from newstrace.backfill.config import BackfillConfig
    from newstrace.backfill.runner import BackfillRequest, backfill_archives
    from newstrace.backfill.spark import SparkOptions

    if engine != "spark":
        err.print(f"[red]unknown engine {engine!r}[/red]: only spark")
        raise typer.Exit(2)
    request = BackfillRequest(
        tuple(warcs),
        output,
        _settings(ctx).effective_database_url(),
        SparkOptions(master=master, cores=cores),
        BackfillConfig(claims=claims),
    )
    with _progress() as progress:
        stage = progress.add_task("backfill", total=None)
        done = progress.add_task("writing articles", total=None, visible=False)

        def on_stage(name: str) -> None:
            progress.update(stage, description=name)

        def on_article() -> None:
            progress.update(done, visible=True, advance=1)

        try:
            outcome = backfill_archives(request, on_stage, on_article)
        except ValueError as error:
            err.print(f"[red]backfill:[/red] {error}")
            raise typer.Exit(2) from error
    report, written = outcome.report, outcome.written
    for failure in report.failures:
        err.print(f"[red]✗[/red] {failure.location}: {failure.reason}", highlight=False)
    err.print(
        f"backfilled {report.files} file(s) on {outcome.master} into {written.target}: "
        f"{report.records} page records, {report.articles} articles ({report.duplicates} duplicates), "
        f"{report.stories} stories in {report.blocks} blocks, {len(report.failures)} failed; "
        f"{report.seconds:.1f} s, {report.articles_per_second:.1f} articles/s",
        highlight=False,
    )
    if written.unchanged or written.updated:
        err.print(f"store: {written.new} new, {written.updated} updated, {written.unchanged} unchanged")


@app.command("config")
def show_config(ctx: typer.Context) -> None:
    """The effective settings: defaults < config file < NEWSTRACE_* environment < flags."""
    table = Table("setting", "value", "origin")
    for name, value, origin in describe_settings(_settings(ctx)):
        table.add_row(name, str(value), origin)
    out.print(table)


@sources_app.command("list")
def sources_list(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
) -> None:
    """The followed feeds with their state: last fetch, next due, errors."""
    found = _open(ctx).sources()
    if as_json:
        _print_json([asdict(s) for s in found])
        return
    table = Table("feed", "name", "lang", "last fetch", "next due", "errors")
    for s in found:
        table.add_row(
            s.feed_url,
            s.name or "",
            s.language or "",
            s.last_fetch.strftime("%Y-%m-%d %H:%M") if s.last_fetch else "never",
            s.next_due.strftime("%Y-%m-%d %H:%M") if s.next_due else "now",
            f"{s.error_count} {s.last_error or ''}".strip() if s.error_count else "",
        )
    out.print(table)


@sources_app.command("add")
def sources_add(
    ctx: typer.Context,
    feed_url: Annotated[str, typer.Argument(help="The feed's URL.")],
    name: Annotated[str | None, typer.Option(help="A name for it.")] = None,
) -> None:
    """Follow a feed."""
    from newstrace.records import Source

    added = _open(ctx).add_sources([Source(feed_url=feed_url, name=name)])
    err.print("added" if added else "already followed")


@sources_app.command("remove")
def sources_remove(
    ctx: typer.Context, feed_url: Annotated[str, typer.Argument(help="The feed's URL.")]
) -> None:
    """Stop following a feed."""
    if not _open(ctx).remove_source(feed_url):
        err.print(f"not followed: {feed_url}")
        raise typer.Exit(1)


@sources_app.command("import")
def sources_import(ctx: typer.Context, opml: Annotated[Path, typer.Argument(help="An OPML file.")]) -> None:
    """Follow every feed of an OPML file (the format feed readers export)."""
    from newstrace.fetch.opml import read_opml

    added = _open(ctx).add_sources(read_opml(opml.read_bytes()))
    err.print(f"added {added} feeds")


@sources_app.command("export")
def sources_export(ctx: typer.Context) -> None:
    """Print the followed feeds as OPML."""
    from newstrace.fetch.opml import write_opml

    sys.stdout.write(write_opml(_open(ctx).sources()))


@eval_app.command("stories")
def eval_stories(
    dataset: Annotated[
        Path, typer.Argument(help="JSON Lines with a gold `story` field, or Miranda et al. JSON.")
    ],
    order: Annotated[str, typer.Option(help="Stream order: file, random or date.")] = "random",
    seed: Annotated[int, typer.Option(help="Seed for --order random.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Stream a labelled data set through the story clusterer and score it (pairwise and BCubed)."""
    from newstrace.eval.stories import evaluate_stories

    if order not in ("file", "random", "date"):
        err.print(f"--order is file, random or date, not {order!r}")
        raise typer.Exit(2)
    report = evaluate_stories(dataset, order=order, seed=seed)  # type: ignore[arg-type]
    data = asdict(report)
    if as_json:
        _print_json(data)
        return
    table = Table("figure", "value")
    for key, value in data.items():
        for name, figure in value.items() if isinstance(value, dict) else [("", value)]:
            label = f"{key} {name}".strip()
            table.add_row(label, f"{figure:.4f}" if isinstance(figure, float) else str(figure))
    out.print(table)


def _follow_command(kind: str) -> Any:
    def follow(
        ctx: typer.Context,
        value: Annotated[str, typer.Argument(help="What to follow (a name, a word, a domain or a query).")],
        channel: Annotated[
            str, typer.Option(help="feed | email:ADDRESS | webhook:URL | webpush | apprise:URL")
        ] = "feed",
        language: Annotated[
            str | None, typer.Option(help="Only stories in this language (ISO 639-1).")
        ] = None,
        min_sources: Annotated[
            int, typer.Option(help="Only stories with this many independent sources.")
        ] = 1,
        digest: Annotated[str, typer.Option(help="immediate | hourly | daily")] = "immediate",
        quiet: Annotated[str | None, typer.Option(help="Quiet hours in UTC, e.g. 22-7.")] = None,
        user: Annotated[str, typer.Option(help="Whose subscription this is.")] = "local",
    ) -> None:
        from newstrace.alerts.subscriptions import new_subscription, parse_quiet_hours

        try:
            subscription = new_subscription(
                user,
                kind,
                value,
                channel,
                language=language,
                min_sources=min_sources,
                digest=digest,
                quiet_hours=parse_quiet_hours(quiet) if quiet else None,
            )
        except ValueError as error:
            err.print(f"[red]not followed:[/red] {error}")
            raise typer.Exit(2) from error
        saved = _open(ctx).alerts.follow(subscription)
        err.print(f"following {kind} {value!r} on {channel} (subscription {saved.id})")
        if channel.startswith("webhook:"):
            err.print(f"webhook bodies are signed with HMAC-SHA256 using the secret {saved.secret}")

    article = "an" if kind[0] in "aeiou" else "a"
    follow.__doc__ = f"Follow {article} {kind}: one alert when a new story about it appears, then updates."
    return follow


for _kind in ("topic", "entity", "outlet", "query"):
    follow_app.command(_kind)(_follow_command(_kind))


@follow_app.command("list")
def follow_list(
    ctx: typer.Context,
    user: Annotated[str | None, typer.Option(help="Only this user's.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What is followed, on which channel."""
    found = _open(ctx).alerts.subscriptions(user)
    if as_json:
        _print_json([{k: v for k, v in asdict(s).items() if k != "secret"} for s in found])
        return
    table = Table("id", "user", "kind", "value", "channel", "filters")
    for sub in found:
        filters = ", ".join(
            f
            for f in [
                sub.language or "",
                f"≥{sub.min_sources} sources" if sub.min_sources > 1 else "",
                sub.digest,
            ]
            if f
        )
        table.add_row(str(sub.id), sub.user, sub.kind, sub.value, sub.channel, filters)
    out.print(table)


@follow_app.command("remove")
def follow_remove(
    ctx: typer.Context, subscription_id: Annotated[int, typer.Argument(help="Its id.")]
) -> None:
    """Stop following."""
    if not _open(ctx).alerts.unfollow(subscription_id):
        err.print(f"no subscription {subscription_id}")
        raise typer.Exit(1)


@app.command()
def alerts(
    ctx: typer.Context,
    user: Annotated[str | None, typer.Option(help="Only this user's.")] = None,
    limit: Annotated[int, typer.Option(help="How many.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The latest alerts with their delivery state."""
    entries = _open(ctx).alerts.alert_entries(user, limit)
    if as_json:
        _print_json([e.to_dict() for e in entries])
        return
    table = Table("story", "kind", "title", "outlets", "sources", "certainty", "follow", "delivery")
    for entry in entries:
        content = entry.alert.content
        more = len(content.outlets) - 3
        outlets = ", ".join(content.outlets[:3]) + (f" +{more}" if more > 0 else "")
        table.add_row(
            str(entry.alert.story_id),
            entry.alert.kind,
            content.title[:60],
            outlets,
            str(content.independent_sources),
            content.certainty,
            f"{entry.subscription.kind} {entry.subscription.value}",
            ", ".join(f"{d.destination}: {d.status}" for d in entry.deliveries) or "feed",
        )
    out.print(table)


def main() -> None:
    app()
