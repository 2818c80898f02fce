"""Read YAML so that every mapping remembers where it came from.

The curated data is YAML written by hand; its errors must name the file and the line.
PyYAML knows the position of every node while it composes the document, so the loader
below keeps it: mappings become :class:`Located` dicts with the line of each key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from kg.errors import SourceDataError, Where


class Located(dict[str, Any]):
    """A mapping from a data file, with the line of the mapping and of each key."""

    path: Path
    line: int
    key_lines: dict[str, int]

    def where(self, key: str | None = None) -> Where:
        line = self.key_lines.get(key, self.line) if key else self.line
        return Where(self.path, line)


class _Loader(yaml.SafeLoader):
    """A safe loader whose mappings are :class:`Located` and whose keys must be unique."""

    path: Path


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.path = loader.path
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        where = Where(loader.path, key_node.start_mark.line + 1)
        if not isinstance(key, str):
            raise SourceDataError(where, f"a key must be a word, not {key!r}")
        if key in mapping:
            raise SourceDataError(where, f"the key {key!r} appears twice in one mapping")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = where.line
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# YAML 1.1 reads `on`, `no`, `yes` as booleans and 2026-07-01 as a date; our files say
# what they mean, so only true/false are booleans and dates stay strings to be checked.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "yYnNoO":
    _Loader.yaml_implicit_resolvers[_first] = [
        (tag, rx)
        for tag, rx in _Loader.yaml_implicit_resolvers.get(_first, [])
        if tag != "tag:yaml.org,2002:bool"
    ]
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def read_yaml(path: Path) -> Any:
    """Parse one data file; a syntax error becomes a :class:`SourceDataError` with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceDataError(Where(path, 1), f"cannot read the file: {exc}") from exc
    loader = _Loader(text)
    loader.path = path
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SourceDataError(Where(path, line), f"not valid YAML: {exc.problem}") from exc
    finally:
        loader.dispose()


class Fields:
    """Typed access to one mapping, with errors that name the file, the line and the key."""

    def __init__(self, mapping: Any, where: Where, what: str, allowed: set[str]) -> None:
        if not isinstance(mapping, Located):
            raise SourceDataError(where, f"{what} must be a mapping of keys to values")
        unknown = sorted(set(mapping) - allowed)
        if unknown:
            raise SourceDataError(
                mapping.where(unknown[0]),
                f"unknown key {unknown[0]!r} in {what}; allowed keys: {', '.join(sorted(allowed))}",
            )
        self.mapping = mapping
        self.what = what

    @property
    def where(self) -> Where:
        return self.mapping.where()

    def at(self, key: str) -> Where:
        return self.mapping.where(key)

    def has(self, key: str) -> bool:
        return key in self.mapping

    def fail(self, key: str | None, message: str) -> SourceDataError:
        return SourceDataError(self.mapping.where(key), message)

    def raw(self, key: str) -> Any:
        return self.mapping.get(key)

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.mapping.get(key)
        if value is None:
            if required:
                raise self.fail(None, f"{self.what} is missing the field {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"{key!r} must be non-empty text, not {value!r}")
        return " ".join(value.split())

    def required_text(self, key: str) -> str:
        value = self.text(key, required=False)
        if value is None:
            raise self.fail(None, f"{self.what} is missing the field {key!r}")
        return value

    def integer(self, key: str, required: bool = False) -> int | None:
        value = self.mapping.get(key)
        if value is None:
            if required:
                raise self.fail(None, f"{self.what} is missing the field {key!r}")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(key, f"{key!r} must be a whole number, not {value!r}")
        return value

    def boolean(self, key: str) -> bool | None:
        value = self.mapping.get(key)
        if value is not None and not isinstance(value, bool):
            raise self.fail(key, f"{key!r} must be true or false, not {value!r}")
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.mapping.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, f"{key!r} must be a list of texts")
        return tuple(" ".join(v.split()) for v in value)

    def labels(self, key: str, languages: tuple[str, ...], required: bool = True) -> dict[str, str]:
        value = self.mapping.get(key)
        if value is None:
            if required:
                raise self.fail(None, f"{self.what} is missing the field {key!r}")
            return {}
        if not isinstance(value, dict):
            raise self.fail(key, f"{key!r} must map languages ({', '.join(languages)}) to text")
        unknown = sorted(set(value) - {"en", "ru", "kk"})
        if unknown:
            raise self.fail(key, f"{key!r} has an unknown language {unknown[0]!r}; use en, ru, kk")
        missing = [lang for lang in languages if not value.get(lang)]
        if missing:
            raise self.fail(key, f"{key!r} has no {missing[0]!r} text")
        for lang, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise self.fail(key, f"{key!r} in {lang!r} must be non-empty text")
        return {lang: " ".join(text.split()) for lang, text in value.items()}
