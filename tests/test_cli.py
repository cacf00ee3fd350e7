"""The command line end to end (in-process), and that every command and setting is documented."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newstrace import cli
from newstrace.cli import app
from newstrace.settings import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"NEWSTRACE_DATA_DIR": str(tmp_path / "data"), "NEWSTRACE_DEFAULT_FEEDS": "false"}


def test_run_once_loads_the_sample_and_says_so(env: dict[str, str]) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["run", "--once"], env=env)
    assert result.exit_code == 0, result.output
    assert "bundled sample" in result.output
    stories = runner.invoke(app, ["stories", "--biggest", "--json"], env=env)
    found = json.loads(stories.stdout)
    assert len(found) == 20 and found[0]["size"] >= found[-1]["size"] > 0
    story = runner.invoke(app, ["story", str(found[0]["id"]), "--json"], env=env)
    assert len(json.loads(story.stdout)["articles"]) == found[0]["size"]
    again = runner.invoke(app, ["run", "--once"], env=env)  # the sample loads only once
    assert "bundled sample" not in again.output


def test_ingest_search_article_claims_export(env: dict[str, str], tmp_path: Path, shared_dir: Path) -> None:
    runner = CliRunner()
    ecb = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines()
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(ecb[:5]) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(records)], env=env).exit_code == 0
    hits = json.loads(runner.invoke(app, ["search", "Tara Reid", "--json"], env=env).stdout)
    assert hits and "Reid" in hits[0]["title"] + hits[0]["snippet"]
    article = json.loads(
        runner.invoke(app, ["article", str(hits[0]["article_id"]), "--json"], env=env).stdout
    )
    assert article["title"] == hits[0]["title"]
    claims = json.loads(runner.invoke(app, ["claims", str(hits[0]["article_id"]), "--json"], env=env).stdout)
    assert any(c["certainty"] == "attributed" for c in claims)
    exported = runner.invoke(app, ["export"], env=env).stdout.splitlines()
    assert len(exported) == 5
    bad = tmp_path / "bad.jsonl"
    bad.write_text(ecb[6] + "\n{oops\n", encoding="utf-8")
    failed = runner.invoke(app, ["ingest", str(bad)], env=env)
    assert failed.exit_code == 1 and "bad.jsonl:2" in failed.output


def test_claims_table_names_a_record_source_document_or_footage(env: dict[str, str], tmp_path: Path) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text(
        "Ferry lists off the harbour\n\nA video posted online purportedly shows the ferry listing badly "
        "after it struck the pier on Friday.\n\nThe ferry company said all 40 passengers were safe.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["claims", str(page)], env={**env, "COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    video = next(line for line in result.output.splitlines() if "purportedly shows" in line)
    assert "document/footage" in video and "hedged" in video


def test_sources_opml_round_trip(env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    assert (
        runner.invoke(
            app, ["sources", "add", "https://example.org/feed.xml", "--name", "Example"], env=env
        ).exit_code
        == 0
    )
    opml = runner.invoke(app, ["sources", "export"], env=env).stdout
    assert "https://example.org/feed.xml" in opml
    path = tmp_path / "feeds.opml"
    path.write_text(opml, encoding="utf-8")
    other = {**env, "NEWSTRACE_DATA_DIR": str(tmp_path / "other")}
    assert runner.invoke(app, ["sources", "import", str(path)], env=other).exit_code == 0
    listed = json.loads(runner.invoke(app, ["sources", "list", "--json"], env=other).stdout)
    assert [s["feed_url"] for s in listed] == ["https://example.org/feed.xml"]
    assert runner.invoke(app, ["sources", "remove", "https://example.org/feed.xml"], env=other).exit_code == 0
    assert runner.invoke(app, ["sources", "remove", "https://example.org/feed.xml"], env=other).exit_code == 1


def test_config_shows_merged_settings(env: dict[str, str]) -> None:
    result = CliRunner().invoke(
        app, ["--allow-private-addresses", "config"], env={**env, "NEWSTRACE_MAX_BYTES": "1234"}
    )
    assert result.exit_code == 0
    assert "1234" in result.output and "allow_private_addresses" in result.output


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if hasattr(command, "commands"):
            names += [f"{name} {sub}" for sub in command.commands]
        else:
            names.append(name)
    return names


def test_every_command_and_setting_is_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    for name in _command_names():
        head, _, sub = name.partition(" ")
        assert f"newstrace {head}" in readme, name
        if sub:
            assert sub in readme, name
        help_text = CliRunner().invoke(app, [*name.split(), "--help"])
        assert help_text.exit_code == 0 and len(help_text.output) > 50
    for field in fields(Settings):
        assert f"`{field.name}`" in readme, field.name


def test_follow_then_ingest_gives_one_alert_per_story(
    env: dict[str, str], tmp_path: Path, shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    rows = [
        json.loads(line)
        for line in (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    topic = [r for r in rows if r["topic"] == 1]  # two rehab stories: Tara Reid and Lindsay Lohan
    records = tmp_path / "topic1.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in topic), encoding="utf-8")
    assert runner.invoke(app, ["follow", "query", "rehab"], env=env).exit_code == 0
    assert runner.invoke(app, ["ingest", str(records)], env=env).exit_code == 0
    alerts = json.loads(runner.invoke(app, ["alerts", "--json", "--limit", "500"], env=env).stdout)
    new_story = [a for a in alerts if a["kind"] == "new_story"]
    story_ids = [a["story_id"] for a in new_story]
    assert new_story and len(story_ids) == len(set(story_ids))  # one per story, not one per article
    assert len(new_story) < len(topic) / 4
    listed = json.loads(runner.invoke(app, ["follow", "list", "--json"], env=env).stdout)
    assert [(s["kind"], s["value"]) for s in listed] == [("query", "rehab")]
    monkeypatch.setattr(cli.out, "width", 250)  # the table's columns, unwrapped
    table = runner.invoke(app, ["alerts", "--limit", "5"], env=env).stdout
    assert "sources" in table and "certainty" in table and new_story[0]["certainty"] in table


def test_architecture_section_names_every_package() -> None:
    readme = README.read_text(encoding="utf-8")
    package = README.parent / "src" / "newstrace"
    for folder in sorted(p for p in package.iterdir() if (p / "__init__.py").exists()):
        assert f"`src/newstrace/{folder.name}/`" in readme, folder.name


_STATEMENT = (
    "“The crane failed during a routine lift and no one was hurt, and the quay will stay closed while "
    "engineers inspect the remaining cranes on the northern side of the harbour,” the authority said."
)


def _harbour_record(url: str, published: str, title: str, lead: str, close: str) -> dict[str, object]:
    return {"url": url, "published": published, "title": title, "body": [lead, _STATEMENT, close]}


def test_story_marks_the_copies_its_provenance_finds_not_the_clusterers_flag(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Two reports sharing only a quoted statement are no copies of each other, whatever the
    clusterer's near-duplicate flag says; a copy of the reporter's own words is one."""
    from newstrace.app import Newstrace

    title = "Crane collapses at Port Evander quay"
    first = "A loading crane toppled onto the northern quay of Port Evander on Tuesday, witnesses said."
    close = "Shipping lines were told to expect delays of two days at the berths."
    records = [
        _harbour_record("https://first.example/crane", "2031-03-04T08:00:00+00:00", title, first, close),
        _harbour_record(
            "https://second.example/crane",
            "2031-03-04T09:00:00+00:00",
            "Gantry falls in Port Evander harbour",
            "Dock workers ran for cover as the tall gantry bent and fell across two empty berths.",
            "Ferries kept sailing from the southern terminal, a spokeswoman for the operator added.",
        ),
        _harbour_record("https://third.example/crane", "2031-03-04T10:00:00+00:00", title, first, close),
    ]
    path = tmp_path / "harbour.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    settings = Settings(data_dir=env["NEWSTRACE_DATA_DIR"], default_feeds=False, load_sample=False)
    core = Newstrace.open(settings)
    report = core.ingest([str(path)])
    first_id, second_id, third_id = (r.article_id for r in report.results)
    story_id = report.results[0].story_id
    assert first_id and second_id and third_id and story_id
    # the clusterer's flag says the second copies the first, and the third copies nothing
    core.store.set_story(second_id, story_id, first_id)
    core.store.set_story(third_id, story_id, None)
    core.close()

    runner = CliRunner()
    shown = runner.invoke(app, ["story", str(story_id), "--json"], env=env)
    assert shown.exit_code == 0, shown.output
    copies = {a["id"]: a["copy_of"] for a in json.loads(shown.stdout)["articles"]}
    assert copies == {first_id: None, second_id: None, third_id: first_id}
    table = runner.invoke(app, ["story", str(story_id)], env={**env, "COLUMNS": "200"})
    rows = {line.split("│")[1].strip(): line.split("│")[-2].strip() for line in table.stdout.splitlines()
            if line.startswith("│") and line.split("│")[1].strip().isdigit()}  # fmt: skip
    assert rows == {str(first_id): "", str(second_id): "", str(third_id): str(first_id)}
    # one rule for both views: an article's own page says what the story says
    for article_id, copied in copies.items():
        single = runner.invoke(app, ["article", str(article_id), "--json"], env=env)
        assert single.exit_code == 0, single.output
        assert json.loads(single.stdout)["copy_of"] == copied
