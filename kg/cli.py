"""The ``kg`` command line. Each command is a few lines over library code.

Exit codes: 0 success; 1 the data does not validate, or the query or request failed;
2 the data cannot be loaded at all (like pySHACL's validator); 3 the place to write to or
listen on is not usable (nothing is built or written then). The README's table lists them
per command and tests/test_exit_codes.py runs each.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click

from kg import integrity
from kg.config import Config
from kg.errors import IntegrityError, KGError, QueryError, SourceDataError
from kg.export import DUMPS, fingerprint, write_dumps
from kg.export import serialize as serialize_dump
from kg.formats import ANSWER_FORMATS, ROW_FORMATS, write_answer
from kg.ontology import edge_properties
from kg.queries import QueryRegistry, SelectResult, evaluate, from_text, resolve, select
from kg.sources import load_corpus
from kg.store import load_store

# How a command that prints rows prints them (kg analyze, kg coverage, kg diff).
ROWS_FORMAT = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(sorted(ROW_FORMATS)),
    default="table",
    show_default=True,
)


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


CANNOT_WRITE = 3  # the output's directory does not exist
CANNOT_LISTEN = 3  # `kg serve`: the address cannot be listened on


def writable(path: Path, what: str) -> None:
    """Stop with one line, before any work, when ``path`` cannot be written because its
    directory does not exist (or is a file)."""
    parent = path.parent
    if not parent.is_dir():
        problem = "is not a directory" if parent.exists() else "does not exist"
        fail(f"cannot write {what} {path}: the directory {parent} {problem}", CANNOT_WRITE)


def dist_writable(config: Config) -> None:
    """The dumps' directory may be created, but only inside a directory that exists."""
    if config.dist_dir == Config(environ={}).dist_dir:
        return  # the default (dist/ of the checkout, or the user's cache) is created as needed
    if not config.dist_dir.is_dir():
        writable(config.dist_dir, "the dumps to")


@click.group()
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Data directory (default: data/ of this repository; env KG_DATA_DIR).",
)
@click.option(
    "--dist",
    "dist_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output directory of `kg build` (default: dist/; env KG_DIST_DIR).",
)
@click.version_option(package_name="ata-zan")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None, dist_dir: Path | None) -> None:
    """Ata Zan: the Constitution of Kazakhstan as a knowledge graph."""
    try:
        ctx.obj = Config(data_dir=data_dir, dist_dir=dist_dir)
    except KGError as exc:
        fail(str(exc), 2)


@main.command()
@click.pass_obj
def build(config: Config) -> None:
    """Build the dataset from data/ and write dist/ (Turtle, TriG, N-Quads, JSON-LD)."""
    from kg.build import build_dataset

    started = time.perf_counter()
    dist_writable(config)
    try:
        corpus = load_corpus(config.data_dir)
    except KGError as exc:
        fail(f"cannot load the data: {exc}", 2)
    problems = integrity.check(corpus, edge_properties())
    if problems:
        click.echo("\n".join(str(p) for p in problems), err=True)
        fail(f"{len(problems)} integrity problem(s); nothing written (see `kg validate`)", 1)
    dataset = build_dataset(corpus)
    written = write_dumps(dataset, config.dist_dir, fingerprint(config.data_dir))
    elapsed = time.perf_counter() - started
    for path, dump in zip(written, DUMPS, strict=True):
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes): {dump.description}")
    click.echo(f"built in {elapsed:.2f} s")
    _print_stats(config)


@main.command()
@click.option(
    "--shapes",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="SHACL shapes file (default: ontology/shapes.ttl).",
)
@click.option(
    "--results",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the SHACL results graph to this Turtle file.",
)
@click.pass_obj
def validate(config: Config, shapes: Path | None, results: Path | None) -> None:
    """Check the data: integrity and SHACL. Exit 0 conforms, 1 violations, 2 cannot load."""
    from kg.validate import validate as run_validation

    started = time.perf_counter()
    try:
        report = run_validation(load_corpus(config.data_dir), shapes)
    except SourceDataError as exc:
        fail(f"cannot load the data: {exc}", 2)
    except KGError as exc:
        fail(str(exc), 2)
    if results:
        report.results_graph.serialize(results, format="turtle")
    click.echo(report.text)
    click.echo(f"validated in {time.perf_counter() - started:.2f} s", err=True)
    sys.exit(0 if report.conforms else 1)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            fail(f"--param takes key=value, not {pair!r}", 1)
        if key in params:
            fail(
                f"-p {key} is given twice ({params[key]!r} and {value!r}); a parameter takes "
                "one value: run the query once for each",
                1,
            )
        params[key] = value
    return params


