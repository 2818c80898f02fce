"""`kg serve --processes N`: N copies of the server, one per core, so that the HTTP path
(parsing, point lookups, writing answers) is not held to one Python process.

Each copy is a forked child with its own socket on the shared port (kg/listen.py), its own
query workers, store and response cache: nothing is shared, exactly as between replicas
behind a load balancer, so every copy gives the same bytes and ETags. This parent only
watches: it says "serving on" once every copy answers, starts a new copy in place of one
that dies (its socket stays open here, so connections wait in its queue, none refused),
and stops them all on Ctrl-C or SIGTERM."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

# Runs one server on a socket; calls its second argument once it answers requests.
ServeOne = Callable[[socket.socket, Callable[[], None]], None]

STOP_GRACE = 15.0  # seconds a copy has to finish its requests once told to stop
_PR_SET_PDEATHSIG = 1


class StartError(Exception):
    """A server process ended before it answered anything."""


class _Stop(Exception):
    """SIGTERM or SIGINT to the parent."""


def serve_processes(
    sockets: list[socket.socket], serve_one: ServeOne, ready: Callable[[], None]
) -> None:
    """Run ``serve_one`` in a child per socket until Ctrl-C or SIGTERM; ``ready`` once all
    answer. Raises StartError if a child ends before it is ready."""
    context = multiprocessing.get_context("fork")  # the sockets pass as they are
    told, tell = context.Pipe(duplex=False)
    running: dict[int, BaseProcess] = {}  # socket index -> its process

    def start(index: int) -> None:
        process = context.Process(
            target=_child, args=(serve_one, sockets[index], tell, os.getpid()), daemon=False
        )
        process.start()
        running[index] = process

    def on_stop(signum: int, frame: object) -> None:
        raise _Stop

    # set even where SIGINT was ignored (started in the background), as uvicorn does
    previous = {sig: signal.signal(sig, on_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    answering: set[int] = set()  # pids of the copies that said they answer
    try:
        for index in range(len(sockets)):
            start(index)
        announced = False
        while True:
            for index in _watch(told, running, answering):
                start(index)
            if not announced and len(answering) == len(sockets):
                ready()
                announced = True
    except _Stop:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _stop_all(list(running.values()))


def _watch(told: Connection, running: dict[int, BaseProcess], answering: set[int]) -> list[int]:
    """Wait for the next message or end of a copy. Returns the places of copies that ended
    after answering (to start again); a copy that ends before it answered is a StartError,
    at the start or later, so that a copy that cannot start is not started over and over."""
    ended = wait([told, *(p.sentinel for p in running.values())])
    while told.poll():  # every message first: a copy may say it answers and end at once
        answering.add(int(told.recv_bytes()))
    again = []
    for index, process in list(running.items()):
        if process.sentinel not in ended:
            continue
        process.join()  # its pipes close a moment before its exit code is known
        if process.pid not in answering:
            raise StartError(
                f"a server process ended before it answered (exit code {process.exitcode})"
            )
        answering.discard(process.pid or 0)
        print(
            f"Ata Zan: server process {process.pid} ended (exit code {process.exitcode}); "
            "starting another",
            file=sys.stderr,
            flush=True,
        )
        again.append(index)
    return again


def _stop_all(processes: list[BaseProcess]) -> None:
    for process in processes:
        if process.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid or 0, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()


def _child(serve_one: ServeOne, sock: socket.socket, tell: Connection, parent: int) -> None:
    # not the parent's handlers; uvicorn sets its own once it starts
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _end_with(parent)
    serve_one(sock, lambda: tell.send_bytes(str(os.getpid()).encode()))


def _end_with(parent: int) -> None:
    """Be sent SIGTERM if the parent dies, even by SIGKILL (Linux), so no copy is left
    holding the port."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # died before the request above took effect
        os._exit(0)
