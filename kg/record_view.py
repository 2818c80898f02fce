"""What a page shows of a record or a result row in the page's language.

English pages show the data as it is. A Russian or Kazakh page shows a name only where the
data states it in that language (a stored label, or the translation the data gives of an
English name); a record with no name of its own is headed by its kind and shown as
labelled fields (Кто / Полномочие / В отношении кого); a code stays a code; and text the data
has only in English is not put inline: the cell links to the English page instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.namespaces import ATA
from kg.page_words import WORDS
from kg.queries import SelectResult
from kg.record_words import PROVISION_HEADINGS, type_word

_LATIN = re.compile(r"[A-Za-z]")
_CODE = re.compile(r"^\S+$")  # one token: an id, a date, a duration (P1M), a citation
_PARTS = "; "  # how the named queries join several values in one cell

# The labelled fields at the head of a Russian or Kazakh record page, by property.
_FIELDS = (
    (str(ATA.holder), "who"),
    (str(ATA.bearer), "who"),
    (str(ATA.action), "power"),
    (str(ATA.object), "whom"),
    (str(ATA.office), "about"),
    (str(ATA.concerns), "about"),
)


@dataclass(frozen=True)
class Cell:
    """One value as shown: ``kind`` is ``uri`` (a link to ``text``), ``text``, ``code``
    (shown as code), ``english`` (a link to the English page) or ``none`` (empty)."""

    kind: str
    text: str = ""
    href: str = ""


def heading_of(named: dict[str, Any], lang: str) -> str:
    """The heading of a record's page: its name in ``lang``, else (for a provision) its
    stored heading form with its citation, else its kind."""
    if named["label"]:
        return str(named["label"])
    if lang == "en":
        return str(named["label_en"])
    form = PROVISION_HEADINGS.get(lang, {}).get(str(named["type"]))
    if form and named["citation"]:
        return form.format(c=named["citation"])
    return type_word(str(named["type"]), lang) if named["type"] else WORDS[lang]["statements"]


def text_cell(value: Any, names: dict[str, str], lang: str) -> Cell:
    """A literal in the page's language: as it is, translated by the data, a code, or a
    link to English."""
    if value is None or value == "":
        return Cell("none")
    if isinstance(value, bool):
        return Cell("text", WORDS[lang]["yes" if value else "no"])
    text = str(value)
    if lang == "en" or not _LATIN.search(text):
        return Cell("text", text)
    if text in names:
        return Cell("text", names[text])
    parts = text.split(_PARTS)
    if len(parts) > 1 and all(p in names or not _LATIN.search(p) for p in parts):
        return Cell("text", _PARTS.join(names.get(p, p) for p in parts))
    if _CODE.match(text):
        return Cell("code", text)
    return Cell("english", WORDS[lang]["in_english"])


def local_cells(result: SelectResult, names: dict[str, str], lang: str) -> list[list[Cell]]:
    """The cells of a result, row by row, in the page's language."""
    shown = []
    for index, row in enumerate(result.rows):
        kinds = result.kinds[index] if result.kinds else [None] * len(result.columns)
        line = []
        for column, kind in zip(result.columns, kinds, strict=True):
            value = row[column]
            if kind == "uri":
                line.append(Cell("uri", str(value), str(value)))
            elif kind == "bnode":
                line.append(Cell("code", str(value)))
            else:
                line.append(text_cell(value, names, lang))
        shown.append(line)
    return shown


def statement_values(properties: SelectResult, lang: str) -> list[Cell]:
    """The value of each statement of a record page, in the page's language."""
    shown = []
    for index, row in enumerate(properties.rows):
        kind = properties.kinds[index][2] if properties.kinds else None
        if kind == "uri":
            shown.append(Cell("uri", str(row["value_label"] or ""), str(row["value"])))
        elif lang != "en" and row["value_lang"] and row["value_lang"] != lang:
            # another language's literal: Kazakh on a Russian page stays, English is linked
            if row["value_lang"] in ("ru", "kk"):
                shown.append(Cell("text", str(row["value"])))
            else:
                shown.append(Cell("english", WORDS[lang]["in_english"]))
        else:
            shown.append(text_cell(row["value"], {}, lang))
    return shown


def record_fields(properties: SelectResult, lang: str) -> list[tuple[str, list[str]]]:
    """The labelled fields at the head of a Russian or Kazakh record page (who holds it,
    what power, over whom, whom it concerns), from the record's own statements."""
    if lang == "en":
        return []
    found: dict[str, list[str]] = {}
    for row in properties.rows:
        for prop, field in _FIELDS:
            if str(row["property"]) == prop and row["value_label"]:
                values = found.setdefault(WORDS[lang][field], [])
                if row["value_label"] not in values:
                    values.append(str(row["value_label"]))
    return list(found.items())