@main.command()
@click.argument("spec")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter of the named query; repeat for several (each key once).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(ANSWER_FORMATS),
    default=None,
    help="Rows (SELECT): table (default), csv, tsv, json. ASK: yes/no, or json. "
    "CONSTRUCT and DESCRIBE: turtle (default), nt, jsonld.",
)
@click.option("--limit", type=int, default=None, help="Return at most this many rows.")
@click.option(
    "--wide", is_flag=True, help="Tables: never shorten long values (on a terminal they are cut)."
)
@click.pass_obj
def query(
    config: Config,
    spec: str,
    params: tuple[str, ...],
    fmt: str | None,
    limit: int | None,
    wide: bool,
) -> None:
    """Run a named query (NAME), a query file (any existing path) or SPARQL text; `-` reads
    the query from standard input. Every form: SELECT prints rows, ASK prints yes or no,
    CONSTRUCT and DESCRIBE print RDF."""
    from kg.hints import empty_result_hints

    values = _parse_params(params)
    try:
        if spec == "-":
            named = from_text(sys.stdin.read(), "<stdin>")
        else:
            named = resolve(spec, QueryRegistry())
        text = named.bind(values)
        store = load_store(config).store
        answer = evaluate(store, text, limit or config.max_rows, named.source)
    except (SourceDataError, IntegrityError) as exc:
        fail(f"cannot load the data: {exc}", 2)
    except KGError as exc:
        fail(str(exc), 1)
    table_width = None if wide or not sys.stdout.isatty() else 60
    try:
        click.echo(write_answer(answer, fmt, table_width), nl=False)
    except QueryError as exc:
        fail(str(exc), 1)
    if isinstance(answer, SelectResult) and not answer.rows and values:
        for hint in empty_result_hints(store, named, values):
            click.echo(f"warning: {hint}", err=True)


@main.command()
def queries() -> None:
    """List the named queries with their titles and parameters."""
    try:
        registry = QueryRegistry()
    except KGError as exc:
        fail(str(exc), 1)
    for q in registry:
        params = ", ".join(p.name for p in q.parameters)
        click.echo(f"{q.name:<28} {q.title}" + (f"  [params: {params}]" if params else ""))


@main.command()
@click.pass_obj
def stats(config: Config) -> None:
    """Counts of provisions, powers, rights, duties, facts, institutions and triples."""
    _print_stats(config)


def _print_stats(config: Config) -> None:
    try:
        store = load_store(config).store
        result = select(store, QueryRegistry().get("stats").bind({}))
    except KGError as exc:
        fail(str(exc), 2)
    click.echo(ROW_FORMATS["table"].write(result), nl=False)


@main.command()
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1; env KG_HOST).")
@click.option(
    "--port", type=int, default=None, help="Port (default 8000; env KG_PORT; 0 picks a free one)."
)
@click.option("--access-log", is_flag=True, help="Print a line for every request.")
@click.option(
    "--get",
    "get_path",
    metavar="PATH",
    help="Answer one request in process, print it and exit (1 unless the status "
    "is 200); for smoke tests and examples.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Query worker processes of each server process (default 2; env KG_QUERY_WORKERS); "
    "each holds its own copy of the store, about 75 MB.",
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=None,
    help="Server processes sharing the port (default 1; env KG_SERVER_PROCESSES); one per "
    "core for throughput. Each has its own workers; about 100 MB each plus its workers.",
)
@click.pass_obj
def serve(
    config: Config,
    host: str | None,
    port: int | None,
    access_log: bool,
    get_path: str | None,
    workers: int | None,
    processes: int | None,
) -> None:
    """Serve the SPARQL endpoint, linked-data pages, named queries and the graph view.
    Exit 3 when the address cannot be listened on (port in use, not a port, no permission)."""
    from kg.listen import ListenError, listen, listen_shared, url_of

    dist_writable(config)
    config = config.with_overrides(query_workers=workers, server_processes=processes)
    if get_path:
        import asyncio

        from kg.server import create_app, get_once

        app = create_app(config, _served_dump(config))
        status, body = asyncio.run(get_once(app, get_path))
        click.echo(body.decode("utf-8", errors="replace"), nl=False)
        sys.exit(0 if status == 200 else 1)
    host = host or config.host
    count = config.server_processes
    try:  # before anything else, so that a busy port fails at once
        if count == 1:
            sockets = [listen(host, config.port if port is None else port)]
        else:
            sockets = listen_shared(host, config.port if port is None else port, count)
    except ListenError as exc:
        fail(str(exc), CANNOT_LISTEN)
    url = url_of(sockets[0], host)

    def ready() -> None:
        click.echo(f"Ata Zan: serving on {url}  (SPARQL: {url}sparql); press Ctrl-C to stop")

    dumps = _served_dump(config)
    if count == 1:
        _serve_one(config, dumps, access_log, sockets[0], ready)
    else:
        from kg.processes import StartError, serve_processes

        def serve_copy(sock: socket.socket, answering: Callable[[], None]) -> None:
            _serve_one(config, dumps, access_log, sock, answering)

        try:
            with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C while stopping
                serve_processes(sockets, serve_copy, ready)
        except StartError as exc:
            fail(str(exc), 1)
    click.echo("Ata Zan: stopped")


