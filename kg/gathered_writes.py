"""One system call per small answer: uvicorn writes an answer's status line and headers,
then its body, each straight to the socket. That is two sends and two TCP segments for
every answer, about a tenth of the server process's time on a point lookup (profiled with
py-spy). Here uvicorn's HTTP protocol writes through a transport that holds one write back
until the next one, or until the end of the event loop's turn, and sends them joined.

At most one write is held, so a streamed answer (a data dump) is never more than one chunk
behind, and the transport's flow control still sees every byte."""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class _HoldOneWrite:
    """A transport that holds back one write; everything but write and close goes to the
    real transport as it is."""

    __slots__ = ("_held", "_loop", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._held: bytes | None = None
        self._loop = loop

    def write(self, data: bytes) -> None:
        held = self._held
        if held is None:
            self._held = bytes(data)
            self._loop.call_soon(self._release)
        else:
            self._held = None
            self._transport.write(held + data)

    def _release(self) -> None:
        held, self._held = self._held, None
        if held and not self._transport.is_closing():
            self._transport.write(held)

    def close(self) -> None:
        self._release()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class GatheredHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol, writing through _HoldOneWrite."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        held = _HoldOneWrite(transport, asyncio.get_running_loop())
        super().connection_made(held)  # type: ignore[arg-type]
