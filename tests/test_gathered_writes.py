"""One socket write per small answer (kg/gathered_writes.py): uvicorn's status line and
headers leave joined with the body; at most one write is ever held back, and nothing is
lost at the end of the loop's turn or on close. Checked on a real connection, counting
the writes that reach the real transport."""

from __future__ import annotations

import asyncio
import socket

from kg.gathered_writes import _HoldOneWrite


class _Counted(asyncio.Protocol):
    pass


async def _connected() -> tuple[asyncio.Transport, socket.socket, list[bytes]]:
    loop = asyncio.get_running_loop()
    ours, theirs = socket.socketpair()
    transport, _ = await loop.connect_accepted_socket(_Counted, ours)
    sent: list[bytes] = []
    real_write = transport.write

    def counting_write(data: bytes) -> None:
        sent.append(bytes(data))
        real_write(data)

    transport.write = counting_write  # type: ignore[method-assign]
    theirs.setblocking(False)
    return transport, theirs, sent


async def _received(peer: socket.socket, size: int) -> bytes:
    loop = asyncio.get_running_loop()
    data = b""
    while len(data) < size:
        data += await loop.sock_recv(peer, size - len(data))
    return data


def test_headers_and_body_leave_in_one_write() -> None:
    async def scenario() -> None:
        transport, peer, sent = await _connected()
        held = _HoldOneWrite(transport, asyncio.get_running_loop())
        held.write(b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\n")
        assert sent == []  # held until the body comes
        held.write(b"body")
        assert sent == [b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nbody"]
        held.write(b"next")  # a third write is held again, then leaves at the turn's end
        assert len(sent) == 1
        await asyncio.sleep(0)
        assert sent[1:] == [b"next"]
        assert await _received(peer, 46) == b"".join(sent)
        held.write(b"last words")
        held.close()  # what is held goes out before the connection closes
        assert sent[-1] == b"last words"
        assert await _received(peer, 10) == b"last words"
        peer.close()

    asyncio.run(scenario())


def test_a_stream_of_chunks_is_at_most_one_chunk_behind() -> None:
    async def scenario() -> None:
        transport, peer, sent = await _connected()
        held = _HoldOneWrite(transport, asyncio.get_running_loop())
        chunks = [bytes([i]) * 1000 for i in range(7)]
        for i, chunk in enumerate(chunks):
            held.write(chunk)
            assert len(b"".join(sent)) >= 1000 * i  # never more than one chunk held
        await asyncio.sleep(0)
        assert b"".join(sent) == b"".join(chunks)
        assert len(sent) == 4  # pairs joined, the odd one at the turn's end
        assert held.is_closing() is False  # everything else is the real transport's
        assert await _received(peer, 7000) == b"".join(chunks)
        held.close()
        peer.close()

    asyncio.run(scenario())
