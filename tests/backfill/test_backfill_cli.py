"""``newstrace backfill``: its arguments are checked before Spark starts."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newstrace.cli import app


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = CliRunner().invoke(app, ["--database-url", url, "backfill", *args])
    return result.exit_code, result.output


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    code, output = _run(tmp_path, "--engine", "flink", str(tmp_path / "*.warc.gz"))
    assert code == 2 and "only spark" in output


def test_an_unknown_output_is_refused(tmp_path: Path) -> None:
    code, output = _run(tmp_path, "--output", "csv:out", str(tmp_path / "*.warc.gz"))
    assert code == 2 and "parquet:DIR" in output


def test_help_names_the_options() -> None:
    result = CliRunner().invoke(app, ["backfill", "--help"])
    assert result.exit_code == 0
    for option in ("--master", "--cores", "--output", "--engine"):
        assert option in result.output
