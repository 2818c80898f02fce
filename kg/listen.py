"""Open the listening socket for ``kg serve`` before anything else happens, so that a busy
or impossible address fails at once with one clear line, and "serving on" is printed only
when the socket really listens (uvicorn is then handed the open socket)."""

from __future__ import annotations

import errno
import socket
import sys

from kg.errors import KGError


class ListenError(KGError):
    """The server cannot listen on the address it was given."""


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening; port 0 picks a free port."""
    return _open(host, port, share=False)


def listen_shared(host: str, port: int, count: int) -> list[socket.socket]:
    """``count`` listening sockets on one port, one for each server process; the kernel
    spreads new connections among them (SO_REUSEPORT). The port is first taken alone,
    so that a port held by anything else (another `kg serve`, shared or not) still fails
    with the one clear error instead of silently sharing its connections."""
    if not sys.platform.startswith("linux"):  # elsewhere one socket may take every connection
        raise ListenError("--processes above 1 needs Linux (SO_REUSEPORT spreads connections)")
    probe = listen(host, port)
    port = probe.getsockname()[1]
    probe.close()
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sockets.append(_open(host, port, share=True))
    except ListenError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _open(host: str, port: int, share: bool) -> socket.socket:
    if not 0 <= port <= 65535:
        raise ListenError(f"{port} is not a port number (use 1 to 65535, or 0 for any free port)")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror:
        raise ListenError(f"cannot listen on {host!r}: no such host name or address") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if share:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise ListenError(_explain(exc, host, port)) from None
    sock.set_inheritable(True)
    return sock


def _explain(exc: OSError, host: str, port: int) -> str:
    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return (
            f"cannot listen on {where}: the port is already in use (another `kg serve`?); "
            "stop that server or choose another port with --port"
        )
    if exc.errno == errno.EACCES:
        return f"cannot listen on {where}: permission denied (ports below 1024 need root)"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {where}: {host} is not an address of this machine"
    return f"cannot listen on {where}: {exc.strerror or exc}"


def url_of(sock: socket.socket, host: str) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
