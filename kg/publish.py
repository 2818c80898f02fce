"""Publish the dataset to a triple store an integrator runs, through the SPARQL 1.1 Graph
Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/): Oxigraph, Virtuoso,
Fuseki, GraphDB, Neptune and others.

Each named graph is replaced by one PUT, then read back and its triples counted. The
fingerprint of the dataset (a SHA-256 of its sorted N-Quads) is written last, in a graph of
its own; a publish whose fingerprint the store already holds sends nothing. Credentials
come from the settings (``KG_PUBLISH_USER``, ``KG_PUBLISH_PASSWORD``) or from a netrc
entry for the store's host, for HTTP Basic or Digest authentication, and are never printed.
"""

from __future__ import annotations

import hashlib
import netrc
import urllib.error
import urllib.parse
import urllib.request
from base64 import b64encode
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import KGError
from kg.ids import graph

PUBLICATION_GRAPH = str(graph("publication"))
DATASET = "https://w3id.org/atazan/dataset"
VERSION_INFO = "http://www.w3.org/2002/07/owl#versionInfo"
# N-Triples is Turtle, and every Graph Store accepts Turtle.
SEND_AS = "text/turtle"
READ_AS = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
READ_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}


class PublishError(KGError):
    """The store cannot be reached, refuses us, or is not a Graph Store."""


@dataclass
class GraphResult:
    name: str
    ours: int
    theirs: int | None = None  # None: not sent (dry run)


@dataclass
class Report:
    fingerprint: str
    remote_fingerprint: str | None
    graphs: list[GraphResult] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return self.remote_fingerprint == self.fingerprint

    @property
    def mismatched(self) -> list[GraphResult]:
        return [g for g in self.graphs if g.theirs is not None and g.theirs != g.ours]


def fingerprint(nquads: bytes) -> str:
    return "sha256:" + hashlib.sha256(nquads).hexdigest()


def graphs_of(nquads: bytes) -> dict[str, list[ox.Triple]]:
    by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        by_graph[quad.graph_name.value].append(quad.triple)  # type: ignore[union-attr]
    return dict(sorted(by_graph.items()))


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str

    def __repr__(self) -> str:  # never print a password, not even in a traceback
        return f"Credentials(user={self.user!r}, password=***)"


def find_credentials(url: str, user: str, password: str) -> Credentials | None:
    """The settings first, then a netrc entry for the store's host."""
    if user:
        return Credentials(user, password)
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        entry = netrc.netrc().authenticators(host)
    except (FileNotFoundError, netrc.NetrcParseError, OSError):
        return None
    if entry is None:
        return None
    login, _, secret = entry
    return Credentials(login or "", secret or "")


