"""`kg publish` to real Graph Store Protocol servers started here on 127.0.0.1: Oxigraph's
server (PyPI `oxigraph`) and OpenLink Virtuoso 7 (Debian, with Digest authentication);
a loopback stand-in only for a store that refuses the format. Also: a federated COUNT from
Oxigraph over SERVICE gets the whole count from `kg serve`, or a clear error."""

from __future__ import annotations

import contextlib
import http.server as httpserver
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from kgserver import free_port, http, running
from virtuoso import PASSWORD, USER, virtuoso

from kg.config import ROOT

pytestmark = pytest.mark.server
GRAPHS = [
    "constitution-1995",
    "constitution-2026",
    "diff-1995-2026",
    "institutions",
    "ontology",
    "vocab",
    "void",
]
BASE = "https://w3id.org/atazan/graph/"


@contextlib.contextmanager
def oxigraph_server(directory: Path) -> Iterator[str]:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(directory), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("oxigraph serve did not start") from None
            time.sleep(0.3)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(10)


def kg_publish(
    *args: str, env: dict[str, str] | None = None, data: Path | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kg"]
    if data is not None:
        command += ["--data", str(data)]
    return subprocess.run(
        [*command, "publish", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


def ours() -> dict[str, set[str]]:
    dump = (ROOT / "dist" / "atazan.nq").read_bytes()
    found: dict[str, set[str]] = {}
    for quad in ox.parse(dump, format=ox.RdfFormat.N_QUADS):
        found.setdefault(quad.graph_name.value, set()).add(str(quad.triple))  # type: ignore[union-attr]
    return found


def remote_graph(
    url: str, name: str, opener: urllib.request.OpenerDirector | None = None
) -> set[str]:
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"graph": name}),
        headers={"Accept": "application/n-triples"},
    )
    with (opener or urllib.request.build_opener()).open(request, timeout=60) as response:
        return {str(q.triple) for q in ox.parse(response.read(), format=ox.RdfFormat.N_TRIPLES)}


def add_triple(url: str, name: str, opener: urllib.request.OpenerDirector | None = None) -> None:
    """An extra triple put into the store behind our back (GSP POST merges)."""
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"graph": name}),
        data=b"<urn:extra> <urn:added> <urn:behind-our-back> .\n",
        method="POST",
        headers={"Content-Type": "text/turtle"},
    )
    assert (opener or urllib.request.build_opener()).open(request, timeout=60).status in (
        200,
        201,
        204,
    )


@pytest.fixture(scope="module", autouse=True)
def built() -> None:
    subprocess.run([sys.executable, "-m", "kg", "build"], cwd=ROOT, check=True, capture_output=True)


def test_publish_to_oxigraph_round_trips_and_a_second_publish_sends_nothing(
    tmp_path: Path, data_copy: Callable[..., Path]
) -> None:
    with oxigraph_server(tmp_path / "oxigraph") as url:
        store = url + "/store"
        dry = kg_publish("--dry-run", store)
        assert dry.returncode == 0, dry.stderr
        assert dry.stdout.count("would replace") == len(GRAPHS)
        with pytest.raises(urllib.error.HTTPError):  # nothing was written
            remote_graph(store, BASE + "institutions")

        first = kg_publish(store)
        assert first.returncode == 0, first.stderr
        lines = first.stdout.splitlines()
        replaced = [line.split(": ")[0] for line in lines[: len(GRAPHS)]]
        assert replaced == [f"replaced {BASE}{g}" for g in GRAPHS]
        assert all(line.endswith("(ok)") for line in lines[: len(GRAPHS)])
        expected = ours()
        for name, triples in expected.items():
            assert remote_graph(store, name) == triples, name

        # Unchanged data sends nothing: a triple added behind our back survives.
        add_triple(store, BASE + "vocab")
        second = kg_publish(store)
        assert second.returncode == 0
        assert "nothing sent" in second.stdout and "replaced" not in second.stdout
        assert "<urn:extra>" in " ".join(remote_graph(store, BASE + "vocab"))

        # Changed data is published again, and each graph is replaced whole.
        changed = data_copy(
            "constitution-2026/section-01.yaml",
            "social state that places the\n",
            "social state, one that places the\n",
        )
        third = kg_publish(store, data=changed)
        assert third.returncode == 0, third.stderr
        assert third.stdout.count("replaced") == len(GRAPHS)
        assert "<urn:extra>" not in " ".join(remote_graph(store, BASE + "vocab"))