def _serve_one(
    config: Config,
    dumps: Path,
    access_log: bool,
    sock: socket.socket,
    ready: Callable[[], None],
) -> None:
    import uvicorn

    from kg.gathered_writes import GatheredHttpTools
    from kg.server import QuietStartProblem, create_app

    app = create_app(config, dumps, ready=ready)
    level = "info" if access_log else "warning"
    server = uvicorn.Server(
        uvicorn.Config(app, http=GatheredHttpTools, log_level=level, access_log=access_log)
    )
    errors = logging.getLogger("uvicorn.error")
    errors.addFilter(QuietStartProblem(app))
    # uvicorn passes Ctrl-C and SIGTERM on once it has shut down cleanly: both end here
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            server.run(sockets=[sock])
    except SystemExit:  # uvicorn's exit when the app cannot start
        problem = getattr(app.state, "start_problem", None)
        if problem is not None:
            fail(f"cannot start the server: {problem}", 1)
        raise


def _served_dump(config: Config) -> Path:
    """The N-Quads dump the server's workers load, built first if the data changed."""
    from kg.store import ensure_dist

    try:
        return ensure_dist(config)
    except (SourceDataError, IntegrityError) as exc:
        fail(f"cannot load the data: {exc}", 2)


@main.command()
@click.option(
    "--report",
    "-r",
    type=click.Choice(["institutions", "chains", "removal", "mutual", "unchecked"]),
    default="institutions",
    show_default=True,
    help="Which analysis to print.",
)
@ROWS_FORMAT
@click.pass_obj
def analyze(config: Config, report: str, fmt: str) -> None:
    """Network analytics of the graph of powers: per institution (powers held and subject to,
    centrality, ultimate appointers, who checks it), appointment chains, who can remove or
    dissolve whom, pairs that check each other, and bodies no other body checks."""
    from kg.analytics import PowerGraph
    from kg.api import KnowledgeGraph

    try:
        graph = PowerGraph.load(KnowledgeGraph.load(config))
    except (SourceDataError, IntegrityError) as exc:
        fail(f"cannot load the data: {exc}", 2)
    click.echo(ROW_FORMATS[fmt].write(graph.report(report)), nl=False)


@main.command()
@click.option(
    "--lang",
    type=click.Choice(["en", "ru", "kk"]),
    default="en",
    show_default=True,
    help="Language of the labels (the page can switch later).",
)
@click.option(
    "--preset",
    type=click.Choice(
        ["overview", "appointments", "legislative", "checks", "succession", "rights"]
    ),
    default="overview",
    show_default=True,
    help="The view the page opens with.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the self-contained HTML page here.",
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also render a PNG image with headless Chromium (needs the chromium package): the "
    "graph with its caption and legend, no side panels.",
)
@click.option(
    "--svg",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a vector SVG image (no browser needed): the same drawing as the PNG, "
    "its labels as selectable text.",
)
@click.option(
    "--size",
    type=click.Choice(["slide", "a4"]),
    default="slide",
    show_default=True,
    help="Size of the PNG and the SVG: slide (16:9, 1920x1080) or a4 (landscape, 1754x1240, "
    "150 dpi).",
)
@click.option(
    "--compare",
    nargs=2,
    metavar="OLD NEW",
    help="Draw two constitutions in one layout instead (e.g. --compare 1995 2026): lines "
    "only in one, in both, and in both with changed powers, each in its own style.",
)
@click.pass_obj
def viz(
    config: Config,
    lang: str,
    preset: str,
    output: Path | None,
    png: Path | None,
    svg: Path | None,
    size: str,
    compare: tuple[str, str] | None,
) -> None:
    """Draw the interactive graph of powers as one HTML file that works offline."""
    from kg.api import KnowledgeGraph
    from kg.viz import PRINT_SIZES, load_view, render_html
    from kg.viz_svg import view_scene

    if output is None and png is None and svg is None:
        fail("give -o FILE.html, --png FILE.png and/or --svg FILE.svg", 1)
    for path, what in ((output, "the page"), (png, "the image"), (svg, "the image")):
        if path is not None:
            writable(path, what)
    dist_writable(config)
    if compare:
        _viz_compare(config, compare, lang, output, png, svg, size)
        return
    try:
        model = load_view(KnowledgeGraph.load(config))
    except (SourceDataError, IntegrityError) as exc:
        fail(f"cannot load the data: {exc}", 2)
    html = render_html(model, lang, preset)
    nodes, edges = model.visible(preset)
    if output:
        output.write_text(html, encoding="utf-8")
        click.echo(
            f"wrote {output} ({len(html.encode()):,} bytes): {len(nodes)} nodes, "
            f"{len(edges)} powers"
        )
    pixels = PRINT_SIZES[size]
    if png:
        _write_png(render_html(model, lang, preset, printable=True, size=pixels), png, pixels)
    if svg:
        _write_svg(view_scene(model, lang, preset, pixels), svg, pixels)