class GraphStore:
    """A Graph Store Protocol endpoint: GET and PUT of one graph by ``?graph=IRI``."""

    def __init__(self, url: str, credentials: Credentials | None, timeout: float = 300) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PublishError(f"not an http(s) URL of a Graph Store: {url!r}")
        if parts.username or parts.password:
            raise PublishError(
                "put credentials in KG_PUBLISH_USER and KG_PUBLISH_PASSWORD or in a netrc "
                "file, not in the URL"
            )
        self.url = url
        self.timeout = timeout
        self.credentials = credentials
        handlers: list[urllib.request.BaseHandler] = []
        self.digest: urllib.request.HTTPDigestAuthHandler | None = None
        if credentials is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, credentials.user, credentials.password)
            self.digest = urllib.request.HTTPDigestAuthHandler(passwords)
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords), self.digest]
        self.opener = urllib.request.build_opener(*handlers)
        self.plain = urllib.request.build_opener()

    def _graph_url(self, name: str) -> str:
        separator = "&" if urllib.parse.urlsplit(self.url).query else "?"
        return self.url + separator + urllib.parse.urlencode({"graph": name})

    def _authorize(self, request: urllib.request.Request) -> None:
        """Answer the store's challenge before a large body is sent: a store that refuses
        an unauthenticated PUT may close the connection before reading the body (Virtuoso
        does), so the challenge is fetched with a bodiless GET of the same URL first."""
        if self.credentials is None or self.digest is None:
            return
        probe = urllib.request.Request(request.full_url, method="GET", headers={"Accept": READ_AS})
        try:
            with self.plain.open(probe, timeout=self.timeout):
                return  # no challenge on reading: send and let the handlers answer one
        except urllib.error.HTTPError as error:
            challenge = error.headers.get("www-authenticate", "")
        except (urllib.error.URLError, OSError):
            return
        scheme, _, rest = challenge.partition(" ")
        if scheme.lower() == "basic":
            token = f"{self.credentials.user}:{self.credentials.password}".encode()
            request.add_unredirected_header("Authorization", "Basic " + b64encode(token).decode())
        elif scheme.lower() == "digest":
            fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
            answer = self.digest.get_authorization(request, fields)
            if answer:
                request.add_unredirected_header("Authorization", "Digest " + answer)

    def _send(self, request: urllib.request.Request) -> tuple[int, str, bytes]:
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.headers.get("content-type", ""), response.read()
        except urllib.error.HTTPError as error:
            body = error.read()[:300].decode("utf-8", errors="replace").strip()
            return error.code, error.headers.get("content-type", ""), body.encode()
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise PublishError(f"cannot reach the store at {self.url}: {reason}") from None

    def _refusal(self, status: int, body: bytes, what: str) -> PublishError:
        said = body.decode("utf-8", errors="replace").strip()
        said = f" (the store said: {said[:200]})" if said else ""
        if status == 401:
            return PublishError(
                f"the store at {self.url} asks for credentials or refused them (401) when "
                f"{what}: set KG_PUBLISH_USER and KG_PUBLISH_PASSWORD, or add a netrc entry "
                "for its host"
            )
        if status == 403:
            return PublishError(f"the store at {self.url} refused {what} (403){said}")
        if status == 404:
            return PublishError(
                f"no Graph Store at {self.url} (404 when {what}); give the store's Graph "
                "Store Protocol URL, such as http://host:7878/store (Oxigraph), "
                "http://host:8890/sparql-graph-crud-auth (Virtuoso), http://host:3030/DATASET/data "
                "(Fuseki) or http://host:7200/repositories/REPO/rdf-graphs/service (GraphDB)"
            )
        if status == 415:
            return PublishError(f"the store at {self.url} does not accept {SEND_AS} (415){said}")
        return PublishError(f"the store at {self.url} answered {status} when {what}{said}")

    def get(self, name: str, missing_ok: bool = False) -> list[ox.Triple] | None:
        request = urllib.request.Request(self._graph_url(name), headers={"Accept": READ_AS})
        status, media, body = self._send(request)
        if status == 404 and missing_ok:
            return None
        if status != 200:
            raise self._refusal(status, body, f"reading graph {name}")
        fmt = READ_FORMATS.get(media.split(";")[0].strip().lower())
        if fmt is None:
            raise PublishError(
                f"the store at {self.url} answered in {media!r}, which we cannot read"
            )
        try:
            return [q.triple for q in ox.parse(body, format=fmt)]
        except SyntaxError as exc:
            raise PublishError(f"the store's copy of {name} cannot be parsed: {exc}") from None

    def put(self, name: str, triples: list[ox.Triple]) -> None:
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        request = urllib.request.Request(
            self._graph_url(name), data=body, method="PUT", headers={"Content-Type": SEND_AS}
        )
        self._authorize(request)
        status, _, answer = self._send(request)
        if status not in (200, 201, 204):
            raise self._refusal(status, answer, f"replacing graph {name}")


def remote_fingerprint(store: GraphStore) -> str | None:
    triples = store.get(PUBLICATION_GRAPH, missing_ok=True)
    for t in triples or []:
        if t.predicate.value == VERSION_INFO and isinstance(t.object, ox.Literal):
            return t.object.value
    return None


def publish(
    store: GraphStore,
    nquads: bytes,
    dry_run: bool = False,
    progress: Callable[[str], None] = lambda _line: None,
) -> Report:
    """Replace each named graph of the store with ours, check the counts, then record the
    fingerprint. Sends nothing if the store already holds this fingerprint."""
    ours = graphs_of(nquads)
    report = Report(fingerprint(nquads), remote_fingerprint(store))
    if report.unchanged:
        progress(f"the store already holds this dataset ({report.fingerprint[:19]}…); nothing sent")
        return report
    for name, triples in ours.items():
        result = GraphResult(name, len(triples))
        if dry_run:
            progress(f"would replace {name}: {len(triples):,} triples")
        else:
            store.put(name, triples)
            result.theirs = len(store.get(name) or [])
            check = "ok" if result.theirs == result.ours else "MISMATCH"
            progress(
                f"replaced {name}: {result.ours:,} triples sent, {result.theirs:,} in the store "
                f"({check})"
            )
        report.graphs.append(result)
    if dry_run or report.mismatched:
        return report
    marker = [
        ox.Triple(ox.NamedNode(DATASET), ox.NamedNode(VERSION_INFO), ox.Literal(report.fingerprint))
    ]
    store.put(PUBLICATION_GRAPH, marker)
    progress(f"recorded the fingerprint {report.fingerprint[:19]}… in {PUBLICATION_GRAPH}")
    return report
