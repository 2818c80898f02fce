"""Settings: one table of names, defaults and help; read from ``KG_*`` environment
variables, then overridden by command-line options. The only reader of ``os.environ``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SettingError
from kg.resources import CHECKOUT, DATA_DIR, INSTALLED

ROOT = CHECKOUT  # the repository root when running from a checkout


def _default_dist(environ: Mapping[str, str]) -> Path:
    """``dist/`` of the checkout; an installed package writes to the user's cache instead
    of its own installation directory."""
    if not INSTALLED:
        return CHECKOUT / "dist"
    cache = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "ata-zan" / "dist"


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    minimum: float = 1

    @property
    def env(self) -> str:
        return "KG_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", DATA_DIR, "Directory of the curated YAML data."),
    Setting(
        "dist_dir",
        _default_dist(os.environ),
        "Directory where `kg build` writes the dumps (installed from a wheel: "
        "~/.cache/ata-zan/dist).",
    ),
    Setting("query_time_limit", 10.0, "Seconds a query may run before it is stopped (503)."),
    Setting(
        "max_rows",
        250_000,
        "Rows (or triples) a result may have; a longer one is refused whole (500), never cut.",
    ),
    Setting("max_request_bytes", 100_000, "Largest request body or query accepted (else 413)."),
    Setting("query_workers", 2, "Worker processes that run queries for each server process."),
    Setting(
        "server_processes",
        1,
        "Copies of the server sharing its port (one per core for throughput); each has its "
        "own query workers.",
    ),
    Setting(
        "worker_memory",
        1024,
        "Memory cap of each query worker in MB (address space); 0 for none.",
        minimum=0,
    ),
    Setting(
        "service_allowlist",
        "",
        "Space-separated endpoint IRIs that SERVICE may call; empty refuses all federation.",
    ),
    Setting(
        "response_cache",
        2048,
        "Answers kept for identical requests, with ETags; 0 turns the cache off.",
        minimum=0,
    ),
    Setting(
        "publish_user",
        "",
        "User name for `kg publish` (else a netrc entry for the store's host).",
    ),
    Setting("publish_password", "", "Password for `kg publish`; never printed."),
    Setting("host", "127.0.0.1", "Address `kg serve` listens on."),
    Setting("port", 8000, "Port `kg serve` listens on."),
)
BY_NAME = {s.name: s for s in SETTINGS}


class Config:
    """Resolved settings. ``Config(environ={...})`` for tests; overrides beat the environment."""

    def __init__(self, environ: Mapping[str, str] | None = None, **overrides: object) -> None:
        env = os.environ if environ is None else environ
        self._values: dict[str, object] = {}
        for s in SETTINGS:
            raw: object = overrides.get(s.name)
            if raw is None:
                raw = env.get(s.env, s.default)
            self._values[s.name] = _cast(s, raw)
        unknown = set(overrides) - set(BY_NAME)
        if unknown:
            raise SettingError(f"unknown setting {sorted(unknown)[0]!r}")

    def with_overrides(self, **overrides: object) -> Config:
        """These settings with the given ones changed; ``None`` leaves one as it is."""
        changed = {name: value for name, value in overrides.items() if value is not None}
        return Config(environ={}, **{**self._values, **changed})

    def __getattr__(self, name: str) -> object:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def data_dir(self) -> Path:
        return self._values["data_dir"]  # type: ignore[return-value]

    @property
    def dist_dir(self) -> Path:
        return self._values["dist_dir"]  # type: ignore[return-value]

    @property
    def query_time_limit(self) -> float:
        return self._values["query_time_limit"]  # type: ignore[return-value]

    @property
    def max_rows(self) -> int:
        return self._values["max_rows"]  # type: ignore[return-value]

    @property
    def max_request_bytes(self) -> int:
        return self._values["max_request_bytes"]  # type: ignore[return-value]

    @property
    def query_workers(self) -> int:
        return self._values["query_workers"]  # type: ignore[return-value]

    @property
    def server_processes(self) -> int:
        return self._values["server_processes"]  # type: ignore[return-value]

    @property
    def worker_memory(self) -> int:
        return self._values["worker_memory"]  # type: ignore[return-value]

    @property
    def response_cache(self) -> int:
        return self._values["response_cache"]  # type: ignore[return-value]

    @property
    def publish_user(self) -> str:
        return self._values["publish_user"]  # type: ignore[return-value]

    @property
    def publish_password(self) -> str:
        return self._values["publish_password"]  # type: ignore[return-value]

    @property
    def host(self) -> str:
        return self._values["host"]  # type: ignore[return-value]

    @property
    def port(self) -> int:
        return self._values["port"]  # type: ignore[return-value]

    @property
    def service_allowlist(self) -> tuple[str, ...]:
        return tuple(str(self._values["service_allowlist"]).split())


def _cast(setting: Setting, raw: object) -> object:
    kind = type(setting.default)
    try:
        if isinstance(setting.default, Path):
            return Path(str(raw)).expanduser().resolve()
        if kind is float:
            value = float(raw)  # type: ignore[arg-type]
        elif kind is int:
            value = int(raw)  # type: ignore[call-overload]
        else:
            return str(raw)
    except (TypeError, ValueError):
        raise SettingError(
            f"setting {setting.name} ({setting.env}) must be a number, not {raw!r}"
        ) from None
    if value < setting.minimum:
        raise SettingError(
            f"setting {setting.name} ({setting.env}) must be at least {setting.minimum:g}"
        )
    return value
