"""Counting the words of a page that are not in its language: every Latin-script word a
user sees on a Russian or Kazakh page (its text and its hover text), outside what is code.

The rule, in order:

1. What is code is left out whole: the contents of ``script``, ``style``, ``pre``, ``code``,
   ``textarea`` and ``template`` (SPARQL text, prefixes, query and parameter names, IRIs
   shown as code).
2. The language switch names each language in itself (``English`` next to ``Русский``): an
   element with a ``lang`` attribute other than the page's is left out only when it is a
   link of the language switch (inside ``.langs`` with ``?lang=`` in its address).
3. In the rest, words that are IRIs or short names of IRIs (``eli:kz/...``, ``https://...``),
   file names (``atazan.ttl``) and media types (``text/turtle``) are codes and left out.
4. The names of the standards and formats the site serves (SPARQL, VoID, JSON-LD, Turtle,
   IRI, ...) in :data:`STANDARD_NAMES` are proper names, the same in every language, in any
   case (the ``json`` of a link) and with a Kazakh case ending (``IRI-і``).

Every other word with a Latin letter counts. Visible text and the ``title``, ``alt``,
``placeholder`` and ``aria-label`` attributes (hover and assistive text) are both read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

CODE_TAGS = {"script", "style", "pre", "code", "textarea", "template"}
VOID_TAGS = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col"}
READ_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")
STANDARD_NAMES = {
    "IRI",
    "SPARQL",
    "VoID",
    "RDF",
    "RDF/XML",
    "XML",
    "JSON",
    "JSON-LD",
    "CSV",
    "TSV",
    "HTML",
    "Turtle",
    "TriG",
    "N-Triples",
    "N-Quads",
    "OWL",
    "SKOS",
    "ELI",
    "SHACL",
    "ORG",
    "PROV-O",
}
_IRI = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S+|[a-z][\w-]*:[^\s:]*|/\S*)$", re.IGNORECASE)
_FILE = re.compile(r"^[\w.-]+\.(?:ttl|trig|nq|nt|jsonld|rdf|json|csv|tsv|rq|yaml|html)$")
_MEDIA = re.compile(r"^(?:text|application)/[\w.+-]+$")
_LATIN = re.compile(r"[A-Za-z]")
_KAZAKH_ENDING = re.compile(r"-[а-яәғқңөұүһі]+$")
_TRIM = "()[]{}.,;:!?«»\"'“”„…–—·"


@dataclass
class Page:
    """What a page shows, split into words to judge."""

    lang: str
    words: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # open elements: (tag, leaves its contents out, is the language switch)
        self.stack: list[tuple[str, bool, bool]] = []
        self.page = Page("en")

    def _skipping(self) -> bool:
        return any(skip for _, skip, _ in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = found.get("lang", "en")
        if tag == "a" and "href" in found:
            self.page.links.append(found["href"])
        switch = (
            tag == "a"
            and any(langs for _, _, langs in self.stack)
            and "lang=" in found.get("href", "")
            and found.get("lang", self.page.lang) != self.page.lang
        )
        skip = tag in CODE_TAGS or switch
        if not skip and not self._skipping():
            for name in READ_ATTRIBUTES:
                if found.get(name):
                    self.page.words.extend(found[name].split())
        if tag not in VOID_TAGS:
            self.stack.append((tag, skip, "langs" in found.get("class", "").split()))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.page.words.extend(data.split())


def read_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def is_code(word: str) -> bool:
    for form in (word.strip(_TRIM.replace(":", "")), word.strip(_TRIM)):
        if _IRI.match(form) or _FILE.match(form) or _MEDIA.match(form):
            return True
    return False


def _standard(word: str) -> bool:
    """A standard's name, in any case (json), or with a Kazakh ending (IRI-і)."""
    name = _KAZAKH_ENDING.sub("", word)
    return name.upper() in {n.upper() for n in STANDARD_NAMES}


def foreign_words(page: Page) -> list[str]:
    """The Latin-script words a reader of ``page.lang`` would meet (none for English)."""
    if page.lang == "en":
        return []
    found = []
    for word in page.words:
        bare = word.strip(_TRIM)
        if not _LATIN.search(bare) or is_code(word) or _standard(bare):
            continue
        found.append(bare)
    return found
