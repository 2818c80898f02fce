"""Settings: defaults, environment, overrides, and loud failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import SETTINGS, Config
from kg.errors import SettingError


def test_defaults() -> None:
    config = Config(environ={})
    assert config.query_time_limit == 10.0
    # The cap fits the whole dataset (21,868 triples) more than ten times over.
    assert config.max_rows == 250_000
    assert config.worker_memory == 1024
    assert config.publish_user == "" and config.publish_password == ""
    assert config.service_allowlist == ()
    assert config.data_dir.name == "data"


def test_environment_then_overrides(tmp_path: Path) -> None:
    env = {"KG_MAX_ROWS": "5", "KG_DATA_DIR": str(tmp_path)}
    assert Config(environ=env).max_rows == 5
    assert Config(environ=env).data_dir == tmp_path.resolve()
    assert Config(environ=env, max_rows=7).max_rows == 7


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("KG_MAX_ROWS", "many"),
        ("KG_QUERY_TIME_LIMIT", "-1"),
        ("KG_RESPONSE_CACHE", "-1"),
        ("KG_WORKER_MEMORY", "-5"),
    ],
)
def test_bad_values_fail_with_the_setting_named(name: str, value: str) -> None:
    with pytest.raises(SettingError, match=name):
        Config(environ={name: value})


def test_unknown_override() -> None:
    with pytest.raises(SettingError, match="unknown setting 'colour'"):
        Config(environ={}, colour="red")


def test_every_setting_has_help() -> None:
    assert all(s.help.endswith(".") for s in SETTINGS)