def _viz_compare(
    config: Config,
    versions: tuple[str, str],
    lang: str,
    output: Path | None,
    png: Path | None,
    svg: Path | None,
    size: str,
) -> None:
    """`kg viz --compare OLD NEW`: the compare view as a page and/or an image."""
    from kg.api import KnowledgeGraph
    from kg.compare import PRESET, compare_html, load_compare
    from kg.viz import PRINT_SIZES
    from kg.viz_svg import compare_scene

    try:
        graph = KnowledgeGraph.load(config)
    except (SourceDataError, IntegrityError) as exc:
        fail(f"cannot load the data: {exc}", 2)
    try:
        model = load_compare(graph, *versions)
    except KGError as exc:
        fail(str(exc), 1)
    if output:
        html = compare_html(model, lang)
        output.write_text(html, encoding="utf-8")
        nodes, edges = model.view.visible(PRESET)
        click.echo(
            f"wrote {output} ({len(html.encode()):,} bytes): {len(nodes)} nodes, "
            f"{len(edges)} powers of {model.old} and {model.new}"
        )
    pixels = PRINT_SIZES[size]
    if png:
        _write_png(compare_html(model, lang, printable=True, size=pixels), png, pixels)
    if svg:
        _write_svg(compare_scene(model, lang, pixels), svg, pixels)


def _write_png(page: str, png: Path, pixels: tuple[int, int]) -> None:
    from kg.viz import screenshot

    try:
        screenshot(page, png, *pixels)
    except KGError as exc:
        fail(str(exc), 1)
    click.echo(f"wrote {png}")


def _write_svg(scene, svg: Path, pixels: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from kg.viz_svg import render_svg

    text, smallest = render_svg(scene, pixels)
    svg.write_text(text, encoding="utf-8")
    click.echo(
        f"wrote {svg} ({len(text.encode()):,} bytes, {pixels[0]}x{pixels[1]}): "
        f"{len(scene.nodes)} boxes, {len(scene.strokes)} lines; smallest label {smallest} px"
    )


def _document(config: Config, version: str | None, text: Path | None = None):  # type: ignore[no-untyped-def]
    """The constitution asked for; without --version, the one an official text names."""
    try:
        corpus = load_corpus(config.data_dir)
    except SourceDataError as exc:
        fail(f"cannot load the data: {exc}", 2)
    if version is None:
        from kg.importer import detect_version, read_text_file

        known = [d.version for d in corpus.documents]
        try:
            found = detect_version(read_text_file(text), known) if text else None
        except KGError as exc:
            fail(str(exc), 2)
        version = found or "2026"
    for document in corpus.documents:
        if document.version == version:
            return document
    fail(f"no constitution {version} in {config.data_dir}", 2)
    return None


@main.command("import-text")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--lang", type=click.Choice(["ru", "kk", "en"]), required=True, help="Language of the file."
)
@click.option(
    "--version",
    default=None,
    help="Which constitution (default: the one the text names in its opening lines, else 2026).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the wording as TriG (default: "
    "dist/official-text-VERSION-LANG.trig). Never data/.",
)
@click.pass_obj
def import_text_command(
    config: Config, file: Path, lang: str, version: str | None, output: Path | None
) -> None:
    """Lay an official text (\"Раздел N.\" / \"Статья N.\" / numbered paragraphs) over the
    provisions; write the matched wording as language-tagged ata:officialText in a graph of
    its own, and report every paragraph of the file without a provision and every provision
    without a paragraph. Exit 0 when both lists are empty, 1 otherwise."""
    from kg.importer import import_text, summarise

    document = _document(config, version, file)
    version = document.version
    try:
        alignment, dataset = import_text(document, file, lang)
    except KGError as exc:
        fail(str(exc), 2)
    if output is None:
        dist_writable(config)
        output = config.dist_dir / f"official-text-{version}-{lang}.trig"
        output.parent.mkdir(parents=True, exist_ok=True)
    else:
        writable(output, "the wording")
    if output.resolve().is_relative_to(config.data_dir.resolve()):
        fail("the official text is never written into data/", 1)
    output.write_bytes(serialize_dump(dataset, "trig"))
    for line in alignment.report(file):
        click.echo(line)
    for line in summarise(alignment, document):
        click.echo(line)
    click.echo(f"wrote {output}")
    sys.exit(0 if alignment.mismatches == 0 else 1)


