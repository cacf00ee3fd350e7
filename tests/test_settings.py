"""Settings merge: defaults < config file < NEWSTRACE_* environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.settings import Settings, describe_settings, load_settings


def test_merge_order(tmp_path: Path) -> None:
    config = tmp_path / "newstrace.toml"
    config.write_text("fetch_timeout = 5.0\nper_host_delay = 1.0\nmax_bytes = 1000\n")
    env = {"NEWSTRACE_CONFIG_FILE": str(config), "NEWSTRACE_PER_HOST_DELAY": "3", "OTHER": "x"}
    settings = load_settings({"max_bytes": 42, "data_dir": None}, environ=env)
    assert settings.fetch_timeout == 5.0  # file beats default
    assert settings.per_host_delay == 3.0  # environment beats file
    assert settings.max_bytes == 42  # flag beats file
    assert settings.data_dir == Settings().data_dir  # a None flag is unset


def test_booleans_and_errors() -> None:
    assert load_settings(environ={"NEWSTRACE_ALLOW_PRIVATE_ADDRESSES": "yes"}).allow_private_addresses
    with pytest.raises(ValueError, match="expected true/false"):
        load_settings(environ={"NEWSTRACE_ALLOW_PRIVATE_ADDRESSES": "maybe"})
    with pytest.raises(ValueError, match="unknown setting"):
        load_settings({"no_such_setting": 1}, environ={})


def test_config_file_in_data_dir(tmp_path: Path) -> None:
    (tmp_path / "newstrace.toml").write_text('user_agent = "probe/1"\n')
    settings = load_settings({"data_dir": str(tmp_path)}, environ={})
    assert settings.user_agent == "probe/1"
    assert settings.effective_database_url() == f"sqlite:///{tmp_path / 'newstrace.db'}"
    origins = {name: origin for name, _, origin in describe_settings(settings)}
    assert origins["user_agent"] == "set" and origins["max_bytes"] == "default"