def test_publish_to_virtuoso_with_digest_authentication(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with virtuoso(tmp_path / "virtuoso") as server:
        store = server.graph_store
        no_credentials = kg_publish(store, env={"HOME": str(home)})
        assert no_credentials.returncode == 3
        assert "401" in no_credentials.stderr and "KG_PUBLISH_USER" in no_credentials.stderr

        wrong = kg_publish(
            store,
            env={"HOME": str(home), "KG_PUBLISH_USER": USER, "KG_PUBLISH_PASSWORD": "s3cret-wrong"},
        )
        assert wrong.returncode == 3 and "401" in wrong.stderr
        assert "s3cret-wrong" not in wrong.stdout + wrong.stderr

        # credentials from a netrc file for the store's host
        netrc = home / ".netrc"
        netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
        netrc.chmod(0o600)
        first = kg_publish(store, env={"HOME": str(home)})
        assert first.returncode == 0, first.stderr
        assert first.stdout.count("(ok)") == len(GRAPHS)
        assert PASSWORD not in first.stdout.replace(" in the store", "")

        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, server.url, USER, PASSWORD)
        opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))
        expected = ours()
        for name, triples in expected.items():
            # Virtuoso keeps every triple, but writes durations its own way: compare counts
            # and the triples without a duration.
            theirs = remote_graph(store, name, opener)
            assert len(theirs) == len(triples), name
            plain = {t for t in triples if "XMLSchema#duration" not in t}
            assert plain <= theirs, name

        add_triple(store, BASE + "vocab", opener)
        second = kg_publish(store, env={"HOME": str(home)})
        assert second.returncode == 0 and "nothing sent" in second.stdout
        assert "<urn:extra>" in " ".join(remote_graph(store, BASE + "vocab", opener))


class RefusesTurtle(httpserver.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404)
        self.end_headers()

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(415)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"only application/rdf+xml here")

    def log_message(self, *args: object) -> None:
        pass


def test_clear_errors_for_unreachable_missing_and_refusing_stores(tmp_path: Path) -> None:
    unreachable = kg_publish(f"http://127.0.0.1:{free_port()}/store")
    assert unreachable.returncode == 3 and "cannot reach the store" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
    with oxigraph_server(tmp_path / "oxigraph") as url:
        missing = kg_publish(url + "/no-such-path")
        assert missing.returncode == 3 and "no Graph Store at" in missing.stderr
    server = httpserver.ThreadingHTTPServer(("127.0.0.1", 0), RefusesTurtle)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        refused = kg_publish(f"http://127.0.0.1:{server.server_address[1]}/store")
    finally:
        server.shutdown()
    assert refused.returncode == 3
    assert "does not accept text/turtle (415)" in refused.stderr
    assert "only application/rdf+xml here" in refused.stderr
    in_url = kg_publish("http://dba:hunter2@127.0.0.1:1/store")
    assert in_url.returncode == 3 and "hunter2" not in in_url.stderr


def test_a_federated_count_from_oxigraph_gets_every_triple_or_an_error(tmp_path: Path) -> None:
    total = sum(len(t) for t in ours().values())
    assert total == len((ROOT / "dist" / "atazan.nq").read_text().splitlines())
    count = "SELECT (COUNT(*) AS ?n) WHERE {{ SERVICE <{}/sparql> {{ ?s ?p ?o }} }}"
    with oxigraph_server(tmp_path / "oxigraph") as oxigraph:
        with running(tmp_path / "dist-whole", tmp_path) as whole:
            status, _, body = http(
                oxigraph + "/query?" + urllib.parse.urlencode({"query": count.format(whole.url)}),
                headers={"Accept": "text/csv"},
            )
            assert status == 200
            assert body.decode().split() == ["n", str(total)]
        with running(tmp_path / "dist-capped", tmp_path, KG_MAX_ROWS="5000") as capped:
            status, _, body = http(
                oxigraph + "/query?" + urllib.parse.urlencode({"query": count.format(capped.url)}),
                headers={"Accept": "text/csv"},
            )
            text = body.decode()
            # Oxigraph has sent its 200 before it calls the service; the error follows.
            assert "5000" not in text.split() and "500" in text and "KG_MAX_ROWS" in text