@main.command()
@click.option(
    "--against",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also compare with an official text, both ways (as import-text does).",
)
@click.option(
    "--lang",
    type=click.Choice(["ru", "kk", "en"]),
    default="ru",
    show_default=True,
    help="Language of the --against file.",
)
@click.option(
    "--version",
    default=None,
    help="Which constitution (default: the one the text names in its opening lines, else 2026).",
)
@ROWS_FORMAT
@click.pass_obj
def coverage(
    config: Config, against: Path | None, lang: str, version: str | None, fmt: str
) -> None:
    """Per section: articles and paragraphs in the graph, how many have summaries, topics
    and facts, and the paragraphs that carry no structured fact (to review)."""
    from kg.coverage import coverage as measure

    document = _document(config, version, against)
    if fmt == "table":
        click.echo(f"Constitution of {document.version}")
    report = measure(document)
    click.echo(ROW_FORMATS[fmt].write(report.sections), nl=False)
    click.echo(
        f"\nParagraphs that no power, right, duty or other fact cites ({len(report.uncited.rows)}):"
    )
    click.echo(ROW_FORMATS[fmt].write(report.uncited), nl=False)
    if against:
        from kg.importer import import_text, summarise

        try:
            alignment, _ = import_text(document, against, lang)
        except KGError as exc:
            fail(str(exc), 2)
        click.echo(f"\nCompared with {against}:")
        for line in [*alignment.report(against), *summarise(alignment, document)]:
            click.echo(line)
        sys.exit(0 if alignment.mismatches == 0 else 1)


@main.command()
@click.argument("url")
@click.option("--dry-run", is_flag=True, help="Say what would be sent; change nothing.")
@click.pass_obj
def publish(config: Config, url: str, dry_run: bool) -> None:
    """Publish every named graph to a SPARQL 1.1 Graph Store (its Graph Store Protocol URL),
    one PUT per graph, and check the counts; sends nothing if the store is up to date."""
    from kg.publish import GraphStore, PublishError, find_credentials
    from kg.publish import publish as publish_dataset

    try:
        data = load_store(config).nquads
    except KGError as exc:
        fail(f"cannot load the data: {exc}", 2)
    try:
        credentials = find_credentials(url, config.publish_user, config.publish_password)
        report = publish_dataset(GraphStore(url, credentials), data, dry_run, click.echo)
    except PublishError as exc:
        fail(str(exc), 3)
    if report.mismatched:
        names = ", ".join(g.name for g in report.mismatched)
        fail(
            f"the store's counts differ from ours for {names}; the fingerprint was not recorded", 1
        )


@main.command("diff")
@click.option("--from", "old", default="1995", show_default=True, help="The earlier constitution.")
@click.option("--to", "new", default="2026", show_default=True, help="The later constitution.")
@click.option("--holder", help="Only changes of this body (id or any label, in any language).")
@click.option("--kind", type=click.Choice(["power", "right", "duty", "institution", "fact"]))
@click.option("--change", type=click.Choice(["added", "removed", "changed"]))
@click.option("--summary", is_flag=True, help="Per institution: powers gained, lost, changed.")
@ROWS_FORMAT
@click.pass_obj
def diff_command(
    config: Config,
    old: str,
    new: str,
    holder: str | None,
    kind: str | None,
    change: str | None,
    summary: bool,
    fmt: str,
) -> None:
    """What changed from one constitution to the other, power by power: one row per power,
    right, duty, institution or fact added, removed or changed, with the fields that differ
    and the articles on both sides."""
    from kg.diff import diff_result, summary_result

    try:
        corpus = load_corpus(config.data_dir)
        changes, result = diff_result(corpus, old, new, holder, kind, change)
    except SourceDataError as exc:
        fail(f"cannot load the data: {exc}", 2)
    except KGError as exc:
        fail(str(exc), 1)
    click.echo(
        ROW_FORMATS[fmt].write(summary_result(corpus, changes) if summary else result), nl=False
    )
